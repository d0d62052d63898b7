#include "windowsbackend.h"

#include "../inetaddress.h"
#include "../nativecodes.h"
#include "../netshparser.h"
#include "../text.h"

#include <algorithm>
#include <cstdio>
#include <cstring>
#include <map>
#include <tuple>
#include <utility>

namespace portolan {
namespace {

std::string_view protocolName(Protocol protocol)
{
    return protocol == Protocol::Tcp ? "Tcp" : "Udp";
}

std::string rangeArguments(PortRange range)
{
    return "(start " + std::to_string(range.start) + ", count " + std::to_string(range.count) + ")";
}

std::string tokenText(Token token)
{
    char text[24];
    std::snprintf(text, sizeof text, "0x%llx", static_cast<unsigned long long>(token));
    return text;
}

// FormatMessage's and netsh's text without the blanks and line break around it.
std::string trimmed(std::string_view text)
{
    return std::string(text::trim(text));
}

// A Win32/Winsock code as an Error: kind and symbolic name from nativecodes, the sentence in
// the user's language from FormatMessage when the system has one. Whatever the system cannot
// do is worded the same way everywhere: "not supported on this system (...)".
Error windowsFailure(const Win32Api& api, std::int64_t code, std::string_view context)
{
    Error error = native::windowsError(code, context);
    std::string text;
    if (api.formatMessage)
        text = trimmed(api.formatMessage(static_cast<std::uint32_t>(code)));
    if (text.empty())
        text = std::string(native::windowsErrorText(code));
    if (error.kind == ErrorKind::Unsupported) {
        error.message = std::string(context) + ": not supported on this system" +
                        (text.empty() ? std::string() : " (" + text + ")");
    } else if (!text.empty()) {
        error.message = std::string(context) + ": " + text;
    }
    return error;
}

// An iphlpapi function this system lacks (GetProcAddress found nothing).
Error missingFunction(const Win32Api& api, std::string_view function, std::string_view context)
{
    Error error = windowsFailure(api, native::kErrorProcNotFound, context);
    error.kind = ErrorKind::Unsupported;
    error.message = std::string(context) + ": not supported on this system (iphlpapi.dll has no " +
                    std::string(function) + ")";
    return error;
}

Error unsupported(std::string_view context, std::string_view why)
{
    return Error::make(ErrorKind::Unsupported, std::string(context) +
                                                   ": not supported on this system (" +
                                                   std::string(why) + ")");
}

Error lastSocketError(const Win32Api& api, std::string_view context)
{
    const int code = api.wsaGetLastError ? api.wsaGetLastError() : 0;
    return windowsFailure(api, code, context);
}

int familyValue(AddressFamily family)
{
    return family == AddressFamily::IPv6 ? win32::kAfInet6 : win32::kAfInet;
}

int typeValue(SocketType type)
{
    switch (type) {
    case SocketType::Stream:
        return win32::kSockStream;
    case SocketType::Datagram:
        return win32::kSockDgram;
    case SocketType::Raw:
        return win32::kSockRaw;
    }
    return win32::kSockStream;
}

std::uint16_t portFromBytes(const std::uint8_t* bytes)
{
    return static_cast<std::uint16_t>((bytes[0] << 8) | bytes[1]);
}

// ---------------------------------------------------------------------------------------------

class WindowsSocket final : public Socket
{
public:
    WindowsSocket(std::shared_ptr<const Win32Api> api, win32::SocketHandle handle, SocketSpec spec)
        : m_api(std::move(api)), m_handle(handle), m_spec(spec)
    {
    }

    ~WindowsSocket() override
    {
        if (m_api->closeSocket)
            m_api->closeSocket(m_handle);
    }

    WindowsSocket(const WindowsSocket&) = delete;
    WindowsSocket& operator=(const WindowsSocket&) = delete;

