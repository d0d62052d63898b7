// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "backend.h"

#include <cstdint>
#include <functional>
#include <stop_token>

namespace portolan {

// Probes one port; called concurrently from several threads.
using PortProbe = std::function<BindProbeResult(std::uint16_t port)>;

// Runs `probe` over [request.first, request.last] on request.threads threads (0 = hardware
// concurrency, at least 2) and folds the answers into runs of equal (outcome, code, holder).
ScanResult scanPorts(const ScanRequest& request, const PortProbe& probe,
                     const ScanProgress& progress, std::stop_token stop);

} // namespace portolan
