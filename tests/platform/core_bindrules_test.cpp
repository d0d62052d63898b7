// SPDX-License-Identifier: GPL-3.0-or-later
// platform/bindrules against the two tables of docs/windows-semantics.md#bind-table: the page
// and the code must say the same, cell for cell.
#include "platform/bindrules.h"

#include <doctest/doctest.h>

#include <array>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

namespace portolan::test {
namespace {

constexpr std::array<BindSide, 6> kSides{{
    {SocketSharing::Default, true},
    {SocketSharing::Default, false},
    {SocketSharing::ReuseAddress, true},
    {SocketSharing::ReuseAddress, false},
    {SocketSharing::Exclusive, true},
    {SocketSharing::Exclusive, false},
}};

std::string trim(std::string text)
{
    const auto begin = text.find_first_not_of(" *");
    const auto end = text.find_last_not_of(" *");
    return begin == std::string::npos ? std::string() : text.substr(begin, end - begin + 1);
}

// The six rows of the table that follows `heading` in the document.
std::vector<std::vector<std::string>> tableAfter(const std::string& document,
                                                 const std::string& heading)
{
    std::vector<std::vector<std::string>> rows;
    const auto at = document.find(heading);
    REQUIRE_MESSAGE(at != std::string::npos, heading);
    std::istringstream lines(document.substr(at));
    std::string line;
    while (std::getline(lines, line) && rows.size() < 6) {
        if (line.rfind("| **", 0) != 0)
            continue;
        std::vector<std::string> cells;
        std::istringstream parts(line.substr(1));
        std::string cell;
        while (std::getline(parts, cell, '|'))
            if (!trim(cell).empty())
                cells.push_back(trim(cell));
        rows.push_back(cells);
    }
    return rows;
}

std::string verdictWord(BindVerdict verdict)
{
    switch (verdict) {
    case BindVerdict::Ok:
        return "ok";
    case BindVerdict::InUse:
        return "in use";
    case BindVerdict::Denied:
        return "denied";
    }
    return "?";
}

} // namespace

TEST_CASE("the bind rules say what docs/windows-semantics.md's bind table says, cell for cell")
{
    std::ifstream file(std::string(PORTOLAN_SOURCE_DIR) + "/docs/windows-semantics.md");
    REQUIRE(file.good());
    std::stringstream buffer;
    buffer << file.rdbuf();
    const std::string document = buffer.str();

    for (const bool sameUser : {true, false}) {
        CAPTURE(sameUser);
        const auto rows =
            tableAfter(document, sameUser ? "**Both binds under the same user account:**"
                                          : "**The two binds under different user "
                                            "accounts:**");
        REQUIRE(rows.size() == 6);
        for (std::size_t r = 0; r < 6; ++r) {
            REQUIRE(rows[r].size() == 7); // the row's name and six cells
            for (std::size_t c = 0; c < 6; ++c) {
                CAPTURE(rows[r][0]);
                CAPTURE(c);
                CHECK(verdictWord(secondBindVerdict(kSides[r], kSides[c], sameUser)) ==
                      rows[r][c + 1]);
            }
        }
    }
}

TEST_CASE("an exclusive wildcard bind is in use next to every holder, whoever owns it")
{
    for (const bool sameUser : {true, false})
        for (const BindSide first : kSides)
            CHECK(secondBindVerdict({SocketSharing::Exclusive, true}, first, sameUser) ==
                  BindVerdict::InUse);
}

TEST_CASE("socket options by name")
{
    CHECK(parseSocketSharing("reuseaddr") == SocketSharing::ReuseAddress);
    CHECK(parseSocketSharing("exclusive") == SocketSharing::Exclusive);
    CHECK(parseSocketSharing("default") == SocketSharing::Default);
    CHECK_FALSE(parseSocketSharing("shared").has_value());
    CHECK(toString(SocketSharing::ReuseAddress) == "reuseaddr");
}

} // namespace portolan::test
