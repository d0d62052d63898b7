// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/itemmodels/modelroles.h"
#include "model/itemmodels/pagedtablemodel.h"
#include "model/store/proberunstore.h"
#include "model/store/records.h"

#include "platform/error.h"

#include <QString>

namespace portolan {

class ProbeService;
class Store;

// The history of probe runs, newest first, lazy like AuditLogModel: the first screen of a
// million-run database is one windowed query (ProbeRunStore::runs with a limit); rowCount
// grows by fetchMore(). Runs are held without their steps (ProbeStepModel loads those).
class ProbeRunModel : public PagedTableModel<ProbeRunRecord, ProbeRunFilter>
{
    Q_OBJECT

public:
    enum Column : int
    {
        StartedColumn,
        HostColumn,
        KindColumn,
        ProtocolColumn,
        RequestedColumn, // block or scan span
        ResultColumn,    // "ok" / "failed" / "cancelled"
        GrantedColumn,   // block granted, or the allocated port
        TokenColumn,
        DurationColumn,
        StepsColumn,
        SummaryColumn, // RunText::summary, in the language of the moment
        RunColumn,     // the run's number, as the Probes view gives it ("Run 12" in its tooltip)
        ColumnCount
    };
    Q_ENUM(Column)

    explicit ProbeRunModel(Store& store, QObject* parent = nullptr);

    // Follows the service's finished signal (recorded runs matching the filter go on top).
    void attach(ProbeService* service);

    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;

    using PagedTableModel::rowOf;
    void prepend(const ProbeRunRecord& run); // steps are dropped; stepCount kept
    bool matches(const ProbeRunRecord& run) const;

private:
    QString columnTitle(int column) const override;
};

} // namespace portolan
