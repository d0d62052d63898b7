// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/store/records.h"

#include "platform/error.h"

#include <QAbstractTableModel>
#include <QDateTime>
#include <QList>
#include <QLocale>
#include <QScopedValueRollback>
#include <QString>
#include <QThreadPool>

#include <functional>
#include <memory>
#include <optional>
#include <utility>

namespace portolan {

// What the paged history models share that is not a template: moc cannot handle one, so the
// signal lives here.
class PagedModelBase : public QAbstractTableModel
{
    Q_OBJECT

public:
    using QAbstractTableModel::QAbstractTableModel;

signals:
    // A page could not be read: the model keeps what it had (nothing, when it was a reset)
    // and asks no further.
    void loadFailed(const portolan::Error& error);
    // The first page of setFilterInBackground() arrived (or failed); not sent for a page of
    // a filter that was changed again meanwhile.
    void backgroundFilterFinished();

protected:
    // A history's time column: local time in the locale's short date, as the inventory shows
    // it, to the second (the short time format with the seconds added).
    static QString timeText(const QDateTime& time)
    {
        const QLocale locale;
        QString timeFormat = locale.timeFormat(QLocale::ShortFormat);
        if (!timeFormat.contains(QLatin1Char('s')))
            timeFormat.replace(QStringLiteral("mm"), QStringLiteral("mm:ss"));
        return locale.toString(time.toLocalTime(), locale.dateFormat(QLocale::ShortFormat) +
                                                       QLatin1Char(' ') + timeFormat);
    }
};

// The lazy paging shared by the newest-first history models (AuditLogModel, ProbeRunModel):
// the first page when the filter is set, then one keyset window per fetchMore() — never a count
// or the whole table — and new rows slotted in at their (time, id) place. A subclass says how
// to query one page, which time orders its rows and what its columns are called. Filter has
// the fields host, ok, from and to of every history filter.
template <typename Record, typename Filter> class PagedTableModel : public PagedModelBase
{
public:
    static constexpr int kDefaultPageSize = 200;

    int rowCount(const QModelIndex& parent = {}) const override
    {
        return parent.isValid() ? 0 : int(m_rows.size());
    }

    int columnCount(const QModelIndex& parent = {}) const override
    {
        return parent.isValid() ? 0 : m_columns;
    }

    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override
    {
        if (orientation != Qt::Horizontal || role != Qt::DisplayRole || section < 0 ||
            section >= m_columns)
            return {};
        return columnTitle(section);
    }

    ~PagedTableModel() override
    {
        // The worker's query uses the model: it must end before the model does.
        if (m_pool) {
            m_pool->clear();
            m_pool->waitForDone();
        }
    }

    // While a background filter is pending the rows shown belong to the old filter: older
    // pages of the new one must not be appended to them.
    bool canFetchMore(const QModelIndex& parent) const override
    {
        return !parent.isValid() && !m_atEnd && !m_searching;
    }

    void fetchMore(const QModelIndex& parent) override
    {
        if (canFetchMore(parent))
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
    // As setFilter, but the first page is read on a thread of the model's own (with that
    // thread's database connection), so that a search of a big history never stalls the GUI:
    // the rows shown stay until the new page replaces them, and the page of a filter that has
    // been changed again meanwhile is dropped.
    void setFilterInBackground(const Filter& filter)
    {
        m_filter = filter;
        const quint64 generation = ++m_generation;
        m_searching = true;
        if (!m_pool) {
            m_pool = new QThreadPool(this);
            m_pool->setMaxThreadCount(1);
        }
        m_pool->clear(); // a search not started yet is not wanted any more
        m_pool->start([this, query = m_query, filter, limit = m_pageSize, generation] {
            auto page = std::make_shared<Result<QList<Record>>>(query(filter, limit, std::nullopt));
            QMetaObject::invokeMethod(
                this, [this, page, generation] { finishBackground(generation, std::move(*page)); },
                Qt::QueuedConnection);
        });
    }
    // A setFilterInBackground() page has not arrived yet.
    bool isSearching() const { return m_searching; }
    // Resets and loads the first page again.
    void reload() { loadPage(true); }

    const Record& record(int row) const { return m_rows.at(row); }

protected:
    // One window of at most `limit` rows of the filter, newest first, strictly older than
    // `before` when given.
    using PageQuery =
        std::function<Result<QList<Record>>(const Filter&, int limit, std::optional<PageKey>)>;

    // time: the record's time that, with its id, orders the rows (newest first).
    PagedTableModel(int columns, QDateTime Record::*time, PageQuery query, QObject* parent)
        : PagedModelBase(parent), m_columns(columns), m_time(time), m_query(std::move(query))
    {
    }

    virtual QString columnTitle(int column) const = 0;

    // The checks every history filter makes: host, result and time window.
    bool matchesCommon(const QString& host, bool ok, const QDateTime& time) const
    {
        if (!m_filter.host.isEmpty() && host != m_filter.host)
            return false;
        if (m_filter.ok && ok != *m_filter.ok)
            return false;
        if (m_filter.from.isValid() && time < m_filter.from)
            return false;
        return !m_filter.to.isValid() || time < m_filter.to;
    }

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
        if (reset) { // a background page still on its way is out of date
            ++m_generation;
            m_searching = false;
        }
        std::optional<PageKey> before;
        if (!reset && !m_rows.isEmpty())
            before = pageKey(m_rows.last());
        applyPage(reset, m_query(m_filter, m_pageSize, before));
    }

    void finishBackground(quint64 generation, Result<QList<Record>> page)
    {
        if (generation != m_generation)
            return;
        m_searching = false;
        applyPage(true, std::move(page));
        emit backgroundFilterFinished();
    }

    void applyPage(bool reset, Result<QList<Record>> page)
    {
        if (m_changing)
            return;
        const QScopedValueRollback<bool> changing(m_changing, true);
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
            emit loadFailed(page.error());
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
    PageKey pageKey(const Record& record) const { return PageKey{record.*m_time, record.id}; }

    static bool isNewer(const PageKey& a, const PageKey& b)
    {
        return a.time > b.time || (a.time == b.time && a.id > b.id);
    }

    const int m_columns;
    QDateTime Record::*m_time;
    PageQuery m_query;
    Filter m_filter;
    int m_pageSize = kDefaultPageSize;
    QList<Record> m_rows;
    bool m_atEnd = false;
    // Set while rows are being inserted or reset: a fetchMore() called from a slot connected to
    // those signals (QAbstractItemModelTester does this) must not start a nested change.
    bool m_changing = false;
    QThreadPool* m_pool = nullptr; // made by the first background filter
    quint64 m_generation = 0;      // of the newest reset asked for
    bool m_searching = false;
};

} // namespace portolan
