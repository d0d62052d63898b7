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

Result<std::optional<ProbeRunRecord>> newestScan(ProbeRunStore& runs, const QString& host,
                                                 std::optional<Protocol> protocol)
{
    // A handful of the newest scans nearly always holds both protocols; an older scan of the
    // other protocol is not worth reading the history for.
    constexpr int kNewest = 16;
    ProbeRunFilter filter;
    filter.host = host;
    filter.kind = ProbeKind::Scan;
    auto newest = runs.runs(filter, protocol ? kNewest : 1);
    if (!newest)
        return newest.error();
    const auto it = std::find_if(newest->begin(), newest->end(), [protocol](const auto& r) {
        return !protocol || r.protocol == *protocol;
    });
    if (it == newest->end())
        return std::optional<ProbeRunRecord>{};
    auto full = runs.run(it->id);
    if (!full)
        return full.error();
    return std::optional<ProbeRunRecord>{std::move(full.value())};
}

Result<std::vector<ScanResult>> lastScans(ProbeRunStore& runs, const QString& host)
{
    std::vector<ScanResult> found;
    for (Protocol protocol : {Protocol::Tcp, Protocol::Udp}) {
        auto scan = newestScan(runs, host, protocol);
        if (!scan)
            return scan.error();
        if (scan.value() && scan.value()->requested.count > 0)
            found.push_back(scanResultFromRun(*scan.value()));
    }
    return found;
}

} // namespace portolan
