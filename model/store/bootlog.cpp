// SPDX-License-Identifier: GPL-3.0-or-later
#include "model/store/bootlog.h"

#include "model/store/database.h"
#include "model/store/sqlsupport.h"
#include "model/store/storetext.h"

#include <QSqlQuery>

#include <cstdlib>

namespace portolan {
namespace {

const QString kColumns = QStringLiteral("id, host, boot_time, first_seen_at, last_seen_at");

BootRecord readRow(const QSqlQuery& query)
{
    return BootRecord{query.value(0).toLongLong(), query.value(1).toString(),
                      query.value(2).toLongLong(), sql::timeFrom(query.value(3)),
                      sql::timeFrom(query.value(4))};
}

Result<std::optional<BootRecord>> latestOn(QSqlDatabase& connection, const QString& path,
                                           const QString& host, const QString& action)
{
    QSqlQuery query(connection);
    Result<void> done = sql::exec(query,
                                  QStringLiteral("SELECT %1 FROM boot WHERE host = ? "
                                                 "ORDER BY last_seen_at DESC, id DESC LIMIT 1")
                                      .arg(kColumns),
                                  {host}, path, action);
    if (!done)
        return done.error();
    if (!query.next())
        return std::optional<BootRecord>();
    return std::optional<BootRecord>(readRow(query));
}

} // namespace

Result<BootCheck> BootLog::observe(const QString& hostName, qint64 bootTime)
{
    const QString host = hostName.isEmpty() ? m_database.localHost() : hostName;
    const QString action = StoreText::tr("Could not record the boot time of %1").arg(host);
    Result<Transaction> transaction = Transaction::begin(m_database, action);
    if (!transaction)
        return transaction.error();
    Result<std::optional<BootRecord>> found =
        latestOn(transaction->connection(), m_database.path(), host, action);
    if (!found)
        return found.error();
    const std::optional<BootRecord>& latest = found.value();

    BootCheck check;
    const QVariant now = sql::timeValue(m_database.now());
    QSqlQuery query(transaction->connection());
    Result<void> done;
    if (latest && std::llabs(latest->bootTime - bootTime) <= kSameBootToleranceSeconds) {
        done = sql::exec(query, QStringLiteral("UPDATE boot SET last_seen_at = ? WHERE id = ?"),
                         {now, latest->id}, m_database.path(), action);
        if (!done)
            return done.error();
    } else {
        check.newBoot = true;
        if (latest)
            check.previousBootTime = latest->bootTime;
        done = sql::exec(
            query,
            QStringLiteral("INSERT INTO boot (host, boot_time, first_seen_at, "
                           "last_seen_at) VALUES (?, ?, ?, ?) ON CONFLICT (host, "
                           "boot_time) DO UPDATE SET last_seen_at = excluded.last_seen_at"),
            {host, bootTime, now, now}, m_database.path(), action);
        if (!done)
            return done.error();
        query.finish();
        done = sql::exec(query,
                         QStringLiteral("UPDATE reservation SET state = 'unverified' "
                                        "WHERE host = ? AND state = 'present'"),
                         {host}, m_database.path(), action);
        if (!done)
            return done.error();
        check.invalidated = query.numRowsAffected();
    }
    query.finish();
    Result<void> committed = transaction->commit();
    if (!committed)
        return committed.error();
    return check;
}

Result<std::optional<BootRecord>> BootLog::latest(const QString& hostName)
{
    Result<QSqlDatabase> connection = m_database.connection();
    if (!connection)
        return connection.error();
    return latestOn(connection.value(), m_database.path(),
                    hostName.isEmpty() ? m_database.localHost() : hostName,
                    StoreText::tr("Could not read the boot times"));
}

Result<QList<BootRecord>> BootLog::list(const QString& host)
{
    const QString action = StoreText::tr("Could not read the boot times");
    Result<QSqlDatabase> connection = m_database.connection();
    if (!connection)
        return connection.error();
    QSqlQuery query(connection.value());
    Result<void> done =
        host.isEmpty()
            ? sql::exec(query,
                        QStringLiteral("SELECT %1 FROM boot ORDER BY last_seen_at DESC, id DESC")
                            .arg(kColumns),
                        {}, m_database.path(), action)
            : sql::exec(query,
                        QStringLiteral("SELECT %1 FROM boot WHERE host = ? "
                                       "ORDER BY last_seen_at DESC, id DESC")
                            .arg(kColumns),
                        {host}, m_database.path(), action);
    if (!done)
        return done.error();
    QList<BootRecord> boots;
    while (query.next())
        boots.append(readRow(query));
    return boots;
}

} // namespace portolan
