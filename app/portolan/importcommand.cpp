// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/portolan/importcommand.h"

#include "app/portolan/consoleoptions.h"
#include "model/fleet/snapshotimport.h"
#include "model/import/importer.h"
#include "model/services/explanations.h"
#include "model/store/store.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace portolan {
namespace {

class ImportCommand
{
    Q_DECLARE_TR_FUNCTIONS(ImportCommand)
};

QString fromView(std::string_view view)
{
    return QString::fromUtf8(view.data(), qsizetype(view.size()));
}

void printJson(QTextStream& out, const QJsonObject& object)
{
    out << QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact)) << '\n';
}

QJsonObject errorJson(const Error& error)
{
    return {{QStringLiteral("kind"), fromView(toString(error.kind))},
            {QStringLiteral("code"), qint64(error.code)},
            {QStringLiteral("name"), QString::fromStdString(error.name)},
            {QStringLiteral("message"), QString::fromStdString(error.message)}};
}

int fail(bool json, QTextStream& out, QTextStream& err, const Error& error, int code)
{
    if (json) {
        printJson(out,
                  {{QStringLiteral("ok"), false}, {QStringLiteral("error"), errorJson(error)}});
    } else {
        err << "portolan: " << Explanations::errorLine(error) << '\n';
        if (code == kImportExitMalformed)
            err << "  " << ImportCommand::tr("Nothing was imported.") << '\n';
    }
    out.flush();
    err.flush();
    return code;
}

// A refused command line: as the window's refusal, or as the JSON of an error.
int refuse(bool json, QTextStream& out, QTextStream& err, const QString& problem)
{
    if (json)
        return fail(json, out, err, Error::make(ErrorKind::InvalidArgument, problem.toStdString()),
                    kImportExitUsage);
    err << console::usageFailureText(problem);
    err.flush();
    return kImportExitUsage;
}

QJsonObject reservationJson(const ImportedReservation& r)
{
    return {{QStringLiteral("protocol"), fromView(toString(r.protocol))},
            {QStringLiteral("start"), int(r.range.start)},
            {QStringLiteral("end"), int(r.range.end())},
            {QStringLiteral("count"), int(r.range.count)},
            {QStringLiteral("persistent"), r.persistent},
            {QStringLiteral("token"), QString::number(r.token)},
            {QStringLiteral("owner"), r.owner},
            {QStringLiteral("host"), r.host},
            {QStringLiteral("stored"), r.stored}};
}

Result<std::unique_ptr<Store>> openStore(const console::ConsoleOptions& args)
{
    DatabaseOptions dbOptions;
    dbOptions.path = args.databaseFile;
    dbOptions.createDirectory = args.databaseFile.isEmpty(); // the default location's folder
    return Store::open(dbOptions);
}

// Host snapshots: every file is read and checked before the database is opened, and all are
// stored in one transaction, so one bad file imports nothing.
int importSnapshots(const console::ConsoleOptions& args, QTextStream& out, QTextStream& err)
{
    if (!args.host.isEmpty() || args.protocol)
        return fail(args.json, out, err,
                    Error::make(ErrorKind::InvalidArgument,
                                ImportCommand::tr("%1 applies to reports only; a host snapshot "
                                                  "names its own host and protocols")
                                    .arg(args.protocol ? QStringLiteral("--protocol")
                                                       : QStringLiteral("--host"))
                                    .toStdString()),
                    kImportExitUsage);
    auto paths = SnapshotImport::expand(args.files);
    if (!paths)
        return fail(args.json, out, err, paths.error(), kImportExitUsage);
    QList<SnapshotFile> files;
    for (const QString& path : paths.value()) {
        auto text = Importer::readFile(path);
        if (!text)
            return fail(args.json, out, err, text.error(), kImportExitUsage);
        if (!SnapshotImport::isSnapshotText(text.value()))
            return fail(args.json, out, err,
                        Error::make(ErrorKind::InvalidArgument,
                                    ImportCommand::tr("%1: schema: not a host snapshot; allowed: "
                                                      "\"portolan-host-snapshot\" (reports are "
                                                      "imported one file at a time)")
                                        .arg(path)
                                        .toStdString()),
                        kImportExitMalformed);
        auto file = SnapshotImport::read(path, text.value());
        if (!file)
            return fail(args.json, out, err, file.error(), kImportExitMalformed);
        files.append(file.value());
    }
    auto store = openStore(args);
    if (!store)
        return fail(args.json, out, err, store.error(), kImportExitDatabase);
    QList<HostSnapshotRecord> records;
    for (const SnapshotFile& f : files)
        records.append(f.record);
    auto added = store.value()->snapshots().addMany(records);
    if (!added)
        return fail(args.json, out, err, added.error(), kImportExitDatabase);

    int newOnes = 0;
    QStringList hosts;
    QJsonArray list;
    for (qsizetype i = 0; i < files.size(); ++i) {
        const HostSnapshotRecord& r = files[i].record;
        const AddedSnapshot& a = added->at(i);
        newOnes += a.added ? 1 : 0;
        if (!hosts.contains(r.host))
            hosts << r.host;
        list.append(QJsonObject{{QStringLiteral("file"), files[i].path},
                                {QStringLiteral("host"), r.host},
                                {QStringLiteral("gatheredAt"), r.gatheredAt.toString(Qt::ISODate)},
                                {QStringLiteral("id"), a.id},
                                {QStringLiteral("added"), a.added}});
    }
    if (args.json) {
        printJson(out, {{QStringLiteral("ok"), true},
                        {QStringLiteral("database"), store.value()->database().path()},
                        {QStringLiteral("format"), QStringLiteral("snapshot")},
                        {QStringLiteral("added"), newOnes},
                        {QStringLiteral("unchanged"), int(files.size()) - newOnes},
                        {QStringLiteral("hosts"), int(hosts.size())},
                        {QStringLiteral("snapshots"), list}});
    } else {
        out << ImportCommand::tr("Imported %n host snapshot(s)", nullptr, newOnes)
            << ImportCommand::tr(" of %n host(s)", nullptr, int(hosts.size()))
            << ImportCommand::tr("; %n already stored.", nullptr, int(files.size()) - newOnes)
            << '\n';
        for (qsizetype i = 0; i < files.size(); ++i)
            out << "  " << files[i].record.host << "  "
                << files[i].record.gatheredAt.toString(Qt::ISODate) << "  "
                << (added->at(i).added ? ImportCommand::tr("new")
                                       : ImportCommand::tr("already stored"))
                << "  " << files[i].path << '\n';
    }
    out.flush();
    return kImportExitOk;
}

} // namespace

