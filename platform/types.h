// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "error.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace portolan {

enum class Protocol : std::uint8_t { Tcp, Udp };
enum class AddressFamily : std::uint8_t { IPv4, IPv6 };
enum class SocketType : std::uint8_t { Stream, Datagram, Raw };

std::string_view toString(Protocol protocol);           // "tcp", "udp"
std::string_view toString(AddressFamily family);        // "ipv4", "ipv6"
std::string_view toString(SocketType type);             // "stream", "dgram", "raw"
std::optional<Protocol> parseProtocol(std::string_view text); // case-insensitive tcp/udp
std::optional<AddressFamily> parseAddressFamily(std::string_view text); // ipv4/ipv6, 2/23

// A runtime reservation token or a persistent one. 0 means "no reservation".
using Token = std::uint64_t;
inline constexpr Token kNoToken = 0;

// What the socket() call of the runtime probes is given. Kept as the three values of the
// Windows sample so that a wrong combination reaches the backend and fails there as it would.
struct SocketSpec
{
    AddressFamily family = AddressFamily::IPv4;
    SocketType type = SocketType::Stream;
    int protocol = 6; // IPPROTO_TCP = 6, IPPROTO_UDP = 17

    static SocketSpec forProtocol(Protocol protocol, AddressFamily family = AddressFamily::IPv4);
    // The TCP/UDP protocol this spec is, if type and protocol agree (stream+6, dgram+17).
    std::optional<Protocol> transport() const;
    friend bool operator==(const SocketSpec&, const SocketSpec&) = default;
};

// A block of ports exactly as the Windows calls take it: two USHORTs. Nothing here is
// validated: a backend given a bad range must fail the way the real call does.
struct PortRange
{
    std::uint16_t start = 0;
    std::uint16_t count = 0;

    std::uint32_t end() const { return std::uint32_t(start) + count - 1; } // last port
    bool contains(std::uint32_t port) const { return port >= start && port <= end(); }
    bool overlaps(const PortRange& other) const
    {
        return count != 0 && other.count != 0 && start <= other.end() && other.start <= end();
    }
    friend bool operator==(const PortRange&, const PortRange&) = default;
};

std::string toString(const PortRange& range); // "5000-5019" or "5000"

enum class RangeKind : std::uint8_t {
    Persistent, // start 1-65535, count >= 1, block ends at 65535 at the latest
    Runtime,    // as Persistent, but start 0 means "let the system choose"
    Scan,       // first 1-65535, last >= first
};

// The one validation of a (start, count) pair, used by every entry point and every backend.
// Values arrive wide so that 70000 or -1 can be named in the error rather than wrapped.
// The error is InvalidArgument, names the field ("start", "count", "end") and the allowed values.
Result<PortRange> makePortRange(std::int64_t start, std::int64_t count, RangeKind kind);
// Checks an already-narrow range (what a backend receives).
Result<void> validatePortRange(const PortRange& range, RangeKind kind);

// Strict decimal parsing of user text: ASCII digits only, no sign, no spaces, no 0x, no 1e3.
// `field` names the argument in the error message.
Result<std::int64_t> parseNumber(std::string_view text, std::string_view field);
// Parses START and COUNT as typed by a user and validates them as `kind`.
Result<PortRange> parsePortRange(std::string_view start, std::string_view count, RangeKind kind);
// Parses "FIRST-LAST" or a single port "N" (a scan span) into a range.
Result<PortRange> parsePortSpan(std::string_view text, std::string_view field);
// Parses a single port 0-65535 (0 only if allowZero).
Result<std::uint16_t> parsePort(std::string_view text, std::string_view field, bool allowZero);

} // namespace portolan
