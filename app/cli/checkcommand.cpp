// SPDX-License-Identifier: GPL-3.0-or-later
// check: the watched ports, and what moved since the previous boot (platform/snapshot/).
#include "session.h"

#include "output.h"

#include "platform/simulated/simulatedmachine.h"
#include "platform/snapshot/boothistory.h"
#include "platform/snapshot/hostsnapshot.h"

#include <algorithm>

#ifndef PORTOLAN_VERSION
#define PORTOLAN_VERSION "0.0.0"
#endif

namespace portolan::cli {

namespace {

// What remediation scripts (Intune, ConfigMgr) read from a detection script's output.
constexpr std::size_t kLineLimit = 2048;

struct Watched
{
    std::uint16_t port = 0;
    std::string status; // "free", "pinned", or a bind outcome: "forbidden", "in-use", ...
    bool ok = false;
    std::string reason;
    const ReservedBlock* block = nullptr; // the block covering it now
    bool becameForbidden = false;         // no runtime block covered it at the previous boot
};

const ReservedBlock* covering(const std::vector<ReservedBlock>& blocks, std::uint16_t port)
{
    return blockCovering(blocks, Protocol::Tcp, port);
}

std::string blockWords(const ReservedBlock& b)
{
    return std::string(toString(b.protocol)) + " " + toString(b.range) +
           (b.owner.empty() ? std::string() : " of " + b.owner);
}

// One line, no control characters, at most kLineLimit bytes (cut on a character boundary).
std::string oneLine(std::string text)
{
    for (char& c : text)
        if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f)
            c = ' ';
    if (text.size() <= kLineLimit)
        return text;
    std::size_t cut = kLineLimit - 3;
    while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xc0) == 0x80)
        --cut;
    return text.substr(0, cut) + "...";
}

Json blockJson(const ReservedBlock& b)
{
    Json value = rangeJson(b.protocol, b.range);
    value["persistent"] = b.persistent;
    value["owner"] = b.owner.empty() ? Json() : Json(b.owner);
    return value;
}

} // namespace

