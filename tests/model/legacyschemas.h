// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Databases as earlier versions of Portolan left them, schema and sample data. This is a
// frozen copy, not a reuse of model/migrations.cpp: if a released step were edited, the
// upgraded files would no longer match a fresh database and the migration test would say so.

#include <QString>
#include <QStringList>

namespace portolan::testing {

// Version 1 (inventory + audit log), as the first console wrote it.
inline QStringList schemaV1()
{
    return {
        QStringLiteral("PRAGMA journal_mode = WAL"),
        QStringLiteral(R"(CREATE TABLE reservation (
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
))"),
        QStringLiteral(R"(CREATE TABLE audit_entry (
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
))"),
        QStringLiteral("CREATE INDEX audit_entry_at ON audit_entry (at, id)"),
        QStringLiteral("PRAGMA user_version = 1"),
    };
}

// Sample rows of version 1. Tokens: 0x1A2B3C4D5E6F7081 and 0xFEDCBA9876543210 (above 2^63,
// stored as its signed bit pattern -81985529216486896).
inline QStringList dataV1()
{
    return {
        QStringLiteral("INSERT INTO reservation VALUES (1, 'tcp', 5000, 20, 1885667171979194497, "
                       "'created', 'present', 1700000000000, 1700000100000, "
                       "'Owner: Zoë — build farm')"),
        QStringLiteral("INSERT INTO reservation VALUES (2, 'udp', 6000, 1, NULL, 'looked-up', "
                       "'missing', 1700000200000, NULL, '')"),
        QStringLiteral("INSERT INTO reservation VALUES (7, 'tcp', 50000, 10, -81985529216486896, "
                       "'discovered', 'unverified', 1700000300000, NULL, 'it''s WinNAT''s')"),
        QStringLiteral("INSERT INTO audit_entry VALUES (1, 1700000000000, 'legacy-host', 'alice', 1, "
                       "'create', 'tcp', 5000, 20, 'CreatePersistentTcpPortReservation(5000, 20)', "
                       "1, 1885667171979194497, '', NULL, NULL, NULL, NULL)"),
        QStringLiteral("INSERT INTO audit_entry VALUES (2, 1700000400000, 'legacy-host', 'bob', 0, "
                       "'delete', 'tcp', 5000, 20, 'DeletePersistentTcpPortReservation(5000, 20)', "
                       "0, NULL, '', 'AccessDenied', 5, 'ERROR_ACCESS_DENIED', 'Access is denied.')"),
    };
}

// Version 2 adds probe runs and their steps.
inline QStringList schemaV2Step()
{
    return {
        QStringLiteral(R"(CREATE TABLE probe_run (
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
))"),
        QStringLiteral(R"(CREATE TABLE probe_step (
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
) WITHOUT ROWID)"),
        QStringLiteral("CREATE INDEX probe_run_started ON probe_run (started_at, id)"),
        QStringLiteral("PRAGMA user_version = 2"),
    };
}

inline QStringList dataV2Step()
{
    return {
        QStringLiteral("INSERT INTO probe_run VALUES (1, 1700000500000, 1234, 'acquire-release', "
                       "'alice', 1, 'tcp', 'ipv4', 'stream', 6, '', 50100, 10, 50100, 10, "
                       "-81985529216486896, NULL, 1, 0, 'acquire-release tcp 50100-50109: granted', "
                       "'{\"plan\":\"acquire-release\"}')"),
        QStringLiteral("INSERT INTO probe_step VALUES (1, 0, 'open-socket', 1, 10, '', 0, 0, NULL, '', "
                       "NULL, NULL, NULL, NULL)"),
        QStringLiteral("INSERT INTO probe_step VALUES (1, 1, 'acquire', 1, 900, 'granted 50100-50109', "
                       "0, 0, NULL, '', NULL, NULL, NULL, NULL)"),
        QStringLiteral("INSERT INTO probe_step VALUES (1, 2, 'release', 1, 300, '', 0, 0, NULL, '', "
                       "NULL, NULL, NULL, NULL)"),
        QStringLiteral("INSERT INTO probe_run VALUES (2, 1700000600000, 99000, 'scan', 'bob', 0, "
                       "'udp', 'ipv6', 'dgram', 17, '::1', 3000, 11, 0, 0, NULL, NULL, 1, 0, "
                       "'scan udp ::1 3000-3010', '{\"threads\":2}')"),
        QStringLiteral("INSERT INTO probe_step VALUES (2, 0, 'scan-run', 1, 0, '3000-3004 free', "
                       "3000, 3004, 'free', '', NULL, NULL, NULL, NULL)"),
        QStringLiteral("INSERT INTO probe_step VALUES (2, 1, 'scan-run', 0, 0, '3005-3010 forbidden', "
                       "3005, 3010, 'forbidden', 'svchost (HNS)', 'AccessDenied', 10013, 'WSAEACCES', '')"),
    };
}

// Version 3 (a host on every row, the boots, the indexes for filtered history), applied to
// a version 2 file as that release's upgrade did.
inline QStringList schemaV3Step()
{
    return {
        QStringLiteral("CREATE TEMP TABLE migration_host AS SELECT COALESCE("
                       "(SELECT host FROM audit_entry ORDER BY id DESC LIMIT 1), 'v3-host') AS host"),
        QStringLiteral(R"(CREATE TABLE reservation_v3 (
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
))"),
        QStringLiteral("INSERT INTO reservation_v3 (id, host, protocol, start_port, port_count, "
                       "token, source, state, created_at, verified_at, note) "
                       "SELECT id, (SELECT host FROM migration_host), protocol, start_port, "
                       "port_count, token, source, state, created_at, verified_at, note "
                       "FROM reservation"),
        QStringLiteral("DROP TABLE reservation"),
        QStringLiteral("ALTER TABLE reservation_v3 RENAME TO reservation"),
        QStringLiteral("ALTER TABLE probe_run ADD COLUMN host TEXT NOT NULL DEFAULT ''"),
        QStringLiteral("UPDATE probe_run SET host = (SELECT host FROM migration_host)"),
        QStringLiteral("DROP TABLE migration_host"),
        QStringLiteral("CREATE INDEX probe_run_host ON probe_run (host, started_at, id)"),
        QStringLiteral("CREATE INDEX probe_run_kind ON probe_run (kind, started_at, id)"),
        QStringLiteral("CREATE INDEX audit_entry_host ON audit_entry (host, at, id)"),
        QStringLiteral(R"(CREATE TABLE boot (
    id            INTEGER PRIMARY KEY,
    host          TEXT    NOT NULL,
    boot_time     INTEGER NOT NULL,
    first_seen_at INTEGER NOT NULL,
    last_seen_at  INTEGER NOT NULL,
    UNIQUE (host, boot_time)
))"),
        QStringLiteral("PRAGMA user_version = 3"),
    };
}

} // namespace portolan::testing
