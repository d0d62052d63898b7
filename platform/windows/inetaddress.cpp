#include "inetaddress.h"

#include <vector>

namespace portolan::win32 {
namespace {

int hexValue(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

std::vector<std::string_view> split(std::string_view text, char separator)
{
    std::vector<std::string_view> parts;
    while (true) {
        const std::size_t at = text.find(separator);
        parts.push_back(text.substr(0, at));
        if (at == std::string_view::npos)
            return parts;
        text.remove_prefix(at + 1);
    }
}

// Hex groups of one side of "::", written into out; false if any group is malformed.
bool parseGroups(std::string_view text, std::vector<std::uint16_t>& out, bool allowIpv4Tail)
{
    if (text.empty())
        return true;
    const auto parts = split(text, ':');
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
            const int digit = hexValue(c);
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
    const auto parts = split(text, '.');
    if (parts.size() != 4)
        return std::nullopt;
    Ipv4Bytes bytes{};
    for (std::size_t i = 0; i < 4; ++i) {
        const std::string_view part = parts[i];
        if (part.empty() || part.size() > 3 || (part.size() > 1 && part[0] == '0'))
            return std::nullopt;
        unsigned value = 0;
        for (char c : part) {
            if (c < '0' || c > '9')
                return std::nullopt;
            value = value * 10 + static_cast<unsigned>(c - '0');
        }
        if (value > 255)
            return std::nullopt;
        bytes[i] = static_cast<std::uint8_t>(value);
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

} // namespace portolan::win32
