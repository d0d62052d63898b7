#pragma once

#include "../types.h"

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

// Literal IP addresses as the simulated machine sees them. The simulation cannot call
// inet_pton (no OS headers outside the real backends), so it parses the two notations itself.
namespace portolan::simulated {

struct IpAddress
{
    AddressFamily family = AddressFamily::IPv4;
    std::array<std::uint8_t, 16> bytes{}; // IPv4 uses the first four

    bool isUnspecified() const; // 0.0.0.0 or ::
    bool isLoopback() const;    // 127.0.0.0/8 or ::1
    std::string toString() const;
    friend bool operator==(const IpAddress&, const IpAddress&) = default;
};

// Dotted quad or RFC 4291 text ("::", "::1", "fe80::1", "::ffff:10.0.0.1", "[::1]").
std::optional<IpAddress> parseIpAddress(std::string_view text);
// Only the notation of `family` is accepted.
std::optional<IpAddress> parseIpAddress(std::string_view text, AddressFamily family);

// Two sockets of one protocol and port collide when they are of the same family and one of
// them is the wildcard address or both are the same address.
bool addressesCollide(const IpAddress& a, const IpAddress& b);

// Host <-> network byte order of a USHORT, as htons/ntohs do on this machine.
std::uint16_t hostToNetwork(std::uint16_t value);
std::uint16_t networkToHost(std::uint16_t value);

} // namespace portolan::simulated
