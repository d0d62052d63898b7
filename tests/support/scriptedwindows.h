// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// A quiet Windows machine behind the Win32Api seam, for the tests and benchmarks that drive the
// real WindowsBackend from the GUI side (tst_firstframe, startup-bench-slow): iphlpapi keeps
// its persistent blocks, sockets bind, the owner-pid tables are empty, and netsh answers
// like an English Windows with WinNAT's block 2869-3368, but only once its gate opens: when
// a test calls open(), or `delay` after the first netsh run began. A run that is cancelled
// through its stop token meanwhile answers ERROR_CANCELLED, as the real seam does.
// hangRegistry() makes every registry read block until releaseRegistry(), as a hive held by a
// stuck driver would: the backend abandons such a read, so the test releases it before it ends.
//
// The doctest unit tests of the backend use the richer FakeWindows (tests/platform).

#include "platform/inetaddress.h"
#include "platform/windows/win32api.h"

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstring>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <stop_token>
#include <string>
#include <utility>
#include <vector>

namespace portolan::testsupport {

// Calls of one kind that wait in pass() while held, counted as they begin and return.
class Hold
{
public:
    void hang()
    {
        std::lock_guard lock(m_mutex);
        m_held = true;
    }
    void release()
    {
        {
            std::lock_guard lock(m_mutex);
            m_held = false;
        }
        m_released.notify_all();
    }
    void pass()
    {
        ++m_started;
        {
            std::unique_lock lock(m_mutex);
            m_released.wait(lock, [this] { return !m_held; });
        }
        ++m_returned;
    }
    int started() const { return m_started.load(); }
    int returned() const { return m_returned.load(); }

private:
    std::mutex m_mutex;
    std::condition_variable m_released;
    bool m_held = false;
    std::atomic<int> m_started{0};
    std::atomic<int> m_returned{0};
};

class ScriptedWindows : public std::enable_shared_from_this<ScriptedWindows>
{
public:
    static std::shared_ptr<ScriptedWindows> gated() { return std::make_shared<ScriptedWindows>(); }
    static std::shared_ptr<ScriptedWindows> delayed(std::chrono::milliseconds delay)
    {
        auto windows = std::make_shared<ScriptedWindows>();
        windows->m_delay = delay;
        return windows;
    }

    void open()
    {
        {
            std::lock_guard lock(m_mutex);
            m_open = true;
        }
        m_changed.notify_all();
    }

    // Every registry read, or every runtime-reservation IOCTL, waits until released.
    void hangRegistry() { m_registryHold.hang(); }
    void releaseRegistry() { m_registryHold.release(); }
    int registryReadsStarted() const { return m_registryHold.started(); }
    int registryReadsReturned() const { return m_registryHold.returned(); }
    void hangIoctls() { m_ioctlHold.hang(); }
    void releaseIoctls() { m_ioctlHold.release(); }
    int ioctlsStarted() const { return m_ioctlHold.started(); }
    int ioctlsReturned() const { return m_ioctlHold.returned(); }

    int netshStarted() const { return m_started.load(); }
    int netshReturned() const { return m_returned.load(); } // answered with output
    int netshCancelled() const { return m_cancelled.load(); }

