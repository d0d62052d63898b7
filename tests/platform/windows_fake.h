// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The scripted Windows the windows backend's unit tests run against (windows_*_test.cpp).
#include "platform/inetaddress.h"
#include "platform/nativecodes.h"
#include "platform/windows/windowsbackend.h"

#include <doctest/doctest.h>

#include <condition_variable>
#include <cstring>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <set>
#include <string>
#include <type_traits>
#include <vector>

namespace portolan::testing {

namespace w = portolan::win32;

// The error of a result for a failure message; empty when it succeeded (doctest evaluates
// the message even on success when asked to log successes, -s).
template <typename R> inline std::string why(const R& result)
{
    return result.ok() ? std::string() : result.error().describe();
}

inline thread_local int t_lastError = 0; // WSAGetLastError is per thread

inline std::vector<std::uint8_t> bytesOf(const void* data, std::size_t size)
{
    const auto* p = static_cast<const std::uint8_t*>(data);
    return std::vector<std::uint8_t>(p, p + size);
}

// Where the test holds the calls it scripted to hang: each waits in enter() until release(),
// which in turn waits until every held call has left the fake, so that no abandoned thread is
// still inside it when the test ends. Shared with the calls, which use it after leaving.
class Hold
{
public:
    void enter()
    {
        std::unique_lock lock(m_mutex);
        ++m_entered;
        m_changed.notify_all();
        m_changed.wait(lock, [this] { return m_released; });
    }
    void leave()
    {
        std::lock_guard lock(m_mutex);
        ++m_left;
        m_changed.notify_all();
    }
    void waitForEntered(int count)
    {
        std::unique_lock lock(m_mutex);
        m_changed.wait(lock, [&] { return m_entered >= count; });
    }
    void release()
    {
        std::unique_lock lock(m_mutex);
        m_released = true;
        m_changed.notify_all();
        m_changed.wait(lock, [this] { return m_left == m_entered; });
    }
    int entered()
    {
        std::lock_guard lock(m_mutex);
        return m_entered;
    }

private:
    std::mutex m_mutex;
    std::condition_variable m_changed;
    int m_entered = 0;
    int m_left = 0;
    bool m_released = false;
};

// A Windows that records every call and answers as scripted. Its persistent-reservation
// functions keep real state, reading the start port the way Windows does (network order).
class FakeWindows
{
public:
    FakeWindows() = default;
    FakeWindows(const FakeWindows&) = delete;
    FakeWindows& operator=(const FakeWindows&) = delete;
    // A held call let go here may still close its socket on its way out: wait for that too.
    ~FakeWindows()
    {
        if (m_hold->entered() == 0)
            return;
        release();
        std::unique_lock lock(m_mutex);
        m_changed.wait(lock, [this] { return open.empty(); });
    }

    struct ReserveCall
    {
        std::string function;
        std::uint16_t startPort; // as passed
        std::uint16_t numberOfPorts;
        friend bool operator==(const ReserveCall&, const ReserveCall&) = default;
    };
    struct IoctlCall
    {
        w::SocketHandle socket;
        std::uint32_t code;
        std::vector<std::uint8_t> in;
        std::uint32_t outSize;
        bool outNull;
    };
    struct BindCall
    {
        w::SocketHandle socket;
        std::vector<std::uint8_t> address;
    };

