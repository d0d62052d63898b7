// SPDX-License-Identifier: GPL-3.0-or-later
#include "windowsbackend.h"

#include "../inetaddress.h"
#include "../netshparser.h"
#include "../process/utf8.h"
#include "windowserrors.h"

#include <cstddef>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

// The backend itself: what the system offers, who the process is, the persistent
// reservations and the elevation prompt. Sockets are in windowssocket.cpp, what is read about
// the machine (reservations, dynamic range, listeners) in windowsdiscovery.cpp.
namespace portolan {
namespace {

using win32::missingFunction;
using win32::rangeArguments;
using win32::unsupported;
using win32::windowsFailure;

// The iphlpapi function "<verb>Persistent{Tcp,Udp}PortReservation" and the context its errors
// name: the function with its arguments.
struct PersistentCall
{
    std::string function;
    std::string context;
};

PersistentCall persistentCall(std::string_view verb, Protocol protocol, PortRange range)
{
    std::string function = std::string(verb) + "Persistent" +
                           (protocol == Protocol::Tcp ? "Tcp" : "Udp") + "PortReservation";
    std::string context = function + rangeArguments(range);
    return {std::move(function), std::move(context)};
}

} // namespace

WindowsBackend::WindowsBackend(Win32Api api)
    : m_api(std::make_shared<const Win32Api>(std::move(api))),
      m_calls(std::make_shared<win32::PendingCalls>())
{
}

Capabilities WindowsBackend::capabilities() const
{
    {
        std::lock_guard lock(m_mutex);
        if (m_capabilities)
            return *m_capabilities;
    }
    // Probed outside the lock, so that cancelPendingCalls can end a slow call meanwhile; two
    // threads asking at once may both probe, which does no harm.
    bool cancelled = false;
    const Capabilities caps = probeCapabilities(cancelled);
    if (!cancelled) {
        std::lock_guard lock(m_mutex);
        m_capabilities = caps;
    }
    return caps;
}

Capabilities WindowsBackend::probeCapabilities(bool& cancelled) const
{
    const Win32Api& api = *m_api;
    Capabilities caps;
    caps.persistentReservations =
        api.createPersistentTcpPortReservation && api.createPersistentUdpPortReservation &&
        api.lookupPersistentTcpPortReservation && api.lookupPersistentUdpPortReservation &&
        api.deletePersistentTcpPortReservation && api.deletePersistentUdpPortReservation;
    caps.persistentTokens = caps.persistentReservations;
    caps.bindProbe = api.socket && api.closeSocket && api.bind && api.getSockName &&
                     api.setSockOpt && api.wsaGetLastError;
    caps.runtimeReservations = caps.bindProbe && api.wsaIoctl && probeRuntimeIoctls(cancelled);
    caps.listeners = static_cast<bool>(api.getExtendedTcpTable && api.getExtendedUdpTable);
    caps.services = api.queryService && api.stopService && api.startService;
    // False for every failure; notes a cancelled call, whose answer must not be remembered.
    auto failed = [&cancelled](const auto& result) {
        cancelled = cancelled || (!result && result.error().kind == ErrorKind::Cancelled);
        return !result;
    };
    {
        auto text = runNetsh({"int", "ipv4", "show", "dynamicport", "tcp"});
        caps.dynamicRange = !failed(text) && netsh::parseDynamicPortRange(text.value()).ok();
        // netsh that can show the range can set it (elevation is checked per call).
        caps.changeDynamicRange = caps.dynamicRange;
    }
    bool registry = false;
    if (api.readRegistryValues) {
        const auto read = readRegistry(registryKey(Protocol::Tcp));
        registry = !failed(read) && read.value().code == 0;
    }
    bool netshTable = false;
    if (!registry && !cancelled) {
        auto text = runNetsh({"int", "ipv4", "show", "excludedportrange", "protocol=tcp"});
        netshTable = !failed(text) && netsh::parseExcludedPortRanges(text.value()).ok();
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

namespace {

// ProductName of HKLM\SOFTWARE\Microsoft\Windows NT\CurrentVersion, a REG_SZ in UTF-16LE.
// Windows 11 still writes "Windows 10 ..." there; its builds start at 22000 (Microsoft,
// "Windows 11 release information"), so the build decides which it is.
std::string productName(const std::vector<win32::RegistryValue>& values, std::uint32_t build)
{
    constexpr std::uint32_t kRegSz = 1;
    std::string name = "Windows";
    for (const auto& value : values) {
        if (value.name != "ProductName" || value.type != kRegSz)
            continue;
        std::u16string wide;
        for (std::size_t i = 0; i + 1 < value.data.size(); i += 2) {
            const auto c = static_cast<char16_t>(value.data[i] | (value.data[i + 1] << 8));
            if (c == 0)
                break;
            wide += c;
        }
        if (!wide.empty())
            name = utf8::fromUtf16(wide);
    }
    if (build >= 22000 && name.starts_with("Windows 10"))
        name.replace(0, 10, "Windows 11");
    return name;
}

// Rounded to the nearest second, so that two readings a few milliseconds apart agree.
std::int64_t roundedSeconds(std::int64_t ms)
{
    return ms >= 0 ? (ms + 500) / 1000 : -((-ms + 500) / 1000);
}

} // namespace

OsInfo WindowsBackend::osInfo() const
{
    OsInfo info{"windows", "Windows", ""};
    win32::OsVersion version;
    if (m_api->osVersion && m_api->osVersion(version))
        info.version = std::to_string(version.major) + "." + std::to_string(version.minor) + "." +
                       std::to_string(version.build);
    if (m_api->readRegistryValues)
        if (auto read = readRegistry("SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion");
            read && read.value().code == 0)
            info.name = productName(read.value().values, version.build);
    return info;
}

Result<std::int64_t> WindowsBackend::bootTime() const
{
    win32::TimeOfDay time;
    if (m_api->queryTimeOfDay && m_api->queryTimeOfDay(time) && time.bootTime > 0) {
        // FILETIME: 100 ns since 1601-01-01.
        constexpr std::int64_t kUnixEpoch = 116444736000000000LL;
        const std::int64_t boot = time.bootTime - static_cast<std::int64_t>(time.bootTimeBias);
        return roundedSeconds((boot - kUnixEpoch) / 10000);
    }
    if (!m_api->tickCount64 || !m_api->unixTimeMs)
        return unsupported("boot time", "no tick count or clock");
    return roundedSeconds(m_api->unixTimeMs() - static_cast<std::int64_t>(m_api->tickCount64()));
}

// --- persistent reservations -----------------------------------------------------------------

Result<ReservedBlock> WindowsBackend::createPersistent(Protocol protocol, PortRange range)
{
    const auto [function, context] = persistentCall("Create", protocol, range);
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
    const auto [function, context] = persistentCall("Lookup", protocol, range);
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
    const auto [function, context] = persistentCall("Delete", protocol, range);
    const auto& call = protocol == Protocol::Tcp ? m_api->deletePersistentTcpPortReservation
                                                 : m_api->deletePersistentUdpPortReservation;
    if (!call)
        return missingFunction(*m_api, function, context);
    if (const auto code = call(hostToNetwork(range.start), range.count); code != 0)
        return windowsFailure(*m_api, code, context);
    return {};
}

std::string win32::quoteArgument(std::string_view argument)
{
    if (!argument.empty() && argument.find_first_of(" \t\"") == std::string_view::npos)
        return std::string(argument);
    std::string quoted = "\"";
    std::size_t backslashes = 0;
    for (const char c : argument) {
        if (c == '\\') {
            ++backslashes;
            continue;
        }
        quoted.append(c == '"' ? 2 * backslashes + 1 : backslashes, '\\');
        backslashes = 0;
        quoted += c;
    }
    quoted.append(2 * backslashes, '\\');
    quoted += '"';
    return quoted;
}

std::string win32::commandLineParameters(const std::vector<std::string>& arguments)
{
    std::string parameters;
    for (const auto& argument : arguments) {
        if (!parameters.empty())
            parameters += ' ';
        parameters += quoteArgument(argument);
    }
    return parameters;
}

Result<void> WindowsBackend::restartElevated(const std::string& program,
                                             const std::vector<std::string>& arguments)
{
    if (!m_api->shellExecute)
        return Backend::restartElevated(program, arguments);
    const win32::ShellExecuteOutcome outcome =
        m_api->shellExecute(program, "runas", win32::commandLineParameters(arguments));
    if (outcome.error == win32::kErrorCancelled) {
        return Error{ErrorKind::Cancelled, outcome.error, "ERROR_CANCELLED",
                     "the administrator prompt was declined; Portolan keeps running without "
                     "elevation"};
    }
    if (outcome.error != 0)
        return windowsFailure(*m_api, outcome.error, "ShellExecuteEx(runas)");
    // Without a process handle nothing says the elevated copy runs: this one stays open.
    if (!outcome.processStarted) {
        return Error{ErrorKind::Unsupported, 0, "",
                     "Windows accepted the request but started no elevated process; Portolan "
                     "keeps running without elevation"};
    }
    return {};
}

} // namespace portolan
