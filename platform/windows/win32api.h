// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <chrono>
#include <cstdint>
#include <functional>
#include <stop_token>
#include <string>
#include <string_view>
#include <vector>

// The Win32 and Winsock calls WindowsBackend makes (docs/windows-semantics.md#persistent-calls,
// #runtime-ioctls), as a table of functions with portable
// types, so that the backend compiles on every OS and its unit tests can script every answer
// Windows may give. win32api_real.cpp fills it with the real functions and static_asserts
// every constant and layout below against the Windows SDK.
namespace portolan {

namespace win32 {

using SocketHandle = std::uintptr_t; // SOCKET
inline constexpr SocketHandle kInvalidSocket = ~SocketHandle(0);
inline constexpr int kSocketError = -1;

inline constexpr int kAfInet = 2;   // AF_INET
inline constexpr int kAfInet6 = 23; // AF_INET6 (Windows' value, not Linux's 10)
inline constexpr int kSockStream = 1;
inline constexpr int kSockDgram = 2;
inline constexpr int kSockRaw = 3;

// mstcpip.h: _WSAIOW(IOC_VENDOR, 100 / 101 / 102)
inline constexpr std::uint32_t kSioAcquirePortReservation = 0x98000064;
inline constexpr std::uint32_t kSioReleasePortReservation = 0x98000065;
inline constexpr std::uint32_t kSioAssociatePortReservation = 0x98000066;

inline constexpr std::uint32_t kErrorFileNotFound = 2;
inline constexpr std::uint32_t kErrorInsufficientBuffer = 122;
inline constexpr std::uint32_t kErrorCancelled = 1223; // the user declined the UAC prompt
inline constexpr std::uint32_t kWaitTimeout = 258;     // WAIT_TIMEOUT

// winsock2.h: setsockopt's level and the two options of the bind table.
inline constexpr int kSolSocket = 0xffff;
inline constexpr int kSoReuseAddr = 0x0004;
inline constexpr int kSoExclusiveAddrUse = ~kSoReuseAddr;

// iprtrmib.h
inline constexpr std::uint32_t kTcpTableOwnerPidAll = 5;  // TCP_TABLE_OWNER_PID_ALL
inline constexpr std::uint32_t kUdpTableOwnerPid = 1;     // UDP_TABLE_OWNER_PID
inline constexpr std::uint32_t kMibTcpStateListen = 2;    // MIB_TCP_STATE_LISTEN
inline constexpr std::uint32_t kMibTcpStateTimeWait = 11; // MIB_TCP_STATE_TIME_WAIT

// INET_PORT_RANGE: StartPort in network byte order.
struct InetPortRange
{
    std::uint16_t startPort = 0;
    std::uint16_t numberOfPorts = 0;
};
static_assert(sizeof(InetPortRange) == 4);

// INET_PORT_RESERVATION_INSTANCE: the granted range and its token (ULONG64, 8-aligned).
struct InetPortReservationInstance
{
    InetPortRange reservation;
    std::uint64_t token = 0;
};
static_assert(sizeof(InetPortReservationInstance) == 16);

// SOCKADDR_IN: port and address in network byte order.
struct SockAddrIn
{
    std::uint16_t family = kAfInet;
    std::uint16_t port = 0;
    std::uint8_t address[4] = {};
    std::uint8_t zero[8] = {};
};
static_assert(sizeof(SockAddrIn) == 16);

// SOCKADDR_IN6
struct SockAddrIn6
{
    std::uint16_t family = kAfInet6;
    std::uint16_t port = 0;
    std::uint32_t flowInfo = 0;
    std::uint8_t address[16] = {};
    std::uint32_t scopeId = 0;
};
static_assert(sizeof(SockAddrIn6) == 28);

// The rows of the owner-pid tables. Ports are DWORDs whose first two bytes in memory are the
// port in network byte order; IPv4 addresses are DWORDs in network byte order. Every table
// is a DWORD row count followed by the rows, at offset 4.
struct MibTcpRowOwnerPid
{
    std::uint32_t state;
    std::uint8_t localAddress[4];
    std::uint8_t localPort[4];
    std::uint8_t remoteAddress[4];
    std::uint8_t remotePort[4];
    std::uint32_t owningPid;
};
static_assert(sizeof(MibTcpRowOwnerPid) == 24);

struct MibTcp6RowOwnerPid
{
    std::uint8_t localAddress[16];
    std::uint32_t localScopeId;
    std::uint8_t localPort[4];
    std::uint8_t remoteAddress[16];
    std::uint32_t remoteScopeId;
    std::uint8_t remotePort[4];
    std::uint32_t state;
    std::uint32_t owningPid;
};
static_assert(sizeof(MibTcp6RowOwnerPid) == 56);

struct MibUdpRowOwnerPid
{
    std::uint8_t localAddress[4];
    std::uint8_t localPort[4];
    std::uint32_t owningPid;
};
static_assert(sizeof(MibUdpRowOwnerPid) == 12);

struct MibUdp6RowOwnerPid
{
    std::uint8_t localAddress[16];
    std::uint32_t localScopeId;
    std::uint8_t localPort[4];
    std::uint32_t owningPid;
};
static_assert(sizeof(MibUdp6RowOwnerPid) == 28);

inline constexpr std::size_t kTableRowsOffset = 4;

// The port of a SOCKADDR or of a table row: two bytes in network byte order.
inline std::uint16_t portFromBytes(const std::uint8_t* bytes)
{
    return static_cast<std::uint16_t>((bytes[0] << 8) | bytes[1]);
}

// HCN_PORT_RANGE_ENTRY (computenetwork.h): one guest network port reservation, its ports in
// host order, both ends inclusive.
struct HcnPortRangeEntry
{
    std::uint8_t owningPartitionId[16];
    std::uint8_t targetPartitionId[16];
    std::uint32_t protocol; // HCN_PORT_PROTOCOL
    std::uint64_t priority;
    std::uint32_t reservationType;
    std::uint32_t sharingFlags;
    std::uint32_t deliveryMode;
    std::uint16_t startingPort;
    std::uint16_t endingPort;
};
static_assert(sizeof(HcnPortRangeEntry) == 64);
inline constexpr std::uint32_t kHcnPortProtocolTcp = 1;  // HCN_PORT_PROTOCOL_TCP
inline constexpr std::uint32_t kHcnPortProtocolUdp = 2;  // HCN_PORT_PROTOCOL_UDP
inline constexpr std::uint32_t kHcnPortProtocolBoth = 3; // HCN_PORT_PROTOCOL_BOTH

// What NtQuerySystemInformation(SystemTimeOfDayInformation) tells, in FILETIME units (100 ns
// since 1601). The kernel moves bootTime by every step of the clock and adds the same step to
// bootTimeBias, so bootTime - bootTimeBias stays what it was at boot.
struct TimeOfDay
{
    std::int64_t bootTime = 0;
    std::int64_t currentTime = 0;
    std::uint64_t bootTimeBias = 0;
};

// RTL_OSVERSIONINFOW's numbers as RtlGetVersion reports them (GetVersionEx would report
// what the program's manifest declares instead).
struct OsVersion
{
    std::uint32_t major = 0;
    std::uint32_t minor = 0;
    std::uint32_t build = 0;
};

struct RegistryValue
{
    std::string name;       // UTF-8
    std::uint32_t type = 0; // REG_BINARY = 3, ...
    std::vector<std::uint8_t> data;
};

// What ShellExecuteExW answered.
struct ShellExecuteOutcome
{
    std::uint32_t error = 0;     // Win32 error (kErrorCancelled: the user declined); 0 on success
    bool processStarted = false; // it returned a process handle: the program is running
};

// One argument as CommandLineToArgvW reads it back: quoted when it is empty or has blanks or
// quotes, backslashes doubled only where they precede a quote. UTF-8 in and out.
std::string quoteArgument(std::string_view argument);
// The arguments quoted and joined by spaces: lpParameters of ShellExecuteEx.
std::string commandLineParameters(const std::vector<std::string>& arguments);

// SERVICE_STATUS_PROCESS, the part of it the backend reads (winsvc.h).
inline constexpr std::uint32_t kServiceStopped = 1;      // SERVICE_STOPPED
inline constexpr std::uint32_t kServiceStartPending = 2; // SERVICE_START_PENDING
inline constexpr std::uint32_t kServiceStopPending = 3;  // SERVICE_STOP_PENDING
inline constexpr std::uint32_t kServiceRunning = 4;      // SERVICE_RUNNING
struct ServiceStatus
{
    std::uint32_t currentState = 0;
    std::uint32_t processId = 0;
    std::uint32_t waitHint = 0; // ms the service expects its pending state to take
};

struct ProcessOutput
{
    std::uint32_t error = 0;    // Win32 error when the program could not be run; 0 when it ran
    std::uint32_t exitCode = 0; // the program's exit code when it ran
    std::string output;         // stdout and stderr, UTF-8
};

} // namespace win32

// A null entry means "this system does not have it": the backend answers Unsupported. The
// entries that may wait on a driver or another process for good (the registry, HCN, the
// IOCTLs, and any such call added later) are made through win32::PendingCalls::run
// (blockingcall.h), on a thread of their own with a deadline: they must be safe to call from
// any thread and to outlive their caller.
struct Win32Api
{
    // iphlpapi, resolved at run time (Wine and some editions lack them). startPort is in
    // network byte order; the result is a Win32 error code.
    using ReserveFunction = std::function<std::uint32_t(
        std::uint16_t startPort, std::uint16_t numberOfPorts, std::uint64_t* token)>;
    using DeleteFunction =
        std::function<std::uint32_t(std::uint16_t startPort, std::uint16_t numberOfPorts)>;
    ReserveFunction createPersistentTcpPortReservation;
    ReserveFunction createPersistentUdpPortReservation;
    ReserveFunction lookupPersistentTcpPortReservation;
    ReserveFunction lookupPersistentUdpPortReservation;
    DeleteFunction deletePersistentTcpPortReservation;
    DeleteFunction deletePersistentUdpPortReservation;

