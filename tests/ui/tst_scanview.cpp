// SPDX-License-Identifier: GPL-3.0-or-later
// The Scan view on the simulated developer machine: a small range shows WinNAT's forbidden
// block between free runs, a full scan is cancelled half way and keeps what it probed, bad
// ranges are refused beside the field, and the runs' model is a well-behaved item model.

#include "viewsfixture.h"

#include "ui/scan/scanrunmodel.h"
#include "ui/scan/scanview.h"

#include "platform/nativecodes.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>

#include <algorithm>

using namespace portolan;
using namespace portolan::ui;
using namespace portolan::testing;

// Enums of namespace portolan are compared as int (see tst_portmapwidget.cpp).

namespace {

template <typename T> T* child(QWidget& view, const char* name)
{
    T* widget = view.findChild<T*>(QString::fromLatin1(name));
    if (!widget)
        qFatal("no child %s", name);
    return widget;
}

void typeRange(ScanView& view, const QString& text)
{
    QLineEdit* edit = child<QLineEdit>(view, "scanRange");
    edit->selectAll();
    QTest::keyClicks(edit, text);
    if (edit->text() != text)
        edit->setText(text);
}

ScanRun run(quint16 first, quint16 last, BindOutcome outcome, std::int64_t code = 0,
            const char* name = "", const char* holder = "")
{
    ScanRun run{first, last, outcome, code, name, {}};
    run.holder.owner = holder; // the reservation owners these tests expect
    if (*holder)
        run.holder.evidence = "scenario";
    return run;
}

} // namespace

class TestScanView : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void smallRangeShowsRunsOfEachOutcome();
    void enterStartsAndHideFreeFilters();
    void anotherAccountsListenerIsNotFree();
    void fullScanCancelledHalfWayKeepsAPrefix();
    void badRangeIsRefused_data();
    void badRangeIsRefused();
    void runModelPassesTheModelTester();

private:
    std::unique_ptr<ViewsFixture> m_fixture;
    std::unique_ptr<ScanView> m_view;
    std::unique_ptr<QAbstractItemModelTester> m_tester;
};

void TestScanView::init()
{
    m_fixture = std::make_unique<ViewsFixture>();
    // The developer machine plus a service of another account on TCP 0.0.0.0:7000.
    const bool accounts =
        QByteArray(QTest::currentTestFunction()) == "anotherAccountsListenerIsNotFree";
    QVERIFY(m_fixture->open(accounts ? "developer-accounts.json" : "developer.json"));
    m_view = std::make_unique<ScanView>(*m_fixture->probes);
    m_view->resize(1280, 720);
    m_view->show();
    m_view->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(m_view.get()));
    m_tester = std::make_unique<QAbstractItemModelTester>(
        m_view->runModel(), QAbstractItemModelTester::FailureReportingMode::QtTest);
}

void TestScanView::cleanup()
{
    m_tester.reset();
    m_view.reset();
    m_fixture.reset();
}

