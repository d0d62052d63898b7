// SPDX-License-Identifier: GPL-3.0-or-later
// The real Win32Api: Winsock, iphlpapi, the registry and netsh. Compiled for Windows only.
#include "windowsbackend.h"

#include "../nativecodes.h"

// winsock2.h must come before windows.h, and iphlpapi.h after both.
// clang-format off
#include <winsock2.h>
#include <ws2tcpip.h>
#include <mstcpip.h>
#include <windows.h>
#include <iphlpapi.h>
#include <shellapi.h>
// clang-format on

#include <cstddef>
#include <cstring>
#include <string>
#include <thread>
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

std::wstring widen(std::string_view text)
{
    if (text.empty())
        return {};
    const int size =
        MultiByteToWideChar(CP_UTF8, 0, text.data(), static_cast<int>(text.size()), nullptr, 0);
    std::wstring wide(static_cast<std::size_t>(size), L'\0');
    MultiByteToWideChar(CP_UTF8, 0, text.data(), static_cast<int>(text.size()), wide.data(), size);
    return wide;
}

std::string narrow(std::wstring_view text)
{
    if (text.empty())
        return {};
    const int size = WideCharToMultiByte(CP_UTF8, 0, text.data(), static_cast<int>(text.size()),
                                         nullptr, 0, nullptr, nullptr);
    std::string utf8(static_cast<std::size_t>(size), '\0');
    WideCharToMultiByte(CP_UTF8, 0, text.data(), static_cast<int>(text.size()), utf8.data(), size,
                        nullptr, nullptr);
    return utf8;
}

// netsh writes in the console's OEM code page (850, 437, ...), or UTF-16 when told to.
std::string decodeConsoleOutput(const std::string& raw)
{
    if (raw.size() >= 2 && static_cast<unsigned char>(raw[0]) == 0xFF &&
        static_cast<unsigned char>(raw[1]) == 0xFE) {
        std::wstring wide((raw.size() - 2) / 2, L'\0');
        std::memcpy(wide.data(), raw.data() + 2, wide.size() * 2);
        return narrow(wide);
    }
    if (raw.empty())
        return {};
    const int size =
        MultiByteToWideChar(CP_OEMCP, 0, raw.data(), static_cast<int>(raw.size()), nullptr, 0);
    std::wstring wide(static_cast<std::size_t>(size), L'\0');
    MultiByteToWideChar(CP_OEMCP, 0, raw.data(), static_cast<int>(raw.size()), wide.data(), size);
    return narrow(wide);
}

using ReserveFunction = ULONG(WINAPI*)(USHORT, USHORT, PULONG64);
using DeleteFunction = ULONG(WINAPI*)(USHORT, USHORT);

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

// One argument as CommandLineToArgvW reads it back: quoted when it has blanks or quotes,
// backslashes doubled only where they precede a quote.
std::wstring quoteArgument(const std::wstring& argument)
{
    if (!argument.empty() && argument.find_first_of(L" \t\"") == std::wstring::npos)
        return argument;
    std::wstring quoted = L"\"";
    std::size_t backslashes = 0;
    for (wchar_t c : argument) {
        if (c == L'\\') {
            ++backslashes;
            continue;
        }
        quoted.append(c == L'"' ? 2 * backslashes + 1 : backslashes, L'\\');
        backslashes = 0;
        quoted += c;
    }
    quoted.append(2 * backslashes, L'\\');
    quoted += L'"';
    return quoted;
}

// The UAC prompt: the same program again with the "runas" verb. Not waited for: the caller
// quits once the elevated copy has been started.
std::uint32_t shellExecuteRunAs(const std::string& program, const std::vector<std::string>& arguments)
{
    const std::wstring file = widen(program);
    std::wstring parameters;
    for (const auto& argument : arguments) {
        if (!parameters.empty())
            parameters += L' ';
        parameters += quoteArgument(widen(argument));
    }
    SHELLEXECUTEINFOW info{};
    info.cbSize = sizeof info;
    info.fMask = SEE_MASK_NOASYNC;
    info.lpVerb = L"runas";
    info.lpFile = file.c_str();
    info.lpParameters = parameters.empty() ? nullptr : parameters.c_str();
    info.nShow = SW_SHOWNORMAL;
    if (!ShellExecuteExW(&info))
        return static_cast<std::uint32_t>(GetLastError());
    return 0;
}

} // namespace

