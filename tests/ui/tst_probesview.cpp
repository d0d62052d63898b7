// SPDX-License-Identifier: GPL-3.0-or-later
// The Probes view as a user drives it on the simulated developer machine: both sample
// programs, the custom probe, the bind probe on port 3000 that WinNAT forbids, and every kind
// of bad input refused beside its field with nothing run.

#include "viewsfixture.h"

#include "ui/probes/livestepmodel.h"
#include "ui/probes/probesview.h"

#include "platform/nativecodes.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QSignalSpy>
#include <QTest>

using namespace portolan;
using namespace portolan::ui;
using namespace portolan::testing;

// Enums of namespace portolan are compared as int: ADL finds portolan::toString before
// QTest's, and QCOMPARE then does not compile.

namespace {

template <typename T> T* child(QWidget& view, const char* name)
{
    T* widget = view.findChild<T*>(QString::fromLatin1(name));
    if (!widget)
        qFatal("no child %s", name);
    return widget;
}

void setText(QWidget& view, const char* name, const QString& text)
{
    QLineEdit* edit = child<QLineEdit>(view, name);
    edit->selectAll();
    // Typed, so the checks run as they would for a user; QTest types Latin-1 only.
    bool latin1 = true;
    for (QChar c : text)
        latin1 = latin1 && c.unicode() < 0x80;
    if (latin1)
        QTest::keyClicks(edit, text);
    if (edit->text() != text)
        edit->setText(text);
}

QList<int> stepKinds(const LiveStepModel& model)
{
    QList<int> kinds;
    for (int row = 0; row < model.rowCount(); ++row)
        kinds << model.index(row, 0).data(LiveStepModel::StepKindRole).toInt();
    return kinds;
}

QList<int> kinds(std::initializer_list<StepKind> list)
{
    QList<int> out;
    for (StepKind k : list)
        out << int(k);
    return out;
}

} // namespace

class TestProbesView : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void sample1ShowsEveryStepLive();
    void sample2AllocatesInsideTheSeededBlock();
    void bindProbeOn3000IsForbiddenByWinNat();
    void bindProbeWithoutKnownBlocksStillNamesTheHolder();
    void bindProbeOfAFreePort();
    void bindProbeBesideAnotherAccountsListenerIsDenied();
    void customProbeAllocatesInsideTheAcquiredBlock();
    void customProbeByTokenUsesTheKnownBlock();
    void failedStepIsExplained();
    void refusedPlanNamesWhatHoldsThePorts_data();
    void refusedPlanNamesWhatHoldsThePorts();
    void badInputIsRefusedBesideTheField_data();
    void badInputIsRefusedBesideTheField();
    void buttonsAreDisabledWhileTheServiceIsBusy();

private:
    std::unique_ptr<ViewsFixture> m_fixture;
    std::unique_ptr<ProbesView> m_view;
    std::unique_ptr<QAbstractItemModelTester> m_tester;

    ProbeRunRecord runAndWait(const char* button);
};

void TestProbesView::init()
{
    m_fixture = std::make_unique<ViewsFixture>();
    // The developer machine plus a service of another account on TCP 0.0.0.0:7000.
    const bool accounts = QByteArray(QTest::currentTestFunction()) ==
                          "bindProbeBesideAnotherAccountsListenerIsDenied";
    QVERIFY(m_fixture->open(accounts ? "developer-accounts.json" : "developer.json"));
    m_view = std::make_unique<ProbesView>(*m_fixture->probes);
    m_view->resize(1280, 720);
    m_view->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_view.get()));
    m_tester = std::make_unique<QAbstractItemModelTester>(
        m_view->stepModel(), QAbstractItemModelTester::FailureReportingMode::QtTest);
}

void TestProbesView::cleanup()
{
    m_tester.reset();
    m_view.reset();
    m_fixture.reset();
}

