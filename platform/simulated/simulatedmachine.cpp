#include "simulatedmachine.h"

#include "simulatedaddress.h"

#include <algorithm>
#include <cstdio>
#include <initializer_list>
#include <limits>

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

std::string typeName(const json::Value& v)
{
    switch (v.type()) {
    case json::Type::Null: return "null";
    case json::Type::Bool: return "a boolean";
    case json::Type::Number: return "a number";
    case json::Type::String: return "a string";
    case json::Type::Array: return "an array";
    case json::Type::Object: return "an object";
    }
    return "something else";
}

std::string quoted(std::string_view text)
{
    // Appending (not "\"" + ...) also keeps GCC 12's -Wrestrict false positive away (PR 105329).
    std::string out = "\"";
    out += json::escape(text);
    out += '"';
    return out;
}

std::string blockText(Protocol protocol, PortRange range)
{
    return std::string(toString(protocol)) + " " + std::to_string(range.start) + "-"
         + std::to_string(range.end());
}

const json::Value& object(const json::Value& v, std::string_view path)
{
    if (!v.isObject())
        fail(std::string(path), "expected an object, found " + typeName(v));
    return v;
}

// Unknown keys are errors: a typo ("runtme") would otherwise silently seed a machine
// without the blocks the scenario's author meant.
void onlyKeys(const json::Value& obj, std::string_view path,
              std::initializer_list<std::string_view> allowed)
{
    for (const auto& [key, value] : obj.asObject()) {
        (void)value;
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

const json::Value* field(const json::Value& obj, std::string_view path, std::string_view key,
                         bool required)
{
    const json::Value* v = obj.find(key);
    if (!v && required)
        fail(join(path, key), "missing; this field is required");
    return v;
}

std::int64_t integer(const json::Value& v, const std::string& path, std::int64_t min,
                     std::int64_t max)
{
    const std::string allowed = "allowed " + std::to_string(min) + "-" + std::to_string(max);
    if (!v.isNumber())
        fail(path, "expected an integer, found " + typeName(v) + "; " + allowed);
    const auto n = v.asInt();
    if (!n) {
        // Either a fraction/exponent or an integer too large for 64 bits.
        const bool digitsOnly = !v.asString().empty()
            && v.asString().find_first_not_of("-0123456789") == std::string::npos;
        fail(path, v.asString() + (digitsOnly ? " is out of range; " : " is not an integer; ")
                       + allowed);
    }
    if (*n < min || *n > max)
        fail(path, v.asString() + " is out of range; " + allowed);
    return *n;
}

std::string string(const json::Value& v, const std::string& path, bool nonEmpty)
{
    if (!v.isString())
        fail(path, "expected a string, found " + typeName(v));
    if (nonEmpty && v.asString().empty())
        fail(path, "must not be empty");
    return v.asString();
}

bool boolean(const json::Value& v, const std::string& path)
{
    if (!v.isBool())
        fail(path, "expected true or false, found " + typeName(v));
    return v.asBool();
}

const json::Array& array(const json::Value& v, const std::string& path)
{
    if (!v.isArray())
        fail(path, "expected an array, found " + typeName(v));
    return v.asArray();
}

Protocol protocol(const json::Value& v, const std::string& path)
{
    if (!v.isString())
        fail(path, "expected a string, found " + typeName(v) + "; allowed: \"tcp\", \"udp\"");
    const auto p = parseProtocol(v.asString());
    if (!p)
        fail(path, quoted(v.asString()) + " is not a protocol; allowed: \"tcp\", \"udp\"");
    return *p;
}

Token token(const json::Value& v, const std::string& path)
{
    const std::string allowed = "allowed 1-18446744073709551615";
    if (!v.isNumber())
        fail(path, "expected an integer, found " + typeName(v) + "; " + allowed);
    const auto n = v.asUint();
    if (!n || *n == kNoToken)
        fail(path, v.asString() + " is not a token; " + allowed);
    return *n;
}

// start/count of a block: each in range, and the block must end at 65535 at the latest.
PortRange block(const json::Value& obj, const std::string& path, std::int64_t minCount)
{
    const auto start = integer(*field(obj, path, "start", true), join(path, "start"), 1, 65535);
    const auto count =
        integer(*field(obj, path, "count", true), join(path, "count"), minCount, 65535);
    if (start + count - 1 > 65535)
        fail(path, "the block " + std::to_string(start) + "-" + std::to_string(start + count - 1)
                       + " runs past 65535; allowed: start + count - 1 <= 65535");
    return PortRange{std::uint16_t(start), std::uint16_t(count)};
}

std::int64_t pid(const json::Value& v, const std::string& path)
{
    return integer(v, path, 0, std::numeric_limits<std::uint32_t>::max());
}

std::int64_t bootTime(const json::Value& v, const std::string& path)
{
    if (v.isString()) {
        const auto t = parseUtcTime(v.asString());
        if (!t)
            fail(path, quoted(v.asString())
                           + " is not a time; allowed: \"YYYY-MM-DDTHH:MM:SSZ\" (UTC) or "
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

void checkOverlaps(const std::vector<Placed>& blocks)
{
    for (std::size_t i = 0; i < blocks.size(); ++i)
        for (std::size_t j = 0; j < i; ++j)
            if (blocks[i].protocol == blocks[j].protocol
                && blocks[i].range.overlaps(blocks[j].range))
                fail(blocks[i].path, blockText(blocks[i].protocol, blocks[i].range)
                                         + " overlaps " + blocks[j].path + " ("
                                         + blockText(blocks[j].protocol, blocks[j].range)
                                         + "); allowed: reserved blocks that do not overlap");
}

SimulatedMachine parseMachine(const json::Value& doc)
{
    SimulatedMachine m;
    object(doc, "(document)");
    onlyKeys(doc, "",
             {"schema", "name", "description", "hostName", "elevated", "bootTime",
              "dynamicRange", "addresses", "self", "persistent", "runtime", "listeners",
              "state"});

    m.schema = int(integer(*field(doc, "", "schema", true), "schema", kScenarioSchema,
                           kScenarioSchema));
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
                fail(path, quoted(text) + " is not an IP address; allowed: an IPv4 or IPv6 literal");
            m.addresses.push_back(text);
        }
    }

    if (auto v = field(doc, "", "self", false)) {
        object(*v, "self");
        onlyKeys(*v, "self", {"pid", "process"});
        if (auto p = field(*v, "self", "pid", false))
            m.selfPid = pid(*p, "self.pid");
        if (auto p = field(*v, "self", "process", false))
            m.selfProcess = string(*p, "self.process", true);
    }

    std::vector<Placed> placed;
    std::vector<std::pair<Token, std::string>> tokens;

    if (auto v = field(doc, "", "persistent", false)) {
        const auto& list = array(*v, "persistent");
        for (std::size_t i = 0; i < list.size(); ++i) {
            const auto path = indexed("persistent", i);
            object(list[i], path);
            onlyKeys(list[i], path, {"protocol", "start", "count", "note", "token"});
            SimulatedPersistentBlock b;
            b.protocol = protocol(*field(list[i], path, "protocol", true), join(path, "protocol"));
            b.range = block(list[i], path, 1);
            if (auto n = field(list[i], path, "note", false))
                b.note = string(*n, join(path, "note"), false);
            if (auto t = field(list[i], path, "token", false)) {
                b.token = token(*t, join(path, "token"));
                tokens.emplace_back(b.token, join(path, "token"));
            }
            placed.push_back({b.protocol, b.range, path});
            m.persistent.push_back(std::move(b));
        }
    }

    if (auto v = field(doc, "", "runtime", false)) {
        const auto& list = array(*v, "runtime");
        for (std::size_t i = 0; i < list.size(); ++i) {
            const auto path = indexed("runtime", i);
            object(list[i], path);
            onlyKeys(list[i], path, {"protocol", "start", "count", "owner", "pid", "token"});
            SimulatedServiceBlock b;
            b.protocol = protocol(*field(list[i], path, "protocol", true), join(path, "protocol"));
            b.range = block(list[i], path, 1);
            b.owner = string(*field(list[i], path, "owner", true), join(path, "owner"), true);
            if (auto p = field(list[i], path, "pid", false))
                b.pid = pid(*p, join(path, "pid"));
            if (auto t = field(list[i], path, "token", false)) {
                b.token = token(*t, join(path, "token"));
                tokens.emplace_back(b.token, join(path, "token"));
            }
            placed.push_back({b.protocol, b.range, path});
            m.runtime.push_back(std::move(b));
        }
    }
    checkOverlaps(placed);
    for (std::size_t i = 0; i < tokens.size(); ++i)
        for (std::size_t j = 0; j < i; ++j)
            if (tokens[i].first == tokens[j].first)
                fail(tokens[i].second, "repeats the token of " + tokens[j].second
                                           + "; allowed: a token used by no other block");

    if (auto v = field(doc, "", "listeners", false)) {
        const auto& list = array(*v, "listeners");
        for (std::size_t i = 0; i < list.size(); ++i) {
            const auto path = indexed("listeners", i);
            object(list[i], path);
            onlyKeys(list[i], path, {"protocol", "address", "port", "pid", "process"});
            Listener l;
            l.protocol = protocol(*field(list[i], path, "protocol", true), join(path, "protocol"));
            l.address = string(*field(list[i], path, "address", true), join(path, "address"), true);
            const auto address = parseIpAddress(l.address);
            if (!address)
                fail(join(path, "address"), quoted(l.address)
                                                + " is not an IP address; allowed: an IPv4 or "
                                                  "IPv6 literal such as \"0.0.0.0\" or \"::\"");
            l.family = address->family;
            l.address = address->toString();
            l.port = std::uint16_t(
                integer(*field(list[i], path, "port", true), join(path, "port"), 1, 65535));
            if (auto p = field(list[i], path, "pid", false))
                l.pid = pid(*p, join(path, "pid"));
            if (auto p = field(list[i], path, "process", false))
                l.process = string(*p, join(path, "process"), false);
            m.listeners.push_back(std::move(l));
        }
    }

    if (auto v = field(doc, "", "state", false)) {
        object(*v, "state");
        onlyKeys(*v, "state",
                 {"format", "version", "scenarioHash", "seededFrom", "bootCounter",
                  "tokenCounter"});
        const auto format = string(*field(*v, "state", "format", true), "state.format", true);
        if (format != kStateFormat)
            fail("state.format", quoted(format) + " is not this format; allowed: "
                                     + quoted(kStateFormat));
        integer(*field(*v, "state", "version", true), "state.version", kStateVersion,
                kStateVersion);
        if (auto h = field(*v, "state", "scenarioHash", false))
            m.scenarioHash = string(*h, "state.scenarioHash", false);
        if (auto s = field(*v, "state", "seededFrom", false))
            m.seededFrom = string(*s, "state.seededFrom", false);
        if (auto b = field(*v, "state", "bootCounter", false))
            m.bootCounter = std::uint64_t(
                integer(*b, "state.bootCounter", 1, std::int64_t(kMaxCounter)));
        if (auto t = field(*v, "state", "tokenCounter", false))
            m.tokenCounter = std::uint64_t(
                integer(*t, "state.tokenCounter", 0, std::int64_t(kMaxCounter)));
    }
    return m;
}

// Howard Hinnant's civil-calendar algorithms.
std::int64_t daysFromCivil(std::int64_t y, unsigned m, unsigned d)
{
    y -= m <= 2;
    const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
    const unsigned yoe = unsigned(y - era * 400);
    const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + std::int64_t(doe) - 719468;
}

void civilFromDays(std::int64_t z, std::int64_t& y, unsigned& m, unsigned& d)
{
    z += 719468;
    const std::int64_t era = (z >= 0 ? z : z - 146096) / 146097;
    const unsigned doe = unsigned(z - era * 146097);
    const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    y = std::int64_t(yoe) + era * 400;
    const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const unsigned mp = (5 * doy + 2) / 153;
    d = doy - (153 * mp + 2) / 5 + 1;
    m = mp < 10 ? mp + 3 : mp - 9;
    y += m <= 2;
}

} // namespace

Result<SimulatedMachine> machineFromJson(const json::Value& document, std::string_view source)
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

json::Value machineToJson(const SimulatedMachine& m)
{
    json::Value doc = json::Object{};
    doc.set("schema", m.schema);
    doc.set("name", m.name);
    doc.set("description", m.description);
    doc.set("hostName", m.hostName);
    doc.set("elevated", m.elevated);
    doc.set("bootTime", formatUtcTime(m.bootTime));

    json::Value dynamic = json::Object{};
    for (Protocol p : {Protocol::Tcp, Protocol::Udp}) {
        json::Value r = json::Object{};
        r.set("start", unsigned(m.dynamicRange(p).start));
        r.set("count", unsigned(m.dynamicRange(p).count));
        dynamic.set(std::string(toString(p)), std::move(r));
    }
    doc.set("dynamicRange", std::move(dynamic));

    json::Value addresses = json::Array{};
    for (const auto& a : m.addresses)
        addresses.push(a);
    doc.set("addresses", std::move(addresses));

    json::Value self = json::Object{};
    self.set("pid", m.selfPid);
    self.set("process", m.selfProcess);
    doc.set("self", std::move(self));

    json::Value persistent = json::Array{};
    for (const auto& b : m.persistent) {
        json::Value e = json::Object{};
        e.set("protocol", std::string(toString(b.protocol)));
        e.set("start", unsigned(b.range.start));
        e.set("count", unsigned(b.range.count));
        if (!b.note.empty())
            e.set("note", b.note);
        e.set("token", b.token);
        persistent.push(std::move(e));
    }
    doc.set("persistent", std::move(persistent));

    json::Value runtime = json::Array{};
    for (const auto& b : m.runtime) {
        json::Value e = json::Object{};
        e.set("protocol", std::string(toString(b.protocol)));
        e.set("start", unsigned(b.range.start));
        e.set("count", unsigned(b.range.count));
        e.set("owner", b.owner);
        if (b.pid >= 0)
            e.set("pid", b.pid);
        e.set("token", b.token);
        runtime.push(std::move(e));
    }
    doc.set("runtime", std::move(runtime));

    json::Value listeners = json::Array{};
    for (const auto& l : m.listeners) {
        json::Value e = json::Object{};
        e.set("protocol", std::string(toString(l.protocol)));
        e.set("address", l.address);
        e.set("port", unsigned(l.port));
        if (l.pid >= 0)
            e.set("pid", l.pid);
        if (!l.process.empty())
            e.set("process", l.process);
        listeners.push(std::move(e));
    }
    doc.set("listeners", std::move(listeners));

    json::Value state = json::Object{};
    state.set("format", std::string(kStateFormat));
    state.set("version", kStateVersion);
    state.set("scenarioHash", m.scenarioHash);
    state.set("seededFrom", m.seededFrom);
    state.set("bootCounter", m.bootCounter);
    state.set("tokenCounter", m.tokenCounter);
    doc.set("state", std::move(state));
    return doc;
}

std::string hashScenarioText(std::string_view text)
{
    std::uint64_t h = 14695981039346656037ull;
    for (unsigned char c : text) {
        h ^= c;
        h *= 1099511628211ull;
    }
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "fnv1a64:%016llx", static_cast<unsigned long long>(h));
    return buffer;
}

std::optional<std::int64_t> parseUtcTime(std::string_view t)
{
    // Exactly YYYY-MM-DDTHH:MM:SSZ.
    if (t.size() != 20 || t[4] != '-' || t[7] != '-' || t[10] != 'T' || t[13] != ':'
        || t[16] != ':' || t[19] != 'Z')
        return std::nullopt;
    auto num = [&](std::size_t pos, std::size_t len) -> std::optional<unsigned> {
        unsigned v = 0;
        for (std::size_t i = pos; i < pos + len; ++i) {
            if (t[i] < '0' || t[i] > '9')
                return std::nullopt;
            v = v * 10 + unsigned(t[i] - '0');
        }
        return v;
    };
    const auto y = num(0, 4), mo = num(5, 2), d = num(8, 2), h = num(11, 2), mi = num(14, 2),
               s = num(17, 2);
    if (!y || !mo || !d || !h || !mi || !s || *y < 1970 || *mo < 1 || *mo > 12 || *d < 1
        || *h > 23 || *mi > 59 || *s > 59)
        return std::nullopt;
    static constexpr unsigned kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    const bool leap = (*y % 4 == 0 && *y % 100 != 0) || *y % 400 == 0;
    if (*d > kDays[*mo - 1] + (*mo == 2 && leap ? 1 : 0))
        return std::nullopt;
    return daysFromCivil(*y, *mo, *d) * 86400 + std::int64_t(*h) * 3600 + *mi * 60 + *s;
}

std::string formatUtcTime(std::int64_t seconds)
{
    std::int64_t days = seconds / 86400;
    std::int64_t rest = seconds % 86400;
    if (rest < 0) {
        rest += 86400;
        --days;
    }
    std::int64_t y = 0;
    unsigned m = 0, d = 0;
    civilFromDays(days, y, m, d);
    char buffer[40];
    std::snprintf(buffer, sizeof buffer, "%04lld-%02u-%02uT%02lld:%02lld:%02lldZ",
                  static_cast<long long>(y), m, d, static_cast<long long>(rest / 3600),
                  static_cast<long long>(rest / 60 % 60), static_cast<long long>(rest % 60));
    return buffer;
}

} // namespace portolan::simulated
