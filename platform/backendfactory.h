// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "backend.h"
#include "error.h"

#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace portolan {

struct BackendOptions
{
    std::string kind;         // "windows", "linux", "simulated"; empty = the real one for this OS
    std::string scenarioFile; // simulated: seeds the state (JSON scenario)
    std::string stateFile;    // simulated: where state survives between runs; empty = default
    std::string procRoot;     // linux: "/proc" unless testing on a temporary tree
    std::string sysctlDir;    // linux: "/etc/sysctl.d" unless testing
};

// "windows" on Windows, "linux" on Linux, "simulated" elsewhere.
std::string_view defaultBackendKind();
// The kinds this build can create, the default first.
std::vector<std::string_view> availableBackendKinds();
// Unknown kinds and kinds not built for this OS are InvalidArgument naming the allowed values.
Result<std::unique_ptr<Backend>> createBackend(const BackendOptions& options);

} // namespace portolan
