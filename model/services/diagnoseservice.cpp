// SPDX-License-Identifier: GPL-3.0-or-later
#include "model/services/diagnoseservice.h"

#include "model/store/store.h"

#include "platform/dynamicrange.h"

#include <QMetaObject>
#include <QThreadPool>

namespace portolan {

template <typename F> void DiagnoseService::Job::post(F&& f) const
{
    QMetaObject::invokeMethod(service, std::forward<F>(f), Qt::QueuedConnection);
}

DiagnoseService::DiagnoseService(std::shared_ptr<Backend> backend, Store* store, QObject* parent)
    : QObject(parent), m_backend(std::move(backend)), m_store(store), m_pool(new QThreadPool(this)),
      m_stop(std::make_shared<std::stop_source>())
{
    m_pool->setMaxThreadCount(1);
}

DiagnoseService::~DiagnoseService()
{
    m_stop->request_stop();
    // A job waiting on netsh would hold the closing window for netsh's whole deadline.
    if (m_pool->activeThreadCount() > 0)
        m_backend->cancelPendingCalls();
    m_pool->waitForDone();
}

OperationId DiagnoseService::start(std::function<void(const Job&)> body)
{
    const OperationId id = m_nextId++;
    auto job = std::make_shared<Job>(Job{this, *m_backend, m_store, id, m_stop->get_token()});
    std::shared_ptr<Backend> keep = m_backend;
    m_pool->start([job, keep, body = std::move(body)] { body(*job); });
    return id;
}

RangeHealth DiagnoseService::healthOf(Backend& backend, const QList<quint16>& watched)
{
    std::optional<PortRange> tcp, udp;
    QString problem;
    if (auto range = backend.dynamicRange(Protocol::Tcp))
        tcp = range.value();
    else
        problem = QString::fromStdString(range.error().message);
    if (auto range = backend.dynamicRange(Protocol::Udp))
        udp = range.value();
    RangeHealth health = assessRange(tcp, udp, backend.name() != "linux", watched);
    health.problem = problem;
    return health;
}

OperationId DiagnoseService::explain(const diagnose::WhyRequest& request)
{
    return start([request](const Job& job) {
        auto explained = diagnose::explainPort(job.backend, request, job.stop);
        if (!explained) {
            job.post(
                [s = job.service, i = job.id, e = explained.error()] { emit s->failed(i, e); });
            return;
        }
        job.post([s = job.service, i = job.id, e = std::move(explained).value()] {
            emit s->explained(i, e);
        });
    });
}

OperationId DiagnoseService::suggest(const diagnose::SuggestRequest& request)
{
    return start([request](const Job& job) {
        auto found = diagnose::suggestBlock(job.backend, request, job.stop);
        if (!found) {
            job.post([s = job.service, i = job.id, e = found.error()] { emit s->failed(i, e); });
            return;
        }
        job.post([s = job.service, i = job.id, f = found.value()] { emit s->suggested(i, f); });
    });
}

OperationId DiagnoseService::readRangeHealth()
{
    return start([watched = m_watched](const Job& job) {
        RangeHealth health = healthOf(job.backend, watched);
        job.post([s = job.service, i = job.id, health] { emit s->rangeHealthRead(i, health); });
    });
}

OperationId DiagnoseService::restoreDefaultRange()
{
    return start([watched = m_watched](const Job& job) {
        const Actor actor = Actor::local(job.backend);
        std::optional<Error> firstError;
        for (Protocol protocol : {Protocol::Tcp, Protocol::Udp}) {
            const PortRange range = dynamicrange::kWindowsDefault;
            auto changed = job.backend.changeDynamicRange(protocol, range);
            AuditRecord entry;
            entry.actor = actor;
            entry.action = AuditAction::DynamicRange;
            entry.protocol = protocol;
            entry.start = range.start;
            entry.count = range.count;
            entry.request = QStringLiteral("netsh int ipv4|ipv6 set dynamicport %1 start=%2 num=%3")
                                .arg(QString::fromStdString(std::string(toString(protocol))))
                                .arg(range.start)
                                .arg(range.count);
            entry.ok = changed.ok();
            if (changed) {
                entry.detail = QStringLiteral("%1-%2 -> %3-%4")
                                   .arg(changed->before.start)
                                   .arg(changed->before.end())
                                   .arg(changed->after.start)
                                   .arg(changed->after.end());
            } else {
                entry.error = changed.error();
                if (!firstError)
                    firstError = changed.error();
            }
            if (job.store) {
                if (auto id = job.store->audit().append(entry))
                    if (auto stored = job.store->audit().entry(id.value()))
                        job.post(
                            [s = job.service, e = stored.value()] { emit s->auditRecorded(e); });
            }
            // Linux has one range: the first change set both.
            if (changed && changed->protocols.size() > 1)
                break;
            if (!changed)
                break;
        }
        if (firstError) {
            job.post([s = job.service, i = job.id, e = *firstError] { emit s->failed(i, e); });
            return;
        }
        RangeHealth health = healthOf(job.backend, watched);
        job.post([s = job.service, i = job.id, health] { emit s->rangeRestored(i, health); });
    });
}

} // namespace portolan