void TestScanView::smallRangeShowsRunsOfEachOutcome()
{
    QCOMPARE(child<QLineEdit>(*m_view, "scanRange")->text(), QStringLiteral("1-65535"));
    typeRange(*m_view, QStringLiteral("2800-3400"));
    QSignalSpy finished(m_view.get(), &ScanView::scanFinished);
    QTest::mouseClick(child<QPushButton>(*m_view, "scanStart"), Qt::LeftButton);
    QVERIFY(finished.wait(10000));

    const auto result = finished.at(0).at(0).value<ScanResult>();
    QVERIFY(!result.cancelled);
    QCOMPARE(result.probed, 601u);
    const std::vector<ScanRun> expected{
        run(2800, 2868, BindOutcome::Free),
        run(2869, 3368, BindOutcome::Forbidden, native::kWsaEacces, "WSAEACCES",
            "Windows NAT (WinNAT)"),
        run(3369, 3400, BindOutcome::Free),
    };
    QCOMPARE(result.runs.size(), expected.size());
    for (std::size_t i = 0; i < expected.size(); ++i) {
        QCOMPARE(result.runs[i].first, expected[i].first);
        QCOMPARE(result.runs[i].last, expected[i].last);
        QCOMPARE(int(result.runs[i].outcome), int(expected[i].outcome));
        QCOMPARE(result.runs[i].code, expected[i].code);
        QCOMPARE(result.runs[i].holder.describe(), expected[i].holder.describe());
    }

    // The table says the same, in words.
    const ScanRunModel& model = *m_view->runModel();
    QCOMPARE(model.rowCount(), 3);
    QCOMPARE(model.index(1, ScanRunModel::PortsColumn).data().toString(),
             QStringLiteral("2869–3368"));
    QCOMPARE(model.index(1, ScanRunModel::CountColumn).data().toString(), QStringLiteral("500"));
    QCOMPARE(model.index(1, ScanRunModel::OutcomeColumn).data().toString(),
             QStringLiteral("forbidden"));
    QCOMPARE(model.index(1, ScanRunModel::CodeColumn).data().toString(),
             QStringLiteral("WSAEACCES (10013)"));
    QCOMPARE(model.index(1, ScanRunModel::HolderColumn).data().toString(),
             QStringLiteral("Windows NAT (WinNAT)"));
    QCOMPARE(model.index(0, ScanRunModel::OutcomeColumn).data().toString(), QStringLiteral("free"));

    const QString summary = m_view->summaryText();
    QVERIFY2(summary.startsWith(QStringLiteral("Complete: 601 ports")), qPrintable(summary));
    QVERIFY2(summary.contains(QStringLiteral("101 free")), qPrintable(summary));
    QVERIFY2(summary.contains(QStringLiteral("500 forbidden")), qPrintable(summary));
    QVERIFY2(summary.contains(QStringLiteral("(3 runs)")), qPrintable(summary));
    QCOMPARE(child<QProgressBar>(*m_view, "scanProgress")->value(), 601);

    // Recorded in the history, with one step per run.
    auto runs = m_fixture->store->probeRuns().runs({}, 10);
    QVERIFY(runs.ok());
    QCOMPARE(runs->size(), 1);
    QCOMPARE(int(runs->front().kind), int(ProbeKind::Scan));
    QCOMPARE(runs->front().stepCount, 3);
}

void TestScanView::anotherAccountsListenerIsNotFree()
{
    // The default scan binds exclusively to 0.0.0.0: syncd.exe's port 7000 is in use.
    QCOMPARE(child<QComboBox>(*m_view, "scanAddress")->currentText(), QStringLiteral("0.0.0.0"));
    typeRange(*m_view, QStringLiteral("6990-7010"));
    QSignalSpy finished(m_view.get(), &ScanView::scanFinished);
    QTest::mouseClick(child<QPushButton>(*m_view, "scanStart"), Qt::LeftButton);
    QVERIFY(finished.wait(10000));
    const ScanRunModel& model = *m_view->runModel();
    QCOMPARE(model.rowCount(), 3);
    QCOMPARE(model.index(1, ScanRunModel::PortsColumn).data().toString(), QStringLiteral("7000"));
    QCOMPARE(model.index(1, ScanRunModel::OutcomeColumn).data().toString(),
             QStringLiteral("in use"));
    QCOMPARE(model.index(1, ScanRunModel::HolderColumn).data().toString(),
             QStringLiteral("syncd.exe (pid 7788)"));

    // On 127.0.0.1 a plain bind is denied by the other account's listener, not forbidden.
    child<QComboBox>(*m_view, "scanAddress")->setCurrentText(QStringLiteral("127.0.0.1"));
    QTest::mouseClick(child<QPushButton>(*m_view, "scanStart"), Qt::LeftButton);
    QVERIFY(finished.wait(10000));
    QCOMPARE(model.rowCount(), 3);
    QCOMPARE(model.index(1, ScanRunModel::OutcomeColumn).data().toString(),
             QStringLiteral("denied"));
    QCOMPARE(model.index(1, ScanRunModel::CodeColumn).data().toString(),
             QStringLiteral("WSAEACCES (10013)"));
    QCOMPARE(model.index(1, ScanRunModel::HolderColumn).data().toString(),
             QStringLiteral("syncd.exe (pid 7788)"));
    const QString summary = m_view->summaryText();
    QVERIFY2(summary.contains(QStringLiteral("1 denied")), qPrintable(summary));
    QVERIFY2(summary.contains(QStringLiteral("0 forbidden")), qPrintable(summary));
}