ProbeRunRecord TestProbesView::runAndWait(const char* button)
{
    QSignalSpy finished(m_view.get(), &ProbesView::runFinished);
    QPushButton* run = child<QPushButton>(*m_view, button);
    if (!run->isEnabled()) {
        qWarning("%s is disabled", button);
        return {};
    }
    QTest::mouseClick(run, Qt::LeftButton);
    // While it runs, no probe can be started twice.
    if (m_view->isRunning() && run->isEnabled())
        qWarning("%s stayed enabled during the run", button);
    if (!finished.wait(10000) && finished.isEmpty())
        return {};
    return finished.at(0).at(0).value<ProbeRunRecord>();
}

void TestProbesView::sample1ShowsEveryStepLive()
{
    // The defaults are the sample's: IPv4 stream TCP, start 0 (the system chooses), count 10.
    QCOMPARE(child<QLineEdit>(*m_view, "sample1Start")->text(), QStringLiteral("0"));
    QCOMPARE(child<QLineEdit>(*m_view, "sample1Count")->text(), QStringLiteral("10"));

    QSignalSpy rowsInserted(m_view->stepModel(), &QAbstractItemModel::rowsInserted);
    QSignalSpy finished(m_view.get(), &ProbesView::runFinished);
    QPushButton* run = child<QPushButton>(*m_view, "sample1Run");
    QTest::mouseClick(run, Qt::LeftButton);
    QVERIFY(m_view->isRunning());
    QVERIFY(!run->isEnabled());
    QVERIFY(finished.wait(10000));

    const auto record = finished.at(0).at(0).value<ProbeRunRecord>();
    QVERIFY(record.ok);
    QVERIFY(record.id != 0);
    // Each step arrived as its own row before the run finished: live, not at the end.
    QCOMPARE(rowsInserted.size(), record.steps.size());
    const LiveStepModel& steps = *m_view->stepModel();
    QCOMPARE(stepKinds(steps),
             kinds({StepKind::OpenSocket, StepKind::Acquire, StepKind::Release, StepKind::Close}));
    for (int row = 0; row < steps.rowCount(); ++row) {
        QVERIFY(steps.index(row, 0).data(LiveStepModel::OkRole).toBool());
        QCOMPARE(steps.index(row, LiveStepModel::ResultColumn).data().toString(),
                 QStringLiteral("ok"));
        QVERIFY(!steps.index(row, LiveStepModel::ExplanationColumn).data().toString().isEmpty());
        QVERIFY(!steps.index(row, LiveStepModel::DurationColumn).data().toString().isEmpty());
    }
    QCOMPARE(int(record.granted.count), 10);
    const QString summary = m_view->summaryText();
    QVERIFY2(summary.contains(QStringLiteral("acquired TCP %1–%2")
                                  .arg(record.granted.start)
                                  .arg(record.granted.end())),
             qPrintable(summary));
    QVERIFY(summary.contains(QStringLiteral("released")));
    QVERIFY(run->isEnabled());
    QCOMPARE(m_fixture->recordedRuns(), 1);
}

void TestProbesView::sample2AllocatesInsideTheSeededBlock()
{
    // The persistent block the sample looks up, made the way an administrator would.
    auto created = m_fixture->backend->createPersistent(Protocol::Tcp, PortRange{40100, 10});
    QVERIFY2(created.ok(), created.ok() ? "" : created.error().describe().c_str());
    setText(*m_view, "sample2Start", QStringLiteral("40100"));
    setText(*m_view, "sample2Count", QStringLiteral("10"));

    const ProbeRunRecord record = runAndWait("sample2Run");
    QVERIFY2(record.ok, qPrintable(record.summary));
    QCOMPARE(stepKinds(*m_view->stepModel()),
             kinds({StepKind::Lookup, StepKind::OpenSocket, StepKind::Associate, StepKind::Bind,
                    StepKind::GetSockName, StepKind::Close}));
    for (int row = 0; row < m_view->stepModel()->rowCount(); ++row)
        QVERIFY(m_view->stepModel()->index(row, 0).data(LiveStepModel::OkRole).toBool());
    QVERIFY(record.allocatedPort.has_value());
    QVERIFY(*record.allocatedPort >= 40100 && *record.allocatedPort <= 40109);
    QCOMPARE(record.token, created->token);
    const QString summary = m_view->summaryText();
    QVERIFY2(summary.contains(
                 QStringLiteral("allocated port %1 inside 40100–40109").arg(*record.allocatedPort)),
             qPrintable(summary));
}

