#pragma once

#include "platform/error.h"

#include <nlohmann/json.hpp>

#include <string>
#include <string_view>

// JSON for the Qt-free layer (scenario and state files, portolan-cli --json): nlohmann's
// ordered_json, so that objects keep the order in which they were written. This is the one
// file that names the library; everything else says portolan::Json.
namespace portolan {

using Json = nlohmann::ordered_json;

// Deeper nesting is refused rather than walked: no document Portolan reads needs more.
inline constexpr int kJsonMaxDepth = 256;

// Parses a whole document. Errors are InvalidArgument with "line L, column C: what", line and
// column counted in characters as an editor shows them.
Result<Json> parseJson(std::string_view text);

// Compact (indent < 0) or indented UTF-8. Malformed UTF-8 in strings becomes U+FFFD instead of
// an exception, so that text read from the OS can always be printed.
std::string dumpJson(const Json& value, int indent = -1);

} // namespace portolan
