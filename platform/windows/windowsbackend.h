// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "../backend.h"
#include "../error.h"
#include "../types.h"
#include "blockingcall.h"
#include "win32api.h"

#include <chrono>
#include <memory>
#include <mutex>
#include <optional>
#include <stop_token>
#include <string>
#include <string_view>
#include <vector>

namespace portolan {

// Windows: persistent reservations through iphlpapi, runtime ones through Winsock's
// SIO_*_PORT_RESERVATION IOCTLs, discovery through the registry and netsh, all behind a
// Win32Api table. Written without <windows.h> so that it builds and is unit-tested on Linux
// with a scripted table; createWindowsBackend() gives it the real one.
class WindowsBackend final : public Backend
{
public:
    explicit WindowsBackend(Win32Api api);

    // How long a netsh run may take before it is ended and reported as a Timeout.
    static constexpr std::chrono::milliseconds kDefaultNetshTimeout =
        win32::defaultDeadline(win32::CallKind::Netsh);
    // How long a call of this kind may take before its caller gets a Timeout
    // (win32::defaultDeadline until set); for the sockets opened before too.
    void setDeadline(win32::CallKind kind, std::chrono::milliseconds deadline);
    // Ends every call in progress that may block - netsh runs, registry reads, HCN, the
    // IOCTLs of this backend's sockets: they answer Cancelled. Later calls are not affected.
    void cancelPendingCalls() override;
    // As cancelPendingCalls, and every later such call answers Cancelled without being made.
    void beginShutdown() override;

    // The socket that holds (protocol, address, port) in the owner-pid tables: a listener or
    // bound UDP socket on that address, one on the wildcard that covers it, any one on the
    // port when the address is the wildcard; else a connection using the port, a TCP one in
    // TIME_WAIT last. Nullopt when the tables name none (or cannot be read).
    struct HeldBy
    {
        Listener socket;       // pid -1 and no process when the tables do not say
        bool timeWait = false; // a TCP connection in TIME_WAIT, which no process owns
    };
    std::optional<HeldBy> findHolder(Protocol protocol, AddressFamily family,
                                     std::string_view address, std::uint16_t port) const;
    // "node.exe (pid 4242)", "pid 4242", "a TCP connection in TIME_WAIT".
    static Holder holderOf(const HeldBy& holder);
    // The reservations, read only when a bind was refused (it may run netsh).
    std::vector<ReservedBlock> blocksIfRefused(const BindProbeResult& result, Protocol protocol);

    std::string_view name() const override { return "windows"; }
    // Probes what this system supports (the six iphlpapi functions, the IOCTLs, netsh) and
    // remembers it, unless a call was cancelled meanwhile. A call that timed out counts as
    // "not supported".
    Capabilities capabilities() const override;
    bool isElevated() const override;
    std::string hostName() const override;
    OsInfo osInfo() const override;
    // The kernel's boot time less every clock step since (so NTP moving the clock is not a
    // new boot); now minus GetTickCount64 where the kernel cannot be asked.
    Result<std::int64_t> bootTime() const override;

    Result<ReservedBlock> createPersistent(Protocol protocol, PortRange range) override;
    Result<ReservedBlock> lookupPersistent(Protocol protocol, PortRange range) override;
    Result<void> deletePersistent(Protocol protocol, PortRange range) override;
    // Persistent blocks from the registry (netsh's '*' rows when the registry cannot be read),
    // with their tokens looked up; runtime blocks held by services from netsh. Each block's
    // owner comes from the Host Network Service's registry values, from HCN's port
    // reservations, or from netsh's '*'. A source that does not answer by its deadline fails
    // the listing with a Timeout naming it (docs/windows-semantics.md#hanging-calls).
    Result<std::vector<ReservedBlock>> listReservations(std::optional<Protocol> protocol) override;

    Result<std::unique_ptr<Socket>> openSocket(const SocketSpec& spec) override;

    // As a server binds: SO_EXCLUSIVEADDRUSE, then bind. When the port is taken, the holder
    // comes from findHolder (a scan reads the tables once).
    BindProbeResult bindProbe(const BindTarget& target) override;
    Result<ScanResult> scan(const ScanRequest& request, const ScanProgress& progress,
                            std::stop_token stop) override;

