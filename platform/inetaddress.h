// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "types.h"

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

// IP address text <-> bytes without the OS: inet_pton/inet_ntop differ between Winsock and
// POSIX and need WSAStartup, and the simulated backend may call no OS at all. The windows
// backend builds its SOCKADDRs from these (and its unit tests run on Linux too); the simulated
// one parses scenarios and bind addresses with them.
namespace portolan {

using Ipv4Bytes = std::array<std::uint8_t, 4>;
using Ipv6Bytes = std::array<std::uint8_t, 16>;

// Dotted decimal "a.b.c.d", each part 0-255 without leading zeros (so "010" is rejected
// rather than read as octal or decimal by different tools).
std::optional<Ipv4Bytes> parseIpv4(std::string_view text);
// RFC 4291 text: eight groups, "::" once, an IPv4 tail ("::ffff:127.0.0.1"); no zone ("%3"),
// no brackets.
std::optional<Ipv6Bytes> parseIpv6(std::string_view text);

std::string formatIpv4(const std::uint8_t* bytes);
// RFC 5952: lower case, the longest run of two or more zero groups as "::", an IPv4-mapped
// address with its IPv4 part ("::ffff:127.0.0.1"), as Windows and Linux print them.
std::string formatIpv6(const std::uint8_t* bytes);

struct IpAddress
{
    AddressFamily family = AddressFamily::IPv4;
    std::array<std::uint8_t, 16> bytes{}; // IPv4 uses the first four

    bool isUnspecified() const; // 0.0.0.0 or ::
    bool isLoopback() const;    // 127.0.0.0/8 or ::1
    std::string toString() const;
    friend bool operator==(const IpAddress&, const IpAddress&) = default;
};

// Either notation; an IPv6 address may be in brackets ("[::1]").
std::optional<IpAddress> parseIpAddress(std::string_view text);
// Only the notation of `family` is accepted.
std::optional<IpAddress> parseIpAddress(std::string_view text, AddressFamily family);

// Two sockets of one protocol and port collide when they are of the same family and one of
// them is the wildcard address or both are the same address.
bool addressesCollide(const IpAddress& a, const IpAddress& b);

// A USHORT port in network byte order as Windows, always little-endian, holds it: the
// byte-swapped value. The classic bug is passing the start port in host order; a fixed swap
// makes the right order a value a test can state (5000 travels as 0x8813) on any machine.
constexpr std::uint16_t hostToNetwork(std::uint16_t value)
{
    return static_cast<std::uint16_t>((value >> 8) | (value << 8));
}
constexpr std::uint16_t networkToHost(std::uint16_t value)
{
    return hostToNetwork(value); // a swap is its own inverse
}
static_assert(hostToNetwork(5000) == 0x8813);

} // namespace portolan
