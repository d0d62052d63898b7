#include "platform/jsonvalue.h"

#include <cstddef>
#include <exception>

namespace portolan {

namespace {

struct TooDeep : std::exception
{
    const char* what() const noexcept override { return "nesting deeper than 256 levels"; }
};

// Line and column of a byte offset, counting UTF-8 sequences (not bytes) as one column.
std::string position(std::string_view text, std::size_t offset)
{
    std::size_t line = 1;
    std::size_t column = 1;
    const std::size_t end = offset < text.size() ? offset : text.size();
    for (std::size_t i = 0; i < end; ++i) {
        const auto c = static_cast<unsigned char>(text[i]);
        if (c == '\n') {
            ++line;
            column = 1;
        } else if ((c & 0xC0) != 0x80) {
            ++column;
        }
    }
    return "line " + std::to_string(line) + ", column " + std::to_string(column);
}

// nlohmann's messages start with "[json.exception.parse_error.101] parse error at line 1,
// column 2: "; keep only what went wrong, the position is ours.
std::string reason(const nlohmann::json::parse_error& e)
{
    std::string what = e.what();
    if (const auto colon = what.find(": "); colon != std::string::npos)
        what.erase(0, colon + 2);
    return what;
}

} // namespace

Result<Json> parseJson(std::string_view text)
{
    // The callback sees the depth of every value; throwing is the only way to stop the parser.
    std::size_t lastOffset = 0;
    const Json::parser_callback_t limitDepth = [](int depth, Json::parse_event_t event, Json&) {
        if ((event == Json::parse_event_t::object_start || event == Json::parse_event_t::array_start) &&
            depth >= kJsonMaxDepth)
            throw TooDeep{};
        return true;
    };
    try {
        return Json::parse(text.begin(), text.end(), limitDepth, /*allow_exceptions=*/true,
                           /*ignore_comments=*/false);
    } catch (const nlohmann::json::parse_error& e) {
        lastOffset = e.byte > 0 ? e.byte - 1 : 0;
        return Error::make(ErrorKind::InvalidArgument, position(text, lastOffset) + ": " + reason(e));
    } catch (const TooDeep& e) {
        // The callback has no offset: find where the 257th level opens.
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
                if (++depth > kJsonMaxDepth) {
                    lastOffset = i;
                    break;
                }
            } else if (c == ']' || c == '}') {
                --depth;
            }
        }
        return Error::make(ErrorKind::InvalidArgument, position(text, lastOffset) + ": " + e.what());
    }
}

std::string dumpJson(const Json& value, int indent)
{
    return value.dump(indent, ' ', /*ensure_ascii=*/false, Json::error_handler_t::replace);
}

} // namespace portolan
