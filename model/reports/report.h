// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/store/records.h"

#include "platform/error.h"
#include "platform/snapshot/hostsnapshot.h"
#include "platform/types.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

// A reservation report: one snapshot of what the console knows about a host — its inventory
// (every column), the blocks other processes hold at run time, the dynamic ranges, the sockets
// listening, the last scan and the latest audit entries — written as CSV, JSON, HTML
// (model/reports/reportwriters.h) or PDF
// (ui/reports/reportpdf.h). Every writer takes the same ReportData, so the four formats say
// the same.
namespace portolan {

class Backend;
class Store;

// The JSON report's "version". Readers refuse a newer one instead of guessing; the importer
// still reads every version from kOldestReportVersion on (2 added the listeners and the last
// scan, which an import does not store; 3 holds the machine's side as the host snapshot
// document, platform/snapshot/hostsnapshot.h).
inline constexpr int kReportVersion = 3;
inline constexpr int kOldestReportVersion = 1;
// The JSON report's "format": what tells a report apart from other JSON the importer reads.
inline constexpr char kReportFormatName[] = "portolan-report";

enum class ReportFormat : quint8
{
    Csv,
    Json,
    Html,
    Pdf
};
QString toText(ReportFormat format);                             // "csv", "json", "html", "pdf"
std::optional<ReportFormat> parseReportFormat(QStringView text); // case-insensitive
// From a file name's extension (.csv, .json, .html/.htm, .pdf); empty for anything else.
std::optional<ReportFormat> reportFormatForPath(const QString& path);

// A block another process holds at run time (WinNAT, Hyper-V's HNS, ...): on the machine but
// never in the inventory, because it moves at every boot.
struct ReportRuntimeBlock
{
    Protocol protocol = Protocol::Tcp;
    PortRange range;
    QString owner; // empty when not known
    friend bool operator==(const ReportRuntimeBlock&, const ReportRuntimeBlock&) = default;
};

struct ReportData
{
    // What the machine said, read once: the backend, dynamic ranges, runtime blocks and
    // listeners below are taken from it (setSnapshot). None when no backend was asked.
    std::optional<HostSnapshot> snapshot;
    QString title;
    QString host;
    QDateTime generatedAt; // UTC
    QString backend;       // "windows", "linux", "simulated"; empty: no backend was asked
    std::optional<PortRange> tcpDynamicRange;
    std::optional<PortRange> udpDynamicRange;
    QList<ReservationRecord> reservations;   // the inventory of `host`, by protocol and start
    QList<ReportRuntimeBlock> runtimeBlocks; // by protocol and start
    QList<Listener> listeners;               // by protocol, port and address
    // The newest scan of `host` in the store, with its steps (the runs of equal outcome);
    // none when the host was never scanned.
    std::optional<ProbeRunRecord> lastScan;
    QList<AuditRecord> audit; // newest first
    QStringList problems;     // what could not be read (the rest of the report is still right)

    std::optional<PortRange> dynamicRange(Protocol p) const
    {
        return p == Protocol::Tcp ? tcpDynamicRange : udpDynamicRange;
    }
    // Keeps the snapshot and fills backend, dynamic ranges, runtime blocks and listeners from
    // it: a report of a host read live and one of a host gathered elsewhere say the same.
    void setSnapshot(HostSnapshot hostSnapshot);
};

struct ReportOptions
{
    QString title;         // empty: "Port reservations of HOST"
    QString host;          // empty: the backend's host, else the database's local host
    int auditLimit = 20;   // newest audit entries of the host; 0: none
    QDateTime generatedAt; // null: the store's clock
};

class Report
{
    Q_DECLARE_TR_FUNCTIONS(Report)

public:
    // Reads the inventory, the last scan and the audit log of the host from the store and, when
    // a backend is given, its dynamic ranges, runtime blocks and listening sockets. A store
    // error fails the report; a backend
    // error is listed in `problems` (the inventory alone is still worth a report).
    // May run on any thread (the store gives each thread its own connection).
    static Result<ReportData> gather(Store& store, Backend* backend, const ReportOptions& options);
};

} // namespace portolan