    // The table, holding a reference to this machine so that it outlives the backend.
    Win32Api api()
    {
        namespace w = portolan::win32;
        std::shared_ptr<ScriptedWindows> self = shared_from_this();
        Win32Api api;
        api.createPersistentTcpPortReservation = reserve(self, "tcp", true);
        api.createPersistentUdpPortReservation = reserve(self, "udp", true);
        api.lookupPersistentTcpPortReservation = reserve(self, "tcp", false);
        api.lookupPersistentUdpPortReservation = reserve(self, "udp", false);
        api.deletePersistentTcpPortReservation = remove(self, "tcp");
        api.deletePersistentUdpPortReservation = remove(self, "udp");
        api.socket = [self](int, int, int) { return self->m_nextSocket++; };
        api.closeSocket = [](w::SocketHandle) { return 0; };
        api.bind = [self](w::SocketHandle handle, const void* address, int length) {
            std::lock_guard lock(self->m_mutex);
            const auto* bytes = static_cast<const std::uint8_t*>(address);
            auto& bound = self->m_bound[handle];
            bound.assign(bytes, bytes + length);
            if (bound[2] == 0 && bound[3] == 0) { // port 0: the system picks 50001
                bound[2] = 0xc3;
                bound[3] = 0x51;
            }
            return 0;
        };
        api.getSockName = [self](w::SocketHandle handle, void* address, int* length) {
            std::lock_guard lock(self->m_mutex);
            const auto& bound = self->m_bound[handle];
            if (!bound.empty())
                std::memcpy(address, bound.data(), bound.size());
            *length = static_cast<int>(bound.size());
            return 0;
        };
        api.setSockOpt = [](w::SocketHandle, int, int, const void*, int) { return 0; };
        // WSAEINVAL for every IOCTL: the IOCTLs exist, token 0 is not a reservation.
        api.wsaIoctl = [self](w::SocketHandle, std::uint32_t, const void*, std::uint32_t, void*,
                              std::uint32_t, std::uint32_t*) {
            self->m_ioctlHold.pass();
            return w::kSocketError;
        };
        api.wsaGetLastError = [] { return 10022; }; // WSAEINVAL
        auto emptyTable = [](void* table, std::uint32_t* size, int, std::uint32_t) {
            if (!table || *size < w::kTableRowsOffset) {
                *size = w::kTableRowsOffset;
                return w::kErrorInsufficientBuffer;
            }
            std::memset(table, 0, w::kTableRowsOffset);
            return std::uint32_t(0);
        };
        api.getExtendedTcpTable = emptyTable;
        api.getExtendedUdpTable = emptyTable;
        api.processImageName = [](std::uint32_t) { return std::string(); };
        api.isElevated = [] { return true; };
        api.tickCount64 = [] { return std::uint64_t(3'600'000); };
        api.unixTimeMs = [] { return std::int64_t(1'700'000'000'000); };
        api.hostName = [] { return std::string("WINBOX"); };
        api.formatMessage = [](std::uint32_t) { return std::string(); };
        api.readRegistryValues = [self](std::string_view, std::vector<w::RegistryValue>& values) {
            values.clear();
            self->m_registryHold.pass();
            return std::uint32_t(0);
        };
        api.runNetsh = [self](const std::vector<std::string>& arguments, std::chrono::milliseconds,
                              std::stop_token stop) { return self->netsh(arguments, stop); };
        return api;
    }

private:
    win32::ProcessOutput netsh(const std::vector<std::string>& arguments, std::stop_token stop)
    {
        ++m_started;
        {
            std::unique_lock lock(m_mutex);
            if (m_delay && !m_deadline)
                m_deadline = std::chrono::steady_clock::now() + *m_delay;
            auto isOpen = [this] { return m_open; };
            bool opened = m_deadline ? m_changed.wait_until(lock, stop, *m_deadline, isOpen)
                                     : m_changed.wait(lock, stop, isOpen);
            if (stop.stop_requested() && !opened) {
                ++m_cancelled;
                return {win32::kErrorCancelled, 1, ""};
            }
        }
        ++m_returned;
        const std::string& last = arguments.back();
        if (last == "tcp" || last == "udp") // show dynamicport
            return {0, 0,
                    "\r\nProtocol " + last +
                        " Dynamic Port Range\r\n---------------------------------\r\n"
                        "Start Port      : 49152\r\nNumber of Ports : 16384\r\n"};
        std::string output = "\r\nProtocol " + last.substr(last.find('=') + 1) +
                             " Port Exclusion Ranges\r\n\r\nStart Port    End Port\r\n"
                             "----------    --------\r\n";
        if (last == "protocol=tcp")
            output += "      2869        3368\r\n";
        return {0, 0, output + "\r\n* - Administered port exclusions.\r\n\r\n"};
    }

    static Win32Api::ReserveFunction reserve(std::shared_ptr<ScriptedWindows> self,
                                             std::string protocol, bool create)
    {
        return [self, protocol, create](std::uint16_t start, std::uint16_t count,
                                        std::uint64_t* token) {
            std::lock_guard lock(self->m_mutex);
            const auto key = std::pair(protocol, std::pair(networkToHost(start), count));
            if (create) {
                *token = self->m_reserved[key] = ++self->m_nextToken;
                return std::uint32_t(0);
            }
            auto found = self->m_reserved.find(key);
            if (found == self->m_reserved.end())
                return std::uint32_t(win32::kErrorFileNotFound);
            *token = found->second;
            return std::uint32_t(0);
        };
    }

    static Win32Api::DeleteFunction remove(std::shared_ptr<ScriptedWindows> self,
                                           std::string protocol)
    {
        return [self, protocol](std::uint16_t start, std::uint16_t count) {
            std::lock_guard lock(self->m_mutex);
            const auto key = std::pair(protocol, std::pair(networkToHost(start), count));
            return std::uint32_t(self->m_reserved.erase(key) ? 0 : win32::kErrorFileNotFound);
        };
    }

    std::optional<std::chrono::milliseconds> m_delay;
    std::mutex m_mutex;
    std::condition_variable_any m_changed;
    std::optional<std::chrono::steady_clock::time_point> m_deadline;
    bool m_open = false;
    Hold m_registryHold;
    Hold m_ioctlHold;
    std::atomic<int> m_started{0};
    std::atomic<int> m_returned{0};
    std::atomic<int> m_cancelled{0};
    std::atomic<win32::SocketHandle> m_nextSocket{0x100};
    std::map<win32::SocketHandle, std::vector<std::uint8_t>> m_bound;
    std::map<std::pair<std::string, std::pair<std::uint16_t, std::uint16_t>>, std::uint64_t>
        m_reserved;
    std::uint64_t m_nextToken = 0x5000;
};

} // namespace portolan::testsupport
