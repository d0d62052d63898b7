// SPDX-License-Identifier: GPL-3.0-or-later
// Reading a host snapshot: every field checked by name, with the values it allows, because the
// documents come from other machines and other versions of the tool.
#include "hostsnapshot.h"
#include "jsonfields.h"

#include "platform/inetaddress.h"
#include "platform/simulated/simulatedmachine.h"

#include <algorithm>
#include <array>
#include <limits>

namespace portolan {

namespace {

using namespace jsonfields;

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
    return Fields(ranges[key], ranges.name(key), {"start", "count", "end"}).range(true);
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
        block.range = b.range(true);
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
        block.range = b.range(true);
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