void TestProbesView::bindProbeOn3000IsForbiddenByWinNat()
{
    // What the main window passes on from its snapshot of the machine.
    m_view->setReservations(m_fixture->blocks());
    setText(*m_view, "bindPort", QStringLiteral("3000"));
    QCOMPARE(child<QComboBox>(*m_view, "bindAddress")->currentText(), QStringLiteral("127.0.0.1"));

    const ProbeRunRecord record = runAndWait("bindRun");
    QVERIFY(!record.ok);
    const LiveStepModel& steps = *m_view->stepModel();
    QCOMPARE(steps.rowCount(), 1);
    QCOMPARE(steps.index(0, LiveStepModel::ResultColumn).data().toString(),
             QStringLiteral("forbidden"));
    QCOMPARE(steps.index(0, 0).data(LiveStepModel::CodeRole).toLongLong(), native::kWsaEacces);
    QCOMPARE(steps.index(0, LiveStepModel::CodeColumn).data().toString(),
             QStringLiteral("WSAEACCES (10013)"));
    QVERIFY(steps.index(0, LiveStepModel::ExplanationColumn)
                .data()
                .toString()
                .contains(QStringLiteral("a reservation covers this port")));
    QVERIFY(steps.index(0, LiveStepModel::DetailColumn)
                .data()
                .toString()
                .contains(QStringLiteral("Windows NAT (WinNAT)")));

    const QString summary = m_view->summaryText();
    QVERIFY2(summary.startsWith(QStringLiteral("Forbidden: TCP 3000 is inside the runtime "
                                               "reservation 2869–3368 held by Windows NAT "
                                               "(WinNAT) — WSAEACCES (10013).")),
             qPrintable(summary));
}

void TestProbesView::bindProbeWithoutKnownBlocksStillNamesTheHolder()
{
    setText(*m_view, "bindPort", QStringLiteral("3000"));
    runAndWait("bindRun");
    const QString summary = m_view->summaryText();
    QVERIFY2(summary.startsWith(QStringLiteral("Forbidden: TCP 3000 is refused, held by Windows "
                                               "NAT (WinNAT) — WSAEACCES (10013).")),
             qPrintable(summary));
}

void TestProbesView::bindProbeBesideAnotherAccountsListenerIsDenied()
{
    // syncd.exe of NETWORK SERVICE listens on 0.0.0.0:7000 with SO_REUSEADDR; no reservation.
    m_view->setReservations(m_fixture->blocks());
    setText(*m_view, "bindPort", QStringLiteral("7000"));
    QCOMPARE(child<QComboBox>(*m_view, "bindAddress")->currentText(), QStringLiteral("127.0.0.1"));

    const ProbeRunRecord record = runAndWait("bindRun");
    QVERIFY(!record.ok);
    const LiveStepModel& steps = *m_view->stepModel();
    QCOMPARE(steps.rowCount(), 1);
    QCOMPARE(steps.index(0, LiveStepModel::ResultColumn).data().toString(),
             QStringLiteral("denied"));
    QCOMPARE(steps.index(0, LiveStepModel::CodeColumn).data().toString(),
             QStringLiteral("WSAEACCES (10013)"));
    QVERIFY(steps.index(0, LiveStepModel::DetailColumn)
                .data()
                .toString()
                .contains(QStringLiteral("syncd.exe (pid 7788)")));
    const QString summary = m_view->summaryText();
    QVERIFY2(summary.startsWith(QStringLiteral("Denied: TCP 7000 on 127.0.0.1 is refused by "
                                               "syncd.exe (pid 7788) — WSAEACCES (10013). No "
                                               "reservation covers the port")),
             qPrintable(summary));
    QVERIFY2(!summary.contains(QStringLiteral("orbidden")), qPrintable(summary));
}

