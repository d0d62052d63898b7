// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/store/hostsnapshotstore.h"

#include <QCoreApplication>
#include <QList>
#include <QStringList>

#include <optional>

namespace portolan {

// A watched port and the block that forbids it now.
struct WatchedHit
{
    WatchedPort port;
    SnapshotBlock block;
    bool wasFree = false; // the boot before, no block held it
};

// How this boot of a host differs from the boot before: the snapshots the console recorded at
// the first start of each.
struct SinceBoot
{
    std::optional<HostSnapshotRecord> current; // this boot's snapshot (with blocks)
    std::optional<HostSnapshotRecord> before;  // the boot before's
    SnapshotChanges changes;
    QList<WatchedHit> forbidden; // watched ports a block holds now
    QList<WatchedPort> watched;

    // The panel's lines, in the console's language, one per change, watched ports first.
    QStringList lines() const;
};

class SinceBootReader
{
    Q_DECLARE_TR_FUNCTIONS(SinceBootReader)

public:
    // Reads the two newest boot snapshots of the host and the watch list.
    static Result<SinceBoot> read(HostSnapshotStore& store, const QString& host);
    // The same from two snapshots already read (or none).
    static SinceBoot compare(std::optional<HostSnapshotRecord> before,
                             std::optional<HostSnapshotRecord> current,
                             const QList<WatchedPort>& watched);
};

} // namespace portolan
