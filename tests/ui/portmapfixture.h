// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The facts of resources/scenarios/developer.json as the port map receives them, plus a
// TCP scan of 1-65535 consistent with them (UDP left unscanned), for tests and screenshots.

#include "platform/nativecodes.h"
#include "ui/portmap/portmapdata.h"

#include <array>

namespace portolan::ui::fixture {

inline ReservedBlock runtimeBlock(Protocol protocol, quint16 start, quint16 count, const char* owner)
{
    ReservedBlock b;
    b.protocol = protocol;
    b.range = {start, count};
    b.persistent = false;
    b.owner = owner;
    return b;
}

inline ReservedBlock persistentBlock(Protocol protocol, quint16 start, quint16 count,
                                     Token token = 0x1234'0000'0000'0001ULL)
{
    ReservedBlock b;
    b.protocol = protocol;
    b.range = {start, count};
    b.persistent = true;
    b.token = token;
    return b;
}

inline Listener listener(Protocol protocol, const char* address, quint16 port, qint64 pid,
                         const char* process)
{
    Listener l;
    l.protocol = protocol;
    l.family = address[0] == ':' ? AddressFamily::IPv6 : AddressFamily::IPv4;
    l.address = address;
    l.port = port;
    l.pid = pid;
    l.process = process;
    return l;
}

inline constexpr const char* kWinNat = "Windows NAT (WinNAT)";
inline constexpr const char* kHns = "Host Network Service (Hyper-V)";

// A scan result computed from the facts, the way a bind probe of every port would come out.
inline std::vector<ScanRun> scanFromFacts(const ProtocolFacts& facts, quint16 first, quint16 last)
{
    struct Cell
    {
        BindOutcome outcome = BindOutcome::Free;
        std::string holder;
    };
    std::vector<Cell> cells(65536);
    for (const Listener& l : facts.listeners)
        cells[l.port] = {BindOutcome::InUse, l.process};
    for (const ReservedBlock& b : facts.blocks) {
        if (b.persistent)
            continue; // explicit binds inside persistent blocks succeed
        for (quint32 p = b.range.start; p <= b.range.end() && p <= 65535; ++p)
            cells[p] = {BindOutcome::Forbidden, b.owner};
    }
    std::vector<ScanRun> runs;
    for (quint32 p = first; p <= last; ++p) {
        const Cell& cell = cells[p];
        if (!runs.empty() && runs.back().outcome == cell.outcome && runs.back().holder.process == cell.holder
            && runs.back().last + 1u == p) {
            runs.back().last = quint16(p);
            continue;
        }
        ScanRun run;
        run.first = run.last = quint16(p);
        run.outcome = cell.outcome;
        run.holder.process = cell.holder;
        if (cell.outcome == BindOutcome::Forbidden) {
            run.code = native::kWsaEacces;
            run.codeName = "WSAEACCES";
        } else if (cell.outcome == BindOutcome::InUse) {
            run.code = native::kWsaEaddrinuse;
            run.codeName = "WSAEADDRINUSE";
        }
        runs.push_back(run);
    }
    return runs;
}

inline PortMapData developerMachine(bool withScan = true)
{
    PortMapData d;
    const PortRange dynamic{49152, 16384};
    d.tcp.dynamicRange = dynamic;
    d.udp.dynamicRange = dynamic;
    d.setReservations({
        persistentBlock(Protocol::Tcp, 5037, 1, 0x0000'0001'0000'1001ULL),
        persistentBlock(Protocol::Tcp, 8000, 10, 0x0000'0001'0000'1002ULL),
        runtimeBlock(Protocol::Tcp, 2869, 500, kWinNat),
        runtimeBlock(Protocol::Tcp, 50000, 60, kHns),
        runtimeBlock(Protocol::Udp, 50000, 60, kHns),
    });
    d.setListeners({
        listener(Protocol::Tcp, "0.0.0.0", 135, 1060, "svchost.exe"),
        listener(Protocol::Tcp, "0.0.0.0", 445, 4, "System"),
        listener(Protocol::Tcp, "127.0.0.1", 5037, 11840, "adb.exe"),
        listener(Protocol::Tcp, "0.0.0.0", 5173, 14236, "node.exe"),
        listener(Protocol::Tcp, "0.0.0.0", 5432, 6124, "postgres.exe"),
        listener(Protocol::Tcp, "::", 5432, 6124, "postgres.exe"),
        listener(Protocol::Tcp, "127.0.0.1", 6379, 9020, "com.docker.backend.exe"),
        listener(Protocol::Tcp, "0.0.0.0", 49664, 1004, "lsass.exe"),
        listener(Protocol::Tcp, "0.0.0.0", 49665, 872, "wininit.exe"),
        listener(Protocol::Tcp, "0.0.0.0", 49666, 1620, "svchost.exe"),
        listener(Protocol::Udp, "0.0.0.0", 5353, 2232, "svchost.exe"),
        listener(Protocol::Udp, "172.25.240.1", 53, 3516, "svchost.exe"),
    });
    if (withScan)
        d.tcp.scanRuns = scanFromFacts(d.tcp, 1, 65535);
    d.normalize();
    return d;
}

} // namespace portolan::ui::fixture
