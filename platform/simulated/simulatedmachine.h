// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "../backend.h"
#include "../error.h"
#include "../jsonvalue.h"
#include "../types.h"

#include <cstdint>
#include <limits>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace portolan {

// A persistent ("administered") reservation of the simulated machine.
struct SimulatedPersistentBlock
{
    Protocol protocol = Protocol::Tcp;
    PortRange range;
    Token token = kNoToken; // changes at every simulated reboot
    std::string note;       // why the admin made it; shown nowhere but the scenario
    friend bool operator==(const SimulatedPersistentBlock&,
                           const SimulatedPersistentBlock&) = default;
};

// A runtime reservation held by another process (a service such as WinNAT or HNS).
struct SimulatedServiceBlock
{
    Protocol protocol = Protocol::Tcp;
    PortRange range;
    std::string owner;      // "Windows NAT (WinNAT)"
    std::int64_t pid = -1;  // -1 when unknown
    Token token = kNoToken; // 0 = generate one; changes at every simulated reboot
    std::string service;    // the key name of the scenario service holding it; empty = none
    friend bool operator==(const SimulatedServiceBlock&, const SimulatedServiceBlock&) = default;
};

// A service of the scenario's "services" list. While it runs, its blocks are entries of
// SimulatedMachine::runtime whose `service` names it; while it is stopped they are here,
// where they were when it stopped (their sizes are what it asks for when it starts again).
struct SimulatedService
{
    std::string name;        // "winnat"
    std::string displayName; // "Windows NAT (WinNAT)": the owner of its blocks
    bool running = true;
    std::int64_t pid = -1;
    std::string breaks; // what stops working while it is stopped
    std::vector<SimulatedServiceBlock> stoppedBlocks;
    friend bool operator==(const SimulatedService&, const SimulatedService&) = default;
};

// Everything the simulated machine remembers between runs: the scenario it was seeded from,
// plus tokens, the boot counter and the scenario's hash. Sockets of "this process" are not
// part of it: they end with the process, as on Windows.
struct SimulatedMachine
{
    int schema = 1;
    std::string name;
    std::string description;
    std::string hostName = "SIMULATED-PC";
    // The simulator models Windows: a scenario that says nothing is a Windows 11 machine.
    OsInfo os{"windows", "Windows 11 Pro", "10.0.22631"};
    bool elevated = false;
    std::int64_t bootTime = 0; // seconds since the Unix epoch
    PortRange dynamicTcp{49152, 16384};
    PortRange dynamicUdp{49152, 16384};
    std::vector<std::string> addresses; // local addresses besides 0.0.0.0, 127/8, ::, ::1
    std::int64_t selfPid = 7312;        // the process the backend speaks for
    std::string selfProcess = "portolan.exe";
    std::string selfUser = "user"; // the interactive account; listeners run under it by default
    std::vector<SimulatedPersistentBlock> persistent;
    std::vector<SimulatedServiceBlock> runtime;
    std::vector<Listener> listeners;
    std::vector<SimulatedService> services;

    // State only (not written in scenarios).
    std::uint64_t bootCounter = 1;  // 1 after seeding, +1 per reboot
    std::uint64_t tokenCounter = 0; // feeds the token generator
    std::string scenarioHash;       // "fnv1a64:<16 hex digits>" of the scenario text seeded from
    std::string seededFrom;         // the scenario file, or "built-in clean machine"

    PortRange dynamicRange(Protocol protocol) const
    {
        return protocol == Protocol::Tcp ? dynamicTcp : dynamicUdp;
    }
    PortRange& dynamicRange(Protocol protocol)
    {
        return protocol == Protocol::Tcp ? dynamicTcp : dynamicUdp;
    }
};

namespace simulated {

inline constexpr int kScenarioSchema = 1;
inline constexpr std::string_view kStateFormat = "portolan-simulated-state";
inline constexpr int kStateVersion = 1;
inline constexpr PortRange kWindowsDefaultDynamicRange{49152, 16384};
// netsh refuses a dynamic range smaller than this.
inline constexpr std::uint16_t kMinDynamicRangeCount = 255;
// The largest boot time and counters a scenario or state file may hold. The machine never
// goes past them (a reboot at the end of time keeps the boot time, counters wrap to 1), so
// that every state it writes loads again.
inline constexpr std::int64_t kMaxBootTime = 253402300799; // 9999-12-31T23:59:59Z
inline constexpr std::uint64_t kMaxCounter = std::numeric_limits<std::int64_t>::max();
constexpr std::uint64_t nextCounter(std::uint64_t counter)
{
    return counter >= kMaxCounter ? 1 : counter + 1;
}

// Validates a scenario (or a state file's contents) and builds the machine. Every error is
// InvalidArgument and reads "<source>: <field>: <what>; allowed: <values>", e.g.
// "scenario dev.json: runtime[2].start: 70000 is out of range; allowed 1-65535".
// Tokens missing from the document are left 0 (the caller generates them).
Result<SimulatedMachine> machineFromJson(const Json& document, std::string_view source);
// The state document: a valid scenario plus tokens and a "state" object.
Json machineToJson(const SimulatedMachine& machine);
// The state file's text: dumpJson(machineToJson(machine), 2) and a line break, written entry
// by entry, so that a machine of n blocks is never held a second time as a JSON tree.
std::string machineToText(const SimulatedMachine& machine);
// The 64-bit FNV-1a hash: cheap, stable across builds and platforms.
std::uint64_t fnv1a64(std::string_view text);
// "fnv1a64:0123456789abcdef"
std::string hashScenarioText(std::string_view text);
// The scenario used when none is given: a clean Windows 11 machine (same as clean.json).
std::string_view builtInScenarioText();

// Service names compare as the Service Control Manager compares them: ignoring ASCII case.
bool sameServiceName(std::string_view a, std::string_view b);

// "2025-03-03T07:45:00Z" <-> seconds since the epoch (UTC only).
std::optional<std::int64_t> parseUtcTime(std::string_view text);
std::string formatUtcTime(std::int64_t seconds);

} // namespace simulated
} // namespace portolan