    Result<ReservedBlock> acquireReservation(PortRange range) override
    {
        const std::string context = "SIO_ACQUIRE_PORT_RESERVATION" + rangeArguments(range);
        // The start port travels in network byte order, like the persistent calls'.
        win32::InetPortRange in{hostToNetwork(range.start), range.count};
        win32::InetPortReservationInstance out{};
        std::uint32_t returned = 0;
        if (m_api->wsaIoctl(m_handle, win32::kSioAcquirePortReservation, &in, sizeof in, &out,
                            sizeof out, &returned) != 0)
            return lastSocketError(*m_api, context);
        if (out.token == kNoToken) {
            return Error::make(ErrorKind::Internal,
                               context + ": succeeded but returned token 0, which names no "
                                         "reservation; closing the socket ends it");
        }
        ReservedBlock block;
        block.protocol = m_spec.transport().value_or(Protocol::Tcp);
        block.range =
            PortRange{networkToHost(out.reservation.startPort), out.reservation.numberOfPorts};
        block.persistent = false;
        block.token = out.token;
        return block;
    }

    Result<void> associateReservation(Token token) override
    {
        return tokenIoctl(win32::kSioAssociatePortReservation, "SIO_ASSOCIATE_PORT_RESERVATION",
                          token);
    }

    Result<void> releaseReservation(Token token) override
    {
        return tokenIoctl(win32::kSioReleasePortReservation, "SIO_RELEASE_PORT_RESERVATION", token);
    }

    Result<void> bind(std::string_view address, std::uint16_t port) override
    {
        const bool v6 = m_spec.family == AddressFamily::IPv6;
        const std::string shown = v6 ? "[" + std::string(address) + "]:" + std::to_string(port)
                                     : std::string(address) + ":" + std::to_string(port);
        const std::string context = "bind to " + shown;
        const bool wildcard = address.empty() || address == "*";
        int rc = 0;
        if (v6) {
            win32::SockAddrIn6 name;
            name.port = hostToNetwork(port);
            if (!wildcard) {
                const auto bytes = parseIpv6(address);
                if (!bytes) {
                    return Error::make(ErrorKind::InvalidArgument,
                                       "address: '" + std::string(address) +
                                           "' is not an IPv6 address such as ::1 or ::");
                }
                std::memcpy(name.address, bytes->data(), bytes->size());
            }
            rc = m_api->bind(m_handle, &name, sizeof name);
        } else {
            win32::SockAddrIn name;
            name.port = hostToNetwork(port);
            if (!wildcard) {
                const auto bytes = parseIpv4(address);
                if (!bytes) {
                    return Error::make(ErrorKind::InvalidArgument,
                                       "address: '" + std::string(address) +
                                           "' is not an IPv4 address such as 127.0.0.1 or "
                                           "0.0.0.0");
                }
                std::memcpy(name.address, bytes->data(), bytes->size());
            }
            rc = m_api->bind(m_handle, &name, sizeof name);
        }
        if (rc != 0)
            return lastSocketError(*m_api, context);
        return {};
    }

    Result<std::uint16_t> localPort() const override
    {
        // Room for any SOCKADDR, as SOCKADDR_STORAGE gives.
        alignas(8) std::uint8_t name[128] = {};
        int length = sizeof name;
        if (m_api->getSockName(m_handle, name, &length) != 0)
            return lastSocketError(*m_api, "getsockname");
        if (length < 4) {
            return Error::make(ErrorKind::Internal,
                               "getsockname: returned " + std::to_string(length) +
                                   " bytes, too few for an address with a port");
        }
        return portFromBytes(name + 2);
    }

private:
    Result<void> tokenIoctl(std::uint32_t code, std::string_view name, Token token)
    {
        const std::string context = std::string(name) + "(token " + tokenText(token) + ")";
        if (token == kNoToken) {
            return Error::make(ErrorKind::InvalidArgument,
                               context + ": token 0 names no reservation; use the token that "
                                         "acquire or lookup returned");
        }
        // In: the 8-byte token; out: nothing.
        std::uint64_t in = token;
        std::uint32_t returned = 0;
        if (m_api->wsaIoctl(m_handle, code, &in, sizeof in, nullptr, 0, &returned) != 0)
            return lastSocketError(*m_api, context);
        return {};
    }

