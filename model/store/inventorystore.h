// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/store/records.h"

#include "platform/error.h"

#include <QList>
#include <QString>

#include <optional>

namespace portolan {

class Database;

struct InventoryFilter
{
    QString host; // exact; empty: every host
    std::optional<Protocol> protocol;
    std::optional<ReservationState> state;
    QString text; // substring of the note (case-insensitive for ASCII)
};

// The reservations the console knows, one row per (host, protocol, start, count). Small: a
// machine has tens of blocks, so lists are read whole.
class InventoryStore
{
public:
    explicit InventoryStore(Database& database) : m_database(database) {}

    // Adds the block, or updates the row this host already has for it: token (when the record
    // has one), state and verification time are replaced; source, creation time and id stay;
    // the note is kept unless it is empty. Returns the stored row.
    Result<ReservationRecord> upsert(const ReservationRecord& record);
    Result<ReservationRecord> get(qint64 id);
    Result<std::optional<ReservationRecord>> find(const QString& host, Protocol protocol,
                                                  PortRange range);
    // Ordered by host, protocol, start, count.
    Result<QList<ReservationRecord>> list(const InventoryFilter& filter = {});
    Result<qint64> count(const InventoryFilter& filter = {});

    Result<void> setNote(qint64 id, const QString& note);
    // The outcome of a verification (lookup): state, token (0 keeps the known one) and now.
    Result<void> setVerified(qint64 id, ReservationState state, quint64 token);
    // After a boot: every present block of the host becomes unverified. Returns how many.
    Result<int> markUnverified(const QString& host);
    // NotFound when there is no such row.
    Result<void> remove(qint64 id);

private:
    Database& m_database;
};

} // namespace portolan
