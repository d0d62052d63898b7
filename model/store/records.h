// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "platform/backend.h"
#include "platform/error.h"
#include "platform/probes.h"
#include "platform/types.h"

#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringView>

#include <array>

#include <functional>
#include <optional>

// The value types the store reads and writes. Times are UTC QDateTimes with millisecond
// precision (what the database keeps); a null QDateTime means "never" / "not known".
namespace portolan {

// Where "now" comes from, so that tests and golden files can fix it.
using Clock = std::function<QDateTime()>;
Clock systemClock(); // QDateTime::currentDateTimeUtc()

// Who did something, on which machine. Every stored row names its host, so that reports from
// several machines can be gathered in one database.
struct Actor
{
    QString host;
    QString user;
    bool elevated = false;

    // The backend's host and elevation; the account as the system names it
    // (platform/process/account.h), USER / USERNAME only when the system cannot tell.
    static Actor local(const Backend& backend);
    friend bool operator==(const Actor&, const Actor&) = default;
};

// The stored enumerations are stable lower-case text, also in the database.
enum class ReservationSource : quint8
{
    Created,
    LookedUp,
    Discovered,
    Imported
};
enum class ReservationState : quint8
{
    Present,
    Missing,
    Unverified
};
enum class AuditAction : quint8
{
    Create,
    Delete,
    Lookup,
    Note,
    DynamicRange, // the dynamic port range moved (netsh set dynamicport, sysctl)
    Protect // one step of pinning ports a service's block covers (platform/protect)
};
// A probe run is one of the probe plans, a single bind probe, or a scan.
enum class ProbeKind : quint8
{
    AcquireRelease,
    LookupAssociate,
    AcquireAssociateBind,
    BindProbe,
    Scan
};
// The steps of the plans (platform ProbeStepKind) plus the bind of a bind probe and the runs
// of equal outcome a scan is reported as.
enum class StepKind : quint8
{
    OpenSocket,
    Acquire,
    Lookup,
    Associate,
    Bind,
    GetSockName,
    Release,
    Close,
    BindProbe,
    ScanRun,
};

QString toText(ReservationSource source); // created, looked-up, discovered, imported
QString toText(ReservationState state);   // present, missing, unverified
QString toText(AuditAction action);       // create, delete, lookup, note, protect
QString toText(
    ProbeKind kind); // acquire-release, lookup-associate, acquire-associate-bind, bind-probe, scan
QString toText(StepKind kind); // open-socket, acquire, ..., bind-probe, scan-run
std::optional<ReservationSource> parseReservationSource(QStringView text);
std::optional<ReservationState> parseReservationState(QStringView text);
std::optional<AuditAction> parseAuditAction(QStringView text);
std::optional<ProbeKind> parseProbeKind(QStringView text);
std::optional<StepKind> parseStepKind(QStringView text);
std::optional<BindOutcome>
parseBindOutcome(QStringView text); // free, in-use, denied, forbidden, other
StepKind toStepKind(ProbeStepKind kind);

// Errors are compared field by field (portolan::Error has no operator==).
bool sameError(const std::optional<Error>& a, const std::optional<Error>& b);

// One block of the inventory: what this console knows about a persistent reservation.
struct ReservationRecord
{
    qint64 id = 0; // 0 until stored
    QString host;  // empty: the database's local host when stored
    Protocol protocol = Protocol::Tcp;
    quint16 start = 0;
    quint16 count = 0;
    quint64 token = 0; // the last token seen; 0 = none known (tokens change at every boot)
    ReservationSource source = ReservationSource::Created;
    ReservationState state = ReservationState::Unverified; // at the last verification
    QDateTime createdAt;                                   // null: now, when stored
    QDateTime verifiedAt;                                  // null: never verified
    QString note;                                          // free text: owner, purpose

