// SPDX-License-Identifier: GPL-3.0-or-later
#include "procnet.h"

#include "sockdiag.h"

#include "sysfiles.h"

#include "../text.h"

#include <algorithm>
#include <arpa/inet.h>
#include <cerrno>
#include <charconv>
#include <cstring>
#include <dirent.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <tuple>
#include <unistd.h>

namespace portolan::linuxos {

namespace {

bool parseHexWord(std::string_view text, std::uint32_t& value)
{
    if (text.empty() || text.size() > 8)
        return false;
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value, 16);
    return ec == std::errc() && end == text.data() + text.size();
}

// "0100007F" (IPv4) or four such words (IPv6) into text.
std::optional<std::string> decodeAddress(std::string_view hex, AddressFamily family)
{
    char text[INET6_ADDRSTRLEN] = {};
    if (family == AddressFamily::IPv4) {
        std::uint32_t word = 0;
        if (hex.size() != 8 || !parseHexWord(hex, word))
            return std::nullopt;
        in_addr address{};
        std::memcpy(&address, &word, sizeof word); // the kernel printed the raw word
        ::inet_ntop(AF_INET, &address, text, sizeof text);
        return std::string(text);
    }
    if (hex.size() != 32)
        return std::nullopt;
    in6_addr address{};
    for (int i = 0; i < 4; ++i) {
        std::uint32_t word = 0;
        if (!parseHexWord(hex.substr(std::size_t(i) * 8, 8), word))
            return std::nullopt;
        std::memcpy(reinterpret_cast<unsigned char*>(&address) + i * 4, &word, sizeof word);
    }
    ::inet_ntop(AF_INET6, &address, text, sizeof text);
    return std::string(text);
}

bool isNumber(const char* name)
{
    if (*name == '\0')
        return false;
    for (; *name; ++name)
        if (*name < '0' || *name > '9')
            return false;
    return true;
}

std::string tableName(Protocol protocol, AddressFamily family)
{
    std::string name(toString(protocol));
    if (family == AddressFamily::IPv6)
        name += '6';
    return name;
}

} // namespace

std::optional<SocketEntry> parseProcNetLine(std::string_view line, Protocol protocol,
                                            AddressFamily family)
{
    // sl local_address rem_address st tx_queue:rx_queue tr:tm->when retrnsmt uid timeout inode
    const auto parts = text::words(line.substr(0, line.find('\n')));
    if (parts.size() < 10 || parts[0].empty() || parts[0].back() != ':')
        return std::nullopt;
    const auto colon = parts[1].find(':');
    if (colon == std::string_view::npos)
        return std::nullopt;
    SocketEntry entry;
    entry.protocol = protocol;
    entry.family = family;
    auto address = decodeAddress(parts[1].substr(0, colon), family);
    std::uint32_t port = 0;
    std::uint32_t state = 0;
    if (!address || !parseHexWord(parts[1].substr(colon + 1), port) || port > 65535 ||
        !parseHexWord(parts[3], state))
        return std::nullopt;
    const auto [end, ec] =
        std::from_chars(parts[9].data(), parts[9].data() + parts[9].size(), entry.inode);
    if (ec != std::errc() || end != parts[9].data() + parts[9].size())
        return std::nullopt;
    entry.address = std::move(*address);
    entry.port = std::uint16_t(port);
    entry.state = state;
    return entry;
}

Result<std::vector<SocketEntry>> readProcNet(const std::string& procRoot, Protocol protocol,
                                             AddressFamily family)
{
    const std::string path = procRoot + "/net/" + tableName(protocol, family);
    auto text = readFile(path);
    if (!text) {
        if (text.error().code == ENOENT)
            return std::vector<SocketEntry>{}; // no IPv6 on this system
        return text.error();
    }
    std::vector<SocketEntry> entries;
    for (const std::string_view line : text::split(text.value(), '\n')) {
        if (auto entry = parseProcNetLine(line, protocol, family))
            entries.push_back(std::move(*entry));
    }
    return entries;
}

bool isListening(const SocketEntry& entry)
{
    if (entry.protocol == Protocol::Tcp)
        return entry.state == kTcpListenState;
    return entry.port != 0;
}