// %SystemRoot%\System32\<program>, never one found on PATH, with fixed arguments.
win32::ProcessOutput runSystem32Program(std::string_view program,
                                        const std::vector<std::string>& arguments)
{
    constexpr DWORD kTimeoutMs = 30000;
    constexpr std::size_t kMaxOutput = 1 << 20;
    win32::ProcessOutput result;

    wchar_t system[MAX_PATH];
    const UINT length = GetSystemDirectoryW(system, MAX_PATH);
    if (length == 0 || length >= MAX_PATH) {
        result.error = GetLastError();
        return result;
    }
    const std::wstring path = std::wstring(system, length) + L"\\" + widen(program);
    std::wstring commandLine = L"\"" + path + L"\"";
    for (const auto& argument : arguments)
        commandLine += L" " + quoteArgument(widen(argument));

    SECURITY_ATTRIBUTES inheritable{sizeof inheritable, nullptr, TRUE};
    HANDLE readEnd = nullptr;
    HANDLE writeEnd = nullptr;
    if (!CreatePipe(&readEnd, &writeEnd, &inheritable, 0)) {
        result.error = GetLastError();
        return result;
    }
    SetHandleInformation(readEnd, HANDLE_FLAG_INHERIT, 0);
    HANDLE input = CreateFileW(L"NUL", GENERIC_READ, FILE_SHARE_READ | FILE_SHARE_WRITE,
                               &inheritable, OPEN_EXISTING, 0, nullptr);

    // netsh inherits exactly these handles, so that a process another thread starts at the
    // same moment cannot inherit our pipe and keep it open.
    HANDLE inherited[2] = {writeEnd, input};
    const DWORD inheritedCount = input == INVALID_HANDLE_VALUE ? 1 : 2;
    SIZE_T listSize = 0;
    InitializeProcThreadAttributeList(nullptr, 1, 0, &listSize);
    std::vector<std::byte> listBuffer(listSize);
    auto* list = reinterpret_cast<LPPROC_THREAD_ATTRIBUTE_LIST>(listBuffer.data());
    bool haveList = InitializeProcThreadAttributeList(list, 1, 0, &listSize) &&
                    UpdateProcThreadAttribute(list, 0, PROC_THREAD_ATTRIBUTE_HANDLE_LIST, inherited,
                                              inheritedCount * sizeof(HANDLE), nullptr, nullptr);

    STARTUPINFOEXW startup{};
    startup.StartupInfo.cb = sizeof startup;
    startup.StartupInfo.dwFlags = STARTF_USESTDHANDLES;
    startup.StartupInfo.hStdInput = input == INVALID_HANDLE_VALUE ? nullptr : input;
    startup.StartupInfo.hStdOutput = writeEnd;
    startup.StartupInfo.hStdError = writeEnd;
    startup.lpAttributeList = haveList ? list : nullptr;
    PROCESS_INFORMATION process{};
    const BOOL created =
        CreateProcessW(path.c_str(), commandLine.data(), nullptr, nullptr, TRUE,
                       CREATE_NO_WINDOW | (haveList ? EXTENDED_STARTUPINFO_PRESENT : 0), nullptr,
                       nullptr, &startup.StartupInfo, &process);
    const DWORD createError = created ? 0 : GetLastError();
    if (haveList)
        DeleteProcThreadAttributeList(list);
    CloseHandle(writeEnd);
    if (input != INVALID_HANDLE_VALUE)
        CloseHandle(input);
    if (!created) {
        CloseHandle(readEnd);
        result.error = createError;
        return result;
    }
    CloseHandle(process.hThread);

    std::string raw;
    std::thread reader([&raw, readEnd] {
        char buffer[4096];
        DWORD got = 0;
        while (ReadFile(readEnd, buffer, sizeof buffer, &got, nullptr) && got > 0) {
            if (raw.size() < kMaxOutput)
                raw.append(buffer, got);
        }
    });
    if (WaitForSingleObject(process.hProcess, kTimeoutMs) != WAIT_OBJECT_0) {
        TerminateProcess(process.hProcess, 1);
        WaitForSingleObject(process.hProcess, 5000);
        result.error = WAIT_TIMEOUT;
    }
    reader.join(); // the pipe ends when netsh has exited
    DWORD exitCode = 0;
    GetExitCodeProcess(process.hProcess, &exitCode);
    CloseHandle(process.hProcess);
    CloseHandle(readEnd);
    result.exitCode = exitCode;
    result.output = decodeConsoleOutput(raw);
    return result;
}

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
    api.hostName = dnsHostName;
    api.formatMessage = formatMessage;
    api.readRegistryValues = readRegistryValues;
    api.runNetsh = [](const std::vector<std::string>& arguments) {
        return runSystem32Program("netsh.exe", arguments);
    };
    api.shellExecuteRunAs = shellExecuteRunAs;
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
