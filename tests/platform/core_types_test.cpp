// SPDX-License-Identifier: GPL-3.0-or-later
#include "platform/error.h"
#include "platform/nativecodes.h"
#include "platform/types.h"

#include <doctest/doctest.h>

#include <string>

using namespace portolan;

namespace {

struct BadRange
{
    const char* start;
    const char* count;
    RangeKind kind;
    const char* field;   // the field the message must name
    const char* allowed; // text of the allowed values the message must contain
};

} // namespace

TEST_CASE("parsePortRange rejects every kind of bad input, naming the field and allowed values")
{
    const BadRange table[] = {
        {"", "10", RangeKind::Persistent, "start", "digits 0-9"},
        {"-1", "10", RangeKind::Persistent, "start", "digits 0-9"},
        {"0", "10", RangeKind::Persistent, "start", "1-65535"},
        {"65536", "1", RangeKind::Persistent, "start", "1-65535"},
        {"70000", "1", RangeKind::Persistent, "start", "1-65535"},
        {"1e3", "1", RangeKind::Persistent, "start", "digits 0-9"},
        {"0x50", "1", RangeKind::Persistent, "start", "digits 0-9"},
        {" 5000", "1", RangeKind::Persistent, "start", "digits 0-9"},
        {"5000 ", "1", RangeKind::Persistent, "start", "digits 0-9"},
        {"\xef\xbc\x95\xef\xbc\x90", "1", RangeKind::Persistent, "start", "digits 0-9"}, // "５０"
        {"99999999999999999999", "1", RangeKind::Persistent, "start", "65535"},
        {"5000", "0", RangeKind::Persistent, "count", "1-65535"},
        {"5000", "", RangeKind::Persistent, "count", "digits 0-9"},
        {"5000", "-5", RangeKind::Persistent, "count", "digits 0-9"},
        {"5000", "65536", RangeKind::Persistent, "count", "1-65535"},
        {"5000", "18446744073709551617", RangeKind::Persistent, "count", "65535"},
        {"65000", "1000", RangeKind::Persistent, "end", "at most 536"},
        {"65535", "2", RangeKind::Persistent, "end", "at most 1"},
        {"0", "0", RangeKind::Runtime, "count", "1-65535"},
        {"65536", "1", RangeKind::Runtime, "start", "0-65535"},
    };
    for (const BadRange& row : table) {
        CAPTURE(row.start);
        CAPTURE(row.count);
        auto range = parsePortRange(row.start, row.count, row.kind);
        REQUIRE_FALSE(range.ok());
        CHECK(range.error().kind == ErrorKind::InvalidArgument);
        const std::string& message = range.error().message;
        CHECK(message.rfind(row.field, 0) == 0);
        CHECK(message.find(row.allowed) != std::string::npos);
    }
}

TEST_CASE("parsePortRange accepts the full legal span")
{
    struct Good
    {
        const char* start;
        const char* count;
        RangeKind kind;
        std::uint16_t wantStart;
        std::uint16_t wantCount;
    };
    const Good table[] = {
        {"1", "1", RangeKind::Persistent, 1, 1},
        {"5000", "20", RangeKind::Persistent, 5000, 20},
        {"65535", "1", RangeKind::Persistent, 65535, 1},
        {"1", "65535", RangeKind::Persistent, 1, 65535},
        {"0", "100", RangeKind::Runtime, 0, 100},
        {"0005000", "10", RangeKind::Persistent, 5000, 10},
    };
    for (const Good& row : table) {
        CAPTURE(row.start);
        auto range = parsePortRange(row.start, row.count, row.kind);
        REQUIRE(range.ok());
        CHECK(range->start == row.wantStart);
        CHECK(range->count == row.wantCount);
    }
}

TEST_CASE("validatePortRange is the same rule as makePortRange on narrow values")
{
    CHECK_FALSE(validatePortRange(PortRange{0, 10}, RangeKind::Persistent).ok());
    CHECK(validatePortRange(PortRange{0, 10}, RangeKind::Runtime).ok());
    CHECK_FALSE(validatePortRange(PortRange{5000, 0}, RangeKind::Runtime).ok());
    CHECK_FALSE(validatePortRange(PortRange{65000, 1000}, RangeKind::Persistent).ok());
    CHECK(validatePortRange(PortRange{64536, 1000}, RangeKind::Persistent).ok());
}

TEST_CASE("parsePortSpan reads FIRST-LAST and single ports")
{
    auto whole = parsePortSpan("1-65535", "range");
    REQUIRE(whole.ok());
    CHECK(whole->start == 1);
    CHECK(whole->count == 65535);
    CHECK(whole->end() == 65535);

    auto single = parsePortSpan("3000", "range");
    REQUIRE(single.ok());
    CHECK(toString(single.value()) == "3000");

    for (const char* bad : {"5000-4000", "0-10", "1-65536", "-", "10-", "a-b", "1--2", ""}) {
        CAPTURE(bad);
        auto span = parsePortSpan(bad, "range");
        REQUIRE_FALSE(span.ok());
        CHECK(span.error().message.rfind("range", 0) == 0);
    }
    CHECK(parsePortSpan("5000-4000", "range").error().message.find("ends before it starts")
          != std::string::npos);
}

