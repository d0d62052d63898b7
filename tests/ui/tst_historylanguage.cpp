// SPDX-License-Identifier: GPL-3.0-or-later
// The history words its rows when they are shown, not when they were recorded: an audit row
// and probe runs written while the console spoke English read in Portuguese as soon as the
// Portuguese translator is installed into the running application (as the console does at
// start), headers included, and in English again when it is removed.

#include "viewsfixture.h"

#include "translations.h"

#include "ui/history/historyview.h"
#include "ui/history/pagedhistoryproxy.h"

#include "model/itemmodels/auditlogmodel.h"
#include "model/itemmodels/proberunmodel.h"
#include "model/itemmodels/probestepmodel.h"
#include "model/services/explanations.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QLabel>
#include <QSignalSpy>
#include <QTableView>
#include <QTest>
#include <QTranslator>

using namespace portolan;
using namespace portolan::ui;
using namespace portolan::testing;

class TestHistoryLanguage : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void rowsRecordedInEnglishReadInPortuguese();

private:
    std::unique_ptr<ViewsFixture> m_fixture;
    std::unique_ptr<HistoryView> m_view;

    ProbeRunRecord probe(const std::function<OperationId(ProbeService&)>& start);
    ReservationOutcome reserve(const std::function<OperationId(ReservationService&)>& start);
    QString cell(QAbstractItemModel* model, qint64 id, int column) const;
};

void TestHistoryLanguage::init()
{
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
    m_fixture = std::make_unique<ViewsFixture>();
    QVERIFY(m_fixture->open());
}

void TestHistoryLanguage::cleanup()
{
    m_view.reset();
    m_fixture.reset();
    for (QTranslator* translator : qApp->findChildren<QTranslator*>()) {
        QCoreApplication::removeTranslator(translator);
        delete translator;
    }
    QLocale::setDefault(QLocale::c());
}

ProbeRunRecord TestHistoryLanguage::probe(const std::function<OperationId(ProbeService&)>& start)
{
    QSignalSpy finished(m_fixture->probes.get(), &ProbeService::finished);
    start(*m_fixture->probes);
    if (!finished.wait(10000))
        return {};
    return finished.at(0).at(1).value<ProbeRunRecord>();
}

ReservationOutcome
TestHistoryLanguage::reserve(const std::function<OperationId(ReservationService&)>& start)
{
    QSignalSpy finished(m_fixture->reservations.get(), &ReservationService::operationFinished);
    start(*m_fixture->reservations);
    if (!finished.wait(10000))
        return {};
    return finished.at(0).at(0).value<ReservationOutcome>();
}

QString TestHistoryLanguage::cell(QAbstractItemModel* model, qint64 id, int column) const
{
    for (int row = 0; row < model->rowCount(); ++row) {
        if (model->index(row, 0).data(RecordIdRole).toLongLong() == id)
            return model->index(row, column).data().toString();
    }
    return QStringLiteral("<no row %1>").arg(id);
}