void TestScanView::enterStartsAndHideFreeFilters()
{
    typeRange(*m_view, QStringLiteral("5030-5040"));
    QSignalSpy finished(m_view.get(), &ScanView::scanFinished);
    QTest::keyClick(child<QLineEdit>(*m_view, "scanRange"), Qt::Key_Return);
    QVERIFY(finished.wait(10000));
    // adb listens on 127.0.0.1:5037 (inside its persistent block): in use.
    const ScanRunModel& model = *m_view->runModel();
    QCOMPARE(model.rowCount(), 3);
    QCOMPARE(model.index(1, ScanRunModel::PortsColumn).data().toString(), QStringLiteral("5037"));
    QCOMPARE(model.index(1, ScanRunModel::OutcomeColumn).data().toString(),
             QStringLiteral("in use"));
    QVERIFY(model.index(1, ScanRunModel::HolderColumn)
                .data()
                .toString()
                .contains(QStringLiteral("adb.exe")));

    QCheckBox* hideFree = child<QCheckBox>(*m_view, "scanHideFree");
    hideFree->setFocus();
    QTest::keyClick(hideFree, Qt::Key_Space);
    QVERIFY(hideFree->isChecked());
    QCOMPARE(model.rowCount(), 1);
    QCOMPARE(model.index(0, ScanRunModel::PortsColumn).data().toString(), QStringLiteral("5037"));
    QCOMPARE(model.runs().size(), std::size_t(3)); // hidden, not dropped
}

void TestScanView::fullScanCancelledHalfWayKeepsAPrefix()
{
    // Probes above 32768 wait at a gate, and each one takes a little time: the cancel lands
    // half way on any machine.
    m_fixture->backend->setProbeDelay(std::chrono::microseconds(20));
    m_fixture->backend->closeAt(32768);

    QPushButton* start = child<QPushButton>(*m_view, "scanStart");
    QPushButton* cancel = child<QPushButton>(*m_view, "scanCancel");
    QProgressBar* progress = child<QProgressBar>(*m_view, "scanProgress");
    QVERIFY(!cancel->isEnabled());
    QSignalSpy finished(m_view.get(), &ScanView::scanFinished);
    QSignalSpy progressed(m_fixture->probes.get(), &ProbeService::scanProgress);
    QTest::mouseClick(start, Qt::LeftButton);
    QVERIFY(m_view->isScanning());
    QVERIFY(!start->isEnabled());
    QVERIFY(cancel->isEnabled());
    QVERIFY(!child<QLineEdit>(*m_view, "scanRange")->isEnabled());
    QCOMPARE(progress->maximum(), 65535);

    QTRY_VERIFY_WITH_TIMEOUT(progress->value() >= 8000, 30000);
    QVERIFY(finished.isEmpty());
    QVERIFY(!progressed.isEmpty());
    // The table fills in while the scan goes on: WinNAT's 2869-3368 is already a row of its own.
    const ScanRunModel& model = *m_view->runModel();
    QTRY_VERIFY_WITH_TIMEOUT(!model.runs().empty() && model.runs().back().last >= 3368, 30000);
    QVERIFY(finished.isEmpty());
    QVERIFY(std::any_of(model.runs().begin(), model.runs().end(), [](const ScanRun& run) {
        return run.outcome == BindOutcome::Forbidden && run.first <= 3000 && run.last >= 3000;
    }));
    const quint32 settledBeforeCancel = model.runs().back().last;
    // Esc is the keyboard's Cancel.
    QVERIFY(QApplication::focusWidget() && m_view->isAncestorOf(QApplication::focusWidget()));
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Escape);
    QVERIFY(!cancel->isEnabled()); // pressed once; the scan is stopping
    m_fixture->backend->open();
    QVERIFY(finished.wait(30000));

    const auto result = finished.at(0).at(0).value<ScanResult>();
    QVERIFY(result.cancelled);
    QVERIFY(!result.runs.empty());
    // A prefix of the range without holes: from port 1 to where it stopped, short of 65535.
    QCOMPARE(result.runs.front().first, quint16(1));
    quint32 probed = 0;
    for (std::size_t i = 0; i < result.runs.size(); ++i) {
        if (i > 0)
            QCOMPARE(quint32(result.runs[i].first), quint32(result.runs[i - 1].last) + 1);
        probed += quint32(result.runs[i].last) - result.runs[i].first + 1;
    }
    QCOMPARE(result.probed, probed);
    // What the table already showed stays; the rest depends on where each thread was.
    QVERIFY(result.probed >= settledBeforeCancel);
    QVERIFY(result.runs.back().last < 65535);

    const QString summary = m_view->summaryText();
    QVERIFY2(summary.startsWith(QStringLiteral("Cancelled after")), qPrintable(summary));
    // The UI is usable again.
    QVERIFY(!m_view->isScanning());
    QVERIFY(start->isEnabled());
    QVERIFY(!cancel->isEnabled());
    QVERIFY(child<QLineEdit>(*m_view, "scanRange")->isEnabled());
    QVERIFY(child<QComboBox>(*m_view, "scanAddress")->isEnabled());
    QCOMPARE(progress->value(), int(result.probed));

    auto runs = m_fixture->store->probeRuns().runs({}, 10);
    QVERIFY(runs.ok());
    QCOMPARE(runs->size(), 1);
    QVERIFY(runs->front().cancelled);
}

