// SPDX-License-Identifier: GPL-3.0-or-later
// The real Win32Api: Winsock, iphlpapi, the registry and netsh. Compiled for Windows only.
#include "windowsbackend.h"

#include "../nativecodes.h"
#include "win32process_real.h"
#include "win32services_real.h"
#include "win32text_real.h"

// winsock2.h must come before windows.h, and iphlpapi.h after both.
// clang-format off
#include <winsock2.h>
#include <ws2tcpip.h>
#include <mstcpip.h>
#include <windows.h>
#include <iphlpapi.h>
#include <winternl.h>
#include <computenetwork.h>
// clang-format on

#include <cstddef>
#include <cstring>
#include <string>
#include <type_traits>
#include <vector>

namespace portolan {

// The portable constants and layouts WindowsBackend uses must be the SDK's, bit for bit.
namespace check {
using namespace win32;
static_assert(SIO_ACQUIRE_PORT_RESERVATION == kSioAcquirePortReservation);
static_assert(SIO_RELEASE_PORT_RESERVATION == kSioReleasePortReservation);
static_assert(SIO_ASSOCIATE_PORT_RESERVATION == kSioAssociatePortReservation);

static_assert(sizeof(INET_PORT_RANGE) == 4 && sizeof(InetPortRange) == sizeof(INET_PORT_RANGE));
static_assert(offsetof(INET_PORT_RANGE, StartPort) == offsetof(InetPortRange, startPort));
static_assert(offsetof(INET_PORT_RANGE, NumberOfPorts) == offsetof(InetPortRange, numberOfPorts));
static_assert(sizeof(INET_PORT_RESERVATION_INSTANCE) == sizeof(InetPortReservationInstance));
static_assert(offsetof(INET_PORT_RESERVATION_INSTANCE, Reservation) ==
              offsetof(InetPortReservationInstance, reservation));
static_assert(offsetof(INET_PORT_RESERVATION_INSTANCE, Token) ==
              offsetof(InetPortReservationInstance, token));
static_assert(sizeof(INET_PORT_RESERVATION_TOKEN) == sizeof(std::uint64_t));
static_assert(INVALID_PORT_RESERVATION_TOKEN == kNoToken);

static_assert(sizeof(SOCKET) == sizeof(SocketHandle));
static_assert(INVALID_SOCKET == kInvalidSocket);
static_assert(SOCKET_ERROR == kSocketError);
static_assert(AF_INET == kAfInet && AF_INET6 == kAfInet6);
static_assert(SOCK_STREAM == kSockStream && SOCK_DGRAM == kSockDgram && SOCK_RAW == kSockRaw);
static_assert(sizeof(SOCKADDR_IN) == sizeof(SockAddrIn));
static_assert(offsetof(SOCKADDR_IN, sin_port) == offsetof(SockAddrIn, port));
static_assert(offsetof(SOCKADDR_IN, sin_addr) == offsetof(SockAddrIn, address));
static_assert(sizeof(SOCKADDR_IN6) == sizeof(SockAddrIn6));
static_assert(offsetof(SOCKADDR_IN6, sin6_port) == offsetof(SockAddrIn6, port));
static_assert(offsetof(SOCKADDR_IN6, sin6_addr) == offsetof(SockAddrIn6, address));
static_assert(offsetof(SOCKADDR_IN6, sin6_scope_id) == offsetof(SockAddrIn6, scopeId));

static_assert(SOL_SOCKET == kSolSocket && SO_EXCLUSIVEADDRUSE == kSoExclusiveAddrUse &&
              SO_REUSEADDR == kSoReuseAddr);
static_assert(WAIT_TIMEOUT == kWaitTimeout);
static_assert(MIB_TCP_STATE_TIME_WAIT == kMibTcpStateTimeWait);

static_assert(sizeof(HCN_PORT_RANGE_ENTRY) == sizeof(HcnPortRangeEntry));
static_assert(offsetof(HCN_PORT_RANGE_ENTRY, Protocol) == offsetof(HcnPortRangeEntry, protocol));
static_assert(offsetof(HCN_PORT_RANGE_ENTRY, Priority) == offsetof(HcnPortRangeEntry, priority));
static_assert(offsetof(HCN_PORT_RANGE_ENTRY, StartingPort) ==
              offsetof(HcnPortRangeEntry, startingPort));
static_assert(offsetof(HCN_PORT_RANGE_ENTRY, EndingPort) ==
              offsetof(HcnPortRangeEntry, endingPort));
static_assert(HCN_PORT_PROTOCOL_TCP == kHcnPortProtocolTcp &&
              HCN_PORT_PROTOCOL_UDP == kHcnPortProtocolUdp &&
              HCN_PORT_PROTOCOL_BOTH == kHcnPortProtocolBoth);

static_assert(TCP_TABLE_OWNER_PID_ALL == kTcpTableOwnerPidAll);
static_assert(UDP_TABLE_OWNER_PID == kUdpTableOwnerPid);
static_assert(MIB_TCP_STATE_LISTEN == kMibTcpStateListen);
static_assert(sizeof(MIB_TCPROW_OWNER_PID) == sizeof(MibTcpRowOwnerPid));
static_assert(offsetof(MIB_TCPROW_OWNER_PID, dwLocalPort) ==
              offsetof(MibTcpRowOwnerPid, localPort));
static_assert(offsetof(MIB_TCPROW_OWNER_PID, dwOwningPid) ==
              offsetof(MibTcpRowOwnerPid, owningPid));
static_assert(sizeof(MIB_TCP6ROW_OWNER_PID) == sizeof(MibTcp6RowOwnerPid));
static_assert(offsetof(MIB_TCP6ROW_OWNER_PID, dwLocalPort) ==
              offsetof(MibTcp6RowOwnerPid, localPort));
static_assert(offsetof(MIB_TCP6ROW_OWNER_PID, dwState) == offsetof(MibTcp6RowOwnerPid, state));
static_assert(offsetof(MIB_TCP6ROW_OWNER_PID, dwOwningPid) ==
              offsetof(MibTcp6RowOwnerPid, owningPid));
static_assert(sizeof(MIB_UDPROW_OWNER_PID) == sizeof(MibUdpRowOwnerPid));
static_assert(offsetof(MIB_UDPROW_OWNER_PID, dwLocalPort) ==
              offsetof(MibUdpRowOwnerPid, localPort));
static_assert(sizeof(MIB_UDP6ROW_OWNER_PID) == sizeof(MibUdp6RowOwnerPid));
static_assert(offsetof(MIB_UDP6ROW_OWNER_PID, dwLocalPort) ==
              offsetof(MibUdp6RowOwnerPid, localPort));
static_assert(offsetof(MIB_UDP6ROW_OWNER_PID, dwOwningPid) ==
              offsetof(MibUdp6RowOwnerPid, owningPid));
static_assert(offsetof(MIB_TCPTABLE_OWNER_PID, table) == kTableRowsOffset);
static_assert(offsetof(MIB_TCP6TABLE_OWNER_PID, table) == kTableRowsOffset);
static_assert(offsetof(MIB_UDPTABLE_OWNER_PID, table) == kTableRowsOffset);
static_assert(offsetof(MIB_UDP6TABLE_OWNER_PID, table) == kTableRowsOffset);

static_assert(ERROR_FILE_NOT_FOUND == kErrorFileNotFound);
static_assert(ERROR_INSUFFICIENT_BUFFER == kErrorInsufficientBuffer);
static_assert(ERROR_CANCELLED == kErrorCancelled);

static_assert(NO_ERROR == native::kNoError);
static_assert(ERROR_ACCESS_DENIED == native::kErrorAccessDenied);
static_assert(ERROR_SHARING_VIOLATION == native::kErrorSharingViolation);
static_assert(ERROR_NOT_SUPPORTED == native::kErrorNotSupported);
static_assert(ERROR_INVALID_PARAMETER == native::kErrorInvalidParameter);
static_assert(ERROR_CALL_NOT_IMPLEMENTED == native::kErrorCallNotImplemented);
static_assert(ERROR_PROC_NOT_FOUND == native::kErrorProcNotFound);
static_assert(ERROR_NOT_FOUND == native::kErrorNotFound);
static_assert(WSA_OPERATION_ABORTED == native::kWsaOperationAborted);
static_assert(WSA_IO_PENDING == native::kWsaIoPending);
static_assert(WSAEINTR == native::kWsaEintr);
static_assert(WSAEACCES == native::kWsaEacces);
static_assert(WSAEFAULT == native::kWsaEfault);
static_assert(WSAEINVAL == native::kWsaEinval);
static_assert(WSAEINPROGRESS == native::kWsaEinprogress);
static_assert(WSAENOTSOCK == native::kWsaEnotsock);
static_assert(WSAEPROTOTYPE == native::kWsaEprototype);
static_assert(WSAEPROTONOSUPPORT == native::kWsaEprotonosupport);
static_assert(WSAESOCKTNOSUPPORT == native::kWsaEsocktnosupport);
static_assert(WSAEOPNOTSUPP == native::kWsaEopnotsupp);
static_assert(WSAEAFNOSUPPORT == native::kWsaEafnosupport);
static_assert(WSAEADDRINUSE == native::kWsaEaddrinuse);
static_assert(WSAEADDRNOTAVAIL == native::kWsaEaddrnotavail);
static_assert(WSAENETDOWN == native::kWsaEnetdown);
static_assert(WSAENOBUFS == native::kWsaEnobufs);
static_assert(WSANOTINITIALISED == native::kWsaNotInitialised);
} // namespace check

namespace {

using win32::narrow;
using win32::widen;

using ReserveFunction = ULONG(WINAPI*)(USHORT, USHORT, PULONG64);
using DeleteFunction = ULONG(WINAPI*)(USHORT, USHORT);
// Resolved by name, so checked here against the SDK's declarations.
static_assert(std::is_same_v<ReserveFunction, decltype(&::CreatePersistentTcpPortReservation)>);
static_assert(std::is_same_v<ReserveFunction, decltype(&::CreatePersistentUdpPortReservation)>);
static_assert(std::is_same_v<ReserveFunction, decltype(&::LookupPersistentTcpPortReservation)>);
static_assert(std::is_same_v<ReserveFunction, decltype(&::LookupPersistentUdpPortReservation)>);
static_assert(std::is_same_v<DeleteFunction, decltype(&::DeletePersistentTcpPortReservation)>);
static_assert(std::is_same_v<DeleteFunction, decltype(&::DeletePersistentUdpPortReservation)>);

using EnumeratePortReservations = HRESULT(WINAPI*)(ULONG*, HCN_PORT_RANGE_ENTRY**);
using FreePortReservations = VOID(WINAPI*)(HCN_PORT_RANGE_ENTRY*);
static_assert(std::is_same_v<EnumeratePortReservations,
                             decltype(&::HcnEnumerateGuestNetworkPortReservations)>);
static_assert(
    std::is_same_v<FreePortReservations, decltype(&::HcnFreeGuestNetworkPortReservations)>);

// SYSTEM_TIMEOFDAY_INFORMATION in full: winternl.h leaves the fields after the time zone id
// as Reserved1; Process Hacker's phnt (ntexapi.h) and ReactOS name them.
struct TimeOfDayInformation
{
    LARGE_INTEGER BootTime;
    LARGE_INTEGER CurrentTime;
    LARGE_INTEGER TimeZoneBias;
    ULONG TimeZoneId;
    ULONG Reserved;
    ULONGLONG BootTimeBias;
    ULONGLONG SleepTimeBias;
};
static_assert(sizeof(TimeOfDayInformation) == sizeof(SYSTEM_TIMEOFDAY_INFORMATION));
static_assert(offsetof(TimeOfDayInformation, CurrentTime) ==
              offsetof(SYSTEM_TIMEOFDAY_INFORMATION, CurrentTime));
using QuerySystemInformation = NTSTATUS(NTAPI*)(SYSTEM_INFORMATION_CLASS, PVOID, ULONG, PULONG);
static_assert(std::is_same_v<QuerySystemInformation, decltype(&::NtQuerySystemInformation)>);

template <typename Function> Function resolve(HMODULE module, const char* name)
{
    if (!module)
        return nullptr;
    // Through void(*)(): the one function pointer type every other may be cast to and from.
    return reinterpret_cast<Function>(reinterpret_cast<void (*)()>(GetProcAddress(module, name)));
}

Win32Api::ReserveFunction wrapReserve(ReserveFunction function)
{
    if (!function)
        return {};
    return [function](std::uint16_t start, std::uint16_t count, std::uint64_t* token) {
        ULONG64 value = 0;
        const ULONG code = function(start, count, &value);
        *token = value;
        return static_cast<std::uint32_t>(code);
    };
}

Win32Api::DeleteFunction wrapDelete(DeleteFunction function)
{
    if (!function)
        return {};
    return [function](std::uint16_t start, std::uint16_t count) {
        return static_cast<std::uint32_t>(function(start, count));
    };
}

std::string processImageName(std::uint32_t pid)
{
    // Not real processes; OpenProcess refuses them.
    if (pid == 0)
        return "System Idle Process";
    if (pid == 4)
        return "System";
    HANDLE process = OpenProcess(PROCESS_QUERY_LIMITED_INFORMATION, FALSE, pid);
    if (!process)
        return {};
    std::wstring path(32768, L'\0');
    DWORD size = static_cast<DWORD>(path.size());
    const BOOL ok = QueryFullProcessImageNameW(process, 0, path.data(), &size);
    CloseHandle(process);
    if (!ok)
        return {};
    path.resize(size);
    const std::size_t slash = path.find_last_of(L"\\/");
    return narrow(slash == std::wstring::npos ? path : path.substr(slash + 1));
}

bool processIsElevated()
{
    HANDLE token = nullptr;
    if (!OpenProcessToken(GetCurrentProcess(), TOKEN_QUERY, &token))
        return false;
    TOKEN_ELEVATION elevation{};
    DWORD size = 0;
    const BOOL ok = GetTokenInformation(token, TokenElevation, &elevation, sizeof elevation, &size);
    CloseHandle(token);
    return ok && elevation.TokenIsElevated != 0;
}

std::int64_t unixTimeMs()
{
    FILETIME now{};
    GetSystemTimeAsFileTime(&now);
    ULARGE_INTEGER ticks{};
    ticks.LowPart = now.dwLowDateTime;
    ticks.HighPart = now.dwHighDateTime;
    // FILETIME counts 100 ns since 1601-01-01.
    constexpr std::uint64_t kEpochDifference = 116444736000000000ULL;
    return static_cast<std::int64_t>((ticks.QuadPart - kEpochDifference) / 10000);
}

std::string dnsHostName()
{
    DWORD size = 0;
    GetComputerNameExW(ComputerNameDnsHostname, nullptr, &size);
    if (size == 0)
        return {};
    std::wstring name(size, L'\0');
    if (!GetComputerNameExW(ComputerNameDnsHostname, name.data(), &size))
        return {};
    name.resize(size);
    return narrow(name);
}

std::string formatMessage(std::uint32_t code)
{
    wchar_t* buffer = nullptr;
    const DWORD length = FormatMessageW(
        FORMAT_MESSAGE_ALLOCATE_BUFFER | FORMAT_MESSAGE_FROM_SYSTEM | FORMAT_MESSAGE_IGNORE_INSERTS,
        nullptr, code, 0, reinterpret_cast<LPWSTR>(&buffer), 0, nullptr);
    std::string text;
    if (length != 0 && buffer)
        text = narrow(std::wstring_view(buffer, length));
    if (buffer)
        LocalFree(buffer);
    while (!text.empty() && (text.back() == '\n' || text.back() == '\r' || text.back() == ' '))
        text.pop_back();
    return text;
}

std::uint32_t readRegistryValues(std::string_view subkey, std::vector<win32::RegistryValue>& values)
{
    HKEY key = nullptr;
    LSTATUS status = RegOpenKeyExW(HKEY_LOCAL_MACHINE, widen(subkey).c_str(), 0,
                                   KEY_QUERY_VALUE | KEY_WOW64_64KEY, &key);
    if (status != ERROR_SUCCESS)
        return static_cast<std::uint32_t>(status);
    values.clear();
    for (DWORD index = 0;;) {
        DWORD maxName = 0;
        DWORD maxData = 0;
        status = RegQueryInfoKeyW(key, nullptr, nullptr, nullptr, nullptr, nullptr, nullptr,
                                  nullptr, &maxName, &maxData, nullptr, nullptr);
        if (status != ERROR_SUCCESS)
            break;
        std::wstring name(maxName + 1, L'\0');
        DWORD nameLength = maxName + 1;
        std::vector<BYTE> data(maxData + 1);
        DWORD dataLength = maxData + 1;
        DWORD type = 0;
        status = RegEnumValueW(key, index, name.data(), &nameLength, nullptr, &type, data.data(),
                               &dataLength);
        if (status == ERROR_NO_MORE_ITEMS) {
            status = ERROR_SUCCESS;
            break;
        }
        if (status == ERROR_MORE_DATA)
            continue; // a value grew meanwhile: measure again
        if (status != ERROR_SUCCESS)
            break;
        name.resize(nameLength);
        data.resize(dataLength);
        values.push_back(win32::RegistryValue{narrow(name), type, {data.begin(), data.end()}});
        ++index;
    }
    RegCloseKey(key);
    return static_cast<std::uint32_t>(status);
}

// The kernel's time of day. A reply without the bias fields (a shorter structure) leaves the
// bias 0: the boot time as the kernel keeps it.
std::function<bool(win32::TimeOfDay&)> timeOfDayReader()
{
    const auto query =
        resolve<QuerySystemInformation>(GetModuleHandleW(L"ntdll.dll"), "NtQuerySystemInformation");
    if (!query)
        return {};
    return [query](win32::TimeOfDay& out) {
        TimeOfDayInformation info{};
        ULONG length = 0;
        if (query(SystemTimeOfDayInformation, &info, sizeof info, &length) < 0)
            return false;
        out.bootTime = info.BootTime.QuadPart;
        out.currentTime = info.CurrentTime.QuadPart;
        out.bootTimeBias =
            length >= offsetof(TimeOfDayInformation, SleepTimeBias) ? info.BootTimeBias : 0;
        return true;
    };
}

std::function<bool(win32::OsVersion&)> osVersionReader()
{
    using GetVersion = NTSTATUS(NTAPI*)(PRTL_OSVERSIONINFOW);
    const auto get = resolve<GetVersion>(GetModuleHandleW(L"ntdll.dll"), "RtlGetVersion");
    if (!get)
        return {};
    return [get](win32::OsVersion& out) {
        RTL_OSVERSIONINFOW info{};
        info.dwOSVersionInfoSize = sizeof info;
        if (get(&info) < 0)
            return false;
        out = {info.dwMajorVersion, info.dwMinorVersion, info.dwBuildNumber};
        return true;
    };
}

// HcnEnumerateGuestNetworkPortReservations from computenetwork.dll (System32 only), or
// nothing where the DLL or the function is missing. The module stays loaded.
std::function<std::int32_t(std::vector<win32::HcnPortRangeEntry>&)> hcnEnumerator()
{
    HMODULE module = LoadLibraryExW(L"computenetwork.dll", nullptr, LOAD_LIBRARY_SEARCH_SYSTEM32);
    const auto enumerate =
        resolve<EnumeratePortReservations>(module, "HcnEnumerateGuestNetworkPortReservations");
    const auto release =
        resolve<FreePortReservations>(module, "HcnFreeGuestNetworkPortReservations");
    if (!enumerate || !release) {
        if (module)
            FreeLibrary(module);
        return {};
    }
    return [enumerate, release](std::vector<win32::HcnPortRangeEntry>& entries) {
        ULONG count = 0;
        HCN_PORT_RANGE_ENTRY* list = nullptr;
        const HRESULT result = enumerate(&count, &list);
        entries.clear();
        if (SUCCEEDED(result) && list) {
            entries.resize(count);
            std::memcpy(entries.data(), list, count * sizeof(HCN_PORT_RANGE_ENTRY));
        }
        if (list)
            release(list);
        return static_cast<std::int32_t>(result);
    };
}

} // namespace

Result<Win32Api> loadWin32Api()
{
    static const int started = [] {
        WSADATA data{};
        return WSAStartup(MAKEWORD(2, 2), &data);
    }();
    if (started != 0)
        return native::windowsError(started, "WSAStartup");

    Win32Api api;
    // From System32 only; iphlpapi is linked in, so the module is there either way.
    HMODULE iphlpapi = LoadLibraryExW(L"iphlpapi.dll", nullptr, LOAD_LIBRARY_SEARCH_SYSTEM32);
    if (!iphlpapi)
        iphlpapi = GetModuleHandleW(L"iphlpapi.dll");
    api.createPersistentTcpPortReservation =
        wrapReserve(resolve<ReserveFunction>(iphlpapi, "CreatePersistentTcpPortReservation"));
    api.createPersistentUdpPortReservation =
        wrapReserve(resolve<ReserveFunction>(iphlpapi, "CreatePersistentUdpPortReservation"));
    api.lookupPersistentTcpPortReservation =
        wrapReserve(resolve<ReserveFunction>(iphlpapi, "LookupPersistentTcpPortReservation"));
    api.lookupPersistentUdpPortReservation =
        wrapReserve(resolve<ReserveFunction>(iphlpapi, "LookupPersistentUdpPortReservation"));
    api.deletePersistentTcpPortReservation =
        wrapDelete(resolve<DeleteFunction>(iphlpapi, "DeletePersistentTcpPortReservation"));
    api.deletePersistentUdpPortReservation =
        wrapDelete(resolve<DeleteFunction>(iphlpapi, "DeletePersistentUdpPortReservation"));

    api.socket = [](int family, int type, int protocol) -> win32::SocketHandle {
        return ::socket(family, type, protocol);
    };
    api.closeSocket = [](win32::SocketHandle socket) {
        return ::closesocket(static_cast<SOCKET>(socket));
    };
    api.bind = [](win32::SocketHandle socket, const void* address, int length) {
        return ::bind(static_cast<SOCKET>(socket), static_cast<const sockaddr*>(address), length);
    };
    api.getSockName = [](win32::SocketHandle socket, void* address, int* length) {
        return ::getsockname(static_cast<SOCKET>(socket), static_cast<sockaddr*>(address), length);
    };
    api.setSockOpt = [](win32::SocketHandle socket, int level, int option, const void* value,
                        int length) {
        return ::setsockopt(static_cast<SOCKET>(socket), level, option,
                            static_cast<const char*>(value), length);
    };
    api.wsaIoctl = [](win32::SocketHandle socket, std::uint32_t code, const void* in,
                      std::uint32_t inSize, void* out, std::uint32_t outSize,
                      std::uint32_t* bytesReturned) {
        DWORD returned = 0;
        const int rc = ::WSAIoctl(static_cast<SOCKET>(socket), code, const_cast<void*>(in), inSize,
                                  out, outSize, &returned, nullptr, nullptr);
        *bytesReturned = returned;
        return rc;
    };
    api.wsaGetLastError = [] { return ::WSAGetLastError(); };

    api.getExtendedTcpTable = [](void* table, std::uint32_t* size, int family,
                                 std::uint32_t tableClass) {
        DWORD bytes = *size;
        const DWORD rc = ::GetExtendedTcpTable(table, &bytes, FALSE, static_cast<ULONG>(family),
                                               static_cast<TCP_TABLE_CLASS>(tableClass), 0);
        *size = bytes;
        return static_cast<std::uint32_t>(rc);
    };
    api.getExtendedUdpTable = [](void* table, std::uint32_t* size, int family,
                                 std::uint32_t tableClass) {
        DWORD bytes = *size;
        const DWORD rc = ::GetExtendedUdpTable(table, &bytes, FALSE, static_cast<ULONG>(family),
                                               static_cast<UDP_TABLE_CLASS>(tableClass), 0);
        *size = bytes;
        return static_cast<std::uint32_t>(rc);
    };

    api.processImageName = processImageName;
    api.isElevated = processIsElevated;
    api.tickCount64 = [] { return static_cast<std::uint64_t>(GetTickCount64()); };
    api.unixTimeMs = unixTimeMs;
    api.queryTimeOfDay = timeOfDayReader();
    api.enumerateGuestNetworkPortReservations = hcnEnumerator();
    api.hostName = dnsHostName;
    api.osVersion = osVersionReader();
    api.formatMessage = formatMessage;
    api.readRegistryValues = readRegistryValues;
    api.runNetsh = [](const std::vector<std::string>& arguments, std::chrono::milliseconds timeout,
                      std::stop_token stop) {
        return runSystem32Program("netsh.exe", arguments, timeout, std::move(stop));
    };
    api.shellExecute = win32::shellExecute;
    win32::addServiceCalls(api);
    return api;
}

Result<std::unique_ptr<Backend>> createWindowsBackend()
{
    auto api = loadWin32Api();
    if (!api)
        return api.error();
    return std::unique_ptr<Backend>(std::make_unique<WindowsBackend>(std::move(api.value())));
}

} // namespace portolan