    // Scripted answers.
    std::uint32_t reserveAnswer = 0; // the Win32 code the six functions return
    std::uint64_t nextToken = 0x1122334455667788ULL;
    int ioctlError = 0; // WSA code for every IOCTL; 0 = success
    w::InetPortReservationInstance acquireAnswer{{hostToNetwork(50100), 10}, 0xA1B2C3D4E5F6ULL};
    std::map<std::uint16_t, int> bindErrors; // port -> WSA code
    int socketError = 0;                     // socket() fails with this when set
    w::ProcessOutput netshAnswer;
    std::map<std::string, std::string> netshOutputs; // last argument -> output
    std::uint32_t registryError = 0;
    std::map<std::string, std::vector<w::RegistryValue>> registry;
    std::vector<std::uint8_t> tcp4, tcp6, udp4, udp6; // GetExtended*Table answers
    std::int64_t clockMs = 1'700'000'000'400;         // the wall clock, 2023-11-14
    std::uint64_t tickMs = 3'600'000;                 // GetTickCount64: up one hour
    std::optional<w::TimeOfDay> timeOfDay;            // the kernel's answer; none: no ntdll entry
    // HcnEnumerateGuestNetworkPortReservations: absent unless set.
    std::optional<std::vector<w::HcnPortRangeEntry>> hcnEntries;
    std::int32_t hcnResult = 0;
    bool netshTimesOut = false;     // every netsh run answers WAIT_TIMEOUT
    bool netshWaitsForStop = false; // netsh runs until cancelled
    // Calls that hang until release(), then answer as scripted.
    bool registryHangs = false;  // every registry read
    std::string registryHangsOn; // the reads of this one key
    bool hcnHangs = false;       // HcnEnumerateGuestNetworkPortReservations (then present)
    bool ioctlHangs = false;     // every WSAIoctl
    bool serviceHangs = false;   // every Service Control Manager call
    w::ShellExecuteOutcome shellAnswer{0, true}; // ShellExecuteExW: started
    // The Service Control Manager: installed services by key name. A stop or start leaves the
    // service pending for `pendingQueries` queries; then it is in the new state, or back in
    // the old one when it `bounces`.
    struct FakeService
    {
        std::string displayName;
        std::uint32_t state = w::kServiceRunning;
        std::uint32_t pid = 0;
        std::uint32_t stopError = 0;  // ControlService answers this when set
        std::uint32_t startError = 0; // StartService answers this when set
        int pendingQueries = 1;
        bool bounces = false;
        std::uint32_t target = 0; // while pending: the state it goes to
        int left = 0;
    };
    std::map<std::string, FakeService> services;
    bool withServices = true;
    std::vector<std::string> serviceCalls; // "query winnat", "stop winnat", "start hns"

    // Recorded calls.
    struct ShellCall
    {
        std::string file, verb, parameters;
        friend bool operator==(const ShellCall&, const ShellCall&) = default;
    };
    std::vector<ShellCall> shellCalls;
    std::vector<ReserveCall> reserveCalls;
    std::vector<IoctlCall> ioctls;
    std::vector<BindCall> binds;
    std::vector<std::vector<std::string>> netshCalls;
    std::vector<std::chrono::milliseconds> netshTimeouts;
    bool netshStarted = false;
    // socket, setsockopt and bind, in order: "setsockopt 256 65535 -5 1", "bind 256".
    std::vector<std::string> socketEvents;
    std::set<w::SocketHandle> open;
    int closed = 0;
    int closedDuringIoctl = 0; // closesocket while an IOCTL on the socket was in progress
    int registryReads = 0;

    // What Windows holds after the calls: (function protocol, start as Windows read it, count).
    std::map<std::pair<std::string, std::pair<std::uint16_t, std::uint16_t>>, std::uint64_t>
        reserved;

