// SPDX-License-Identifier: GPL-3.0-or-later
#include "hostsnapshot.h"

#include "platform/simulated/simulatedmachine.h"

#include <algorithm>
#include <chrono>
#include <map>
#include <stop_token>
#include <tuple>

namespace portolan {

namespace {

auto blockKey(const ReservedBlock& b)
{
    return std::tuple(b.protocol, b.range.start, b.range.count);
}

bool byPlace(const ReservedBlock& a, const ReservedBlock& b)
{
    return blockKey(a) < blockKey(b);
}

std::int64_t nowSeconds()
{
    using namespace std::chrono;
    return duration_cast<seconds>(system_clock::now().time_since_epoch()).count();
}

SnapshotScan snapshotScan(const ScanResult& result)
{
    SnapshotScan scan;
    scan.protocol = result.request.protocol;
    scan.family = result.request.family;
    scan.address = result.request.address;
    scan.first = result.request.first;
    scan.last = result.request.last;
    for (const ScanRun& run : result.runs)
        scan.runs.push_back(
            {run.first, run.last, run.outcome, run.code, run.codeName, run.holder.describe()});
    return scan;
}

Json orNull(const std::string& text)
{
    return text.empty() ? Json(nullptr) : Json(text);
}

Json rangeJson(Protocol protocol, PortRange range, bool withProtocol)
{
    Json j = Json::object();
    if (withProtocol)
        j["protocol"] = toString(protocol);
    j["start"] = range.start;
    j["count"] = range.count;
    j["end"] = range.end();
    return j;
}

Json scanJson(const SnapshotScan& scan)
{
    Json j = Json::object();
    j["protocol"] = toString(scan.protocol);
    j["family"] = toString(scan.family);
    j["address"] = scan.address;
    j["first"] = scan.first;
    j["last"] = scan.last;
    Json runs = Json::array();
    for (const auto& run : scan.runs) {
        Json r = Json::object();
        r["start"] = run.start;
        r["end"] = run.end;
        r["outcome"] = toString(run.outcome);
        r["code"] = run.code;
        r["name"] = orNull(run.name);
        r["holder"] = orNull(run.holder);
        runs.push_back(std::move(r));
    }
    j["runs"] = std::move(runs);
    return j;
}

} // namespace

Result<HostSnapshot> gatherSnapshot(Backend& backend, const SnapshotOptions& options)
{
    HostSnapshot s;
    s.toolVersion = options.toolVersion;
    s.host = backend.hostName();
    s.os = backend.osInfo();
    s.backend = std::string(backend.name());
    s.elevated = backend.isElevated();
    if (auto boot = backend.bootTime())
        s.bootTime = boot.value();
    s.gatheredAt = options.gatheredAt != 0 ? options.gatheredAt : nowSeconds();

    auto blocks = backend.listReservations(std::nullopt);
    if (!blocks && blocks.error().kind != ErrorKind::Unsupported)
        return blocks.error();
    if (blocks) {
        for (ReservedBlock& block : blocks.value())
            (block.persistent ? s.persistent : s.runtime).push_back(std::move(block));
    }
    std::sort(s.persistent.begin(), s.persistent.end(), byPlace);
    std::sort(s.runtime.begin(), s.runtime.end(), byPlace);

    if (auto range = backend.dynamicRange(Protocol::Tcp))
        s.dynamicTcp = range.value();
    if (auto range = backend.dynamicRange(Protocol::Udp))
        s.dynamicUdp = range.value();
    if (auto listeners = backend.listeners(std::nullopt)) {
        s.listeners = std::move(listeners.value());
        std::sort(s.listeners.begin(), s.listeners.end(), [](const Listener& a, const Listener& b) {
            return std::tie(a.protocol, a.port, a.family, a.address, a.pid) <
                   std::tie(b.protocol, b.port, b.family, b.address, b.pid);
        });
    }
    if (options.scan) {
        auto result = backend.scan(*options.scan, {}, options.stop);
        if (!result)
            return result.error();
        s.scan = snapshotScan(result.value());
    }
    return s;
}

Json snapshotToJsonValue(const HostSnapshot& s)
{
    Json doc = Json::object();
    doc["schema"] = kSnapshotSchemaId;
    doc["version"] = kSnapshotVersion;
    doc["tool"] = Json{{"name", s.toolName}, {"version", s.toolVersion}};
    doc["host"] = s.host;
    doc["os"] = Json{{"family", s.os.family}, {"name", s.os.name}, {"version", s.os.version}};
    doc["backend"] = s.backend;
    doc["elevated"] = s.elevated;
    doc["bootTime"] = s.bootTime ? Json(simulated::formatUtcTime(*s.bootTime)) : Json(nullptr);
    doc["gatheredAt"] = simulated::formatUtcTime(s.gatheredAt);
    Json ranges = Json::object();
    for (Protocol p : {Protocol::Tcp, Protocol::Udp}) {
        const auto& range = s.dynamicRange(p);
        ranges[std::string(toString(p))] = range ? rangeJson(p, *range, false) : Json(nullptr);
    }
    doc["dynamicRanges"] = std::move(ranges);
    Json persistent = Json::array();
    for (const ReservedBlock& b : s.persistent) {
        Json j = rangeJson(b.protocol, b.range, true);
        j["token"] = b.token == kNoToken ? Json(nullptr) : Json(std::to_string(b.token));
        persistent.push_back(std::move(j));
    }
    doc["persistent"] = std::move(persistent);
    Json runtime = Json::array();
    for (const ReservedBlock& b : s.runtime) {
        Json j = rangeJson(b.protocol, b.range, true);
        j["owner"] = orNull(b.owner);
        j["evidence"] = orNull(b.ownerEvidence);
        runtime.push_back(std::move(j));
    }
    doc["runtime"] = std::move(runtime);
    Json listeners = Json::array();
    for (const Listener& l : s.listeners) {
        Json j = Json::object();
        j["protocol"] = toString(l.protocol);
        j["family"] = toString(l.family);
        j["address"] = l.address;
        j["port"] = l.port;
        j["pid"] = l.pid < 0 ? Json(nullptr) : Json(l.pid);
        j["process"] = orNull(l.process);
        listeners.push_back(std::move(j));
    }
    doc["listeners"] = std::move(listeners);
    doc["scan"] = s.scan ? scanJson(*s.scan) : Json(nullptr);
    return doc;
}

std::string snapshotToJson(const HostSnapshot& snapshot)
{
    return dumpJson(snapshotToJsonValue(snapshot), 2) + "\n";
}

SnapshotDiff diffSnapshots(const HostSnapshot& before, const HostSnapshot& after)
{
    SnapshotDiff diff;
    // Per (persistent, protocol, owner): the blocks only one side has, in order of place.
    using Key = std::tuple<bool, Protocol, std::string>;
    std::map<Key, std::pair<std::vector<ReservedBlock>, std::vector<ReservedBlock>>> groups;
    const auto collect = [&](const HostSnapshot& s, bool first) {
        for (const auto* list : {&s.persistent, &s.runtime})
            for (const ReservedBlock& b : *list) {
                auto& group = groups[Key(b.persistent, b.protocol, b.owner)];
                (first ? group.first : group.second).push_back(b);
            }
    };
    collect(before, true);
    collect(after, false);
    for (auto& [key, group] : groups) {
        auto& [was, is] = group;
        const auto samePlace = [](const ReservedBlock& a, const ReservedBlock& b) {
            return a.range == b.range;
        };
        std::vector<ReservedBlock> gone, added;
        for (const auto& b : was)
            if (std::none_of(is.begin(), is.end(), [&](auto& o) { return samePlace(b, o); }))
                gone.push_back(b);
        for (const auto& b : is)
            if (std::none_of(was.begin(), was.end(), [&](auto& o) { return samePlace(b, o); }))
                added.push_back(b);
        std::sort(gone.begin(), gone.end(), byPlace);
        std::sort(added.begin(), added.end(), byPlace);
        // An administrator places persistent blocks: one that is not where it was is another
        // block, never a moved one. A service's runtime block is the same block elsewhere.
        std::size_t paired = std::get<0>(key) ? 0 : std::min(gone.size(), added.size());
        for (std::size_t i = 0; i < paired; ++i)
            diff.moved.push_back({gone[i], added[i]});
        diff.vanished.insert(diff.vanished.end(), gone.begin() + long(paired), gone.end());
        diff.appeared.insert(diff.appeared.end(), added.begin() + long(paired), added.end());
    }
    std::sort(diff.appeared.begin(), diff.appeared.end(), byPlace);
    std::sort(diff.vanished.begin(), diff.vanished.end(), byPlace);
    std::sort(diff.moved.begin(), diff.moved.end(),
              [](const auto& a, const auto& b) { return byPlace(a.after, b.after); });
    return diff;
}

} // namespace portolan
