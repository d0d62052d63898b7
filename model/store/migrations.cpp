// SPDX-License-Identifier: GPL-3.0-or-later
#include "model/store/migrations.h"

#include "model/store/sqlsupport.h"
#include "model/store/storetext.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

#include <array>
#include <optional>

namespace portolan::migrations {
namespace {

struct Statement
{
    const char* sql;
    bool bindsLocalHost = false; // takes :localHost
    // Run once per window of ids of this table (:from, :to), reporting progress after each, so
    // that a big history is filled in steps that a progress bar can follow.
    const char* inWindowsOf = nullptr;
};

constexpr qint64 kWindowRows = 20000;

struct Step
{
    int version;
    const char* description;
    std::initializer_list<Statement> statements;
};

// Version 1: what the first console kept: the inventory of one machine and its audit log.
// Version 2: probe runs with their steps.
// Version 3: several machines in one database: a host on every row (inventory and probe runs
// had none; the audit log always had one), the boots seen per host, and the indexes the
// filtered history needs.
// Version 4: text search of the history: FTS5 tables with the trigram tokenizer (any part of a
// word matches) over the texts people search for — hosts, addresses, summaries, the holders
// and errors of the steps, the audit's requests and details — kept in step by triggers; and
// indexes on the first port and the allocated port, where a searched port number is looked up.
// Version 5: host snapshots (imported from other hosts, or recorded at each boot of this one),
// their blocks in a table of their own so that "which hosts forbid TCP 8080" is a range query
// on an index, and the ports the user watches.
const std::array<Step, 5> kSteps{{
    {1,
     "the inventory of reservations and the audit log",
     {
         {R"(CREATE TABLE reservation (
    id          INTEGER PRIMARY KEY,
    protocol    TEXT    NOT NULL CHECK (protocol IN ('tcp', 'udp')),
    start_port  INTEGER NOT NULL CHECK (start_port BETWEEN 1 AND 65535),
    port_count  INTEGER NOT NULL CHECK (port_count BETWEEN 1 AND 65535),
    token       INTEGER,
    source      TEXT    NOT NULL CHECK (source IN ('created', 'looked-up', 'discovered', 'imported')),
    state       TEXT    NOT NULL CHECK (state IN ('present', 'missing', 'unverified')),
    created_at  INTEGER NOT NULL,
    verified_at INTEGER,
    note        TEXT    NOT NULL DEFAULT '',
    UNIQUE (protocol, start_port, port_count)
))"},
         {R"(CREATE TABLE audit_entry (
    id            INTEGER PRIMARY KEY,
    at            INTEGER NOT NULL,
    host          TEXT    NOT NULL,
    user_name     TEXT    NOT NULL,
    elevated      INTEGER NOT NULL CHECK (elevated IN (0, 1)),
    action        TEXT    NOT NULL,
    protocol      TEXT    NOT NULL CHECK (protocol IN ('tcp', 'udp')),
    start_port    INTEGER NOT NULL,
    port_count    INTEGER NOT NULL,
    request       TEXT    NOT NULL,
    ok            INTEGER NOT NULL CHECK (ok IN (0, 1)),
    token         INTEGER,
    detail        TEXT    NOT NULL DEFAULT '',
    error_kind    TEXT,
    error_code    INTEGER,
    error_name    TEXT,
    error_message TEXT
))"},
         {"CREATE INDEX audit_entry_at ON audit_entry (at, id)"},
     }},
    {2,
     "probe runs and their steps",
     {
         {R"(CREATE TABLE probe_run (
    id              INTEGER PRIMARY KEY,
    started_at      INTEGER NOT NULL,
    duration_us     INTEGER NOT NULL,
    kind            TEXT    NOT NULL,
    user_name       TEXT    NOT NULL,
    elevated        INTEGER NOT NULL CHECK (elevated IN (0, 1)),
    protocol        TEXT    NOT NULL CHECK (protocol IN ('tcp', 'udp')),
    family          TEXT    NOT NULL,
    socket_type     TEXT    NOT NULL,
    socket_protocol INTEGER NOT NULL,
    address         TEXT    NOT NULL DEFAULT '',
    requested_start INTEGER NOT NULL,
    requested_count INTEGER NOT NULL,
    granted_start   INTEGER NOT NULL DEFAULT 0,
    granted_count   INTEGER NOT NULL DEFAULT 0,
    token           INTEGER,
    allocated_port  INTEGER,
    ok              INTEGER NOT NULL CHECK (ok IN (0, 1)),
    cancelled       INTEGER NOT NULL DEFAULT 0 CHECK (cancelled IN (0, 1)),
    summary         TEXT    NOT NULL DEFAULT '',
    parameters      TEXT    NOT NULL DEFAULT ''
))"},
         {R"(CREATE TABLE probe_step (
    run_id        INTEGER NOT NULL REFERENCES probe_run (id) ON DELETE CASCADE,
    seq           INTEGER NOT NULL,
    kind          TEXT    NOT NULL,
    ok            INTEGER NOT NULL CHECK (ok IN (0, 1)),
    duration_us   INTEGER NOT NULL,
    detail        TEXT    NOT NULL DEFAULT '',
    first_port    INTEGER NOT NULL DEFAULT 0,
    last_port     INTEGER NOT NULL DEFAULT 0,
    outcome       TEXT,
    holder        TEXT    NOT NULL DEFAULT '',
    error_kind    TEXT,
    error_code    INTEGER,
    error_name    TEXT,
    error_message TEXT,
    PRIMARY KEY (run_id, seq)
) WITHOUT ROWID)"},
         {"CREATE INDEX probe_run_started ON probe_run (started_at, id)"},
     }},
    {3,
     "a host on every row, the boots seen per host, indexes for filtered history",
     {
         // Before version 3 a database held one machine's records, and its audit log names
         // that machine; a database with no audit entry was made where it is opened now.
         {"CREATE TEMP TABLE migration_host AS SELECT COALESCE("
          "(SELECT host FROM audit_entry ORDER BY id DESC LIMIT 1), :localHost) AS host",
          true},
         // The block's identity becomes (host, protocol, start, count): SQLite cannot change a
         // UNIQUE constraint in place, so the table is rebuilt.
         {R"(CREATE TABLE reservation_v3 (
    id          INTEGER PRIMARY KEY,
    host        TEXT    NOT NULL,
    protocol    TEXT    NOT NULL CHECK (protocol IN ('tcp', 'udp')),
    start_port  INTEGER NOT NULL CHECK (start_port BETWEEN 1 AND 65535),
    port_count  INTEGER NOT NULL CHECK (port_count BETWEEN 1 AND 65535),
    token       INTEGER,
    source      TEXT    NOT NULL CHECK (source IN ('created', 'looked-up', 'discovered', 'imported')),
    state       TEXT    NOT NULL CHECK (state IN ('present', 'missing', 'unverified')),
    created_at  INTEGER NOT NULL,
    verified_at INTEGER,
    note        TEXT    NOT NULL DEFAULT '',
    UNIQUE (host, protocol, start_port, port_count)
))"},
         {"INSERT INTO reservation_v3 (id, host, protocol, start_port, port_count, token, source, "
          "state, created_at, verified_at, note) "
          "SELECT id, (SELECT host FROM migration_host), protocol, start_port, port_count, "
          "token, source, state, created_at, verified_at, note FROM reservation"},
         {"DROP TABLE reservation"},
         {"ALTER TABLE reservation_v3 RENAME TO reservation"},
         {"ALTER TABLE probe_run ADD COLUMN host TEXT NOT NULL DEFAULT ''"},
         {"UPDATE probe_run SET host = (SELECT host FROM migration_host)"},
         {"DROP TABLE migration_host"},
         {"CREATE INDEX probe_run_host ON probe_run (host, started_at, id)"},
         {"CREATE INDEX probe_run_kind ON probe_run (kind, started_at, id)"},
         {"CREATE INDEX audit_entry_host ON audit_entry (host, at, id)"},
         {R"(CREATE TABLE boot (
    id            INTEGER PRIMARY KEY,
    host          TEXT    NOT NULL,
    boot_time     INTEGER NOT NULL,
    first_seen_at INTEGER NOT NULL,
    last_seen_at  INTEGER NOT NULL,
    UNIQUE (host, boot_time)
))"},
     }},
    {4,
     "text search of the probe runs and the audit log",
     {
         {"CREATE VIRTUAL TABLE probe_run_search USING fts5("
          "host, address, summary, details, tokenize = 'trigram')"},
         {"CREATE VIRTUAL TABLE audit_search USING fts5("
          "host, user_name, request, detail, error, tokenize = 'trigram')"},
         {"INSERT INTO probe_run_search (rowid, host, address, summary, details) "
          "SELECT r.id, r.host, r.address, r.summary, COALESCE((SELECT group_concat("
          "s.holder || ' ' || COALESCE(s.error_name, '') || ' ' || COALESCE(s.error_message, ''),"
          " ' ') FROM probe_step s WHERE s.run_id = r.id AND (s.holder <> '' OR s.error_name IS "
          "NOT NULL)), '') FROM probe_run r WHERE r.id BETWEEN :from AND :to",
          false, "probe_run"},
         {"INSERT INTO audit_search (rowid, host, user_name, request, detail, error) "
          "SELECT id, host, user_name, request, detail, "
          "COALESCE(error_name, '') || ' ' || COALESCE(error_message, '') "
          "FROM audit_entry WHERE id BETWEEN :from AND :to",
          false, "audit_entry"},
         {R"(CREATE TRIGGER probe_run_search_insert AFTER INSERT ON probe_run BEGIN
    INSERT INTO probe_run_search (rowid, host, address, summary, details)
    VALUES (new.id, new.host, new.address, new.summary, '');
END)"},
         {R"(CREATE TRIGGER probe_run_search_update AFTER UPDATE OF host, address, summary
ON probe_run BEGIN
    UPDATE probe_run_search SET host = new.host, address = new.address, summary = new.summary
    WHERE rowid = new.id;
END)"},
         {R"(CREATE TRIGGER probe_run_search_delete AFTER DELETE ON probe_run BEGIN
    DELETE FROM probe_run_search WHERE rowid = old.id;
END)"},
         // Most steps have neither a holder nor an error: only those touch the index.
         {R"(CREATE TRIGGER probe_step_search_insert AFTER INSERT ON probe_step
WHEN new.holder <> '' OR new.error_name IS NOT NULL BEGIN
    UPDATE probe_run_search SET details = details || ' ' || new.holder || ' ' ||
        COALESCE(new.error_name, '') || ' ' || COALESCE(new.error_message, '')
    WHERE rowid = new.run_id;
END)"},
         {R"(CREATE TRIGGER audit_search_insert AFTER INSERT ON audit_entry BEGIN
    INSERT INTO audit_search (rowid, host, user_name, request, detail, error)
    VALUES (new.id, new.host, new.user_name, new.request, new.detail,
            COALESCE(new.error_name, '') || ' ' || COALESCE(new.error_message, ''));
END)"},
         {R"(CREATE TRIGGER audit_search_update AFTER UPDATE ON audit_entry BEGIN
    UPDATE audit_search SET host = new.host, user_name = new.user_name,
        request = new.request, detail = new.detail,
        error = COALESCE(new.error_name, '') || ' ' || COALESCE(new.error_message, '')
    WHERE rowid = new.id;
END)"},
         {R"(CREATE TRIGGER audit_search_delete AFTER DELETE ON audit_entry BEGIN
    DELETE FROM audit_search WHERE rowid = old.id;
END)"},
         // A searched port P: blocks of at most 1,024 ports start in [P - 1023, P] (the
         // first index), wider ones are few (the partial ones).
         {"CREATE INDEX probe_run_port ON probe_run (requested_start)"},
         {"CREATE INDEX probe_run_wide ON probe_run (requested_start) WHERE requested_count > "
          "1024"},
         {"CREATE INDEX probe_run_allocated ON probe_run (allocated_port)"},
         {"CREATE INDEX audit_entry_port ON audit_entry (start_port)"},
         {"CREATE INDEX audit_entry_wide ON audit_entry (start_port) WHERE port_count > 1024"},
     }},
    {5,
     "host snapshots with their blocks, and the watched ports",
     {
         // One row per distinct document (content_hash): the same snapshot imported twice adds
         // nothing. `latest` marks the newest gathered snapshot of each host; `changes` holds
         // what differs from the host's snapshot before it (JSON, see docs/database.md).
         {R"(CREATE TABLE host_snapshot (
    id                 INTEGER PRIMARY KEY,
    host               TEXT    NOT NULL,
    boot_time          INTEGER,
    gathered_at        INTEGER NOT NULL,
    stored_at          INTEGER NOT NULL,
    origin             TEXT    NOT NULL CHECK (origin IN ('imported', 'boot')),
    os_family          TEXT    NOT NULL DEFAULT '',
    os_name            TEXT    NOT NULL DEFAULT '',
    os_version         TEXT    NOT NULL DEFAULT '',
    backend            TEXT    NOT NULL DEFAULT '',
    elevated           INTEGER NOT NULL DEFAULT 0 CHECK (elevated IN (0, 1)),
    tcp_dynamic_start  INTEGER NOT NULL DEFAULT 0,
    tcp_dynamic_count  INTEGER NOT NULL DEFAULT 0,
    udp_dynamic_start  INTEGER NOT NULL DEFAULT 0,
    udp_dynamic_count  INTEGER NOT NULL DEFAULT 0,
    persistent_count   INTEGER NOT NULL DEFAULT 0,
    runtime_count      INTEGER NOT NULL DEFAULT 0,
    latest             INTEGER NOT NULL DEFAULT 0 CHECK (latest IN (0, 1)),
    changes            TEXT    NOT NULL DEFAULT '',
    content_hash       TEXT    NOT NULL UNIQUE,
    document           TEXT    NOT NULL
))"},
         {"CREATE INDEX host_snapshot_host ON host_snapshot (host, gathered_at, id)"},
         {"CREATE INDEX host_snapshot_latest ON host_snapshot (latest, host)"},
         {R"(CREATE TABLE host_snapshot_block (
    snapshot_id INTEGER NOT NULL REFERENCES host_snapshot (id) ON DELETE CASCADE,
    seq         INTEGER NOT NULL,
    protocol    TEXT    NOT NULL CHECK (protocol IN ('tcp', 'udp')),
    start_port  INTEGER NOT NULL CHECK (start_port BETWEEN 1 AND 65535),
    port_count  INTEGER NOT NULL CHECK (port_count BETWEEN 1 AND 65535),
    persistent  INTEGER NOT NULL CHECK (persistent IN (0, 1)),
    token       INTEGER,
    owner       TEXT    NOT NULL DEFAULT '',
    evidence    TEXT    NOT NULL DEFAULT '',
    PRIMARY KEY (snapshot_id, seq),
    CHECK (start_port + port_count - 1 <= 65535)
) WITHOUT ROWID)"},
         // As for the history: a searched port P is held by a block of at most 1,024 ports
         // that starts in [P - 1023, P], or by one of the few wider ones.
         {"CREATE INDEX host_snapshot_block_port ON host_snapshot_block (protocol, start_port)"},
         {"CREATE INDEX host_snapshot_block_wide ON host_snapshot_block (protocol, start_port) "
          "WHERE port_count > 1024"},
         {R"(CREATE TABLE watched_port (
    protocol TEXT    NOT NULL CHECK (protocol IN ('tcp', 'udp')),
    port     INTEGER NOT NULL CHECK (port BETWEEN 1 AND 65535),
    added_at INTEGER NOT NULL,
    PRIMARY KEY (protocol, port)
) WITHOUT ROWID)"},
     }},
}};

