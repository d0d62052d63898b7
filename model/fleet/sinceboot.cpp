// SPDX-License-Identifier: GPL-3.0-or-later
#include "model/fleet/sinceboot.h"

#include "model/fleet/fleetmodel.h"

namespace portolan {
namespace {

QString protocolName(Protocol protocol)
{
    return protocol == Protocol::Tcp ? QStringLiteral("TCP") : QStringLiteral("UDP");
}

std::optional<SnapshotBlock> holder(const QList<SnapshotBlock>& blocks, const WatchedPort& port)
{
    for (const SnapshotBlock& b : blocks) {
        if (b.protocol == port.protocol && b.range.contains(std::uint32_t(port.port)))
            return b;
    }
    return std::nullopt;
}

QString blockWords(const SnapshotBlock& b)
{
    if (b.persistent)
        return SinceBootReader::tr("the persistent reservation %1 %2")
            .arg(protocolName(b.protocol), FleetModel::rangeText(b.range));
    return SinceBootReader::tr("%1's block %2 %3")
        .arg(b.owner.isEmpty() ? SinceBootReader::tr("an unknown owner") : b.owner,
             protocolName(b.protocol), FleetModel::rangeText(b.range));
}

} // namespace

SinceBoot SinceBootReader::compare(std::optional<HostSnapshotRecord> before,
                                   std::optional<HostSnapshotRecord> current,
                                   const QList<WatchedPort>& watched)
{
    SinceBoot since;
    since.before = std::move(before);
    since.current = std::move(current);
    since.watched = watched;
    if (!since.current)
        return since;
    if (since.before)
        since.changes = compareBlocks(since.before->blocks, since.current->blocks);
    for (const WatchedPort& port : watched) {
        if (auto now = holder(since.current->blocks, port)) {
            const bool wasFree = since.before && !holder(since.before->blocks, port);
            since.forbidden.append({port, *now, wasFree});
        }
    }
    return since;
}

Result<SinceBoot> SinceBootReader::read(HostSnapshotStore& store, const QString& host)
{
    auto history = store.history(host);
    if (!history)
        return history.error();
    QList<qint64> boots; // newest first
    for (const HostSnapshotRecord& r : history.value()) {
        if (r.origin == SnapshotOrigin::Boot && boots.size() < 2)
            boots.append(r.id);
    }
    std::optional<HostSnapshotRecord> current, before;
    if (!boots.isEmpty()) {
        auto one = store.snapshot(boots.at(0));
        if (!one)
            return one.error();
        current = one.value();
    }
    if (boots.size() > 1) {
        auto two = store.snapshot(boots.at(1));
        if (!two)
            return two.error();
        before = two.value();
    }
    auto watched = store.watchedPorts();
    if (!watched)
        return watched.error();
    return compare(std::move(before), std::move(current), watched.value());
}

QStringList SinceBoot::lines() const
{
    QStringList out;
    for (const WatchedHit& hit : forbidden) {
        const QString port =
            QStringLiteral("%1 %2").arg(protocolName(hit.port.protocol)).arg(hit.port.port);
        out << (hit.wasFree ? SinceBootReader::tr("Watched port %1 became forbidden: %2 holds it")
                            : SinceBootReader::tr("Watched port %1 is forbidden: %2 holds it"))
                   .arg(port, blockWords(hit.block));
    }
    for (const SnapshotChanges::Moved& m : changes.moved)
        out << SinceBootReader::tr("Moved: %1's block %2 %3 is now at %4")
                   .arg(m.owner.isEmpty() ? SinceBootReader::tr("an unknown owner") : m.owner,
                        protocolName(m.protocol), FleetModel::rangeText(m.from),
                        FleetModel::rangeText(m.to));
    for (const SnapshotBlock& b : changes.appeared)
        out << SinceBootReader::tr("Appeared: %1").arg(blockWords(b));
    for (const SnapshotBlock& b : changes.vanished)
        out << SinceBootReader::tr("Vanished: %1").arg(blockWords(b));
    return out;
}

} // namespace portolan
