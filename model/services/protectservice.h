// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/store/records.h"

#include "platform/backend.h"
#include "platform/error.h"
#include "platform/protect/protect.h"

#include <QObject>
#include <QString>

#include <memory>
#include <optional>

class QThreadPool;

namespace portolan {

class Store;

// The console's side of pinning ports a service's block covers (platform/protect): the plan
// and the run happen on a worker thread of their own, every step is one audit row, and the
// command line's audit journal is read into the audit log. Results come back as signals on
// the service's thread. The Store must outlive the service; the destructor waits for the
// work in progress.
class ProtectService : public QObject
{
    Q_OBJECT

public:
    ProtectService(std::shared_ptr<Backend> backend, Store& store, QObject* parent = nullptr);
    ~ProtectService() override;

    bool busy() const { return m_pending > 0; }

    // Reads the services and blocks: planned.
    void plan(portolan::Protocol protocol, portolan::PortRange range);
    // Plans again with the service the user agreed to stop, then stops it, creates the
    // reservation, starts it again and verifies: stepFinished for each step, then finished.
    void run(portolan::Protocol protocol, portolan::PortRange range, const QString& stopService);
    // Adds the journal's lines that the audit log does not hold yet: journalImported.
    void importJournal(const QString& path);

signals:
    void planned(const std::optional<portolan::protect::Plan>& plan,
                 const std::optional<portolan::Error>& error);
    void stepFinished(const portolan::protect::Step& step);
    void finished(const portolan::protect::Outcome& outcome);
    void auditRecorded(const portolan::AuditRecord& record);
    // `problem` is empty unless the journal could not be read.
    void journalImported(int imported, int skipped, const QString& problem);
    void busyChanged(bool busy);

private:
    void start(std::function<void()> job);
    // Runs `emitter` on the service's thread.
    void post(std::function<void()> emitter);
    void record(const AuditRecord& entry);

    std::shared_ptr<Backend> m_backend;
    Store& m_store;
    QThreadPool* m_pool = nullptr;
    int m_pending = 0;
};

} // namespace portolan
