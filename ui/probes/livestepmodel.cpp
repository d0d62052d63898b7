// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/probes/livestepmodel.h"

#include "ui/probes/probetext.h"

#include "model/itemmodels/languagefollower.h"
#include "model/services/explanations.h"
#include "model/services/runtext.h"

namespace portolan::ui {
namespace {

// What a step that succeeded did, in one line (the explanation of an ok step).
QString stepPurpose(StepKind kind)
{
    switch (kind) {
    case StepKind::OpenSocket:
        return LiveStepModel::tr("socket(): a socket of the given family, type and protocol.");
    case StepKind::Acquire:
        return LiveStepModel::tr(
            "SIO_ACQUIRE_PORT_RESERVATION: a runtime block that lives as long as the socket.");
    case StepKind::Lookup:
        return LiveStepModel::tr(
            "LookupPersistentTcpPortReservation: the token of the persistent block.");
    case StepKind::Associate:
        return LiveStepModel::tr(
            "SIO_ASSOCIATE_PORT_RESERVATION: the next bind to port 0 takes a port of the block.");
    case StepKind::Bind:
        return LiveStepModel::tr("bind(): the system picked a port of the associated block.");
    case StepKind::GetSockName:
        return LiveStepModel::tr("getsockname(): the port the socket is bound to.");
    case StepKind::Release:
        return LiveStepModel::tr("SIO_RELEASE_PORT_RESERVATION: the block is given back.");
    case StepKind::Close:
        return LiveStepModel::tr("closesocket(): the socket is closed.");
    case StepKind::BindProbe:
        return LiveStepModel::tr("bind() on a fresh socket, closed again.");
    case StepKind::ScanRun:
        return {};
    }
    return {};
}

} // namespace

LiveStepModel::LiveStepModel(QObject* parent) : QAbstractTableModel(parent)
{
    for (BindOutcome outcome : {BindOutcome::Free, BindOutcome::InUse, BindOutcome::Denied,
                                BindOutcome::Forbidden, BindOutcome::Other})
        m_icons[std::size_t(outcome)] = ProbeText::outcomeIcon(outcome);
    m_okIcon = ProbeText::squareIcon(ProbeText::okColor());
    new LanguageFollower(this);
}

int LiveStepModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_steps.size());
}

int LiveStepModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant LiveStepModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const ProbeStepRecord& s = m_steps.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case StepColumn:
            return tr("%1. %2").arg(index.row() + 1).arg(Explanations::stepKindName(s.kind));
        case ResultColumn:
            if (s.outcome)
                return Explanations::outcomeName(*s.outcome);
            return s.ok ? tr("ok") : tr("error");
        case CodeColumn:
            return ProbeText::codeText(s.error);
        case ExplanationColumn: {
            const QString explanation = Explanations::forStep(s);
            return explanation.isEmpty() && s.ok ? stepPurpose(s.kind) : explanation;
        }
        case DurationColumn:
            return RunText::durationText(s.durationUs, s.kind != StepKind::ScanRun);
        case DetailColumn: {
            const QString detail = RunText::stepDetail(s, m_run);
            // A plan's failed step names its holder in the detail already.
            if (!s.holder.isEmpty() &&
                (s.kind == StepKind::BindProbe || s.kind == StepKind::ScanRun))
                return tr("%1 — held by %2").arg(detail, s.holder);
            return detail;
        }
        }
        break;
    case Qt::ToolTipRole:
        if (index.column() == ExplanationColumn || index.column() == CodeColumn)
            return s.error ? Explanations::errorLine(*s.error) : Explanations::forStep(s);
        if (index.column() == DetailColumn)
            return data(index, Qt::DisplayRole);
        break;
    case Qt::DecorationRole:
        if (index.column() == ResultColumn) {
            if (s.outcome) // a bind probe: the port map's colour of its outcome
                return m_icons[std::size_t(*s.outcome)];
            // A failed call is drawn like a refused bind: the colour of "forbidden".
            return s.ok ? m_okIcon : m_icons[std::size_t(BindOutcome::Forbidden)];
        }
        break;
    case Qt::TextAlignmentRole:
        if (index.column() == DurationColumn)
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        break;
    case OkRole:
        return s.ok;
    case StepKindRole:
        return int(s.kind);
    case CodeRole:
        return s.error ? qint64(s.error->code) : qint64(0);
    }
    return {};
}

QVariant LiveStepModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case StepColumn:
        return tr("Step");
    case ResultColumn:
        return tr("Result");
    case CodeColumn:
        return tr("Code");
    case ExplanationColumn:
        return tr("Explanation");
    case DurationColumn:
        return tr("Duration");
    case DetailColumn:
        return tr("Detail");
    }
    return {};
}

void LiveStepModel::clear()
{
    m_run = ProbeRunRecord{};
    if (m_steps.isEmpty())
        return;
    beginResetModel();
    m_steps.clear();
    endResetModel();
}

void LiveStepModel::append(const ProbeStepRecord& step)
{
    const int row = int(m_steps.size());
    beginInsertRows({}, row, row);
    m_steps.append(step);
    endInsertRows();
}

void LiveStepModel::setRun(const ProbeRunRecord& run)
{
    beginResetModel();
    m_steps = run.steps;
    m_run = run;
    m_run.steps.clear();
    endResetModel();
}

} // namespace portolan::ui
