// SPDX-License-Identifier: GPL-3.0-or-later
#include "model/services/lastscans.h"

#include "model/store/proberunstore.h"

#include <algorithm>

namespace portolan {

ScanResult scanResultFromRun(const ProbeRunRecord& run)
{
    ScanResult result;
    result.request.protocol = run.protocol;
    result.request.family = run.spec.family;
    result.request.address = run.address.toStdString();
    result.request.first = run.requested.start;
    result.request.last = quint16(run.requested.end());
    result.cancelled = run.cancelled;
    result.runs.reserve(std::size_t(run.steps.size()));
    for (const ProbeStepRecord& step : run.steps) {
        if (step.kind != StepKind::ScanRun)
            continue;
        ScanRun part;
        part.first = step.firstPort;
        part.last = step.lastPort;
        part.outcome = step.outcome.value_or(step.ok ? BindOutcome::Free : BindOutcome::Other);
        if (step.error) {
            part.code = step.error->code;
            part.codeName = step.error->name;
        }
        part.holder.process = step.holder.toStdString();
        result.probed += quint32(part.last) - part.first + 1;
        result.runs.push_back(std::move(part));
    }
    return result;
}

Result<std::vector<ScanResult>> lastScans(ProbeRunStore& runs, const QString& host)
{
    // A handful of the newest scans nearly always holds both protocols; an older scan of the
    // other protocol is not worth reading the history for.
    constexpr int kNewest = 16;
    ProbeRunFilter filter;
    filter.host = host;
    filter.kind = ProbeKind::Scan;
    auto newest = runs.runs(filter, kNewest);
    if (!newest)
        return newest.error();
    std::vector<ScanResult> found;
    for (Protocol protocol : {Protocol::Tcp, Protocol::Udp}) {
        const auto it = std::find_if(newest.value().begin(), newest.value().end(),
                                     [protocol](const ProbeRunRecord& r) {
                                         return r.protocol == protocol && r.requested.count > 0;
                                     });
        if (it == newest.value().end())
            continue;
        auto full = runs.run(it->id);
        if (!full)
            return full.error();
        found.push_back(scanResultFromRun(full.value()));
    }
    return found;
}

} // namespace portolan
