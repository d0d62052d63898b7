// SPDX-License-Identifier: GPL-3.0-or-later
#include "model/itemmodels/probestepmodel.h"

#include "model/services/explanations.h"
#include "model/itemmodels/languagefollower.h"
#include "model/services/probeservice.h"
#include "model/services/runtext.h"
#include "model/store/store.h"

namespace portolan {
namespace {

QString portsText(const ProbeStepRecord& s)
{
    if (s.firstPort == 0 && s.lastPort == 0)
        return {};
    if (s.firstPort == s.lastPort)
        return QString::number(s.firstPort);
    return QStringLiteral("%1–%2").arg(s.firstPort).arg(s.lastPort);
}

} // namespace

ProbeStepModel::ProbeStepModel(Store& store, QObject* parent)
    : QAbstractTableModel(parent), m_store(store)
{
    new LanguageFollower(this);
}

void ProbeStepModel::attach(ProbeService* service)
{
    connect(service, &ProbeService::started, this,
            [this](OperationId, ProbeKind kind) { startRun(kind); });
    connect(service, &ProbeService::stepFinished, this,
            [this](OperationId, const ProbeStepRecord& step) { appendStep(step); });
    connect(service, &ProbeService::finished, this,
            [this](OperationId, const ProbeRunRecord& run) { setRun(run); });
}

int ProbeStepModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_steps.size());
}

int ProbeStepModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ProbeStepModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const ProbeStepRecord& s = m_steps.at(index.row());
    const int column = index.column();
    switch (role) {
    case Qt::DisplayRole:
        switch (column) {
        case SeqColumn: return s.seq + 1;
        case StepColumn: return Explanations::stepKindName(s.kind);
        case ResultColumn:
            if (s.outcome)
                return Explanations::outcomeName(*s.outcome);
            return s.ok ? tr("ok") : tr("failed");
        case PortsColumn: return portsText(s);
        case CodeColumn:
            if (!s.error)
                return QString();
            if (!s.error->name.empty())
                return QStringLiteral("%1 (%2)").arg(QString::fromStdString(s.error->name)).arg(s.error->code);
            return s.error->code ? QString::number(s.error->code) : Explanations::kindName(s.error->kind);
        case DurationColumn: return RunText::durationText(s.durationUs, s.kind != StepKind::ScanRun);
        case DetailColumn: return RunText::stepDetail(s, m_run);
        case ExplanationColumn: return Explanations::forStep(s);
        }
        return {};
    case Qt::ToolTipRole: {
        QString text = Explanations::forStep(s);
        if (s.error && !s.error->message.empty())
            text = text.isEmpty() ? QString::fromStdString(s.error->message)
                                  : text + QLatin1Char('\n') + QString::fromStdString(s.error->message);
        if (!s.holder.isEmpty())
            text += (text.isEmpty() ? QString() : QStringLiteral("\n")) + tr("Held by %1").arg(s.holder);
        return text.isEmpty() ? QVariant() : QVariant(text);
    }
    case Qt::TextAlignmentRole:
        if (column == SeqColumn || column == DurationColumn || column == PortsColumn)
            return QVariant::fromValue(Qt::Alignment(Qt::AlignRight | Qt::AlignVCenter));
        return QVariant::fromValue(Qt::Alignment(Qt::AlignLeft | Qt::AlignVCenter));
    case RecordIdRole: return qint64(s.seq);
    case RecordRole: return QVariant::fromValue(s);
    case SortRole:
        switch (column) {
        case SeqColumn: return s.seq;
        case StepColumn: return int(s.kind);
        case ResultColumn: return s.outcome ? int(*s.outcome) : (s.ok ? 0 : 3);
        case PortsColumn: return int(s.firstPort);
        case CodeColumn: return s.error ? s.error->code : qint64(0);
        case DurationColumn: return s.durationUs;
        default: return data(index, Qt::DisplayRole);
        }
    case OutcomeRole: return int(s.ok ? HistoryOutcome::Ok : HistoryOutcome::Failed);
    case FilterTextRole:
        return QStringList{Explanations::stepKindName(s.kind), portsText(s), s.detail,
                           RunText::stepDetail(s, m_run), s.holder}
            .join(QLatin1Char(' '))
            .toLower();
    case ToneRole:
        if (s.ok)
            return QStringLiteral("ok");
        if (s.outcome == BindOutcome::InUse)
            return QStringLiteral("warning");
        return QStringLiteral("error");
    default:
        return {};
    }
}

QVariant ProbeStepModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole || section < 0
        || section >= ColumnCount)
        return {};
    switch (section) {
    case SeqColumn: return tr("#");
    case StepColumn: return tr("Step");
    case ResultColumn: return tr("Result");
    case PortsColumn: return tr("Ports");
    case CodeColumn: return tr("Code");
    case DurationColumn: return tr("Duration");
    case DetailColumn: return tr("Detail");
    case ExplanationColumn: return tr("Meaning");
    }
    return {};
}

Result<void> ProbeStepModel::load(qint64 runId)
{
    auto run = m_store.probeRuns().run(runId);
    if (!run) {
        clear();
        return run.error();
    }
    setRun(run.value());
    return {};
}

void ProbeStepModel::setRun(const ProbeRunRecord& run)
{
    beginResetModel();
    m_runId = run.id;
    m_run = run;
    m_run.steps.clear();
    m_steps = run.steps;
    endResetModel();
}

void ProbeStepModel::clear()
{
    m_run = ProbeRunRecord{};
    if (m_steps.isEmpty() && m_runId == 0)
        return;
    beginResetModel();
    m_runId = 0;
    m_steps.clear();
    endResetModel();
}

void ProbeStepModel::startRun(ProbeKind kind)
{
    clear();
    m_run.kind = kind;
}

void ProbeStepModel::appendStep(const ProbeStepRecord& step)
{
    const int at = int(m_steps.size());
    beginInsertRows({}, at, at);
    m_steps.append(step);
    if (m_steps.last().seq != at)
        m_steps.last().seq = at;
    endInsertRows();
}

} // namespace portolan
