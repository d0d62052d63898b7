// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/portmap/portmapdata.h"

#include "platform/nativecodes.h"

#include <QStringList>

#include <algorithm>
#include <bit>
#include <cmath>
#include <tuple>

namespace portolan::ui {

namespace {

// errno values as Linux numbers them; the Windows build's <cerrno> numbers them differently,
// and a Posix-style map always speaks for a Linux backend.
constexpr std::int64_t kLinuxEacces = 13;
constexpr std::int64_t kLinuxEaddrinuse = 98;

QString qs(const std::string& text)
{
    return QString::fromStdString(text);
}

// A total order, so that the same facts always read the same whatever order they came in.
bool listenerLess(const Listener& a, const Listener& b)
{
    return std::tie(a.port, a.family, a.address, a.pid, a.process) <
           std::tie(b.port, b.family, b.address, b.pid, b.process);
}

bool blockLess(const ReservedBlock& a, const ReservedBlock& b)
{
    return std::tie(a.range.start, a.range.count) < std::tie(b.range.start, b.range.count);
}

// A stable sort by start, then count, that moves each block once: a block carries two strings,
// and a merge sort moved 60,000 of them log n times over. Lists already in order, as backends
// give them, cost one pass.
void sortBlocks(std::vector<ReservedBlock>& blocks)
{
    if (std::is_sorted(blocks.begin(), blocks.end(), blockLess))
        return;
    std::vector<std::pair<quint32, std::size_t>> order; // (start, count) as one key; index
    order.reserve(blocks.size());
    for (std::size_t i = 0; i < blocks.size(); ++i)
        order.emplace_back(quint32(blocks[i].range.start) << 16 | blocks[i].range.count, i);
    std::sort(order.begin(), order.end()); // the index breaks ties: stable
    std::vector<ReservedBlock> sorted;
    sorted.reserve(blocks.size());
    for (const auto& [key, index] : order)
        sorted.push_back(std::move(blocks[index]));
    blocks = std::move(sorted);
}

void sortListeners(std::vector<Listener>& listeners)
{
    if (!std::is_sorted(listeners.begin(), listeners.end(), listenerLess))
        std::sort(listeners.begin(), listeners.end(), listenerLess);
}

bool sameOutcomeFamily(PortVerdict verdict, BindOutcome outcome)
{
    switch (outcome) {
    case BindOutcome::Free:
        return verdict == PortVerdict::Free || verdict == PortVerdict::Dynamic ||
               verdict == PortVerdict::Reserved;
    case BindOutcome::InUse:
    case BindOutcome::Denied: // a socket holds it, of another account or exclusive
        return verdict == PortVerdict::InUse;
    case BindOutcome::Forbidden:
        return verdict == PortVerdict::Forbidden;
    case BindOutcome::Other:
        return false;
    }
    return false;
}

} // namespace

QString verdictText(PortVerdict verdict)
{
    switch (verdict) {
    case PortVerdict::Free:
        return QCoreApplication::translate("PortMapData", "free");
    case PortVerdict::Dynamic:
        return QCoreApplication::translate("PortMapData", "dynamic");
    case PortVerdict::Reserved:
        return QCoreApplication::translate("PortMapData", "reserved");
    case PortVerdict::InUse:
        return QCoreApplication::translate("PortMapData", "in use");
    case PortVerdict::Forbidden:
        return QCoreApplication::translate("PortMapData", "forbidden");
    }
    return {};
}

std::optional<ReservedBlock> PortInfo::block() const
{
    if (!runtimeBlocks.empty())
        return runtimeBlocks.front();
    if (!persistentBlocks.empty())
        return persistentBlocks.front();
    return std::nullopt;
}

// ---- PortMapData ---------------------------------------------------------------------------

void PortMapData::setReservations(const std::vector<ReservedBlock>& blocks)
{
    tcp.blocks.clear();
    udp.blocks.clear();
    const auto tcpCount = std::count_if(blocks.begin(), blocks.end(), [](const ReservedBlock& b) {
        return b.protocol == Protocol::Tcp;
    });
    tcp.blocks.reserve(std::size_t(tcpCount));
    udp.blocks.reserve(blocks.size() - std::size_t(tcpCount));
    for (const ReservedBlock& block : blocks)
        facts(block.protocol).blocks.push_back(block);
}

void PortMapData::setListeners(const std::vector<Listener>& listeners)
{
    tcp.listeners.clear();
    udp.listeners.clear();
    const auto tcpCount = std::count_if(listeners.begin(), listeners.end(), [](const Listener& l) {
        return l.protocol == Protocol::Tcp;
    });
    tcp.listeners.reserve(std::size_t(tcpCount));
    udp.listeners.reserve(listeners.size() - std::size_t(tcpCount));
    for (const Listener& listener : listeners)
        facts(listener.protocol).listeners.push_back(listener);
}

void PortMapData::setScan(const ScanResult& result)
{
    facts(result.request.protocol).scanRuns = result.runs;
}

void PortMapData::normalize()
{
    const auto runLess = [](const ScanRun& a, const ScanRun& b) { return a.first < b.first; };
    for (ProtocolFacts* f : {&tcp, &udp}) {
        sortBlocks(f->blocks);
        sortListeners(f->listeners);
        if (!std::is_sorted(f->scanRuns.begin(), f->scanRuns.end(), runLess))
            std::stable_sort(f->scanRuns.begin(), f->scanRuns.end(), runLess);
    }
}

QString PortMapData::protocolText(Protocol protocol)
{
    return protocol == Protocol::Tcp ? QStringLiteral("TCP") : QStringLiteral("UDP");
}

QString PortMapData::rangeText(const PortRange& range)
{
    if (const auto span = spanOf(range))
        return spanText(*span);
    return QString::number(range.start);
}

QString PortMapData::spanText(const PortSpan& span)
{
    if (span.first == span.last)
        return QString::number(span.first);
    return QStringLiteral("%1\u2013%2").arg(span.first).arg(span.last);
}

QString PortMapData::ownerText(const ReservedBlock& block)
{
    if (block.owner.empty())
        return tr("an unknown process");
    return qs(block.owner);
}

QString PortMapData::listenerText(const Listener& listener)
{
    const QString process =
        listener.process.empty() ? tr("an unknown process") : qs(listener.process);
    QString text = listener.pid >= 0 ? tr("%1 (pid %2)").arg(process).arg(listener.pid) : process;
    if (!listener.address.empty())
        text = tr("%1 on %2").arg(text, qs(listener.address));
    return text;
}

QString PortMapData::codeText(BindOutcome outcome) const
{
    const bool windows = codeStyle == ErrorCodeStyle::Windows;
    switch (outcome) {
    case BindOutcome::Denied:
    case BindOutcome::Forbidden:
        return windows ? QStringLiteral("WSAEACCES (%1)").arg(native::kWsaEacces)
                       : QStringLiteral("EACCES (%1)").arg(kLinuxEacces);
    case BindOutcome::InUse:
        return windows ? QStringLiteral("WSAEADDRINUSE (%1)").arg(native::kWsaEaddrinuse)
                       : QStringLiteral("EADDRINUSE (%1)").arg(kLinuxEaddrinuse);
    case BindOutcome::Free:
    case BindOutcome::Other:
        break;
    }
    return {};
}

QString PortMapData::runCodeText(const ScanRun& run)
{
    if (run.codeName.empty())
        return tr("error %1").arg(run.code);
    return QStringLiteral("%1 (%2)").arg(qs(run.codeName)).arg(run.code);
}

PortInfo PortMapData::collect(Protocol protocol, quint16 port) const
{
    const ProtocolFacts& f = facts(protocol);
    PortInfo info;
    info.protocol = protocol;
    info.port = port;
    info.dynamicRange = f.dynamicRange;
    if (f.dynamicRange && f.dynamicRange->count != 0)
        info.inDynamicRange = f.dynamicRange->contains(port);

    for (const ReservedBlock& block : f.blocks) {
        if (block.range.count == 0 || !block.range.contains(port))
            continue;
        (block.persistent ? info.persistentBlocks : info.runtimeBlocks).push_back(block);
    }
    for (const Listener& listener : f.listeners) {
        if (listener.port == port)
            info.listeners.push_back(listener);
    }

    info.scanned = !f.scanRuns.empty();
    // Runs are ascending by contract: the candidate is the last run starting at or before port.
    auto it = std::upper_bound(f.scanRuns.begin(), f.scanRuns.end(), port,
                               [](quint16 p, const ScanRun& run) { return p < run.first; });
    if (it != f.scanRuns.begin()) {
        --it;
        if (port >= it->first && port <= it->last)
            info.scanRun = *it;
    }

    const BindOutcome observed = info.scanRun ? info.scanRun->outcome : BindOutcome::Free;
    if (!info.runtimeBlocks.empty() || observed == BindOutcome::Forbidden)
        info.verdict = PortVerdict::Forbidden;
    else if (!info.listeners.empty() || observed == BindOutcome::InUse ||
             observed == BindOutcome::Denied)
        info.verdict = PortVerdict::InUse;
    else if (!info.persistentBlocks.empty())
        info.verdict = PortVerdict::Reserved;
    else if (info.inDynamicRange)
        info.verdict = PortVerdict::Dynamic;
    else
        info.verdict = PortVerdict::Free;
    return info;
}

PortVerdict PortMapData::verdict(Protocol protocol, quint16 port) const
{
    return collect(protocol, port).verdict;
}

PortInfo PortMapData::describe(Protocol protocol, quint16 port) const
{
    PortInfo info = collect(protocol, port);
    explain(info);
    return info;
}

void PortMapData::explain(PortInfo& info) const
{
    const QString proto = protocolText(info.protocol);
    const QString port = QString::number(info.port);
    const QString verdictWord = verdictText(info.verdict);
    const std::optional<ScanRun>& run = info.scanRun;

    QStringList listenerTexts;
    for (const Listener& listener : info.listeners)
        listenerTexts << listenerText(listener);
    const QString listeners = listenerTexts.join(tr(" and "));

    QStringList sentences;
    bool scanExplained = false; // the headline already cites the scan
    bool persistentExplained = false;
    bool dynamicExplained = false;
    bool listenersExplained = false;

    // A verdict that only the last scan explains: the headline cites its code, and the holder
    // the scan found is named.
    auto explainedByScan = [&](const QString& summary, const QString& sentence) {
        info.summary = summary;
        sentences << sentence;
        if (!run->holder.empty())
            sentences << tr("The scan names %1 as the holder.").arg(qs(run->holder.describe()));
        scanExplained = true;
    };

    if (info.port == 0) {
        info.summary = tr("%1 0: not a port a service can use").arg(proto);
        info.explanation = tr("Port 0 is not a port a service can use: a bind to port 0 lets "
                              "the system choose a free port from the dynamic range.");
        return;
    }

    switch (info.verdict) {
    case PortVerdict::Forbidden:
        if (!info.runtimeBlocks.empty()) {
            const ReservedBlock& block = info.runtimeBlocks.front();
            const QString range = rangeText(block.range);
            info.summary = tr("%1 %2: forbidden \u2014 runtime reservation %3 held by %4")
                               .arg(proto, port, range, ownerText(block));
            if (info.listeners.empty()) {
                sentences << tr("%1 %2 is forbidden: a runtime reservation %3 held by %4 covers "
                                "it, so any bind fails with %5 although nothing listens there.")
                                 .arg(proto, port, range, ownerText(block),
                                      codeText(BindOutcome::Forbidden));
            } else {
                sentences << tr("%1 %2 is forbidden: a runtime reservation %3 held by %4 covers "
                                "it, so a bind by any other process fails with %5. %6 listens "
                                "there.")
                                 .arg(proto, port, range, ownerText(block),
                                      codeText(BindOutcome::Forbidden), listeners);
                listenersExplained = true;
            }
            if (info.runtimeBlocks.size() > 1) {
                QStringList others;
                for (std::size_t i = 1; i < info.runtimeBlocks.size(); ++i)
                    others << tr("%1 held by %2")
                                  .arg(rangeText(info.runtimeBlocks[i].range),
                                       ownerText(info.runtimeBlocks[i]));
                sentences << tr("Other runtime reservations cover it too: %1.")
                                 .arg(others.join(tr("; ")));
            }
        } else {
            explainedByScan(
                tr("%1 %2: forbidden \u2014 last scan: %3").arg(proto, port, runCodeText(*run)),
                tr("%1 %2 is forbidden: the last scan's bind failed with %3, and no "
                   "known reservation explains it.")
                    .arg(proto, port, runCodeText(*run)));
            if (codeStyle == ErrorCodeStyle::Posix && info.port < 1024)
                sentences << tr("Ports below 1024 need root or CAP_NET_BIND_SERVICE on Linux.");
        }
        break;
    case PortVerdict::InUse:
        if (run && run->outcome == BindOutcome::Denied) {
            const QString holder = run->holder.empty() ? listeners : qs(run->holder.describe());
            info.summary = tr("%1 %2: denied \u2014 %3").arg(proto, port, holder);
            sentences << tr("%1 %2 is denied: the last scan's bind failed with %3 and no "
                            "reservation covers the port, so a socket of another account, or "
                            "an exclusive one, holds it: %4. Stop that program or choose "
                            "another port.")
                             .arg(proto, port, runCodeText(*run), holder);
            listenersExplained = true;
            scanExplained = true;
        } else if (!info.listeners.empty()) {
            info.summary = tr("%1 %2: in use \u2014 %3").arg(proto, port, listeners);
            sentences << tr("%1 %2 is in use by %3, so another bind fails with %4.")
                             .arg(proto, port, listeners, codeText(BindOutcome::InUse));
            listenersExplained = true;
        } else {
            explainedByScan(
                tr("%1 %2: in use \u2014 last scan: %3").arg(proto, port, runCodeText(*run)),
                tr("%1 %2 is in use: the last scan's bind failed with %3, although no "
                   "listener is known there.")
                    .arg(proto, port, runCodeText(*run)));
        }
        break;
    case PortVerdict::Reserved: {
        const QString range = rangeText(info.persistentBlocks.front().range);
        info.summary =
            tr("%1 %2: reserved \u2014 persistent reservation %3").arg(proto, port, range);
        sentences << tr("%1 %2 is reserved by the persistent reservation %3: explicit binds still "
                        "work; automatic ones skip it.")
                         .arg(proto, port, range);
        persistentExplained = true;
        break;
    }
    case PortVerdict::Dynamic: {
        const QString range = rangeText(*info.dynamicRange);
        info.summary = tr("%1 %2: free, in the dynamic range %3").arg(proto, port, range);
        sentences << tr("%1 %2 is free but lies in the dynamic range %3: the system may hand it "
                        "out at any moment for an outgoing connection or a bind to port 0.")
                         .arg(proto, port, range);
        dynamicExplained = true;
        break;
    }
    case PortVerdict::Free:
        info.summary = tr("%1 %2: %3").arg(proto, port, verdictWord);
        sentences
            << tr("%1 %2 is free: no reservation or listener is known there.").arg(proto, port);
        break;
    }

    if (!listenersExplained && !info.listeners.empty())
        sentences << tr("%1 listens there.").arg(listeners);
    if (!persistentExplained && !info.persistentBlocks.empty())
        sentences << tr("A persistent reservation %1 also covers it: explicit binds still work; "
                        "automatic ones skip it.")
                         .arg(rangeText(info.persistentBlocks.front().range));
    if (!dynamicExplained && info.inDynamicRange)
        sentences << tr("It lies in the dynamic range %1.").arg(rangeText(*info.dynamicRange));

    if (!scanExplained) {
        if (run) {
            if (run->outcome == BindOutcome::Other) {
                sentences << tr("The last scan's bind failed with %1.").arg(runCodeText(*run));
            } else if (sameOutcomeFamily(info.verdict, run->outcome)) {
                if (run->outcome == BindOutcome::Free)
                    sentences << tr("The last scan bound it successfully.");
                else
                    sentences << tr("The last scan confirmed it: %1.").arg(runCodeText(*run));
            } else if (run->outcome == BindOutcome::Free) {
                sentences << tr("The last scan bound it successfully, so these facts may have "
                                "changed since.");
            } else {
                // The scan saw something worse than the facts predict; the verdict already
                // follows the scan, so this only happens for in-use vs. a runtime block.
                sentences << tr("The last scan's bind failed with %1.").arg(runCodeText(*run));
            }
        } else if (info.scanned) {
            sentences << tr("The last scan did not cover it.");
        }
    }

    info.explanation = sentences.join(QLatin1Char(' '));
}

// ---- layers ---------------------------------------------------------------------------------

std::optional<PortSpan> spanOf(const PortRange& range)
{
    if (range.count == 0)
        return std::nullopt;
    const quint32 last = std::min<quint32>(range.end(), 65535);
    return PortSpan{range.start, quint16(last)};
}

std::vector<PortSpan> mergeSpans(std::vector<PortSpan> spans)
{
    const auto firstLess = [](const PortSpan& a, const PortSpan& b) { return a.first < b.first; };
    if (!std::is_sorted(spans.begin(), spans.end(), firstLess))
        std::sort(spans.begin(), spans.end(), firstLess);
    std::vector<PortSpan> merged;
    for (const PortSpan& span : spans) {
        if (!merged.empty() && quint32(span.first) <= quint32(merged.back().last) + 1)
            merged.back().last = std::max(merged.back().last, span.last);
        else
            merged.push_back(span);
    }
    return merged;
}

std::vector<PortSpan> coalesceForDisplay(const std::vector<PortSpan>& merged, quint16 windowFirst,
                                         quint16 windowLast, double portsPerPixel)
{
    std::vector<PortSpan> out;
    const double ppp = std::max(portsPerPixel, 0.0);
    // Ends ascend because the spans are disjoint and sorted.
    auto it = std::lower_bound(merged.begin(), merged.end(), windowFirst,
                               [](const PortSpan& s, quint16 p) { return s.last < p; });
    const auto end = merged.end();
    while (it != end && it->first <= windowLast) {
        PortSpan current = *it;
        ++it;
        for (;;) {
            // Every span ending less than a pixel after the current one lies entirely within
            // a pixel of it: skip them all with one search.
            const double limit = double(current.last) + ppp;
            auto next = std::partition_point(it, end,
                                             [limit](const PortSpan& s) { return s.last < limit; });
            if (next != it) {
                current.last = std::max(current.last, std::prev(next)->last);
                it = next;
            }
            if (it != end && it->first <= windowLast &&
                double(it->first) - double(current.last) - 1.0 < ppp) {
                current.last = it->last;
                ++it;
                continue;
            }
            break;
        }
        out.push_back(current);
    }
    return out;
}

LaneLayers buildLaneLayers(const ProtocolFacts& facts)
{
    LaneLayers layers;
    // Boundaries are ports 0-65536: marked in a bit set and read back in order, which costs the
    // same 1,025 words for any number of facts where sorting them cost O(n log n).
    std::vector<quint64> marked((65536 + 1) / 64 + 1);
    auto mark = [&marked](quint32 port) { marked[port / 64] |= quint64(1) << (port % 64); };
    auto addBoundaries = [&mark](const PortSpan& span) {
        mark(span.first);
        mark(quint32(span.last) + 1);
    };

    if (facts.dynamicRange) {
        layers.dynamic = spanOf(*facts.dynamicRange);
        if (layers.dynamic)
            addBoundaries(*layers.dynamic);
    }

    std::vector<PortSpan> persistent;
    std::vector<PortSpan> runtime;
    layers.blocks.reserve(facts.blocks.size());
    for (const ReservedBlock& block : facts.blocks) {
        const auto span = spanOf(block.range);
        if (!span)
            continue;
        layers.blocks.push_back(block);
        layers.longestBlock = std::max(layers.longestBlock, span->count());
        (block.persistent ? persistent : runtime).push_back(*span);
        addBoundaries(*span);
    }
    sortBlocks(layers.blocks);
    layers.persistent = mergeSpans(std::move(persistent));
    layers.runtime = mergeSpans(std::move(runtime));

    layers.listeners = facts.listeners;
    sortListeners(layers.listeners);
    std::vector<PortSpan> listenerPorts;
    listenerPorts.reserve(layers.listeners.size());
    for (const Listener& listener : layers.listeners) {
        listenerPorts.push_back({listener.port, listener.port});
        addBoundaries({listener.port, listener.port});
    }
    layers.listenerPorts = mergeSpans(std::move(listenerPorts));

    std::vector<PortSpan> free, inUse, forbidden, other;
    for (const ScanRun& run : facts.scanRuns) {
        if (run.last < run.first)
            continue;
        const PortSpan span{run.first, run.last};
        switch (run.outcome) {
        case BindOutcome::Free:
            free.push_back(span);
            break;
        case BindOutcome::InUse:
        case BindOutcome::Denied:
            inUse.push_back(span);
            break;
        case BindOutcome::Forbidden:
            forbidden.push_back(span);
            break;
        case BindOutcome::Other:
            other.push_back(span);
            break;
        }
        addBoundaries(span);
    }
    layers.scanned = !facts.scanRuns.empty();
    layers.scanFree = mergeSpans(std::move(free));
    layers.scanInUse = mergeSpans(std::move(inUse));
    layers.scanForbidden = mergeSpans(std::move(forbidden));
    layers.scanOther = mergeSpans(std::move(other));

    std::size_t count = 0;
    for (quint64 word : marked)
        count += std::size_t(std::popcount(word));
    layers.boundaries.reserve(count);
    for (std::size_t i = 0; i < marked.size(); ++i)
        for (quint64 word = marked[i]; word != 0; word &= word - 1)
            layers.boundaries.push_back(quint32(i * 64 + std::size_t(std::countr_zero(word))));
    return layers;
}

} // namespace portolan::ui