bool isImportCommand(const QStringList& args)
{
    return console::parseConsoleOptions(args.mid(1)).mode == console::ConsoleMode::Import;
}

int runImportCommand(const QStringList& args, QTextStream& out, QTextStream& err)
{
    const console::ParsedOptions parsed = console::parseConsoleOptions(args.mid(1));
    if (!parsed.options)
        return refuse(parsed.json, out, err, parsed.error);
    if (parsed.options->mode != console::ConsoleMode::Import)
        return refuse(parsed.json, out, err, ImportCommand::tr("--import FILE is required"));
    return runImportCommand(*parsed.options, out, err);
}

int runImportCommand(const console::ConsoleOptions& args, QTextStream& out, QTextStream& err)
{
    if (args.files.size() > 1 || QFileInfo(args.file).isDir())
        return importSnapshots(args, out, err);
    auto text = Importer::readFile(args.file);
    if (!text)
        return fail(args.json, out, err, text.error(), kImportExitUsage);
    if (SnapshotImport::isSnapshotText(text.value()))
        return importSnapshots(args, out, err);

    ImportOptions options;
    options.host = args.host;
    options.protocol = args.protocol;
    // Parse before opening the database: malformed input creates no database file either.
    auto document = Importer::parse(text.value(), options);
    if (!document)
        return fail(args.json, out, err, document.error(), kImportExitMalformed);

    auto store = openStore(args);
    if (!store)
        return fail(args.json, out, err, store.error(), kImportExitDatabase);

    Importer importer(*store.value());
    auto summary = importer.import(text.value(), options);
    if (!summary) {
        const int code = summary.error().kind == ErrorKind::InvalidArgument ? kImportExitMalformed
                                                                            : kImportExitDatabase;
        return fail(args.json, out, err, summary.error(), code);
    }
    const ImportSummary& s = summary.value();

    if (args.json) {
        QJsonArray reservations;
        for (const ImportedReservation& r : s.reservations)
            reservations.append(reservationJson(r));
        printJson(out, {{QStringLiteral("ok"), true},
                        {QStringLiteral("file"), args.file},
                        {QStringLiteral("database"), store.value()->database().path()},
                        {QStringLiteral("format"), toText(s.format)},
                        {QStringLiteral("added"), s.added},
                        {QStringLiteral("updated"), s.updated},
                        {QStringLiteral("reservations"), reservations}});
    } else {
        out << s.message << '\n';
        for (const ImportedReservation& r : s.reservations) {
            QString line =
                QStringLiteral("  %1  %2  %3  %4")
                    .arg(fromView(toString(r.protocol)),
                         QStringLiteral("%1-%2").arg(r.range.start).arg(r.range.end()), r.host,
                         r.persistent ? ImportCommand::tr("persistent")
                                      : ImportCommand::tr("runtime (not stored)"));
            if (!r.owner.isEmpty())
                line += QStringLiteral("  ") + r.owner;
            out << line << '\n';
        }
    }
    out.flush();
    return kImportExitOk;
}

} // namespace portolan
