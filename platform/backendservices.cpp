// SPDX-License-Identifier: GPL-3.0-or-later
// The Backend's service calls that a backend without services answers.
#include "backend.h"

namespace portolan {

std::string_view toString(ServiceState state)
{
    switch (state) {
    case ServiceState::Stopped:
        return "stopped";
    case ServiceState::Starting:
        return "starting";
    case ServiceState::Stopping:
        return "stopping";
    case ServiceState::Running:
        return "running";
    case ServiceState::Other:
        break;
    }
    return "other";
}

namespace {
Error noServices()
{
    return Error::make(ErrorKind::Unsupported,
                       "this system has no services that hold port reservations");
}
} // namespace

Result<std::vector<ServiceInfo>> Backend::services()
{
    return noServices();
}

// A backend that says why it has no services says it here too.
Result<void> Backend::stopService(std::string_view)
{
    auto listed = services();
    return listed ? noServices() : listed.error();
}

Result<void> Backend::startService(std::string_view name)
{
    return stopService(name);
}

} // namespace portolan
