// SPDX-License-Identifier: GPL-3.0-or-later
#include "model/store/hostsnapshotstore.h"

#include "model/store/bootlog.h"
#include "model/store/database.h"
#include "model/store/sqlsupport.h"
#include "model/store/storetext.h"

#include <QCryptographicHash>
#include <QSqlQuery>

#include <algorithm>

namespace portolan {
namespace {

const QString kColumns = QStringLiteral(
    "id, host, boot_time, gathered_at, stored_at, origin, os_family, os_name, os_version, "
    "backend, elevated, tcp_dynamic_start, tcp_dynamic_count, udp_dynamic_start, "
    "udp_dynamic_count, persistent_count, runtime_count, changes, content_hash");
constexpr int kDocumentColumn = 19; // selected after kColumns when asked for

QString protocolText(Protocol protocol)
{
    return QString::fromLatin1(toString(protocol).data(), qsizetype(toString(protocol).size()));
}

PortRange rangeOf(const QVariant& start, const QVariant& count)
{
    return PortRange{std::uint16_t(start.toInt()), std::uint16_t(count.toInt())};
}

HostSnapshotRecord readRow(const QSqlQuery& q)
{
    HostSnapshotRecord r;
    r.id = q.value(0).toLongLong();
    r.host = q.value(1).toString();
    r.bootTime = sql::timeFrom(q.value(2));
    r.gatheredAt = sql::timeFrom(q.value(3));
    r.storedAt = sql::timeFrom(q.value(4));
    r.origin = q.value(5).toString() == QLatin1String("boot") ? SnapshotOrigin::Boot
                                                              : SnapshotOrigin::Imported;
    r.osFamily = q.value(6).toString();
    r.osName = q.value(7).toString();
    r.osVersion = q.value(8).toString();
    r.backend = q.value(9).toString();
    r.elevated = q.value(10).toBool();
    r.tcpDynamic = rangeOf(q.value(11), q.value(12));
    r.udpDynamic = rangeOf(q.value(13), q.value(14));
    r.persistentCount = q.value(15).toInt();
    r.runtimeCount = q.value(16).toInt();
    r.changes = changesFromJson(q.value(17).toString());
    r.contentHash = q.value(18).toString();
    return r;
}

SnapshotBlock readBlock(const QSqlQuery& q, int first)
{
    SnapshotBlock b;
    b.protocol = q.value(first).toString() == QLatin1String("udp") ? Protocol::Udp : Protocol::Tcp;
    b.range = rangeOf(q.value(first + 1), q.value(first + 2));
    b.persistent = q.value(first + 3).toBool();
    b.token = sql::tokenFrom(q.value(first + 4));
    b.owner = q.value(first + 5).toString();
    b.evidence = q.value(first + 6).toString();
    return b;
}

const QString kBlockColumns =
    QStringLiteral("protocol, start_port, port_count, persistent, token, owner, evidence");

// The calls of one connection, sharing the database's path and the action for errors.
struct Session
{
    QSqlDatabase connection;
    QString path;
    QString action;

    Result<QList<SnapshotBlock>> blocks(qint64 id) const
    {
        QSqlQuery q(connection);
        if (auto done = sql::exec(q,
                                  QStringLiteral("SELECT %1 FROM host_snapshot_block WHERE "
                                                 "snapshot_id = ? ORDER BY seq")
                                      .arg(kBlockColumns),
                                  {id}, path, action);
            !done)
            return done.error();
        QList<SnapshotBlock> list;
        while (q.next())
            list.append(readBlock(q, 0));
        return list;
    }

    // The snapshot of `host` gathered just before (when `before`) or just after the given one.
    Result<std::optional<HostSnapshotRecord>>
    neighbour(const QString& host, const QDateTime& gatheredAt, qint64 id, bool before) const
    {
        QSqlQuery q(connection);
        const QString sqlText =
            before ? QStringLiteral("SELECT %1 FROM host_snapshot WHERE host = ? AND "
                                    "(gathered_at < ? OR (gathered_at = ? AND id < ?)) "
                                    "ORDER BY gathered_at DESC, id DESC LIMIT 1")
                   : QStringLiteral("SELECT %1 FROM host_snapshot WHERE host = ? AND "
                                    "(gathered_at > ? OR (gathered_at = ? AND id > ?)) "
                                    "ORDER BY gathered_at, id LIMIT 1");
        const QVariant at = sql::timeValue(gatheredAt);
        if (auto done = sql::exec(q, sqlText.arg(kColumns), {host, at, at, id}, path, action);
            !done)
            return done.error();
        if (!q.next())
            return std::optional<HostSnapshotRecord>();
        HostSnapshotRecord record = readRow(q);
        q.finish();
        auto list = blocks(record.id);
        if (!list)
            return list.error();
        record.blocks = list.value();
        record.hasPrevious = true;
        return std::optional<HostSnapshotRecord>(record);
    }

