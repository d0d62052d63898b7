// SPDX-License-Identifier: GPL-3.0-or-later
// Reading a host snapshot: every field checked by name, with the values it allows, because the
// documents come from other machines and other versions of the tool.
#include "hostsnapshot.h"

#include "platform/inetaddress.h"
#include "platform/simulated/simulatedmachine.h"

#include <algorithm>
#include <array>
#include <initializer_list>
#include <limits>

namespace portolan {

namespace {

struct Refusal
{
    std::string field;
    std::string text;
};

[[noreturn]] void refuse(std::string field, std::string text)
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

// One object of the document and the path that names its fields in messages.
class Fields
{
public:
    Fields(const Json& value, std::string path, std::initializer_list<std::string_view> keys)
        : m_value(value), m_path(std::move(path))
    {
        if (!value.is_object())
            refuse(where(), "expected an object, found " + kindOf(value) + "; allowed: an object");
        std::string list;
        for (auto key : keys)
            list += (list.empty() ? "" : ", ") + std::string(key);
        for (const auto& member : value.items())
            if (std::find(keys.begin(), keys.end(), member.key()) == keys.end())
                refuse(name(member.key()), "unknown field; allowed: " + list);
        for (auto key : keys)
            if (!findMember(value, key))
                refuse(name(key), "missing; this field is required");
    }

    std::string name(std::string_view key) const
    {
        return m_path.empty() ? std::string(key) : m_path + "." + std::string(key);
    }
    const Json& operator[](std::string_view key) const { return *findMember(m_value, key); }

    std::int64_t integer(std::string_view key, std::int64_t min, std::int64_t max) const
    {
        const Json& v = (*this)[key];
        const std::string allowed =
            "allowed: an integer " + std::to_string(min) + "-" + std::to_string(max);
        const auto n = v.is_number() ? jsonInt64(v) : std::nullopt;
        if (!v.is_number())
            refuse(name(key), "expected an integer, found " + kindOf(v) + "; " + allowed);
        if (!n || *n < min || *n > max)
            refuse(name(key), dumpJson(v) + " is out of range; " + allowed);
        return *n;
    }
    const std::string& string(std::string_view key) const
    {
        const Json& v = (*this)[key];
        if (!v.is_string())
            refuse(name(key), "expected a string, found " + kindOf(v) + "; allowed: a string");
        return v.get_ref<const std::string&>();
    }
    // Text shown as one line: no control characters, at most `limit` bytes.
    const std::string& line(std::string_view key, std::size_t limit, bool nonEmpty) const
    {
        const std::string& text = string(key);
        const std::string allowed = "allowed: " + std::string(nonEmpty ? "1" : "0") + "-" +
                                    std::to_string(limit) +
                                    " bytes of UTF-8 without control "
                                    "characters";
        if ((nonEmpty && text.empty()) || text.size() > limit)
            refuse(name(key), "has " + std::to_string(text.size()) + " bytes; " + allowed);
        if (std::any_of(text.begin(), text.end(),
                        [](char c) { return (unsigned char)c < 0x20 || c == 0x7f; }))
            refuse(name(key), jsonText(text) + " contains a control character; " + allowed);
        return text;
    }
    std::string optionalText(std::string_view key) const
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
    bool boolean(std::string_view key) const
    {
        const Json& v = (*this)[key];
        if (!v.is_boolean())
            refuse(name(key),
                   "expected true or false, found " + kindOf(v) + "; allowed: true, false");
        return v.get<bool>();
    }
    // One of `allowed`, returned as its index.
    std::size_t choice(std::string_view key, std::initializer_list<std::string_view> allowed) const
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
        return std::size_t(at - allowed.begin());
    }
    Protocol protocol(std::string_view key) const
    {
        return choice(key, {"tcp", "udp"}) == 0 ? Protocol::Tcp : Protocol::Udp;
    }
    AddressFamily family(std::string_view key) const
    {
        return choice(key, {"ipv4", "ipv6"}) == 0 ? AddressFamily::IPv4 : AddressFamily::IPv6;
    }
    std::int64_t time(std::string_view key) const
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
    // start, count and end of a block, which must agree and end at 65535 at the latest.
    PortRange range() const
    {
        const auto start = integer("start", 1, 65535);
        const auto count = integer("count", 1, 65535);
        const auto end = integer("end", 1, 65535);
        if (start + count - 1 > 65535)
            refuse(m_path, "the block " + std::to_string(start) + "+" + std::to_string(count) +
                               " runs past 65535; allowed: start + count - 1 <= 65535");
        if (end != start + count - 1)
            refuse(name("end"), std::to_string(end) + " does not agree with start " +
                                    std::to_string(start) + " and count " + std::to_string(count) +
                                    "; allowed: " + std::to_string(start + count - 1));
        return PortRange{std::uint16_t(start), std::uint16_t(count)};
    }
    const Json& array(std::string_view key) const
    {
        const Json& v = (*this)[key];
        if (!v.is_array())
            refuse(name(key), "expected an array, found " + kindOf(v) + "; allowed: an array");
        return v;
    }
    std::string item(std::string_view key, std::size_t index) const
    {
        return name(key) + "[" + std::to_string(index) + "]";
    }

private:
    std::string where() const { return m_path.empty() ? "(document)" : m_path; }

