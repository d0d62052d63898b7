// SPDX-License-Identifier: GPL-3.0-or-later
#include "protectservice.h"

#include "model/store/store.h"

#include "platform/protect/auditjournal.h"

#include <QDateTime>
#include <QMetaObject>
#include <QThreadPool>
#include <QTimeZone>

namespace portolan {

namespace {

// The marker of an imported journal line in its audit row, which makes a second import of the
// same line a no-op.
QString journalMarker(const std::string& id)
{
    return QStringLiteral("[journal %1]").arg(QString::fromStdString(id));
}

} // namespace

ProtectService::ProtectService(std::shared_ptr<Backend> backend, Store& store, QObject* parent)
    : QObject(parent), m_backend(std::move(backend)), m_store(store), m_pool(new QThreadPool(this))
{
    m_pool->setMaxThreadCount(1); // one step after the other, in the order asked for
}

ProtectService::~ProtectService()
{
    m_pool->waitForDone();
}

void ProtectService::start(std::function<void()> job)
{
    if (m_pending++ == 0)
        emit busyChanged(true);
    m_pool->start([this, job = std::move(job)] {
        job();
        post([this] {
            if (--m_pending == 0)
                emit busyChanged(false);
        });
    });
}

void ProtectService::post(std::function<void()> emitter)
{
    QMetaObject::invokeMethod(this, std::move(emitter), Qt::QueuedConnection);
}

void ProtectService::record(const AuditRecord& entry)
{
    auto id = m_store.audit().append(entry);
    if (!id)
        return; // the step happened all the same; the history just lacks its row
    if (auto stored = m_store.audit().entry(id.value()))
        post([this, r = stored.value()] { emit auditRecorded(r); });
}

void ProtectService::plan(Protocol protocol, PortRange range)
{
    start([this, protocol, range] {
        auto made = protect::makePlan(*m_backend, protect::Request{protocol, range, {}});
        std::optional<protect::Plan> plan;
        std::optional<Error> error;
        if (made)
            plan = made.value();
        else
            error = made.error();
        post([this, plan, error] { emit planned(plan, error); });
    });
}

void ProtectService::run(Protocol protocol, PortRange range, const QString& stopService)
{
    start([this, protocol, range, service = stopService.toStdString()] {
        const Actor actor = Actor::local(*m_backend);
        const auto audit = [&](const protect::Step& step) {
            AuditRecord entry;
            entry.actor = actor;
            entry.action = AuditAction::Protect;
            entry.protocol = protocol;
            entry.start = range.start;
            entry.count = range.count;
            entry.request = QString::fromStdString(step.request);
            entry.ok = step.ok;
            entry.detail = QString::fromStdString(std::string(protect::toString(step.kind)) + ": " +
                                                  step.detail);
            entry.error = step.error;
            record(entry);
        };
        protect::Outcome outcome;
        auto made = protect::makePlan(*m_backend, protect::Request{protocol, range, service});
        if (!made) {
            protect::Step step{protect::StepKind::Plan, false, "plan", made.error().message,
                               made.error()};
            audit(step);
            outcome.steps.push_back(step);
            outcome.error = made.error();
            outcome.serviceRunning = true;
            post([this, step] { emit stepFinished(step); });
        } else {
            outcome = protect::run(*m_backend, made.value(), [&](const protect::Step& step) {
                audit(step);
                post([this, step] { emit stepFinished(step); });
            });
        }
        post([this, outcome] { emit finished(outcome); });
    });
}

void ProtectService::importJournal(const QString& path)
{
    start([this, file = path.toStdString()] {
        auto read = protect::readJournal(file, 0);
        if (!read) {
            post([this, problem = QString::fromStdString(read.error().message)] {
                emit journalImported(0, 0, problem);
            });
            return;
        }
        int imported = 0;
        for (const auto& e : read->entries) {
            AuditFilter seen;
            // One phrase of the full-text search: the marker's words in a row.
            seen.text = QLatin1Char('"') + journalMarker(e.id).mid(1).chopped(1) + QLatin1Char('"');
            if (auto count = m_store.audit().count(seen); !count || count.value() > 0)
                continue;
            AuditRecord entry;
            entry.at = QDateTime::fromSecsSinceEpoch(e.at, QTimeZone::utc());
            entry.actor =
                Actor{QString::fromStdString(e.host), QString::fromStdString(e.user), e.elevated};
            const bool protectStep = e.action.rfind("protect.", 0) == 0;
            entry.action = protectStep ? AuditAction::Protect : AuditAction::Create;
            entry.protocol = e.protocol;
            entry.start = e.range.start;
            entry.count = e.range.count;
            entry.request = QString::fromStdString(e.request);
            entry.ok = e.ok;
            entry.detail =
                QString::fromStdString(e.action.substr(protectStep ? 8 : 0) + ": " + e.detail) +
                QLatin1Char(' ') + journalMarker(e.id);
            entry.error = e.error;
            record(entry);
            ++imported;
        }
        post([this, imported, skipped = read->skipped] {
            emit journalImported(imported, skipped, {});
        });
    });
}

} // namespace portolan
