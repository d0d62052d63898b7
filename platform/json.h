#pragma once

#include "error.h"

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

// A small JSON value, parser and writer for the Qt-free layer: scenario files, the simulated
// backend's state, and portolan-cli --json output. Numbers keep their source text so that
// 64-bit tokens survive exactly.
namespace portolan::json {

class Value;
using Array = std::vector<Value>;
using Object = std::vector<std::pair<std::string, Value>>; // keeps insertion order

enum class Type : std::uint8_t { Null, Bool, Number, String, Array, Object };

class Value
{
public:
    Value() = default; // null
    Value(std::nullptr_t) {}
    Value(bool b) : m_type(Type::Bool), m_bool(b) {}
    Value(int n) : Value(static_cast<std::int64_t>(n)) {}
    Value(unsigned n) : Value(static_cast<std::uint64_t>(n)) {}
    Value(std::int64_t n);
    Value(std::uint64_t n);
    Value(double d);
    Value(const char* s) : m_type(Type::String), m_text(s) {}
    Value(std::string s) : m_type(Type::String), m_text(std::move(s)) {}
    Value(std::string_view s) : m_type(Type::String), m_text(s) {}
    Value(Array a);
    Value(Object o);

    static Value number(std::string literal); // a literal already known to be valid JSON

    Type type() const { return m_type; }
    bool isNull() const { return m_type == Type::Null; }
    bool isBool() const { return m_type == Type::Bool; }
    bool isNumber() const { return m_type == Type::Number; }
    bool isString() const { return m_type == Type::String; }
    bool isArray() const { return m_type == Type::Array; }
    bool isObject() const { return m_type == Type::Object; }

    bool asBool() const { return m_bool; }
    const std::string& asString() const { return m_text; } // strings; numbers: their literal
    // Exact integer value of a number without fraction or exponent, else nullopt.
    std::optional<std::int64_t> asInt() const;
    std::optional<std::uint64_t> asUint() const;
    double asDouble() const;
    const Array& asArray() const;
    const Object& asObject() const;
    Array& asArray();
    Object& asObject();

    // Object access: nullptr when not an object or the key is missing.
    const Value* find(std::string_view key) const;
    // Object building: appends, or replaces an existing key.
    Value& set(std::string key, Value value);
    // Array building.
    Value& push(Value value);

    std::string dump(int indent = -1) const; // -1 = compact, one line

private:
    Type m_type = Type::Null;
    bool m_bool = false;
    std::string m_text; // string contents, or the number literal
    Array m_array;
    Object m_object;
};

// Parses a whole document. Errors are InvalidArgument with "line L, column C: what".
// Nesting deeper than 256 levels is an error, not a stack overflow.
Result<Value> parse(std::string_view text);

// Escapes a string for JSON (without the quotes).
std::string escape(std::string_view text);

} // namespace portolan::json