    // Winsock. Failing calls return kInvalidSocket / kSocketError and leave the code for
    // wsaGetLastError (per thread, as Winsock does).
    std::function<win32::SocketHandle(int family, int type, int protocol)> socket;
    std::function<int(win32::SocketHandle)> closeSocket;
    std::function<int(win32::SocketHandle, const void* address, int addressLength)> bind;
    std::function<int(win32::SocketHandle, void* address, int* addressLength)> getSockName;
    std::function<int(win32::SocketHandle, int level, int option, const void* value, int length)>
        setSockOpt;
    // WSAIoctl without the overlapped arguments.
    std::function<int(win32::SocketHandle, std::uint32_t code, const void* in, std::uint32_t inSize,
                      void* out, std::uint32_t outSize, std::uint32_t* bytesReturned)>
        wsaIoctl;
    std::function<int()> wsaGetLastError;

    // GetExtendedTcpTable / GetExtendedUdpTable (order unsorted); a Win32 error code,
    // kErrorInsufficientBuffer with *size set to what is needed.
    using TableFunction = std::function<std::uint32_t(void* table, std::uint32_t* size, int family,
                                                      std::uint32_t tableClass)>;
    TableFunction getExtendedTcpTable;
    TableFunction getExtendedUdpTable;

    // The image file name of a process ("svchost.exe"); empty when it cannot be known.
    std::function<std::string(std::uint32_t pid)> processImageName;
    // TokenElevation of the process token.
    std::function<bool()> isElevated;
    std::function<std::uint64_t()> tickCount64; // GetTickCount64: ms since boot
    std::function<std::int64_t()> unixTimeMs;   // now, ms since 1970 (UTC)
    // ntdll's NtQuerySystemInformation(SystemTimeOfDayInformation), resolved at run time;
    // false when the call failed.
    std::function<bool(win32::TimeOfDay&)> queryTimeOfDay;
    std::function<std::string()> hostName; // DNS host name, UTF-8
    // ntdll's RtlGetVersion, resolved at run time; false when the call failed.
    std::function<bool(win32::OsVersion&)> osVersion;
    // FormatMessage's text for a Win32/Winsock code in the user's language, without the
    // trailing line break; empty when the system has none.
    std::function<std::string(std::uint32_t code)> formatMessage;
    // Every value of HKEY_LOCAL_MACHINE\<subkey>, read only; a Win32 error code.
    std::function<std::uint32_t(std::string_view subkey, std::vector<win32::RegistryValue>& values)>
        readRegistryValues;
    // computenetwork.dll's HcnEnumerateGuestNetworkPortReservations, resolved at run time
    // (absent before Windows 10 1809 and without the Host Network Service): the entries copied
    // out and the system's copy freed with HcnFreeGuestNetworkPortReservations; an HRESULT.
    std::function<std::int32_t(std::vector<win32::HcnPortRangeEntry>& entries)>
        enumerateGuestNetworkPortReservations;
    // %SystemRoot%\System32\netsh.exe with these arguments (CreateProcess, no shell), its
    // output captured. Ended after `timeout` (error kWaitTimeout) or when `stop` is requested
    // (error kErrorCancelled).
    std::function<win32::ProcessOutput(const std::vector<std::string>& arguments,
                                       std::chrono::milliseconds timeout, std::stop_token stop)>
        runNetsh;
    // ShellExecuteExW of `file` (UTF-8 path) with `verb` ("runas": the UAC prompt) and the
    // command line `parameters` as given (quoted for CommandLineToArgvW), with
    // SEE_MASK_NOCLOSEPROCESS; not waited for. The process handle, when Windows gives one, is
    // closed here.
    std::function<win32::ShellExecuteOutcome(const std::string& file, const std::string& verb,
                                             const std::string& parameters)>
        shellExecute;
    // The Service Control Manager, each call opening the manager and the service by its key
    // name (UTF-8) and closing both again; a Win32 error code. queryService asks only for
    // SERVICE_QUERY_STATUS (no elevation needed): QueryServiceStatusEx and
    // GetServiceDisplayNameW. stopService is ControlService(SERVICE_CONTROL_STOP), startService
    // StartServiceW without arguments; neither waits for the new state.
    std::function<std::uint32_t(std::string_view name, win32::ServiceStatus& status,
                                std::string& displayName)>
        queryService;
    std::function<std::uint32_t(std::string_view name)> stopService;
    std::function<std::uint32_t(std::string_view name)> startService;
};

} // namespace portolan
