// SPDX-License-Identifier: GPL-3.0-or-later
// "Protect ports…" on the simulated developer machine: the warning comes before anything is
// done, the steps run off the GUI thread, each step is an audit row, a failed create still
// starts WinNAT again, and the command line's journal is imported once.
#include "ui/protect/protectwizard.h"

#include "model/services/protectservice.h"
#include "model/store/store.h"

#include "platform/nativecodes.h"
#include "platform/protect/auditjournal.h"
#include "platform/simulated/simulatedbackend.h"

#include <QAbstractButton>
#include <QApplication>
#include <QCheckBox>
#include <QLabel>
#include <QListWidget>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#ifndef PORTOLAN_SOURCE_DIR
#error "PORTOLAN_SOURCE_DIR must name the source tree"
#endif

using namespace portolan;
using namespace portolan::ui;

class ProtectWizardTest : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void warnsBeforeAnythingIsDone();
    void protectsAndAuditsEachStep();
    void failedCreateStillStartsTheService();
    void importsTheJournalOnce();

private:
    bool winnatCovers(std::uint16_t port);
    qint64 protectRows();
    void waitForPlan(ProtectWizard& wizard);
    // TCP 3000, consent given, Protect pressed, until the result is shown.
    void agreeAndRun(ProtectWizard& wizard);

    std::unique_ptr<QTemporaryDir> m_dir;
    std::shared_ptr<SimulatedBackend> m_backend;
    std::unique_ptr<Store> m_store;
    std::unique_ptr<ProtectService> m_service;
};

void ProtectWizardTest::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    auto opened = SimulatedBackend::open(
        SimulatedOptions{PORTOLAN_SOURCE_DIR "/resources/scenarios/developer.json", ":memory:"});
    QVERIFY2(opened.ok(), opened.ok() ? "" : opened.error().message.c_str());
    m_backend = std::move(opened.value());
    DatabaseOptions options;
    options.path = m_dir->filePath(QStringLiteral("portolan.sqlite"));
    options.localHost = QStringLiteral("DEV-WORKSTATION");
    auto store = Store::open(options);
    QVERIFY(store.ok());
    m_store = std::move(store.value());
    m_service = std::make_unique<ProtectService>(m_backend, *m_store);
}

void ProtectWizardTest::cleanup()
{
    m_service.reset();
    m_store.reset();
    m_backend.reset();
    m_dir.reset();
}

bool ProtectWizardTest::winnatCovers(std::uint16_t port)
{
    auto blocks = m_backend->listReservations(Protocol::Tcp);
    const ReservedBlock* b = blocks ? blockCovering(blocks.value(), Protocol::Tcp, port) : nullptr;
    return b && !b->persistent && b->owner == "Windows NAT (WinNAT)";
}

qint64 ProtectWizardTest::protectRows()
{
    AuditFilter filter;
    filter.action = AuditAction::Protect;
    auto count = m_store->audit().count(filter);
    return count ? count.value() : -1;
}

void ProtectWizardTest::waitForPlan(ProtectWizard& wizard)
{
    QTRY_VERIFY(wizard.currentPlan().has_value());
}

void ProtectWizardTest::agreeAndRun(ProtectWizard& wizard)
{
    wizard.setBlock(Protocol::Tcp, PortRange{3000, 1});
    wizard.show();
    waitForPlan(wizard);
    wizard.consentBox()->setChecked(true);
    QSignalSpy finished(&wizard, &ProtectWizard::protectFinished);
    wizard.next();
    QTRY_COMPARE(finished.count(), 1);
}

void ProtectWizardTest::warnsBeforeAnythingIsDone()
{
    ProtectWizard wizard(*m_service);
    wizard.setBlock(Protocol::Tcp, PortRange{3000, 1});
    wizard.show();
    waitForPlan(wizard);
    QVERIFY(wizard.warningLabel()->isVisible());
    QVERIFY(wizard.warningLabel()->text().contains(QLatin1String("WSL 2 port forwarding")));
    QVERIFY(wizard.planLabel()->text().contains(QLatin1String("2869-3368")));
    // Nothing happens without consent, and nothing has happened yet.
    QVERIFY(!wizard.button(QWizard::CommitButton)->isEnabled());
    QVERIFY(winnatCovers(3000));
    QCOMPARE(protectRows(), 0);
    wizard.consentBox()->setChecked(true);
    QVERIFY(wizard.button(QWizard::CommitButton)->isEnabled());
    QVERIFY(winnatCovers(3000));
    QVERIFY(!m_backend->lookupPersistent(Protocol::Tcp, PortRange{3000, 1}).ok());
}

void ProtectWizardTest::protectsAndAuditsEachStep()
{
    ProtectWizard wizard(*m_service);
    agreeAndRun(wizard);
    QVERIFY(wizard.outcome()->ok());
    QCOMPARE(wizard.stepList()->count(), 5);
    QVERIFY(wizard.verificationLabel()->text().contains(QLatin1String("TCP 3001-3500")));
    // The system afterwards: the reservation, WinNAT running, its block away from 3000.
    QVERIFY(m_backend->lookupPersistent(Protocol::Tcp, PortRange{3000, 1}).ok());
    QVERIFY(!winnatCovers(3000));
    QVERIFY(winnatCovers(3001));
    QTRY_COMPARE(protectRows(), 5);
}

void ProtectWizardTest::failedCreateStillStartsTheService()
{
    m_backend->failNextCall(SimulatedCall::CreatePersistent, native::kErrorSharingViolation);
    ProtectWizard wizard(*m_service);
    agreeAndRun(wizard);
    QVERIFY(!wizard.outcome()->ok());
    QVERIFY(wizard.outcome()->serviceRunning);
    QVERIFY(wizard.verificationLabel()->text().contains(QLatin1String("ERROR_SHARING_VIOLATION")));
    QVERIFY(!m_backend->lookupPersistent(Protocol::Tcp, PortRange{3000, 1}).ok());
    QVERIFY(winnatCovers(3000));
    QTRY_COMPARE(protectRows(), 5);
    AuditFilter failed;
    failed.action = AuditAction::Protect;
    failed.ok = false;
    QCOMPARE(m_store->audit().count(failed).value(), 1); // the create
}

void ProtectWizardTest::importsTheJournalOnce()
{
    const std::string path = m_dir->filePath(QStringLiteral("journal.jsonl")).toStdString();
    std::vector<protect::JournalEntry> entries;
    for (const char* action : {"protect.stop-service", "protect.create"}) {
        protect::JournalEntry e;
        e.id = protect::newJournalId(1700000000);
        e.at = 1700000000;
        e.host = "DEV-WORKSTATION";
        e.user = "ana";
        e.action = action;
        e.range = PortRange{3000, 1};
        e.request = "request";
        e.ok = true;
        e.detail = "detail";
        entries.push_back(e);
    }
    QVERIFY(protect::appendJournal(path, entries).ok());
    QSignalSpy imported(m_service.get(), &ProtectService::journalImported);
    m_service->importJournal(QString::fromStdString(path));
    QTRY_COMPARE(imported.count(), 1);
    QCOMPARE(imported.at(0).at(0).toInt(), 2);
    m_service->importJournal(QString::fromStdString(path));
    QTRY_COMPARE(imported.count(), 2);
    QCOMPARE(imported.at(1).at(0).toInt(), 0);
    QCOMPARE(protectRows(), 2);
}

int main(int argc, char** argv)
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    ProtectWizardTest test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_protectwizard.moc"
