// SPDX-License-Identifier: GPL-3.0-or-later
// The services that hold runtime port reservations, through the Service Control Manager
// (docs/windows-semantics.md#services).
#include "windowsbackend.h"
#include "windowserrors.h"

#include "../nativecodes.h"

#include <algorithm>
#include <array>
#include <thread>

namespace portolan {

namespace {

struct KnownService
{
    std::string_view name;
    std::string_view breaks;
};

// The services whose blocks people meet: WinNAT's and the Host Network Service's.
constexpr std::array kKnownServices{
    KnownService{"winnat", "WSL 2 port forwarding and container NAT"},
    KnownService{"hns", "Hyper-V virtual switches, WSL 2 and container networking"},
};

ServiceState stateOf(std::uint32_t state)
{
    switch (state) {
    case win32::kServiceStopped:
        return ServiceState::Stopped;
    case win32::kServiceStartPending:
        return ServiceState::Starting;
    case win32::kServiceStopPending:
        return ServiceState::Stopping;
    case win32::kServiceRunning:
        return ServiceState::Running;
    default:
        return ServiceState::Other;
    }
}

bool known(std::string_view name)
{
    return std::ranges::any_of(kKnownServices, [name](const KnownService& s) {
        return std::ranges::equal(s.name, name, [](char a, char b) {
            return a == (b >= 'A' && b <= 'Z' ? char(b - 'A' + 'a') : b);
        });
    });
}

} // namespace

Result<std::vector<ServiceInfo>> WindowsBackend::services()
{
    if (!m_api->queryService)
        return win32::unsupported("the Service Control Manager", "OpenSCManager is not available");
    // Runtime blocks, to give each service its own; without them the services are still told.
    std::vector<ReservedBlock> runtime;
    if (auto blocks = listReservations(std::nullopt))
        for (const auto& b : blocks.value())
            if (!b.persistent)
                runtime.push_back(b);

    std::vector<ServiceInfo> out;
    for (const auto& known : kKnownServices) {
        const std::string name(known.name);
        auto asked = m_calls->run(
            win32::CallKind::Service, "asking for the service " + name, [api = m_api, name] {
                std::pair<std::uint32_t, std::pair<win32::ServiceStatus, std::string>> answer;
                answer.first = api->queryService(name, answer.second.first, answer.second.second);
                return answer;
            });
        if (!asked)
            return asked.error();
        const auto& [code, status] = asked.value();
        if (code == native::kErrorServiceDoesNotExist)
            continue; // not installed here: no Hyper-V, no containers
        if (code != 0)
            return win32::windowsFailure(*m_api, code, "QueryServiceStatusEx (" + name + ")");
        ServiceInfo info;
        info.name = name;
        info.displayName = status.second.empty() ? name : status.second;
        info.state = stateOf(status.first.currentState);
        info.pid = info.state == ServiceState::Stopped ? -1 : std::int64_t(status.first.processId);
        info.breaks = std::string(known.breaks);
        if (info.state == ServiceState::Running) {
            for (const auto& b : runtime) {
                // HNS is named by its registry values and HCN; WinNAT's blocks carry no name
                // anywhere, so while it runs the blocks nothing names are counted as its.
                const bool hns = name == "hns" && b.owner == "Host Network Service";
                const bool nat = name == "winnat" && b.ownerEvidence == "unknown";
                if (hns || nat) {
                    ReservedBlock block = b;
                    if (nat) {
                        block.owner = info.displayName;
                        block.ownerEvidence = "inferred: no other owner, WinNAT runs";
                    }
                    info.blocks.push_back(std::move(block));
                }
            }
        }
        out.push_back(std::move(info));
    }
    return out;
}

Result<void> WindowsBackend::stopService(std::string_view name)
{
    return changeService(name, false);
}

Result<void> WindowsBackend::startService(std::string_view name)
{
    return changeService(name, true);
}

Result<void> WindowsBackend::changeService(std::string_view name, bool start) const
{
    const std::string service(name);
    const std::string call = start ? "StartService (" + service + ")"
                                   : "ControlService(SERVICE_CONTROL_STOP) (" + service + ")";
    if (!m_api->queryService || !(start ? m_api->startService : m_api->stopService))
        return win32::unsupported(call, "the Service Control Manager is not available");
    if (!known(name))
        return Error::make(ErrorKind::InvalidArgument,
                           "stop-service: \"" + service +
                               "\" is not a service that holds port reservations; allowed: "
                               "winnat, hns");
    const auto deadline =
        std::chrono::steady_clock::now() + m_calls->deadline(win32::CallKind::Service);
    auto answer = m_calls->run(
        win32::CallKind::Service, call, [api = m_api, service, start, deadline]() -> std::uint32_t {
            const std::uint32_t sent =
                start ? api->startService(service) : api->stopService(service);
            if (sent != 0)
                return sent;
            const std::uint32_t wanted = start ? win32::kServiceRunning : win32::kServiceStopped;
            for (;;) {
                win32::ServiceStatus status;
                std::string displayName;
                if (auto code = api->queryService(service, status, displayName); code != 0)
                    return code;
                if (status.currentState == wanted)
                    return 0;
                // A service that settled in the other state did not do as asked.
                if (status.currentState ==
                    (start ? win32::kServiceStopped : win32::kServiceRunning))
                    return std::uint32_t(native::kErrorServiceRequestTimeout);
                if (std::chrono::steady_clock::now() >= deadline)
                    return std::uint32_t(native::kErrorServiceRequestTimeout);
                // Microsoft's sample waits a tenth of the wait hint, between 1 and 10 s; a
                // shorter floor answers sooner for the quick services that matter here.
                const auto pause = std::chrono::milliseconds(
                    std::clamp<std::uint32_t>(status.waitHint / 10, 50, 1000));
                std::this_thread::sleep_for(pause);
            }
        });
    if (!answer)
        return answer.error();
    if (answer.value() != 0)
        return win32::windowsFailure(*m_api, answer.value(), call);
    return {};
}

} // namespace portolan
