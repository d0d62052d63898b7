// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "../backend.h"
#include "../error.h"
#include "../types.h"

#include <cstdint>
#include <optional>
#include <stop_token>
#include <string>
#include <vector>

// "bind failed with 10013 and netstat shows nothing": a bind probe, then what stands in the
// way and what the user can do about it, the cheapest remedy first. Structured, so that the
// command line and the console each word it in their own language.
namespace portolan::diagnose {

enum class Cause : std::uint8_t
{
    Free,               // the bind succeeded, outside the dynamic range: nothing to explain
    FreeInDynamicRange, // it succeeded now, but any outgoing connection or service may take it
    Reservation,        // a reserved block covers the port (block, its owner and evidence)
    Listener,           // a socket holds it (listener, its process)
    Denied,             // another account's socket, or an exclusive one (WSAEACCES, no block)
    Other,              // any other failure (address not available, ...)
};
std::string_view toString(Cause cause); // "free", "reservation", ...

enum class RemedyKind : std::uint8_t
{
    OtherPort,         // use the nearest free port (named) instead
    PinReservation,    // a persistent reservation, made while the owner is stopped (protect)
    MoveDynamicRange,  // move the dynamic range back to Windows' default
    StopService,       // stop the service holding the block
    StopProcess,       // stop the program holding the port
    DeleteReservation, // delete the persistent reservation covering the port
};
std::string_view toString(RemedyKind kind); // "other-port", "pin", ...

struct Remedy
{
    RemedyKind kind = RemedyKind::OtherPort;
    std::optional<std::uint16_t> port; // OtherPort: the port to use
    std::string service;               // StopService / PinReservation: "winnat", "hns"
    std::string owner;                 // who is stopped: "Windows NAT (WinNAT)", "node.exe"
    std::int64_t pid = -1;             // StopProcess
    PortRange range;                   // MoveDynamicRange: the range to move to;
                                       // DeleteReservation: the block
    bool needsElevation = false;
    std::string command; // what to run: "portolan-cli protect tcp 3000 1 --stop-service winnat"
};

struct WhyRequest
{
    Protocol protocol = Protocol::Tcp;
    std::uint16_t port = 0;
    AddressFamily family = AddressFamily::IPv4;
    std::string address; // empty: the family's wildcard (exclusive, as bind does)
};

struct Explanation
{
    WhyRequest request; // with the address filled in
    BindProbeResult probe;
    Cause cause = Cause::Other;
    std::optional<ReservedBlock> block;    // Reservation: the covering block
    std::optional<Listener> listener;      // Listener / Denied: the socket, when listed
    std::optional<PortRange> dynamicRange; // when the backend knows it
    bool inDynamicRange = false;
    std::optional<std::uint16_t> nearestFree; // outside every block, listener, dynamic range
    std::vector<Remedy> remedies;             // ranked, cheapest first
};

Result<Explanation> explainPort(Backend& backend, const WhyRequest& request,
                                std::stop_token stop = {});

// The service name behind a block owner as Portolan words it: "Windows NAT (WinNAT)" is
// "winnat", "Host Network Service (Hyper-V)" is "hns"; empty for any other.
std::string serviceNameOf(std::string_view owner);

// English text for the command line; the console words the same fields itself.
std::string describeCause(const Explanation& explanation);
// "what it costs" of one remedy.
std::string describeRemedy(const Explanation& explanation, const Remedy& remedy);
std::string describeCost(const Remedy& remedy);
// What stopping a known service breaks while it is down; empty for an unknown one.
std::string whatStoppingBreaks(std::string_view service);

} // namespace portolan::diagnose
