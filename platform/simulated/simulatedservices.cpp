// SPDX-License-Identifier: GPL-3.0-or-later
// The scenario's services: listing them, stopping one (its runtime blocks end) and starting
// it again (it takes blocks of the same sizes, by the rule of docs/scenario-format.md#services).
#include "simulatedbackend.h"
#include "simulatedcore.h"

#include <vector>

namespace portolan {

namespace simulated {

bool sameServiceName(std::string_view a, std::string_view b)
{
    if (a.size() != b.size())
        return false;
    for (std::size_t i = 0; i < a.size(); ++i) {
        const auto lower = [](char c) { return c >= 'A' && c <= 'Z' ? char(c - 'A' + 'a') : c; };
        if (lower(a[i]) != lower(b[i]))
            return false;
    }
    return true;
}

namespace {

SimulatedService* findService(SimulatedMachine& machine, std::string_view name)
{
    for (auto& s : machine.services)
        if (sameServiceName(s.name, name))
            return &s;
    return nullptr;
}

std::string serviceContext(std::string_view call, std::string_view name)
{
    return std::string(call) + " (" + std::string(name) + ")";
}

// The service `name` of `candidate` when it may be started (or stopped), checked in the
// order the Service Control Manager answers: an injected failure, the name, the caller's
// rights, the service's state.
Result<SimulatedService*> changeable(SimulatedMachine& candidate, std::string_view name,
                                     bool start, std::optional<std::int64_t> injected,
                                     const std::string& context)
{
    if (injected)
        return native::windowsError(*injected, context);
    SimulatedService* service = findService(candidate, name);
    if (!service)
        return native::windowsError(native::kErrorServiceDoesNotExist, context);
    if (!candidate.elevated)
        return native::windowsError(native::kErrorAccessDenied, context);
    if (service->running == start)
        return native::windowsError(start ? native::kErrorServiceAlreadyRunning
                                          : native::kErrorServiceNotActive,
                                    context);
    return service;
}

} // namespace

Result<std::vector<ServiceInfo>> Core::services()
{
    std::lock_guard lock(m_mutex);
    if (auto code = takeFailure(SimulatedCall::Services))
        return native::windowsError(*code, "EnumServicesStatusEx");
    std::vector<ServiceInfo> out;
    for (const auto& s : m_machine.services) {
        ServiceInfo info{s.name,
                         s.displayName,
                         s.running ? ServiceState::Running : ServiceState::Stopped,
                         s.running ? s.pid : -1,
                         {},
                         s.breaks};
        if (s.running)
            for (const auto& b : m_machine.runtime)
                if (b.service == s.name)
                    info.blocks.push_back(
                        ReservedBlock{b.protocol, b.range, false, kNoToken, b.owner, "scenario"});
        out.push_back(std::move(info));
    }
    return out;
}

Result<void> Core::stopService(std::string_view name)
{
    return changeService(name, false);
}

Result<void> Core::startService(std::string_view name)
{
    return changeService(name, true);
}

Result<void> Core::changeService(std::string_view name, bool start)
{
    std::lock_guard lock(m_mutex);
    const std::string context =
        serviceContext(start ? "StartService" : "ControlService(SERVICE_CONTROL_STOP)", name);
    SimulatedMachine candidate = m_machine;
    auto found = changeable(
        candidate, name, start,
        takeFailure(start ? SimulatedCall::StartService : SimulatedCall::StopService), context);
    if (!found)
        return found.error();
    SimulatedService* service = found.value();
    if (start) {
        if (auto placed = placeServiceBlocks(candidate, *service, context); !placed)
            return placed.error();
    } else {
        service->running = false;
        service->stoppedBlocks.clear();
        std::erase_if(candidate.runtime, [&](const SimulatedServiceBlock& b) {
            if (b.service != service->name)
                return false;
            SimulatedServiceBlock kept = b;
            kept.token = kNoToken;
            service->stoppedBlocks.push_back(std::move(kept));
            return true;
        });
    }
    return commit(std::move(candidate));
}

Result<void> Core::placeServiceBlocks(SimulatedMachine& candidate, SimulatedService& service,
                                      const std::string& context) const
{
    // Blocks are placed in the order the service held them; each one placed is in the way of
    // the next.
    const std::vector<SimulatedServiceBlock> wanted = std::move(service.stoppedBlocks);
    service.stoppedBlocks.clear();
    service.running = true;
    const std::string serviceName = service.name;
    for (const auto& b : wanted) {
        const auto place = servicePlace(candidate, b.protocol, b.range);
        if (!place)
            return native::windowsError(
                kAcquireNoRoomCode, context + ": no room for " + std::string(toString(b.protocol)) +
                                        " block of " + std::to_string(b.range.count) + " ports");
        SimulatedServiceBlock placed = b;
        placed.range = *place;
        placed.token = newToken(candidate, m_own);
        placed.service = serviceName;
        candidate.runtime.push_back(std::move(placed));
    }
    return {};
}

std::optional<PortRange> Core::servicePlace(const SimulatedMachine& candidate, Protocol protocol,
                                            PortRange old) const
{
    std::vector<bool> taken(65536, false);
    taken[0] = true;
    const auto mark = [&](const auto& blocks) {
        for (const auto& b : blocks)
            if (b.protocol == protocol)
                for (std::uint32_t p = b.range.start; p <= b.range.end(); ++p)
                    taken[p] = true;
    };
    mark(candidate.persistent);
    mark(candidate.runtime);
    mark(m_own);
    for (std::uint32_t p = 1; p <= 65535; ++p)
        if (!taken[p] && busy(protocol, std::uint16_t(p)))
            taken[p] = true;
    // The lowest start at or above `from` where `count` ports in a row are free.
    const auto lowestFrom = [&](std::uint32_t from) -> std::optional<PortRange> {
        std::uint32_t run = 0;
        for (std::uint32_t p = from; p <= 65535; ++p) {
            run = taken[p] ? 0 : run + 1;
            if (run == old.count)
                return PortRange{std::uint16_t(p - old.count + 1), old.count};
        }
        return std::nullopt;
    };
    if (auto same = lowestFrom(old.start); same && same->start == old.start)
        return same;
    if (auto above = lowestFrom(old.start))
        return above;
    return lowestFrom(1);
}

} // namespace simulated

Result<std::vector<ServiceInfo>> SimulatedBackend::services()
{
    return m_core->services();
}

Result<void> SimulatedBackend::stopService(std::string_view name)
{
    return m_core->stopService(name);
}

Result<void> SimulatedBackend::startService(std::string_view name)
{
    return m_core->startService(name);
}

} // namespace portolan
