#include "json.h"

#include <array>
#include <charconv>
#include <cmath>
#include <limits>
#include <system_error>
#include <unordered_map>

namespace portolan::json {

namespace {

constexpr int kMaxDepth = 256;

// Objects built from a vector may name a key twice; the parser and set() both keep the first
// position and the last value, so every way of building an object agrees on what find() sees.
Object withoutDuplicateKeys(Object in)
{
    if (in.size() < 2)
        return in;
    Object out;
    out.reserve(in.size()); // no reallocation: the index below points into out's keys
    if (in.size() <= 16) {
        for (auto& member : in) {
            auto it = out.begin();
            while (it != out.end() && it->first != member.first)
                ++it;
            if (it != out.end())
                it->second = std::move(member.second);
            else
                out.push_back(std::move(member));
        }
        return out;
    }
    std::unordered_map<std::string_view, std::size_t> index;
    index.reserve(in.size());
    for (auto& member : in) {
        auto found = index.find(member.first);
        if (found != index.end()) {
            out[found->second].second = std::move(member.second);
        } else {
            out.push_back(std::move(member));
            index.emplace(out.back().first, out.size() - 1);
        }
    }
    return out;
}

// Length of the well-formed UTF-8 sequence at the start of s, or 0 when it is malformed
// (overlong forms, UTF-16 surrogates, code points above U+10FFFF, truncated sequences).
std::size_t utf8SequenceLength(std::string_view s)
{
    const auto b = [&](std::size_t i) { return static_cast<unsigned char>(s[i]); };
    const auto cont = [&](std::size_t i) { return i < s.size() && (b(i) & 0xC0) == 0x80; };
    const unsigned char c = b(0);
    if (c < 0x80)
        return 1;
    if (c >= 0xC2 && c <= 0xDF)
        return cont(1) ? 2 : 0;
    if (c >= 0xE0 && c <= 0xEF) {
        if (!cont(1) || !cont(2))
            return 0;
        if (c == 0xE0 && b(1) < 0xA0)
            return 0; // overlong
        if (c == 0xED && b(1) >= 0xA0)
            return 0; // surrogate
        return 3;
    }
    if (c >= 0xF0 && c <= 0xF4) {
        if (!cont(1) || !cont(2) || !cont(3))
            return 0;
        if (c == 0xF0 && b(1) < 0x90)
            return 0; // overlong
        if (c == 0xF4 && b(1) >= 0x90)
            return 0; // above U+10FFFF
        return 4;
    }
    return 0;
}

void appendUtf8(std::string& out, std::uint32_t cp)
{
    if (cp < 0x80) {
        out += static_cast<char>(cp);
    } else if (cp < 0x800) {
        out += static_cast<char>(0xC0 | (cp >> 6));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
        out += static_cast<char>(0xE0 | (cp >> 12));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (cp >> 18));
        out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    }
}

// The character a one-letter escape stands for, or '\0' when it is not one.
char unescaped(char c)
{
    switch (c) {
    case '"':
    case '\\':
    case '/':
        return c;
    case 'b':
        return '\b';
    case 'f':
        return '\f';
    case 'n':
        return '\n';
    case 'r':
        return '\r';
    case 't':
        return '\t';
    default:
        return '\0';
    }
}

const char* shortEscape(char c)
{
    switch (c) {
    case '"':
        return "\\\"";
    case '\\':
        return "\\\\";
    case '\b':
        return "\\b";
    case '\f':
        return "\\f";
    case '\n':
        return "\\n";
    case '\r':
        return "\\r";
    case '\t':
        return "\\t";
    default:
        return nullptr;
    }
}

bool isDigit(char c)
{
    return c >= '0' && c <= '9';
}

bool isIntegerLiteral(std::string_view literal)
{
    return literal.find_first_of(".eE") == std::string_view::npos;
}

// from_chars leaves the value alone when the literal is out of double's range; whether that
// is an overflow or an underflow follows from the decimal exponent of the first significant
// digit.
double outOfRangeDouble(std::string_view literal)
{
    const bool negative = !literal.empty() && literal.front() == '-';
    std::size_t i = negative ? 1 : 0;
    long long position = 0; // decimal exponent of the next mantissa digit, relative to "1"
    long long leading = std::numeric_limits<long long>::min();
    std::size_t intStart = i;
    while (i < literal.size() && isDigit(literal[i]))
        ++i;
    const auto intDigits = static_cast<long long>(i - intStart);
    position = intDigits - 1;
    for (std::size_t k = intStart; k < i; ++k, --position) {
        if (literal[k] != '0') {
            leading = position;
            break;
        }
    }
    if (leading == std::numeric_limits<long long>::min() && i < literal.size() &&
        literal[i] == '.') {
        position = -1;
        for (std::size_t k = i + 1; k < literal.size() && isDigit(literal[k]); ++k, --position) {
            if (literal[k] != '0') {
                leading = position;
                break;
            }
        }
    }
    while (i < literal.size() && literal[i] != 'e' && literal[i] != 'E')
        ++i;
    long long exponent = 0;
    if (i < literal.size()) {
        ++i;
        bool expNegative = false;
        if (i < literal.size() && (literal[i] == '+' || literal[i] == '-'))
            expNegative = literal[i++] == '-';
        for (; i < literal.size() && isDigit(literal[i]); ++i) {
            if (exponent < 1'000'000'000LL) // saturate: only the sign of the sum matters
                exponent = exponent * 10 + (literal[i] - '0');
        }
        if (expNegative)
            exponent = -exponent;
    }
    if (leading == std::numeric_limits<long long>::min())
        return negative ? -0.0 : 0.0;
    const double magnitude = leading + exponent > 0 ? std::numeric_limits<double>::infinity() : 0.0;
    return negative ? -magnitude : magnitude;
}

void appendIndent(std::string& out, int indent, int level)
{
    out += '\n';
    out.append(static_cast<std::size_t>(indent) * static_cast<std::size_t>(level), ' ');
}

void dumpValue(const Value& v, std::string& out, int indent, int level)
{
    switch (v.type()) {
    case Type::Null:
        out += "null";
        return;
    case Type::Bool:
        out += v.asBool() ? "true" : "false";
        return;
    case Type::Number:
        out += v.asString();
        return;
    case Type::String:
        out += '"';
        out += escape(v.asString());
        out += '"';
        return;
    case Type::Array: {
        const Array& items = v.asArray();
        out += '[';
        bool first = true;
        for (const Value& item : items) {
            if (!first)
                out += ',';
            first = false;
            if (indent >= 0)
                appendIndent(out, indent, level + 1);
            dumpValue(item, out, indent, level + 1);
        }
        if (indent >= 0 && !items.empty())
            appendIndent(out, indent, level);
        out += ']';
        return;
    }
    case Type::Object: {
        const Object& members = v.asObject();
        out += '{';
        bool first = true;
        for (const auto& [key, item] : members) {
            if (!first)
                out += ',';
            first = false;
            if (indent >= 0)
                appendIndent(out, indent, level + 1);
            out += '"';
            out += escape(key);
            out += indent >= 0 ? "\": " : "\":";
            dumpValue(item, out, indent, level + 1);
        }
        if (indent >= 0 && !members.empty())
            appendIndent(out, indent, level);
        out += '}';
        return;
    }
    }
}

class Parser
{
public:
    explicit Parser(std::string_view text) : m_text(text) {}

    Result<Value> run()
    {
        // Windows editors like to start UTF-8 files with a byte order mark; RFC 8259 allows
        // a parser to ignore it.
        if (m_text.substr(0, 3) == "\xEF\xBB\xBF")
            m_pos = 3;
        Value root;
        skipWhitespace();
        if (!parseValue(root, 0))
            return *m_error;
        skipWhitespace();
        if (m_pos != m_text.size()) {
            fail("expected the end of the document");
            return *m_error;
        }
        return root;
    }

private:
    bool atEnd() const { return m_pos >= m_text.size(); }
    char peek() const { return atEnd() ? '\0' : m_text[m_pos]; }

    void skipWhitespace()
    {
        while (!atEnd()) {
            const char c = m_text[m_pos];
            if (c != ' ' && c != '\t' && c != '\n' && c != '\r')
                break;
            ++m_pos;
        }
    }

    // What the parser saw instead, for the message.
    std::string found(std::size_t at) const
    {
        if (at >= m_text.size())
            return "the end of the input";
        const auto c = static_cast<unsigned char>(m_text[at]);
        if (c == '\'')
            return "\"'\"";
        if (c > 0x20 && c < 0x7F)
            return std::string("'") + static_cast<char>(c) + "'";
        static constexpr char kHex[] = "0123456789ABCDEF";
        if (c < 0x80 || utf8SequenceLength(m_text.substr(at)) == 0) {
            if (c == ' ')
                return "a space";
            std::string s = "byte 0x";
            s += kHex[c >> 4];
            s += kHex[c & 0xF];
            return s;
        }
        return "'" + std::string(m_text.substr(at, utf8SequenceLength(m_text.substr(at)))) + "'";
    }

    bool fail(std::string_view what) { return failAt(m_pos, what, true); }

    // Line and column are counted in characters (UTF-8 sequences) so they match an editor.
    bool failAt(std::size_t at, std::string_view what, bool withFound)
    {
        std::size_t line = 1;
        std::size_t column = 1;
        for (std::size_t i = 0; i < at && i < m_text.size(); ++i) {
            const char c = m_text[i];
            if (c == '\n' || (c == '\r' && (i + 1 >= m_text.size() || m_text[i + 1] != '\n'))) {
                ++line;
                column = 1;
            } else if (c != '\r' && (static_cast<unsigned char>(c) & 0xC0) != 0x80) {
                ++column;
            }
        }
        std::string message = "line " + std::to_string(line) + ", column " +
                              std::to_string(column) + ": " + std::string(what);
        if (withFound)
            message += ", found " + found(at);
        m_error = Error::make(ErrorKind::InvalidArgument, std::move(message));
        return false;
    }

    bool parseValue(Value& out, int depth)
    {
        switch (peek()) {
        case '{':
            return parseObject(out, depth + 1);
        case '[':
            return parseArray(out, depth + 1);
        case '"': {
            std::string s;
            if (!parseString(s))
                return false;
            out = Value(std::move(s));
            return true;
        }
        case 't':
            return parseLiteral("true", Value(true), out);
        case 'f':
            return parseLiteral("false", Value(false), out);
        case 'n':
            return parseLiteral("null", Value(), out);
        default:
            if (peek() == '-' || isDigit(peek()))
                return parseNumber(out);
            return fail("expected a value");
        }
    }

    bool parseLiteral(std::string_view word, Value value, Value& out)
    {
        if (m_text.substr(m_pos, word.size()) != word)
            return failAt(m_pos, "expected the literal '" + std::string(word) + "'", false);
        m_pos += word.size();
        out = std::move(value);
        return true;
    }

    bool enter(int depth)
    {
        if (depth > kMaxDepth)
            return failAt(m_pos, "nesting is deeper than 256 levels", false);
        ++m_pos;
        skipWhitespace();
        return true;
    }

    bool parseArray(Value& out, int depth)
    {
        if (!enter(depth))
            return false;
        Array items;
        if (peek() == ']') {
            ++m_pos;
            out = Value(std::move(items));
            return true;
        }
        for (;;) {
            items.emplace_back();
            if (!parseValue(items.back(), depth))
                return false;
            skipWhitespace();
            if (peek() == ',') {
                ++m_pos;
                skipWhitespace();
                continue;
            }
            if (peek() == ']') {
                ++m_pos;
                out = Value(std::move(items));
                return true;
            }
            return fail("expected ',' or ']' after an array element");
        }
    }

    bool parseObject(Value& out, int depth)
    {
        if (!enter(depth))
            return false;
        Object members;
        if (peek() == '}') {
            ++m_pos;
            out = Value(std::move(members));
            return true;
        }
        for (;;) {
            if (peek() != '"')
                return fail("expected a string as object key");
            std::string key;
            if (!parseString(key))
                return false;
            skipWhitespace();
            if (peek() != ':')
                return fail("expected ':' after an object key");
            ++m_pos;
            skipWhitespace();
            members.emplace_back(std::move(key), Value());
            if (!parseValue(members.back().second, depth))
                return false;
            skipWhitespace();
            if (peek() == ',') {
                ++m_pos;
                skipWhitespace();
                continue;
            }
            if (peek() == '}') {
                ++m_pos;
                out = Value(std::move(members)); // resolves duplicate keys
                return true;
            }
            return fail("expected ',' or '}' after an object member");
        }
    }

    bool parseHex4(std::uint32_t& out)
    {
        out = 0;
        for (int i = 0; i < 4; ++i) {
            const char c = peek();
            std::uint32_t digit = 0;
            if (c >= '0' && c <= '9')
                digit = static_cast<std::uint32_t>(c - '0');
            else if (c >= 'a' && c <= 'f')
                digit = static_cast<std::uint32_t>(c - 'a' + 10);
            else if (c >= 'A' && c <= 'F')
                digit = static_cast<std::uint32_t>(c - 'A' + 10);
            else
                return fail("expected four hexadecimal digits after \\u");
            out = out * 16 + digit;
            ++m_pos;
        }
        return true;
    }

    bool parseString(std::string& out)
    {
        ++m_pos; // opening quote
        for (;;) {
            if (atEnd())
                return fail("expected '\"' to end the string");
            const char c = m_text[m_pos];
            const auto u = static_cast<unsigned char>(c);
            if (c == '"') {
                ++m_pos;
                return true;
            }
            if (u < 0x20)
                return fail("expected control characters in a string to be escaped");
            if (u >= 0x80) {
                const std::size_t n = utf8SequenceLength(m_text.substr(m_pos));
                if (n == 0)
                    return failAt(m_pos, "expected valid UTF-8 in a string", true);
                out.append(m_text.substr(m_pos, n));
                m_pos += n;
                continue;
            }
            if (c != '\\') {
                out += c;
                ++m_pos;
                continue;
            }
            const std::size_t escapeStart = m_pos;
            ++m_pos;
            if (const char simple = unescaped(peek()); simple != '\0') {
                out += simple;
                ++m_pos;
                continue;
            }
            if (peek() != 'u')
                return fail("expected an escape character (\" \\ / b f n r t u) after '\\'");
            ++m_pos;
            std::uint32_t cp = 0;
            if (!parseHex4(cp))
                return false;
            if (cp >= 0xDC00 && cp <= 0xDFFF)
                return failAt(escapeStart,
                              "expected a high surrogate before a low surrogate escape", false);
            if (cp >= 0xD800 && cp <= 0xDBFF) {
                if (m_text.substr(m_pos, 2) != "\\u")
                    return failAt(escapeStart,
                                  "expected a low surrogate escape after a high surrogate", false);
                const std::size_t lowStart = m_pos;
                m_pos += 2;
                std::uint32_t low = 0;
                if (!parseHex4(low))
                    return false;
                if (low < 0xDC00 || low > 0xDFFF)
                    return failAt(lowStart,
                                  "expected a low surrogate escape after a high surrogate", false);
                cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
            }
            appendUtf8(out, cp);
        }
    }

    bool parseNumber(Value& out)
    {
        const std::size_t start = m_pos;
        if (peek() == '-')
            ++m_pos;
        if (peek() == '0') {
            ++m_pos;
            if (isDigit(peek()))
                return fail("expected no leading zeros in a number");
        } else if (isDigit(peek())) {
            while (isDigit(peek()))
                ++m_pos;
        } else {
            return fail("expected a digit");
        }
        if (peek() == '.') {
            ++m_pos;
            if (!isDigit(peek()))
                return fail("expected a digit after the decimal point");
            while (isDigit(peek()))
                ++m_pos;
        }
        if (peek() == 'e' || peek() == 'E') {
            ++m_pos;
            if (peek() == '+' || peek() == '-')
                ++m_pos;
            if (!isDigit(peek()))
                return fail("expected a digit in the exponent");
            while (isDigit(peek()))
                ++m_pos;
        }
        out = Value::number(std::string(m_text.substr(start, m_pos - start)));
        return true;
    }

    std::string_view m_text;
    std::size_t m_pos = 0;
    std::optional<Error> m_error;
};

} // namespace

Value::Value(std::int64_t n) : m_type(Type::Number)
{
    std::array<char, 24> buffer{};
    const auto r = std::to_chars(buffer.data(), buffer.data() + buffer.size(), n);
    m_text.assign(buffer.data(), r.ptr);
}

Value::Value(std::uint64_t n) : m_type(Type::Number)
{
    std::array<char, 24> buffer{};
    const auto r = std::to_chars(buffer.data(), buffer.data() + buffer.size(), n);
    m_text.assign(buffer.data(), r.ptr);
}

// JSON has no NaN or infinity; such a double becomes null rather than an unparsable token.
Value::Value(double d)
{
    if (!std::isfinite(d))
        return;
    m_type = Type::Number;
    std::array<char, 32> buffer{};
    // The shortest form that reads back as the same double ("0.1", "1e+300", "-0").
    const auto r = std::to_chars(buffer.data(), buffer.data() + buffer.size(), d);
    m_text.assign(buffer.data(), r.ptr);
}

Value::Value(Array a) : m_type(Type::Array), m_array(std::move(a)) {}

Value::Value(Object o) : m_type(Type::Object), m_object(withoutDuplicateKeys(std::move(o))) {}

Value Value::number(std::string literal)
{
    Value v;
    v.m_type = Type::Number;
    v.m_text = std::move(literal);
    return v;
}

std::optional<std::int64_t> Value::asInt() const
{
    if (m_type != Type::Number || !isIntegerLiteral(m_text))
        return std::nullopt;
    std::int64_t n = 0;
    const char* end = m_text.data() + m_text.size();
    const auto r = std::from_chars(m_text.data(), end, n);
    if (r.ec != std::errc() || r.ptr != end)
        return std::nullopt;
    return n;
}

std::optional<std::uint64_t> Value::asUint() const
{
    if (m_type != Type::Number || !isIntegerLiteral(m_text))
        return std::nullopt;
    if (m_text == "-0")
        return 0;
    std::uint64_t n = 0;
    const char* end = m_text.data() + m_text.size();
    const auto r = std::from_chars(m_text.data(), end, n);
    if (r.ec != std::errc() || r.ptr != end)
        return std::nullopt;
    return n;
}

double Value::asDouble() const
{
    if (m_type != Type::Number)
        return 0.0;
    double d = 0.0;
    const char* end = m_text.data() + m_text.size();
    const auto r = std::from_chars(m_text.data(), end, d);
    if (r.ec == std::errc::result_out_of_range)
        return outOfRangeDouble(m_text);
    if (r.ec != std::errc())
        return 0.0;
    return d;
}

// A value of another type reads as an empty container, so lookups in a document of the
// wrong shape simply find nothing.
const Array& Value::asArray() const
{
    static const Array empty;
    return m_type == Type::Array ? m_array : empty;
}

const Object& Value::asObject() const
{
    static const Object empty;
    return m_type == Type::Object ? m_object : empty;
}

// Null turns into an empty container so that documents can be built from `Value v;`. Any
// other type is left alone: the caller gets a detached, emptied container whose contents
// never show in the value.
Array& Value::asArray()
{
    if (m_type == Type::Null)
        m_type = Type::Array;
    if (m_type != Type::Array)
        m_array.clear();
    return m_array;
}

Object& Value::asObject()
{
    if (m_type == Type::Null)
        m_type = Type::Object;
    if (m_type != Type::Object)
        m_object.clear();
    return m_object;
}

const Value* Value::find(std::string_view key) const
{
    if (m_type != Type::Object)
        return nullptr;
    for (const auto& [name, value] : m_object) {
        if (name == key)
            return &value;
    }
    return nullptr;
}

Value& Value::set(std::string key, Value value)
{
    Object& members = asObject();
    for (auto& [name, existing] : members) {
        if (name == key) {
            existing = std::move(value);
            return existing;
        }
    }
    members.emplace_back(std::move(key), std::move(value));
    return members.back().second;
}

Value& Value::push(Value value)
{
    Array& items = asArray();
    items.push_back(std::move(value));
    return items.back();
}

std::string Value::dump(int indent) const
{
    std::string out;
    dumpValue(*this, out, indent, 0);
    return out;
}

Result<Value> parse(std::string_view text)
{
    return Parser(text).run();
}

// Malformed UTF-8 becomes U+FFFD so that whatever a string holds, the output is a document
// that parse() accepts.
std::string escape(std::string_view text)
{
    static constexpr char kHex[] = "0123456789abcdef";
    std::string out;
    out.reserve(text.size());
    std::size_t i = 0;
    while (i < text.size()) {
        const char c = text[i];
        const auto u = static_cast<unsigned char>(c);
        if (u >= 0x80) {
            const std::size_t n = utf8SequenceLength(text.substr(i));
            if (n == 0) {
                out += "\xEF\xBF\xBD";
                ++i;
            } else {
                out.append(text.substr(i, n));
                i += n;
            }
            continue;
        }
        if (const char* shortForm = shortEscape(c)) {
            out += shortForm;
        } else if (u < 0x20) {
            out += "\\u00";
            out += kHex[u >> 4];
            out += kHex[u & 0xF];
        } else {
            out += c;
        }
        ++i;
    }
    return out;
}

} // namespace portolan::json
