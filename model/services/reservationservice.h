// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/services/preflight.h"
#include "model/store/bootlog.h"
#include "model/store/records.h"

#include "platform/backend.h"
#include "platform/error.h"
#include "platform/types.h"

#include <QList>
#include <QObject>
#include <QString>

#include <functional>
#include <memory>
#include <optional>

class QThreadPool;

namespace portolan {

class Store;

// Matches a service's results to the call that started them. Never 0.
using OperationId = quint64;

enum class ReservationOperation : quint8
{
    Preflight,
    Create,
    Lookup,
    Delete,
    Forget, // remove an inventory row without touching the machine (imported rows, other hosts)
    Note,
    Discover,
    Verify,
    CheckBoot,
    Snapshot,
    ReadSystem,
    ReadLastScans,
    RecordBoot,
};
QString toText(ReservationOperation operation); // "create", "lookup", ...

// The outcome of create, lookup, remove, forget and setNote.
struct ReservationOutcome
{
    OperationId id = 0;
    ReservationOperation operation = ReservationOperation::Create;
    Protocol protocol = Protocol::Tcp;
    PortRange range;
    bool ok = false; // the system call succeeded (Forget/Note: the store change was made)
    // The native error (or the pre-flight's refusal) when !ok. Also set when ok but the
    // inventory could not be updated afterwards (the message then says to look it up again).
    std::optional<Error> error;
    QString message;                          // translated: what happened, and why when it failed
    bool refusedByPreflight = false;          // create: refused without calling the system
    std::optional<PreflightReport> preflight; // create: the check made before calling
    std::optional<ReservationRecord> record;  // the inventory row afterwards, when there is one
    qint64 removedId = 0;                     // Delete/Forget: the inventory row removed
    qint64 auditId = 0;                       // the audit row written (0 if recording it failed)
    quint64 token = 0;
};

// What verifyAll found.
struct VerificationSummary
{
    QString host;
    int checked = 0;
    int present = 0;
    int missing = 0;               // looked up and not found: deleted behind the console's back
    int tokensChanged = 0;         // present with a token other than the one known
    int failed = 0;                // the lookup itself failed (not NotFound)
    QList<ReservationRecord> rows; // every row checked, after the check
    QStringList problems;          // translated, one per failed lookup
    QString message;               // translated one-line summary
};

// What the backend says of the system it speaks for. Read on the worker: the Windows backend
// works its capabilities out on the first call (a socket, up to two netsh runs, the registry).
struct SystemFacts
{
    Capabilities capabilities;
    bool elevated = false;
};

// discover() on a backend that cannot discover: an Unsupported failure, or nothing at all
// (the first start asks only where the answer is not known yet).
enum class DiscoverWhen : quint8
{
    Always,
    IfSupported,
};

// What discover found.
struct DiscoverySummary
{
    MachineSnapshot snapshot;      // every block found, runtime ones included
    int added = 0;                 // persistent blocks new to the inventory (source discovered)
    int updated = 0;               // persistent blocks already known: token and state refreshed
    QList<ReservationRecord> rows; // the inventory rows added or updated
    QString message;
};

// The only object the console talks to for persistent reservations. Lives on the GUI thread;
// every call returns at once with an operation id and runs the backend and store calls on a
// worker thread of its own. Results come back as signals emitted on the service's thread.
//
// Operations run one at a time in the order they were asked for (a queue, never a refusal):
// a create's pre-flight and its system call therefore see no other change of this service in
// between. The Store must outlive the service; the destructor waits for the running operation
// and drops queued ones.
class ReservationService : public QObject
{
    Q_OBJECT

public:
    ReservationService(std::shared_ptr<Backend> backend, Store& store, QObject* parent = nullptr);
    ~ReservationService() override;

    const std::shared_ptr<Backend>& backend() const { return m_backend; }
    QString host() const { return m_host; } // the backend's host name
    bool busy() const { return m_pending > 0; }
    // What readSystem found, once it has answered; nothing before.
    const std::optional<SystemFacts>& system() const { return m_system; }
    int pendingOperations() const { return m_pending; }