TEST_CASE("PortRange overlap and containment at the edges")
{
    const PortRange block{5000, 10}; // 5000-5009
    CHECK(block.end() == 5009);
    CHECK(block.contains(5000));
    CHECK(block.contains(5009));
    CHECK_FALSE(block.contains(5010));
    CHECK(block.overlaps(PortRange{5009, 5}));
    CHECK_FALSE(block.overlaps(PortRange{5010, 5}));
    CHECK_FALSE(block.overlaps(PortRange{4990, 10}));
    CHECK(block.overlaps(PortRange{4990, 11}));
    CHECK_FALSE(block.overlaps(PortRange{5000, 0}));
    CHECK(toString(block) == "5000-5009");
    CHECK(toString(PortRange{0, 10}) == "any 10 ports");
    CHECK(toString(PortRange{0, 1}) == "any 1 port");
}

TEST_CASE("protocols and families parse case-insensitively and as the sample's numbers")
{
    CHECK(parseProtocol("TCP") == Protocol::Tcp);
    CHECK(parseProtocol("udp") == Protocol::Udp);
    CHECK_FALSE(parseProtocol("icmp").has_value());
    CHECK_FALSE(parseProtocol("").has_value());
    CHECK(parseAddressFamily("2") == AddressFamily::IPv4);
    CHECK(parseAddressFamily("23") == AddressFamily::IPv6);
    CHECK(parseAddressFamily("IPv6") == AddressFamily::IPv6);
    CHECK_FALSE(parseAddressFamily("10").has_value());
    CHECK(SocketSpec::forProtocol(Protocol::Udp).transport() == Protocol::Udp);
    CHECK_FALSE((SocketSpec{AddressFamily::IPv4, SocketType::Raw, 6}.transport().has_value()));
    CHECK_FALSE((SocketSpec{AddressFamily::IPv4, SocketType::Stream, 17}.transport().has_value()));
}

TEST_CASE("Windows codes carry their symbolic name, kind and system text")
{
    struct Row
    {
        std::int64_t code;
        const char* name;
        ErrorKind kind;
    };
    const Row table[] = {
        {native::kErrorAccessDenied, "ERROR_ACCESS_DENIED", ErrorKind::AccessDenied},
        {native::kErrorInvalidParameter, "ERROR_INVALID_PARAMETER", ErrorKind::InvalidArgument},
        {native::kErrorSharingViolation, "ERROR_SHARING_VIOLATION", ErrorKind::Conflict},
        {native::kErrorNotFound, "ERROR_NOT_FOUND", ErrorKind::NotFound},
        {native::kWsaEinval, "WSAEINVAL", ErrorKind::InvalidArgument},
        {native::kWsaEopnotsupp, "WSAEOPNOTSUPP", ErrorKind::Unsupported},
        {native::kWsaEfault, "WSAEFAULT", ErrorKind::InvalidArgument},
        {native::kWsaEinprogress, "WSAEINPROGRESS", ErrorKind::Unavailable},
        {native::kWsaEintr, "WSAEINTR", ErrorKind::Interrupted},
        {native::kWsaEnetdown, "WSAENETDOWN", ErrorKind::Unavailable},
        {native::kWsaEnotsock, "WSAENOTSOCK", ErrorKind::InvalidArgument},
        {native::kWsaIoPending, "WSA_IO_PENDING", ErrorKind::Unavailable},
        {native::kWsaOperationAborted, "WSA_OPERATION_ABORTED", ErrorKind::Cancelled},
        {native::kWsaEacces, "WSAEACCES", ErrorKind::AccessDenied},
        {native::kWsaEaddrinuse, "WSAEADDRINUSE", ErrorKind::Conflict},
    };
    for (const Row& row : table) {
        CAPTURE(row.code);
        const Error error = native::windowsError(row.code, "create tcp 5000-5009");
        CHECK(error.code == row.code);
        CHECK(error.name == row.name);
        CHECK(error.kind == row.kind);
        CHECK(error.message.rfind("create tcp 5000-5009: ", 0) == 0);
        CHECK(error.message.size() > std::string("create tcp 5000-5009: ").size());
    }
    const Error unknown = native::windowsError(424242, "x");
    CHECK(unknown.name.empty());
    CHECK(unknown.message.find("424242") != std::string::npos);
}

TEST_CASE("errno values carry their symbolic name and kind")
{
    const Error denied = native::posixError(EACCES, "/proc/sys/net/ipv4/ip_local_reserved_ports");
    CHECK(denied.name == "EACCES");
    CHECK(denied.kind == ErrorKind::AccessDenied);
    CHECK(native::posixError(EADDRINUSE, "bind").kind == ErrorKind::Conflict);
    CHECK(native::errnoName(EPERM) == "EPERM");
}

TEST_CASE("Error::describe shows kind, name, code and message")
{
    const Error error = native::windowsError(native::kErrorNotFound, "lookup tcp 5000-5009");
    CHECK(error.describe()
          == "NotFound (ERROR_NOT_FOUND, 1168): lookup tcp 5000-5009: Element not found.");
    CHECK(Error::make(ErrorKind::InvalidArgument, "count: bad").describe()
          == "InvalidArgument: count: bad");
    CHECK_FALSE(remedy(ErrorKind::AccessDenied).empty());
}
