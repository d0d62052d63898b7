// SPDX-License-Identifier: GPL-3.0-or-later
#include "model/store/inventorystore.h"

#include "model/store/database.h"
#include "model/store/sqlsupport.h"
#include "model/store/storetext.h"

#include <QSqlQuery>
#include <QSqlRecord>

namespace portolan {
namespace {

const QString kColumns =
    QStringLiteral("id, host, protocol, start_port, port_count, token, source, state, created_at, "
                   "verified_at, note");

QString protocolText(Protocol protocol)
{
    return protocol == Protocol::Tcp ? QStringLiteral("tcp") : QStringLiteral("udp");
}

Result<ReservationRecord> readRow(const QSqlQuery& query, const QString& path)
{
    ReservationRecord record;
    record.id = query.value(0).toLongLong();
    record.host = query.value(1).toString();
    const QString protocol = query.value(2).toString();
    const auto parsedProtocol = parseProtocol(protocol.toStdString());
    if (!parsedProtocol)
        return sql::unexpectedValue(path, QStringLiteral("reservation"), QStringLiteral("protocol"),
                                    protocol);
    record.protocol = *parsedProtocol;
    record.start = quint16(query.value(3).toUInt());
    record.count = quint16(query.value(4).toUInt());
    record.token = sql::tokenFrom(query.value(5));
    const QString source = query.value(6).toString();
    const auto parsedSource = parseReservationSource(source);
    if (!parsedSource)
        return sql::unexpectedValue(path, QStringLiteral("reservation"), QStringLiteral("source"),
                                    source);
    record.source = *parsedSource;
    const QString state = query.value(7).toString();
    const auto parsedState = parseReservationState(state);
    if (!parsedState)
        return sql::unexpectedValue(path, QStringLiteral("reservation"), QStringLiteral("state"),
                                    state);
    record.state = *parsedState;
    record.createdAt = sql::timeFrom(query.value(8));
    record.verifiedAt = sql::timeFrom(query.value(9));
    record.note = query.value(10).toString();
    return record;
}

Result<QList<ReservationRecord>> readRows(QSqlQuery& query, const QString& path)
{
    QList<ReservationRecord> records;
    while (query.next()) {
        Result<ReservationRecord> record = readRow(query, path);
        if (!record)
            return record.error();
        records.append(std::move(record).value());
    }
    return records;
}

sql::Where whereOf(const InventoryFilter& filter)
{
    sql::Where where;
    if (!filter.host.isEmpty())
        where.add(QStringLiteral("host = ?"), {filter.host});
    if (filter.protocol)
        where.add(QStringLiteral("protocol = ?"), {protocolText(*filter.protocol)});
    if (filter.state)
        where.add(QStringLiteral("state = ?"), {toText(*filter.state)});
    if (!filter.text.isEmpty())
        where.add(QStringLiteral("note LIKE ? ESCAPE '\\'"), {sql::likePattern(filter.text)});
    return where;
}

} // namespace

Result<ReservationRecord> InventoryStore::upsert(const ReservationRecord& record)
{
    const QString action =
        StoreText::tr("Could not record the reservation %1 %2 in the inventory")
            .arg(protocolText(record.protocol), QString::fromStdString(toString(record.range())));
    Result<Transaction> transaction = Transaction::begin(m_database, action);
    if (!transaction)
        return transaction.error();
    const QString host = record.host.isEmpty() ? m_database.localHost() : record.host;
    const QDateTime createdAt = record.createdAt.isValid() ? record.createdAt : m_database.now();
    {
        QSqlQuery query(transaction->connection());
        Result<void> done = sql::exec(
            query,
            QStringLiteral(
                "INSERT INTO reservation (host, protocol, start_port, port_count, token, source, "
                "state, created_at, verified_at, note) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
                "ON CONFLICT (host, protocol, start_port, port_count) DO UPDATE SET "
                "token = COALESCE(excluded.token, token), state = excluded.state, "
                "verified_at = COALESCE(excluded.verified_at, verified_at), "
                "note = CASE WHEN excluded.note = '' THEN note ELSE excluded.note END"),
            {host, protocolText(record.protocol), record.start, record.count,
             sql::tokenValue(record.token), toText(record.source), toText(record.state),
             sql::timeValue(createdAt), sql::timeValue(record.verifiedAt), record.note},
            m_database.path(), action);
        if (!done)
            return done.error();
    }
    Result<std::optional<ReservationRecord>> stored = find(host, record.protocol, record.range());
    if (!stored)
        return stored.error();
    Result<void> committed = transaction->commit();
    if (!committed)
        return committed.error();
    return *stored.value();
}

Result<ReservationRecord> InventoryStore::get(qint64 id)
{
    const QString action = StoreText::tr("Could not read reservation %1 of the inventory").arg(id);
    Result<QSqlDatabase> connection = m_database.connection();
    if (!connection)
        return connection.error();
    QSqlQuery query(connection.value());
    Result<void> done =
        sql::exec(query, QStringLiteral("SELECT %1 FROM reservation WHERE id = ?").arg(kColumns),
                  {id}, m_database.path(), action);
    if (!done)
        return done.error();
    if (!query.next())
        return Error{ErrorKind::NotFound,
                     0,
                     {},
                     (action + QStringLiteral(": there is no such reservation.")).toStdString()};
    return readRow(query, m_database.path());
}

Result<std::optional<ReservationRecord>> InventoryStore::find(const QString& host,
                                                              Protocol protocol, PortRange range)
{
    const QString action = StoreText::tr("Could not read the inventory");
    Result<QSqlDatabase> connection = m_database.connection();
    if (!connection)
        return connection.error();
    QSqlQuery query(connection.value());
    Result<void> done =
        sql::exec(query,
                  QStringLiteral("SELECT %1 FROM reservation WHERE host = ? AND protocol = ? AND "
                                 "start_port = ? AND port_count = ?")
                      .arg(kColumns),
                  {host.isEmpty() ? m_database.localHost() : host, protocolText(protocol),
                   range.start, range.count},
                  m_database.path(), action);
    if (!done)
        return done.error();
    if (!query.next())
        return std::optional<ReservationRecord>();
    Result<ReservationRecord> record = readRow(query, m_database.path());
    if (!record)
        return record.error();
    return std::optional<ReservationRecord>(std::move(record).value());
}

Result<QList<ReservationRecord>> InventoryStore::list(const InventoryFilter& filter)
{
    const QString action = StoreText::tr("Could not read the inventory");
    Result<QSqlDatabase> connection = m_database.connection();
    if (!connection)
        return connection.error();
    const sql::Where where = whereOf(filter);
    QSqlQuery query(connection.value());
    query.setForwardOnly(true);
    Result<void> done = sql::exec(
        query,
        QStringLiteral(
            "SELECT %1 FROM reservation%2 ORDER BY host, protocol, start_port, port_count")
            .arg(kColumns, where.text()),
        where.values, m_database.path(), action);
    if (!done)
        return done.error();
    return readRows(query, m_database.path());
}

Result<qint64> InventoryStore::count(const InventoryFilter& filter)
{
    const QString action = StoreText::tr("Could not count the inventory");
    Result<QSqlDatabase> connection = m_database.connection();
    if (!connection)
        return connection.error();
    const sql::Where where = whereOf(filter);
    QSqlQuery query(connection.value());
    Result<void> done =
        sql::exec(query, QStringLiteral("SELECT count(*) FROM reservation") + where.text(),
                  where.values, m_database.path(), action);
    if (!done)
        return done.error();
    query.next();
    return query.value(0).toLongLong();
}

namespace {

// An UPDATE or DELETE of one row by id, NotFound when there was none.
Result<void> changeOne(Database& database, const QString& sqlText, const QVariantList& values,
                       qint64 id, const QString& action)
{
    Result<Transaction> transaction = Transaction::begin(database, action);
    if (!transaction)
        return transaction.error();
    {
        QSqlQuery query(transaction->connection());
        Result<void> done = sql::exec(query, sqlText, values, database.path(), action);
        if (!done)
            return done.error();
        if (query.numRowsAffected() == 0)
            return Error{ErrorKind::NotFound,
                         0,
                         {},
                         QStringLiteral("%1: the inventory has no reservation %2.")
                             .arg(action)
                             .arg(id)
                             .toStdString()};
    }
    return transaction->commit();
}

} // namespace

Result<void> InventoryStore::setNote(qint64 id, const QString& note)
{
    return changeOne(m_database, QStringLiteral("UPDATE reservation SET note = ? WHERE id = ?"),
                     {note, id}, id, StoreText::tr("Could not save the note"));
}

Result<void> InventoryStore::setVerified(qint64 id, ReservationState state, quint64 token)
{
    return changeOne(m_database,
                     QStringLiteral("UPDATE reservation SET state = ?, token = COALESCE(?, token), "
                                    "verified_at = ? WHERE id = ?"),
                     {toText(state), sql::tokenValue(token), sql::timeValue(m_database.now()), id},
                     id, StoreText::tr("Could not record the verification"));
}

Result<int> InventoryStore::markUnverified(const QString& host)
{
    const QString action = StoreText::tr("Could not mark the inventory of %1 unverified").arg(host);
    Result<Transaction> transaction = Transaction::begin(m_database, action);
    if (!transaction)
        return transaction.error();
    int changed = 0;
    {
        QSqlQuery query(transaction->connection());
        Result<void> done = sql::exec(
            query,
            QStringLiteral("UPDATE reservation SET state = 'unverified' WHERE host = ? AND "
                           "state = 'present'"),
            {host.isEmpty() ? m_database.localHost() : host}, m_database.path(), action);
        if (!done)
            return done.error();
        changed = query.numRowsAffected();
    }
    Result<void> committed = transaction->commit();
    if (!committed)
        return committed.error();
    return changed;
}

Result<void> InventoryStore::remove(qint64 id)
{
    return changeOne(m_database, QStringLiteral("DELETE FROM reservation WHERE id = ?"), {id}, id,
                     StoreText::tr("Could not remove the reservation from the inventory"));
}

} // namespace portolan