    // Checks a block without changing anything: preflightFinished.
    OperationId preflight(portolan::Protocol protocol, portolan::PortRange range);
    // Pre-flight, then CreatePersistent*PortReservation: operationFinished. A blocking finding
    // refuses without calling the system and records one failed audit row.
    OperationId create(portolan::Protocol protocol, portolan::PortRange range,
                       const QString& note = {});
    // LookupPersistent*: the row is added (source looked-up) or its token and state refreshed;
    // NotFound marks a known row missing.
    OperationId lookup(portolan::Protocol protocol, portolan::PortRange range,
                       const QString& note = {});
    // DeletePersistent*: the row is removed only on success; NotFound (already gone) marks a
    // known row missing and keeps it, so the user sees what happened and can forget it.
    OperationId remove(portolan::Protocol protocol, portolan::PortRange range);
    // Removes an inventory row without any system call (audited as a delete).
    OperationId forget(qint64 inventoryId);
    // Audited with the old and the new text.
    OperationId setNote(qint64 inventoryId, const QString& note);
    // listReservations: persistent blocks become inventory rows (source discovered);
    // runtime blocks are only part of the snapshot: discoveryFinished.
    OperationId discover(portolan::DiscoverWhen when = portolan::DiscoverWhen::Always);
    // Capabilities and elevation: systemRead. The console asks first, so that nothing on the
    // GUI thread has to ask the backend what it can do.
    OperationId readSystem();
    // Looks every inventory row of this host up again: verificationFinished.
    OperationId verifyAll();
    // At start: records the boot time; a new boot marks the rows unverified and runs verifyAll
    // (bootChecked, then verificationFinished).
    OperationId checkBoot();
    // The host snapshot of this boot, once per boot (the first start after it), kept with the
    // imported ones so that a host has one history: bootSnapshotRecorded.
    OperationId recordBootSnapshot();
    // What the port map shows: snapshotReady.
    OperationId snapshot(std::optional<portolan::Protocol> protocol = {});
    // The newest stored scan of each protocol of this host: lastScansRead.
    OperationId readLastScans();

signals:
    void operationStarted(portolan::OperationId id, portolan::ReservationOperation operation);
    void preflightFinished(portolan::OperationId id, const portolan::PreflightReport& report);
    void operationFinished(const portolan::ReservationOutcome& outcome);
    void discoveryFinished(portolan::OperationId id, const portolan::DiscoverySummary& summary);
    void verificationFinished(portolan::OperationId id,
                              const portolan::VerificationSummary& summary);
    void bootChecked(portolan::OperationId id, const portolan::BootCheck& check);
    // `added` is false when this boot's snapshot was recorded by an earlier start.
    void bootSnapshotRecorded(portolan::OperationId id, qint64 snapshotId, bool added);
    void snapshotReady(portolan::OperationId id, const portolan::MachineSnapshot& snapshot);
    // system() holds the facts when this is emitted.
    void systemRead(portolan::OperationId id, const portolan::SystemFacts& facts);
    void lastScansRead(portolan::OperationId id, const std::vector<portolan::ScanResult>& scans);
    // A store or backend failure of an operation that has no outcome of its own
    // (discover, verify, checkBoot, snapshot, preflight).
    void operationFailed(portolan::OperationId id, portolan::ReservationOperation operation,
                         const portolan::Error& error);

    // For the item models: every change of the inventory and every audit row, as it happens.
    void inventoryRowChanged(const portolan::ReservationRecord& record); // added or updated
    void inventoryRowRemoved(qint64 id);
    // Many rows changed at once: reload. The operations of this version report row by row
    // (a boot check sends inventoryRowChanged for every row it made unverified), so this is
    // for bulk changes only.
    void inventoryReset();
    void auditRecorded(const portolan::AuditRecord& record);

    void busyChanged(bool busy);

private:
    struct Worker;
    OperationId enqueue(ReservationOperation operation, std::function<void(Worker&)> job);
    void finishOne();

    std::shared_ptr<Backend> m_backend;
    Store& m_store;
    QString m_host;
    std::optional<SystemFacts> m_system;
    QThreadPool* m_pool = nullptr;
    OperationId m_nextId = 1;
    int m_pending = 0;
};

} // namespace portolan
