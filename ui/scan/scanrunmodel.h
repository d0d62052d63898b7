// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "platform/backend.h"

#include <QAbstractTableModel>
#include <QIcon>

#include <array>
#include <vector>

namespace portolan::ui {

// The runs of one scan (free / in use / forbidden / other) as a flat table. Free runs can be
// hidden: what an administrator looks for is what is NOT free.
class ScanRunModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column : int
    {
        PortsColumn,   // "2869–3368"
        CountColumn,   // 500
        OutcomeColumn, // "forbidden"
        CodeColumn,    // "WSAEACCES (10013)"
        HolderColumn,  // "Windows NAT (WinNAT)", "node.exe (pid 14236)"
        ColumnCount
    };
    Q_ENUM(Column)

    enum Role : int
    {
        OutcomeRole = Qt::UserRole + 1, // int(BindOutcome)
        FirstPortRole,                  // int
        LastPortRole,                   // int
    };

    explicit ScanRunModel(QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    void setRuns(std::vector<ScanRun> runs);
    // Runs of a scan still going, in port order; one that continues the last row extends it.
    void appendRuns(const std::vector<ScanRun>& runs);
    void clear();
    const std::vector<ScanRun>& runs() const { return m_runs; } // all, free ones included
    // The run shown in a row (after hiding free runs).
    const ScanRun& run(int row) const { return m_runs.at(m_shown.at(std::size_t(row))); }

    bool hideFree() const { return m_hideFree; }
    void setHideFree(bool hide);

    // Who holds the run's ports, or the wildcard listener that shadows a free specific bind.
    static QString holderText(const ScanRun& run);

private:
    void rebuild();

    std::vector<ScanRun> m_runs;
    std::vector<std::size_t> m_shown; // indices into m_runs
    bool m_hideFree = false;
    std::array<QIcon, 5> m_icons; // one per BindOutcome
};

} // namespace portolan::ui