    Win32Api api(bool withPersistent = true)
    {
        Win32Api api;
        if (withPersistent) {
            api.createPersistentTcpPortReservation = reserve("CreatePersistentTcpPortReservation");
            api.createPersistentUdpPortReservation = reserve("CreatePersistentUdpPortReservation");
            api.lookupPersistentTcpPortReservation = reserve("LookupPersistentTcpPortReservation");
            api.lookupPersistentUdpPortReservation = reserve("LookupPersistentUdpPortReservation");
            api.deletePersistentTcpPortReservation = remove("DeletePersistentTcpPortReservation");
            api.deletePersistentUdpPortReservation = remove("DeletePersistentUdpPortReservation");
        }
        api.socket = [this](int, int, int) -> w::SocketHandle {
            std::lock_guard lock(m_mutex);
            if (socketError != 0) {
                t_lastError = socketError;
                return w::kInvalidSocket;
            }
            const w::SocketHandle handle = m_nextSocket++;
            open.insert(handle);
            return handle;
        };
        api.closeSocket = [this](w::SocketHandle handle) {
            std::lock_guard lock(m_mutex);
            if (m_inIoctl.count(handle) != 0)
                ++closedDuringIoctl;
            open.erase(handle);
            ++closed;
            m_changed.notify_all();
            return 0;
        };
        api.bind = [this](w::SocketHandle handle, const void* address, int length) {
            std::lock_guard lock(m_mutex);
            binds.push_back({handle, bytesOf(address, static_cast<std::size_t>(length))});
            socketEvents.push_back("bind " + std::to_string(handle));
            const auto* bytes = static_cast<const std::uint8_t*>(address);
            const auto port = static_cast<std::uint16_t>((bytes[2] << 8) | bytes[3]);
            if (auto found = bindErrors.find(port); found != bindErrors.end()) {
                t_lastError = found->second;
                return w::kSocketError;
            }
            m_bound[handle] = std::vector<std::uint8_t>(bytes, bytes + length);
            if (port == 0) { // the system picks one
                m_bound[handle][2] = 0xc3;
                m_bound[handle][3] = 0x51; // 50001
            }
            return 0;
        };
        api.setSockOpt = [this](w::SocketHandle handle, int level, int option, const void* value,
                                int length) {
            std::lock_guard lock(m_mutex);
            int on = 0;
            if (length == sizeof on)
                std::memcpy(&on, value, sizeof on);
            socketEvents.push_back("setsockopt " + std::to_string(handle) + " " +
                                   std::to_string(level) + " " + std::to_string(option) + " " +
                                   std::to_string(on));
            return 0;
        };
        api.getSockName = [this](w::SocketHandle handle, void* address, int* length) {
            std::lock_guard lock(m_mutex);
            const auto& bound = m_bound[handle];
            std::memcpy(address, bound.data(), bound.size());
            *length = static_cast<int>(bound.size());
            return 0;
        };
        api.wsaIoctl = [this](w::SocketHandle handle, std::uint32_t code, const void* in,
                              std::uint32_t inSize, void* out, std::uint32_t outSize,
                              std::uint32_t* returned) {
            {
                std::lock_guard lock(m_mutex);
                m_inIoctl.insert(handle);
            }
            return held(ioctlHangs, [&] {
                std::lock_guard lock(m_mutex);
                m_inIoctl.erase(m_inIoctl.find(handle));
                ioctls.push_back({handle, code, bytesOf(in, inSize), outSize, out == nullptr});
                if (ioctlError != 0) {
                    t_lastError = ioctlError;
                    return w::kSocketError;
                }
                if (code == w::kSioAcquirePortReservation && out) {
                    std::memcpy(out, &acquireAnswer, sizeof acquireAnswer);
                    *returned = sizeof acquireAnswer;
                }
                return 0;
            });
        };
        api.wsaGetLastError = [] { return t_lastError; };
        api.getExtendedTcpTable = [this](void* table, std::uint32_t* size, int family,
                                         std::uint32_t tableClass) {
            CHECK(tableClass == w::kTcpTableOwnerPidAll);
            return answerTable(family == w::kAfInet ? tcp4 : tcp6, table, size);
        };
        api.getExtendedUdpTable = [this](void* table, std::uint32_t* size, int family,
                                         std::uint32_t tableClass) {
            CHECK(tableClass == w::kUdpTableOwnerPid);
            return answerTable(family == w::kAfInet ? udp4 : udp6, table, size);
        };
        api.processImageName = [](std::uint32_t pid) {
            return pid == 100 ? std::string("node.exe") : std::string();
        };
        api.isElevated = [] { return true; };
        api.tickCount64 = [this] { return tickMs; };
        api.unixTimeMs = [this] { return clockMs; };
        api.queryTimeOfDay = [this](w::TimeOfDay& out) {
            if (!timeOfDay)
                return false;
            out = *timeOfDay;
            return true;
        };
        if (hcnEntries || hcnHangs) {
            api.enumerateGuestNetworkPortReservations =
                [this](std::vector<w::HcnPortRangeEntry>& entries) {
                    return held(hcnHangs, [&] {
                        entries = hcnEntries.value_or(std::vector<w::HcnPortRangeEntry>{});
                        return hcnResult;
                    });
                };
        }
        api.shellExecute = [this](const std::string& file, const std::string& verb,
                                  const std::string& parameters) {
            shellCalls.push_back({file, verb, parameters});
            return shellAnswer;
        };
        if (withServices)
            addServiceCalls(api);
        api.hostName = [] { return std::string("DEVBOX"); };
        api.formatMessage = [](std::uint32_t code) {
            return "System text for " + std::to_string(code) + ".\r\n";
        };
        api.readRegistryValues = [this](std::string_view key, std::vector<w::RegistryValue>& out) {
            return held(registryHangs || key == registryHangsOn, [&] {
                std::lock_guard lock(m_mutex);
                ++registryReads;
                if (registryError != 0)
                    return registryError;
                out = registry[std::string(key)];
                return std::uint32_t(0);
            });
        };
        api.runNetsh = [this](const std::vector<std::string>& arguments,
                              std::chrono::milliseconds timeout, std::stop_token stop) {
            std::unique_lock lock(m_mutex);
            netshCalls.push_back(arguments);
            netshTimeouts.push_back(timeout);
            if (netshTimesOut)
                return w::ProcessOutput{w::kWaitTimeout, 1, ""};
            if (netshWaitsForStop) {
                netshStarted = true;
                m_changed.notify_all();
                m_changed.wait(lock, stop, [] { return false; });
                return w::ProcessOutput{w::kErrorCancelled, 1, ""};
            }
            w::ProcessOutput answer = netshAnswer;
            if (auto found = netshOutputs.find(arguments.back()); found != netshOutputs.end())
                answer.output = found->second;
            return answer;
        };
        return api;
    }

private:
    void addServiceCalls(Win32Api& api)
    {
        api.queryService = [this](std::string_view name, w::ServiceStatus& status,
                                  std::string& displayName) -> std::uint32_t {
            return held(serviceHangs, [&] { return query(name, status, displayName); });
        };
        const auto change = [this](std::string_view name, bool start) -> std::uint32_t {
            return held(serviceHangs, [&] { return changeState(name, start); });
        };
        api.stopService = [change](std::string_view name) { return change(name, false); };
        api.startService = [change](std::string_view name) { return change(name, true); };
    }

