// SPDX-License-Identifier: GPL-3.0-or-later
// The probe service against the simulated backend: the plans show their steps live and are
// recorded with them, a bind probe explains WSAEACCES, a scan reports throttled progress and
// can be cancelled (recorded as cancelled with its partial runs), a second probe while one
// runs is refused as busy, and every call returns before the work is done.

#include "servicetestsupport.h"
#include "storetestsupport.h"

#include "model/itemmodels/proberunmodel.h"
#include "model/services/explanations.h"
#include "model/services/probeservice.h"
#include "model/services/runtext.h"

#include "platform/nativecodes.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace portolan;
using namespace portolan::testing;

class ProbeServiceTest : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<Store> m_store;
    std::shared_ptr<RecordingBackend> m_backend;
    std::unique_ptr<ProbeService> m_service;
    int m_serial = 0;

    void open(const char* scenario)
    {
        m_service.reset();
        m_store = openStore(m_dir, QStringLiteral("CONSOLE-HOST"),
                            QStringLiteral("db-%1.sqlite").arg(++m_serial));
        QVERIFY(m_store);
        auto sim = openSimulated(scenario);
        QVERIFY(sim);
        m_backend = std::make_shared<RecordingBackend>(std::move(sim));
        m_service = std::make_unique<ProbeService>(m_backend, *m_store);
    }

    ProbeRunRecord finishedRun(QSignalSpy& finished, OperationId id, int timeoutMs = 30000)
    {
        auto args = waitFor(
            finished, [id](const QList<QVariant>& a) { return a.at(0).value<OperationId>() == id; },
            timeoutMs);
        if (args.isEmpty()) {
            qWarning("probe %llu did not finish", id);
            return {};
        }
        return qvariant_cast<ProbeRunRecord>(args.at(1));
    }

