// SPDX-License-Identifier: GPL-3.0-or-later
#include "windowsbackend.h"

#include "../inetaddress.h"
#include "../netshparser.h"
#include "../text.h"
#include "windowserrors.h"

#include <algorithm>
#include <cstring>
#include <map>
#include <tuple>
#include <utility>

// What the windows backend reads about the machine: the reservations (registry and netsh),
// the dynamic port range (netsh) and the listeners (the owner-pid tables).
namespace portolan {
namespace {

using win32::unsupported;
using win32::windowsFailure;

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

} // namespace

// --- discovery -------------------------------------------------------------------------------

std::string_view WindowsBackend::registryKey(Protocol protocol)
{
    // docs/windows-semantics.md#persistent-store. The same keys hold the IPv4 and the IPv6 exclusions.
    return protocol == Protocol::Tcp
               ? "SYSTEM\\CurrentControlSet\\Control\\Nsi\\{eb004a03-9b1a-11d4-9123-0050047759bc}"
                 "\\29"
               : "SYSTEM\\CurrentControlSet\\Control\\Nsi\\{eb004a02-9b1a-11d4-9123-0050047759bc}"
                 "\\5";
}

// The value format is undocumented. Described by HCL BigFix users, who read these keys to
// check port exclusions: https://forum.bigfix.com/t/problem-fix-with-bes-support-765-reserve-
// port-for-bes-client-for-dns-servers-windows-2008-2008-r2-windows-2012-2012-r2-windows-2016/23004
// and https://bigfix.me/fixlet/details/27007 - each exclusion is a REG_BINARY value (data
// 12 00 ff ff) whose NAME is the hex dump of the key: 2 bytes start port as stored (network
// order, so "cc57" = 52311) and 2 bytes number of ports little-endian ("0100" = 1). The data
// is not interpreted here: its meaning beyond "excluded range" is unknown.
std::optional<PortRange> WindowsBackend::parseRegistryValueName(std::string_view name)
{
    if (name.size() != 8)
        return std::nullopt;
    std::uint8_t bytes[4] = {};
    for (std::size_t i = 0; i < 8; ++i) {
        const int digit = text::hexValue(name[i]);
        if (digit < 0)
            return std::nullopt;
        bytes[i / 2] = static_cast<std::uint8_t>((bytes[i / 2] << 4) | digit);
    }
    const auto start = static_cast<std::uint16_t>((bytes[0] << 8) | bytes[1]);
    const auto count = static_cast<std::uint16_t>(bytes[2] | (bytes[3] << 8));
    if (start == 0 || count == 0 || std::uint32_t(start) + count - 1 > 65535)
        return std::nullopt;
    return PortRange{start, count};
}

Result<std::string> WindowsBackend::runNetsh(const std::vector<std::string>& arguments) const
{
    std::string command = "netsh";
    for (const auto& argument : arguments)
        command += " " + argument;
    if (!m_api->runNetsh)
        return unsupported(command, "netsh cannot be run here");
    const win32::ProcessOutput run = m_api->runNetsh(arguments);
    if (run.error != 0) {
        Error error = windowsFailure(*m_api, run.error, command);
        error.kind = ErrorKind::Unsupported;
        const std::string text = win32::errorText(*m_api, run.error);
        error.message = command + ": not supported on this system (netsh could not be run" +
                        (text.empty() ? std::string() : ": " + text) + ")";
        return error;
    }
    if (run.exitCode != 0) {
        const std::string first(text::trim(run.output.substr(0, run.output.find('\n'))));
        return unsupported(command, "netsh exited with code " + std::to_string(run.exitCode) +
                                        (first.empty() ? std::string() : ": " + first));
    }
    if (text::trim(run.output).empty())
        return unsupported(command, "netsh printed nothing");
    return run.output;
}

Result<std::vector<ReservedBlock>> WindowsBackend::discover(Protocol protocol) const
{
    const Win32Api& api = *m_api;
    const std::string what = "listing " + std::string(toString(protocol)) + " reservations";

    std::optional<std::vector<PortRange>> fromRegistry;
    std::string registryProblem = "no registry access";
    if (api.readRegistryValues) {
        std::vector<win32::RegistryValue> values;
        const std::uint32_t code = api.readRegistryValues(registryKey(protocol), values);
        if (code == 0) {
            fromRegistry.emplace();
            for (const auto& value : values) {
                if (auto range = parseRegistryValueName(value.name))
                    fromRegistry->push_back(*range);
            }
        } else {
            registryProblem =
                "registry: " +
                windowsFailure(api, code, "HKLM\\" + std::string(registryKey(protocol))).message;
        }
    }

    std::optional<std::vector<netsh::ExcludedRange>> fromNetsh;
    std::string netshProblem;
    const std::string protocolArgument = "protocol=" + std::string(toString(protocol));
    auto text = runNetsh({"int", "ipv4", "show", "excludedportrange", protocolArgument});
    if (text) {
        auto rows = netsh::parseExcludedPortRanges(text.value());
        if (rows)
            fromNetsh = std::move(rows.value());
        else
            netshProblem = "netsh's output could not be read: " + rows.error().message;
    } else {
        netshProblem = text.error().message;
    }

    if (!fromRegistry && !fromNetsh)
        return unsupported(what, registryProblem + "; " + netshProblem);

    std::vector<ReservedBlock> blocks;
    if (fromRegistry) {
        for (const PortRange& range : *fromRegistry)
            blocks.push_back(ReservedBlock{protocol, range, true, kNoToken, {}});
    }
    if (fromNetsh) {
        for (const auto& row : *fromNetsh) {
            // The registry and netsh show the same persistent blocks; keep one of each.
            const bool known = row.persistent && fromRegistry &&
                               std::find(fromRegistry->begin(), fromRegistry->end(), row.range()) !=
                                   fromRegistry->end();
            if (known)
                continue;
            blocks.push_back(ReservedBlock{protocol, row.range(), row.persistent, kNoToken, {}});
        }
    }
    // Tokens change at every boot: look each persistent block up now (no elevation needed).
    const auto& lookup = protocol == Protocol::Tcp ? api.lookupPersistentTcpPortReservation
                                                   : api.lookupPersistentUdpPortReservation;
    for (auto& block : blocks) {
        if (!block.persistent || !lookup)
            continue;
        std::uint64_t token = kNoToken;
        if (lookup(hostToNetwork(block.range.start), block.range.count, &token) == 0)
            block.token = token;
    }
    std::sort(blocks.begin(), blocks.end(), [](const ReservedBlock& a, const ReservedBlock& b) {
        return std::pair(a.range.start, a.range.count) < std::pair(b.range.start, b.range.count);
    });
    return blocks;
}

Result<std::vector<ReservedBlock>>
WindowsBackend::listReservations(std::optional<Protocol> protocol)
{
    std::vector<ReservedBlock> all;
    for (Protocol p : {Protocol::Tcp, Protocol::Udp}) {
        if (protocol && *protocol != p)
            continue;
        auto blocks = discover(p);
        if (!blocks)
            return blocks.error();
        all.insert(all.end(), blocks.value().begin(), blocks.value().end());
    }
    return all;
}
// --- dynamic range and listeners -------------------------------------------------------------

Result<PortRange> WindowsBackend::dynamicRange(Protocol protocol)
{
    const std::vector<std::string> arguments{"int", "ipv4", "show", "dynamicport",
                                             std::string(toString(protocol))};
    auto text = runNetsh(arguments);
    if (!text)
        return text.error();
    auto range = netsh::parseDynamicPortRange(text.value());
    if (!range) {
        return unsupported("netsh int ipv4 show dynamicport " + std::string(toString(protocol)),
                           "its output could not be read: " + range.error().message);
    }
    return range;
}

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
            return windowsFailure(*m_api, code, context);
        // Headroom for rows that appear before the next call.
        buffer.assign(std::size_t(size) + 1024, 0);
        size = static_cast<std::uint32_t>(buffer.size());
    }
    return Error::make(ErrorKind::Unavailable,
                       std::string(context) + ": the table kept growing; try again");
}