    // `netsh int ipv4 show dynamicport tcp|udp`; Unsupported where netsh cannot tell (Wine).
    Result<PortRange> dynamicRange(Protocol protocol) override;
    // `netsh int ipv4 set dynamicport` then the same for ipv6 (put back when the second one
    // fails), within netsh's deadline; needs elevation. Read back before answering.
    Result<DynamicRangeChange> changeDynamicRange(Protocol protocol, PortRange range) override;
    // LISTEN TCP endpoints and all UDP endpoints, IPv4 and IPv6, with their processes.
    Result<std::vector<Listener>> listeners(std::optional<Protocol> protocol) override;
    // WinNAT and the Host Network Service as the Service Control Manager reports them, with
    // the runtime blocks that are theirs (windowsservices.cpp). Stopping and starting wait
    // for the new state within the Service deadline.
    Result<std::vector<ServiceInfo>> services() override;
    Result<void> stopService(std::string_view name) override;
    Result<void> startService(std::string_view name) override;
    // ShellExecuteEx with "runas" (the UAC prompt); Cancelled when the user declines.
    Result<void> restartElevated(const std::string& program,
                                 const std::vector<std::string>& arguments) override;

    // HKEY_LOCAL_MACHINE\<key> where Windows keeps the persistent reservations, undocumented.
    static std::string_view registryKey(Protocol protocol);
    // One value name of that key: "cc570100" is start 52311 (0xcc57), 1 port (01 00, little
    // endian). Nullopt for names of any other shape or an impossible block.
    static std::optional<PortRange> parseRegistryValueName(std::string_view name);
    // Where the Host Network Service keeps its settings, among them the ranges it reserves.
    static constexpr std::string_view kHnsStateKey =
        "SYSTEM\\CurrentControlSet\\Services\\hns\\State";

    // A row of the owner-pid tables; state is MIB_TCP_STATE_* (0 for UDP).
    struct SocketRow
    {
        Listener socket;
        std::uint32_t state = 0;
    };

private:
    Capabilities probeCapabilities(bool& cancelled) const;
    // Whether the SIO_*_PORT_RESERVATION IOCTLs exist; false when the probe could not tell.
    bool probeRuntimeIoctls(bool& cancelled) const;
    // `quietIsAnswer`: a netsh command that changes something may print nothing on success.
    Result<std::string> runNetsh(const std::vector<std::string>& arguments,
                                 bool quietIsAnswer = false) const;
    // Every value of HKEY_LOCAL_MACHINE\<key> with Windows' code (0: read), within the
    // registry's deadline.
    struct RegistryRead
    {
        std::uint32_t code = 0;
        std::vector<win32::RegistryValue> values;
    };
    Result<RegistryRead> readRegistry(std::string_view key) const;
    Result<std::vector<ReservedBlock>> discover(Protocol protocol) const;
    // Fills owner and ownerEvidence of each block; fails only when a source did not answer.
    Result<void> nameOwners(Protocol protocol, std::vector<ReservedBlock>& blocks,
                            const std::vector<PortRange>& administered) const;
    Result<std::vector<std::uint8_t>> fetchTable(const Win32Api::TableFunction& function,
                                                 int family, std::uint32_t tableClass,
                                                 std::string_view context) const;
    // Every row of the TCP or UDP table of one family, with its process's image name.
    Result<std::vector<SocketRow>> socketRows(Protocol protocol, AddressFamily family) const;
    BindProbeResult bindOnce(const BindTarget& target) const;
    // Sends the stop or start and waits for `wanted` (win32::kService*) within the deadline.
    Result<void> changeService(std::string_view name, bool start) const;

    // Both shared with the sockets and with abandoned calls, which may outlive us.
    std::shared_ptr<const Win32Api> m_api;
    std::shared_ptr<win32::PendingCalls> m_calls;
    mutable std::mutex m_mutex; // guards what follows
    mutable std::optional<Capabilities> m_capabilities;
};

// The real backend: loads the table (WSAStartup, iphlpapi's functions where present).
// Defined only in Windows builds.
Result<std::unique_ptr<Backend>> createWindowsBackend();
// The real table alone, for tests that drive it directly. Windows builds only.
Result<Win32Api> loadWin32Api();
// Runs %SystemRoot%\System32\<program> (CreateProcess, no shell) and captures its output, as
// Win32Api::runNetsh does for netsh.exe. Windows builds only.
win32::ProcessOutput
runSystem32Program(std::string_view program, const std::vector<std::string>& arguments,
                   std::chrono::milliseconds timeout = WindowsBackend::kDefaultNetshTimeout,
                   std::stop_token stop = {});

} // namespace portolan
