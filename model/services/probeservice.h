// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/services/reservationservice.h" // OperationId
#include "model/store/records.h"

#include "platform/backend.h"
#include "platform/error.h"
#include "platform/types.h"

#include <QObject>
#include <QString>

#include <functional>
#include <memory>
#include <stop_token>

class QThreadPool;

namespace portolan {

class Store;

// Runs the probe plans, bind probes and scans off the GUI thread, shows their steps live and
// records every run (with its steps) in the history.
//
// One probe at a time: starting another while one runs is refused — the call still returns an
// id, and failed(id, Unavailable "busy") follows. A scan can be cancelled; it is then recorded
// as cancelled with the runs it had finished. The Store must outlive the service; the
// destructor cancels a running scan and waits for it.
class ProbeService : public QObject
{
    Q_OBJECT

public:
    // Scan progress is reported at most this often.
    static constexpr int kProgressIntervalMs = 50;

    ProbeService(std::shared_ptr<Backend> backend, Store& store, QObject* parent = nullptr);
    ~ProbeService() override;

    bool busy() const { return m_running != 0; }
    OperationId running() const { return m_running; } // 0 when idle

    // Microsoft's first sample (docs/windows-semantics.md#microsoft-samples): open, acquire,
    // release, close.
    OperationId runAcquireRelease(const SocketSpec& spec, PortRange range);
    // Sample 2: lookup, open, associate, bind(0), getsockname, close.
    OperationId runLookupAssociate(PortRange range);
    // A runtime acquire held on one socket while a second one associates and binds.
    OperationId runAcquireAssociateBind(const SocketSpec& spec, PortRange range,
                                        const QString& address);
    // One bind on a fresh socket: recorded as a run with one step.
    OperationId runBindProbe(const BindTarget& target);
    // Bind probes over [first, last]: one step per run of equal outcome.
    OperationId runScan(const ScanRequest& request);
    // Stops a running scan (the plans and bind probes are short and finish on their own).
    void cancel();

signals:
    void started(portolan::OperationId id, portolan::ProbeKind kind);
    // Each step as it finishes (plans), or the bind probe's one step. The step carries no seq
    // until recorded; its explanation is Explanations::forStep(step).
    void stepFinished(portolan::OperationId id, const portolan::ProbeStepRecord& step);
    // Throttled to one every kProgressIntervalMs, plus the last one.
    void scanProgress(portolan::OperationId id, quint32 done, quint32 total);
    // Runs from the start of a running scan's range, in port order, at most every interval;
    // the first may continue the last one sent. finished() carries them all again.
    void scanRunsSettled(portolan::OperationId id, const std::vector<portolan::ScanRun>& runs);
    // The run as recorded (run.id set; 0 when recording failed, then recordFailed follows).
    void finished(portolan::OperationId id, const portolan::ProbeRunRecord& run);
    // The run could not be stored in the history.
    void recordFailed(portolan::OperationId id, const portolan::Error& error);
    // The probe did not run: busy, or an invalid request (no run is recorded).
    void failed(portolan::OperationId id, const portolan::Error& error);
    void busyChanged(bool busy);

private:
    struct Job;
    // Runs `body` on the worker; it returns the run to record, or an error when nothing ran.
    OperationId start(ProbeKind kind, std::function<Result<ProbeRunRecord>(Job&)> body);
    void done(OperationId id);

    std::shared_ptr<Backend> m_backend;
    Store& m_store;
    OperationId m_nextId = 1;
    OperationId m_running = 0;
    QThreadPool* m_pool = nullptr;
    std::shared_ptr<std::stop_source> m_stop;
};

} // namespace portolan
