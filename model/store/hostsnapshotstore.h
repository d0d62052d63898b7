// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/fleet/fleetrecords.h"

#include "platform/error.h"

#include <QList>
#include <QString>

#include <optional>

namespace portolan {

class Database;

// A host of the fleet: its newest snapshot (without blocks or document) and how many the
// database holds.
struct FleetHost
{
    HostSnapshotRecord latest;
    int snapshotCount = 0;
};

// A host whose newest snapshot forbids a port, and the block that does.
struct PortHolder
{
    QString host;
    qint64 snapshotId = 0;
    QDateTime gatheredAt;
    SnapshotBlock block;
};

struct AddedSnapshot
{
    qint64 id = 0;
    bool added = false; // false: the same document was stored already (id is that row)
};

struct WatchedPort
{
    Protocol protocol = Protocol::Tcp;
    int port = 0;
    friend bool operator==(const WatchedPort&, const WatchedPort&) = default;
};

// Every snapshot of every host, dated: imported from elsewhere or recorded at a boot of this
// host. Adding the same document twice adds nothing (its SHA-256 is unique). Each snapshot
// keeps what changed since the host's snapshot before it, so the fleet's problems are read
// from one row per host, also when older snapshots are imported after newer ones.
class HostSnapshotStore
{
public:
    explicit HostSnapshotStore(Database& database) : m_database(database) {}

    // In one transaction (a caller's, when one is open): on an error nothing is stored.
    Result<AddedSnapshot> add(const HostSnapshotRecord& record);
    Result<QList<AddedSnapshot>> addMany(const QList<HostSnapshotRecord>& records);

    // Sorted by host name.
    Result<QList<FleetHost>> hosts();
    // With blocks and document; NotFound when there is none.
    Result<HostSnapshotRecord> snapshot(qint64 id);
    // Newest first, without blocks or document.
    Result<QList<HostSnapshotRecord>> history(const QString& host);
    // The host's newest snapshot, and the one gathered before a given snapshot (with blocks).
    Result<std::optional<HostSnapshotRecord>> latest(const QString& host);
    Result<std::optional<HostSnapshotRecord>> previous(qint64 id);
    // The hosts whose newest snapshot has a block holding the port, by host then start.
    Result<QList<PortHolder>> find(Protocol protocol, int port);
    // The boot snapshot of this boot of the host, if one was recorded (boot times within the
    // boot log's tolerance are the same boot).
    Result<std::optional<qint64>> bootSnapshot(const QString& host, const QDateTime& bootTime);

    // The ports the user watches, sorted; replaced as a whole.
    Result<QList<WatchedPort>> watchedPorts();
    Result<void> setWatchedPorts(const QList<WatchedPort>& ports);

private:
    Database& m_database;
};

} // namespace portolan
