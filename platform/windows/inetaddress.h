#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

// Text <-> bytes for IP addresses without the OS (inet_pton/inet_ntop differ between Winsock
// and POSIX and need WSAStartup): the windows backend builds its SOCKADDRs from these, and
// its unit tests run on Linux too.
namespace portolan::win32 {

using Ipv4Bytes = std::array<std::uint8_t, 4>;
using Ipv6Bytes = std::array<std::uint8_t, 16>;

// Dotted decimal "a.b.c.d", each part 0-255 without leading zeros (so "010" is rejected
// rather than read as octal or decimal by different tools).
std::optional<Ipv4Bytes> parseIpv4(std::string_view text);
// RFC 4291 text: eight groups, "::" once, an IPv4 tail ("::ffff:127.0.0.1"); no zone ("%3").
std::optional<Ipv6Bytes> parseIpv6(std::string_view text);

std::string formatIpv4(const std::uint8_t* bytes);
// RFC 5952: lower case, the longest run of two or more zero groups as "::".
std::string formatIpv6(const std::uint8_t* bytes);

} // namespace portolan::win32
