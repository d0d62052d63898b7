// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <Qt>

// The custom item roles every model of the console answers, so that one proxy can filter
// several models and the views can reach the record behind a row.
namespace portolan {

enum ItemRole : int {
    RecordIdRole = Qt::UserRole + 1, // qint64: the stored row's id (inventory, audit, run)
    RecordRole,       // QVariant of the whole record (ReservationRecord, AuditRecord, ...)
    SortRole,         // the raw value to sort by (numbers as numbers, times as QDateTime)
    ProtocolRole,     // int(Protocol)
    StateRole,        // inventory: int(ReservationState)
    OutcomeRole,      // history: int(HistoryOutcome)
    FilterTextRole,   // QString: everything the text filter searches, lower-case
    // QString naming how a row should look: "ok", "warning", "error" or "muted". The model
    // layer has no QtGui (no QColor/QIcon): the views map the tone to a colour and an icon
    // (ForegroundRole/DecorationRole are not answered here).
    ToneRole,
};

// How a history row ended, for the outcome filter.
enum class HistoryOutcome : int { Ok, Failed, Cancelled };

} // namespace portolan