std::unordered_map<std::uint64_t, ProcessInfo>
mapSocketInodes(const std::string& procRoot, const std::unordered_set<std::uint64_t>& inodes)
{
    std::unordered_map<std::uint64_t, ProcessInfo> found;
    if (inodes.empty())
        return found;
    std::vector<std::int64_t> pids;
    if (DIR* proc = ::opendir(procRoot.c_str())) {
        while (const dirent* entry = ::readdir(proc))
            if (isNumber(entry->d_name))
                pids.push_back(std::strtoll(entry->d_name, nullptr, 10));
        ::closedir(proc);
    }
    std::sort(pids.begin(), pids.end());

    constexpr std::string_view kPrefix = "socket:[";
    for (const std::int64_t pid : pids) {
        const std::string base = procRoot + "/" + std::to_string(pid);
        DIR* fds = ::opendir((base + "/fd").c_str());
        if (!fds)
            continue; // another user's process, or gone: not an error
        bool holdsOne = false;
        while (const dirent* entry = ::readdir(fds)) {
            if (entry->d_name[0] == '.')
                continue;
            char target[64];
            const ssize_t n = ::readlinkat(::dirfd(fds), entry->d_name, target, sizeof target - 1);
            if (n <= 0)
                continue;
            const std::string_view link(target, std::size_t(n));
            if (!link.starts_with(kPrefix) || link.back() != ']')
                continue;
            std::uint64_t inode = 0;
            const auto digits = link.substr(kPrefix.size(), link.size() - kPrefix.size() - 1);
            const auto [end, ec] =
                std::from_chars(digits.data(), digits.data() + digits.size(), inode);
            if (ec != std::errc() || end != digits.data() + digits.size())
                continue;
            if (inodes.count(inode) && !found.count(inode)) {
                found.emplace(inode, ProcessInfo{pid, {}});
                holdsOne = true;
            }
        }
        ::closedir(fds);
        if (holdsOne) {
            std::string name;
            if (auto comm = readFile(base + "/comm")) {
                name = std::move(comm.value());
                while (!name.empty() && (name.back() == '\n' || name.back() == '\r'))
                    name.pop_back();
            }
            for (auto& [inode, process] : found)
                if (process.pid == pid)
                    process.name = name;
        }
        if (found.size() == inodes.size())
            break;
    }
    return found;
}

Result<SocketSnapshot> readSockets(const std::string& procRoot, std::optional<Protocol> protocol,
                                   bool listeningOnly, std::optional<PortRange> ports)
{
    SocketSnapshot snapshot;
    for (const Protocol p : {Protocol::Tcp, Protocol::Udp}) {
        if (protocol && *protocol != p)
            continue;
        for (const AddressFamily family : {AddressFamily::IPv4, AddressFamily::IPv6}) {
            // The real kernel's listeners come faster through sock_diag; a /proc tree
            // standing in for the kernel (tests) is read as files.
            if (p == Protocol::Tcp && listeningOnly && procRoot == kKernelProcRoot) {
                if (auto listening = readTcpListenersByNetlink(family)) {
                    for (auto& entry : *listening)
                        if (!ports || ports->contains(entry.port))
                            snapshot.sockets.push_back(std::move(entry));
                    continue;
                }
            }
            auto table = readProcNet(procRoot, p, family);
            if (!table)
                return table.error();
            for (auto& entry : table.value())
                if ((!listeningOnly || isListening(entry)) &&
                    (!ports || ports->contains(entry.port)))
                    snapshot.sockets.push_back(std::move(entry));
        }
    }
    std::unordered_set<std::uint64_t> inodes;
    for (const auto& entry : snapshot.sockets)
        if (entry.inode != 0)
            inodes.insert(entry.inode);
    snapshot.processes = mapSocketInodes(procRoot, inodes);
    return snapshot;
}

Result<std::vector<Listener>> readListeners(const std::string& procRoot,
                                            std::optional<Protocol> protocol)
{
    auto snapshot = readSockets(procRoot, protocol, true);
    if (!snapshot)
        return snapshot.error();
    std::vector<Listener> listeners;
    for (const auto& entry : snapshot->sockets) {
        Listener listener;
        listener.protocol = entry.protocol;
        listener.family = entry.family;
        listener.address = entry.address;
        listener.port = entry.port;
        if (const auto it = snapshot->processes.find(entry.inode);
            it != snapshot->processes.end()) {
            listener.pid = it->second.pid;
            listener.process = it->second.name;
        }
        listeners.push_back(std::move(listener));
    }
    std::sort(listeners.begin(), listeners.end(), [](const Listener& a, const Listener& b) {
        return std::tie(a.protocol, a.port, a.family, a.address, a.pid) <
               std::tie(b.protocol, b.port, b.family, b.address, b.pid);
    });
    return listeners;
}

std::string describeProcess(const ProcessInfo* process)
{
    if (!process || process->pid < 0)
        return {};
    if (process->name.empty())
        return "pid " + std::to_string(process->pid);
    return process->name + " (pid " + std::to_string(process->pid) + ")";
}

} // namespace portolan::linuxos
