// SPDX-License-Identifier: GPL-3.0-or-later
#include "model/itemmodels/filterproxies.h"

#include "model/itemmodels/inventorymodel.h"

#include <QScopedValueRollback>

namespace portolan {

InventoryFilterProxy::InventoryFilterProxy(QObject* parent) : QSortFilterProxyModel(parent)
{
    setSortRole(SortRole);
    setDynamicSortFilter(true);
}

void InventoryFilterProxy::setText(const QString& text)
{
    if (text == m_text)
        return;
    m_text = text;
    invalidateFilter();
}

void InventoryFilterProxy::setProtocol(std::optional<Protocol> protocol)
{
    if (protocol == m_protocol)
        return;
    m_protocol = protocol;
    invalidateFilter();
}

std::optional<ReservationState> InventoryFilterProxy::state() const
{
    if (!m_state || *m_state == InventoryModel::kDeletedState)
        return std::nullopt;
    return ReservationState(*m_state);
}

void InventoryFilterProxy::setState(std::optional<ReservationState> state)
{
    setStateValue(state ? std::optional<int>(int(*state)) : std::nullopt);
}

void InventoryFilterProxy::setStateValue(std::optional<int> value)
{
    if (value == m_state)
        return;
    m_state = value;
    invalidateFilter();
}

bool InventoryFilterProxy::filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const
{
    const QAbstractItemModel* model = sourceModel();
    const QModelIndex first = model->index(sourceRow, 0, sourceParent);
    if (m_protocol && model->data(first, ProtocolRole).toInt() != int(*m_protocol))
        return false;
    if (m_state && model->data(first, StateRole).toInt() != *m_state)
        return false;
    const QString text = m_text.trimmed();
    if (text.isEmpty())
        return true;
    if (model->data(first, FilterTextRole).toString().contains(text.toLower()))
        return true;
    // A port number matches every block that contains it.
    bool isNumber = false;
    const uint port = text.toUInt(&isNumber);
    if (isNumber && model->columnCount(sourceParent) > InventoryModel::CountColumn) {
        const int start = model->data(model->index(sourceRow, InventoryModel::StartColumn, sourceParent), SortRole).toInt();
        const int end = model->data(model->index(sourceRow, InventoryModel::EndColumn, sourceParent), SortRole).toInt();
        return int(port) >= start && int(port) <= end;
    }
    return false;
}

HistoryFilterProxy::HistoryFilterProxy(QObject* parent) : QSortFilterProxyModel(parent)
{
    setSortRole(SortRole);
    setDynamicSortFilter(true);
}

void HistoryFilterProxy::setText(const QString& text)
{
    if (text == m_text)
        return;
    m_text = text;
    refilter();
}

void HistoryFilterProxy::setProtocol(std::optional<Protocol> protocol)
{
    if (protocol == m_protocol)
        return;
    m_protocol = protocol;
    refilter();
}

void HistoryFilterProxy::setOutcome(std::optional<HistoryOutcome> outcome)
{
    if (outcome == m_outcome)
        return;
    m_outcome = outcome;
    refilter();
}

void HistoryFilterProxy::refilter()
{
    const QScopedValueRollback<bool> changing(m_changing, true);
    invalidateFilter();
}

void HistoryFilterProxy::fetchMore(const QModelIndex& parent)
{
    if (!m_changing)
        QSortFilterProxyModel::fetchMore(parent);
}

void HistoryFilterProxy::sort(int column, Qt::SortOrder order)
{
    const QScopedValueRollback<bool> changing(m_changing, true);
    QSortFilterProxyModel::sort(column, order);
}

bool HistoryFilterProxy::filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const
{
    const QAbstractItemModel* model = sourceModel();
    const QModelIndex first = model->index(sourceRow, 0, sourceParent);
    if (m_protocol) {
        const QVariant protocol = model->data(first, ProtocolRole);
        if (!protocol.isValid() || protocol.toInt() != int(*m_protocol))
            return false;
    }
    if (m_outcome && model->data(first, OutcomeRole).toInt() != int(*m_outcome))
        return false;
    const QString text = m_text.trimmed().toLower();
    return text.isEmpty() || model->data(first, FilterTextRole).toString().contains(text);
}

} // namespace portolan