    std::uint32_t query(std::string_view name, w::ServiceStatus& status, std::string& displayName)
    {
        std::lock_guard lock(m_mutex);
        serviceCalls.push_back("query " + std::string(name));
        auto found = services.find(std::string(name));
        if (found == services.end())
            return std::uint32_t(native::kErrorServiceDoesNotExist);
        FakeService& svc = found->second;
        if (svc.target != 0 && svc.left-- <= 0) {
            svc.state = svc.target;
            svc.target = 0;
        }
        status.currentState = svc.state;
        status.processId = svc.state == w::kServiceStopped ? 0 : svc.pid;
        status.waitHint = 0;
        displayName = svc.displayName;
        return 0;
    }

    std::uint32_t changeState(std::string_view name, bool start)
    {
        std::lock_guard lock(m_mutex);
        serviceCalls.push_back((start ? "start " : "stop ") + std::string(name));
        auto found = services.find(std::string(name));
        if (found == services.end())
            return std::uint32_t(native::kErrorServiceDoesNotExist);
        FakeService& svc = found->second;
        if (std::uint32_t error = start ? svc.startError : svc.stopError)
            return error;
        if (start && svc.state != w::kServiceStopped)
            return std::uint32_t(native::kErrorServiceAlreadyRunning);
        if (!start && svc.state != w::kServiceRunning)
            return std::uint32_t(native::kErrorServiceNotActive);
        svc.state = start ? w::kServiceStartPending : w::kServiceStopPending;
        svc.target = (start != svc.bounces) ? w::kServiceRunning : w::kServiceStopped;
        svc.left = svc.pendingQueries;
        return 0;
    }

