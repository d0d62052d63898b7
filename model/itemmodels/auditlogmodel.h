// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/itemmodels/modelroles.h"
#include "model/itemmodels/pagedtablemodel.h"
#include "model/store/auditlog.h"
#include "model/store/records.h"

#include "platform/error.h"

#include <QString>

namespace portolan {

class ReservationService;
class Store;

// The audit log, newest first, loaded lazily: the first page when the filter is set, then one
// page per fetchMore() (a keyset window, never a count or the whole table). New entries the
// service records appear at the top.
class AuditLogModel : public PagedTableModel<AuditRecord, AuditFilter>
{
    Q_OBJECT

public:
    enum Column : int
    {
        TimeColumn,
        HostColumn,
        UserColumn,
        ActionColumn,
        ProtocolColumn,
        RangeColumn,
        ResultColumn, // "ok" / "failed"
        TokenColumn,
        ErrorColumn,   // ERROR_SHARING_VIOLATION (32)
        MessageColumn, // the error's sentence, or the detail
        RequestColumn,
        ColumnCount
    };
    Q_ENUM(Column)

    explicit AuditLogModel(Store& store, QObject* parent = nullptr);

    // Follows the service's auditRecorded signal (rows matching the filter go on top).
    void attach(ReservationService* service);

    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;

    // Puts a newly recorded entry on top when it matches the filter and is not shown yet.
    void prepend(const AuditRecord& record);
    bool matches(const AuditRecord& record) const;

private:
    QString columnTitle(int column) const override;
};

} // namespace portolan
