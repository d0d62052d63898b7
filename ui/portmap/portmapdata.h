// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "platform/backend.h"

#include <QCoreApplication>
#include <QMetaType>
#include <QString>

#include <array>
#include <cstdint>
#include <optional>
#include <vector>

namespace portolan::ui {

// An inclusive run of ports. Unlike PortRange it can hold all 65536 ports (0-65535).
struct PortSpan
{
    quint16 first = 0;
    quint16 last = 0;

    quint32 count() const { return quint32(last) - first + 1; }
    bool contains(quint32 port) const { return port >= first && port <= last; }
    friend bool operator==(const PortSpan&, const PortSpan&) = default;
};

// The one word a port's colour stands for, most severe first when facts disagree:
// Forbidden > InUse > Reserved > Dynamic > Free.
enum class PortVerdict : quint8 {
    Free,      // nothing known there, outside the dynamic range
    Dynamic,   // free, but the system hands it out for outgoing connections and port-0 binds
    Reserved,  // persistent reservation: explicit binds work, automatic assignment skips it
    InUse,     // a listener, or the last scan's bind failed with "address in use"
    Forbidden, // another process's runtime reservation, or the last scan's bind was refused
};
QString verdictText(PortVerdict verdict); // translated: "free", "dynamic", ...

// Which family of native codes a predicted bind failure is named in.
enum class ErrorCodeStyle : quint8 {
    Windows, // WSAEACCES (10013), WSAEADDRINUSE (10048)
    Posix,   // EACCES (13), EADDRINUSE (98) as Linux numbers them
};

// Everything known about one protocol's port space.
struct ProtocolFacts
{
    std::optional<PortRange> dynamicRange;   // unknown when empty
    std::vector<ReservedBlock> blocks;       // persistent and runtime reservations
    std::vector<Listener> listeners;
    std::vector<ScanRun> scanRuns;           // the last scan, ascending; empty = never scanned
};

// The layered facts about one port, and what they mean for a bind there.
struct PortInfo
{
    Protocol protocol = Protocol::Tcp;
    quint16 port = 0;
    PortVerdict verdict = PortVerdict::Free;

    std::optional<PortRange> dynamicRange; // the protocol's dynamic range, when known
    bool inDynamicRange = false;
    std::vector<ReservedBlock> persistentBlocks; // covering the port
    std::vector<ReservedBlock> runtimeBlocks;    // covering the port
    std::vector<Listener> listeners;             // on the port
    bool scanned = false;                        // a last scan exists for this protocol
    std::optional<ScanRun> scanRun;              // the last scan's run covering the port

    QString summary;     // one line: "TCP 3000: forbidden — runtime reservation 2869–3368 ..."
    QString explanation; // a paragraph: why, and which error a bind gets

    // The reservation that decides the verdict: a runtime block first, else a persistent one.
    std::optional<ReservedBlock> block() const;
};

// What the port map shows: a value, filled by the console from the model and the backend.
// The lookups accept the facts in any order; normalize() sorts them for the widget.
class PortMapData
{
    Q_DECLARE_TR_FUNCTIONS(PortMapData)

public:
    ProtocolFacts tcp;
    ProtocolFacts udp;
    ErrorCodeStyle codeStyle = ErrorCodeStyle::Windows;

    ProtocolFacts& facts(Protocol protocol) { return protocol == Protocol::Tcp ? tcp : udp; }
    const ProtocolFacts& facts(Protocol protocol) const
    {
        return protocol == Protocol::Tcp ? tcp : udp;
    }

    // Distribute mixed-protocol lists (as Backend::listReservations / listeners return them).
    void setReservations(const std::vector<ReservedBlock>& blocks);
    void setListeners(const std::vector<Listener>& listeners);
    // Replaces the last scan of the scan's protocol.
    void setScan(const ScanResult& result);
    // Blocks by start, listeners by port (then address), scan runs by first port.
    void normalize();

    PortVerdict verdict(Protocol protocol, quint16 port) const;
    PortInfo describe(Protocol protocol, quint16 port) const;

    // Translated helpers, shared with the widget's labels.
    static QString protocolText(Protocol protocol);      // "TCP", "UDP"
    static QString rangeText(const PortRange& range);    // "2869–3368", "5037"
    static QString spanText(const PortSpan& span);
    static QString ownerText(const ReservedBlock& block); // the owner, or "an unknown process"
    static QString listenerText(const Listener& listener); // "node.exe (pid 14236) on 0.0.0.0"

private:
    PortInfo collect(Protocol protocol, quint16 port) const;
    QString codeText(BindOutcome outcome) const;
    static QString runCodeText(const ScanRun& run);
    void explain(PortInfo& info) const;
};

// ---- derived layers for drawing, built once per data change --------------------------------

// Sorted, disjoint, non-adjacent spans. Adjacent or overlapping input spans are merged.
std::vector<PortSpan> mergeSpans(std::vector<PortSpan> spans);

// The spans of `merged` that reach into [windowFirst, windowLast], with spans that are less
// than `portsPerPixel` ports apart joined into one: what a screen of that density can show.
// Costs O(pixels * log n) rather than O(n), so 65535 single-port runs stay cheap to draw.
std::vector<PortSpan> coalesceForDisplay(const std::vector<PortSpan>& merged, quint16 windowFirst,
                                         quint16 windowLast, double portsPerPixel);

// One protocol's facts as the widget draws them.
struct LaneLayers
{
    std::optional<PortSpan> dynamic;
    std::vector<PortSpan> persistent;
    std::vector<PortSpan> runtime;
    std::vector<PortSpan> listenerPorts;
    std::vector<PortSpan> scanFree;
    std::vector<PortSpan> scanInUse;
    std::vector<PortSpan> scanForbidden;
    std::vector<PortSpan> scanOther;
    bool scanned = false;

    std::vector<ReservedBlock> blocks; // by start, then count
    quint32 longestBlock = 0;          // lets a window lookup start early enough
    std::vector<Listener> listeners;   // by port
    // Every port where some fact starts or ends (first, last + 1), for "jump to next thing".
    std::vector<quint32> boundaries;
};

LaneLayers buildLaneLayers(const ProtocolFacts& facts);

// The block spans clamped to the port space (a block running past 65535 is cut there);
// empty for a block of 0 ports.
std::optional<PortSpan> spanOf(const PortRange& range);

} // namespace portolan::ui

// Signal and QVariant types of the port map; declared once here for every ui file and test.
Q_DECLARE_METATYPE(portolan::Protocol)
Q_DECLARE_METATYPE(portolan::ReservedBlock)
Q_DECLARE_METATYPE(portolan::ui::PortVerdict)
Q_DECLARE_METATYPE(portolan::ui::PortSpan)