    Win32Api::ReserveFunction reserve(std::string function)
    {
        return [this, function](std::uint16_t start, std::uint16_t count, std::uint64_t* token) {
            std::lock_guard lock(m_mutex);
            reserveCalls.push_back({function, start, count});
            if (reserveAnswer != 0)
                return reserveAnswer;
            // Windows reads the start port in network order.
            const auto key = std::pair(function.substr(function.find("Persistent") + 10, 3),
                                       std::pair(networkToHost(start), count));
            if (function.rfind("Create", 0) == 0) {
                reserved[key] = nextToken;
                *token = nextToken;
                return std::uint32_t(0);
            }
            auto found = reserved.find(key);
            if (found == reserved.end())
                return std::uint32_t(native::kErrorNotFound);
            *token = found->second;
            return std::uint32_t(0);
        };
    }

    Win32Api::DeleteFunction remove(std::string function)
    {
        return [this, function](std::uint16_t start, std::uint16_t count) {
            std::lock_guard lock(m_mutex);
            reserveCalls.push_back({function, start, count});
            if (reserveAnswer != 0)
                return reserveAnswer;
            const auto key = std::pair(function.substr(function.find("Persistent") + 10, 3),
                                       std::pair(networkToHost(start), count));
            return std::uint32_t(reserved.erase(key) ? 0 : native::kErrorNotFound);
        };
    }

    static std::uint32_t answerTable(const std::vector<std::uint8_t>& table, void* out,
                                     std::uint32_t* size)
    {
        if (!out || *size < table.size()) {
            *size = static_cast<std::uint32_t>(table.size());
            return w::kErrorInsufficientBuffer;
        }
        if (!table.empty()) // an empty vector's data() may be null, which memcpy must not get
            std::memcpy(out, table.data(), table.size());
        return 0;
    }

    // The call, held first when it hangs. After leave() nothing of this fake is touched: the
    // test may end as soon as release() returns.
    template <typename Body> std::invoke_result_t<Body&> held(bool hangs, Body body)
    {
        if (!hangs)
            return body();
        std::shared_ptr<Hold> hold = m_hold;
        hold->enter();
        auto answer = body();
        hold->leave();
        return answer;
    }

public:
    // Blocks until `count` calls scripted to hang have started.
    void waitForHungCalls(int count = 1) { m_hold->waitForEntered(count); }
    // Lets every hung call (and every later one) answer, and waits until they have.
    void release() { m_hold->release(); }
    // Blocks until every socket is closed.
    void waitForAllClosed()
    {
        std::unique_lock lock(m_mutex);
        m_changed.wait(lock, [this] { return open.empty(); });
    }

    // Blocks until a netsh run has started (netshWaitsForStop).
    void waitForNetsh()
    {
        std::unique_lock lock(m_mutex);
        m_changed.wait(lock, [this] { return netshStarted; });
    }

private:
    std::mutex m_mutex;
    std::condition_variable_any m_changed;
    w::SocketHandle m_nextSocket = 0x100;
    std::map<w::SocketHandle, std::vector<std::uint8_t>> m_bound;
    std::multiset<w::SocketHandle> m_inIoctl;
    std::shared_ptr<Hold> m_hold = std::make_shared<Hold>();
};

template <typename Row> inline std::vector<std::uint8_t> table(const std::vector<Row>& rows)
{
    std::vector<std::uint8_t> bytes(w::kTableRowsOffset + rows.size() * sizeof(Row));
    const auto count = static_cast<std::uint32_t>(rows.size());
    std::memcpy(bytes.data(), &count, sizeof count);
    if (!rows.empty())
        std::memcpy(bytes.data() + w::kTableRowsOffset, rows.data(), rows.size() * sizeof(Row));
    return bytes;
}

// A port as the tables store it: network order in the first two bytes of a DWORD.
inline void setPort(std::uint8_t* field, std::uint16_t port)
{
    field[0] = static_cast<std::uint8_t>(port >> 8);
    field[1] = static_cast<std::uint8_t>(port & 0xff);
    field[2] = field[3] = 0;
}

inline std::unique_ptr<Socket> openTcp(Backend& backend)
{
    auto socket = backend.openSocket(SocketSpec::forProtocol(Protocol::Tcp));
    REQUIRE(socket.ok());
    return std::move(socket.value());
}

inline bool contains(const std::string& text, const std::string& part)
{
    return text.find(part) != std::string::npos;
}

} // namespace portolan::testing
