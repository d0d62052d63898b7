#include "platform/json.h"

#include <doctest/doctest.h>

#include <cmath>
#include <cstdint>
#include <limits>
#include <string>
#include <string_view>

using namespace portolan;
using namespace portolan::json;

// ErrorKind comparisons are parenthesised: doctest would otherwise stringify them through
// portolan::toString, which returns a string_view it cannot concatenate.

namespace {

// Structural equality: same types, same literals, same members in the same order.
bool same(const Value& a, const Value& b)
{
    if (a.type() != b.type())
        return false;
    switch (a.type()) {
    case Type::Null:
        return true;
    case Type::Bool:
        return a.asBool() == b.asBool();
    case Type::Number:
    case Type::String:
        return a.asString() == b.asString();
    case Type::Array: {
        const Array& x = a.asArray();
        const Array& y = b.asArray();
        if (x.size() != y.size())
            return false;
        for (std::size_t i = 0; i < x.size(); ++i) {
            if (!same(x[i], y[i]))
                return false;
        }
        return true;
    }
    case Type::Object: {
        const Object& x = a.asObject();
        const Object& y = b.asObject();
        if (x.size() != y.size())
            return false;
        for (std::size_t i = 0; i < x.size(); ++i) {
            if (x[i].first != y[i].first || !same(x[i].second, y[i].second))
                return false;
        }
        return true;
    }
    }
    return false;
}

Value parsed(std::string_view text)
{
    auto r = parse(text);
    REQUIRE_MESSAGE(r.ok(), (r.ok() ? std::string() : r.error().message));
    return std::move(r).value();
}

std::string nested(int depth)
{
    return std::string(static_cast<std::size_t>(depth), '[') +
           std::string(static_cast<std::size_t>(depth), ']');
}

} // namespace

TEST_CASE("valid documents parse to the expected value")
{
    struct Case
    {
        std::string_view input;
        std::string_view compact; // dump() of the parsed value
    };
    const Case cases[] = {
        {"null", "null"},
        {" true ", "true"},
        {"\t\r\nfalse\n", "false"},
        {"0", "0"},
        {"-0", "-0"},
        {"[1, 2.5, -3, 1e10, 1E-2, 0.5e+3, -0.0]", "[1,2.5,-3,1e10,1E-2,0.5e+3,-0.0]"},
        {"\"\"", "\"\""},
        {"[]", "[]"},
        {"{}", "{}"},
        {"[ [ ] , { } ]", "[[],{}]"},
        {"{\"a\":1,\"b\":{\"c\":[true,false,null]}}", "{\"a\":1,\"b\":{\"c\":[true,false,null]}}"},
        {"{ \"z\" : 1 , \"a\" : 2 }", "{\"z\":1,\"a\":2}"}, // insertion order, not sorted
        {"{\"a\":1,\"b\":2,\"a\":3}", "{\"a\":3,\"b\":2}"}, // last duplicate wins, first place
        {R"("\"\\\/\b\f\n\r\t")", R"("\"\\/\b\f\n\r\t")"},
        {R"("\u0041\u00e9\u20AC")", "\"A\xC3\xA9\xE2\x82\xAC\""},
        {R"("\ud83d\ude00")", "\"\xF0\x9F\x98\x80\""}, // surrogate pair -> U+1F600
        {R"("\u0000")", R"("\u0000")"},
        {"\"caf\xC3\xA9 \xF0\x9F\x98\x80\"", "\"caf\xC3\xA9 \xF0\x9F\x98\x80\""},
        {"\xEF\xBB\xBF{\"bom\":true}", "{\"bom\":true}"}, // Notepad's byte order mark
        {"\"\x7F\"", "\"\x7F\""},
    };
    for (const Case& c : cases) {
        CAPTURE(c.input);
        const Value v = parsed(c.input);
        CHECK(v.dump() == c.compact);
    }
}

