// SPDX-License-Identifier: GPL-3.0-or-later
#include "protect.h"

#include "../nativecodes.h"

#include <algorithm>

namespace portolan::protect {

namespace {

bool sameName(std::string_view a, std::string_view b)
{
    return std::equal(a.begin(), a.end(), b.begin(), b.end(), [](char x, char y) {
        const auto lower = [](char c) { return c >= 'A' && c <= 'Z' ? char(c - 'A' + 'a') : c; };
        return lower(x) == lower(y);
    });
}

std::string blockText(Protocol protocol, PortRange range)
{
    return std::string(toString(protocol)) + " " + toString(range);
}

std::string serviceText(const ServiceInfo& s)
{
    return s.displayName.empty() || s.displayName == s.name ? s.name
                                                            : s.displayName + " (" + s.name + ")";
}

const ServiceInfo* holderOf(const std::vector<ServiceInfo>& services, const ReservedBlock& block)
{
    for (const auto& s : services)
        for (const auto& b : s.blocks)
            if (b.protocol == block.protocol && b.range == block.range)
                return &s;
    for (const auto& s : services)
        if (!block.owner.empty() && block.owner == s.displayName)
            return &s;
    return nullptr;
}

std::string blocksText(const std::vector<ReservedBlock>& blocks)
{
    if (blocks.empty())
        return "none";
    std::string text;
    for (const auto& b : blocks)
        text += (text.empty() ? "" : ", ") + blockText(b.protocol, b.range);
    return text;
}

} // namespace

std::string_view toString(StepKind kind)
{
    switch (kind) {
    case StepKind::Plan:
        return "plan";
    case StepKind::StopService:
        return "stop-service";
    case StepKind::CreateReservation:
        return "create";
    case StepKind::StartService:
        return "start-service";
    case StepKind::Verify:
        break;
    }
    return "verify";
}

Result<Plan> makePlan(Backend& backend, const Request& request)
{
    if (auto valid = validatePortRange(request.range, RangeKind::Persistent); !valid)
        return valid.error();
    auto services = backend.services();
    if (!services)
        return services.error();
    auto blocks = backend.listReservations(request.protocol);
    if (!blocks)
        return blocks.error();

    Plan plan;
    plan.request = request;
    const std::string target = blockText(request.protocol, request.range);
    for (const auto& b : blocks.value()) {
        if (b.protocol != request.protocol || !b.range.overlaps(request.range))
            continue;
        if (b.persistent)
            return Error::make(ErrorKind::Conflict, "start: " + target +
                                                        " overlaps the persistent reservation " +
                                                        blockText(b.protocol, b.range) +
                                                        "; those ports are already pinned");
        plan.covering.push_back(b);
    }
    for (const auto& b : plan.covering) {
        const ServiceInfo* holder = holderOf(services.value(), b);
        if (!holder)
            return Error::make(ErrorKind::Conflict,
                               "start: " + target + " is covered by the runtime block " +
                                   blockText(b.protocol, b.range) + " of " +
                                   (b.owner.empty() ? std::string("an unknown owner") : b.owner) +
                                   ", which is no service Portolan can stop; pick ports "
                                   "outside it");
        if (plan.holder && plan.holder->name != holder->name)
            return Error::make(ErrorKind::Conflict,
                               "start: " + target + " is covered by blocks of " +
                                   serviceText(*plan.holder) + " and of " + serviceText(*holder) +
                                   "; protect the ports of one service at a time");
        plan.holder = *holder;
    }

    if (!request.stopService.empty()) {
        const auto& list = services.value();
        const auto found = std::find_if(list.begin(), list.end(), [&](const ServiceInfo& s) {
            return sameName(s.name, request.stopService);
        });
        if (found == list.end()) {
            std::string names;
            for (const auto& s : list)
                names += (names.empty() ? "" : ", ") + s.name;
            return Error{ErrorKind::NotFound, native::kErrorServiceDoesNotExist,
                         "ERROR_SERVICE_DOES_NOT_EXIST",
                         "stop-service: no service named \"" + request.stopService +
                             "\" holds port reservations here; allowed: " +
                             (names.empty() ? std::string("none") : names)};
        }
        if (plan.holder && plan.holder->name != found->name)
            return Error::make(ErrorKind::InvalidArgument,
                               "stop-service: \"" + request.stopService + "\" holds no block of " +
                                   target + "; allowed: " + plan.holder->name + ", which holds " +
                                   blocksText(plan.covering));
        if (found->state == ServiceState::Running)
            plan.stop = *found;
    } else if (plan.holder) {
        plan.needsConsent = true;
    }
    return plan;
}

std::string describePlan(const Plan& plan)
{
    const std::string target = blockText(plan.request.protocol, plan.request.range);
    std::string text;
    if (plan.holder)
        text = target + " lies in " + blocksText(plan.covering) + ", held by " +
               serviceText(*plan.holder) + ". ";
    else
        text = "No service's block covers " + target + ". ";
    if (plan.stop) {
        text += "Portolan stops " + serviceText(*plan.stop) +
                ", creates the persistent "
                "reservation " +
                target + " and starts the service again.";
        text += " While it is stopped, " +
                (plan.stop->breaks.empty() ? std::string("what depends on it stops working")
                                           : plan.stop->breaks + " stop working") +
                ".";
    } else if (plan.needsConsent) {
        text += "It must be stopped while the reservation is created; while it is stopped, " +
                (plan.holder->breaks.empty() ? std::string("what depends on it stops working")
                                             : plan.holder->breaks + " stop working") +
                ". Pass --stop-service " + plan.holder->name + " to agree.";
    } else {
        text += "Portolan creates the persistent reservation " + target +
                "; no service is "
                "stopped.";
    }
    return text;
}

Outcome run(Backend& backend, const Plan& plan, const StepObserver& observer)
{
    Outcome out;
    const auto record = [&](Step step) {
        if (!step.ok && step.error && !out.error)
            out.error = step.error;
        if (observer)
            observer(step);
        out.steps.push_back(std::move(step));
    };
    const Request& r = plan.request;
    const std::string target = blockText(r.protocol, r.range);
    const std::string createCall =
        std::string(r.protocol == Protocol::Tcp ? "CreatePersistentTcpPortReservation("
                                                : "CreatePersistentUdpPortReservation(") +
        std::to_string(r.range.start) + ", " + std::to_string(r.range.count) + ")";

    record({StepKind::Plan, !plan.needsConsent, "plan " + target, describePlan(plan),
            plan.needsConsent ? std::optional<Error>(Error::make(
                                    ErrorKind::InvalidArgument,
                                    "stop-service: " + plan.holder->name + " holds a block of " +
                                        target + "; allowed: --stop-service " + plan.holder->name))
                              : std::nullopt});
    if (plan.needsConsent)
        return out;

    const std::string name = plan.stop ? plan.stop->name : std::string();
    if (plan.stop) {
        auto stopped = backend.stopService(name);
        record({StepKind::StopService, stopped.ok(),
                "ControlService(" + name + ", SERVICE_CONTROL_STOP)",
                stopped ? serviceText(*plan.stop) + " stopped; its blocks were released"
                        : "the service was not stopped; nothing changed",
                stopped ? std::nullopt : std::optional<Error>(stopped.error())});
        if (!stopped) {
            out.serviceRunning = true;
            return out;
        }
    }

    auto created = backend.createPersistent(r.protocol, r.range);
    record({StepKind::CreateReservation, created.ok(), createCall,
            created ? "the persistent reservation " + target + " was created"
                    : "the persistent reservation " + target + " was not created" +
                          (plan.stop ? "; the service is started again anyway" : ""),
            created ? std::nullopt : std::optional<Error>(created.error())});

    if (plan.stop) {
        auto started = backend.startService(name);
        record({StepKind::StartService, started.ok(), "StartService(" + name + ")",
                started ? serviceText(*plan.stop) + " runs again"
                        : serviceText(*plan.stop) +
                              " did not start again; start it yourself "
                              "(net start " +
                              name + ")",
                started ? std::nullopt : std::optional<Error>(started.error())});
    }

    // Verify from what the system says now, not from what the calls answered.
    Step verify{StepKind::Verify, true, "verify " + target, {}, std::nullopt};
    auto looked = backend.lookupPersistent(r.protocol, r.range);
    out.reserved = looked.ok();
    out.serviceRunning = true;
    if (plan.stop) {
        out.serviceRunning = false;
        if (auto services = backend.services()) {
            for (const auto& s : services.value())
                if (s.name == name) {
                    out.serviceRunning = s.state == ServiceState::Running;
                    out.serviceBlocks = s.blocks;
                }
        }
    }
    if (auto blocks = backend.listReservations(r.protocol))
        for (const auto& b : blocks.value())
            if (!b.persistent && b.range.overlaps(r.range))
                out.stillCovered = true;
    verify.detail = std::string(out.reserved ? "the reservation " + target + " stands"
                                             : "there is no reservation " + target);
    if (plan.stop)
        verify.detail += std::string("; ") + serviceText(*plan.stop) +
                         (out.serviceRunning ? " runs" : " does not run") +
                         "; its blocks now: " + blocksText(out.serviceBlocks);
    if (out.stillCovered)
        verify.detail += "; a runtime block still covers " + target;
    verify.ok =
        out.reserved == created.ok() && out.serviceRunning && !(created.ok() && out.stillCovered);
    if (!verify.ok)
        verify.error = Error::make(ErrorKind::Conflict, "verify: " + verify.detail);
    record(std::move(verify));
    return out;
}

} // namespace portolan::protect
