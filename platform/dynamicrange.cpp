// SPDX-License-Identifier: GPL-3.0-or-later
#include "dynamicrange.h"

namespace portolan::dynamicrange {
namespace {

Error invalid(std::string message)
{
    return Error::make(ErrorKind::InvalidArgument, std::move(message));
}

// The checks both systems share: numbers that fit, and a range ending at 65535 at the latest.
std::optional<Error> checkCommon(std::int64_t start, std::int64_t count, std::int64_t minStart,
                                 std::int64_t minCount, std::string_view limits)
{
    const std::string suffix = " (" + std::string(limits) + ")";
    if (start < minStart || start > 65535)
        return invalid("start: " + std::to_string(start) + " is out of range; allowed: " +
                       std::to_string(minStart) + "-65535" + suffix);
    if (count < minCount || count > 65535)
        return invalid("count: " + std::to_string(count) + " is out of range; allowed: " +
                       std::to_string(minCount) + "-" + std::to_string(65536 - minStart) + suffix);
    if (start + count - 1 > 65535)
        return invalid(
            "count: the range " + std::to_string(start) + "-" + std::to_string(start + count - 1) +
            " runs past port 65535; allowed: count at most " + std::to_string(65536 - start) +
            " for start " + std::to_string(start) + suffix);
    return std::nullopt;
}

} // namespace

Result<PortRange> checkWindows(std::int64_t start, std::int64_t count)
{
    if (auto error = checkCommon(start, count, kWindowsMinStart, kWindowsMinCount,
                                 "netsh's limits: start 1025 or more, at least 255 ports"))
        return *error;
    return PortRange{static_cast<std::uint16_t>(start), static_cast<std::uint16_t>(count)};
}

Result<PortRange> checkLinux(std::int64_t start, std::int64_t count)
{
    if (auto error = checkCommon(start, count, 1, kLinuxMinCount,
                                 "the kernel's limits: first port 1 or more, first < last"))
        return *error;
    return PortRange{static_cast<std::uint16_t>(start), static_cast<std::uint16_t>(count)};
}

std::optional<std::string> linuxParityWarning(const PortRange& range)
{
    if (range.start % 2 != range.end() % 2)
        return std::nullopt;
    return "the first (" + std::to_string(range.start) + ") and last (" +
           std::to_string(range.end()) +
           ") ports have the same parity; Linux 6.x prefers them of different parity (it "
           "splits the range between connect() and bind() by parity) and logs a warning";
}

std::string describe(const PortRange& range)
{
    return std::to_string(range.start) + "-" + std::to_string(range.end()) + " (" +
           std::to_string(range.count) + " ports)";
}

} // namespace portolan::dynamicrange
