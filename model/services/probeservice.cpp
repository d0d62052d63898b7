// SPDX-License-Identifier: GPL-3.0-or-later
#include "model/services/probeservice.h"

#include "model/store/store.h"

#include "platform/probes.h"

#include <QMetaObject>
#include <QThreadPool>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <mutex>
#include <utility>

namespace portolan {
namespace {

ProbeStepRecord stepRecord(const ProbeStep& step)
{
    ProbeStepRecord record;
    record.kind = toStepKind(step.kind);
    record.ok = step.ok;
    record.durationUs = step.duration.count();
    record.detail = QString::fromStdString(step.detail);
    record.error = step.error;
    return record;
}

// A plan step the system refuses with a bare code (WSAEADDRINUSE on an acquire, WSAENOBUFS on
// the bind in a reserved block) says nothing of who is in the way: find it, so the history and
// the Probes view can name it. An acquire is blocked by a reservation overlapping the request
// (a runtime one first: WinNAT, Hyper-V) or else by a listener in it; a bind in a reserved
// block by the listener holding its ports. The holder and the ports it holds go on the step.
void nameHolder(Backend& backend, ProbeRunRecord& run)
{
    auto failed = std::find_if(run.steps.begin(), run.steps.end(),
                               [](const ProbeStepRecord& step) { return !step.ok; });
    if (failed == run.steps.end() || !failed->error)
        return;
    ProbeStepRecord& step = *failed;
    const bool acquire = step.kind == StepKind::Acquire && run.requested.start != 0;
    const bool bind = (step.kind == StepKind::Bind || step.kind == StepKind::GetSockName) &&
                      run.granted.count != 0;
    if (!acquire && !bind)
        return;
    const PortRange range = acquire ? run.requested : run.granted;

    std::optional<ReservedBlock> block;
    if (auto blocks = acquire ? backend.listReservations(run.protocol)
                              : Result<std::vector<ReservedBlock>>(std::vector<ReservedBlock>{})) {
        for (const ReservedBlock& b : blocks.value()) {
            // A persistent block names no owner ("administered" would say nothing).
            if (b.range.overlaps(range) && !b.owner.empty() &&
                (!block || (block->persistent && !b.persistent)))
                block = b;
        }
    }
    if (block) {
        step.holder = QString::fromStdString(Holder::ofReservation(*block).describe());
        step.firstPort = block->range.start;
        step.lastPort = quint16(block->range.end());
    } else if (auto listeners = backend.listeners(run.protocol)) {
        for (const Listener& listener : listeners.value()) {
            if (!range.contains(listener.port))
                continue;
            step.holder = QString::fromStdString(
                Holder::ofProcess(listener.pid, listener.process, listener.address).describe());
            step.firstPort = step.lastPort = listener.port;
            break;
        }
    }
    if (step.holder.isEmpty())
        return;
    // The English line the search finds names the holder too.
    const QString ports = step.firstPort == step.lastPort
                              ? QString::number(step.firstPort)
                              : QStringLiteral("%1-%2").arg(step.firstPort).arg(step.lastPort);
    run.summary += QStringLiteral(", %1 held by %2").arg(ports, step.holder);
    run.digest = digestOf(run.steps);
}

qint64 microsecondsSince(std::chrono::steady_clock::time_point start)
{
    return std::chrono::duration_cast<std::chrono::microseconds>(std::chrono::steady_clock::now() -
                                                                 start)
        .count();
}

} // namespace

struct ProbeService::Job
{
    ProbeService* service;
    Backend& backend;
    Store& store;
    Actor actor;
    OperationId id;
    std::stop_token stop;

    template <typename F> void post(F&& f)
    {
        QMetaObject::invokeMethod(service, std::forward<F>(f), Qt::QueuedConnection);
    }