void TestHistoryLanguage::rowsRecordedInEnglishReadInPortuguese()
{
    // Written while the console speaks English.
    const ReservationOutcome created = reserve([](ReservationService& s) {
        return s.create(Protocol::Tcp, PortRange{40000, 10}, QStringLiteral("build agents"));
    });
    QVERIFY(created.ok && created.record);
    const ReservationOutcome noted = reserve([&](ReservationService& s) {
        return s.setNote(created.record->id, QStringLiteral("CI agents"));
    });
    QVERIFY(noted.ok && noted.auditId != 0);
    // Sample 2's pre-filled block: adb.exe holds its only port.
    const ProbeRunRecord failed = probe([](ProbeService& s) {
        return s.runLookupAssociate(PortRange{5037, 1});
    });
    QVERIFY(failed.id != 0 && !failed.ok);

    m_view = std::make_unique<HistoryView>(*m_fixture->store, *m_fixture->probes,
                                           *m_fixture->reservations);
    m_view->resize(1280, 720);
    m_view->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_view.get()));
    QAbstractItemModelTester auditTester(m_view->auditProxy(),
                                         QAbstractItemModelTester::FailureReportingMode::QtTest);
    QAbstractItemModelTester runTester(m_view->runProxy(),
                                       QAbstractItemModelTester::FailureReportingMode::QtTest);
    QAbstractItemModelTester stepTester(m_view->stepModel(),
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
    QVERIFY(m_view->selectRun(failed.id));
    QAbstractItemModel* audit = m_view->auditProxy();
    QAbstractItemModel* runs = m_view->runProxy();
    ProbeStepModel* steps = m_view->stepModel();

    QCOMPARE(cell(audit, noted.auditId, AuditLogModel::RequestColumn),
             QStringLiteral("Note of TCP 40000–40009 (host DEV-WORKSTATION)"));
    QCOMPARE(cell(runs, failed.id, ProbeRunModel::SummaryColumn),
             QStringLiteral("lookup and associate TCP 5037: failed at bind (WSAENOBUFS (10055)), "
                            "5037 held by adb.exe (pid 11840)"));
    QCOMPARE(
        steps->index(0, ProbeStepModel::DetailColumn).data().toString(),
        QStringLiteral("found block 5037, token %1").arg(Explanations::tokenText(failed.token)));

    QSignalSpy auditHeaders(audit, &QAbstractItemModel::headerDataChanged);
    QSignalSpy runRows(runs, &QAbstractItemModel::dataChanged);
    QSignalSpy stepRows(steps, &QAbstractItemModel::dataChanged);
    QCOMPARE(console::installTranslations(*qApp, QLocale(QStringLiteral("pt_BR")), true),
             QStringLiteral("pt_BR"));
    // The views were told to ask again, and what they get is Portuguese.
    QVERIFY(!auditHeaders.isEmpty());
    QVERIFY(!runRows.isEmpty());
    QVERIFY(!stepRows.isEmpty());
    QCOMPARE(audit->headerData(AuditLogModel::RequestColumn, Qt::Horizontal).toString(),
             QStringLiteral("Solicitação"));
    QCOMPARE(cell(audit, noted.auditId, AuditLogModel::RequestColumn),
             QStringLiteral("Nota de TCP 40000–40009 (host DEV-WORKSTATION)"));
    // Create's request is the API call as sent, in every language.
    QCOMPARE(cell(audit, created.auditId, AuditLogModel::RequestColumn),
             QStringLiteral("CreatePersistentTcpPortReservation(40000, 10)"));
    QCOMPARE(cell(runs, failed.id, ProbeRunModel::SummaryColumn),
             QStringLiteral("consultar e associar TCP 5037: falhou em bind (WSAENOBUFS (10055)), "
                            "5037 mantida por adb.exe (pid 11840)"));
    const auto* stepTitle = m_view->findChild<QLabel*>(QStringLiteral("stepTitle"));
    QVERIFY(stepTitle);
    // Widgets hear of the new language through a posted event.
    QTRY_VERIFY2(stepTitle->text().contains(QStringLiteral("falhou em bind")),
                 qPrintable(stepTitle->text()));
    QCOMPARE(runs->headerData(ProbeRunModel::RunColumn, Qt::Horizontal).toString(),
             QStringLiteral("Execução"));
    QCOMPARE(steps->index(0, ProbeStepModel::DetailColumn).data().toString(),
             QStringLiteral("bloco encontrado 5037, token %1")
                 .arg(Explanations::tokenText(failed.token)));
    int bindRow = 0;
    while (bindRow < steps->rowCount() && steps->step(bindRow).kind != StepKind::Bind)
        ++bindRow;
    QVERIFY(bindRow < steps->rowCount());
    const QString meaning =
        steps->index(bindRow, ProbeStepModel::ExplanationColumn).data().toString();
    QVERIFY2(meaning.startsWith(QStringLiteral("Nenhuma porta do bloco reservado está livre")) &&
                 meaning.contains(QStringLiteral("adb.exe (pid 11840)")),
             qPrintable(meaning));

    // Back to English: the same rows, the English words.
    for (QTranslator* translator : qApp->findChildren<QTranslator*>()) {
        QCoreApplication::removeTranslator(translator);
        delete translator;
    }
    QCOMPARE(cell(audit, noted.auditId, AuditLogModel::RequestColumn),
             QStringLiteral("Note of TCP 40000–40009 (host DEV-WORKSTATION)"));
}

int main(int argc, char** argv)
{
    useOffscreenUnlessSet();
    QApplication app(argc, argv);
    TestHistoryLanguage test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_historylanguage.moc"
