// SPDX-License-Identifier: GPL-3.0-or-later
// Fuzz target: `portolan-cli apply FILE` — the desired-state reader, then the run itself on the
// simulated developer machine (resources/scenarios/developer.json, fresh for every input). The
// promises checked are the ones the command makes (platform/snapshot/desiredstate.h):
// - a file that is refused is refused as bad input, naming where;
// - --check changes nothing;
// - a run that succeeds leaves every block as the file asks, and a second --check plans
//   nothing;
// - a run that is refused leaves the persistent blocks where they were.
#include "fuzzcheck.h"

#include "platform/simulated/simulatedbackend.h"
#include "platform/simulated/simulatedmachine.h"
#include "platform/snapshot/desiredstate.h"

#include <fstream>
#include <iterator>
#include <set>
#include <string>
#include <tuple>

namespace {

using namespace portolan;

constexpr std::string_view kSource = "desired.json";

const std::string& scenarioText()
{
    static const std::string text = [] {
        std::ifstream in(PORTOLAN_FUZZ_SCENARIO, std::ios::binary);
        std::string all((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
        FUZZ_CHECK(!all.empty());
        return all;
    }();
    return text;
}

using Place = std::tuple<Protocol, std::uint16_t, std::uint16_t>;

std::set<Place> persistentPlaces(Backend& backend)
{
    auto blocks = backend.listReservations(std::nullopt);
    FUZZ_CHECK(blocks.ok());
    std::set<Place> places;
    for (const ReservedBlock& b : blocks.value())
        if (b.persistent)
            places.emplace(b.protocol, b.range.start, b.range.count);
    return places;
}

std::unique_ptr<SimulatedBackend> freshMachine()
{
    auto backend = SimulatedBackend::fromScenarioText(scenarioText());
    FUZZ_CHECK(backend.ok());
    return std::move(backend.value());
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const auto desired = desiredStateFromJson(fuzz::asText(data, size), kSource);
    if (!desired) {
        FUZZ_CHECK(desired.error().kind == ErrorKind::InvalidArgument);
        FUZZ_CHECK(desired.error().message.rfind(std::string(kSource) + ": ", 0) == 0);
        return 0;
    }
    for (const DesiredReservation& r : desired->reservations)
        FUZZ_CHECK(validatePortRange(r.range, RangeKind::Persistent).ok());

    const auto backend = freshMachine();
    const std::set<Place> before = persistentPlaces(*backend);
    const std::string stateBefore = dumpJson(simulated::machineToJson(backend->machine()), 0);

    const ApplyReport check = applyDesiredState(*backend, desired.value(), true);
    FUZZ_CHECK(dumpJson(simulated::machineToJson(backend->machine()), 0) == stateBefore);
    for (const ApplyAction& action : check.actions)
        FUZZ_CHECK(action.outcome != ApplyAction::Outcome::Done &&
                   action.outcome != ApplyAction::Outcome::Undone);
    FUZZ_CHECK(check.changed() == !check.actions.empty());

    const ApplyReport run = applyDesiredState(*backend, desired.value(), false);
    if (check.error) {
        // What --check refuses, the run refuses before any change.
        FUZZ_CHECK(run.error.has_value());
        FUZZ_CHECK(dumpJson(simulated::machineToJson(backend->machine()), 0) == stateBefore);
    }
    if (run.error) {
        FUZZ_CHECK(persistentPlaces(*backend) == before);
        return 0;
    }
    FUZZ_CHECK(run.actions.size() == check.actions.size());
    for (const DesiredReservation& r : desired->reservations)
        FUZZ_CHECK(backend->lookupPersistent(r.protocol, r.range).ok() == r.present);
    const ApplyReport again = applyDesiredState(*backend, desired.value(), true);
    FUZZ_CHECK(!again.error && again.actions.empty());
    return 0;
}
