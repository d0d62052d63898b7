// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/store/records.h"

#include "platform/error.h"

#include <QList>
#include <QString>

#include <optional>

namespace portolan {

class Database;

// What observing the machine's boot time at a start means for the inventory.
struct BootCheck
{
    // True when this boot is not the one last seen for the host (or none was seen): persistent
    // tokens may have changed, so every block must be looked up again.
    bool newBoot = false;
    std::optional<qint64> previousBootTime;
    int invalidated = 0; // inventory rows of the host turned from present to unverified
};

// The boot time seen at each start, per host.
class BootLog
{
public:
    // Boot times computed from an uptime jitter by a second or so; closer than this, two
    // observations are the same boot.
    static constexpr qint64 kSameBootToleranceSeconds = 2;

    explicit BootLog(Database& database) : m_database(database) {}

    // Records that `host` (empty: the local host) runs the boot of `bootTime` (seconds since
    // the epoch). When it is a new boot, the host's present inventory rows become unverified
    // in the same transaction, so a crash cannot record the boot and forget the tokens.
    Result<BootCheck> observe(const QString& host, qint64 bootTime);
    // The boot last seen for the host.
    Result<std::optional<BootRecord>> latest(const QString& host);
    // Newest first; every host when empty.
    Result<QList<BootRecord>> list(const QString& host = {});

private:
    Database& m_database;
};

} // namespace portolan
