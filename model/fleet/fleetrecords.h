// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "platform/types.h"

#include <QDateTime>
#include <QList>
#include <QString>

#include <optional>

// What the console keeps of a host snapshot (the document portolan-cli snapshot prints): the
// document itself, and the facts the Fleet view lists and searches, as rows of their own.
namespace portolan {

// A reservation the snapshot saw: persistent (with its token) or runtime (with the service
// holding it, when known).
struct SnapshotBlock
{
    Protocol protocol = Protocol::Tcp;
    PortRange range;
    bool persistent = true;
    quint64 token = 0; // 0 = not known
    QString owner;
    QString evidence;
    friend bool operator==(const SnapshotBlock&, const SnapshotBlock&) = default;
};

// How the blocks of a host differ from its snapshot before. Persistent blocks are matched by
// their place (a persistent reservation never moves); runtime blocks by protocol and owner,
// in port order, so that WinNAT's block at another place is one moved block, not one vanished
// and one appeared.
struct SnapshotChanges
{
    struct Moved
    {
        Protocol protocol = Protocol::Tcp;
        QString owner;
        PortRange from;
        PortRange to;
        friend bool operator==(const Moved&, const Moved&) = default;
    };
    QList<SnapshotBlock> appeared;
    QList<Moved> moved;
    QList<SnapshotBlock> vanished;

    bool isEmpty() const { return appeared.isEmpty() && moved.isEmpty() && vanished.isEmpty(); }
    int missingPersistent() const;
    friend bool operator==(const SnapshotChanges&, const SnapshotChanges&) = default;
};
SnapshotChanges compareBlocks(const QList<SnapshotBlock>& before,
                              const QList<SnapshotBlock>& after);
// The stored form (host_snapshot.changes, docs/database.md) and back; empty text: no changes.
QString changesToJson(const SnapshotChanges& changes);
SnapshotChanges changesFromJson(const QString& text);

enum class SnapshotOrigin : quint8
{
    Imported, // read by portolan --import
    Boot,     // recorded by the console at the first start of a boot of its own host
};
QString toText(SnapshotOrigin origin); // "imported", "boot"

struct HostSnapshotRecord
{
    qint64 id = 0;
    QString host;
    QDateTime bootTime; // null: not known
    QDateTime gatheredAt;
    QDateTime storedAt; // set by the store
    SnapshotOrigin origin = SnapshotOrigin::Imported;
    QString osFamily;
    QString osName;
    QString osVersion;
    QString backend;
    bool elevated = false;
    PortRange tcpDynamic; // count 0: not known
    PortRange udpDynamic;
    QList<SnapshotBlock> blocks; // lists leave it empty; snapshot(id) fills it
    int persistentCount = 0;     // set by the store from the blocks
    int runtimeCount = 0;
    SnapshotChanges changes; // set by the store: against the host's snapshot before this one
    bool hasPrevious = false;
    QString contentHash; // SHA-256 of the document, set by the store
    QString document;    // the snapshot's JSON; lists leave it empty
};

// Windows' own dynamic range starts at 49152 ("The default dynamic port range for TCP/IP has
// changed", Microsoft support): a range starting lower leaves dev ports to WinNAT and HNS.
inline constexpr int kWindowsDynamicStart = 49152;
bool dynamicRangeLow(const HostSnapshotRecord& record);

} // namespace portolan
