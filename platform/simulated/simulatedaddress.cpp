#include "simulatedaddress.h"

#include <algorithm>
#include <bit>
#include <cstdio>
#include <vector>

namespace portolan::simulated {

namespace {

std::optional<std::array<std::uint8_t, 4>> parseIpv4(std::string_view text)
{
    std::array<std::uint8_t, 4> out{};
    std::size_t part = 0;
    std::size_t i = 0;
    while (part < 4) {
        std::size_t digits = 0;
        unsigned value = 0;
        while (i < text.size() && text[i] >= '0' && text[i] <= '9') {
            value = value * 10 + unsigned(text[i] - '0');
            ++digits;
            ++i;
            if (digits > 3 || value > 255)
                return std::nullopt;
        }
        // A leading zero would be octal to inet_addr and an error to inet_pton: refuse it.
        if (digits == 0 || (digits > 1 && text[i - digits] == '0'))
            return std::nullopt;
        out[part++] = std::uint8_t(value);
        if (part < 4) {
            if (i >= text.size() || text[i] != '.')
                return std::nullopt;
            ++i;
        }
    }
    if (i != text.size())
        return std::nullopt;
    return out;
}

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

std::optional<std::array<std::uint8_t, 16>> parseIpv6(std::string_view text)
{
    if (text.size() >= 2 && text.front() == '[' && text.back() == ']')
        text = text.substr(1, text.size() - 2);
    if (text.empty())
        return std::nullopt;

    std::vector<std::uint16_t> head;
    std::vector<std::uint16_t> tail;
    bool compressed = false;
    std::size_t i = 0;
    if (text.substr(0, 2) == "::") {
        compressed = true;
        i = 2;
    } else if (text.front() == ':') {
        return std::nullopt;
    }
    auto* groups = compressed ? &tail : &head;
    while (i < text.size()) {
        // An embedded IPv4 address may end the text ("::ffff:10.0.0.1").
        const std::size_t nextColon = text.find(':', i);
        const std::string_view piece = text.substr(i, nextColon == std::string_view::npos
                                                          ? std::string_view::npos
                                                          : nextColon - i);
        if (piece.find('.') != std::string_view::npos) {
            if (nextColon != std::string_view::npos)
                return std::nullopt;
            const auto v4 = parseIpv4(piece);
            if (!v4)
                return std::nullopt;
            groups->push_back(std::uint16_t((*v4)[0] << 8 | (*v4)[1]));
            groups->push_back(std::uint16_t((*v4)[2] << 8 | (*v4)[3]));
            i = text.size();
            break;
        }
        if (piece.empty() || piece.size() > 4)
            return std::nullopt;
        unsigned value = 0;
        for (char c : piece) {
            const int h = hexValue(c);
            if (h < 0)
                return std::nullopt;
            value = value * 16 + unsigned(h);
        }
        groups->push_back(std::uint16_t(value));
        i += piece.size();
        if (i == text.size())
            break;
        ++i; // the colon
        if (i < text.size() && text[i] == ':') {
            if (compressed)
                return std::nullopt; // a second "::"
            compressed = true;
            groups = &tail;
            ++i;
        } else if (i == text.size()) {
            return std::nullopt; // trailing single colon
        }
    }
    const std::size_t total = head.size() + tail.size();
    if ((compressed && total > 7) || (!compressed && total != 8))
        return std::nullopt;
    std::array<std::uint8_t, 16> out{};
    std::size_t g = 0;
    for (auto v : head) {
        out[2 * g] = std::uint8_t(v >> 8);
        out[2 * g + 1] = std::uint8_t(v & 0xff);
        ++g;
    }
    g = 8 - tail.size();
    for (auto v : tail) {
        out[2 * g] = std::uint8_t(v >> 8);
        out[2 * g + 1] = std::uint8_t(v & 0xff);
        ++g;
    }
    return out;
}

} // namespace

bool IpAddress::isUnspecified() const
{
    const std::size_t n = family == AddressFamily::IPv4 ? 4 : 16;
    return std::all_of(bytes.begin(), bytes.begin() + long(n), [](auto b) { return b == 0; });
}

bool IpAddress::isLoopback() const
{
    if (family == AddressFamily::IPv4)
        return bytes[0] == 127;
    return std::all_of(bytes.begin(), bytes.begin() + 15, [](auto b) { return b == 0; })
        && bytes[15] == 1;
}

std::string IpAddress::toString() const
{
    char buffer[64];
    if (family == AddressFamily::IPv4) {
        std::snprintf(buffer, sizeof buffer, "%u.%u.%u.%u", bytes[0], bytes[1], bytes[2],
                      bytes[3]);
        return buffer;
    }
    // RFC 5952: the longest run of two or more zero groups becomes "::".
    std::array<unsigned, 8> g{};
    for (std::size_t i = 0; i < 8; ++i)
        g[i] = unsigned(bytes[2 * i]) << 8 | bytes[2 * i + 1];
    int bestStart = -1, bestLen = 0;
    for (int i = 0; i < 8;) {
        if (g[std::size_t(i)] != 0) {
            ++i;
            continue;
        }
        int j = i;
        while (j < 8 && g[std::size_t(j)] == 0)
            ++j;
        if (j - i > bestLen && j - i >= 2) {
            bestStart = i;
            bestLen = j - i;
        }
        i = j;
    }
    std::string out;
    for (int i = 0; i < 8; ++i) {
        if (i == bestStart) {
            out += "::";
            i += bestLen - 1;
            continue;
        }
        if (!out.empty() && out.back() != ':')
            out += ':';
        std::snprintf(buffer, sizeof buffer, "%x", g[std::size_t(i)]);
        out += buffer;
    }
    return out;
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

std::uint16_t hostToNetwork(std::uint16_t value)
{
    if constexpr (std::endian::native == std::endian::little)
        return std::uint16_t((value >> 8) | (value << 8));
    else
        return value;
}

std::uint16_t networkToHost(std::uint16_t value)
{
    return hostToNetwork(value); // a swap is its own inverse
}

} // namespace portolan::simulated
