// SPDX-License-Identifier: GPL-3.0-or-later
#include "windowsbackend.h"

#include "../inetaddress.h"
#include "../scanner.h"
#include "windowserrors.h"

#include <algorithm>
#include <cstring>
#include <map>
#include <mutex>
#include <tuple>
#include <utility>

// The owner-pid tables (GetExtendedTcpTable / GetExtendedUdpTable): the listeners, and who
// holds a port a bind probe or a scan found taken.
namespace portolan {
namespace {

using win32::unsupported;

template <typename Row>
Result<std::vector<Row>> tableRows(const Result<std::vector<std::uint8_t>>& fetched,
                                   std::string_view context)
{
    if (!fetched)
        return fetched.error();
    const std::vector<std::uint8_t>& table = fetched.value();
    std::uint32_t count = 0;
    if (table.size() < win32::kTableRowsOffset)
        return Error::make(ErrorKind::Internal, std::string(context) + ": returned no row count");
    std::memcpy(&count, table.data(), sizeof count);
    if ((table.size() - win32::kTableRowsOffset) / sizeof(Row) < count) {
        return Error::make(ErrorKind::Internal,
                           std::string(context) + ": claims " + std::to_string(count) +
                               " rows in a buffer of " + std::to_string(table.size()) + " bytes");
    }
    std::vector<Row> rows(count);
    if (count != 0)
        std::memcpy(rows.data(), table.data() + win32::kTableRowsOffset, count * sizeof(Row));
    return rows;
}

bool isWildcard(const IpAddress& address)
{
    return address.isUnspecified();
}

// How well a row answers "who holds this address and port": lower is better, nullopt is not
// at all. Listeners and bound UDP sockets first - on the address itself, then on the wildcard
// that covers it, then (for a wildcard probe, which collides with every address) anywhere;
// then connections using the port; TIME_WAIT last, as it has no process.
std::optional<int> rank(Protocol protocol, const IpAddress& target, const IpAddress& rowAddress,
                        std::uint32_t state)
{
    const bool bound = protocol == Protocol::Udp || state == win32::kMibTcpStateListen;
    if (bound) {
        if (rowAddress == target)
            return 0;
        if (isWildcard(rowAddress))
            return 1;
        if (isWildcard(target))
            return 2;
        return std::nullopt; // another specific address: no conflict
    }
    if (rowAddress != target && !isWildcard(target))
        return std::nullopt;
    return state == win32::kMibTcpStateTimeWait ? 4 : 3;
}

bool isAccessError(const BindProbeResult& result)
{
    return result.error && classifyBindError(*result.error, true) == BindOutcome::Forbidden;
}

// A refused bind is forbidden where a reserved block covers the port (its owner holds it), and
// denied otherwise (docs/windows-semantics.md#bind-reserved); a taken port names its socket.
void attribute(BindProbeResult& result, Protocol protocol, std::uint16_t port,
               const std::vector<ReservedBlock>& blocks,
               const std::optional<WindowsBackend::HeldBy>& socket)
{
    if (isAccessError(result)) {
        if (const ReservedBlock* block = blockCovering(blocks, protocol, port)) {
            result.outcome = BindOutcome::Forbidden;
            result.holder = Holder::ofReservation(*block);
            return;
        }
        result.outcome = BindOutcome::Denied;
    }
    if (socket)
        result.holder = WindowsBackend::holderOf(*socket);
}

} // namespace

Result<std::vector<std::uint8_t>>
WindowsBackend::fetchTable(const Win32Api::TableFunction& function, int family,
                           std::uint32_t tableClass, std::string_view context) const
{
    std::vector<std::uint8_t> buffer;
    std::uint32_t size = 0;
    // The table may grow between the size query and the read; a few rounds always suffice.
    for (int attempt = 0; attempt < 8; ++attempt) {
        const std::uint32_t code =
            function(buffer.empty() ? nullptr : buffer.data(), &size, family, tableClass);
        if (code == 0) {
            return buffer.empty() ? std::vector<std::uint8_t>(win32::kTableRowsOffset, 0)
                                  : std::move(buffer);
        }
        if (code != win32::kErrorInsufficientBuffer)
            return win32::windowsFailure(*m_api, code, context);
        // Headroom for rows that appear before the next call.
        buffer.assign(std::size_t(size) + 1024, 0);
        size = static_cast<std::uint32_t>(buffer.size());
    }
    return Error::make(ErrorKind::Unavailable,
                       std::string(context) + ": the table kept growing; try again");
}

Result<std::vector<WindowsBackend::SocketRow>>
WindowsBackend::socketRows(Protocol protocol, AddressFamily family) const
{
    const Win32Api& api = *m_api;
    const bool tcp = protocol == Protocol::Tcp;
    const auto& read = tcp ? api.getExtendedTcpTable : api.getExtendedUdpTable;
    const std::string context = tcp ? "GetExtendedTcpTable" : "GetExtendedUdpTable";
    if (!read)
        return unsupported(context, "no such function");
    const int familyValue = family == AddressFamily::IPv6 ? win32::kAfInet6 : win32::kAfInet;
    const auto fetched = fetchTable(
        read, familyValue, tcp ? win32::kTcpTableOwnerPidAll : win32::kUdpTableOwnerPid, context);

    std::map<std::uint32_t, std::string> names;
    std::vector<SocketRow> out;
    // The row type says the family (4 address bytes or 16) and whether there is a state.
    auto add = [&](const auto& rows) -> Result<std::vector<SocketRow>> {
        if (!rows)
            return rows.error();
        for (const auto& row : rows.value()) {
            SocketRow entry;
            if constexpr (requires { row.state; })
                entry.state = row.state;
            Listener& socket = entry.socket;
            socket.protocol = protocol;
            socket.family = family;
            socket.address = sizeof row.localAddress == 4 ? formatIpv4(row.localAddress)
                                                          : formatIpv6(row.localAddress);
            socket.port = win32::portFromBytes(row.localPort);
            // Windows attributes no socket to pid 0 (System Idle) but TIME_WAIT ones; Wine
            // reports 0 for sockets of processes it does not know. Either way no process.
            if (row.owningPid != 0) {
                socket.pid = row.owningPid;
                auto found = names.find(row.owningPid);
                if (found == names.end()) {
                    found = names
                                .emplace(row.owningPid, api.processImageName
                                                            ? api.processImageName(row.owningPid)
                                                            : std::string())
                                .first;
                }
                socket.process = found->second;
            }
            out.push_back(std::move(entry));
        }
        return std::move(out);
    };
    if (tcp && family == AddressFamily::IPv4)
        return add(tableRows<win32::MibTcpRowOwnerPid>(fetched, context));
    if (tcp)
        return add(tableRows<win32::MibTcp6RowOwnerPid>(fetched, context));
    if (family == AddressFamily::IPv4)
        return add(tableRows<win32::MibUdpRowOwnerPid>(fetched, context));
    return add(tableRows<win32::MibUdp6RowOwnerPid>(fetched, context));
}

Result<std::vector<Listener>> WindowsBackend::listeners(std::optional<Protocol> protocol)
{
    if (!m_api->getExtendedTcpTable || !m_api->getExtendedUdpTable)
        return unsupported("listing listeners", "no GetExtendedTcpTable");
    std::vector<Listener> out;
    for (Protocol p : {Protocol::Tcp, Protocol::Udp}) {
        if (protocol && *protocol != p)
            continue;
        for (AddressFamily family : {AddressFamily::IPv4, AddressFamily::IPv6}) {
            auto rows = socketRows(p, family);
            if (!rows)
                return rows.error();
            for (auto& row : rows.value()) {
                // Of TCP's rows, only the listening ones.
                if (p == Protocol::Udp || row.state == win32::kMibTcpStateListen)
                    out.push_back(std::move(row.socket));
            }
        }
    }
    std::sort(out.begin(), out.end(), [](const Listener& a, const Listener& b) {
        return std::tuple(a.protocol, a.port, a.family, a.address, a.pid) <
               std::tuple(b.protocol, b.port, b.family, b.address, b.pid);
    });
    return out;
}

// --- who holds a port --------------------------------------------------------------------------

namespace {

std::optional<WindowsBackend::HeldBy> pickHolder(const std::vector<WindowsBackend::SocketRow>& rows,
                                                 Protocol protocol, const IpAddress& target,
                                                 std::uint16_t port)
{
    std::optional<WindowsBackend::HeldBy> best;
    int bestRank = 0;
    for (const auto& row : rows) {
        if (row.socket.port != port)
            continue;
        const auto address = parseIpAddress(row.socket.address, target.family);
        if (!address)
            continue;
        const auto found = rank(protocol, target, *address, row.state);
        if (!found || (best && *found >= bestRank))
            continue;
        bestRank = *found;
        best = WindowsBackend::HeldBy{row.socket, protocol == Protocol::Tcp &&
                                                      row.state == win32::kMibTcpStateTimeWait};
    }
    return best;
}

std::optional<IpAddress> probedAddress(AddressFamily family, std::string_view address)
{
    if (address.empty() || address == "*")
        return IpAddress{family, {}};
    return parseIpAddress(address, family);
}

} // namespace

std::optional<WindowsBackend::HeldBy> WindowsBackend::findHolder(Protocol protocol,
                                                                 AddressFamily family,
                                                                 std::string_view address,
                                                                 std::uint16_t port) const
{
    const auto target = probedAddress(family, address);
    if (!target)
        return std::nullopt;
    const auto rows = socketRows(protocol, family);
    if (!rows)
        return std::nullopt;
    return pickHolder(rows.value(), protocol, *target, port);
}

Holder WindowsBackend::holderOf(const HeldBy& holder)
{
    if (holder.timeWait)
        return Holder::ofTimeWait();
    // Wine reports owner pid 0 for every socket: a process nobody can name.
    if (holder.socket.pid < 0)
        return Holder::ofProcess(-1, "a socket of an unknown process", holder.socket.address);
    return Holder::ofProcess(holder.socket.pid, holder.socket.process, holder.socket.address);
}

std::vector<ReservedBlock> WindowsBackend::blocksIfRefused(const BindProbeResult& result,
                                                          Protocol protocol)
{
    if (!isAccessError(result))
        return {};
    auto blocks = listReservations(protocol);
    return blocks ? std::move(blocks.value()) : std::vector<ReservedBlock>{};
}

BindProbeResult WindowsBackend::bindProbe(const BindTarget& target)
{
    BindProbeResult result = bindOnce(target);
    if (result.outcome == BindOutcome::Free || result.outcome == BindOutcome::Other)
        return result;
    attribute(result, target.protocol, target.port, blocksIfRefused(result, target.protocol),
              findHolder(target.protocol, target.family, target.address, target.port));
    return result;
}

Result<ScanResult> WindowsBackend::scan(const ScanRequest& request, const ScanProgress& progress,
                                        std::stop_token stop)
{
    const auto target = probedAddress(request.family, request.address);
    if (request.first == 0 || request.last < request.first || !target)
        return Backend::scan(request, progress, std::move(stop)); // its refusal, worded once

    // The tables and the reservations are read once, when the first taken port needs them.
    std::once_flag readRows;
    std::once_flag readBlocks;
    std::vector<SocketRow> rows;
    std::vector<ReservedBlock> blocks;
    BindTarget base{request.protocol, request.family, request.address, 0};
    base.sharing = request.sharing;
    return scanPorts(
        request,
        [&](std::uint16_t port) {
            BindTarget probe = base;
            probe.port = port;
            BindProbeResult result = bindOnce(probe);
            if (result.outcome == BindOutcome::Free || result.outcome == BindOutcome::Other)
                return result;
            std::call_once(readRows, [&] {
                if (auto read = socketRows(request.protocol, request.family))
                    rows = std::move(read.value());
            });
            if (isAccessError(result))
                std::call_once(readBlocks,
                               [&] { blocks = blocksIfRefused(result, request.protocol); });
            attribute(result, request.protocol, port, blocks,
                      pickHolder(rows, request.protocol, *target, port));
            return result;
        },
        progress, std::move(stop));
}

} // namespace portolan
