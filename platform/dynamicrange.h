// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "error.h"
#include "types.h"

#include <cstdint>
#include <optional>
#include <string>

// The limits each system puts on its dynamic (ephemeral) port range, checked before anything
// is changed so that a refusal names the field and the allowed values.
namespace portolan::dynamicrange {

// Windows' default since Vista: 49152-65535 (docs/windows-semantics.md#dynamic-range).
inline constexpr PortRange kWindowsDefault{49152, 16384};
// netsh int ipv4 set dynamicport: at least 255 ports, from 1025, ending at 65535 at the latest.
inline constexpr std::uint32_t kWindowsMinStart = 1025;
inline constexpr std::uint32_t kWindowsMinCount = 255;
// net.ipv4.ip_local_port_range: first >= 1, first < last.
inline constexpr std::uint32_t kLinuxMinCount = 2;

// InvalidArgument naming "start" or "count" and the allowed values, or the range.
Result<PortRange> checkWindows(std::int64_t start, std::int64_t count);
Result<PortRange> checkLinux(std::int64_t start, std::int64_t count);

// Linux 6.x hands out ports of one parity for connect() and the other for bind(port 0), and
// warns when first and last have the same parity: the warning, or nullopt.
std::optional<std::string> linuxParityWarning(const PortRange& range);

// "49152-65535 (16384 ports)"
std::string describe(const PortRange& range);

} // namespace portolan::dynamicrange
