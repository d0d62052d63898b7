// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/store/records.h"

#include "platform/backend.h"
#include "platform/error.h"

#include <QString>

#include <optional>
#include <vector>

namespace portolan {

class ProbeRunStore;

// A stored scan as the scanner reported it: its request and its runs (the holder as the text
// that was recorded).
ScanResult scanResultFromRun(const ProbeRunRecord& run);

// The newest stored scan of `host`, of one protocol or of either, with its steps; none when
// the host was never scanned.
Result<std::optional<ProbeRunRecord>> newestScan(ProbeRunStore& runs, const QString& host,
                                                 std::optional<Protocol> protocol = {});

// The newest stored scan of each protocol on `host` (TCP first), with their runs: what the
// port map overlays after a restart. Looks at the newest scans only, never the whole history.
Result<std::vector<ScanResult>> lastScans(ProbeRunStore& runs, const QString& host);

} // namespace portolan