TEST_CASE("invalid documents are rejected with line and column")
{
    struct Case
    {
        std::string_view input;
        std::string_view position; // "line L, column C"
    };
    const Case cases[] = {
        {"", "line 1, column 1"},
        {"   ", "line 1, column 4"},
        {"[1,]", "line 1, column 4"},
        {"[1 2]", "line 1, column 4"},
        {"{\"a\" 1}", "line 1, column 6"},
        {"{\"a\":1,}", "line 1, column 8"},
        {"{a:1}", "line 1, column 2"},
        {"{\"a\":1", "line 1, column 7"},
        {"01", "line 1, column 2"},
        {"-01", "line 1, column 3"},
        {"+1", "line 1, column 1"},
        {".5", "line 1, column 1"},
        {"1.", "line 1, column 3"},
        {"1.e5", "line 1, column 3"},
        {"1e", "line 1, column 3"},
        {"1e+", "line 1, column 4"},
        {"-", "line 1, column 2"},
        {"NaN", "line 1, column 1"},
        {"Infinity", "line 1, column 1"},
        {"-Infinity", "line 1, column 2"},
        {"tru", "line 1, column 1"},
        {"nul", "line 1, column 1"},
        {"True", "line 1, column 1"},
        {"1 2", "line 1, column 3"},
        {"[1] x", "line 1, column 5"},
        {"{} {}", "line 1, column 4"},
        {"\"abc", "line 1, column 5"},
        {"\"a\tb\"", "line 1, column 3"}, // raw control character
        {"\"a\nb\"", "line 1, column 3"},
        {R"("\x")", "line 1, column 3"},
        {R"("\u12G4")", "line 1, column 6"},
        {R"("\ud800")", "line 1, column 2"},       // lone high surrogate
        {R"("\ud800\u0041")", "line 1, column 8"}, // high surrogate + non-surrogate
        {R"("\udc00")", "line 1, column 2"},       // lone low surrogate
        {R"(["ok", "\ud83d"])", "line 1, column 9"},
        {"\"\xFF\"", "line 1, column 2"},             // not UTF-8
        {"\"\xC0\xAF\"", "line 1, column 2"},         // overlong '/'
        {"\"\xED\xA0\x80\"", "line 1, column 2"},     // UTF-8-encoded surrogate
        {"\"\xF4\x90\x80\x80\"", "line 1, column 2"}, // above U+10FFFF
        {"\"\xC3\"", "line 1, column 2"},             // truncated sequence
        {"{\"\xC3\xA9\": x}", "line 1, column 7"},    // columns count characters, not bytes
        {"[1,\n  2,\n  x]", "line 3, column 3"},
        {"{\r\n\"a\": 1,\r\n\"b\" 2}", "line 3, column 5"},
        {"[1]\n\n  ]", "line 3, column 3"},
    };
    for (const Case& c : cases) {
        CAPTURE(c.input);
        const auto r = parse(c.input);
        REQUIRE_FALSE(r.ok());
        CHECK((r.error().kind == ErrorKind::InvalidArgument));
        const std::string& message = r.error().message;
        CAPTURE(message);
        CHECK(message.rfind(std::string(c.position) + ": expected ", 0) == 0);
    }
}

TEST_CASE("error messages say what was expected and what was found")
{
    auto r = parse("{\"a\" 1}");
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().message == "line 1, column 6: expected ':' after an object key, found '1'");

    r = parse("[1,");
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().message == "line 1, column 4: expected a value, found the end of the input");
}

TEST_CASE("parse, dump, parse gives the same value")
{
    const std::string_view documents[] = {
        R"({"name":"tcp","ranges":[{"start":49152,"count":16384}],"enabled":true,"note":null})",
        R"([0,-1,1.5,-2.25e-3,1E+300,18446744073709551615,-9223372036854775808])",
        R"({"esc":"quote \" backslash \\ tab \t nl \n cr \r bell \u0007 del \u007f","u":"\u00e9\ud83d\ude00"})",
        R"({"deep":[[[[{"x":[[]]}]]]],"empty":{},"list":[]})",
        R"("\u001f\u0001")",
    };
    for (std::string_view doc : documents) {
        CAPTURE(doc);
        const Value first = parsed(doc);
        for (int indent : {-1, 0, 2, 4}) {
            CAPTURE(indent);
            const std::string text = first.dump(indent);
            const Value second = parsed(text);
            CHECK(same(first, second));
            CHECK(second.dump(indent) == text);
        }
    }
}

