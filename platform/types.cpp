// SPDX-License-Identifier: GPL-3.0-or-later
#include "types.h"

#include <algorithm>
#include <cctype>
#include <string>

namespace portolan {
namespace {

constexpr std::int64_t kMaxPort = 65535;

bool equalsIgnoreCase(std::string_view a, std::string_view b)
{
    return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
               return std::tolower(static_cast<unsigned char>(x))
                      == std::tolower(static_cast<unsigned char>(y));
           });
}

Error invalid(std::string message)
{
    return Error{ErrorKind::InvalidArgument, 0, {}, std::move(message)};
}

std::string quoted(std::string_view text)
{
    std::string out = "'";
    out += text;
    out += '\'';
    return out;
}

} // namespace

std::string_view toString(Protocol protocol)
{
    return protocol == Protocol::Tcp ? "tcp" : "udp";
}

std::string_view toString(AddressFamily family)
{
    return family == AddressFamily::IPv4 ? "ipv4" : "ipv6";
}

std::string_view toString(SocketType type)
{
    switch (type) {
    case SocketType::Stream: return "stream";
    case SocketType::Datagram: return "dgram";
    case SocketType::Raw: return "raw";
    }
    return "raw";
}

std::optional<Protocol> parseProtocol(std::string_view text)
{
    if (equalsIgnoreCase(text, "tcp"))
        return Protocol::Tcp;
    if (equalsIgnoreCase(text, "udp"))
        return Protocol::Udp;
    return std::nullopt;
}

std::optional<AddressFamily> parseAddressFamily(std::string_view text)
{
    // 2 and 23 are AF_INET and AF_INET6 as the Windows sample takes them.
    if (equalsIgnoreCase(text, "ipv4") || text == "2")
        return AddressFamily::IPv4;
    if (equalsIgnoreCase(text, "ipv6") || text == "23")
        return AddressFamily::IPv6;
    return std::nullopt;
}

SocketSpec SocketSpec::forProtocol(Protocol protocol, AddressFamily family)
{
    if (protocol == Protocol::Tcp)
        return SocketSpec{family, SocketType::Stream, 6};
    return SocketSpec{family, SocketType::Datagram, 17};
}

std::optional<Protocol> SocketSpec::transport() const
{
    if (type == SocketType::Stream && (protocol == 6 || protocol == 0))
        return Protocol::Tcp;
    if (type == SocketType::Datagram && (protocol == 17 || protocol == 0))
        return Protocol::Udp;
    return std::nullopt;
}

std::string toString(const PortRange& range)
{
    // A runtime request with start 0 is "any N ports", not the block 0..N-1.
    if (range.start == 0 && range.count > 0)
        return "any " + std::to_string(range.count) + (range.count == 1 ? " port" : " ports");
    if (range.count <= 1)
        return std::to_string(range.start);
    return std::to_string(range.start) + "-" + std::to_string(range.end());
}

Result<PortRange> makePortRange(std::int64_t start, std::int64_t count, RangeKind kind)
{
    const std::int64_t minStart = kind == RangeKind::Runtime ? 0 : 1;
    if (start < minStart || start > kMaxPort) {
        return invalid("start: " + std::to_string(start) + " is out of range; allowed: "
                       + std::to_string(minStart) + "-65535"
                       + (kind == RangeKind::Runtime ? " (0 = let the system choose)" : ""));
    }
    if (count < 1 || count > kMaxPort) {
        return invalid("count: " + std::to_string(count)
                       + " is out of range; allowed: 1-65535");
    }
    if (start != 0 && start + count - 1 > kMaxPort) {
        return invalid("end: the block " + std::to_string(start) + "-"
                       + std::to_string(start + count - 1)
                       + " runs past port 65535; allowed: count at most "
                       + std::to_string(kMaxPort - start + 1) + " for start "
                       + std::to_string(start));
    }
    return PortRange{static_cast<std::uint16_t>(start), static_cast<std::uint16_t>(count)};
}

Result<void> validatePortRange(const PortRange& range, RangeKind kind)
{
    auto checked = makePortRange(range.start, range.count, kind);
    if (!checked)
        return checked.error();
    return {};
}

Result<std::int64_t> parseNumber(std::string_view text, std::string_view field)
{
    const std::string name(field);
    if (text.empty())
        return invalid(name + ": a number is required; allowed: decimal digits 0-9");
    // Only ASCII digits: a sign, a space, "0x50", "1e3" or a full-width digit is refused here
    // rather than half-understood by a library parser.
    const bool digitsOnly = std::all_of(text.begin(), text.end(),
                                        [](char c) { return c >= '0' && c <= '9'; });
    if (!digitsOnly) {
        return invalid(name + ": " + quoted(text)
                       + " is not a whole decimal number; allowed: digits 0-9 only");
    }
    if (text.size() > 9)
        return invalid(name + ": " + quoted(text) + " is far too large; allowed: up to 65535");
    std::int64_t value = 0;
    for (char c : text)
        value = value * 10 + (c - '0');
    return value;
}

Result<PortRange> parsePortRange(std::string_view start, std::string_view count, RangeKind kind)
{
    auto startValue = parseNumber(start, "start");
    if (!startValue)
        return startValue.error();
    auto countValue = parseNumber(count, "count");
    if (!countValue)
        return countValue.error();
    return makePortRange(startValue.value(), countValue.value(), kind);
}

Result<std::uint16_t> parsePort(std::string_view text, std::string_view field, bool allowZero)
{
    auto value = parseNumber(text, field);
    if (!value)
        return value.error();
    const std::int64_t min = allowZero ? 0 : 1;
    if (value.value() < min || value.value() > kMaxPort) {
        return invalid(std::string(field) + ": " + quoted(text) + " is out of range; allowed: "
                       + std::to_string(min) + "-65535"
                       + (allowZero ? " (0 = let the system choose)" : ""));
    }
    return static_cast<std::uint16_t>(value.value());
}

Result<PortRange> parsePortSpan(std::string_view text, std::string_view field)
{
    const std::string name(field);
    const auto dash = text.find('-');
    if (dash == std::string_view::npos) {
        auto port = parsePort(text, field, false);
        if (!port)
            return port.error();
        return PortRange{port.value(), 1};
    }
    auto first = parsePort(text.substr(0, dash), name + " (first port)", false);
    if (!first)
        return first.error();
    auto last = parsePort(text.substr(dash + 1), name + " (last port)", false);
    if (!last)
        return last.error();
    if (last.value() < first.value()) {
        return invalid(name + ": " + quoted(text)
                       + " ends before it starts; allowed: FIRST-LAST with FIRST <= LAST, "
                         "both 1-65535");
    }
    return PortRange{first.value(),
                     static_cast<std::uint16_t>(last.value() - first.value() + 1)};
}

} // namespace portolan
