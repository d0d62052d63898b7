// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// What the two import targets (importnetsh, importjson) share: the console's `--import FILE`
// path — Importer::readFile, Importer::parse, then Importer::import into a database — and the
// promises the importer makes about it (model/import/importer.h):
// - parse and import agree: malformed text is refused by both with the same InvalidArgument
//   error, and the database is left without a row;
// - text that parses imports (the console parses before it opens the database, so an import
//   refused only then would create a database for nothing);
// - the summary counts what the inventory holds;
// - the imported inventory, exported as a JSON report and imported into an empty database,
//   gives the same inventory (ids aside).
#include "fuzzcheck.h"

#include "model/import/importer.h"
#include "model/reports/report.h"
#include "model/reports/reportwriters.h"
#include "model/store/store.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QSet>
#include <QTemporaryDir>

#include <memory>
#include <optional>

namespace portolan::fuzz {

inline const QString kLocalHost = QStringLiteral("fuzz-local");

// One database and one input file per process, in a folder of their own that goes when the
// process ends (the replay test runs in CI; scripts/fuzz points TMPDIR at a tmpfs). Every input
// runs inside a transaction that is rolled back, so each starts from the same empty inventory
// and nothing is written to the disk but the input file.
class ImportBench
{
public:
    static ImportBench& instance()
    {
        static ImportBench bench;
        return bench;
    }

    Store& store() { return *m_store; }

    // The text `--import FILE` reads from a file holding these bytes.
    QString readAsFile(const std::uint8_t* data, std::size_t size)
    {
        {
            QFile file(m_file);
            FUZZ_CHECK(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
            FUZZ_CHECK(file.write(reinterpret_cast<const char*>(data), qint64(size)) ==
                       qint64(size));
        }
        auto text = Importer::readFile(m_file);
        FUZZ_CHECK(text.ok());
        return text.value();
    }

private:
    ImportBench() : m_dir(QDir::tempPath() + QStringLiteral("/portolan-fuzz-import-XXXXXX"))
    {
        FUZZ_CHECK(m_dir.isValid());
        m_file = m_dir.filePath(QStringLiteral("input.txt"));
        DatabaseOptions options;
        options.path = m_dir.filePath(QStringLiteral("inventory.sqlite"));
        options.localHost = kLocalHost;
        auto store = Store::open(options);
        if (!store)
            std::fprintf(stderr, "database: %s\n", store.error().message.c_str());
        FUZZ_CHECK(store.ok());
        m_store = std::move(store).value();
    }

    QTemporaryDir m_dir;
    QString m_file;
    std::unique_ptr<Store> m_store; // destroyed before the folder goes
};

inline QList<ReservationRecord> inventoryRows(Store& store)
{
    auto rows = store.inventory().list();
    FUZZ_CHECK(rows.ok());
    for (ReservationRecord& row : rows.value())
        row.id = 0; // ids are the database's own, not what an import carries
    return rows.value();
}

// Rolls back what was written since the last call; the first call only begins.
inline void restartScope(Store& store, std::optional<Transaction>& scope)
{
    scope.reset();
    auto begun = Transaction::begin(store.database(), QStringLiteral("fuzz"));
    FUZZ_CHECK(begun.ok());
    scope.emplace(std::move(begun).value());
}

inline void checkSummary(const ImportDocument& document, const ImportSummary& summary, Store& store)
{
    FUZZ_CHECK(summary.format == document.format);
    FUZZ_CHECK(summary.reservations.size() == document.reservations.size());
    int persistent = 0;
    for (qsizetype i = 0; i < document.reservations.size(); ++i) {
        const ImportedReservation& read = document.reservations[i];
        const ImportedReservation& done = summary.reservations[i];
        FUZZ_CHECK(done.host == (read.host.isEmpty() ? kLocalHost : read.host));
        FUZZ_CHECK(done.protocol == read.protocol && done.range == read.range);
        FUZZ_CHECK(done.persistent == read.persistent && done.stored == read.persistent);
        FUZZ_CHECK(validatePortRange(done.range, RangeKind::Persistent).ok());
        if (!done.persistent)
            continue;
        ++persistent;
        auto found = store.inventory().find(done.host, done.protocol, done.range);
        FUZZ_CHECK(found.ok() && found.value().has_value());
    }
    FUZZ_CHECK(summary.added + summary.updated == persistent);
    FUZZ_CHECK(summary.runtime == document.reservations.size() - persistent);
    FUZZ_CHECK(summary.rows.size() == persistent);
    FUZZ_CHECK(inventoryRows(store).size() == summary.added);
    FUZZ_CHECK(!summary.hosts.isEmpty() && !summary.message.isEmpty());
}

// Exports the inventory (one JSON report per host), empties the inventory by rolling `scope`
// back and imports the reports again.
inline void checkReportRoundTrip(Store& store, std::optional<Transaction>& scope)
{
    const QList<ReservationRecord> imported = inventoryRows(store);
    QSet<QString> hosts;
    QList<QString> reports;
    for (const ReservationRecord& row : imported) {
        if (hosts.contains(row.host))
            continue;
        hosts.insert(row.host);
        ReportOptions options;
        options.host = row.host;
        options.auditLimit = 0;
        auto data = Report::gather(store, nullptr, options);
        FUZZ_CHECK(data.ok());
        reports.append(QString::fromUtf8(reportJson(data.value())));
    }
    restartScope(store, scope);
    Importer importer(store);
    for (const QString& report : reports) {
        auto summary = importer.import(report, {});
        if (!summary)
            std::fprintf(stderr, "exported report refused: %s\n", summary.error().message.c_str());
        FUZZ_CHECK(summary.ok());
    }
    FUZZ_CHECK(inventoryRows(store) == imported);
}

// The import as the console runs it, with every promise above checked. Leaves the
// inventory empty.
inline void checkImport(const QString& text, const ImportOptions& options)
{
    Store& store = ImportBench::instance().store();
    const auto parsed = Importer::parse(text, options);
    std::optional<Transaction> scope;
    restartScope(store, scope);
    Importer importer(store);
    const auto summary = importer.import(text, options);
    if (!parsed) {
        FUZZ_CHECK(parsed.error().kind == ErrorKind::InvalidArgument);
        FUZZ_CHECK(!parsed.error().message.empty());
        FUZZ_CHECK(!summary.ok());
        FUZZ_CHECK(summary.error().kind == parsed.error().kind);
        FUZZ_CHECK(summary.error().message == parsed.error().message);
        FUZZ_CHECK(inventoryRows(store).isEmpty());
        return; // `scope` rolls back
    }
    if (!summary)
        std::fprintf(stderr, "parsed, but the import failed: %s\n",
                     summary.error().message.c_str());
    FUZZ_CHECK(summary.ok());
    checkSummary(parsed.value(), summary.value(), store);
    checkReportRoundTrip(store, scope);
}

} // namespace portolan::fuzz

// Qt's SQL driver and translations want an application object; one for the whole process.
extern "C" int LLVMFuzzerInitialize(int*, char***)
{
    static int argc = 1;
    static char name[] = "portolan-fuzz";
    static char* argv[] = {name, nullptr};
    if (!QCoreApplication::instance())
        new QCoreApplication(argc, argv); // lives as long as the process
    return 0;
}