TEST_CASE("64-bit integers survive exactly")
{
    SUBCASE("parsed literals")
    {
        const Value v = parsed("[18446744073709551615, 9223372036854775807, -9223372036854775808, "
                               "18446744073709551616, -9223372036854775809, 1.0, 1e2, -0, 42]");
        const Array& a = v.asArray();
        REQUIRE(a.size() == 9);

        CHECK(a[0].asUint() == std::numeric_limits<std::uint64_t>::max());
        CHECK_FALSE(a[0].asInt().has_value());
        CHECK(a[0].asString() == "18446744073709551615");

        CHECK(a[1].asInt() == std::numeric_limits<std::int64_t>::max());
        CHECK(a[1].asUint() == 9223372036854775807ULL);

        CHECK(a[2].asInt() == std::numeric_limits<std::int64_t>::min());
        CHECK_FALSE(a[2].asUint().has_value());

        CHECK_FALSE(a[3].asUint().has_value()); // one past uint64 max
        CHECK_FALSE(a[3].asInt().has_value());
        CHECK(a[3].asDouble() == doctest::Approx(1.8446744073709552e19));
        CHECK_FALSE(a[4].asInt().has_value()); // one below int64 min

        CHECK_FALSE(a[5].asInt().has_value());  // fraction
        CHECK_FALSE(a[6].asUint().has_value()); // exponent
        CHECK(a[6].asDouble() == 100.0);
        CHECK(a[7].asInt() == 0);
        CHECK(a[7].asUint() == 0u);
        CHECK(a[8].asInt() == 42);
        CHECK(a[8].asUint() == 42u);

        // Re-serialising keeps every token exactly as written.
        CHECK(v.dump() == "[18446744073709551615,9223372036854775807,-9223372036854775808,"
                          "18446744073709551616,-9223372036854775809,1.0,1e2,-0,42]");
    }
    SUBCASE("constructed values")
    {
        CHECK(Value(std::numeric_limits<std::uint64_t>::max()).dump() == "18446744073709551615");
        CHECK(Value(std::numeric_limits<std::int64_t>::min()).dump() == "-9223372036854775808");
        CHECK(Value(-7).dump() == "-7");
        CHECK(Value(65535u).dump() == "65535");
        CHECK(Value(std::uint64_t{1} << 63).asUint() == (std::uint64_t{1} << 63));
        CHECK_FALSE(Value(std::uint64_t{1} << 63).asInt().has_value());
        CHECK(Value(-1).asInt() == -1);
        CHECK_FALSE(Value(-1).asUint().has_value());
    }
    SUBCASE("non-numbers have no number value")
    {
        CHECK_FALSE(Value("12").asInt().has_value());
        CHECK_FALSE(Value(true).asUint().has_value());
        CHECK(Value().asDouble() == 0.0);
    }
}

TEST_CASE("doubles are written so that they read back identically")
{
    const double values[] = {
        0.1,           -0.0, 1.0 / 3.0, 1e300, -1e-300, 5e-324, 1.7976931348623157e308,
        123456789.125, 2.5,  1e21};
    for (double d : values) {
        CAPTURE(d);
        const std::string text = Value(d).dump();
        CAPTURE(text);
        const Value back = parsed(text);
        REQUIRE(back.isNumber());
        CHECK(back.asDouble() == d);
        CHECK(std::signbit(back.asDouble()) == std::signbit(d));
    }
    CHECK(Value(0.1).dump() == "0.1");
    CHECK(Value(std::nan("")).dump() == "null");
    CHECK(Value(std::numeric_limits<double>::infinity()).dump() == "null");
    CHECK(Value(-std::numeric_limits<double>::infinity()).isNull());

    // Literals beyond double's range read as infinity or zero, never as garbage.
    CHECK(parsed("1e400").asDouble() == std::numeric_limits<double>::infinity());
    CHECK(parsed("-123.4e400").asDouble() == -std::numeric_limits<double>::infinity());
    CHECK(parsed("1e-400").asDouble() == 0.0);
    CHECK(parsed("0.0000001e-400").asDouble() == 0.0);
    CHECK(parsed("1e99999999999999999999").asDouble() == std::numeric_limits<double>::infinity());
}

TEST_CASE("nesting is limited to 256 levels")
{
    SUBCASE("256 levels parse")
    {
        const Value v = parsed(nested(256));
        CHECK(v.dump() == nested(256));
    }
    SUBCASE("257 levels are an error at the 257th bracket")
    {
        const auto r = parse(nested(257));
        REQUIRE_FALSE(r.ok());
        CHECK((r.error().kind == ErrorKind::InvalidArgument));
        CHECK(r.error().message == "line 1, column 257: nesting is deeper than 256 levels");
    }
    SUBCASE("objects count too")
    {
        std::string deep;
        for (int i = 0; i < 257; ++i)
            deep += "{\"a\":";
        deep += "1";
        deep += std::string(257, '}');
        CHECK_FALSE(parse(deep).ok());
    }
    SUBCASE("absurd depth is an error, not a crash")
    {
        const std::string bomb(1'000'000, '[');
        const auto r = parse(bomb);
        REQUIRE_FALSE(r.ok());
        CHECK(r.error().message.find("256") != std::string::npos);
    }
}