    Result<void> setChanges(qint64 id, const SnapshotChanges& changes) const
    {
        QSqlQuery q(connection);
        return sql::exec(q, QStringLiteral("UPDATE host_snapshot SET changes = ? WHERE id = ?"),
                         {changesToJson(changes), id}, path, action);
    }

    Result<void> markLatest(const QString& host) const
    {
        QSqlQuery q(connection);
        if (auto done = sql::exec(q,
                                  QStringLiteral("UPDATE host_snapshot SET latest = 0 WHERE "
                                                 "host = ? AND latest = 1"),
                                  {host}, path, action);
            !done)
            return done;
        return sql::exec(q,
                         QStringLiteral("UPDATE host_snapshot SET latest = 1 WHERE id = (SELECT "
                                        "id FROM host_snapshot WHERE host = ? ORDER BY "
                                        "gathered_at DESC, id DESC LIMIT 1)"),
                         {host}, path, action);
    }

    Result<AddedSnapshot> add(const HostSnapshotRecord& record, const QDateTime& now) const
    {
        const QString hash = QString::fromLatin1(
            QCryptographicHash::hash(record.document.toUtf8(), QCryptographicHash::Sha256).toHex());
        QSqlQuery q(connection);
        if (auto done = sql::exec(q,
                                  QStringLiteral("SELECT id FROM host_snapshot WHERE "
                                                 "content_hash = ?"),
                                  {hash}, path, action);
            !done)
            return done.error();
        if (q.next())
            return AddedSnapshot{q.value(0).toLongLong(), false};
        q.finish();

        const int persistent =
            int(std::count_if(record.blocks.cbegin(), record.blocks.cend(),
                              [](const SnapshotBlock& b) { return b.persistent; }));
        auto done = sql::exec(
            q,
            QStringLiteral(
                "INSERT INTO host_snapshot (host, boot_time, gathered_at, stored_at, origin, "
                "os_family, os_name, os_version, backend, elevated, tcp_dynamic_start, "
                "tcp_dynamic_count, udp_dynamic_start, udp_dynamic_count, persistent_count, "
                "runtime_count, content_hash, document) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
                "?, ?, ?, ?, ?, ?, ?, ?)"),
            {record.host, sql::timeValue(record.bootTime), sql::timeValue(record.gatheredAt),
             sql::timeValue(now), toText(record.origin), record.osFamily, record.osName,
             record.osVersion, record.backend, record.elevated ? 1 : 0,
             int(record.tcpDynamic.start), int(record.tcpDynamic.count),
             int(record.udpDynamic.start), int(record.udpDynamic.count), persistent,
             int(record.blocks.size()) - persistent, hash, record.document},
            path, action);
        if (!done)
            return done.error();
        const qint64 id = q.lastInsertId().toLongLong();
        q.finish();

        if (!q.prepare(QStringLiteral("INSERT INTO host_snapshot_block (snapshot_id, seq, "
                                      "protocol, start_port, port_count, persistent, token, "
                                      "owner, evidence) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")))
            return sql::makeError(q.lastError(), path, action);
        int seq = 0;
        for (const SnapshotBlock& b : record.blocks) {
            done = sql::execPrepared(q,
                                     {id, seq++, protocolText(b.protocol), int(b.range.start),
                                      int(b.range.count), b.persistent ? 1 : 0,
                                      sql::tokenValue(b.token), b.owner, b.evidence},
                                     path, action);
            if (!done)
                return done.error();
        }
        q.finish();

        // What changed since the snapshot before; and for the one after, since this one.
        auto before = neighbour(record.host, record.gatheredAt, id, true);
        if (!before)
            return before.error();
        if (before.value()) {
            if (done = setChanges(id, compareBlocks(before.value()->blocks, record.blocks)); !done)
                return done.error();
        }
        auto after = neighbour(record.host, record.gatheredAt, id, false);
        if (!after)
            return after.error();
        if (after.value()) {
            if (done = setChanges(after.value()->id,
                                  compareBlocks(record.blocks, after.value()->blocks));
                !done)
                return done.error();
        }
        if (done = markLatest(record.host); !done)
            return done.error();
        return AddedSnapshot{id, true};
    }
};

} // namespace

Result<QList<AddedSnapshot>> HostSnapshotStore::addMany(const QList<HostSnapshotRecord>& records)
{
    const QString action = StoreText::tr("Could not store the host snapshots");
    auto transaction = Transaction::begin(m_database, action);
    if (!transaction)
        return transaction.error();
    const Session session{transaction->connection(), m_database.path(), action};
    const QDateTime now = m_database.now();
    QList<AddedSnapshot> added;
    for (const HostSnapshotRecord& record : records) {
        auto one = session.add(record, now);
        if (!one)
            return one.error(); // rolled back: nothing stored
        added.append(one.value());
    }
    if (auto committed = transaction->commit(); !committed)
        return committed.error();
    return added;
}

Result<AddedSnapshot> HostSnapshotStore::add(const HostSnapshotRecord& record)
{
    auto added = addMany({record});
    if (!added)
        return added.error();
    return added->constFirst();
}

Result<QList<FleetHost>> HostSnapshotStore::hosts()
{
    const QString action = StoreText::tr("Could not read the fleet's hosts");
    auto connection = m_database.connection();
    if (!connection)
        return connection.error();
    QSqlQuery q(connection.value());
    if (auto done = sql::exec(q,
                              QStringLiteral("SELECT %1, (SELECT count(*) FROM host_snapshot c "
                                             "WHERE c.host = s.host) FROM host_snapshot s "
                                             "WHERE latest = 1 ORDER BY host")
                                  .arg(kColumns),
                              {}, m_database.path(), action);
        !done)
        return done.error();
    QList<FleetHost> hosts;
    while (q.next()) {
        FleetHost host{readRow(q), q.value(kDocumentColumn).toInt()};
        host.latest.hasPrevious = host.snapshotCount > 1;
        hosts.append(host);
    }
    return hosts;
}

Result<HostSnapshotRecord> HostSnapshotStore::snapshot(qint64 id)
{
    const QString action = StoreText::tr("Could not read the host snapshot");
    auto connection = m_database.connection();
    if (!connection)
        return connection.error();
    QSqlQuery q(connection.value());
    if (auto done = sql::exec(
            q, QStringLiteral("SELECT %1, document FROM host_snapshot WHERE id = ?").arg(kColumns),
            {id}, m_database.path(), action);
        !done)
        return done.error();
    if (!q.next())
        return Error::make(ErrorKind::NotFound,
                           StoreText::tr("There is no host snapshot %1.").arg(id).toStdString());
    HostSnapshotRecord record = readRow(q);
    record.document = q.value(kDocumentColumn).toString();
    q.finish();
    auto blocks = Session{connection.value(), m_database.path(), action}.blocks(id);
    if (!blocks)
        return blocks.error();
    record.blocks = blocks.value();
    return record;
}

Result<QList<HostSnapshotRecord>> HostSnapshotStore::history(const QString& host)
{
    const QString action = StoreText::tr("Could not read the host snapshots");
    auto connection = m_database.connection();
    if (!connection)
        return connection.error();
    QSqlQuery q(connection.value());
    if (auto done = sql::exec(q,
                              QStringLiteral("SELECT %1 FROM host_snapshot WHERE host = ? "
                                             "ORDER BY gathered_at DESC, id DESC")
                                  .arg(kColumns),
                              {host}, m_database.path(), action);
        !done)
        return done.error();
    QList<HostSnapshotRecord> list;
    while (q.next())
        list.append(readRow(q));
    for (qsizetype i = 0; i + 1 < list.size(); ++i)
        list[i].hasPrevious = true;
    return list;
}

Result<std::optional<HostSnapshotRecord>> HostSnapshotStore::latest(const QString& host)
{
    auto list = history(host);
    if (!list)
        return list.error();
    if (list->isEmpty())
        return std::optional<HostSnapshotRecord>();
    auto full = snapshot(list->constFirst().id);
    if (!full)
        return full.error();
    full->hasPrevious = list->size() > 1;
    return std::optional<HostSnapshotRecord>(full.value());
}

Result<std::optional<HostSnapshotRecord>> HostSnapshotStore::previous(qint64 id)
{
    auto current = snapshot(id);
    if (!current)
        return current.error();
    auto connection = m_database.connection();
    if (!connection)
        return connection.error();
    const Session session{connection.value(), m_database.path(),
                          StoreText::tr("Could not read the host snapshots")};
    return session.neighbour(current->host, current->gatheredAt, id, true);
}

Result<QList<PortHolder>> HostSnapshotStore::find(Protocol protocol, int port)
{
    const QString action = StoreText::tr("Could not search the fleet for a port");
    auto connection = m_database.connection();
    if (!connection)
        return connection.error();
    QSqlQuery q(connection.value());
    QVariantList values{protocolText(protocol)};
    for (int i = 0; i < 5; ++i)
        values.append(port);
    // The block index finds the candidates; the few of them in older snapshots are dropped.
    const QString sqlText =
        QStringLiteral("SELECT s.host, s.id, s.gathered_at, b.protocol, b.start_port, "
                       "b.port_count, b.persistent, b.token, b.owner, b.evidence "
                       "FROM host_snapshot_block b JOIN host_snapshot s ON s.id = b.snapshot_id "
                       "WHERE b.protocol = ? AND %1 AND s.latest = 1 "
                       "ORDER BY s.host, b.start_port")
            .arg(sql::blockHoldsPort(QStringLiteral("b.start_port"),
                                     QStringLiteral("b.port_count")));
    if (auto done = sql::exec(q, sqlText, values, m_database.path(), action); !done)
        return done.error();
    QList<PortHolder> holders;
    while (q.next())
        holders.append({q.value(0).toString(), q.value(1).toLongLong(), sql::timeFrom(q.value(2)),
                        readBlock(q, 3)});
    return holders;
}

Result<std::optional<qint64>> HostSnapshotStore::bootSnapshot(const QString& host,
                                                              const QDateTime& bootTime)
{
    const QString action = StoreText::tr("Could not read the host snapshots");
    auto connection = m_database.connection();
    if (!connection)
        return connection.error();
    QSqlQuery q(connection.value());
    const qint64 tolerance = BootLog::kSameBootToleranceSeconds * 1000;
    const qint64 at = bootTime.toMSecsSinceEpoch();
    if (auto done = sql::exec(q,
                              QStringLiteral("SELECT id FROM host_snapshot WHERE host = ? AND "
                                             "origin = 'boot' AND boot_time BETWEEN ? AND ? "
                                             "ORDER BY id DESC LIMIT 1"),
                              {host, at - tolerance, at + tolerance}, m_database.path(), action);
        !done)
        return done.error();
    if (!q.next())
        return std::optional<qint64>();
    return std::optional<qint64>(q.value(0).toLongLong());
}

Result<QList<WatchedPort>> HostSnapshotStore::watchedPorts()
{
    const QString action = StoreText::tr("Could not read the watched ports");
    auto connection = m_database.connection();
    if (!connection)
        return connection.error();
    QSqlQuery q(connection.value());
    if (auto done = sql::exec(q,
                              QStringLiteral("SELECT protocol, port FROM watched_port "
                                             "ORDER BY protocol, port"),
                              {}, m_database.path(), action);
        !done)
        return done.error();
    QList<WatchedPort> ports;
    while (q.next())
        ports.append({q.value(0).toString() == QLatin1String("udp") ? Protocol::Udp : Protocol::Tcp,
                      q.value(1).toInt()});
    return ports;
}

Result<void> HostSnapshotStore::setWatchedPorts(const QList<WatchedPort>& ports)
{
    const QString action = StoreText::tr("Could not store the watched ports");
    auto transaction = Transaction::begin(m_database, action);
    if (!transaction)
        return transaction.error();
    QSqlQuery q(transaction->connection());
    if (auto done =
            sql::exec(q, QStringLiteral("DELETE FROM watched_port"), {}, m_database.path(), action);
        !done)
        return done;
    const QVariant now = sql::timeValue(m_database.now());
    for (const WatchedPort& p : ports) {
        if (auto done =
                sql::exec(q,
                          QStringLiteral("INSERT OR IGNORE INTO watched_port (protocol, "
                                         "port, added_at) VALUES (?, ?, ?)"),
                          {protocolText(p.protocol), p.port, now}, m_database.path(), action);
            !done)
            return done;
    }
    return transaction->commit();
}

} // namespace portolan