bool exec(QSqlQuery& query, const QString& sql)
{
    return query.exec(sql);
}

// Runs a statement over its table's ids, kWindowRows at a time, telling the context's
// progress how many of the table's rows are done. The error of the failing window, if any.
std::optional<QSqlError> runInWindows(QSqlDatabase& connection, const Statement& statement,
                                      const Step& step, const Context& context)
{
    QSqlQuery range(connection);
    // min and max come from the primary key; a count would read the whole table.
    if (!range.exec(QStringLiteral("SELECT min(id), max(id) FROM %1")
                        .arg(QString::fromLatin1(statement.inWindowsOf))) ||
        !range.next())
        return range.lastError();
    if (range.value(0).isNull())
        return std::nullopt; // empty
    const qint64 first = range.value(0).toLongLong();
    const qint64 last = range.value(1).toLongLong();
    range.finish();
    QSqlQuery query(connection);
    if (!query.prepare(QString::fromUtf8(statement.sql)))
        return query.lastError();
    const QString what = QString::fromUtf8(step.description);
    for (qint64 from = first; from <= last; from += kWindowRows) {
        query.bindValue(QStringLiteral(":from"), from);
        query.bindValue(QStringLiteral(":to"), from + kWindowRows - 1);
        if (!query.exec())
            return query.lastError();
        query.finish();
        if (context.progress)
            context.progress(what, qMin(last, from + kWindowRows - 1) - first + 1,
                             last - first + 1);
    }
    return std::nullopt;
}

} // namespace