TEST_CASE("pretty output has one member per line, indented")
{
    Value v;
    v.set("name", "tcp");
    v.set("ports", Array{Value(80), Value(443)});
    v.set("empty", Object{});
    v.set("none", Array{});
    v.set("nested", Object{{"ok", Value(true)}});

    CHECK(v.dump(2) == "{\n"
                       "  \"name\": \"tcp\",\n"
                       "  \"ports\": [\n"
                       "    80,\n"
                       "    443\n"
                       "  ],\n"
                       "  \"empty\": {},\n"
                       "  \"none\": [],\n"
                       "  \"nested\": {\n"
                       "    \"ok\": true\n"
                       "  }\n"
                       "}");
    CHECK(v.dump(4).find("\n        443\n    ]") != std::string::npos);
    CHECK(v.dump() ==
          R"({"name":"tcp","ports":[80,443],"empty":{},"none":[],"nested":{"ok":true}})");
    CHECK(v.dump(-1).find('\n') == std::string::npos);
}

TEST_CASE("escape")
{
    struct Case
    {
        std::string_view input;
        std::string_view escaped;
    };
    const Case cases[] = {
        {"plain", "plain"},
        {"a\"b\\c", "a\\\"b\\\\c"},
        {"\b\f\n\r\t", "\\b\\f\\n\\r\\t"},
        {std::string_view("\x00\x01\x1f", 3), "\\u0000\\u0001\\u001f"},
        {"/", "/"},
        {"\x7F", "\x7F"},
        {"caf\xC3\xA9 \xF0\x9F\x98\x80", "caf\xC3\xA9 \xF0\x9F\x98\x80"}, // UTF-8 passes through
        {"bad \xFF byte", "bad \xEF\xBF\xBD byte"},                       // becomes U+FFFD
        {"cut \xE2\x82", "cut \xEF\xBF\xBD\xEF\xBF\xBD"},
    };
    for (const Case& c : cases) {
        CAPTURE(c.input);
        CHECK(escape(c.input) == c.escaped);
        // Whatever a string holds, its dump is a document parse() accepts.
        CHECK(parse(Value(c.input).dump()).ok());
    }
}

TEST_CASE("building and reading values")
{
    SUBCASE("set appends new keys and replaces existing ones in place")
    {
        Value v;
        v.set("a", 1);
        v.set("b", 2);
        Value& replaced = v.set("a", "x");
        CHECK(replaced.asString() == "x");
        CHECK(v.dump() == R"({"a":"x","b":2})");
        REQUIRE(v.find("b") != nullptr);
        CHECK(v.find("b")->asInt() == 2);
        CHECK(v.find("c") == nullptr);
    }
    SUBCASE("an object built from a vector resolves duplicate keys like the parser")
    {
        const Value v(Object{{"k", Value(1)}, {"j", Value(2)}, {"k", Value(3)}});
        CHECK(v.dump() == R"({"k":3,"j":2})");
        CHECK(v.find("k")->asInt() == 3);
    }
    SUBCASE("push turns null into an array")
    {
        Value v;
        v.push(1);
        v.push("two");
        CHECK(v.isArray());
        CHECK(v.dump() == R"([1,"two"])");
    }
    SUBCASE("find on a non-object is nullptr")
    {
        CHECK(Value().find("a") == nullptr);
        CHECK(Value(Array{Value(1)}).find("a") == nullptr);
        CHECK(Value("a").find("a") == nullptr);
    }
    SUBCASE("const access to the wrong type sees an empty container")
    {
        const Value s("text");
        CHECK(s.asArray().empty());
        CHECK(s.asObject().empty());
        const Value n;
        CHECK(n.asArray().empty());
        CHECK(n.isNull()); // reading does not turn null into anything
    }
    SUBCASE("non-const access to the wrong type changes nothing visible")
    {
        Value s("text");
        s.asArray().push_back(Value(1));
        s.asObject().emplace_back("k", Value(2));
        CHECK(s.isString());
        CHECK(s.dump() == "\"text\"");
        CHECK(s.asArray().empty());
        Value o(Object{{"a", Value(1)}});
        o.push(5);
        CHECK(o.dump() == R"({"a":1})");
    }
    SUBCASE("strings and numbers")
    {
        const Value v = parsed(R"({"s":"hi","n":-12.5,"b":false})");
        CHECK(v.find("s")->asString() == "hi");
        CHECK(v.find("n")->asString() == "-12.5");
        CHECK(v.find("n")->asDouble() == -12.5);
        CHECK(v.find("b")->isBool());
        CHECK_FALSE(v.find("b")->asBool());
        CHECK(Value::number("1e3").asDouble() == 1000.0);
    }
}
