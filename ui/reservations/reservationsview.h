// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/store/records.h"

#include "platform/backend.h"

#include <QWidget>

#include <optional>

class QAction;
class QComboBox;
class QLabel;
class QLineEdit;
class QModelIndex;
class QTableView;

namespace portolan {
class InventoryModel;
class InventoryFilterProxy;
}

namespace portolan::ui {

// The inventory: a sortable, filterable table (text over note, host and ports; protocol;
// state) with the selected row's details under it. Selecting a row announces its block (the
// main window highlights it on the port map); selectBlock does the reverse.
class ReservationsView : public QWidget
{
    Q_OBJECT

public:
    explicit ReservationsView(InventoryModel& model, QWidget* parent = nullptr);

    // The actions of the context menu (the main window's Reservation menu).
    void setContextActions(const QList<QAction*>& actions);

    QTableView* table() const { return m_table; }
    InventoryFilterProxy* proxy() const { return m_proxy; }
    QLineEdit* filterEdit() const { return m_filter; }
    QComboBox* protocolFilter() const { return m_protocolFilter; }
    QComboBox* stateFilter() const { return m_stateFilter; }
    QLabel* detailsLabel() const { return m_details; }

    std::optional<ReservationRecord> currentRecord() const;
    // Selects the row of exactly this block (this host's row first); clears the filters when
    // they hide it. Returns false, and clears the selection, when the inventory has no such
    // row (e.g. a service's runtime block).
    bool selectBlock(Protocol protocol, PortRange range, const QString& preferredHost = {});
    // Selects the row of this record id; false when there is none.
    bool selectRecord(qint64 id);

public slots:
    void focusFilter();

signals:
    // The current row changed: its block, or nothing selected.
    void currentRecordChanged(const std::optional<portolan::ReservationRecord>& record);
    void editNoteRequested();
    void countsChanged(int shown, int total);

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void onCurrentChanged();
    void updateCounts();
    void updateDetails(const std::optional<ReservationRecord>& record);

    InventoryModel& m_model;
    InventoryFilterProxy* m_proxy = nullptr;
    QLineEdit* m_filter = nullptr;
    QComboBox* m_protocolFilter = nullptr;
    QComboBox* m_stateFilter = nullptr;
    QLabel* m_counts = nullptr;
    QTableView* m_table = nullptr;
    QLabel* m_empty = nullptr;
    QLabel* m_details = nullptr;
};

} // namespace portolan::ui
