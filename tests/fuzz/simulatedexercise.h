// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "fuzzcheck.h"

#include "platform/jsonvalue.h"
#include "platform/simulated/simulatedbackend.h"
#include "platform/simulated/simulatedmachine.h"

#include <string>

namespace portolan::fuzz {

// The state document a machine writes must load again as the same machine: otherwise a
// state file the backend wrote itself would lock the user out at the next start.
inline void checkStateRoundTrip(const SimulatedMachine& machine)
{
    const std::string written = dumpJson(simulated::machineToJson(machine), 2);
    auto document = parseJson(written);
    FUZZ_CHECK(document.ok());
    auto loaded = simulated::machineFromJson(document.value(), "state file (fuzz)");
    if (!loaded) {
        std::fprintf(stderr, "reload failed: %s\n", loaded.error().message.c_str());
        FUZZ_CHECK(loaded.ok());
    }
    FUZZ_CHECK(dumpJson(simulated::machineToJson(loaded.value()), 2) == written);
}

// A few calls of every kind on a machine that was just loaded, starting with what the
// machine itself contains (its blocks, listeners and dynamic range).
inline void exercise(SimulatedBackend& backend)
{
    const SimulatedMachine machine = backend.machine();
    checkStateRoundTrip(machine);

    (void)backend.listReservations(std::nullopt);
    (void)backend.listeners(std::nullopt);
    (void)backend.bootTime();
    for (Protocol protocol : {Protocol::Tcp, Protocol::Udp}) {
        auto dynamic = backend.dynamicRange(protocol);
        FUZZ_CHECK(dynamic.ok());
        FUZZ_CHECK(validatePortRange(dynamic.value(), RangeKind::Persistent).ok());
    }
    for (const auto& block : machine.persistent) {
        auto found = backend.lookupPersistent(block.protocol, block.range);
        FUZZ_CHECK(found.ok());
        (void)backend.bindProbe(
            BindTarget{block.protocol, AddressFamily::IPv4, "127.0.0.1", block.range.start});
    }
    for (const auto& block : machine.runtime)
        (void)backend.bindProbe(
            BindTarget{block.protocol, AddressFamily::IPv4, "0.0.0.0", block.range.start});
    for (const auto& listener : machine.listeners)
        (void)backend.bindProbe(
            BindTarget{listener.protocol, listener.family, listener.address, listener.port});

    const PortRange range{5000, 10};
    if (backend.createPersistent(Protocol::Tcp, range)) {
        FUZZ_CHECK(backend.lookupPersistent(Protocol::Tcp, range).ok());
        FUZZ_CHECK(backend.deletePersistent(Protocol::Tcp, range).ok());
    }
    if (auto socket = backend.openSocket(SocketSpec::forProtocol(Protocol::Udp))) {
        if (auto block = socket.value()->acquireReservation(PortRange{0, 8})) {
            (void)socket.value()->associateReservation(block->token);
            (void)socket.value()->bind("0.0.0.0", 0);
            (void)socket.value()->localPort();
            (void)socket.value()->releaseReservation(block->token);
        }
    }
    (void)backend.bindProbe(BindTarget{Protocol::Tcp, AddressFamily::IPv6, "::1", 0});
    FUZZ_CHECK(backend.reboot().ok());
    checkStateRoundTrip(backend.machine());
}

} // namespace portolan::fuzz
