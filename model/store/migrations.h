// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "platform/error.h"

#include <QSqlDatabase>
#include <QString>

#include <functional>

// The schema's history, one step per version (docs/database.md). A step never changes once
// released: a new need is a new step, so a database of every earlier version can be upgraded.
namespace portolan::migrations {

// The version PRAGMA user_version holds once every step is applied.
int latestVersion();
// What step `version` (1..latestVersion()) adds, for messages and docs.
QString describe(int version);

struct Context
{
    QString localHost; // for rows of version < 3, which had no host column (see step 3)
    // Called between the windows of a long step (filling the search index of a big history):
    // what the step adds, and how far it is, in rows of the table it reads.
    std::function<void(const QString& what, qint64 done, qint64 total)> progress;
};

// Applies the steps after the file's user_version up to `target`, each in its own
// BEGIN IMMEDIATE transaction that first re-reads the version (another process may have
// upgraded it meanwhile). A failed step is rolled back and leaves the file at the version
// before it. Returns the version reached. `path` only names the file in errors.
Result<int> upgrade(QSqlDatabase& connection, const QString& path, const Context& context,
                    int target = latestVersion());

// PRAGMA user_version.
Result<int> currentVersion(QSqlDatabase& connection, const QString& path);

} // namespace portolan::migrations
