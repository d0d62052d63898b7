// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "platform/jsonvalue.h"
#include "platform/types.h"

#include <cstddef>
#include <cstdint>
#include <initializer_list>
#include <string>
#include <string_view>

// Reading the documents that come from other machines or from people (host snapshots, desired
// states): each object's keys checked against a list, each value by name with the values it
// allows. A refusal is thrown inside a reader and turned into an Error by its entry point.
namespace portolan::jsonfields {

struct Refusal
{
    std::string field; // "runtime[2].end", "(document)"
    std::string text;  // what is wrong; allowed: ...
};

[[noreturn]] void refuse(std::string field, std::string text);
// The text as JSON writes it: quoted, escaped.
std::string jsonText(std::string_view text);
// "null", "a boolean", "a number", "a string", "an array", "an object"
std::string kindOf(const Json& value);

// One object of a document and the path that names its fields. Every key of `keys` is
// required unless listed in `optional`; a key in neither list is refused.
class Fields
{
public:
    Fields(const Json& value, std::string path, std::initializer_list<std::string_view> keys,
           std::initializer_list<std::string_view> optional = {});

    std::string name(std::string_view key) const;
    std::string item(std::string_view key, std::size_t index) const; // "runtime[2]"
    const std::string& path() const { return m_path; }
    bool has(std::string_view key) const;
    const Json& operator[](std::string_view key) const;

    std::int64_t integer(std::string_view key, std::int64_t min, std::int64_t max) const;
    const std::string& string(std::string_view key) const;
    // Text shown as one line: no control characters, at most `limit` bytes.
    const std::string& line(std::string_view key, std::size_t limit, bool nonEmpty) const;
    // A non-empty string, or null (read as "").
    std::string optionalText(std::string_view key) const;
    bool boolean(std::string_view key) const;
    // One of `allowed`, returned as its index.
    std::size_t choice(std::string_view key, std::initializer_list<std::string_view> allowed) const;
    Protocol protocol(std::string_view key) const;
    AddressFamily family(std::string_view key) const;
    // "YYYY-MM-DDTHH:MM:SSZ" in seconds since the epoch.
    std::int64_t time(std::string_view key) const;
    // start and count (and end, which must agree, when withEnd) of a block that ends at 65535
    // at the latest.
    PortRange range(bool withEnd) const;
    const Json& array(std::string_view key) const;

private:
    const Json& m_value;
    std::string m_path;
};

} // namespace portolan::jsonfields
