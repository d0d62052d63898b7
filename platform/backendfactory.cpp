// SPDX-License-Identifier: GPL-3.0-or-later
// The one place that picks a backend for the OS this was built for.
#include "backendfactory.h"

#include "simulated/simulatedbackend.h"

#if defined(_WIN32)
#include "windows/windowsbackend.h"
#elif defined(__linux__)
#include "linux/linuxbackend.h"
#endif

#include <string>

namespace portolan {
namespace {

#if defined(_WIN32)
constexpr std::string_view kNativeKind = "windows";
#elif defined(__linux__)
constexpr std::string_view kNativeKind = "linux";
#else
constexpr std::string_view kNativeKind = "";
#endif

constexpr std::string_view kSimulated = "simulated";

std::string allowedKinds()
{
    std::string text;
    for (std::string_view kind : availableBackendKinds()) {
        if (!text.empty())
            text += ", ";
        text += kind;
    }
    return text;
}

template <typename Concrete>
Result<std::unique_ptr<Backend>> upcast(Result<std::unique_ptr<Concrete>> made)
{
    if (!made)
        return made.error();
    return std::unique_ptr<Backend>(std::move(made.value()));
}

} // namespace

std::string_view defaultBackendKind()
{
    return kNativeKind.empty() ? kSimulated : kNativeKind;
}

std::vector<std::string_view> availableBackendKinds()
{
    std::vector<std::string_view> kinds;
    if (!kNativeKind.empty())
        kinds.push_back(kNativeKind);
    kinds.push_back(kSimulated);
    return kinds;
}

Result<std::unique_ptr<Backend>> createBackend(const BackendOptions& options)
{
    const std::string_view kind = options.kind.empty() ? defaultBackendKind()
                                                       : std::string_view(options.kind);
    if (kind != kSimulated && !options.scenarioFile.empty()) {
        return Error::make(ErrorKind::InvalidArgument,
                           "scenario: a scenario file only applies to the simulated backend; "
                           "add --backend simulated");
    }
    if (kind == kSimulated) {
        SimulatedOptions simulated;
        simulated.scenarioFile = options.scenarioFile;
        simulated.stateFile = options.stateFile.empty() ? SimulatedBackend::defaultStatePath()
                                                        : options.stateFile;
        return upcast(SimulatedBackend::open(simulated));
    }
#if defined(_WIN32)
    if (kind == "windows")
        return createWindowsBackend();
#elif defined(__linux__)
    if (kind == "linux") {
        LinuxOptions linuxOptions;
        if (!options.procRoot.empty())
            linuxOptions.procRoot = options.procRoot;
        if (!options.sysctlDir.empty())
            linuxOptions.sysctlDir = options.sysctlDir;
        return upcast(LinuxBackend::open(linuxOptions));
    }
#endif
    if (kind == "windows" || kind == "linux") {
        return Error::make(ErrorKind::Unsupported,
                           "backend: '" + std::string(kind)
                               + "' is not available in this build; allowed here: "
                               + allowedKinds());
    }
    return Error::make(ErrorKind::InvalidArgument, "backend: '" + std::string(kind)
                                                       + "' is unknown; allowed: "
                                                       + allowedKinds());
}

} // namespace portolan