    PortRange range() const { return PortRange{start, count}; }
    friend bool operator==(const ReservationRecord&, const ReservationRecord&) = default;
};

// One create, delete, lookup or note change, whether it worked or not.
struct AuditRecord
{
    qint64 id = 0;
    QDateTime at; // null: now, when stored
    Actor actor;  // empty host: the database's local host
    AuditAction action = AuditAction::Create;
    Protocol protocol = Protocol::Tcp;
    quint16 start = 0; // the block concerned
    quint16 count = 0;
    QString request; // the exact request as sent: "CreatePersistentTcpPortReservation(5000, 20)"
    bool ok = false;
    quint64 token = 0;          // the token returned, if any
    QString detail;             // e.g. a note change: the old and the new text
    std::optional<Error> error; // the native error when !ok

    friend bool operator==(const AuditRecord& a, const AuditRecord& b);
};

struct ProbeStepRecord
{
    int seq = 0; // position in the run, assigned when stored
    StepKind kind = StepKind::OpenSocket;
    bool ok = false;
    qint64 durationUs = 0; // 0 for a scan's runs: a scan is timed as a whole
    QString detail;        // English, when recorded; RunText::stepDetail() is what is shown
    std::optional<Error> error;
    // Bind probes: the port; scan runs: the ports with this outcome. 0 otherwise.
    quint16 firstPort = 0;
    quint16 lastPort = 0;
    std::optional<BindOutcome> outcome; // bind probes and scan runs
    QString holder;                     // who holds the port, when known

    friend bool operator==(const ProbeStepRecord& a, const ProbeStepRecord& b);
};

// What the history's run list needs of a run's steps without loading them: the first step
// that failed (its kind, error, outcome, holder and ports) and how many ports had each bind
// outcome. Read with every run (from probe_step) and made from the steps when a run is
// recorded; derived data, so it takes no part in comparisons.
struct StepDigest
{
    std::optional<ProbeStepRecord> firstFailure;
    std::array<quint32, 5> outcomePorts{}; // per BindOutcome
};
StepDigest digestOf(const QList<ProbeStepRecord>& steps);

// One probe or scan with its parameters, timings and outcome.
struct ProbeRunRecord
{
    qint64 id = 0;
    Actor actor;
    ProbeKind kind = ProbeKind::AcquireRelease;
    QDateTime startedAt; // null: now, when stored
    qint64 durationUs = 0;
    Protocol protocol = Protocol::Tcp;
    SocketSpec spec;
    QString address;     // bind address of bind probes and scans
    PortRange requested; // scans: first .. last
    PortRange granted;   // the block acquired or looked up
    quint64 token = 0;
    std::optional<quint16> allocatedPort;
    bool ok = false;
    bool cancelled = false;
    // One English line made when the run was recorded: what the full-text search finds and
    // what reports quote. The console shows RunText::summary(), made from the fields.
    QString summary;
    QString parameters; // the rest of the request as JSON text (scan threads, ...)
    int stepCount = 0;  // filled by queries, also when steps are not loaded
    StepDigest digest;  // filled by queries and by the probeRunFrom* conversions
    QList<ProbeStepRecord> steps;

    friend bool operator==(const ProbeRunRecord& a, const ProbeRunRecord& b);
};

struct BootRecord
{
    qint64 id = 0;
    QString host;
    qint64 bootTime = 0; // seconds since the Unix epoch, as Backend::bootTime says
    QDateTime firstSeenAt;
    QDateTime lastSeenAt;
    friend bool operator==(const BootRecord&, const BootRecord&) = default;
};

// A position in a newest-first list: the (time, id) of the last row shown. The next page is
// everything strictly older, so pages stay stable while new rows arrive at the top.
struct PageKey
{
    QDateTime time;
    qint64 id = 0;
    friend bool operator==(const PageKey&, const PageKey&) = default;
};

// Conversions from what the platform reports. Actor and start time come from the caller.
ProbeRunRecord probeRunFromReport(const ProbeReport& report, const Actor& actor,
                                  const QDateTime& startedAt);
ProbeRunRecord probeRunFromBindProbe(const BindTarget& target, const BindProbeResult& result,
                                     const Actor& actor, const QDateTime& startedAt,
                                     qint64 durationUs);
ProbeRunRecord probeRunFromScan(const ScanResult& scan, const Actor& actor,
                                const QDateTime& startedAt, qint64 durationUs);

} // namespace portolan
