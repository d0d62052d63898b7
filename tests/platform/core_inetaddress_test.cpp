// SPDX-License-Identifier: GPL-3.0-or-later
#include "platform/inetaddress.h"

#include <doctest/doctest.h>

#include <string>

using namespace portolan;

// The one reader and writer of IP address text, shared by the windows backend (SOCKADDRs,
// the listener tables) and the simulated one (scenarios, bind addresses).

TEST_CASE("IPv6 addresses read and print as RFC 5952 writes them")
{
    struct Case
    {
        const char* text;
        const char* printed; // nullptr: same as text
    };
    const Case cases[] = {
        {"::", nullptr},
        {"::1", nullptr},
        {"fe80::1:2", nullptr},
        {"2001:db8:0:0:1:0:0:1", "2001:db8::1:0:0:1"}, // the first of equal runs
        {"2001:DB8::0001", "2001:db8::1"},
        {"1:2:3:4:5:6:7:8", nullptr},
        {"1:0:3:4:5:6:7:8", nullptr}, // a single zero group stays
        {"::ffff:127.0.0.1", nullptr},
        {"0:0:0:0:0:ffff:7f00:1", "::ffff:127.0.0.1"},
    };
    for (const auto& c : cases) {
        CAPTURE(c.text);
        const auto bytes = parseIpv6(c.text);
        REQUIRE(bytes.has_value());
        CHECK(formatIpv6(bytes->data()) == std::string(c.printed ? c.printed : c.text));
    }
    for (const char* bad : {"", ":", ":::", "1::2::3", "1:2:3:4:5:6:7", "1:2:3:4:5:6:7:8:9",
                            "12345::", "g::", "fe80::1%3", "::1.2.3", "[::1]"}) {
        CAPTURE(bad);
        CHECK_FALSE(parseIpv6(bad).has_value());
    }
}

TEST_CASE("IPv4 addresses are four decimal parts without leading zeros")
{
    const auto bytes = parseIpv4("192.168.1.42");
    REQUIRE(bytes.has_value());
    CHECK(formatIpv4(bytes->data()) == "192.168.1.42");
    // "010" would be octal to inet_addr and decimal elsewhere: neither is guessed.
    for (const char* bad : {"", "1.2.3", "1.2.3.4.5", "256.1.1.1", "010.0.0.1", "1.2.3.-4",
                            "1.2.3.4 ", "1..3.4", "::1"}) {
        CAPTURE(bad);
        CHECK_FALSE(parseIpv4(bad).has_value());
    }
}

TEST_CASE("IpAddress: either family, canonical text, wildcard and loopback")
{
    const auto v6 = parseIpAddress("[0:0::1]");
    REQUIRE(v6.has_value());
    CHECK(v6->family == AddressFamily::IPv6);
    CHECK(v6->toString() == "::1");
    CHECK(v6->isLoopback());
    CHECK_FALSE(parseIpAddress("127.0.0.1", AddressFamily::IPv6).has_value());
    CHECK_FALSE(parseIpAddress("::1", AddressFamily::IPv4).has_value());
    CHECK(parseIpAddress("127.8.9.10")->isLoopback());
    CHECK(parseIpAddress("0.0.0.0")->isUnspecified());
    CHECK(parseIpAddress("::")->isUnspecified());

    const IpAddress any4 = *parseIpAddress("0.0.0.0");
    const IpAddress local4 = *parseIpAddress("127.0.0.1");
    const IpAddress lan4 = *parseIpAddress("192.168.1.42");
    const IpAddress any6 = *parseIpAddress("::");
    CHECK(addressesCollide(any4, lan4));
    CHECK(addressesCollide(local4, local4));
    CHECK_FALSE(addressesCollide(local4, lan4));
    CHECK_FALSE(addressesCollide(any6, lan4)); // another family never collides
}

TEST_CASE("ports travel in network byte order as Windows holds them")
{
    CHECK(hostToNetwork(5000) == 0x8813);
    CHECK(hostToNetwork(258) == 0x0201);
    CHECK(networkToHost(hostToNetwork(50100)) == 50100);
}
