// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/scan/scanrunmodel.h"

#include "ui/probes/probetext.h"

#include "model/services/explanations.h"

namespace portolan::ui {

ScanRunModel::ScanRunModel(QObject* parent) : QAbstractTableModel(parent)
{
    for (BindOutcome outcome : {BindOutcome::Free, BindOutcome::InUse, BindOutcome::Denied,
                                BindOutcome::Forbidden, BindOutcome::Other})
        m_icons[std::size_t(outcome)] = ProbeText::outcomeIcon(outcome);
}

int ScanRunModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_shown.size());
}

int ScanRunModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString ScanRunModel::holderText(const ScanRun& run)
{
    if (!run.holder.empty())
        return QString::fromStdString(run.holder.describe());
    if (!run.shadowedBy.empty())
        return tr("free here; %1 on %2 takes the port's other addresses")
            .arg(QString::fromStdString(run.shadowedBy.describe()),
                 QString::fromStdString(run.shadowedBy.address));
    return {};
}

QVariant ScanRunModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const ScanRun& r = run(index.row());
    const quint32 ports = quint32(r.last) - r.first + 1;
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case PortsColumn:
            return ProbeText::spanText(r.first, r.last);
        case CountColumn:
            return ProbeText::countText(ports);
        case OutcomeColumn:
            return Explanations::outcomeName(r.outcome);
        case CodeColumn:
            return ProbeText::codeText(r.codeName, r.code);
        case HolderColumn:
            return holderText(r);
        }
        break;
    case Qt::ToolTipRole:
        if (index.column() == OutcomeColumn || index.column() == CodeColumn)
            return Explanations::forOutcome(r.outcome, r.code);
        if (index.column() == HolderColumn && !holderText(r).isEmpty())
            return holderText(r);
        break;
    case Qt::DecorationRole:
        if (index.column() == OutcomeColumn)
            return m_icons[std::size_t(r.outcome)];
        break;
    case Qt::TextAlignmentRole:
        if (index.column() == CountColumn)
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        break;
    case OutcomeRole:
        return int(r.outcome);
    case FirstPortRole:
        return int(r.first);
    case LastPortRole:
        return int(r.last);
    }
    return {};
}

QVariant ScanRunModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case PortsColumn:
        return tr("Ports");
    case CountColumn:
        return tr("Count");
    case OutcomeColumn:
        return tr("Outcome");
    case CodeColumn:
        return tr("Code");
    case HolderColumn:
        return tr("Held by");
    }
    return {};
}

void ScanRunModel::setRuns(std::vector<ScanRun> runs)
{
    beginResetModel();
    m_runs = std::move(runs);
    rebuild();
    endResetModel();
}

void ScanRunModel::appendRuns(const std::vector<ScanRun>& runs)
{
    for (const ScanRun& run : runs) {
        if (!m_runs.empty()) {
            ScanRun& last = m_runs.back();
            if (last.last + 1 == run.first && last.outcome == run.outcome &&
                last.code == run.code && last.codeName == run.codeName &&
                last.holder == run.holder && last.shadowedBy == run.shadowedBy) {
                last.last = run.last;
                if (!m_shown.empty() && m_shown.back() == m_runs.size() - 1) {
                    const int row = int(m_shown.size()) - 1;
                    emit dataChanged(index(row, PortsColumn), index(row, CountColumn));
                }
                continue;
            }
        }
        m_runs.push_back(run);
        if (!m_hideFree || run.outcome != BindOutcome::Free) {
            const int row = int(m_shown.size());
            beginInsertRows({}, row, row);
            m_shown.push_back(m_runs.size() - 1);
            endInsertRows();
        }
    }
}

void ScanRunModel::clear()
{
    setRuns({});
}

void ScanRunModel::setHideFree(bool hide)
{
    if (hide == m_hideFree)
        return;
    beginResetModel();
    m_hideFree = hide;
    rebuild();
    endResetModel();
}

void ScanRunModel::rebuild()
{
    m_shown.clear();
    m_shown.reserve(m_runs.size());
    for (std::size_t i = 0; i < m_runs.size(); ++i)
        if (!m_hideFree || m_runs[i].outcome != BindOutcome::Free)
            m_shown.push_back(i);
}

} // namespace portolan::ui
