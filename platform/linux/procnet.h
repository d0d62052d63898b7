// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "../backend.h"
#include "../error.h"
#include "../types.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

// Sockets and their processes as /proc shows them (what `ss -ltnup` reads).
namespace portolan::linuxos {

inline constexpr unsigned kTcpListenState = 0x0A;
inline constexpr unsigned kTcpTimeWaitState = 0x06;
inline constexpr std::string_view kKernelProcRoot = "/proc";

// One row of /proc/net/{tcp,tcp6,udp,udp6}.
struct SocketEntry
{
    Protocol protocol = Protocol::Tcp;
    AddressFamily family = AddressFamily::IPv4;
    std::string address; // local address, "127.0.0.1", "::"
    std::uint16_t port = 0;
    unsigned state = 0; // the kernel's TCP state number (UDP: 7 unconnected, 1 connected)
    std::uint64_t inode = 0;
};

// Parses one row; nullopt for the header line or anything malformed. The kernel prints each
// 32-bit word of the address in host byte order as %08X, the port as %04X of its host value.
std::optional<SocketEntry> parseProcNetLine(std::string_view line, Protocol protocol,
                                            AddressFamily family);

// Every socket of one table under <procRoot>/net. An absent table (IPv6 disabled) is empty.
Result<std::vector<SocketEntry>> readProcNet(const std::string& procRoot, Protocol protocol,
                                             AddressFamily family);

// TCP: LISTEN. UDP: any socket bound to a port.
bool isListening(const SocketEntry& entry);

struct ProcessInfo
{
    std::int64_t pid = -1;
    std::string name; // /proc/PID/comm
};

// Finds which process holds each socket inode through the "socket:[INODE]" links of
// <procRoot>/PID/fd. The lowest pid wins when several share a socket. Processes whose fd
// folder cannot be read (other users' when not root, or gone meanwhile) are skipped.
std::unordered_map<std::uint64_t, ProcessInfo>
mapSocketInodes(const std::string& procRoot, const std::unordered_set<std::uint64_t>& inodes);

// Every socket of the chosen protocols (both families), with its process when known; only
// those on `ports` when given, which spares reading every process's fd links.
struct SocketSnapshot
{
    std::vector<SocketEntry> sockets;
    std::unordered_map<std::uint64_t, ProcessInfo> processes; // by inode
};
Result<SocketSnapshot> readSockets(const std::string& procRoot, std::optional<Protocol> protocol,
                                   bool listeningOnly,
                                   std::optional<PortRange> ports = std::nullopt);

// The listeners of the chosen protocols, with their processes.
Result<std::vector<Listener>> readListeners(const std::string& procRoot,
                                            std::optional<Protocol> protocol);

// "nginx (pid 812)", "pid 812", or "" when the process is unknown.
std::string describeProcess(const ProcessInfo* process);

} // namespace portolan::linuxos
