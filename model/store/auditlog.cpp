// SPDX-License-Identifier: GPL-3.0-or-later
#include "model/store/auditlog.h"

#include "model/store/database.h"
#include "model/store/sqlsupport.h"
#include "model/store/storetext.h"

#include <QSqlQuery>

namespace portolan {
namespace {

const QString kColumns = QStringLiteral(
    "id, at, host, user_name, elevated, action, protocol, start_port, port_count, request, ok, "
    "token, detail, error_kind, error_code, error_name, error_message");

QString protocolText(Protocol protocol)
{
    return protocol == Protocol::Tcp ? QStringLiteral("tcp") : QStringLiteral("udp");
}

Result<AuditRecord> readRow(const QSqlQuery& query, const QString& path)
{
    AuditRecord record;
    record.id = query.value(0).toLongLong();
    record.at = sql::timeFrom(query.value(1));
    record.actor.host = query.value(2).toString();
    record.actor.user = query.value(3).toString();
    record.actor.elevated = query.value(4).toBool();
    const QString action = query.value(5).toString();
    const auto parsedAction = parseAuditAction(action);
    if (!parsedAction)
        return sql::unexpectedValue(path, QStringLiteral("audit_entry"), QStringLiteral("action"),
                                    action);
    record.action = *parsedAction;
    const QString protocol = query.value(6).toString();
    const auto parsedProtocol = parseProtocol(protocol.toStdString());
    if (!parsedProtocol)
        return sql::unexpectedValue(path, QStringLiteral("audit_entry"), QStringLiteral("protocol"),
                                    protocol);
    record.protocol = *parsedProtocol;
    record.start = quint16(query.value(7).toUInt());
    record.count = quint16(query.value(8).toUInt());
    record.request = query.value(9).toString();
    record.ok = query.value(10).toBool();
    record.token = sql::tokenFrom(query.value(11));
    record.detail = query.value(12).toString();
    record.error = sql::errorFrom(query, 13);
    return record;
}

const sql::HistoryTable& auditTable()
{
    static const sql::HistoryTable table{QStringLiteral("audit_entry"),
                                         QStringLiteral("audit_search"), QStringLiteral("at"),
                                         kColumns};
    return table;
}

// Every condition of the filter but its full-text words (sql::historyWindow joins those).
sql::Where whereOf(const AuditFilter& filter, const sql::SearchTerms& search)
{
    sql::Where where;
    if (!filter.host.isEmpty())
        where.add(QStringLiteral("host = ?"), {filter.host});
    if (filter.action)
        where.add(QStringLiteral("action = ?"), {toText(*filter.action)});
    if (filter.ok)
        where.add(QStringLiteral("ok = ?"), {*filter.ok ? 1 : 0});
    for (const int port : search.ports)
        where.add(sql::blockHoldsPort(QStringLiteral("start_port"), QStringLiteral("port_count")),
                  {port, port, port, port, port});
    for (const QString& word : search.shortWords)
        where.add(QStringLiteral("(host = ? COLLATE NOCASE OR user_name = ? COLLATE NOCASE OR "
                                 "protocol = lower(?))"),
                  {word, word, word});
    if (filter.from.isValid())
        where.add(QStringLiteral("at >= ?"), {sql::timeValue(filter.from)});
    if (filter.to.isValid())
        where.add(QStringLiteral("at < ?"), {sql::timeValue(filter.to)});
    return where;
}

} // namespace

Result<qint64> AuditLog::append(const AuditRecord& record)
{
    const QString action =
        StoreText::tr("Could not record the %1 of %2 %3 in the audit log")
            .arg(toText(record.action), protocolText(record.protocol),
                 QString::fromStdString(toString(PortRange{record.start, record.count})));
    Result<Transaction> transaction = Transaction::begin(m_database, action);
    if (!transaction)
        return transaction.error();
    qint64 id = 0;
    {
        QSqlQuery query(transaction->connection());
        QVariantList values{sql::timeValue(record.at.isValid() ? record.at : m_database.now()),
                            record.actor.host.isEmpty() ? m_database.localHost()
                                                        : record.actor.host,
                            record.actor.user,
                            record.actor.elevated ? 1 : 0,
                            toText(record.action),
                            protocolText(record.protocol),
                            record.start,
                            record.count,
                            record.request,
                            record.ok ? 1 : 0,
                            sql::tokenValue(record.token),
                            record.detail};
        values.append(sql::errorValues(record.error));
        Result<void> done = sql::exec(
            query,
            QStringLiteral("INSERT INTO audit_entry (at, host, user_name, elevated, action, "
                           "protocol, start_port, port_count, request, ok, token, detail, "
                           "error_kind, error_code, error_name, error_message) "
                           "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"),
            values, m_database.path(), action);
        if (!done)
            return done.error();
        id = query.lastInsertId().toLongLong();
    }
    Result<void> committed = transaction->commit();
    if (!committed)
        return committed.error();
    return id;
}

Result<AuditRecord> AuditLog::entry(qint64 id)
{
    const QString action = StoreText::tr("Could not read audit entry %1").arg(id);
    Result<QSqlDatabase> connection = m_database.connection();
    if (!connection)
        return connection.error();
    QSqlQuery query(connection.value());
    Result<void> done =
        sql::exec(query, QStringLiteral("SELECT %1 FROM audit_entry WHERE id = ?").arg(kColumns),
                  {id}, m_database.path(), action);
    if (!done)
        return done.error();
    if (!query.next())
        return Error{ErrorKind::NotFound,
                     0,
                     {},
                     (action + QStringLiteral(": there is no such entry.")).toStdString()};
    return readRow(query, m_database.path());
}

Result<QList<AuditRecord>> AuditLog::entries(const AuditFilter& filter, int limit,
                                             std::optional<PageKey> before)
{
    const QString action = StoreText::tr("Could not read the audit log");
    Result<QSqlDatabase> connection = m_database.connection();
    if (!connection)
        return connection.error();
    const sql::SearchTerms search = sql::searchTerms(filter.text);
    QVariantList values;
    const QString sqlText =
        sql::historyWindow(auditTable(), search, whereOf(filter, search), limit, before, values);
    QSqlQuery query(connection.value());
    query.setForwardOnly(true);
    Result<void> done = sql::exec(query, sqlText, values, m_database.path(), action);
    if (!done)
        return done.error();
    QList<AuditRecord> records;
    while (query.next()) {
        Result<AuditRecord> record = readRow(query, m_database.path());
        if (!record)
            return record.error();
        records.append(std::move(record).value());
    }
    return records;
}

Result<qint64> AuditLog::count(const AuditFilter& filter)
{
    const QString action = StoreText::tr("Could not count the audit log");
    Result<QSqlDatabase> connection = m_database.connection();
    if (!connection)
        return connection.error();
    const sql::SearchTerms search = sql::searchTerms(filter.text);
    sql::Where where = whereOf(filter, search);
    sql::addFullText(where, auditTable(), search);
    QSqlQuery query(connection.value());
    Result<void> done =
        sql::exec(query, QStringLiteral("SELECT count(*) FROM audit_entry") + where.text(),
                  where.values, m_database.path(), action);
    if (!done)
        return done.error();
    query.next();
    return query.value(0).toLongLong();
}

} // namespace portolan
