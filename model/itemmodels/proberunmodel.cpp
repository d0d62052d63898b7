// SPDX-License-Identifier: GPL-3.0-or-later
#include "model/itemmodels/proberunmodel.h"

#include "model/itemmodels/languagefollower.h"
#include "model/services/explanations.h"
#include "model/services/probeservice.h"
#include "model/services/runtext.h"
#include "model/store/store.h"

namespace portolan {
namespace {

HistoryOutcome outcomeOf(const ProbeRunRecord& r)
{
    if (r.cancelled)
        return HistoryOutcome::Cancelled;
    return r.ok ? HistoryOutcome::Ok : HistoryOutcome::Failed;
}

} // namespace

ProbeRunModel::ProbeRunModel(Store& store, QObject* parent)
    : PagedTableModel(
          ColumnCount, &ProbeRunRecord::startedAt,
          [&store](const ProbeRunFilter& filter, int limit, std::optional<PageKey> before) {
              return store.probeRuns().runs(filter, limit, before);
          },
          parent)
{
    new LanguageFollower(this);
    loadPage(true);
}

void ProbeRunModel::attach(ProbeService* service)
{
    connect(service, &ProbeService::finished, this, [this](OperationId, const ProbeRunRecord& run) {
        if (run.id != 0)
            prepend(run);
    });
}

QVariant ProbeRunModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const ProbeRunRecord& r = record(index.row());
    const int column = index.column();
    switch (role) {
    case Qt::DisplayRole:
        switch (column) {
        case StartedColumn:
            return timeText(r.startedAt);
        case HostColumn:
            return r.actor.host;
        case KindColumn:
            return Explanations::probeKindName(r.kind);
        case ProtocolColumn:
            return Explanations::protocolName(r.protocol);
        case RequestedColumn:
            if (r.kind == ProbeKind::Scan || r.kind == ProbeKind::BindProbe)
                return r.address.isEmpty()
                           ? Explanations::rangeText(r.requested)
                           : tr("%1 on %2").arg(Explanations::rangeText(r.requested), r.address);
            return Explanations::rangeText(r.requested);
        case ResultColumn:
            switch (outcomeOf(r)) {
            case HistoryOutcome::Ok:
                return tr("ok");
            case HistoryOutcome::Failed:
                return tr("failed");
            case HistoryOutcome::Cancelled:
                return tr("cancelled");
            }
            return {};
        case GrantedColumn:
            // A failed run granted nothing, even when a lookup found its block first.
            if (!r.ok)
                return QString();
            if (r.allocatedPort)
                return tr("port %1").arg(*r.allocatedPort);
            return r.granted.count ? Explanations::rangeText(r.granted) : QString();
        case TokenColumn:
            return r.token ? Explanations::tokenText(r.token) : QString();
        case DurationColumn:
            return RunText::durationText(r.durationUs);
        case StepsColumn:
            return r.stepCount;
        case SummaryColumn:
            return RunText::summary(r);
        case RunColumn:
            return r.id;
        }
        return {};
    case Qt::ToolTipRole:
        if (column == RunColumn)
            return tr("Run %1").arg(r.id);
        if (column == SummaryColumn || column == ResultColumn)
            return RunText::summary(r);
        if (column == StartedColumn)
            return r.startedAt.toString(Qt::ISODateWithMs);
        return {};
    case Qt::TextAlignmentRole:
        if (column == StepsColumn || column == DurationColumn || column == TokenColumn ||
            column == RunColumn)
            return QVariant::fromValue(Qt::Alignment(Qt::AlignRight | Qt::AlignVCenter));
        return QVariant::fromValue(Qt::Alignment(Qt::AlignLeft | Qt::AlignVCenter));
    case RecordIdRole:
        return r.id;
    case RecordRole:
        return QVariant::fromValue(r);
    case SortRole:
        switch (column) {
        case StartedColumn:
            return r.startedAt;
        case HostColumn:
            return r.actor.host;
        case KindColumn:
            return int(r.kind);
        case ProtocolColumn:
            return int(r.protocol);
        case RequestedColumn:
            return int(r.requested.start) * 65536 + r.requested.count;
        case ResultColumn:
            return int(outcomeOf(r));
        case GrantedColumn:
            return r.allocatedPort ? int(*r.allocatedPort) : int(r.granted.start);
        case TokenColumn:
            return r.token;
        case DurationColumn:
            return r.durationUs;
        case StepsColumn:
            return r.stepCount;
        case SummaryColumn:
            return RunText::summary(r);
        case RunColumn:
            return r.id;
        }
        return {};
    case ProtocolRole:
        return int(r.protocol);
    case OutcomeRole:
        return int(outcomeOf(r));
    case FilterTextRole:
        return QStringList{r.actor.host,   r.actor.user,       Explanations::probeKindName(r.kind),
                           toText(r.kind), r.address,          Explanations::rangeText(r.requested),
                           r.summary,      RunText::summary(r)}
            .join(QLatin1Char(' '))
            .toLower();
    case ToneRole:
        switch (outcomeOf(r)) {
        case HistoryOutcome::Ok:
            return QStringLiteral("ok");
        case HistoryOutcome::Failed:
            return QStringLiteral("error");
        case HistoryOutcome::Cancelled:
            return QStringLiteral("muted");
        }
        return {};
    default:
        return {};
    }
}

QString ProbeRunModel::columnTitle(int column) const
{
    switch (column) {
    case StartedColumn:
        return tr("Started");
    case HostColumn:
        return tr("Host");
    case KindColumn:
        return tr("Probe");
    case ProtocolColumn:
        return tr("Protocol");
    case RequestedColumn:
        return tr("Requested");
    case ResultColumn:
        return tr("Result");
    case GrantedColumn:
        return tr("Granted");
    case TokenColumn:
        return tr("Token");
    case DurationColumn:
        return tr("Duration");
    case StepsColumn:
        return tr("Steps");
    case SummaryColumn:
        return tr("Summary");
    case RunColumn:
        return tr("Run");
    }
    return {};
}

bool ProbeRunModel::matches(const ProbeRunRecord& r) const
{
    const ProbeRunFilter& f = filter();
    if (!matchesCommon(r.actor.host, r.ok, r.startedAt) || (f.kind && r.kind != *f.kind))
        return false;
    if (!f.text.isEmpty() && !r.summary.contains(f.text, Qt::CaseInsensitive) &&
        !r.address.contains(f.text, Qt::CaseInsensitive))
        return false;
    return true;
}

void ProbeRunModel::prepend(const ProbeRunRecord& run)
{
    if (run.id == 0 || !matches(run) || rowOf(run.id) >= 0)
        return;
    ProbeRunRecord shown = run;
    shown.stepCount = int(run.steps.size()) > 0 ? int(run.steps.size()) : run.stepCount;
    if (!run.steps.isEmpty())
        shown.digest = digestOf(run.steps);
    shown.steps.clear();
    insertByKey(std::move(shown));
}

} // namespace portolan
