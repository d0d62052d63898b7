#pragma once

#include "model/store/records.h"

#include "platform/error.h"

#include <QAbstractTableModel>
#include <QList>
#include <QScopedValueRollback>

#include <optional>
#include <utility>

namespace portolan {

// The lazy paging shared by the newest-first history models (AuditLogModel, ProbeRunModel):
// the first page when the filter is set, then one keyset window per fetchMore() — never a count
// or the whole table — and new rows slotted in at their (time, id) place. A subclass says how
// to query one page, what a row's key is and how to report a failed load (its own signal).
// Not a QObject itself (moc cannot handle templates); the subclasses are.
template <typename Record, typename Filter>
class PagedTableModel : public QAbstractTableModel
{
public:
    static constexpr int kDefaultPageSize = 200;

    int rowCount(const QModelIndex& parent = {}) const override
    {
        return parent.isValid() ? 0 : int(m_rows.size());
    }

    bool canFetchMore(const QModelIndex& parent) const override
    {
        return !parent.isValid() && !m_atEnd;
    }

    void fetchMore(const QModelIndex& parent) override
    {
        if (!parent.isValid() && !m_atEnd)
            loadPage(false);
    }

    int pageSize() const { return m_pageSize; }
    void setPageSize(int rows) { m_pageSize = qMax(1, rows); }
    const Filter& filter() const { return m_filter; }
    // Resets the model and loads the first page of the new filter.
    void setFilter(const Filter& filter)
    {
        m_filter = filter;
        loadPage(true);
    }
    // Resets and loads the first page again.
    void reload() { loadPage(true); }

    const Record& record(int row) const { return m_rows.at(row); }

protected:
    using QAbstractTableModel::QAbstractTableModel;

    // One window of at most `limit` rows of the filter, newest first, strictly older than
    // `before` when given.
    virtual Result<QList<Record>> queryPage(const Filter& filter, int limit,
                                            std::optional<PageKey> before) = 0;
    virtual PageKey pageKey(const Record& record) const = 0;
    virtual void reportLoadFailure(const Error& error) = 0;

    int rowOf(qint64 id) const
    {
        for (int i = 0; i < m_rows.size(); ++i) {
            if (m_rows.at(i).id == id)
                return i;
        }
        return -1;
    }

    void loadPage(bool reset)
    {
        if (m_changing)
            return;
        const QScopedValueRollback<bool> changing(m_changing, true);
        std::optional<PageKey> before;
        if (!reset && !m_rows.isEmpty())
            before = pageKey(m_rows.last());
        auto page = queryPage(m_filter, m_pageSize, before);
        if (!page) {
            // Stop asking: a view would call fetchMore again and again.
            if (reset) {
                beginResetModel();
                m_rows.clear();
                m_atEnd = true;
                endResetModel();
            } else {
                m_atEnd = true;
            }
            reportLoadFailure(page.error());
            return;
        }
        QList<Record> rows = std::move(page).value();
        const bool atEnd = rows.size() < m_pageSize;
        if (reset) {
            beginResetModel();
            m_rows = std::move(rows);
            m_atEnd = atEnd;
            endResetModel();
            return;
        }
        m_atEnd = atEnd;
        if (rows.isEmpty())
            return;
        const int first = int(m_rows.size());
        beginInsertRows({}, first, first + int(rows.size()) - 1);
        m_rows.append(rows);
        endInsertRows();
    }

    // Puts a row (already checked against the filter and not shown yet) at its newest-first
    // place, normally the top.
    void insertByKey(Record record)
    {
        const PageKey key = pageKey(record);
        int at = 0;
        while (at < m_rows.size() && isNewer(pageKey(m_rows.at(at)), key))
            ++at;
        if (at == m_rows.size() && !m_atEnd)
            return; // older than everything loaded: a later page will bring it
        if (m_changing)
            return;
        const QScopedValueRollback<bool> changing(m_changing, true);
        beginInsertRows({}, at, at);
        m_rows.insert(at, std::move(record));
        endInsertRows();
    }

private:
    static bool isNewer(const PageKey& a, const PageKey& b)
    {
        return a.time > b.time || (a.time == b.time && a.id > b.id);
    }

    Filter m_filter;
    int m_pageSize = kDefaultPageSize;
    QList<Record> m_rows;
    bool m_atEnd = false;
    // Set while rows are being inserted or reset: a fetchMore() called from a slot connected to
    // those signals (QAbstractItemModelTester does this) must not start a nested change.
    bool m_changing = false;
};

} // namespace portolan
