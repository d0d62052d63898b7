// SPDX-License-Identifier: GPL-3.0-or-later
// The machine as a state document: a JSON tree for the control interface, and the same
// document as the state file's text.
#include "simulatedmachine.h"

namespace portolan::simulated {

namespace {

// The first members of a block entry, the same for persistent and runtime blocks.
Json blockEntry(Protocol protocol, PortRange range)
{
    return Json{{"protocol", std::string(toString(protocol))},
                {"start", range.start},
                {"count", range.count}};
}

Json persistentEntry(const SimulatedPersistentBlock& b)
{
    Json e = blockEntry(b.protocol, b.range);
    if (!b.note.empty())
        e["note"] = b.note;
    e["token"] = b.token;
    return e;
}

Json runtimeEntry(const SimulatedServiceBlock& b)
{
    Json e = blockEntry(b.protocol, b.range);
    e["owner"] = b.owner;
    if (b.pid >= 0)
        e["pid"] = b.pid;
    e["token"] = b.token;
    return e;
}

// The runtime blocks no scenario service holds: the others are written with their service.
std::vector<SimulatedServiceBlock> looseRuntime(const SimulatedMachine& m)
{
    std::vector<SimulatedServiceBlock> loose;
    for (const auto& b : m.runtime)
        if (b.service.empty())
            loose.push_back(b);
    return loose;
}

Json serviceEntry(const SimulatedMachine& m, const SimulatedService& s)
{
    Json e = {{"name", s.name},
              {"displayName", s.displayName},
              {"state", s.running ? "running" : "stopped"}};
    if (s.pid >= 0)
        e["pid"] = s.pid;
    Json blocks = Json::array();
    const auto add = [&](const SimulatedServiceBlock& b, bool withToken) {
        Json entry = blockEntry(b.protocol, b.range);
        if (withToken)
            entry["token"] = b.token;
        blocks.push_back(std::move(entry));
    };
    if (s.running) {
        for (const auto& b : m.runtime)
            if (b.service == s.name)
                add(b, true);
    } else {
        for (const auto& b : s.stoppedBlocks)
            add(b, false);
    }
    e["blocks"] = std::move(blocks);
    if (!s.breaks.empty())
        e["breaks"] = s.breaks;
    return e;
}

Json listenerEntry(const Listener& l)
{
    Json e = {
        {"protocol", std::string(toString(l.protocol))}, {"address", l.address}, {"port", l.port}};
    if (l.pid >= 0)
        e["pid"] = l.pid;
    if (!l.process.empty())
        e["process"] = l.process;
    if (l.sharing != SocketSharing::Default)
        e["options"] = std::string(toString(l.sharing));
    if (!l.user.empty())
        e["user"] = l.user;
    return e;
}

// The whole document with the three lists left empty: they are what grows with the machine.
Json documentWithoutLists(const SimulatedMachine& m)
{
    Json dynamic = Json::object();
    for (Protocol p : {Protocol::Tcp, Protocol::Udp})
        dynamic[std::string(toString(p))] = {{"start", m.dynamicRange(p).start},
                                             {"count", m.dynamicRange(p).count}};

    // Members in the order a scenario's author writes them.
    Json doc = Json::object();
    doc["schema"] = m.schema;
    doc["name"] = m.name;
    doc["description"] = m.description;
    doc["hostName"] = m.hostName;
    doc["elevated"] = m.elevated;
    doc["bootTime"] = formatUtcTime(m.bootTime);
    doc["dynamicRange"] = std::move(dynamic);
    if (m.os != SimulatedMachine{}.os)
        doc["os"] = {{"family", m.os.family}, {"name", m.os.name}, {"version", m.os.version}};
    doc["addresses"] = m.addresses;
    doc["self"] = {{"pid", m.selfPid}, {"process", m.selfProcess}, {"user", m.selfUser}};
    doc["persistent"] = Json::array();
    doc["runtime"] = Json::array();
    doc["listeners"] = Json::array();
    // Only machines that have services write the list, so that older state files and
    // scenarios read back byte for byte.
    if (!m.services.empty())
        doc["services"] = Json::array();
    doc["state"] = {{"format", std::string(kStateFormat)}, {"version", kStateVersion},
                    {"scenarioHash", m.scenarioHash},      {"seededFrom", m.seededFrom},
                    {"bootCounter", m.bootCounter},        {"tokenCounter", m.tokenCounter}};
    return doc;
}

template <typename Items, typename ToJson> Json listJson(const Items& items, ToJson toJson)
{
    Json list = Json::array();
    for (const auto& item : items)
        list.push_back(toJson(item));
    return list;
}

// `text`, dumped with indent 2 as a document of its own, appended as it reads `depth` spaces
// further in. Dumped strings never hold a raw line break (JSON escapes it), so every '\n' is
// the start of a line.
void appendIndented(std::string& out, std::string_view text, std::size_t depth)
{
    for (std::size_t at = 0;;) {
        const std::size_t end = text.find('\n', at);
        if (end == std::string_view::npos) {
            out.append(text.substr(at));
            return;
        }
        out.append(text.substr(at, end + 1 - at));
        out.append(depth, ' ');
        at = end + 1;
    }
}

// A top-level member's list as dumpJson(document, 2) writes it, one entry at a time.
template <typename Items, typename ToJson>
void appendList(std::string& out, const Items& items, ToJson toJson)
{
    if (items.empty()) {
        out += "[]";
        return;
    }
    out += "[\n";
    for (std::size_t i = 0; i < items.size(); ++i) {
        out.append(4, ' ');
        appendIndented(out, dumpJson(toJson(items[i]), 2), 4);
        out += i + 1 < items.size() ? ",\n" : "\n";
    }
    out += "  ]";
}

} // namespace

Json machineToJson(const SimulatedMachine& m)
{
    Json doc = documentWithoutLists(m);
    doc["persistent"] = listJson(m.persistent, persistentEntry);
    doc["runtime"] = listJson(looseRuntime(m), runtimeEntry);
    doc["listeners"] = listJson(m.listeners, listenerEntry);
    if (!m.services.empty())
        doc["services"] =
            listJson(m.services, [&m](const SimulatedService& s) { return serviceEntry(m, s); });
    return doc;
}

std::string machineToText(const SimulatedMachine& m)
{
    const Json doc = documentWithoutLists(m);
    std::string out = "{\n";
    std::size_t written = 0;
    for (const auto& member : doc.items()) {
        const std::string& key = member.key();
        out += "  \"" + key + "\": ";
        if (key == "persistent")
            appendList(out, m.persistent, persistentEntry);
        else if (key == "runtime" && m.services.empty())
            appendList(out, m.runtime, runtimeEntry);
        else if (key == "runtime")
            appendList(out, looseRuntime(m), runtimeEntry);
        else if (key == "services")
            appendList(out, m.services,
                       [&m](const SimulatedService& s) { return serviceEntry(m, s); });
        else if (key == "listeners")
            appendList(out, m.listeners, listenerEntry);
        else
            appendIndented(out, dumpJson(member.value(), 2), 2);
        out += ++written < doc.size() ? ",\n" : "\n";
    }
    out += "}\n";
    return out;
}

} // namespace portolan::simulated