int Session::check()
{
    SnapshotOptions options;
    options.toolVersion = PORTOLAN_VERSION;
    auto gathered = gatherSnapshot(m_backend, options);
    if (!gathered)
        return fail(gathered.error());
    const HostSnapshot& now = gathered.value();

    const std::string folder =
        m_inv.historyDir.empty() ? defaultBootHistoryFolder() : m_inv.historyDir;
    Json boot = Json::object();
    boot["bootTime"] = now.bootTime ? Json(simulated::formatUtcTime(*now.bootTime)) : Json();
    boot["historyFolder"] = folder;
    std::optional<HostSnapshot> previous;
    if (folder.empty()) {
        boot["historyError"] = "no folder for the boot history: set --history DIR";
    } else if (auto record = recordBoot(folder, now)) {
        boot["stored"] = record.value().stored;
        previous = std::move(record.value().previous);
    } else {
        boot["historyError"] = record.error().message;
    }
    boot["previousBootTime"] = previous && previous->bootTime
                                   ? Json(simulated::formatUtcTime(*previous->bootTime))
                                   : Json();
    m_doc["boot"] = std::move(boot);

    const SnapshotDiff diff = previous ? diffSnapshots(*previous, now) : SnapshotDiff{};
    std::vector<Watched> watched;
    for (std::uint16_t port : m_inv.watch) {
        Watched w;
        w.port = port;
        if (const ReservedBlock* pin = covering(now.persistent, port)) {
            w.status = "pinned";
            w.ok = true;
            w.block = pin;
            w.reason = "pinned by the persistent reservation " + toString(pin->range);
        } else {
            BindTarget target{Protocol::Tcp, AddressFamily::IPv4, "0.0.0.0", port,
                              SocketSharing::Exclusive};
            const BindProbeResult probe = m_backend.bindProbe(target);
            w.ok = probe.outcome == BindOutcome::Free;
            w.status = std::string(toString(probe.outcome));
            w.block = covering(now.runtime, port);
            if (w.block)
                w.reason = "inside the runtime block " + blockWords(*w.block);
            else if (!probe.holder.empty())
                w.reason = "held by " + probe.holder.describe();
            else if (probe.error)
                w.reason = probe.error->message;
            w.becameForbidden = w.block && previous && !covering(previous->runtime, port);
        }
        watched.push_back(std::move(w));
    }

    // The report: changes since the previous boot, then each watched port.
    std::vector<std::string> lines;
    Json changes = Json::object();
    Json moved = Json::array();
    for (const auto& m : diff.moved) {
        Json value = blockJson(m.after);
        value["from"] = rangeJson(m.before.protocol, m.before.range);
        Json covers = Json::array();
        std::string coversText;
        for (const Watched& w : watched)
            if (m.after.protocol == Protocol::Tcp && m.after.range.contains(w.port) &&
                !m.before.range.contains(w.port)) {
                covers.push_back(w.port);
                coversText += (coversText.empty() ? "" : ", ") + std::to_string(w.port);
            }
        value["covers"] = std::move(covers);
        moved.push_back(std::move(value));
        lines.push_back("moved: " + blockWords(m.before) + " -> " + toString(m.after.range) +
                        (coversText.empty() ? "" : ", now covers watched port " + coversText));
    }
    changes["moved"] = std::move(moved);
    for (const auto* list : {&diff.appeared, &diff.vanished}) {
        const bool appeared = list == &diff.appeared;
        Json blocks = Json::array();
        for (const ReservedBlock& b : *list) {
            blocks.push_back(blockJson(b));
            lines.push_back(std::string(appeared ? "appeared: " : "vanished: ") +
                            (b.persistent ? "persistent " : "runtime ") + blockWords(b));
        }
        changes[appeared ? "appeared" : "vanished"] = std::move(blocks);
    }
    m_doc["changes"] = std::move(changes);

    Json watchedJson = Json::array();
    std::size_t bad = 0;
    for (const Watched& w : watched) {
        bad += w.ok ? 0 : 1;
        Json value = Json::object();
        value["protocol"] = "tcp";
        value["port"] = w.port;
        value["ok"] = w.ok;
        value["status"] = w.status;
        value["reason"] = w.reason.empty() ? Json() : Json(w.reason);
        value["block"] = w.block ? blockJson(*w.block) : Json();
        value["becameForbidden"] = w.becameForbidden;
        watchedJson.push_back(std::move(value));
        lines.push_back("watched tcp " + std::to_string(w.port) + ": " + w.status +
                        (w.reason.empty() ? "" : " (" + w.reason + ")") +
                        (w.becameForbidden ? ", new since the previous boot" : ""));
    }
    m_doc["watched"] = std::move(watchedJson);
    m_doc["healthy"] = bad == 0;

    std::string summary = bad == 0 ? "OK: " : "NOT OK: ";
    summary += std::to_string(watched.size() - bad) + " of " + std::to_string(watched.size()) +
               " watched ports free or pinned";
    summary += previous ? "; since the previous boot: " + std::to_string(diff.moved.size()) +
                              " moved, " + std::to_string(diff.appeared.size()) + " appeared, " +
                              std::to_string(diff.vanished.size()) + " vanished"
                        : "; no earlier boot to compare with";
    std::string line = summary;
    for (const std::string& l : lines)
        line += "; " + l;
    m_doc["line"] = oneLine(line);

    if (!json()) {
        if (m_inv.lineFormat) {
            m_out << oneLine(line) << '\n';
        } else {
            m_out << summary << '\n';
            for (const std::string& l : lines)
                m_out << "  " << l << '\n';
            if (const Json* problem = findMember(m_doc["boot"], "historyError"))
                m_err << "portolan-cli: boot history: " << problem->get<std::string>() << '\n';
        }
    }
    return bad == 0 ? kExitOk : kExitUsage;
}

} // namespace portolan::cli
