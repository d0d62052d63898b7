// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/itemmodels/filterproxies.h"

namespace portolan::ui {

// A HistoryFilterProxy that never pages a whole big history in for a filter that matches almost
// nothing. Whoever calls fetchMore() (a view whose last row is visible, a model tester, a
// script) gets at most kMaxBarrenFetches pages that add no visible row; then fetching pauses
// until the filter changes, the source is reset, or the user asks to search older rows
// (searchOlder), which reads at most that many pages more.
class PagedHistoryProxy : public HistoryFilterProxy
{
    Q_OBJECT

public:
    static constexpr int kMaxBarrenFetches = 5;

    explicit PagedHistoryProxy(QObject* parent = nullptr);

    void setSourceModel(QAbstractItemModel* source) override;
    bool canFetchMore(const QModelIndex& parent) const override;
    void fetchMore(const QModelIndex& parent) override;

    // True when paging stopped on barren pages while the source still has older rows.
    bool isPaused() const;
    // A protocol or outcome filter is set: rows the database returned may be hidden.
    bool isFiltering() const;
    // The source has older rows not read yet.
    bool sourceHasMore() const;
    // Reads older pages until one shows a row or kMaxBarrenFetches pages were read; returns
    // the number of rows that became visible.
    int searchOlder();
    // Forget the barren pages (call after changing the proxy's filter).
    void resetFetchGuard();

signals:
    void pausedChanged(bool paused);

private:
    void setBarren(int barren);

    int m_barren = 0;
    QMetaObject::Connection m_resetConnection;
};

} // namespace portolan::ui
