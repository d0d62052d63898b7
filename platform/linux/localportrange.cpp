// SPDX-License-Identifier: GPL-3.0-or-later
// The linux backend's dynamic range: net.ipv4.ip_local_port_range in the kernel now and in a
// sysctl.d file for the next boot, as the reserved ports are kept.
#include "linuxbackend.h"

#include "../dynamicrange.h"
#include "sysfiles.h"

#include <cerrno>
#include <mutex>

namespace portolan {

namespace {

constexpr std::string_view kLocalPortRangeFileName = "60-portolan-local-port-range.conf";

std::string rangeLine(const PortRange& range)
{
    return std::to_string(range.start) + " " + std::to_string(range.end());
}

std::string fileText(const PortRange& range)
{
    return "# Written by Portolan: the dynamic (ephemeral) port range, for TCP and UDP, IPv4 and\n"
           "# IPv6 alike. Applied at boot by systemd-sysctl; remove this file to return to the\n"
           "# distribution's default.\n"
           "net.ipv4.ip_local_port_range = " +
           rangeLine(range) + "\n";
}

} // namespace

std::string LinuxBackend::localPortRangeFilePath() const
{
    return m_options.sysctlDir + "/" + std::string(kLocalPortRangeFileName);
}

Result<DynamicRangeChange> LinuxBackend::changeDynamicRange(Protocol, PortRange range)
{
    auto checked = dynamicrange::checkLinux(range.start, range.count);
    if (!checked)
        return linuxos::errnoError(ErrorKind::InvalidArgument, EINVAL, checked.error().message);
    std::lock_guard lock(m_mutex);
    auto before = dynamicRange(Protocol::Tcp);
    if (!before)
        return before.error();
    if (!isElevated())
        return linuxos::errnoError(ErrorKind::AccessDenied, EACCES,
                                   "changing net.ipv4.ip_local_port_range needs root: run "
                                   "Portolan as root (sudo); nothing was changed");

    // The kernel first: the write that needs root, so a refusal changes nothing. The file
    // follows; if it cannot be written, the kernel's range is put back.
    const std::string kernelPath = m_options.procRoot + "/sys/net/ipv4/ip_local_port_range";
    if (auto written = linuxos::writeFileInPlace(kernelPath, rangeLine(range) + "\n"); !written)
        return written.error();
    const std::string filePath = localPortRangeFilePath();
    if (auto saved = linuxos::writeFileAtomically(filePath, fileText(range)); !saved) {
        Error error = saved.error();
        auto restored = linuxos::writeFileInPlace(kernelPath, rangeLine(before.value()) + "\n");
        error.message += restored ? "; the kernel's range was restored, nothing changed"
                                  : "; restoring the kernel's range failed too (" +
                                        restored.error().message + ")";
        return error;
    }

    DynamicRangeChange change;
    change.protocols = {Protocol::Tcp, Protocol::Udp};
    change.before = before.value();
    change.after = range;
    change.notes.push_back("Linux has one dynamic range for TCP and UDP, IPv4 and IPv6: both "
                           "protocols now use " +
                           dynamicrange::describe(range));
    change.notes.push_back("kept for the next boot in " + filePath);
    if (auto warning = dynamicrange::linuxParityWarning(range))
        change.notes.push_back("warning: " + *warning);
    return change;
}

} // namespace portolan
