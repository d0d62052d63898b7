// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "../backend.h"
#include "../error.h"
#include "../types.h"

#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

namespace portolan {

struct LinuxOptions
{
    std::string procRoot = "/proc";          // a temporary tree in unit tests
    std::string sysctlDir = "/etc/sysctl.d"; // where the block records live; temporary in tests
    // os-release(5): the first that can be read names the distribution.
    std::vector<std::string> osRelease{"/etc/os-release", "/usr/lib/os-release"};
};

// The real kernel: persistent reservations are net.ipv4.ip_local_reserved_ports, whose
// per-block identity (protocol, start, count) is kept in
// <sysctlDir>/60-portolan-reserved-ports.conf because the kernel's list is shared by TCP and UDP
// and merges adjacent ranges. Linux has no runtime reservations and no tokens.
class LinuxBackend final : public Backend
{
public:
    // Empty option strings mean the defaults.
    static Result<std::unique_ptr<LinuxBackend>> open(const LinuxOptions& options);

    std::string_view name() const override { return "linux"; }
    Capabilities capabilities() const override;
    bool isElevated() const override;
    std::string hostName() const override;
    Result<std::int64_t> bootTime() const override;
    OsInfo osInfo() const override;

    Result<ReservedBlock> createPersistent(Protocol protocol, PortRange range) override;
    Result<ReservedBlock> lookupPersistent(Protocol protocol, PortRange range) override;
    Result<void> deletePersistent(Protocol protocol, PortRange range) override;
    Result<std::vector<ReservedBlock>> listReservations(std::optional<Protocol> protocol) override;

    Result<std::unique_ptr<Socket>> openSocket(const SocketSpec& spec) override;
    BindProbeResult bindProbe(const BindTarget& target) override;
    Result<ScanResult> scan(const ScanRequest& request, const ScanProgress& progress,
                            std::stop_token stop) override;

    Result<PortRange> dynamicRange(Protocol protocol) override;
    // net.ipv4.ip_local_port_range, now and at boot (<sysctlDir>/60-portolan-local-port-range
    // .conf); one range for TCP, UDP, IPv4 and IPv6, so either protocol changes both.
    Result<DynamicRangeChange> changeDynamicRange(Protocol protocol, PortRange range) override;
    Result<std::vector<Listener>> listeners(std::optional<Protocol> protocol) override;
    // Unsupported, with the reason (linuxservices.cpp); stopping and starting say the same.
    Result<std::vector<ServiceInfo>> services() override;

    // <procRoot>/sys/net/ipv4/ip_local_reserved_ports
    const std::string& reservedPortsPath() const { return m_reservedPortsPath; }
    // <sysctlDir>/60-portolan-reserved-ports.conf
    const std::string& reservationFilePath() const { return m_reservationFilePath; }
    // <sysctlDir>/60-portolan-local-port-range.conf
    std::string localPortRangeFilePath() const;

    // Threads a scan uses when the request says 0: one per core, 2-8 (measurements at its
    // definition).
    static unsigned defaultScanThreads();

private:
    explicit LinuxBackend(LinuxOptions options);

    LinuxOptions m_options;
    std::string m_reservedPortsPath;
    std::string m_reservationFilePath;
    // create / delete read, change and write two files; one at a time within this process.
    std::mutex m_mutex;
};

} // namespace portolan
