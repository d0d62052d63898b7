// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/history/pagedhistoryproxy.h"

namespace portolan::ui {

PagedHistoryProxy::PagedHistoryProxy(QObject* parent) : HistoryFilterProxy(parent) {}

void PagedHistoryProxy::setSourceModel(QAbstractItemModel* source)
{
    disconnect(m_resetConnection);
    HistoryFilterProxy::setSourceModel(source);
    if (source)
        m_resetConnection = connect(source, &QAbstractItemModel::modelReset, this,
                                    &PagedHistoryProxy::resetFetchGuard);
    resetFetchGuard();
}

bool PagedHistoryProxy::canFetchMore(const QModelIndex& parent) const
{
    return m_barren < kMaxBarrenFetches && HistoryFilterProxy::canFetchMore(parent);
}

void PagedHistoryProxy::fetchMore(const QModelIndex& parent)
{
    if (!canFetchMore(parent))
        return;
    const int before = rowCount(parent);
    HistoryFilterProxy::fetchMore(parent);
    setBarren(rowCount(parent) == before ? m_barren + 1 : 0);
}

bool PagedHistoryProxy::isPaused() const
{
    return m_barren >= kMaxBarrenFetches && sourceHasMore();
}

bool PagedHistoryProxy::isFiltering() const
{
    return protocol().has_value() || outcome().has_value();
}

bool PagedHistoryProxy::sourceHasMore() const
{
    return HistoryFilterProxy::canFetchMore({});
}

int PagedHistoryProxy::searchOlder()
{
    setBarren(0);
    const int before = rowCount();
    // Bounded by the guard: fetchMore stops after kMaxBarrenFetches barren pages.
    while (rowCount() == before && canFetchMore({}))
        fetchMore({});
    return rowCount() - before;
}

void PagedHistoryProxy::resetFetchGuard()
{
    setBarren(0);
}

void PagedHistoryProxy::setBarren(int barren)
{
    const bool wasPaused = m_barren >= kMaxBarrenFetches;
    m_barren = barren;
    const bool paused = m_barren >= kMaxBarrenFetches;
    if (paused != wasPaused)
        emit pausedChanged(paused);
}

} // namespace portolan::ui
