// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/store/records.h"

#include "platform/error.h"

#include <QMutex>
#include <QSqlDatabase>
#include <QString>
#include <QStringList>

#include <functional>
#include <memory>

namespace portolan {

using UpgradeProgress = std::function<void(const QString& what, qint64 done, qint64 total)>;

struct DatabaseOptions
{
    QString path;                 // empty: Database::defaultPath()
    bool createDirectory = false; // create a missing folder (0700); the default location does
    Clock clock;                  // empty: systemClock()
    // The machine this console runs on: rows stored without a host get it, and the schema
    // upgrade to version 3 gives it to older rows when their database names no other host.
    // Empty: QSysInfo::machineHostName().
    QString localHost;
    int busyTimeoutMs = 5000; // how long a writer waits for another one
    // Told how a long schema upgrade advances (see migrations::Context::progress), on the
    // thread that opens the database.
    UpgradeProgress upgradeProgress;
};

// One SQLite file, opened, checked and upgraded to the current schema by open(). Each thread
// talks to it through its own named QSqlDatabase connection (Qt connections belong to the
// thread that made them), created on first use with the same settings: WAL journal, foreign
// keys on, synchronous=FULL, a busy timeout.
class Database
{
public:
    // QStandardPaths::AppLocalDataLocation + "/portolan.sqlite".
    static QString defaultPath();
    // Opens (creating with mode 0600 if missing) and upgrades. On failure nothing was changed
    // or left behind: a newer schema, a corrupt or read-only file, a missing folder each give
    // an Error naming the path and what to do.
    static Result<std::unique_ptr<Database>> open(DatabaseOptions options);

    ~Database();
    Database(const Database&) = delete;
    Database& operator=(const Database&) = delete;

    const QString& path() const { return m_path; }
    const QString& localHost() const { return m_localHost; }
    QDateTime now() const; // the clock, in UTC, to the millisecond
    // The schema version the file had before open() upgraded it (0: created now).
    int openedVersion() const { return m_openedVersion; }

    // The calling thread's connection, opened on first use. Threads started by QThread drop
    // theirs when they finish; any other thread should call releaseConnection() before it ends.
    Result<QSqlDatabase> connection();
    void releaseConnection();

    // PRAGMA integrity_check: "ok", or the problems it lists, one per line.
    Result<QString> integrityCheck();

    // An SQLite error of this database as a portolan::Error naming the file.
    Error error(const QSqlError& error, const QString& action) const;

private:
    friend class Transaction; // keeps the savepoint depth of each connection in m_registry
    explicit Database(QString path, const DatabaseOptions& options);
    Result<void> prepare(QSqlDatabase& connection, const UpgradeProgress& progress);
    void removeConnections();

    QString m_path;
    QString m_localHost;
    Clock m_clock;
    int m_busyTimeoutMs;
    int m_openedVersion = 0;
    QString m_connectionPrefix;
    struct Registry;
    std::shared_ptr<Registry> m_registry; // names of the connections, shared with thread exits
};

// A write transaction on the calling thread's connection: BEGIN IMMEDIATE (so a writer waits
// for the lock up front instead of failing half-way), or a SAVEPOINT when one is already open
// on this connection, so that store calls compose into a caller's transaction. Rolled back
// unless committed.
class Transaction
{
public:
    static Result<Transaction> begin(Database& database, const QString& action);

    Transaction(Transaction&& other) noexcept;
    Transaction& operator=(Transaction&&) = delete;
    ~Transaction();

    QSqlDatabase& connection() { return m_connection; }
    Result<void> commit();
    void rollback();

private:
    Transaction(Database& database, QSqlDatabase connection, QString action, int depth);

    Database* m_database;
    QSqlDatabase m_connection;
    QString m_action;
    int m_depth = 0; // 0: the outer BEGIN IMMEDIATE; n: SAVEPOINT level n
    bool m_open = false;
};

} // namespace portolan
