// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/store/records.h"

#include "platform/backend.h"
#include "platform/error.h"
#include "platform/types.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>
#include <vector>

// The check a create goes through before it reaches the system: ERROR_SHARING_VIOLATION does
// not say whether a port is in use or the block is already reserved
// (docs/windows-semantics.md#persistent-errors), so the console looks at what it can see first and
// tells the user which it was.
namespace portolan {

// What can be seen of one machine at one moment: the port map draws it, the pre-flight
// checks a block against it.
struct MachineSnapshot
{
    QString host;
    bool elevated = false;
    std::optional<Protocol> protocol;         // the protocol asked for; empty = both
    std::optional<PortRange> tcpDynamicRange; // empty when unknown
    std::optional<PortRange> udpDynamicRange;
    std::vector<ReservedBlock> blocks; // persistent and runtime, as the backend discovers them
    std::vector<Listener> listeners;
    QList<ReservationRecord> inventory; // this host's inventory rows
    QStringList problems; // translated: what could not be read (the rest is still useful)
    std::optional<Error> listingError; // why the reservations could not be listed, if so
    QDateTime takenAt;

    std::optional<PortRange> dynamicRange(Protocol p) const
    {
        return p == Protocol::Tcp ? tcpDynamicRange : udpDynamicRange;
    }
};

enum class FindingKind : quint8
{
    InvalidRange,            // start/count/end out of range: names the field
    OverlapKnownReservation, // an inventory row or a discovered block (persistent or runtime)
    ListenerInBlock,         // a process listens on a port of the block
    InsideDynamicRange,      // warning: Windows hands these ports out to outgoing connections
    NeedsElevation,          // warning: the system will refuse without elevation
};
QString
toText(FindingKind kind); // "invalid-range", "overlap", "listener", "dynamic-range", "elevation"

enum class Severity : quint8
{
    Blocking,
    Warning
};

struct PreflightFinding
{
    FindingKind kind = FindingKind::InvalidRange;
    Severity severity = Severity::Blocking;
    QString text; // one translated sentence

    QString field;                         // InvalidRange: "start", "count" or "end"
    std::optional<ReservedBlock> block;    // OverlapKnownReservation: the block overlapped
    qint64 inventoryId = 0;                // OverlapKnownReservation with an inventory row
    std::optional<Listener> listener;      // ListenerInBlock
    std::optional<PortRange> dynamicRange; // InsideDynamicRange
};

struct PreflightReport
{
    Protocol protocol = Protocol::Tcp;
    PortRange range;
    QList<PreflightFinding> findings; // blocking ones first
    QStringList problems;             // what could not be checked (translated)

    bool blocked() const; // some finding is Blocking
    bool has(FindingKind kind) const;
    QList<PreflightFinding> blocking() const;
    QList<PreflightFinding> warnings() const;
    // The blocking findings as one explanation ("Refused before calling the system: ..."),
    // empty when nothing blocks.
    QString explanation() const;
    // The error a refused create records: Conflict, or InvalidArgument for a bad range.
    std::optional<Error> refusal() const;
};

class Preflight
{
    Q_DECLARE_TR_FUNCTIONS(Preflight)

public:
    // Pure: checks (protocol, range) against a snapshot. Inventory rows and discovered blocks
    // that are the same reservation are reported once.
    static PreflightReport check(Protocol protocol, PortRange range,
                                 const MachineSnapshot& snapshot);

    // Gathers what the check needs from the backend (blocks, listeners, dynamic range,
    // elevation) plus the given inventory rows. Slow: call it off the GUI thread.
    static MachineSnapshot gather(Backend& backend, std::optional<Protocol> protocol,
                                  QList<ReservationRecord> inventory, const QDateTime& now);
};

} // namespace portolan
