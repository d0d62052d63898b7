// SPDX-License-Identifier: GPL-3.0-or-later
#include "platform/jsonvalue.h"

#include "platform/text.h"

#include <algorithm>
#include <cstddef>
#include <limits>

namespace portolan {

namespace {

// nlohmann's messages read "[json.exception.parse_error.101] parse error at line 1, column 2:
// syntax error while parsing value - invalid literal; last read: 'tru'". Keep what went wrong:
// the position is ours (in characters, not bytes), and the last token read may be the rest of
// the document (an unterminated string) or bytes that are not UTF-8.
std::string reason(const Json::exception& e)
{
    std::string what = e.what();
    if (const auto bracket = what.find("] ");
        what.rfind("[json.exception.", 0) == 0 && bracket != std::string::npos)
        what.erase(0, bracket + 2);
    if (what.rfind("parse error", 0) == 0) {
        if (const auto colon = what.find(": "); colon != std::string::npos)
            what.erase(0, colon + 2);
    }
    if (const auto lastRead = what.find("; last read: '"); lastRead != std::string::npos) {
        const auto expected = what.rfind("'; expected ");
        what.erase(lastRead, expected != std::string::npos && expected >= lastRead
                                 ? expected + 1 - lastRead
                                 : std::string::npos);
    }
    return what;
}

// Where the token ending at `last` begins. The parser reports an unexpected token (a string
// where ':' belongs, a number too large) after reading all of it; an editor user looks for its
// first character. `token` is what the lexer read: exactly the token for a string or number;
// for anything else it may hold earlier tokens too, so literals are matched by their text.
std::size_t tokenStart(std::string_view text, std::size_t last, std::string_view token)
{
    if (last >= text.size())
        return last;
    const std::string_view upToLast = text.substr(0, last + 1);
    const char c = text[last];
    if ((c == '"' || (c >= '0' && c <= '9')) && !token.empty() && upToLast.ends_with(token))
        return last + 1 - token.size();
    for (const std::string_view literal : {"true", "false", "null"}) {
        if (upToLast.ends_with(literal))
            return last + 1 - literal.size();
    }
    return last;
}

// The byte offset where nesting first goes deeper than kJsonMaxDepth. Only called when the
// parser stopped there, so everything before it is well-formed JSON.
std::size_t tooDeepOffset(std::string_view text)
{
    int depth = 0;
    bool inString = false;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (inString) {
            if (c == '\\')
                ++i;
            else if (c == '"')
                inString = false;
        } else if (c == '"') {
            inString = true;
        } else if (c == '[' || c == '{') {
            if (++depth > kJsonMaxDepth)
                return i;
        } else if (c == ']' || c == '}') {
            --depth;
        }
    }
    return text.size();
}

// A first pass that only checks: unlike the DOM parser it is told where each problem is
// (the DOM parser throws a number overflow without a position), and it can stop at a depth
// limit without walking the rest.
class Checker
{
public:
    bool null() { return true; }
    bool boolean(bool) { return true; }
    bool number_integer(Json::number_integer_t) { return true; }
    bool number_unsigned(Json::number_unsigned_t) { return true; }
    bool number_float(Json::number_float_t, const Json::string_t&) { return true; }
    bool string(Json::string_t&) { return true; }
    bool binary(Json::binary_t&) { return true; }
    bool key(Json::string_t&) { return true; }
    bool start_object(std::size_t) { return enter(); }
    bool end_object() { return leave(); }
    bool start_array(std::size_t) { return enter(); }
    bool end_array() { return leave(); }

    bool parse_error(std::size_t position, const std::string& token, const Json::exception& e)
    {
        // position counts the characters read, the offending one included.
        m_offset = position > 0 ? position - 1 : 0;
        // A lexical error is where the reading failed; anything else is a whole token.
        m_lexical = std::string_view(e.what()).find("; last read: '") != std::string_view::npos;
        m_token = token;
        m_reason = reason(e);
        return false;
    }

    bool tooDeep() const { return m_tooDeep; }
    // The offset of the offending character, or of the first character of the offending token.
    std::size_t offset(std::string_view text) const
    {
        return m_lexical ? m_offset : tokenStart(text, m_offset, m_token);
    }
    const std::string& what() const { return m_reason; }

private:
    bool enter()
    {
        m_tooDeep = ++m_depth > kJsonMaxDepth;
        return !m_tooDeep;
    }
    bool leave()
    {
        --m_depth;
        return true;
    }

    int m_depth = 0;
    bool m_tooDeep = false;
    bool m_lexical = false;
    std::size_t m_offset = 0;
    std::string m_token;
    std::string m_reason;
};

} // namespace

Result<Json> parseJson(std::string_view text)
{
    const auto invalid = [text](std::size_t offset, const std::string& what) {
        return Error::make(ErrorKind::InvalidArgument,
                           text::lineAndColumn(text, offset) + ": " + what);
    };
    // The library reads a NUL byte as the end of the input and ignores whatever follows, so a
    // file cut short by NULs or followed by junk would pass: the document ends before it.
    const std::size_t nul = std::min(text.find('\0'), text.size());
    const std::string_view document = text.substr(0, nul);
    Checker checker;
    if (!Json::sax_parse(document.begin(), document.end(), &checker)) {
        if (checker.tooDeep())
            return invalid(tooDeepOffset(document),
                           "nesting deeper than " + std::to_string(kJsonMaxDepth) + " levels");
        // An error where the NUL cut the text short is the NUL's.
        if (nul == text.size() || checker.offset(document) < nul)
            return invalid(checker.offset(document), checker.what());
    }
    if (nul < text.size())
        return invalid(nul, "a NUL byte, which JSON text cannot hold (not even in a string)");
    Json value = Json::parse(document.begin(), document.end(), nullptr, /*allow_exceptions=*/false);
    if (value.is_discarded()) // cannot happen: the same parser has just accepted the text
        return Error::make(ErrorKind::Internal, "the JSON parser accepted a document once only");
    return value;
}

std::string dumpJson(const Json& value, int indent)
{
    return value.dump(indent, ' ', /*ensure_ascii=*/false, Json::error_handler_t::replace);
}

const Json* findMember(const Json& value, std::string_view key)
{
    if (!value.is_object())
        return nullptr;
    const auto found = value.find(std::string(key));
    return found == value.end() ? nullptr : &*found;
}

std::optional<std::int64_t> jsonInt64(const Json& value)
{
    if (value.is_number_unsigned()) {
        const auto n = value.get<std::uint64_t>();
        if (n > static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max()))
            return std::nullopt;
        return static_cast<std::int64_t>(n);
    }
    if (value.is_number_integer())
        return value.get<std::int64_t>();
    return std::nullopt;
}

std::optional<std::uint64_t> jsonUint64(const Json& value)
{
    if (value.is_number_unsigned())
        return value.get<std::uint64_t>();
    if (value.is_number_integer() && value.get<std::int64_t>() >= 0)
        return static_cast<std::uint64_t>(value.get<std::int64_t>());
    return std::nullopt;
}

} // namespace portolan