private slots:
    void initTestCase() { QVERIFY(m_dir.isValid()); }
    void cleanup() { m_service.reset(); }

    void planStepsArriveLiveAndAreRecorded_data()
    {
        QTest::addColumn<int>("plan");
        QTest::addColumn<bool>("ok");
        QTest::addColumn<QString>("failedStep");
        QTest::newRow("acquire and release") << int(ProbeKind::AcquireRelease) << true << QString();
        QTest::newRow("lookup and associate")
            << int(ProbeKind::LookupAssociate) << true << QString();
        QTest::newRow("acquire, associate and bind")
            << int(ProbeKind::AcquireAssociateBind) << true << QString();
        QTest::newRow("lookup of a block nobody reserved")
            << -1 << false << QStringLiteral("lookup");
    }

    void planStepsArriveLiveAndAreRecorded()
    {
        QFETCH(int, plan);
        QFETCH(bool, ok);
        QFETCH(QString, failedStep);
        open("developer.json");
        QSignalSpy steps(m_service.get(), &ProbeService::stepFinished);
        QSignalSpy finished(m_service.get(), &ProbeService::finished);
        QSignalSpy started(m_service.get(), &ProbeService::started);
        OperationId id = 0;
        const SocketSpec tcp = SocketSpec::forProtocol(Protocol::Tcp);
        switch (plan) {
        case int(ProbeKind::AcquireRelease):
            id = m_service->runAcquireRelease(tcp, {0, 10});
            break;
        case int(ProbeKind::LookupAssociate):
            id = m_service->runLookupAssociate({8000, 10});
            break;
        case int(ProbeKind::AcquireAssociateBind):
            id = m_service->runAcquireAssociateBind(tcp, {0, 10}, QStringLiteral("0.0.0.0"));
            break;
        default:
            id = m_service->runLookupAssociate({7000, 3});
            break;
        }
        QVERIFY(m_service->busy());
        QCOMPARE(started.size(), 1);
        QCOMPARE(finished.size(), 0); // the call returned before the probe ran
        const ProbeRunRecord run = finishedRun(finished, id);
        QVERIFY(run.id > 0);
        QCOMPARE(run.ok, ok);
        QVERIFY(!run.steps.isEmpty());
        // Every step was shown live, in order, before the run finished.
        QCOMPARE(steps.size(), run.steps.size());
        for (int i = 0; i < run.steps.size(); ++i) {
            const auto live = qvariant_cast<ProbeStepRecord>(steps.at(i).at(1));
            QCOMPARE(steps.at(i).at(0).value<OperationId>(), id);
            QCOMPARE(live.kind, run.steps.at(i).kind);
            QCOMPARE(live.ok, run.steps.at(i).ok);
            QCOMPARE(live.seq, i);
        }
        if (!ok) {
            const ProbeStepRecord& failed = run.steps.last();
            QCOMPARE(toText(failed.kind), failedStep);
            QVERIFY(failed.error);
            QCOMPARE(str(failed.error->name), QStringLiteral("ERROR_NOT_FOUND"));
            QVERIFY(!Explanations::forStep(failed).isEmpty());
        }
        // The history has the run with the same steps.
        auto stored = m_store->probeRuns().run(run.id);
        QVERIFY(stored.ok());
        QCOMPARE(stored->steps.size(), run.steps.size());
        QCOMPARE(stored->ok, ok);
        QCOMPARE(stored->actor.host, QStringLiteral("DEV-WORKSTATION"));
        QTRY_VERIFY(!m_service->busy());
    }

    void bindProbeExplainsForbiddenPort()
    {
        open("developer.json");
        QSignalSpy steps(m_service.get(), &ProbeService::stepFinished);
        QSignalSpy finished(m_service.get(), &ProbeService::finished);
        BindTarget target;
        target.port = 3000; // inside WinNAT's runtime block
        const ProbeRunRecord run = finishedRun(finished, m_service->runBindProbe(target));
        QVERIFY(run.id > 0);
        QVERIFY(!run.ok);
        QCOMPARE(run.steps.size(), 1);
        QCOMPARE(steps.size(), 1);
        const ProbeStepRecord step = run.steps.first();
        QCOMPARE(shown(step.outcome), QStringLiteral("forbidden"));
        QVERIFY(step.error);
        QCOMPARE(step.error->code, native::kWsaEacces);
        const QString why = Explanations::forStep(step);
        QVERIFY2(why.contains(QStringLiteral("a reservation covers this port")), qPrintable(why));
        QVERIFY(why.contains(QStringLiteral("WinNAT")));
    }

    // A plan refused with a bare code names what is in the way: the listener that holds the
    // only port of the persistent block (sample 2's pre-filled 5037, 1), or the runtime block
    // an acquire overlaps (WinNAT's 2869-3368 of the developer machine). The history's
    // summary, the step's meaning and its detail all name it; a failed run claims no grant.
    void failedPlanNamesTheHolder_data()
    {
        QTest::addColumn<int>("plan");
        QTest::addColumn<int>("start");
        QTest::addColumn<int>("count");
        QTest::addColumn<QString>("failedStep");
        QTest::addColumn<QString>("code");
        QTest::addColumn<QString>("holder");
        QTest::addColumn<QString>("ports");
        QTest::newRow("sample 2: adb.exe holds the only port")
            << int(ProbeKind::LookupAssociate) << 5037 << 1 << QStringLiteral("bind")
            << QStringLiteral("WSAENOBUFS") << QStringLiteral("adb.exe (pid 11840)")
            << QStringLiteral("5037");
        QTest::newRow("acquire inside WinNAT's runtime block")
            << int(ProbeKind::AcquireRelease) << 3000 << 5 << QStringLiteral("acquire")
            << QStringLiteral("WSAEADDRINUSE") << QStringLiteral("Windows NAT (WinNAT)")
            << QStringLiteral("2869–3368");
        QTest::newRow("acquire, associate and bind inside WinNAT's block")
            << int(ProbeKind::AcquireAssociateBind) << 3000 << 5 << QStringLiteral("acquire")
            << QStringLiteral("WSAEADDRINUSE") << QStringLiteral("Windows NAT (WinNAT)")
            << QStringLiteral("2869–3368");
    }

    void failedPlanNamesTheHolder()
    {
        QFETCH(int, plan);
        QFETCH(int, start);
        QFETCH(int, count);
        QFETCH(QString, failedStep);
        QFETCH(QString, code);
        QFETCH(QString, holder);
        QFETCH(QString, ports);
        open("developer.json");
        QSignalSpy finished(m_service.get(), &ProbeService::finished);
        const PortRange range{quint16(start), quint16(count)};
        const SocketSpec tcp = SocketSpec::forProtocol(Protocol::Tcp);
        OperationId id = 0;
        if (plan == int(ProbeKind::LookupAssociate))
            id = m_service->runLookupAssociate(range);
        else if (plan == int(ProbeKind::AcquireRelease))
            id = m_service->runAcquireRelease(tcp, range);
        else
            id = m_service->runAcquireAssociateBind(tcp, range, QStringLiteral("0.0.0.0"));
        const ProbeRunRecord run = finishedRun(finished, id);
        QVERIFY(run.id > 0);
        QVERIFY(!run.ok);
        QVERIFY(run.digest.firstFailure);
        const ProbeStepRecord& failed = *run.digest.firstFailure;
        QCOMPARE(toText(failed.kind), failedStep);
        QVERIFY(failed.error);
        QCOMPARE(str(failed.error->name), code);
        QCOMPARE(failed.holder, holder);

        const QString why = Explanations::forStep(failed);
        QVERIFY2(why.contains(holder) && why.contains(ports), qPrintable(why));
        const QString summary = RunText::summary(run);
        QVERIFY2(summary.contains(holder) && summary.contains(ports), qPrintable(summary));
        QVERIFY2(summary.contains(QStringLiteral("failed at ") + failedStep), qPrintable(summary));

        // The history reads the same from the database, steps not loaded.
        ProbeRunModel model(*m_store);
        QCOMPARE(model.rowCount(), 1);
        QCOMPARE(model.index(0, ProbeRunModel::SummaryColumn).data().toString(), summary);
        QCOMPARE(model.index(0, ProbeRunModel::ResultColumn).data().toString(),
                 QStringLiteral("failed"));
        QCOMPARE(model.index(0, ProbeRunModel::GrantedColumn).data().toString(), QString());
        QCOMPARE(model.index(0, ProbeRunModel::RunColumn).data().toLongLong(), run.id);
    }

    void scanIsRecordedWithRunsAndThrottledProgress()
    {
        open("developer.json");
        QSignalSpy progress(m_service.get(), &ProbeService::scanProgress);
        QSignalSpy finished(m_service.get(), &ProbeService::finished);
        ScanRequest request;
        request.first = 2800;
        request.last = 3400;
        request.threads = 2;
        QElapsedTimer timer;
        timer.start();
        const ProbeRunRecord run = finishedRun(finished, m_service->runScan(request));
        const qint64 elapsed = timer.elapsed();
        QVERIFY(run.id > 0);
        QVERIFY(!run.cancelled);
        // free 2800-2868, forbidden 2869-3368 (WinNAT), free 3369-3400
        QCOMPARE(run.steps.size(), 3);
        QCOMPARE(run.steps.at(1).firstPort, quint16(2869));
        QCOMPARE(run.steps.at(1).lastPort, quint16(3368));
        QCOMPARE(shown(run.steps.at(1).outcome), QStringLiteral("forbidden"));
        // The last report says everything was done; no more than one per interval besides it.
        QVERIFY(!progress.isEmpty());
        QCOMPARE(progress.last().at(1).value<quint32>(), 601u);
        QCOMPARE(progress.last().at(2).value<quint32>(), 601u);
        QVERIFY(progress.size() <= 2 + elapsed / ProbeService::kProgressIntervalMs);
        auto stored = m_store->probeRuns().run(run.id);
        QVERIFY(stored.ok());
        QCOMPARE(stored->steps.size(), 3);
    }

    void cancelledScanIsRecordedAsCancelled()
    {
        open("clean.json");
        QSignalSpy finished(m_service.get(), &ProbeService::finished);
        ScanRequest request; // the whole port space
        request.threads = 2;
        const OperationId id = m_service->runScan(request);
        m_service->cancel();
        const ProbeRunRecord run = finishedRun(finished, id);
        QVERIFY(run.id > 0);
        QVERIFY(run.cancelled);
        QVERIFY(!run.ok);
        auto stored = m_store->probeRuns().run(run.id);
        QVERIFY(stored.ok());
        QVERIFY(stored->cancelled);
        QCOMPARE(stored->steps.size(), run.steps.size());
        // Partial: whatever runs were finished cover a prefix of the span, never all of it.
        if (!run.steps.isEmpty())
            QVERIFY(run.steps.last().lastPort < 65535 || run.steps.size() < 100);
    }

    void secondProbeWhileBusyIsRefused()
    {
        open("clean.json");
        QSignalSpy finished(m_service.get(), &ProbeService::finished);
        QSignalSpy failed(m_service.get(), &ProbeService::failed);
        ScanRequest request;
        request.threads = 2;
        const OperationId scan = m_service->runScan(request);
        const OperationId probe = m_service->runBindProbe(BindTarget{});
        QVERIFY(probe != scan);
        auto args = waitFor(failed, [probe](const QList<QVariant>& a) {
            return a.at(0).value<OperationId>() == probe;
        });
        QVERIFY(!args.isEmpty());
        const Error error = qvariant_cast<Error>(args.at(1));
        QCOMPARE(shown(error.kind), QStringLiteral("Unavailable"));
        QVERIFY(str(error.message).contains(QStringLiteral("running")));
        m_service->cancel();
        finishedRun(finished, scan);
        QTRY_VERIFY(!m_service->busy());
        // Idle again: the next probe runs.
        const ProbeRunRecord run = finishedRun(finished, m_service->runBindProbe(BindTarget{}));
        QVERIFY(run.id > 0);
        QCOMPARE(m_store->probeRuns().count().value(), qint64(2));
    }

    void invalidScanIsRefusedWithoutRecord()
    {
        open("clean.json");
        QSignalSpy failed(m_service.get(), &ProbeService::failed);
        ScanRequest request;
        request.first = 5000;
        request.last = 4000;
        const OperationId id = m_service->runScan(request);
        auto args = waitFor(
            failed, [id](const QList<QVariant>& a) { return a.at(0).value<OperationId>() == id; });
        QVERIFY(!args.isEmpty());
        QCOMPARE(shown(qvariant_cast<Error>(args.at(1)).kind), QStringLiteral("InvalidArgument"));
        QTRY_VERIFY(!m_service->busy());
        QCOMPARE(m_store->probeRuns().count().value(), qint64(0));
    }
};

QTEST_GUILESS_MAIN(ProbeServiceTest)
#include "tst_probeservice.moc"
