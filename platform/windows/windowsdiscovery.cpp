// SPDX-License-Identifier: GPL-3.0-or-later
#include "windowsbackend.h"

#include "../inetaddress.h"
#include "../netshparser.h"
#include "../text.h"
#include "windowserrors.h"

#include <algorithm>
#include <utility>

// What the windows backend reads about the machine through the registry and netsh: the
// reservations and the dynamic port range.
namespace portolan {
namespace {

using win32::unsupported;
using win32::windowsFailure;

} // namespace

// --- discovery -------------------------------------------------------------------------------

std::string_view WindowsBackend::registryKey(Protocol protocol)
{
    // docs/windows-semantics.md#persistent-store. The same keys hold the IPv4 and the IPv6
    // exclusions.
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

Result<std::string> WindowsBackend::runNetsh(const std::vector<std::string>& arguments,
                                             bool quietIsAnswer) const
{
    std::string command = "netsh";
    for (const auto& argument : arguments)
        command += " " + argument;
    if (!m_api->runNetsh)
        return unsupported(command, "netsh cannot be run here");
    const std::chrono::milliseconds timeout = m_calls->deadline(win32::CallKind::Netsh);
    const std::stop_token stop = m_calls->stopToken();
    const win32::ProcessOutput run = stop.stop_requested()
                                         ? win32::ProcessOutput{win32::kErrorCancelled, 1, ""}
                                         : m_api->runNetsh(arguments, timeout, stop);
    if (run.error == win32::kWaitTimeout) {
        return Error{ErrorKind::Timeout, run.error, "WAIT_TIMEOUT",
                     command + ": netsh did not answer within " + win32::durationText(timeout) +
                         "; it was ended"};
    }
    if (run.error == win32::kErrorCancelled) {
        return Error{ErrorKind::Cancelled, run.error, "ERROR_CANCELLED",
                     command + ": cancelled; netsh was ended"};
    }
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
    if (text::trim(run.output).empty() && !quietIsAnswer)
        return unsupported(command, "netsh printed nothing");
    return run.output;
}

void WindowsBackend::setDeadline(win32::CallKind kind, std::chrono::milliseconds deadline)
{
    m_calls->setDeadline(kind, deadline);
}

void WindowsBackend::cancelPendingCalls()
{
    m_calls->cancel();
}

void WindowsBackend::beginShutdown()
{
    m_calls->shutDown();
}

Result<WindowsBackend::RegistryRead> WindowsBackend::readRegistry(std::string_view key) const
{
    // On a thread of its own, with copies of the table and the key: an abandoned read writes
    // into its own vector.
    return m_calls->run(win32::CallKind::Registry,
                        "reading the registry key HKLM\\" + std::string(key),
                        [api = m_api, key = std::string(key)] {
                            RegistryRead read;
                            read.code = api->readRegistryValues(key, read.values);
                            return read;
                        });
}

Result<std::vector<ReservedBlock>> WindowsBackend::discover(Protocol protocol) const
{
    const Win32Api& api = *m_api;
    const std::string what = "listing " + std::string(toString(protocol)) + " reservations";

    std::optional<std::vector<PortRange>> fromRegistry;
    std::string registryProblem = "no registry access";
    if (api.readRegistryValues) {
        // A registry that does not answer is reported, not hidden behind netsh's answer.
        auto read = readRegistry(registryKey(protocol));
        if (!read)
            return read.error();
        if (read.value().code == 0) {
            fromRegistry.emplace();
            for (const auto& value : read.value().values) {
                if (auto range = parseRegistryValueName(value.name))
                    fromRegistry->push_back(*range);
            }
        } else {
            registryProblem =
                "registry: " + windowsFailure(api, read.value().code,
                                              "HKLM\\" + std::string(registryKey(protocol)))
                                   .message;
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
    } else if (text.error().kind == ErrorKind::Timeout ||
               text.error().kind == ErrorKind::Cancelled) {
        return text.error();
    } else {
        netshProblem = text.error().message;
    }

    if (!fromRegistry && !fromNetsh)
        return unsupported(what, registryProblem + "; " + netshProblem);

    std::vector<ReservedBlock> blocks;
    std::vector<PortRange> administered; // netsh's '*' rows
    if (fromRegistry) {
        for (const PortRange& range : *fromRegistry)
            blocks.push_back(ReservedBlock{protocol, range, true, kNoToken, {}});
    }
    if (fromNetsh) {
        for (const auto& row : *fromNetsh) {
            if (row.persistent)
                administered.push_back(row.range());
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
    if (auto named = nameOwners(protocol, blocks, administered); !named)
        return named.error();
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
// --- dynamic range -----------------------------------------------------------------------

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

} // namespace portolan