void TestProbesView::bindProbeOfAFreePort()
{
    setText(*m_view, "bindPort", QStringLiteral("4000"));
    const ProbeRunRecord record = runAndWait("bindRun");
    QVERIFY(record.ok);
    QCOMPARE(m_view->stepModel()->index(0, LiveStepModel::ResultColumn).data().toString(),
             QStringLiteral("free"));
    QVERIFY(m_view->stepModel()->index(0, LiveStepModel::CodeColumn).data().toString().isEmpty());
    QVERIFY2(m_view->summaryText().startsWith(
                 QStringLiteral("Free: TCP 4000 on 127.0.0.1 can be bound")),
             qPrintable(m_view->summaryText()));
}

void TestProbesView::customProbeAllocatesInsideTheAcquiredBlock()
{
    setText(*m_view, "customStart", QStringLiteral("0"));
    setText(*m_view, "customCount", QStringLiteral("10"));
    const ProbeRunRecord record = runAndWait("customRun");
    QVERIFY2(record.ok, qPrintable(record.summary));
    QCOMPARE(int(record.kind), int(ProbeKind::AcquireAssociateBind));
    QVERIFY(record.allocatedPort.has_value());
    QVERIFY(record.granted.contains(*record.allocatedPort));
    QVERIFY(m_view->summaryText().contains(QStringLiteral("allocated port %1 inside %2–%3")
                                               .arg(*record.allocatedPort)
                                               .arg(record.granted.start)
                                               .arg(record.granted.end())));
}

void TestProbesView::customProbeByTokenUsesTheKnownBlock()
{
    const std::vector<ReservedBlock> blocks = m_fixture->blocks();
    std::optional<ReservedBlock> django;
    for (const ReservedBlock& b : blocks)
        if (b.persistent && b.protocol == Protocol::Tcp && b.range.start == 8000)
            django = b;
    QVERIFY(django && django->token != 0);
    m_view->setReservations(blocks);

    setText(*m_view, "customToken", QStringLiteral("0x%1").arg(django->token, 0, 16));
    QVERIFY(child<QRadioButton>(*m_view, "customUseToken")->isChecked());
    const ProbeRunRecord record = runAndWait("customRun");
    QVERIFY2(record.ok, qPrintable(record.summary));
    QCOMPARE(int(record.kind), int(ProbeKind::LookupAssociate));
    QCOMPARE(record.token, django->token);
    QVERIFY(record.allocatedPort && *record.allocatedPort >= 8000 && *record.allocatedPort <= 8009);
}

void TestProbesView::failedStepIsExplained()
{
    // No reservation 5000-5019 on this machine: the lookup fails with ERROR_NOT_FOUND.
    setText(*m_view, "sample2Start", QStringLiteral("5000"));
    setText(*m_view, "sample2Count", QStringLiteral("20"));
    const ProbeRunRecord record = runAndWait("sample2Run");
    QVERIFY(!record.ok);
    const LiveStepModel& steps = *m_view->stepModel();
    QCOMPARE(steps.index(0, LiveStepModel::ResultColumn).data().toString(),
             QStringLiteral("error"));
    QCOMPARE(steps.index(0, LiveStepModel::CodeColumn).data().toString(),
             QStringLiteral("ERROR_NOT_FOUND (1168)"));
    QVERIFY(steps.index(0, LiveStepModel::ExplanationColumn)
                .data()
                .toString()
                .contains(QStringLiteral("no persistent reservation")));
    QVERIFY2(m_view->summaryText().startsWith(QStringLiteral("Failed at lookup:")),
             qPrintable(m_view->summaryText()));
    QCOMPARE(m_fixture->recordedRuns(), 1); // failures are history too
}

void TestProbesView::refusedPlanNamesWhatHoldsThePorts_data()
{
    QTest::addColumn<QString>("prefix"); // the form: "sample2" or "custom"
    QTest::addColumn<QString>("start");  // empty: the pre-filled value
    QTest::addColumn<QString>("count");
    QTest::addColumn<QString>("failedAt");
    QTest::addColumn<QString>("named"); // what the summary and the failed step must name
    // Sample 2 as pre-filled (5037, 1): adb.exe listens on the block's only port.
    QTest::newRow("sample 2 pre-filled")
        << QStringLiteral("sample2") << QString() << QString() << QStringLiteral("bind")
        << QStringLiteral("5037 is held by adb.exe (pid 11840)");
    // A runtime acquire inside WinNAT's block.
    QTest::newRow("custom 3000-3004")
        << QStringLiteral("custom") << QStringLiteral("3000") << QStringLiteral("5")
        << QStringLiteral("acquire")
        << QStringLiteral("overlaps 2869–3368, held by Windows NAT (WinNAT)");
}

