// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "../backend.h"
#include "../error.h"
#include "../types.h"

#include <functional>
#include <optional>
#include <string>
#include <vector>

// Pinning ports that a service's runtime block covers: stop the service, create the
// persistent reservation, start the service again, verify. The console's wizard and
// portolan-cli's "protect" both run it; docs/windows-semantics.md#services says why it works.
namespace portolan::protect {

struct Request
{
    Protocol protocol = Protocol::Tcp;
    PortRange range;
    std::string stopService; // the service the user agreed to stop; empty: none
};

// What would happen, decided before anything is done.
struct Plan
{
    Request request;
    std::vector<ReservedBlock> covering; // runtime blocks that overlap the range
    std::optional<ServiceInfo> holder;   // the service holding them, when one does
    std::optional<ServiceInfo> stop;     // the service that will be stopped, if any
    // Set when a service's block covers the range and the request names no service to stop:
    // nothing can be done until the user agrees to stop `holder`.
    bool needsConsent = false;
};

// The steps, in order. A step that is not needed (no service to stop) is left out.
enum class StepKind : std::uint8_t
{
    Plan,
    StopService,
    CreateReservation,
    StartService,
    Verify,
};
std::string_view
toString(StepKind kind); // "plan", "stop-service", "create", "start-service", "verify"

struct Step
{
    StepKind kind = StepKind::Plan;
    bool ok = false;
    std::string request; // the call made: "ControlService(winnat, SERVICE_CONTROL_STOP)"
    std::string detail;  // what happened, in English
    std::optional<Error> error;
};

struct Outcome
{
    std::vector<Step> steps;
    bool reserved = false;       // the persistent reservation stands afterwards
    bool serviceRunning = false; // the stopped service runs again (true when none was stopped)
    std::vector<ReservedBlock> serviceBlocks; // where the service's blocks are afterwards
    bool stillCovered = false;                // a runtime block still covers the range afterwards
    std::optional<Error> error;               // the first failure, when the protect did not succeed
    bool ok() const { return !error.has_value(); }
};

// Reads the services and reservations. Errors: Unsupported (no services on this system, with
// the reason), InvalidArgument (a bad range; a service to stop that holds no block of the
// range is still allowed), NotFound (no such service: ERROR_SERVICE_DOES_NOT_EXIST),
// Conflict (a persistent reservation already covers part of the range, or a block whose
// owner is no known service covers it).
Result<Plan> makePlan(Backend& backend, const Request& request);

// One sentence on the plan: the covering block, its service and what stopping it breaks.
std::string describePlan(const Plan& plan);

// Runs a plan that does not need consent. Each step is handed to `observer` as it ends. If
// the create fails, the service is still started again.
using StepObserver = std::function<void(const Step&)>;
Outcome run(Backend& backend, const Plan& plan, const StepObserver& observer = {});

} // namespace portolan::protect