    std::shared_ptr<const Win32Api> m_api;
    win32::SocketHandle m_handle;
    SocketSpec m_spec;
};

// ---------------------------------------------------------------------------------------------

template <typename Row>
Result<std::vector<Row>> tableRows(const std::vector<std::uint8_t>& table, std::string_view context)
{
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

// =============================================================================================

WindowsBackend::WindowsBackend(Win32Api api)
    : m_api(std::make_shared<const Win32Api>(std::move(api)))
{
}

Capabilities WindowsBackend::capabilities() const
{
    std::call_once(m_probeOnce, [this] { m_capabilities = probeCapabilities(); });
    return m_capabilities;
}

Capabilities WindowsBackend::probeCapabilities() const
{
    const Win32Api& api = *m_api;
    Capabilities caps;
    caps.persistentReservations =
        api.createPersistentTcpPortReservation && api.createPersistentUdpPortReservation &&
        api.lookupPersistentTcpPortReservation && api.lookupPersistentUdpPortReservation &&
        api.deletePersistentTcpPortReservation && api.deletePersistentUdpPortReservation;
    caps.persistentTokens = caps.persistentReservations;
    const bool sockets =
        api.socket && api.closeSocket && api.bind && api.getSockName && api.wsaGetLastError;
    caps.bindProbe = sockets;
    if (sockets && api.wsaIoctl) {
        // Releasing token 0 cannot release anything; a system without the IOCTLs (Wine)
        // answers WSAEOPNOTSUPP, one with them some other complaint about the token.
        const auto handle = api.socket(win32::kAfInet, win32::kSockStream, 6);
        if (handle != win32::kInvalidSocket) {
            std::uint64_t token = kNoToken;
            std::uint32_t returned = 0;
            const int rc = api.wsaIoctl(handle, win32::kSioReleasePortReservation, &token,
                                        sizeof token, nullptr, 0, &returned);
            caps.runtimeReservations = rc == 0 || api.wsaGetLastError() != native::kWsaEopnotsupp;
            api.closeSocket(handle);
        }
    }
    caps.listeners = static_cast<bool>(api.getExtendedTcpTable && api.getExtendedUdpTable);
    {
        auto text = runNetsh({"int", "ipv4", "show", "dynamicport", "tcp"});
        caps.dynamicRange = text && netsh::parseDynamicPortRange(text.value()).ok();
    }
    bool registry = false;
    if (api.readRegistryValues) {
        std::vector<win32::RegistryValue> values;
        registry = api.readRegistryValues(registryKey(Protocol::Tcp), values) == 0;
    }
    bool netshTable = false;
    if (!registry) {
        auto text = runNetsh({"int", "ipv4", "show", "excludedportrange", "protocol=tcp"});
        netshTable = text && netsh::parseExcludedPortRanges(text.value()).ok();
    }
    caps.discoverReservations = registry || netshTable;
    return caps;
}

bool WindowsBackend::isElevated() const
{
    return m_api->isElevated && m_api->isElevated();
}

std::string WindowsBackend::hostName() const
{
    return m_api->hostName ? m_api->hostName() : std::string();
}

Result<std::int64_t> WindowsBackend::bootTime() const
{
    if (!m_api->tickCount64 || !m_api->unixTimeMs)
        return unsupported("boot time", "no tick count or clock");
    const std::int64_t nowMs = m_api->unixTimeMs();
    const auto upMs = static_cast<std::int64_t>(m_api->tickCount64());
    // Rounded to the nearest second so that two readings a few milliseconds apart agree.
    const std::int64_t bootMs = nowMs - upMs;
    return bootMs >= 0 ? (bootMs + 500) / 1000 : -((-bootMs + 500) / 1000);
}

// --- persistent reservations -----------------------------------------------------------------

Result<ReservedBlock> WindowsBackend::createPersistent(Protocol protocol, PortRange range)
{
    const std::string function =
        "CreatePersistent" + std::string(protocolName(protocol)) + "PortReservation";
    const std::string context = function + rangeArguments(range);
    const auto& call = protocol == Protocol::Tcp ? m_api->createPersistentTcpPortReservation
                                                 : m_api->createPersistentUdpPortReservation;
    if (!call)
        return missingFunction(*m_api, function, context);
    // Bad ranges go to Windows as they are: it answers ERROR_INVALID_PARAMETER itself.
    std::uint64_t token = kNoToken;
    if (const auto code = call(hostToNetwork(range.start), range.count, &token); code != 0)
        return windowsFailure(*m_api, code, context);
    // A token of 0 would mean "none"; the reservation exists all the same, so report it and
    // leave the token to a later lookup.
    return ReservedBlock{protocol, range, true, token, {}};
}

Result<ReservedBlock> WindowsBackend::lookupPersistent(Protocol protocol, PortRange range)
{
    const std::string function =
        "LookupPersistent" + std::string(protocolName(protocol)) + "PortReservation";
    const std::string context = function + rangeArguments(range);
    const auto& call = protocol == Protocol::Tcp ? m_api->lookupPersistentTcpPortReservation
                                                 : m_api->lookupPersistentUdpPortReservation;
    if (!call)
        return missingFunction(*m_api, function, context);
    std::uint64_t token = kNoToken;
    if (const auto code = call(hostToNetwork(range.start), range.count, &token); code != 0)
        return windowsFailure(*m_api, code, context);
    if (token == kNoToken) {
        return Error::make(ErrorKind::NotFound,
                           context + ": succeeded but returned token 0, which names no "
                                     "reservation");
    }
    return ReservedBlock{protocol, range, true, token, {}};
}

Result<void> WindowsBackend::deletePersistent(Protocol protocol, PortRange range)
{
    const std::string function =
        "DeletePersistent" + std::string(protocolName(protocol)) + "PortReservation";
    const std::string context = function + rangeArguments(range);
    const auto& call = protocol == Protocol::Tcp ? m_api->deletePersistentTcpPortReservation
                                                 : m_api->deletePersistentUdpPortReservation;
    if (!call)
        return missingFunction(*m_api, function, context);
    if (const auto code = call(hostToNetwork(range.start), range.count); code != 0)
        return windowsFailure(*m_api, code, context);
    return {};
}

// --- discovery -------------------------------------------------------------------------------

std::string_view WindowsBackend::registryKey(Protocol protocol)
{
    // domain.md §1. The same keys hold the IPv4 and the IPv6 exclusions.
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
        std::string text = trimmed(m_api->formatMessage ? m_api->formatMessage(run.error) : "");
        if (text.empty())
            text = std::string(native::windowsErrorText(run.error));
        error.message = command + ": not supported on this system (netsh could not be run" +
                        (text.empty() ? std::string() : ": " + text) + ")";
        return error;
    }
    if (run.exitCode != 0) {
        std::string first = trimmed(run.output.substr(0, run.output.find('\n')));
        return unsupported(command, "netsh exited with code " + std::to_string(run.exitCode) +
                                        (first.empty() ? std::string() : ": " + first));
    }
    if (trimmed(run.output).empty())
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

// --- sockets ---------------------------------------------------------------------------------

Result<std::unique_ptr<Socket>> WindowsBackend::openSocket(const SocketSpec& spec)
{
    const std::string context = "socket(" + std::string(toString(spec.family)) + ", " +
                                std::string(toString(spec.type)) + ", " +
                                std::to_string(spec.protocol) + ")";
    if (!m_api->socket)
        return unsupported(context, "no Winsock");
    const auto handle =
        m_api->socket(familyValue(spec.family), typeValue(spec.type), spec.protocol);
    if (handle == win32::kInvalidSocket)
        return lastSocketError(*m_api, context);
    return std::unique_ptr<Socket>(std::make_unique<WindowsSocket>(m_api, handle, spec));
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
    auto add = [&](Protocol p, AddressFamily family, std::string address, const std::uint8_t* port,
                   std::uint32_t pid) {
        Listener listener;
        listener.protocol = p;
        listener.family = family;
        listener.address = std::move(address);
        listener.port = portFromBytes(port);
        // Windows attributes no listener to pid 0 (System Idle); Wine reports 0 for sockets
        // of processes it does not know. Either way the owner is unknown.
        if (pid != 0) {
            listener.pid = pid;
            listener.process = processName(pid);
        }
        out.push_back(std::move(listener));
    };

    if (!protocol || *protocol == Protocol::Tcp) {
        const std::string context = "GetExtendedTcpTable";
        auto v4 = fetchTable(api.getExtendedTcpTable, win32::kAfInet, win32::kTcpTableOwnerPidAll,
                             context);
        if (!v4)
            return v4.error();
        auto rows4 = tableRows<win32::MibTcpRowOwnerPid>(v4.value(), context);
        if (!rows4)
            return rows4.error();
        for (const auto& row : rows4.value()) {
            if (row.state == win32::kMibTcpStateListen)
                add(Protocol::Tcp, AddressFamily::IPv4, formatIpv4(row.localAddress), row.localPort,
                    row.owningPid);
        }
        auto v6 = fetchTable(api.getExtendedTcpTable, win32::kAfInet6, win32::kTcpTableOwnerPidAll,
                             context);
        if (!v6)
            return v6.error();
        auto rows6 = tableRows<win32::MibTcp6RowOwnerPid>(v6.value(), context);
        if (!rows6)
            return rows6.error();
        for (const auto& row : rows6.value()) {
            if (row.state == win32::kMibTcpStateListen)
                add(Protocol::Tcp, AddressFamily::IPv6, formatIpv6(row.localAddress), row.localPort,
                    row.owningPid);
        }
    }
    if (!protocol || *protocol == Protocol::Udp) {
        const std::string context = "GetExtendedUdpTable";
        auto v4 =
            fetchTable(api.getExtendedUdpTable, win32::kAfInet, win32::kUdpTableOwnerPid, context);
        if (!v4)
            return v4.error();
        auto rows4 = tableRows<win32::MibUdpRowOwnerPid>(v4.value(), context);
        if (!rows4)
            return rows4.error();
        for (const auto& row : rows4.value())
            add(Protocol::Udp, AddressFamily::IPv4, formatIpv4(row.localAddress), row.localPort,
                row.owningPid);
        auto v6 =
            fetchTable(api.getExtendedUdpTable, win32::kAfInet6, win32::kUdpTableOwnerPid, context);
        if (!v6)
            return v6.error();
        auto rows6 = tableRows<win32::MibUdp6RowOwnerPid>(v6.value(), context);
        if (!rows6)
            return rows6.error();
        for (const auto& row : rows6.value())
            add(Protocol::Udp, AddressFamily::IPv6, formatIpv6(row.localAddress), row.localPort,
                row.owningPid);
    }
    std::sort(out.begin(), out.end(), [](const Listener& a, const Listener& b) {
        return std::tuple(a.protocol, a.port, a.family, a.address, a.pid) <
               std::tuple(b.protocol, b.port, b.family, b.address, b.pid);
    });
    return out;
}

Result<void> WindowsBackend::restartElevated(const std::string& program,
                                             const std::vector<std::string>& arguments)
{
    if (!m_api->shellExecuteRunAs)
        return Backend::restartElevated(program, arguments);
    const std::uint32_t code = m_api->shellExecuteRunAs(program, arguments);
    if (code == 0)
        return {};
    if (code == win32::kErrorCancelled) {
        return Error{ErrorKind::Cancelled, code, "ERROR_CANCELLED",
                     "the administrator prompt was declined; Portolan keeps running without "
                     "elevation"};
    }
    return windowsFailure(*m_api, code, "ShellExecuteEx(runas)");
}

} // namespace portolan
