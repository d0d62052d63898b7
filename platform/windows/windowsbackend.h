// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "../backend.h"
#include "../error.h"
#include "../types.h"
#include "win32api.h"

#include <memory>
#include <mutex>
#include <optional>
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

    std::string_view name() const override { return "windows"; }
    // Probes once what this system supports (the six iphlpapi functions, the IOCTLs, netsh)
    // and remembers it.
    Capabilities capabilities() const override;
    bool isElevated() const override;
    std::string hostName() const override;
    Result<std::int64_t> bootTime() const override;

    Result<ReservedBlock> createPersistent(Protocol protocol, PortRange range) override;
    Result<ReservedBlock> lookupPersistent(Protocol protocol, PortRange range) override;
    Result<void> deletePersistent(Protocol protocol, PortRange range) override;
    // Persistent blocks from the registry (netsh's '*' rows when the registry cannot be read),
    // with their tokens looked up; runtime blocks held by services from netsh.
    Result<std::vector<ReservedBlock>> listReservations(std::optional<Protocol> protocol) override;

    Result<std::unique_ptr<Socket>> openSocket(const SocketSpec& spec) override;

    // `netsh int ipv4 show dynamicport tcp|udp`; Unsupported where netsh cannot tell (Wine).
    Result<PortRange> dynamicRange(Protocol protocol) override;
    // LISTEN TCP endpoints and all UDP endpoints, IPv4 and IPv6, with their processes.
    Result<std::vector<Listener>> listeners(std::optional<Protocol> protocol) override;
    // ShellExecuteEx with "runas" (the UAC prompt); Cancelled when the user declines.
    Result<void> restartElevated(const std::string& program,
                                 const std::vector<std::string>& arguments) override;

    // HKEY_LOCAL_MACHINE\<key> where Windows keeps the persistent reservations, undocumented.
    static std::string_view registryKey(Protocol protocol);
    // One value name of that key: "cc570100" is start 52311 (0xcc57), 1 port (01 00, little
    // endian). Nullopt for names of any other shape or an impossible block.
    static std::optional<PortRange> parseRegistryValueName(std::string_view name);

private:
    Capabilities probeCapabilities() const;
    Result<std::string> runNetsh(const std::vector<std::string>& arguments) const;
    Result<std::vector<ReservedBlock>> discover(Protocol protocol) const;
    Result<std::vector<std::uint8_t>> fetchTable(const Win32Api::TableFunction& function,
                                                 int family, std::uint32_t tableClass,
                                                 std::string_view context) const;

    std::shared_ptr<const Win32Api> m_api; // shared with the sockets, which may outlive us
    mutable std::once_flag m_probeOnce;
    mutable Capabilities m_capabilities;
};

// The real backend: loads the table (WSAStartup, iphlpapi's functions where present).
// Defined only in Windows builds.
Result<std::unique_ptr<Backend>> createWindowsBackend();
// The real table alone, for tests that drive it directly. Windows builds only.
Result<Win32Api> loadWin32Api();
// Runs %SystemRoot%\System32\<program> (CreateProcess, no shell) and captures its output, as
// Win32Api::runNetsh does for netsh.exe. Windows builds only.
win32::ProcessOutput runSystem32Program(std::string_view program,
                                        const std::vector<std::string>& arguments);

} // namespace portolan
