// SPDX-License-Identifier: GPL-3.0-or-later
#include "platform/jsonvalue.h"

#include <doctest/doctest.h>

#include <cstdint>
#include <limits>
#include <string>
#include <string_view>

using namespace portolan;

// What the JSON wrapper promises on top of the library: errors a person can find in an editor,
// a depth limit, 64-bit integers and key order kept. The library's own parsing is not
// retested here.

namespace {

std::string errorOf(std::string_view text)
{
    auto parsed = parseJson(text);
    REQUIRE_FALSE(parsed.ok());
    CHECK(parsed.error().kind == ErrorKind::InvalidArgument);
    return parsed.error().message;
}

Json parsed(std::string_view text)
{
    auto result = parseJson(text);
    REQUIRE_MESSAGE(result.ok(), (result.ok() ? std::string() : result.error().message));
    return std::move(result).value();
}

std::string nested(int depth)
{
    return std::string(static_cast<std::size_t>(depth), '[') +
           std::string(static_cast<std::size_t>(depth), ']');
}

bool startsWith(const std::string& text, std::string_view prefix)
{
    return text.rfind(prefix, 0) == 0;
}

} // namespace

TEST_CASE("errors name the line and column where the problem starts")
{
    struct Case
    {
        std::string_view input;
        std::string_view position;
    };
    const Case cases[] = {
        {"", "line 1, column 1: "},
        {"{\n  \"schema\": 1,\n  \"name\": \n}", "line 4, column 1: "},
        // The unexpected token is shown where it begins, not where the parser finished it.
        {"{\"ok\":true,\n \"reservations\": [\n  {\"protocol\" \"tcp\"}]}", "line 3, column 15: "},
        {"[1 23]", "line 1, column 4: "},
        {"{\"a\" true}", "line 1, column 6: "},
        {"[1, 1e400]", "line 1, column 5: "}, // too large for a double
        // Windows (\r\n) and old Mac (\r) line ends count as one line end each.
        {"[\r\n1,\r\n]", "line 3, column 1: "},
        {"[\r1,\r]", "line 3, column 1: "},
        {"{\"a\":1} x", "line 1, column 9: "},
    };
    for (const Case& c : cases) {
        CAPTURE(c.input);
        const std::string message = errorOf(c.input);
        CHECK_MESSAGE(startsWith(message, c.position), message);
    }
}

TEST_CASE("a NUL byte is an error, not the end of the document")
{
    using namespace std::string_literals;
    CHECK(startsWith(errorOf("{\"a\":1}\0junk"s), "line 1, column 8: "));
    CHECK(startsWith(errorOf("{\"a\":\n\0}"s), "line 2, column 1: "));
    CHECK(startsWith(errorOf("[1,]\0"s), "line 1, column 4: "));      // the earlier error first
    CHECK(parsed("[\"\\u0000\"]").at(0).get<std::string>() == "\0"s); // escaped, it is text
}

TEST_CASE("error messages say what is wrong without echoing the document")
{
    // An unterminated string runs to the end of the input; the message must not repeat it.
    const std::string rest(500, 'x');
    const std::string message = errorOf("{\"note\": \"" + rest);
    CHECK(message.find(rest) == std::string::npos);
    CHECK(message.find("last read") == std::string::npos);
    CHECK(message.find("json.exception") == std::string::npos);
    // Invalid UTF-8 in the input does not end up in the message.
    const std::string bad = errorOf("[\"\xC3\x28\"]");
    CHECK(bad.find('\xC3') == std::string::npos);
    CHECK(errorOf("{\"a\" 1}").find("expected ':'") != std::string::npos);
}

TEST_CASE("columns count characters, not bytes")
{
    // "é" and "€" are two and three bytes of UTF-8 but one column each.
    CHECK(startsWith(errorOf("[\"é€\" x]"), "line 1, column 7: "));
    CHECK(startsWith(errorOf("{\"ключ\":\n  \"значение\" 1}"), "line 2, column 14: "));
}

TEST_CASE("nesting is limited to 256 levels")
{
    CHECK(parsed(nested(kJsonMaxDepth)).is_array());
    const std::string message = errorOf(nested(kJsonMaxDepth + 1));
    CHECK(startsWith(message, "line 1, column 257: "));
    CHECK(message.find("256") != std::string::npos);
    // Far deeper input is refused the same way, not walked.
    CHECK(startsWith(errorOf(std::string(100000, '[')), "line 1, column 257: "));
    CHECK(startsWith(errorOf("{\"a\":" + nested(kJsonMaxDepth)), "line 1, column 261: "));
}

TEST_CASE("64-bit integers survive a round trip exactly")
{
    const std::string text = "[18446744073709551615,9223372036854775807,-9223372036854775808,"
                             "9007199254740993,0]";
    const Json value = parsed(text);
    CHECK(dumpJson(value) == text);
    CHECK(jsonUint64(value[0]) == std::numeric_limits<std::uint64_t>::max());
    CHECK_FALSE(jsonInt64(value[0]).has_value()); // does not fit
    CHECK(jsonInt64(value[1]) == std::numeric_limits<std::int64_t>::max());
    CHECK(jsonInt64(value[2]) == std::numeric_limits<std::int64_t>::min());
    CHECK_FALSE(jsonUint64(value[2]).has_value());      // negative
    CHECK(jsonUint64(value[3]) == 9007199254740993ULL); // not representable as a double
    // A fraction, an exponent or a string is not an integer, whatever its value.
    for (std::string_view other : {"5.0", "1e3", "\"7\"", "true", "null"}) {
        CAPTURE(other);
        CHECK_FALSE(jsonInt64(parsed(other)).has_value());
        CHECK_FALSE(jsonUint64(parsed(other)).has_value());
    }
    CHECK(dumpJson(Json(std::numeric_limits<std::uint64_t>::max())) == "18446744073709551615");
}

TEST_CASE("objects keep their keys in document order")
{
    const std::string text = R"({"zeta":1,"alpha":{"m":true,"b":null},"mid":[]})";
    CHECK(dumpJson(parsed(text)) == text);
    Json built = Json::object();
    built["schema"] = 1;
    built["name"] = "x";
    built["addresses"] = Json::array();
    CHECK(dumpJson(built) == R"({"schema":1,"name":"x","addresses":[]})");
    // A repeated key keeps its first place and its last value.
    CHECK(dumpJson(parsed(R"({"a":1,"b":2,"a":3})")) == R"({"a":3,"b":2})");
}

TEST_CASE("documents read and written by the wrapper")
{
    SUBCASE("a byte order mark is skipped")
    {
        CHECK(dumpJson(parsed("\xEF\xBB\xBF{\"a\":1}")) == R"({"a":1})");
    }
    SUBCASE("indented output has one member per line")
    {
        CHECK(dumpJson(parsed(R"({"a":[1,2],"b":{}})"), 2) ==
              "{\n  \"a\": [\n    1,\n    2\n  ],\n  \"b\": {}\n}");
    }
    SUBCASE("malformed UTF-8 in a string is written as U+FFFD, not thrown")
    {
        CHECK(dumpJson(Json(std::string("a\xFF"
                                        "b"))) == "\"a\xEF\xBF\xBD"
                                                  "b\"");
    }
    SUBCASE("findMember finds members of objects only")
    {
        const Json value = parsed(R"({"a":{"b":2}})");
        REQUIRE(findMember(value, "a") != nullptr);
        CHECK(findMember(*findMember(value, "a"), "b")->get<int>() == 2);
        CHECK(findMember(value, "missing") == nullptr);
        CHECK(findMember(parsed("[1]"), "a") == nullptr);
    }
}
