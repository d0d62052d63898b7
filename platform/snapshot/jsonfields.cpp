// SPDX-License-Identifier: GPL-3.0-or-later
#include "jsonfields.h"

#include "platform/simulated/simulatedmachine.h"

#include <algorithm>

namespace portolan::jsonfields {

void refuse(std::string field, std::string text)
{
    throw Refusal{std::move(field), std::move(text)};
}

std::string jsonText(std::string_view text)
{
    return dumpJson(Json(std::string(text)));
}

std::string kindOf(const Json& v)
{
    if (v.is_null())
        return "null";
    if (v.is_boolean())
        return "a boolean";
    if (v.is_number())
        return "a number";
    if (v.is_string())
        return "a string";
    return v.is_array() ? "an array" : "an object";
}

Fields::Fields(const Json& value, std::string path, std::initializer_list<std::string_view> keys,
               std::initializer_list<std::string_view> optional)
    : m_value(value), m_path(std::move(path))
{
    if (!value.is_object())
        refuse(m_path.empty() ? "(document)" : m_path,
               "expected an object, found " + kindOf(value) + "; allowed: an object");
    std::string list;
    for (const auto* names : {&keys, &optional})
        for (auto key : *names)
            list += (list.empty() ? "" : ", ") + std::string(key);
    for (const auto& member : value.items())
        if (std::find(keys.begin(), keys.end(), member.key()) == keys.end() &&
            std::find(optional.begin(), optional.end(), member.key()) == optional.end())
            refuse(name(member.key()), "unknown field; allowed: " + list);
    for (auto key : keys)
        if (!findMember(value, key))
            refuse(name(key), "missing; this field is required");
}

std::string Fields::name(std::string_view key) const
{
    return m_path.empty() ? std::string(key) : m_path + "." + std::string(key);
}

std::string Fields::item(std::string_view key, std::size_t index) const
{
    return name(key) + "[" + std::to_string(index) + "]";
}

bool Fields::has(std::string_view key) const
{
    return findMember(m_value, key) != nullptr;
}

const Json& Fields::operator[](std::string_view key) const
{
    return *findMember(m_value, key);
}

std::int64_t Fields::integer(std::string_view key, std::int64_t min, std::int64_t max) const
{
    const Json& v = (*this)[key];
    const std::string allowed =
        "allowed: an integer " + std::to_string(min) + "-" + std::to_string(max);
    if (!v.is_number())
        refuse(name(key), "expected an integer, found " + kindOf(v) + "; " + allowed);
    const auto n = jsonInt64(v);
    if (!n || *n < min || *n > max)
        refuse(name(key), dumpJson(v) + " is out of range; " + allowed);
    return *n;
}

const std::string& Fields::string(std::string_view key) const
{
    const Json& v = (*this)[key];
    if (!v.is_string())
        refuse(name(key), "expected a string, found " + kindOf(v) + "; allowed: a string");
    return v.get_ref<const std::string&>();
}

const std::string& Fields::line(std::string_view key, std::size_t limit, bool nonEmpty) const
{
    const std::string& text = string(key);
    const std::string allowed = "allowed: " + std::string(nonEmpty ? "1" : "0") + "-" +
                                std::to_string(limit) +
                                " bytes of UTF-8 without control characters";
    if ((nonEmpty && text.empty()) || text.size() > limit)
        refuse(name(key), "has " + std::to_string(text.size()) + " bytes; " + allowed);
    if (std::any_of(text.begin(), text.end(),
                    [](char c) { return static_cast<unsigned char>(c) < 0x20 || c == 0x7f; }))
        refuse(name(key), jsonText(text) + " contains a control character; " + allowed);
    return text;
}

std::string Fields::optionalText(std::string_view key) const
{
    const Json& v = (*this)[key];
    if (v.is_null())
        return {};
    if (!v.is_string() || v.get_ref<const std::string&>().empty())
        refuse(name(key), "expected a non-empty string or null, found " +
                              (v.is_string() ? std::string("\"\"") : kindOf(v)) +
                              "; allowed: a non-empty string or null");
    return v.get<std::string>();
}

bool Fields::boolean(std::string_view key) const
{
    const Json& v = (*this)[key];
    if (!v.is_boolean())
        refuse(name(key), "expected true or false, found " + kindOf(v) + "; allowed: true, false");
    return v.get<bool>();
}

std::size_t Fields::choice(std::string_view key,
                           std::initializer_list<std::string_view> allowed) const
{
    std::string list;
    for (auto a : allowed)
        list += (list.empty() ? "" : ", ") + jsonText(a);
    const Json& v = (*this)[key];
    if (!v.is_string())
        refuse(name(key), "expected a string, found " + kindOf(v) + "; allowed: " + list);
    const auto& text = v.get_ref<const std::string&>();
    const auto at = std::find(allowed.begin(), allowed.end(), text);
    if (at == allowed.end())
        refuse(name(key), jsonText(text) + " is not allowed; allowed: " + list);
    return static_cast<std::size_t>(at - allowed.begin());
}

Protocol Fields::protocol(std::string_view key) const
{
    return choice(key, {"tcp", "udp"}) == 0 ? Protocol::Tcp : Protocol::Udp;
}

AddressFamily Fields::family(std::string_view key) const
{
    return choice(key, {"ipv4", "ipv6"}) == 0 ? AddressFamily::IPv4 : AddressFamily::IPv6;
}

std::int64_t Fields::time(std::string_view key) const
{
    const Json& v = (*this)[key];
    const char* allowed = "allowed: \"YYYY-MM-DDTHH:MM:SSZ\" (UTC)";
    if (!v.is_string())
        refuse(name(key), "expected a string, found " + kindOf(v) + "; " + allowed);
    const auto t = simulated::parseUtcTime(v.get_ref<const std::string&>());
    if (!t)
        refuse(name(key), dumpJson(v) + " is not a time; " + allowed);
    return *t;
}

PortRange Fields::range(bool withEnd) const
{
    const auto start = integer("start", 1, 65535);
    const auto count = integer("count", 1, 65535);
    const auto end = withEnd ? integer("end", 1, 65535) : start + count - 1;
    if (start + count - 1 > 65535)
        refuse(m_path, "the block " + std::to_string(start) + "-" +
                           std::to_string(start + count - 1) +
                           " runs past 65535; allowed: start + count - 1 <= 65535");
    if (end != start + count - 1)
        refuse(name("end"), std::to_string(end) + " does not agree with start " +
                                std::to_string(start) + " and count " + std::to_string(count) +
                                "; allowed: " + std::to_string(start + count - 1));
    return PortRange{static_cast<std::uint16_t>(start), static_cast<std::uint16_t>(count)};
}

const Json& Fields::array(std::string_view key) const
{
    const Json& v = (*this)[key];
    if (!v.is_array())
        refuse(name(key), "expected an array, found " + kindOf(v) + "; allowed: an array");
    return v;
}

} // namespace portolan::jsonfields
