// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/store/records.h"

#include "platform/error.h"
#include "platform/types.h"

#include <QCoreApplication>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

// Reads reservation reports from elsewhere into the inventory: the text of
// `netsh int ipv4 show excludedportrange protocol=tcp|udp` (any language: only the layout is
// read), `portolan-cli --json list` output from another machine, and Portolan's own JSON
// reservation report (model/reports/reportwriters.h), whose rows come back with every inventory
// field.
//
// Persistent blocks become inventory rows (source imported) of the report's host. Runtime
// blocks (held by services such as HNS or WinNAT) are not inventory rows — the schema keeps
// persistent reservations only, and a runtime block moves at every boot — so they are
// returned in the summary (and printed by the import command) but not stored.
// Malformed input is rejected with its line (and column) and nothing is imported.
namespace portolan {

class Store;

enum class ImportFormat : quint8
{
    Auto,    // JSON when the text starts with '{', else netsh
    Netsh,   // excludedportrange table
    CliJson, // portolan-cli --json list
    Report,  // a JSON reservation report ("format": "portolan-report")
};
QString toText(ImportFormat format); // "auto", "netsh", "json", "report"

struct ImportOptions
{
    ImportFormat format = ImportFormat::Auto;
    // The host the rows belong to. netsh: empty = the database's local host. JSON: replaces the
    // document's host when given.
    QString host;
    // netsh only: the protocol when the heading names none (a heading that names one wins
    // unless they disagree, which is an error).
    std::optional<Protocol> protocol;
};

struct ImportedReservation
{
    QString host;
    Protocol protocol = Protocol::Tcp;
    PortRange range;
    bool persistent = true;
    quint64 token = 0;   // JSON only; 0 = not known
    QString owner;       // JSON runtime blocks: the service holding it, when known
    bool stored = false; // persistent: written to the inventory
    bool added = false;  // stored as a new row (else an existing row was updated)
    // Reports: the row as exported (token, source, state, times, note); stored as it is, so
    // that export then import into an empty database gives the same inventory (ids aside).
    std::optional<ReservationRecord> record;
    friend bool operator==(const ImportedReservation&, const ImportedReservation&) = default;
};

// What a text says, before anything is stored.
struct ImportDocument
{
    ImportFormat format = ImportFormat::Netsh;
    QString host; // JSON: the document's host (or the option's); netsh: the option's, may be empty
    QList<ImportedReservation> reservations;
};

struct ImportSummary
{
    ImportFormat format = ImportFormat::Netsh;
    QList<ImportedReservation> reservations; // every row read, in document order
    QList<ReservationRecord> rows;           // the inventory rows written
    int added = 0;
    int updated = 0;
    int runtime = 0; // runtime blocks read (not stored)
    QStringList hosts;
    QString message; // translated: "Imported 3 persistent reservations of host ..."
};

class Importer
{
    Q_DECLARE_TR_FUNCTIONS(Importer)

public:
    explicit Importer(Store& store) : m_store(store) {}

    static ImportFormat detect(const QString& text);
    // Parses without touching the database. Errors are InvalidArgument: "line N: ..." for
    // netsh, "line L, column C: ..." or the field ("reservations[2].start: ...") for JSON.
    static Result<ImportDocument> parse(const QString& text, const ImportOptions& options);
    // Reads a file as netsh or PowerShell wrote it: UTF-8, or UTF-16 with a byte-order mark.
    static Result<QString> readFile(const QString& path);

    // Parses and stores in one transaction: on any error nothing is imported.
    Result<ImportSummary> import(const QString& text, const ImportOptions& options);
    Result<ImportSummary> importFile(const QString& path, const ImportOptions& options);

private:
    Store& m_store;
};

} // namespace portolan
