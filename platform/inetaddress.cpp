// SPDX-License-Identifier: GPL-3.0-or-later
#include "inetaddress.h"

#include "text.h"

#include <algorithm>
#include <vector>

namespace portolan {
namespace {

// Hex groups of one side of "::", appended to out; false if any group is malformed.
bool parseGroups(std::string_view text, std::vector<std::uint16_t>& out, bool allowIpv4Tail)
{
    if (text.empty())
        return true;
    const auto parts = text::split(text, ':');
    for (std::size_t i = 0; i < parts.size(); ++i) {
        const std::string_view part = parts[i];
        if (allowIpv4Tail && i + 1 == parts.size() && part.find('.') != std::string_view::npos) {
            const auto v4 = parseIpv4(part);
            if (!v4)
                return false;
            out.push_back(static_cast<std::uint16_t>(((*v4)[0] << 8) | (*v4)[1]));
            out.push_back(static_cast<std::uint16_t>(((*v4)[2] << 8) | (*v4)[3]));
            continue;
        }
        if (part.empty() || part.size() > 4)
            return false;
        std::uint16_t value = 0;
        for (char c : part) {
            const int digit = text::hexValue(c);
            if (digit < 0)
                return false;
            value = static_cast<std::uint16_t>((value << 4) | digit);
        }
        out.push_back(value);
    }
    return true;
}

} // namespace

std::optional<Ipv4Bytes> parseIpv4(std::string_view text)
{
    const auto parts = text::split(text, '.');
    if (parts.size() != 4)
        return std::nullopt;
    Ipv4Bytes bytes{};
    for (std::size_t i = 0; i < 4; ++i) {
        const std::string_view part = parts[i];
        const auto value = text::parseDigits(part, 3);
        if (!value || *value > 255 || (part.size() > 1 && part[0] == '0'))
            return std::nullopt;
        bytes[i] = static_cast<std::uint8_t>(*value);
    }
    return bytes;
}

std::optional<Ipv6Bytes> parseIpv6(std::string_view text)
{
    if (text.empty() || text.find('%') != std::string_view::npos)
        return std::nullopt;
    std::vector<std::uint16_t> head;
    std::vector<std::uint16_t> tail;
    const std::size_t gap = text.find("::");
    if (gap != std::string_view::npos) {
        if (text.find("::", gap + 1) != std::string_view::npos)
            return std::nullopt;
        if (!parseGroups(text.substr(0, gap), head, false) ||
            !parseGroups(text.substr(gap + 2), tail, true))
            return std::nullopt;
        if (head.size() + tail.size() > 7)
            return std::nullopt;
    } else {
        if (!parseGroups(text, head, true) || head.size() != 8)
            return std::nullopt;
    }
    Ipv6Bytes bytes{};
    for (std::size_t i = 0; i < head.size(); ++i) {
        bytes[2 * i] = static_cast<std::uint8_t>(head[i] >> 8);
        bytes[2 * i + 1] = static_cast<std::uint8_t>(head[i] & 0xff);
    }
    const std::size_t tailStart = 8 - tail.size();
    for (std::size_t i = 0; i < tail.size(); ++i) {
        bytes[2 * (tailStart + i)] = static_cast<std::uint8_t>(tail[i] >> 8);
        bytes[2 * (tailStart + i) + 1] = static_cast<std::uint8_t>(tail[i] & 0xff);
    }
    return bytes;
}

std::string formatIpv4(const std::uint8_t* bytes)
{
    return std::to_string(bytes[0]) + "." + std::to_string(bytes[1]) + "." +
           std::to_string(bytes[2]) + "." + std::to_string(bytes[3]);
}

std::string formatIpv6(const std::uint8_t* bytes)
{
    std::uint16_t groups[8];
    for (int i = 0; i < 8; ++i)
        groups[i] = static_cast<std::uint16_t>((bytes[2 * i] << 8) | bytes[2 * i + 1]);

    // IPv4-mapped addresses read better with their IPv4 part: ::ffff:127.0.0.1
    bool mapped = groups[5] == 0xffff;
    for (int i = 0; i < 5; ++i)
        mapped = mapped && groups[i] == 0;
    if (mapped)
        return "::ffff:" + formatIpv4(bytes + 12);

    int bestStart = -1;
    int bestLength = 0;
    for (int i = 0; i < 8;) {
        if (groups[i] != 0) {
            ++i;
            continue;
        }
        int j = i;
        while (j < 8 && groups[j] == 0)
            ++j;
        if (j - i > bestLength) {
            bestStart = i;
            bestLength = j - i;
        }
        i = j;
    }
    if (bestLength < 2)
        bestStart = -1;

    static constexpr char kHex[] = "0123456789abcdef";
    std::string text;
    for (int i = 0; i < 8; ++i) {
        if (i == bestStart) {
            text += "::";
            i += bestLength - 1;
            continue;
        }
        if (!text.empty() && text.back() != ':')
            text += ':';
        bool leading = true;
        for (int shift = 12; shift >= 0; shift -= 4) {
            const int digit = (groups[i] >> shift) & 0xf;
            if (leading && digit == 0 && shift != 0)
                continue;
            leading = false;
            text += kHex[digit];
        }
    }
    return text;
}

bool IpAddress::isUnspecified() const
{
    const std::size_t n = family == AddressFamily::IPv4 ? 4 : 16;
    return std::all_of(bytes.begin(), bytes.begin() + long(n), [](auto b) { return b == 0; });
}

bool IpAddress::isLoopback() const
{
    if (family == AddressFamily::IPv4)
        return bytes[0] == 127;
    return std::all_of(bytes.begin(), bytes.begin() + 15, [](auto b) { return b == 0; }) &&
           bytes[15] == 1;
}

std::string IpAddress::toString() const
{
    return family == AddressFamily::IPv4 ? formatIpv4(bytes.data()) : formatIpv6(bytes.data());
}

std::optional<IpAddress> parseIpAddress(std::string_view text)
{
    if (auto v4 = parseIpAddress(text, AddressFamily::IPv4))
        return v4;
    return parseIpAddress(text, AddressFamily::IPv6);
}

std::optional<IpAddress> parseIpAddress(std::string_view text, AddressFamily family)
{
    IpAddress address;
    address.family = family;
    if (family == AddressFamily::IPv4) {
        const auto v4 = parseIpv4(text);
        if (!v4)
            return std::nullopt;
        std::copy(v4->begin(), v4->end(), address.bytes.begin());
        return address;
    }
    if (text.size() >= 2 && text.front() == '[' && text.back() == ']')
        text = text.substr(1, text.size() - 2);
    const auto v6 = parseIpv6(text);
    if (!v6)
        return std::nullopt;
    address.bytes = *v6;
    return address;
}

bool addressesCollide(const IpAddress& a, const IpAddress& b)
{
    return a.family == b.family && (a.isUnspecified() || b.isUnspecified() || a == b);
}

} // namespace portolan