Result<std::vector<Listener>> WindowsBackend::listeners(std::optional<Protocol> protocol)
{
    const Win32Api& api = *m_api;
    if (!api.getExtendedTcpTable || !api.getExtendedUdpTable)
        return unsupported("listing listeners", "no GetExtendedTcpTable");

    std::map<std::uint32_t, std::string> names;
    auto processName = [&](std::uint32_t pid) -> std::string {
        if (!api.processImageName)
            return {};
        auto found = names.find(pid);
        if (found == names.end())
            found = names.emplace(pid, api.processImageName(pid)).first;
        return found->second;
    };
    std::vector<Listener> out;
    // The rows of one owner-pid table; of TCP's, only the listening ones. The row type says
    // the family: 4 address bytes or 16.
    auto add = [&](Protocol p, const auto& rows) {
        for (const auto& row : rows.value()) {
            if constexpr (requires { row.state; }) {
                if (row.state != win32::kMibTcpStateListen)
                    continue;
            }
            Listener listener;
            listener.protocol = p;
            if constexpr (sizeof row.localAddress == 4) {
                listener.family = AddressFamily::IPv4;
                listener.address = formatIpv4(row.localAddress);
            } else {
                listener.family = AddressFamily::IPv6;
                listener.address = formatIpv6(row.localAddress);
            }
            listener.port = win32::portFromBytes(row.localPort);
            // Windows attributes no listener to pid 0 (System Idle); Wine reports 0 for
            // sockets of processes it does not know. Either way the owner is unknown.
            if (row.owningPid != 0) {
                listener.pid = row.owningPid;
                listener.process = processName(row.owningPid);
            }
            out.push_back(std::move(listener));
        }
    };

    if (!protocol || *protocol == Protocol::Tcp) {
        const std::string context = "GetExtendedTcpTable";
        const auto& read = api.getExtendedTcpTable;
        const auto v4 = tableRows<win32::MibTcpRowOwnerPid>(
            fetchTable(read, win32::kAfInet, win32::kTcpTableOwnerPidAll, context), context);
        if (!v4)
            return v4.error();
        add(Protocol::Tcp, v4);
        const auto v6 = tableRows<win32::MibTcp6RowOwnerPid>(
            fetchTable(read, win32::kAfInet6, win32::kTcpTableOwnerPidAll, context), context);
        if (!v6)
            return v6.error();
        add(Protocol::Tcp, v6);
    }
    if (!protocol || *protocol == Protocol::Udp) {
        const std::string context = "GetExtendedUdpTable";
        const auto& read = api.getExtendedUdpTable;
        const auto v4 = tableRows<win32::MibUdpRowOwnerPid>(
            fetchTable(read, win32::kAfInet, win32::kUdpTableOwnerPid, context), context);
        if (!v4)
            return v4.error();
        add(Protocol::Udp, v4);
        const auto v6 = tableRows<win32::MibUdp6RowOwnerPid>(
            fetchTable(read, win32::kAfInet6, win32::kUdpTableOwnerPid, context), context);
        if (!v6)
            return v6.error();
        add(Protocol::Udp, v6);
    }
    std::sort(out.begin(), out.end(), [](const Listener& a, const Listener& b) {
        return std::tuple(a.protocol, a.port, a.family, a.address, a.pid) <
               std::tuple(b.protocol, b.port, b.family, b.address, b.pid);
    });
    return out;
}

} // namespace portolan
