// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/itemmodels/modelroles.h"
#include "model/store/records.h"

#include "platform/types.h"

#include <QSortFilterProxyModel>
#include <QString>

#include <optional>

namespace portolan {

// Sorts by SortRole (numbers, times) and filters the inventory: text over note, host and
// range (case-insensitive; "5000" matches a block containing port 5000), protocol, state.
class InventoryFilterProxy : public QSortFilterProxyModel
{
    Q_OBJECT

public:
    explicit InventoryFilterProxy(QObject* parent = nullptr);

    QString text() const { return m_text; }
    void setText(const QString& text);
    std::optional<Protocol> protocol() const { return m_protocol; }
    void setProtocol(std::optional<Protocol> protocol);
    std::optional<ReservationState> state() const;
    void setState(std::optional<ReservationState> state);
    // The StateRole to keep: a ReservationState or InventoryModel::kDeletedState; empty: all.
    std::optional<int> stateValue() const { return m_state; }
    void setStateValue(std::optional<int> value);

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const override;

private:
    QString m_text;
    std::optional<Protocol> m_protocol;
    std::optional<int> m_state;
};

// Filters a history model (AuditLogModel, ProbeRunModel) among the rows loaded: text over
// FilterTextRole, protocol, outcome. The models' own setFilter narrows the database query.
class HistoryFilterProxy : public QSortFilterProxyModel
{
    Q_OBJECT

public:
    explicit HistoryFilterProxy(QObject* parent = nullptr);

    QString text() const { return m_text; }
    void setText(const QString& text);
    std::optional<Protocol> protocol() const { return m_protocol; }
    void setProtocol(std::optional<Protocol> protocol);
    std::optional<HistoryOutcome> outcome() const { return m_outcome; }
    void setOutcome(std::optional<HistoryOutcome> outcome);

    // Forwards to the source (which loads the next page synchronously), except while this
    // proxy is re-filtering or re-sorting: a slot connected to the signals of that change
    // (QAbstractItemModelTester's, for one) must not start a nested insertion.
    void fetchMore(const QModelIndex& parent) override;
    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const override;

private:
    void refilter();

    QString m_text;
    std::optional<Protocol> m_protocol;
    std::optional<HistoryOutcome> m_outcome;
    bool m_changing = false;
};

} // namespace portolan