void TestProbesView::refusedPlanNamesWhatHoldsThePorts()
{
    QFETCH(QString, prefix);
    QFETCH(QString, start);
    QFETCH(QString, count);
    QFETCH(QString, failedAt);
    QFETCH(QString, named);
    // What the main window passes on from its snapshot: sample 2 is pre-filled from it.
    m_view->setReservations(m_fixture->blocks());
    if (start.isEmpty()) {
        QCOMPARE(child<QLineEdit>(*m_view, "sample2Start")->text(), QStringLiteral("5037"));
        QCOMPARE(child<QLineEdit>(*m_view, "sample2Count")->text(), QStringLiteral("1"));
    } else {
        setText(*m_view, qPrintable(prefix + QStringLiteral("Start")), start);
        setText(*m_view, qPrintable(prefix + QStringLiteral("Count")), count);
    }
    const ProbeRunRecord record = runAndWait(qPrintable(prefix + QStringLiteral("Run")));
    QVERIFY(!record.ok);
    const QString summary = m_view->summaryText();
    QVERIFY2(summary.startsWith(QStringLiteral("Failed at %1:").arg(failedAt)) &&
                 summary.contains(named),
             qPrintable(summary));
    // The step that failed says it too, and names the holder in its detail.
    const LiveStepModel& steps = *m_view->stepModel();
    int row = 0;
    while (row < steps.rowCount() && steps.step(row).ok)
        ++row;
    QVERIFY(row < steps.rowCount());
    const QString explanation =
        steps.index(row, LiveStepModel::ExplanationColumn).data().toString();
    QVERIFY2(explanation.contains(named), qPrintable(explanation));
    QVERIFY(steps.index(row, LiveStepModel::DetailColumn)
                .data()
                .toString()
                .contains(QStringLiteral("held by")));
}

void TestProbesView::badInputIsRefusedBesideTheField_data()
{
    QTest::addColumn<QString>("field");
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("errors");  // the error label of the field's group
    QTest::addColumn<QString>("message"); // the start of its message
    QTest::addColumn<QString>("button");

    const QString s1 = QStringLiteral("sample1");
    QTest::newRow("sample 1 start too large") << "sample1Start"
                                              << "70000"
                                              << "sample1Errors"
                                              << "start:"
                                              << "sample1Run";
    QTest::newRow("sample 1 start negative") << "sample1Start"
                                             << "-1"
                                             << "sample1Errors"
                                             << "start:"
                                             << "sample1Run";
    QTest::newRow("sample 1 count zero") << "sample1Count"
                                         << "0"
                                         << "sample1Errors"
                                         << "count:"
                                         << "sample1Run";
    QTest::newRow("sample 1 count hex") << "sample1Count"
                                        << "0x10"
                                        << "sample1Errors"
                                        << "count:"
                                        << "sample1Run";
    QTest::newRow("sample 1 count empty") << "sample1Count"
                                          << ""
                                          << "sample1Errors"
                                          << "count:"
                                          << "sample1Run";
    QTest::newRow("sample 2 start zero") << "sample2Start"
                                         << "0"
                                         << "sample2Errors"
                                         << "start:"
                                         << "sample2Run";
    QTest::newRow("sample 2 past 65535") << "sample2Count"
                                         << "65000"
                                         << "sample2Errors"
                                         << "end:"
                                         << "sample2Run";
    QTest::newRow("custom start with space") << "customStart"
                                             << "1 0"
                                             << "customErrors"
                                             << "start:"
                                             << "customRun";
    QTest::newRow("custom count too large") << "customCount"
                                            << "65536"
                                            << "customErrors"
                                            << "count:"
                                            << "customRun";
    QTest::newRow("custom token zero") << "customToken"
                                       << "0"
                                       << "customErrors"
                                       << "token:"
                                       << "customRun";
    QTest::newRow("custom token not hex") << "customToken"
                                          << "0xZZ"
                                          << "customErrors"
                                          << "token:"
                                          << "customRun";
    QTest::newRow("custom token unknown") << "customToken"
                                          << "0x1234"
                                          << "customErrors"
                                          << "token:"
                                          << "customRun";
    QTest::newRow("bind port too large") << "bindPort"
                                         << "65536"
                                         << "bindErrors"
                                         << "port:"
                                         << "bindRun";
    QTest::newRow("bind port full-width") << "bindPort"
                                          << "３０００"
                                          << "bindErrors"
                                          << "port:"
                                          << "bindRun";
    Q_UNUSED(s1);
}

