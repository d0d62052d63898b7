// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/store/records.h"

#include "platform/error.h"

#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace portolan {

class Database;

struct ProbeRunFilter
{
    QString host; // exact; empty: every host
    std::optional<ProbeKind> kind;
    std::optional<bool> ok;
    QString text;   // substring of the summary or the address
    QDateTime from; // started at or after; null: no lower bound
    QDateTime to;   // started before; null: no upper bound
};

// The history of probes and scans. A run is stored with all its steps in one transaction, so
// it is either there complete or not at all. Lists never load the whole table: they are
// windows of at most `limit` runs, newest first, continuing after a PageKey.
class ProbeRunStore
{
public:
    explicit ProbeRunStore(Database& database) : m_database(database) {}

    // Stores the run and its steps (time: now when null; host: the local host when empty;
    // step seq: their order in the list). Returns the run's id.
    Result<qint64> record(const ProbeRunRecord& run);
    // Many runs in one transaction (imports; filling a database for a benchmark).
    Result<QList<qint64>> recordMany(const QList<ProbeRunRecord>& runs);

    // The run with its steps; NotFound when there is none.
    Result<ProbeRunRecord> run(qint64 id);
    // Newest first (started_at, then id), without steps (stepCount is set).
    Result<QList<ProbeRunRecord>> runs(const ProbeRunFilter& filter, int limit,
                                       std::optional<PageKey> before = {});
    Result<qint64> count(const ProbeRunFilter& filter = {});
    // The hosts that have runs, sorted; for a host filter.
    Result<QStringList> hosts();
    // SQLite's plan for runs(filter, limit): lets a test check that a window never sorts or
    // scans the whole table.
    Result<QStringList> queryPlan(const ProbeRunFilter& filter, int limit,
                                  std::optional<PageKey> before = {});

private:
    Database& m_database;
};

} // namespace portolan
