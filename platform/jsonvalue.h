// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "platform/error.h"

#include <nlohmann/json.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

// JSON for the Qt-free layer (scenario and state files, portolan-cli --json): nlohmann's
// ordered_json, so that objects keep the order in which they were written. This is the one
// file that names the library; everything else says portolan::Json.
namespace portolan {

using Json = nlohmann::ordered_json;

// Deeper nesting is refused rather than walked: no document Portolan reads needs more.
inline constexpr int kJsonMaxDepth = 256;

// Parses a whole document (a UTF-8 byte order mark is skipped). Errors are InvalidArgument
// with "line L, column C: what", line and column counted in characters as an editor shows
// them. Integers keep all 64 bits; a number too large for a double is an error.
Result<Json> parseJson(std::string_view text);

// Compact (indent < 0) or indented UTF-8. Malformed UTF-8 in strings becomes U+FFFD instead of
// an exception, so that text read from the OS can always be printed.
std::string dumpJson(const Json& value, int indent = -1);

// The member `key` of an object; nullptr when `value` is not an object or has no such member.
const Json* findMember(const Json& value, std::string_view key);

// The exact value of an integer that fits the type; nullopt for anything else (a fraction,
// a number written with an exponent, an integer out of range, a value of another type).
std::optional<std::int64_t> jsonInt64(const Json& value);
std::optional<std::uint64_t> jsonUint64(const Json& value);

} // namespace portolan