void TestProbesView::badInputIsRefusedBesideTheField()
{
    QFETCH(QString, field);
    QFETCH(QString, text);
    QFETCH(QString, errors);
    QFETCH(QString, message);
    QFETCH(QString, button);

    QLineEdit* edit = child<QLineEdit>(*m_view, field.toLatin1().constData());
    QLabel* label = child<QLabel>(*m_view, errors.toLatin1().constData());
    QPushButton* run = child<QPushButton>(*m_view, button.toLatin1().constData());
    QVERIFY(run->isEnabled());
    QVERIFY(label->isHidden());

    setText(*m_view, field.toLatin1().constData(), text);
    QVERIFY(label->isVisible());
    QVERIFY2(label->text().startsWith(message), qPrintable(label->text()));
    QVERIFY(edit->property("portolanInvalid").toBool());
    QCOMPARE(edit->toolTip(), label->text().section(QLatin1Char('\n'), 0, 0));
    QVERIFY(!run->isEnabled());

    // Enter in the field does not run it either, and nothing reaches the history.
    QTest::keyClick(edit, Qt::Key_Return);
    QVERIFY(!m_view->isRunning());
    QTest::qWait(50);
    QCOMPARE(m_fixture->recordedRuns(), 0);
    QCOMPARE(m_view->stepModel()->rowCount(), 0);

    // Fixing the field clears the error.
    setText(*m_view, field.toLatin1().constData(),
            field == QLatin1String("customToken") ? QString() : QStringLiteral("1"));
    if (field == QLatin1String("customToken"))
        child<QRadioButton>(*m_view, "customUseRange")->setChecked(true);
    QVERIFY2(label->isHidden(), qPrintable(label->text()));
    QVERIFY(!edit->property("portolanInvalid").toBool());
    QVERIFY(run->isEnabled());
}

void TestProbesView::buttonsAreDisabledWhileTheServiceIsBusy()
{
    // A scan started elsewhere (the Scan view) holds the service.
    m_fixture->backend->closeAt(20);
    ScanRequest request;
    request.first = 1;
    request.last = 100;
    QSignalSpy finished(m_fixture->probes.get(), &ProbeService::finished);
    m_fixture->probes->runScan(request);
    for (const char* name : {"sample1Run", "sample2Run", "customRun", "bindRun"})
        QVERIFY2(!child<QPushButton>(*m_view, name)->isEnabled(), name);
    // A probe's run button clicked anyway (e.g. by a shortcut) does nothing.
    m_view->runSample1();
    QVERIFY(!m_view->isRunning());

    m_fixture->backend->open();
    QVERIFY(finished.wait(10000));
    // The scan's result is not this view's: its step table stays empty.
    QCOMPARE(m_view->stepModel()->rowCount(), 0);
    for (const char* name : {"sample1Run", "sample2Run", "customRun", "bindRun"})
        QVERIFY2(child<QPushButton>(*m_view, name)->isEnabled(), name);
}

int main(int argc, char** argv)
{
    useOffscreenUnlessSet();
    QApplication app(argc, argv);
    QApplication::setFont(QFont(QStringLiteral("DejaVu Sans"), 9));
    TestProbesView test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_probesview.moc"