void TestScanView::badRangeIsRefused_data()
{
    QTest::addColumn<QString>("text");
    QTest::newRow("port 0") << "0-10";
    QTest::newRow("backwards") << "10-5";
    QTest::newRow("too large") << "70000";
    QTest::newRow("words") << "all";
    QTest::newRow("empty") << "";
    QTest::newRow("open end") << "100-";
}

void TestScanView::badRangeIsRefused()
{
    QFETCH(QString, text);
    typeRange(*m_view, text);
    QLabel* errors = child<QLabel>(*m_view, "scanErrors");
    QVERIFY(errors->isVisible());
    QVERIFY2(errors->text().startsWith(QStringLiteral("ports")), qPrintable(errors->text()));
    QVERIFY(child<QLineEdit>(*m_view, "scanRange")->property("portolanInvalid").toBool());
    QVERIFY(!child<QPushButton>(*m_view, "scanStart")->isEnabled());
    QTest::keyClick(child<QLineEdit>(*m_view, "scanRange"), Qt::Key_Return);
    QVERIFY(!m_view->isScanning());
    QTest::qWait(50);
    QCOMPARE(m_fixture->recordedRuns(), 0);

    typeRange(*m_view, QStringLiteral("3000"));
    QVERIFY(errors->isHidden());
    QVERIFY(child<QPushButton>(*m_view, "scanStart")->isEnabled());
}

void TestScanView::runModelPassesTheModelTester()
{
    ScanRunModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setRuns(
        {run(1, 134, BindOutcome::Free),
         run(135, 135, BindOutcome::InUse, 10048, "WSAEADDRINUSE", "svchost.exe (pid 1060)"),
         run(136, 2868, BindOutcome::Free),
         run(2869, 3368, BindOutcome::Forbidden, 10013, "WSAEACCES", "Windows NAT (WinNAT)")});
    QCOMPARE(model.rowCount(), 4);
    model.setHideFree(true);
    QCOMPARE(model.rowCount(), 2);
    QCOMPARE(model.index(0, 0).data(ScanRunModel::FirstPortRole).toInt(), 135);
    model.setHideFree(false);
    QCOMPARE(model.rowCount(), 4);
    model.clear();
    QCOMPARE(model.rowCount(), 0);
}

int main(int argc, char** argv)
{
    useOffscreenUnlessSet();
    QApplication app(argc, argv);
    QApplication::setFont(QFont(QStringLiteral("DejaVu Sans"), 9));
    TestScanView test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_scanview.moc"
