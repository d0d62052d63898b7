// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/services/rangehealth.h"
#include "model/services/reservationservice.h" // OperationId
#include "model/store/records.h"

#include "platform/backend.h"
#include "platform/diagnose/suggest.h"
#include "platform/diagnose/why.h"
#include "platform/error.h"

#include <QObject>

#include <functional>
#include <memory>
#include <stop_token>

class QThreadPool;

namespace portolan {

class Store;

// Explains refused binds, finds free blocks and reads or restores the dynamic range, off the
// GUI thread, one job after the other. A change of the range is an audit row when a Store is
// given. The destructor stops the running job and waits for it.
class DiagnoseService : public QObject
{
    Q_OBJECT

public:
    DiagnoseService(std::shared_ptr<Backend> backend, Store* store, QObject* parent = nullptr);
    ~DiagnoseService() override;

    const std::shared_ptr<Backend>& backend() const { return m_backend; }
    // The ports the health line checks; empty = commonDevPorts().
    void setWatchedPorts(const QList<quint16>& ports) { m_watched = ports; }
    QList<quint16> watchedPorts() const { return commonDevPorts(m_watched); }

    OperationId explain(const diagnose::WhyRequest& request);
    OperationId suggest(const diagnose::SuggestRequest& request);
    OperationId readRangeHealth();
    // Both protocols back to Windows' default (49152, 16384 ports); one audit row each.
    OperationId restoreDefaultRange();

signals:
    void explained(portolan::OperationId id, const portolan::diagnose::Explanation& explanation);
    void suggested(portolan::OperationId id, const portolan::diagnose::Suggestion& suggestion);
    void rangeHealthRead(portolan::OperationId id, const portolan::RangeHealth& health);
    // The range after a restore, and the English notes of each change.
    void rangeRestored(portolan::OperationId id, const portolan::RangeHealth& health);
    void auditRecorded(const portolan::AuditRecord& entry);
    void failed(portolan::OperationId id, const portolan::Error& error);

private:
    struct Job
    {
        DiagnoseService* service;
        Backend& backend;
        Store* store;
        OperationId id;
        std::stop_token stop;
        template <typename F> void post(F&& f) const;
    };
    OperationId start(std::function<void(const Job&)> body);
    static RangeHealth healthOf(Backend& backend, const QList<quint16>& watched);

    std::shared_ptr<Backend> m_backend;
    Store* m_store = nullptr;
    QList<quint16> m_watched;
    OperationId m_nextId = 1;
    QThreadPool* m_pool = nullptr;
    std::shared_ptr<std::stop_source> m_stop;
};

} // namespace portolan