int latestVersion()
{
    return kSteps.back().version;
}

QString describe(int version)
{
    for (const Step& step : kSteps) {
        if (step.version == version)
            return QString::fromUtf8(step.description);
    }
    return {};
}

Result<int> currentVersion(QSqlDatabase& connection, const QString& path)
{
    QSqlQuery query(connection);
    if (!query.exec(QStringLiteral("PRAGMA user_version")) || !query.next())
        return sql::makeError(query.lastError(), path,
                              StoreText::tr("Could not read the schema version"));
    return query.value(0).toInt();
}

Result<int> upgrade(QSqlDatabase& connection, const QString& path, const Context& context,
                    int target)
{
    int reached = 0;
    for (const Step& step : kSteps) {
        if (step.version > target)
            break;
        const QString action = StoreText::tr("Could not upgrade the database to schema "
                                             "version %1 (%2)")
                                   .arg(step.version)
                                   .arg(QString::fromUtf8(step.description));
        QSqlQuery query(connection);
        if (!exec(query, QStringLiteral("BEGIN IMMEDIATE")))
            return sql::makeError(query.lastError(), path, action);
        auto fail = [&](const QSqlError& error) -> Result<int> {
            Error failure = sql::makeError(error, path, action);
            QSqlQuery rollback(connection);
            rollback.exec(QStringLiteral("ROLLBACK"));
            return failure;
        };

        // Read again under the write lock: another process may have applied this step.
        if (!exec(query, QStringLiteral("PRAGMA user_version")) || !query.next())
            return fail(query.lastError());
        const int version = query.value(0).toInt();
        query.finish();
        if (version >= step.version) {
            exec(query, QStringLiteral("ROLLBACK"));
            reached = version;
            continue;
        }
        for (const Statement& statement : step.statements) {
            if (statement.inWindowsOf) {
                if (auto failed = runInWindows(connection, statement, step, context))
                    return fail(*failed);
                continue;
            }
            if (!query.prepare(QString::fromUtf8(statement.sql)))
                return fail(query.lastError());
            if (statement.bindsLocalHost)
                query.bindValue(QStringLiteral(":localHost"), context.localHost);
            if (!query.exec())
                return fail(query.lastError());
            query.finish();
        }
        if (!exec(query, QStringLiteral("PRAGMA user_version = %1").arg(step.version)))
            return fail(query.lastError());
        if (!exec(query, QStringLiteral("COMMIT")))
            return fail(query.lastError());
        reached = step.version;
    }
    return reached;
}

} // namespace portolan::migrations
