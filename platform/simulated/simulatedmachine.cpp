// SPDX-License-Identifier: GPL-3.0-or-later
#include "simulatedmachine.h"

#include "../inetaddress.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <initializer_list>
#include <limits>
#include <map>
#include <unordered_map>

namespace portolan::simulated {

namespace {

// Thrown inside the parser only, so that each check is one line; machineFromJson turns it
// into an Error value before it leaves this file.
struct ScenarioProblem
{
    std::string path;
    std::string text;
};

[[noreturn]] void fail(std::string path, std::string text)
{
    throw ScenarioProblem{std::move(path), std::move(text)};
}

std::string join(std::string_view path, std::string_view key)
{
    return path.empty() ? std::string(key) : std::string(path) + "." + std::string(key);
}

std::string indexed(std::string_view path, std::size_t index)
{
    return std::string(path) + "[" + std::to_string(index) + "]";
}

// A field's name in messages ("runtime[2].start"), put together only when a message needs it:
// a big scenario has hundreds of thousands of fields and, when it is valid, no message.
class FieldPath
{
public:
    FieldPath(const char* whole) : m_parent(whole) {}
    FieldPath(const std::string& whole) : m_parent(whole) {}
    FieldPath(std::string_view parent, std::string_view key) : m_parent(parent), m_key(key) {}
    std::string text() const
    {
        return m_key.empty() ? std::string(m_parent) : join(m_parent, m_key);
    }

private:
    std::string_view m_parent;
    std::string_view m_key;
};

std::string typeName(const Json& v)
{
    switch (v.type()) {
    case Json::value_t::null:
        return "null";
    case Json::value_t::boolean:
        return "a boolean";
    case Json::value_t::number_integer:
    case Json::value_t::number_unsigned:
    case Json::value_t::number_float:
        return "a number";
    case Json::value_t::string:
        return "a string";
    case Json::value_t::array:
        return "an array";
    case Json::value_t::object:
        return "an object";
    case Json::value_t::binary:
    case Json::value_t::discarded:
        break;
    }
    return "something else";
}

// A string as JSON writes it: quoted, escaped, malformed UTF-8 replaced.
std::string jsonString(std::string_view text)
{
    return dumpJson(Json(std::string(text)));
}

std::string blockText(Protocol protocol, PortRange range)
{
    return std::string(toString(protocol)) + " " + std::to_string(range.start) + "-" +
           std::to_string(range.end());
}

const Json& object(const Json& v, std::string_view path)
{
    if (!v.is_object())
        fail(std::string(path), "expected an object, found " + typeName(v));
    return v;
}

// Unknown keys are errors: a typo ("runtme") would otherwise silently seed a machine
// without the blocks the scenario's author meant.
void onlyKeys(const Json& obj, std::string_view path,
              std::initializer_list<std::string_view> allowed)
{
    for (const auto& member : obj.items()) {
        const std::string& key = member.key();
        if (key == "comment")
            continue;
        if (std::find(allowed.begin(), allowed.end(), key) != allowed.end())
            continue;
        std::string list;
        for (auto a : allowed)
            list += (list.empty() ? "" : ", ") + std::string(a);
        fail(join(path, key), "unknown field; allowed: " + list + ", comment");
    }
}

const Json* field(const Json& obj, std::string_view path, std::string_view key, bool required)
{
    const Json* v = findMember(obj, key);
    if (!v && required)
        fail(join(path, key), "missing; this field is required");
    return v;
}

std::int64_t integer(const Json& v, const FieldPath& path, std::int64_t min, std::int64_t max)
{
    const auto allowed = [&] {
        return "allowed " + std::to_string(min) + "-" + std::to_string(max);
    };
    if (!v.is_number())
        fail(path.text(), "expected an integer, found " + typeName(v) + "; " + allowed());
    const auto n = jsonInt64(v);
    if (!n) {
        // A fraction or an exponent, or a whole number beyond 64 bits (which the parser keeps
        // as an unsigned above 2^63-1, or as a double when it is larger still).
        const bool whole =
            v.is_number_unsigned() || (std::trunc(v.get<double>()) == v.get<double>() &&
                                       std::abs(v.get<double>()) >= 9223372036854775808.0);
        fail(path.text(),
             dumpJson(v) + (whole ? " is out of range; " : " is not an integer; ") + allowed());
    }
    if (*n < min || *n > max)
        fail(path.text(), dumpJson(v) + " is out of range; " + allowed());
    return *n;
}

const std::string& string(const Json& v, const FieldPath& path, bool nonEmpty)
{
    if (!v.is_string())
        fail(path.text(), "expected a string, found " + typeName(v));
    const auto& text = v.get_ref<const std::string&>();
    if (nonEmpty && text.empty())
        fail(path.text(), "must not be empty");
    return text;
}

bool boolean(const Json& v, const FieldPath& path)
{
    if (!v.is_boolean())
        fail(path.text(), "expected true or false, found " + typeName(v));
    return v.get<bool>();
}

const Json& array(const Json& v, const FieldPath& path)
{
    if (!v.is_array())
        fail(path.text(), "expected an array, found " + typeName(v));
    return v;
}

Protocol protocol(const Json& v, const FieldPath& path)
{
    if (!v.is_string())
        fail(path.text(),
             "expected a string, found " + typeName(v) + "; allowed: \"tcp\", \"udp\"");
    const auto& text = v.get_ref<const std::string&>();
    const auto p = parseProtocol(text);
    if (!p)
        fail(path.text(), jsonString(text) + " is not a protocol; allowed: \"tcp\", \"udp\"");
    return *p;
}

SocketSharing sharing(const Json& v, const FieldPath& path)
{
    const char* const allowed = "allowed: \"default\", \"reuseaddr\", \"exclusive\"";
    if (!v.is_string())
        fail(path.text(), "expected a string, found " + typeName(v) + "; " + allowed);
    const auto& text = v.get_ref<const std::string&>();
    const auto parsed = parseSocketSharing(text);
    if (!parsed)
        fail(path.text(), jsonString(text) + " is not a socket option; " + allowed);
    return *parsed;
}

Token token(const Json& v, const FieldPath& path)
{
    const char* const allowed = "allowed 1-18446744073709551615";
    if (!v.is_number())
        fail(path.text(), "expected an integer, found " + typeName(v) + "; " + allowed);
    const auto n = jsonUint64(v);
    if (!n || *n == kNoToken)
        fail(path.text(), dumpJson(v) + " is not a token; " + allowed);
    return *n;
}

// start/count of a block: each in range, and the block must end at 65535 at the latest.
PortRange block(const Json& obj, const std::string& path, std::int64_t minCount)
{
    const auto start =
        integer(*field(obj, path, "start", true), FieldPath(path, "start"), 1, 65535);
    const auto count =
        integer(*field(obj, path, "count", true), FieldPath(path, "count"), minCount, 65535);
    if (start + count - 1 > 65535)
        fail(path, "the block " + std::to_string(start) + "-" + std::to_string(start + count - 1) +
                       " runs past 65535; allowed: start + count - 1 <= 65535");
    return PortRange{std::uint16_t(start), std::uint16_t(count)};
}

std::int64_t pid(const Json& v, const FieldPath& path)
{
    return integer(v, path, 0, std::numeric_limits<std::uint32_t>::max());
}

std::int64_t bootTime(const Json& v, const FieldPath& path)
{
    if (v.is_string()) {
        const auto& text = v.get_ref<const std::string&>();
        const auto t = parseUtcTime(text);
        if (!t)
            fail(path.text(), jsonString(text) +
                                  " is not a time; allowed: \"YYYY-MM-DDTHH:MM:SSZ\" (UTC) or "
                                  "seconds since 1970");
        return *t;
    }
    return integer(v, path, 0, kMaxBootTime);
}

struct Placed
{
    Protocol protocol;
    PortRange range;
    std::string path;
};

// The first block (in document order) that overlaps an earlier one, named with the first
// earlier block it overlaps. The blocks read so far are disjoint (else the check would have
// stopped), so per protocol they form a map from start to entry, and the earlier blocks a new
// one meets are a run of neighbours in it: O(n log n) where comparing every pair was O(n^2).
void checkOverlaps(const std::vector<Placed>& blocks)
{
    std::map<std::uint32_t, std::size_t> byStart[2]; // per protocol: start -> index in blocks
    for (std::size_t i = 0; i < blocks.size(); ++i) {
        const Placed& block = blocks[i];
        auto& placed = byStart[block.protocol == Protocol::Tcp ? 0 : 1];
        // The run of earlier blocks starting at or before this one's end, walked back while
        // they still reach into it.
        std::optional<std::size_t> first;
        for (auto it = placed.upper_bound(block.range.end()); it != placed.begin();) {
            --it;
            if (!blocks[it->second].range.overlaps(block.range))
                break;
            first = std::min(first.value_or(it->second), it->second);
        }
        if (first) {
            const Placed& earlier = blocks[*first];
            fail(block.path, blockText(block.protocol, block.range) + " overlaps " + earlier.path +
                                 " (" + blockText(earlier.protocol, earlier.range) +
                                 "); allowed: reserved blocks that do not overlap");
        }
        placed.emplace(block.range.start, i);
    }
}

// The first token (in document order) that repeats an earlier one, named with that one.
// `tokens` holds each token with the path of its block.
void checkTokens(const std::vector<std::pair<Token, std::string>>& tokens)
{
    std::unordered_map<Token, std::size_t> seen;
    seen.reserve(tokens.size());
    for (std::size_t i = 0; i < tokens.size(); ++i) {
        const auto [at, added] = seen.emplace(tokens[i].first, i);
        if (!added)
            fail(join(tokens[i].second, "token"), "repeats the token of " +
                                                      join(tokens[at->second].second, "token") +
                                                      "; allowed: a token used by no other block");
    }
}

SimulatedMachine parseMachine(const Json& doc)
{
    SimulatedMachine m;
    object(doc, "(document)");
    onlyKeys(doc, "",
             {"schema", "name", "description", "hostName", "elevated", "bootTime", "dynamicRange",
              "os", "addresses", "self", "persistent", "runtime", "listeners", "services",
              "state"});

    m.schema =
        int(integer(*field(doc, "", "schema", true), "schema", kScenarioSchema, kScenarioSchema));
    if (auto v = field(doc, "", "name", false))
        m.name = string(*v, "name", false);
    if (auto v = field(doc, "", "description", false))
        m.description = string(*v, "description", false);
    if (auto v = field(doc, "", "hostName", false))
        m.hostName = string(*v, "hostName", true);
    if (auto v = field(doc, "", "elevated", false))
        m.elevated = boolean(*v, "elevated");
    if (auto v = field(doc, "", "bootTime", false))
        m.bootTime = bootTime(*v, "bootTime");

    if (auto v = field(doc, "", "os", false)) {
        object(*v, "os");
        onlyKeys(*v, "os", {"family", "name", "version"});
        if (auto f = field(*v, "os", "family", false)) {
            m.os.family = string(*f, "os.family", true);
            if (m.os.family != "windows" && m.os.family != "linux" && m.os.family != "unknown")
                fail("os.family",
                     jsonString(m.os.family) +
                         " is not allowed; allowed: \"windows\", \"linux\", \"unknown\"");
        }
        if (auto f = field(*v, "os", "name", false))
            m.os.name = string(*f, "os.name", false);
        if (auto f = field(*v, "os", "version", false))
            m.os.version = string(*f, "os.version", false);
    }

    if (auto v = field(doc, "", "dynamicRange", false)) {
        object(*v, "dynamicRange");
        onlyKeys(*v, "dynamicRange", {"tcp", "udp"});
        for (Protocol p : {Protocol::Tcp, Protocol::Udp}) {
            const std::string key(toString(p));
            if (auto r = field(*v, "dynamicRange", key, false)) {
                const std::string path = "dynamicRange." + key;
                object(*r, path);
                onlyKeys(*r, path, {"start", "count"});
                m.dynamicRange(p) = block(*r, path, kMinDynamicRangeCount);
            }
        }
    }

    if (auto v = field(doc, "", "addresses", false)) {
        const auto& list = array(*v, "addresses");
        for (std::size_t i = 0; i < list.size(); ++i) {
            const auto path = indexed("addresses", i);
            const auto text = string(list[i], path, true);
            if (!parseIpAddress(text))
                fail(path,
                     jsonString(text) + " is not an IP address; allowed: an IPv4 or IPv6 literal");
            m.addresses.push_back(text);
        }
    }

    if (auto v = field(doc, "", "self", false)) {
        object(*v, "self");
        onlyKeys(*v, "self", {"pid", "process", "user"});
        if (auto p = field(*v, "self", "pid", false))
            m.selfPid = pid(*p, "self.pid");
        if (auto p = field(*v, "self", "process", false))
            m.selfProcess = string(*p, "self.process", true);
        if (auto p = field(*v, "self", "user", false))
            m.selfUser = string(*p, "self.user", true);
    }

    std::vector<Placed> placed;
    std::vector<std::pair<Token, std::string>> tokens;
    // What persistent and runtime entries share: protocol, start and count first, the token
    // last (it is checked for repeats once all blocks are read).
    const auto readBlock = [&](const Json& entry, const std::string& path, auto& b) {
        b.protocol = protocol(*field(entry, path, "protocol", true), FieldPath(path, "protocol"));
        b.range = block(entry, path, 1);
        placed.push_back({b.protocol, b.range, path});
    };
    const auto readToken = [&](const Json& entry, const std::string& path, auto& b) {
        if (auto t = field(entry, path, "token", false)) {
            b.token = token(*t, FieldPath(path, "token"));
            tokens.emplace_back(b.token, path);
        }
    };

    if (auto v = field(doc, "", "persistent", false)) {
        const auto& list = array(*v, "persistent");
        m.persistent.reserve(list.size());
        for (std::size_t i = 0; i < list.size(); ++i) {
            const auto path = indexed("persistent", i);
            object(list[i], path);
            onlyKeys(list[i], path, {"protocol", "start", "count", "note", "token"});
            SimulatedPersistentBlock b;
            readBlock(list[i], path, b);
            if (auto n = field(list[i], path, "note", false))
                b.note = string(*n, FieldPath(path, "note"), false);
            readToken(list[i], path, b);
            m.persistent.push_back(std::move(b));
        }
    }

    if (auto v = field(doc, "", "runtime", false)) {
        const auto& list = array(*v, "runtime");
        m.runtime.reserve(list.size());
        for (std::size_t i = 0; i < list.size(); ++i) {
            const auto path = indexed("runtime", i);
            object(list[i], path);
            onlyKeys(list[i], path, {"protocol", "start", "count", "owner", "pid", "token"});
            SimulatedServiceBlock b;
            readBlock(list[i], path, b);
            b.owner = string(*field(list[i], path, "owner", true), FieldPath(path, "owner"), true);
            if (auto p = field(list[i], path, "pid", false))
                b.pid = pid(*p, FieldPath(path, "pid"));
            readToken(list[i], path, b);
            m.runtime.push_back(std::move(b));
        }
    }
    if (auto v = field(doc, "", "services", false)) {
        const auto& list = array(*v, "services");
        for (std::size_t i = 0; i < list.size(); ++i) {
            const auto path = indexed("services", i);
            object(list[i], path);
            onlyKeys(list[i], path, {"name", "displayName", "state", "pid", "blocks", "breaks"});
            SimulatedService s;
            s.name = string(*field(list[i], path, "name", true), FieldPath(path, "name"), true);
            for (const auto& earlier : m.services)
                if (sameServiceName(earlier.name, s.name))
                    fail(join(path, "name"), jsonString(s.name) +
                                                 " names an earlier service; allowed: a name "
                                                 "no other service has (case is ignored)");
            s.displayName = s.name;
            if (auto d = field(list[i], path, "displayName", false))
                s.displayName = string(*d, FieldPath(path, "displayName"), true);
            if (auto st = field(list[i], path, "state", false)) {
                const auto& state = string(*st, FieldPath(path, "state"), true);
                if (state != "running" && state != "stopped")
                    fail(join(path, "state"), jsonString(state) +
                                                  " is not a service state; allowed: "
                                                  "\"running\", \"stopped\"");
                s.running = state == "running";
            }
            if (auto p = field(list[i], path, "pid", false))
                s.pid = pid(*p, FieldPath(path, "pid"));
            if (auto b = field(list[i], path, "breaks", false))
                s.breaks = string(*b, FieldPath(path, "breaks"), false);
            if (auto b = field(list[i], path, "blocks", false)) {
                const auto& blocks = array(*b, join(path, "blocks"));
                for (std::size_t j = 0; j < blocks.size(); ++j) {
                    const auto bpath = indexed(join(path, "blocks"), j);
                    object(blocks[j], bpath);
                    onlyKeys(blocks[j], bpath, {"protocol", "start", "count", "token"});
                    SimulatedServiceBlock sb;
                    sb.owner = s.displayName;
                    sb.pid = s.pid;
                    sb.service = s.name;
                    if (s.running) {
                        // A running service's blocks are reserved; a stopped one's are only
                        // where they were, and may lie under blocks made since.
                        readBlock(blocks[j], bpath, sb);
                        readToken(blocks[j], bpath, sb);
                        m.runtime.push_back(std::move(sb));
                    } else {
                        sb.protocol = protocol(*field(blocks[j], bpath, "protocol", true),
                                               FieldPath(bpath, "protocol"));
                        sb.range = block(blocks[j], bpath, 1);
                        s.stoppedBlocks.push_back(std::move(sb));
                    }
                }
            }
            m.services.push_back(std::move(s));
        }
    }
    checkOverlaps(placed);
    checkTokens(tokens);

    if (auto v = field(doc, "", "listeners", false)) {
        const auto& list = array(*v, "listeners");
        m.listeners.reserve(list.size());
        for (std::size_t i = 0; i < list.size(); ++i) {
            const auto path = indexed("listeners", i);
            object(list[i], path);
            onlyKeys(list[i], path,
                     {"protocol", "address", "port", "pid", "process", "options", "user"});
            Listener l;
            l.protocol =
                protocol(*field(list[i], path, "protocol", true), FieldPath(path, "protocol"));
            l.address =
                string(*field(list[i], path, "address", true), FieldPath(path, "address"), true);
            const auto address = parseIpAddress(l.address);
            if (!address)
                fail(join(path, "address"), jsonString(l.address) +
                                                " is not an IP address; allowed: an IPv4 or "
                                                "IPv6 literal such as \"0.0.0.0\" or \"::\"");
            l.family = address->family;
            l.address = address->toString();
            l.port = std::uint16_t(
                integer(*field(list[i], path, "port", true), FieldPath(path, "port"), 1, 65535));
            if (auto p = field(list[i], path, "pid", false))
                l.pid = pid(*p, FieldPath(path, "pid"));
            if (auto p = field(list[i], path, "process", false))
                l.process = string(*p, FieldPath(path, "process"), false);
            if (auto p = field(list[i], path, "options", false))
                l.sharing = sharing(*p, FieldPath(path, "options"));
            l.user = m.selfUser;
            if (auto p = field(list[i], path, "user", false))
                l.user = string(*p, FieldPath(path, "user"), true);
            m.listeners.push_back(std::move(l));
        }
    }

    if (auto v = field(doc, "", "state", false)) {
        object(*v, "state");
        onlyKeys(
            *v, "state",
            {"format", "version", "scenarioHash", "seededFrom", "bootCounter", "tokenCounter"});
        const auto format = string(*field(*v, "state", "format", true), "state.format", true);
        if (format != kStateFormat)
            fail("state.format",
                 jsonString(format) + " is not this format; allowed: " + jsonString(kStateFormat));
        integer(*field(*v, "state", "version", true), "state.version", kStateVersion,
                kStateVersion);
        if (auto h = field(*v, "state", "scenarioHash", false))
            m.scenarioHash = string(*h, "state.scenarioHash", false);
        if (auto s = field(*v, "state", "seededFrom", false))
            m.seededFrom = string(*s, "state.seededFrom", false);
        if (auto b = field(*v, "state", "bootCounter", false))
            m.bootCounter =
                std::uint64_t(integer(*b, "state.bootCounter", 1, std::int64_t(kMaxCounter)));
        if (auto t = field(*v, "state", "tokenCounter", false))
            m.tokenCounter =
                std::uint64_t(integer(*t, "state.tokenCounter", 0, std::int64_t(kMaxCounter)));
    }
    return m;
}

} // namespace

Result<SimulatedMachine> machineFromJson(const Json& document, std::string_view source)
{
    try {
        return parseMachine(document);
    } catch (const ScenarioProblem& problem) {
        std::string message(source);
        if (!problem.path.empty())
            message += ": " + problem.path;
        message += ": " + problem.text;
        return Error::make(ErrorKind::InvalidArgument, std::move(message));
    }
}

std::uint64_t fnv1a64(std::string_view text)
{
    std::uint64_t h = 14695981039346656037ull;
    for (unsigned char c : text) {
        h ^= c;
        h *= 1099511628211ull;
    }
    return h;
}

std::string hashScenarioText(std::string_view text)
{
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "fnv1a64:%016llx",
                  static_cast<unsigned long long>(fnv1a64(text)));
    return buffer;
}

} // namespace portolan::simulated