    // The live step display: called by the platform plan as each step finishes.
    ProbeStepCallback onStep()
    {
        return [this, seq = std::make_shared<int>(0)](const ProbeStep& step) {
            ProbeStepRecord record = stepRecord(step);
            record.seq = (*seq)++;
            post([s = service, i = id, record] { emit s->stepFinished(i, record); });
        };
    }
};

ProbeService::ProbeService(std::shared_ptr<Backend> backend, Store& store, QObject* parent)
    : QObject(parent), m_backend(std::move(backend)), m_store(store), m_pool(new QThreadPool(this))
{
    m_pool->setMaxThreadCount(1);
}

ProbeService::~ProbeService()
{
    if (m_stop)
        m_stop->request_stop();
    m_backend->beginShutdown();
    m_pool->waitForDone();
}

OperationId ProbeService::start(ProbeKind kind, std::function<Result<ProbeRunRecord>(Job&)> body)
{
    const OperationId id = m_nextId++;
    if (m_running != 0) {
        const Error busyError =
            Error::make(ErrorKind::Unavailable,
                        tr("Another probe is still running: wait for it to finish or cancel it.")
                            .toStdString());
        QMetaObject::invokeMethod(
            this, [this, id, busyError] { emit failed(id, busyError); }, Qt::QueuedConnection);
        return id;
    }
    m_running = id;
    m_stop = std::make_shared<std::stop_source>();
    emit busyChanged(true);
    emit started(id, kind);

    auto job =
        std::make_shared<Job>(Job{this, *m_backend, m_store, Actor{}, id, m_stop->get_token()});
    std::shared_ptr<Backend> keep = m_backend;
    std::shared_ptr<std::stop_source> stop = m_stop;
    m_pool->start([job, keep, stop, body = std::move(body)] {
        // Who ran it (host, elevation) is asked here, on the worker, like every backend call.
        job->actor = Actor::local(job->backend);
        Result<ProbeRunRecord> outcome = body(*job);
        if (!outcome) {
            job->post([s = job->service, i = job->id, e = outcome.error()] {
                emit s->failed(i, e);
                s->done(i);
            });
            return;
        }
        ProbeRunRecord run = std::move(outcome).value();
        run.actor = job->actor;
        auto recorded = job->store.probeRuns().record(run);
        std::optional<Error> recordError;
        if (recorded) {
            run.id = recorded.value();
            for (int i = 0; i < run.steps.size(); ++i)
                run.steps[i].seq = i;
            run.stepCount = int(run.steps.size());
        } else {
            recordError = recorded.error();
        }
        job->post([s = job->service, i = job->id, run, recordError] {
            emit s->finished(i, run);
            if (recordError)
                emit s->recordFailed(i, *recordError);
            s->done(i);
        });
    });
    return id;
}

void ProbeService::done(OperationId id)
{
    if (m_running != id)
        return;
    m_running = 0;
    m_stop.reset();
    emit busyChanged(false);
}

void ProbeService::cancel()
{
    if (m_stop)
        m_stop->request_stop();
    // A step may be waiting in the system (a runtime IOCTL that does not answer): end it too.
    if (m_running != 0)
        m_backend->cancelPendingCalls();
}

OperationId ProbeService::runAcquireRelease(const SocketSpec& spec, PortRange range)
{
    return start(ProbeKind::AcquireRelease, [spec, range](Job& job) -> Result<ProbeRunRecord> {
        const QDateTime startedAt = job.store.database().now();
        ProbeReport report = portolan::runAcquireRelease(job.backend, spec, range, job.onStep());
        ProbeRunRecord run = probeRunFromReport(report, job.actor, startedAt);
        nameHolder(job.backend, run);
        return run;
    });
}

OperationId ProbeService::runLookupAssociate(PortRange range)
{
    return start(ProbeKind::LookupAssociate, [range](Job& job) -> Result<ProbeRunRecord> {
        const QDateTime startedAt = job.store.database().now();
        ProbeReport report = portolan::runLookupAssociate(job.backend, range, job.onStep());
        ProbeRunRecord run = probeRunFromReport(report, job.actor, startedAt);
        nameHolder(job.backend, run);
        return run;
    });
}

OperationId ProbeService::runAcquireAssociateBind(const SocketSpec& spec, PortRange range,
                                                  const QString& address)
{
    const std::string addr = address.toStdString();
    return start(
        ProbeKind::AcquireAssociateBind, [spec, range, addr](Job& job) -> Result<ProbeRunRecord> {
            const QDateTime startedAt = job.store.database().now();
            ProbeReport report =
                portolan::runAcquireAssociateBind(job.backend, spec, range, addr, job.onStep());
            ProbeRunRecord run = probeRunFromReport(report, job.actor, startedAt);
            run.address = QString::fromStdString(addr);
            nameHolder(job.backend, run);
            return run;
        });
}

OperationId ProbeService::runBindProbe(const BindTarget& target)
{
    return start(ProbeKind::BindProbe, [target](Job& job) -> Result<ProbeRunRecord> {
        const QDateTime startedAt = job.store.database().now();
        const auto began = std::chrono::steady_clock::now();
        BindProbeResult result = job.backend.bindProbe(target);
        ProbeRunRecord run =
            probeRunFromBindProbe(target, result, job.actor, startedAt, microsecondsSince(began));
        for (const ProbeStepRecord& step : run.steps)
            job.post([s = job.service, i = job.id, step] { emit s->stepFinished(i, step); });
        return run;
    });
}

OperationId ProbeService::runScan(const ScanRequest& request)
{
    return start(ProbeKind::Scan, [request](Job& job) -> Result<ProbeRunRecord> {
        const QDateTime startedAt = job.store.database().now();
        const auto began = std::chrono::steady_clock::now();
        // The scanner calls back from its threads (never concurrently): forward at most one
        // report per interval, and always the last one.
        auto last = std::make_shared<std::chrono::steady_clock::time_point>();
        auto lastRuns = std::make_shared<std::chrono::steady_clock::time_point>();
        auto pending = std::make_shared<std::vector<ScanRun>>();
        auto count = [&job, last](std::uint32_t done, std::uint32_t total) {
            const auto now = std::chrono::steady_clock::now();
            if (done < total && now - *last < std::chrono::milliseconds(kProgressIntervalMs))
                return;
            *last = now;
            job.post([s = job.service, i = job.id, done, total] {
                emit s->scanProgress(i, done, total);
            });
        };
        // The finished run carries every run, so the tail still pending at the end is dropped.
        auto runs = [&job, lastRuns, pending](const std::vector<ScanRun>& settled) {
            pending->insert(pending->end(), settled.begin(), settled.end());
            const auto now = std::chrono::steady_clock::now();
            if (now - *lastRuns < std::chrono::milliseconds(kProgressIntervalMs))
                return;
            *lastRuns = now;
            job.post([s = job.service, i = job.id, batch = std::exchange(*pending, {})] {
                emit s->scanRunsSettled(i, batch);
            });
        };
        const ScanProgress progress(count, runs);
        auto scanned = job.backend.scan(request, progress, job.stop);
        if (!scanned)
            return scanned.error();
        return probeRunFromScan(scanned.value(), job.actor, startedAt, microsecondsSince(began));
    });
}

} // namespace portolan
