// SPDX-License-Identifier: GPL-3.0-or-later
// why and suggest on the simulated machines, and the gap search they share.
#include "simulated_support.h"

#include "platform/diagnose/suggest.h"
#include "platform/diagnose/why.h"
#include "platform/simulated/simulatedcontrol.h"

#include <algorithm>

using namespace portolan;
using namespace portolan::diagnose;
using namespace portolan::test;

TEST_CASE("nearestGap: the block closest to the wanted port between sorted obstacles")
{
    struct Case
    {
        const char* name;
        std::vector<PortRange> obstacles;
        std::uint16_t count, near;
        std::optional<PortRange> expected;
    };
    const std::vector<Case> cases{
        {"inside a gap: starts at the port", {{1, 1023}}, 10, 3000, PortRange{3000, 10}},
        {"below a block: the nearer side", {{1, 1023}, {2869, 500}}, 10, 3000, PortRange{2859, 10}},
        {"above a block: the nearer side", {{1, 1023}, {2869, 500}}, 10, 3300, PortRange{3369, 10}},
        {"a gap too small is skipped",
         {{1, 1023}, {2000, 5}, {2010, 100}},
         10,
         2007,
         PortRange{1990, 10}},
        {"the last gap runs to 65535", {{1, 65000}}, 535, 1, PortRange{65001, 535}},
        {"nothing fits", {{1, 65000}}, 536, 1, std::nullopt},
        {"a tie takes the lower block", {{1, 1023}, {2000, 11}}, 5, 2005, PortRange{1995, 5}},
    };
    for (const Case& c : cases) {
        CAPTURE(c.name);
        CHECK(nearestGap(c.obstacles, c.count, c.near) == c.expected);
    }
}

TEST_CASE("suggestBlock: outside every block, listener and the dynamic range, bind-probed")
{
    auto backend = openScenario("developer.json");
    auto found = suggestBlock(*backend, {.protocol = Protocol::Tcp, .count = 10, .near = 3000});
    REQUIRE_MESSAGE(found.ok(), found.error().describe());
    CHECK(found->block == PortRange{2859, 10});
    CHECK(found->probes == 10);
    CHECK(found->dynamicRange == PortRange{49152, 16384});

    // A listener that appears inside that block moves the suggestion below it.
    auto* control = dynamic_cast<SimulatedControl*>(backend.get());
    REQUIRE(control != nullptr);
    REQUIRE(
        control->addListener({Protocol::Tcp, AddressFamily::IPv4, "0.0.0.0", 2863, 99, "vite.exe"})
            .ok());
    auto moved = suggestBlock(*backend, {.protocol = Protocol::Tcp, .count = 10, .near = 3000});
    REQUIRE(moved.ok());
    CHECK(moved->block == PortRange{2853, 10});
}

TEST_CASE("suggestBlock: a Conflict naming the dynamic range when nothing is left outside it")
{
    auto backend = openScenario("installer-range.json");
    auto found = suggestBlock(*backend, {.protocol = Protocol::Tcp, .count = 1});
    REQUIRE_FALSE(found.ok());
    CHECK(found.error().kind == ErrorKind::Conflict);
    CHECK(found.error().message.find("dynamic range 1024-65535") != std::string::npos);
}

TEST_CASE("explainPort: WinNAT's block, its evidence, the remedies in order")
{
    auto backend = openScenario("developer.json");
    auto explained = explainPort(*backend, {Protocol::Tcp, 3000});
    REQUIRE(explained.ok());
    const Explanation& e = explained.value();
    CHECK(e.cause == Cause::Reservation);
    REQUIRE(e.block.has_value());
    CHECK(e.block->range == PortRange{2869, 500});
    CHECK(e.block->owner == "Windows NAT (WinNAT)");
    CHECK(e.block->ownerEvidence == "scenario");
    CHECK(e.nearestFree == std::uint16_t(2868));
    std::vector<RemedyKind> kinds;
    for (const Remedy& remedy : e.remedies)
        kinds.push_back(remedy.kind);
    CHECK(kinds == std::vector<RemedyKind>{RemedyKind::OtherPort, RemedyKind::PinReservation,
                                           RemedyKind::StopService});
    CHECK(describeCause(e).find("evidence: scenario") != std::string::npos);
}

TEST_CASE("explainPort: a listener, and a port the dynamic range swallowed")
{
    auto developer = openScenario("developer.json");
    auto node = explainPort(*developer, {Protocol::Tcp, 5173});
    REQUIRE(node.ok());
    CHECK(node->cause == Cause::Listener);
    CHECK(node->probe.holder.process == "node.exe");

    auto installer = openScenario("installer-range.json");
    auto low = explainPort(*installer, {Protocol::Tcp, 4000});
    REQUIRE(low.ok());
    CHECK(low->cause == Cause::FreeInDynamicRange);
    CHECK(std::ranges::any_of(low->remedies, [](const Remedy& remedy) {
        return remedy.kind == RemedyKind::MoveDynamicRange &&
               remedy.command == "portolan-cli dynamic-range set tcp 49152 16384";
    }));
}
