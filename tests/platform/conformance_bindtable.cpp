// SPDX-License-Identifier: GPL-3.0-or-later
// The bind table of docs/windows-semantics.md#bind-table, one subcase per cell: a socket of
// another program holds the port (first bind), the backend binds a second socket next to it,
// once through a socket and once through a bind probe. The expected answers are typed here as
// Microsoft's page "Using SO_REUSEADDR and SO_EXCLUSIVEADDRUSE" prints them — first bind as
// rows, second bind as columns — independently of platform/bindrules.cpp, which holds them
// turned the other way.
#include "conformance.h"

#include <doctest/doctest.h>

#include <array>
#include <string>
#include <string_view>

namespace portolan::test {
namespace {

struct Side
{
    SocketSharing sharing;
    bool wildcard;
};

// The order of the page's rows and columns.
constexpr std::array<Side, 6> kSides{{
    {SocketSharing::Default, true},
    {SocketSharing::Default, false},
    {SocketSharing::ReuseAddress, true},
    {SocketSharing::ReuseAddress, false},
    {SocketSharing::Exclusive, true},
    {SocketSharing::Exclusive, false},
}};

using Page = std::array<std::array<std::string_view, 6>, 6>;

// "Windows Server 2003 and later", both binds under the same user account.
constexpr Page kSameUser{{
    {"INUSE", "Success", "ACCESS", "Success", "INUSE", "Success"},
    {"Success", "INUSE", "Success", "ACCESS", "INUSE", "INUSE"},
    {"INUSE", "Success", "Success", "Success", "INUSE", "Success"},
    {"Success", "INUSE", "Success", "Success", "INUSE", "INUSE"},
    {"INUSE", "ACCESS", "ACCESS", "ACCESS", "INUSE", "ACCESS"},
    {"Success", "INUSE", "Success", "ACCESS", "INUSE", "INUSE"},
}};

// The same, the two binds under different user accounts.
constexpr Page kOtherUser{{
    {"INUSE", "ACCESS", "ACCESS", "ACCESS", "INUSE", "ACCESS"},
    {"Success", "INUSE", "Success", "ACCESS", "INUSE", "INUSE"},
    {"INUSE", "ACCESS", "Success", "Success", "INUSE", "ACCESS"},
    {"Success", "INUSE", "Success", "Success", "INUSE", "INUSE"},
    {"INUSE", "ACCESS", "ACCESS", "ACCESS", "INUSE", "ACCESS"},
    {"Success", "INUSE", "Success", "ACCESS", "INUSE", "INUSE"},
}};

std::string sideText(Side side)
{
    return std::string(toString(side.sharing)) + (side.wildcard ? "/wildcard" : "/specific");
}

const char* address(Side side)
{
    return side.wildcard ? "0.0.0.0" : "127.0.0.1";
}

void checkTable(const Page& page, bool sameUser)
{
    auto fixture = makeConformanceFixture();
    REQUIRE(fixture != nullptr);
    Backend& backend = fixture->backend();
    if (!backend.capabilities().bindProbe) {
        skipCase(fixture->description() + ": the backend has no bind probe");
        return;
    }
    const std::uint16_t port = std::uint16_t(fixture->freeBlock().start + 7);
    {
        std::string why;
        if (!fixture->occupyAs(Protocol::Tcp, "0.0.0.0", port, SocketSharing::Default, sameUser,
                               &why)) {
            skipCase(why);
            return;
        }
        fixture->releasePort(Protocol::Tcp, port);
    }
    for (std::size_t row = 0; row < kSides.size(); ++row) {
        for (std::size_t column = 0; column < kSides.size(); ++column) {
            const Side first = kSides[row];
            const Side second = kSides[column];
            const std::string_view expected = page[row][column];
            const std::string cell = "first " + sideText(first) + ", second " + sideText(second);
            SUBCASE(cell.c_str())
            {
                CAPTURE(expected);
                std::string why;
                REQUIRE_MESSAGE(fixture->occupyAs(Protocol::Tcp, address(first), port,
                                                  first.sharing, sameUser, &why),
                                why);
                auto socket = backend.openSocket(SocketSpec::forProtocol(Protocol::Tcp));
                REQUIRE_MESSAGE(socket.ok(), socket.error().describe());
                REQUIRE(socket.value()->setSharing(second.sharing).ok());
                auto bound = socket.value()->bind(address(second), port);
                if (expected == "Success") {
                    CHECK_MESSAGE(bound.ok(), bound.error().describe());
                } else {
                    REQUIRE_FALSE(bound.ok());
                    CHECK(bound.error().name ==
                          (expected == "INUSE" ? "WSAEADDRINUSE" : "WSAEACCES"));
                }
                socket.value().reset();

                // The probe answers the same, and an access error with no reservation on the
                // port is "denied", never "forbidden".
                const auto probe = backend.bindProbe(BindTarget{
                    Protocol::Tcp, AddressFamily::IPv4, address(second), port, second.sharing});
                const BindOutcome outcome = expected == "Success" ? BindOutcome::Free
                                            : expected == "INUSE" ? BindOutcome::InUse
                                                                  : BindOutcome::Denied;
                CHECK(probe.outcome == outcome);
                if (outcome != BindOutcome::Free)
                    CHECK_FALSE(probe.holder.empty());
                fixture->releasePort(Protocol::Tcp, port);
            }
        }
    }
}

} // namespace

TEST_CASE("conformance: bind table, both binds under the same account")
{
    checkTable(kSameUser, true);
}

TEST_CASE("conformance: bind table, the binds under different accounts")
{
    checkTable(kOtherUser, false);
}

} // namespace portolan::test
