// SPDX-License-Identifier: GPL-3.0-or-later
// The reservation service over the real Windows backend when Windows stops answering: a
// registry that hangs (tests/support/scriptedwindows.h) gives a discovery a Timeout that names
// the registry key, and closing the service meanwhile does not wait for the hung read.
#include "servicetestsupport.h"
#include "storetestsupport.h"

#include "model/services/probeservice.h"
#include "model/services/reservationservice.h"

#include "platform/windows/windowsbackend.h"

#include "../support/scriptedwindows.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <chrono>

using namespace portolan;
using namespace portolan::testing;

class HangsTest : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    int m_serial = 0;

    std::unique_ptr<Store> store()
    {
        return openStore(m_dir, QStringLiteral("WINBOX"),
                         QStringLiteral("db-%1.sqlite").arg(++m_serial));
    }

    // A Windows whose netsh answers at once and whose registry hangs until released.
    static std::shared_ptr<testsupport::ScriptedWindows> hungRegistry()
    {
        auto windows = testsupport::ScriptedWindows::gated();
        windows->open();
        windows->hangRegistry();
        return windows;
    }

private slots:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    // A discovery whose listing timed out fails with that Timeout (the status bar shows it with
    // what to do), and records nothing.
    void discoveryWithAHungRegistryReportsATimeoutNamingTheKey()
    {
        auto windows = hungRegistry();
        auto backend = std::make_shared<WindowsBackend>(windows->api());
        backend->setDeadline(win32::CallKind::Registry, std::chrono::milliseconds(200));
        auto db = store();
        QVERIFY(db);
        {
            ReservationService service(backend, *db);
            QSignalSpy discovered(&service, &ReservationService::discoveryFinished);
            QSignalSpy failed(&service, &ReservationService::operationFailed);
            const OperationId id = service.discover();
            const auto args = waitFor(
                failed,
                [id](const QList<QVariant>& a) { return a.at(0).value<OperationId>() == id; },
                60000);
            QVERIFY(!args.isEmpty());
            QCOMPARE(args.at(1).value<ReservationOperation>(), ReservationOperation::Discover);
            const auto error = qvariant_cast<Error>(args.at(2));
            QCOMPARE(int(error.kind), int(ErrorKind::Timeout));
            QCOMPARE(QString::fromStdString(error.name), QStringLiteral("WAIT_TIMEOUT"));
            const QString message = QString::fromStdString(error.message);
            QVERIFY2(message.contains(QStringLiteral("reading the registry key HKLM\\SYSTEM\\"
                                                     "CurrentControlSet\\Control\\Nsi\\")),
                     qPrintable(message));
            QVERIFY2(message.contains(QStringLiteral("no answer within 200 ms; it was abandoned")),
                     qPrintable(message));
            QCOMPARE(discovered.count(), 0);
            auto rows = db->inventory().list();
            QVERIFY(rows);
            QCOMPARE(rows.value().size(), 0);
        }
        // Let the abandoned reads finish before the process ends.
        windows->releaseRegistry();
        QTRY_COMPARE(windows->registryReadsReturned(), windows->registryReadsStarted());
    }

    // With a deadline far beyond the test's time limit, only the cancel can end the wait.
    void closingTheServiceDoesNotWaitForAHungRegistryRead()
    {
        auto windows = hungRegistry();
        auto backend = std::make_shared<WindowsBackend>(windows->api());
        backend->setDeadline(win32::CallKind::Registry, std::chrono::hours(1));
        auto db = store();
        QVERIFY(db);
        {
            ReservationService service(backend, *db);
            service.discover();
            QTRY_VERIFY(windows->registryReadsStarted() > 0);
        }
        QCOMPARE(windows->registryReadsReturned(), 0); // abandoned, not waited for
        windows->releaseRegistry();
        QTRY_COMPARE(windows->registryReadsReturned(), windows->registryReadsStarted());
    }

    // A probe whose acquire IOCTL does not answer: the user's Cancel ends it at once (the
    // deadline is far beyond the test's time limit), and the run is recorded as cancelled.
    void cancellingAProbeEndsAHungIoctl()
    {
        auto windows = testsupport::ScriptedWindows::gated();
        windows->open();
        auto backend = std::make_shared<WindowsBackend>(windows->api());
        backend->setDeadline(win32::CallKind::Ioctl, std::chrono::hours(1));
        QVERIFY(backend->capabilities().runtimeReservations); // probed before the hang
        windows->hangIoctls();
        auto db = store();
        QVERIFY(db);
        {
            ProbeService probes(backend, *db);
            QSignalSpy finished(&probes, &ProbeService::finished);
            probes.runAcquireRelease(SocketSpec::forProtocol(Protocol::Tcp), PortRange{0, 10});
            QTRY_VERIFY(windows->ioctlsStarted() > windows->ioctlsReturned());
            probes.cancel();
            QVERIFY(finished.wait(30000));
            const auto run = finished.at(0).at(1).value<ProbeRunRecord>();
            QVERIFY(!run.ok);
            QVERIFY2(run.cancelled || std::any_of(run.steps.begin(), run.steps.end(),
                                                  [](const ProbeStepRecord& step) {
                                                      return step.error && step.error->kind ==
                                                                               ErrorKind::Cancelled;
                                                  }),
                     qPrintable(run.summary));
            QCOMPARE(windows->ioctlsReturned(), windows->ioctlsStarted() - 1); // abandoned
        }
        windows->releaseIoctls();
        QTRY_COMPARE(windows->ioctlsReturned(), windows->ioctlsStarted());
    }
};

QTEST_GUILESS_MAIN(HangsTest)
#include "tst_hangs.moc"
