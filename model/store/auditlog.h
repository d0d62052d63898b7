// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/store/records.h"

#include "platform/error.h"

#include <QDateTime>
#include <QList>
#include <QString>

#include <optional>

namespace portolan {

class Database;

struct AuditFilter
{
    QString host; // exact; empty: every host
    std::optional<AuditAction> action;
    std::optional<bool> ok;
    QString text;   // substring of the request, detail or error message
    QDateTime from; // inclusive; null: no lower bound
    QDateTime to;   // exclusive; null: no upper bound
};

// Every create, delete, lookup and note change. Rows are only ever added.
class AuditLog
{
public:
    explicit AuditLog(Database& database) : m_database(database) {}

    // Stores the entry (time: now when null; host: the local host when empty); returns its id.
    Result<qint64> append(const AuditRecord& record);
    Result<AuditRecord> entry(qint64 id);
    // Newest first: at most `limit` entries older than `before` (all when none).
    Result<QList<AuditRecord>> entries(const AuditFilter& filter, int limit,
                                       std::optional<PageKey> before = {});
    Result<qint64> count(const AuditFilter& filter = {});

private:
    Database& m_database;
};

} // namespace portolan