    const Json& m_value;
    std::string m_path;
};

Token token(const Fields& f)
{
    const Json& v = f["token"];
    const char* allowed = "allowed: null or a decimal string 1-18446744073709551615";
    if (v.is_null())
        return kNoToken;
    if (!v.is_string())
        refuse(f.name("token"), "expected a string, found " + kindOf(v) + "; " + allowed);
    const auto& text = v.get_ref<const std::string&>();
    Token value = 0;
    bool ok = !text.empty() && text.size() <= 20 && text[0] != '0';
    for (char c : text) {
        if (!ok || c < '0' || c > '9') {
            ok = false;
            break;
        }
        const Token digit = Token(c - '0');
        ok = value <= (std::numeric_limits<Token>::max() - digit) / 10;
        value = value * 10 + digit;
    }
    if (!ok)
        refuse(f.name("token"), jsonText(text) + " is not a token; " + allowed);
    return value;
}

std::optional<PortRange> dynamicRange(const Fields& ranges, std::string_view key)
{
    if (ranges[key].is_null())
        return std::nullopt;
    return Fields(ranges[key], ranges.name(key), {"start", "count", "end"}).range();
}

Listener listener(const Fields& f)
{
    Listener l;
    l.protocol = f.protocol("protocol");
    l.family = f.family("family");
    l.address = f.string("address");
    if (!parseIpAddress(l.address, l.family))
        refuse(f.name("address"), jsonText(l.address) + " is not an " +
                                      std::string(toString(l.family)) +
                                      " address; allowed: an address of the listener's family");
    l.port = std::uint16_t(f.integer("port", 0, 65535));
    if (!f["pid"].is_null())
        l.pid = f.integer("pid", 0, std::numeric_limits<std::uint32_t>::max());
    l.process = f.optionalText("process");
    return l;
}

SnapshotScan scan(const Fields& f)
{
    SnapshotScan s;
    s.protocol = f.protocol("protocol");
    s.family = f.family("family");
    s.address = f.string("address");
    if (!parseIpAddress(s.address, s.family))
        refuse(f.name("address"), jsonText(s.address) + " is not an " +
                                      std::string(toString(s.family)) +
                                      " address; allowed: an address of the scan's family");
    s.first = std::uint16_t(f.integer("first", 1, 65535));
    s.last = std::uint16_t(f.integer("last", s.first, 65535));
    const Json& runs = f.array("runs");
    for (std::size_t i = 0; i < runs.size(); ++i) {
        const Fields r(runs[i], f.item("runs", i),
                       {"start", "end", "outcome", "code", "name", "holder"});
        SnapshotScanRun run;
        run.start = std::uint16_t(r.integer("start", s.first, s.last));
        run.end = std::uint16_t(r.integer("end", run.start, s.last));
        run.outcome =
            BindOutcome(r.choice("outcome", {"free", "in-use", "denied", "forbidden", "other"}));
        run.code = r.integer("code", std::numeric_limits<std::int64_t>::min(),
                             std::numeric_limits<std::int64_t>::max());
        run.name = r.optionalText("name");
        run.holder = r.optionalText("holder");
        s.runs.push_back(std::move(run));
    }
    return s;
}

HostSnapshot readDocument(const Json& doc)
{
    if (!doc.is_object())
        refuse("(document)", "expected an object, found " + kindOf(doc) + "; allowed: an object");
    // The kind of document first: anything else said about a stranger would mislead.
    const Json* schema = findMember(doc, "schema");
    if (!schema || !schema->is_string() || *schema != kSnapshotSchemaId)
        refuse("schema", (schema ? dumpJson(*schema) + " is not a host snapshot"
                                 : std::string("missing: this is not a host snapshot")) +
                             "; allowed: " + jsonText(kSnapshotSchemaId));
    const Json* version = findMember(doc, "version");
    if (!version || !version->is_number() || jsonInt64(*version) != kSnapshotVersion)
        refuse("version",
               (version ? dumpJson(*version) + " is not" : std::string("missing:")) +
                   " a version this program reads; allowed: " + std::to_string(kSnapshotVersion));

    const Fields f(doc, "",
                   {"schema", "version", "tool", "host", "os", "backend", "elevated", "bootTime",
                    "gatheredAt", "dynamicRanges", "persistent", "runtime", "listeners", "scan"});
    HostSnapshot s;
    const Fields tool(f["tool"], "tool", {"name", "version"});
    s.toolName = tool.line("name", 64, true);
    s.toolVersion = tool.line("version", 64, false);
    s.host = f.line("host", 255, true);
    const Fields os(f["os"], "os", {"family", "name", "version"});
    static constexpr std::array<std::string_view, 3> kFamilies{"windows", "linux", "unknown"};
    s.os.family = kFamilies[os.choice("family", {"windows", "linux", "unknown"})];
    s.os.name = os.line("name", 255, false);
    s.os.version = os.line("version", 255, false);
    static constexpr std::array<std::string_view, 3> kBackends{"windows", "linux", "simulated"};
    s.backend = kBackends[f.choice("backend", {"windows", "linux", "simulated"})];
    s.elevated = f.boolean("elevated");
    if (!f["bootTime"].is_null())
        s.bootTime = f.time("bootTime");
    s.gatheredAt = f.time("gatheredAt");

    const Fields ranges(f["dynamicRanges"], "dynamicRanges", {"tcp", "udp"});
    s.dynamicTcp = dynamicRange(ranges, "tcp");
    s.dynamicUdp = dynamicRange(ranges, "udp");

    const Json& persistent = f.array("persistent");
    for (std::size_t i = 0; i < persistent.size(); ++i) {
        const Fields b(persistent[i], f.item("persistent", i),
                       {"protocol", "start", "count", "end", "token"});
        ReservedBlock block;
        block.protocol = b.protocol("protocol");
        block.range = b.range();
        block.token = token(b);
        s.persistent.push_back(std::move(block));
    }
    const Json& runtime = f.array("runtime");
    for (std::size_t i = 0; i < runtime.size(); ++i) {
        const Fields b(runtime[i], f.item("runtime", i),
                       {"protocol", "start", "count", "end", "owner", "evidence"});
        ReservedBlock block;
        block.persistent = false;
        block.protocol = b.protocol("protocol");
        block.range = b.range();
        block.owner = b.optionalText("owner");
        block.ownerEvidence = b.optionalText("evidence");
        s.runtime.push_back(std::move(block));
    }
    const Json& listeners = f.array("listeners");
    for (std::size_t i = 0; i < listeners.size(); ++i)
        s.listeners.push_back(
            listener(Fields(listeners[i], f.item("listeners", i),
                            {"protocol", "family", "address", "port", "pid", "process"})));
    if (!f["scan"].is_null())
        s.scan = scan(
            Fields(f["scan"], "scan", {"protocol", "family", "address", "first", "last", "runs"}));
    return s;
}

} // namespace

Result<HostSnapshot> snapshotFromJsonValue(const Json& document, std::string_view source)
{
    try {
        return readDocument(document);
    } catch (const Refusal& refusal) {
        return Error::make(ErrorKind::InvalidArgument,
                           std::string(source) + ": " + refusal.field + ": " + refusal.text);
    }
}

Result<HostSnapshot> snapshotFromJson(std::string_view text, std::string_view source)
{
    auto document = parseJson(text);
    if (!document)
        return Error::make(ErrorKind::InvalidArgument,
                           std::string(source) + ": (document): " + document.error().message +
                               "; allowed: a whole JSON document");
    return snapshotFromJsonValue(document.value(), source);
}

} // namespace portolan
