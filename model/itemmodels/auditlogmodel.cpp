// SPDX-License-Identifier: GPL-3.0-or-later
#include "model/itemmodels/auditlogmodel.h"

#include "model/itemmodels/languagefollower.h"
#include "model/services/explanations.h"
#include "model/services/reservationservice.h"
#include "model/services/runtext.h"
#include "model/store/store.h"

namespace portolan {
namespace {

QString qs(const std::string& text)
{
    return QString::fromStdString(text);
}

} // namespace

AuditLogModel::AuditLogModel(Store& store, QObject* parent)
    : PagedTableModel(
          ColumnCount, &AuditRecord::at,
          [&store](const AuditFilter& filter, int limit, std::optional<PageKey> before) {
              return store.audit().entries(filter, limit, before);
          },
          parent)
{
    new LanguageFollower(this);
    loadPage(true);
}

void AuditLogModel::attach(ReservationService* service)
{
    connect(service, &ReservationService::auditRecorded, this, &AuditLogModel::prepend);
}

QVariant AuditLogModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const AuditRecord& r = record(index.row());
    const int column = index.column();
    const PortRange range{r.start, r.count};
    switch (role) {
    case Qt::DisplayRole:
        switch (column) {
        case TimeColumn:
            return timeText(r.at);
        case HostColumn:
            return r.actor.host;
        case UserColumn:
            return r.actor.elevated ? tr("%1 (elevated)").arg(r.actor.user) : r.actor.user;
        case ActionColumn:
            return Explanations::actionName(r.action);
        case ProtocolColumn:
            return Explanations::protocolName(r.protocol);
        case RangeColumn:
            return Explanations::rangeText(range);
        case ResultColumn:
            return r.ok ? tr("ok") : tr("failed");
        case TokenColumn:
            return r.token ? Explanations::tokenText(r.token) : QString();
        case ErrorColumn:
            return r.error ? RunText::codeText(*r.error) : QString();
        case MessageColumn:
            if (r.error && !r.error->message.empty())
                return qs(r.error->message);
            return r.detail;
        case RequestColumn:
            return RunText::auditRequest(r);
        }
        return {};
    case Qt::ToolTipRole:
        if (column == ErrorColumn || column == MessageColumn || column == ResultColumn) {
            if (!r.error)
                return r.detail.isEmpty() ? QVariant() : QVariant(r.detail);
            QString text = Explanations::errorLine(*r.error);
            if (QString why = Explanations::forError(*r.error); !why.isEmpty())
                text += QLatin1Char('\n') + why;
            return text;
        }
        if (column == RequestColumn)
            return RunText::auditRequest(r);
        if (column == TimeColumn)
            return r.at.toString(Qt::ISODateWithMs);
        return {};
    case Qt::TextAlignmentRole:
        if (column == RangeColumn || column == TokenColumn)
            return QVariant::fromValue(Qt::Alignment(Qt::AlignRight | Qt::AlignVCenter));
        return QVariant::fromValue(Qt::Alignment(Qt::AlignLeft | Qt::AlignVCenter));
    case RecordIdRole:
        return r.id;
    case RecordRole:
        return QVariant::fromValue(r);
    case SortRole:
        switch (column) {
        case TimeColumn:
            return r.at;
        case HostColumn:
            return r.actor.host;
        case UserColumn:
            return r.actor.user;
        case ActionColumn:
            return int(r.action);
        case ProtocolColumn:
            return int(r.protocol);
        case RangeColumn:
            return int(r.start) * 65536 + r.count;
        case ResultColumn:
            return r.ok;
        case TokenColumn:
            return r.token;
        case ErrorColumn:
            return r.error ? r.error->code : qint64(0);
        case MessageColumn:
            return data(index, Qt::DisplayRole);
        case RequestColumn:
            return r.request;
        }
        return {};
    case ProtocolRole:
        return int(r.protocol);
    case OutcomeRole:
        return int(r.ok ? HistoryOutcome::Ok : HistoryOutcome::Failed);
    case FilterTextRole: {
        QStringList parts{r.actor.host,
                          r.actor.user,
                          Explanations::actionName(r.action),
                          Explanations::rangeText(range),
                          r.request,
                          RunText::auditRequest(r),
                          r.detail};
        if (r.error)
            parts << qs(r.error->name) << qs(r.error->message);
        return parts.join(QLatin1Char(' ')).toLower();
    }
    case ToneRole:
        return r.ok ? QStringLiteral("ok") : QStringLiteral("error");
    default:
        return {};
    }
}

QString AuditLogModel::columnTitle(int column) const
{
    switch (column) {
    case TimeColumn:
        return tr("Time");
    case HostColumn:
        return tr("Host");
    case UserColumn:
        return tr("User");
    case ActionColumn:
        return tr("Action");
    case ProtocolColumn:
        return tr("Protocol");
    case RangeColumn:
        return tr("Ports");
    case ResultColumn:
        return tr("Result");
    case TokenColumn:
        return tr("Token");
    case ErrorColumn:
        return tr("Error");
    case MessageColumn:
        return tr("Message");
    case RequestColumn:
        return tr("Request");
    }
    return {};
}

bool AuditLogModel::matches(const AuditRecord& r) const
{
    const AuditFilter& f = filter();
    if (!matchesCommon(r.actor.host, r.ok, r.at) || (f.action && r.action != *f.action))
        return false;
    if (!f.text.isEmpty()) {
        const bool found = r.request.contains(f.text, Qt::CaseInsensitive) ||
                           r.detail.contains(f.text, Qt::CaseInsensitive) ||
                           (r.error && qs(r.error->message).contains(f.text, Qt::CaseInsensitive));
        if (!found)
            return false;
    }
    return true;
}

void AuditLogModel::prepend(const AuditRecord& record)
{
    if (matches(record) && rowOf(record.id) < 0)
        insertByKey(record);
}

} // namespace portolan
