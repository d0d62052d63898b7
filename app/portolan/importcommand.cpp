#include "app/portolan/importcommand.h"

#include "app/portolan/commandlineargument.h"
#include "model/services/explanations.h"
#include "model/import/importer.h"
#include "model/store/store.h"

#include "platform/json.h"

#include <QCoreApplication>
#include <QFileInfo>

#include <optional>

namespace portolan {
namespace {

class ImportCommand
{
    Q_DECLARE_TR_FUNCTIONS(ImportCommand)

public:
    static QString usage()
    {
        return tr("usage: portolan [--db FILE] --import FILE [--host NAME] [--protocol tcp|udp] "
                  "[--json]");
    }
};

struct Arguments
{
    QString db;
    QString file;
    QString host;
    std::optional<Protocol> protocol;
    bool json = false;
};

json::Value errorJson(const Error& error)
{
    json::Value value{json::Object{}};
    value.set("kind", std::string(toString(error.kind)));
    value.set("code", error.code);
    value.set("name", error.name);
    value.set("message", error.message);
    return value;
}

int fail(const Arguments& args, QTextStream& out, QTextStream& err, const Error& error, int code,
         bool showUsage = false)
{
    if (args.json) {
        json::Value doc{json::Object{}};
        doc.set("ok", false);
        doc.set("error", errorJson(error));
        out << QString::fromStdString(doc.dump()) << '\n';
    } else {
        err << "portolan: " << Explanations::errorLine(error) << '\n';
        if (code == kImportExitMalformed)
            err << "  " << ImportCommand::tr("Nothing was imported.") << '\n';
        if (showUsage)
            err << "  " << ImportCommand::usage() << '\n';
    }
    out.flush();
    err.flush();
    return code;
}

// Parses "--name value" and "--name=value"; returns an error naming the argument.
std::optional<Error> parseArguments(const QStringList& list, Arguments& args)
{
    auto usageError = [](const QString& message) {
        return Error::make(ErrorKind::InvalidArgument, message.toStdString());
    };
    bool sawImport = false;
    for (qsizetype i = 1; i < list.size(); ++i) {
        const CommandLineArgument split = splitInlineValue(list.at(i));
        const QString arg = split.name;
        QString value = split.inlineValue.value_or(QString());
        const bool inlineValue = split.inlineValue.has_value();
        const bool takesValue = arg == QLatin1String("--db") || arg == QLatin1String("--import")
                                || arg == QLatin1String("--host") || arg == QLatin1String("--protocol");
        if (takesValue && !inlineValue) {
            // "--host --json" is a forgotten value, not a host called "--json".
            if (i + 1 >= list.size() || list.at(i + 1).startsWith(QLatin1String("--")))
                return usageError(ImportCommand::tr("%1: a value is required").arg(arg));
            value = list.at(++i);
        }
        if (takesValue && value.isEmpty())
            return usageError(ImportCommand::tr("%1: the value is empty").arg(arg));
        if (arg == QLatin1String("--db")) {
            args.db = value;
        } else if (arg == QLatin1String("--import")) {
            if (sawImport)
                return usageError(ImportCommand::tr("--import: give one file per run"));
            sawImport = true;
            args.file = value;
        } else if (arg == QLatin1String("--host")) {
            args.host = value;
        } else if (arg == QLatin1String("--protocol")) {
            args.protocol = parseProtocol(value.toStdString());
            if (!args.protocol)
                return usageError(ImportCommand::tr("--protocol: “%1” is not tcp or udp").arg(value));
        } else if (arg == QLatin1String("--json") && !inlineValue) {
            args.json = true;
        } else {
            return usageError(ImportCommand::tr("%1: unknown argument").arg(list.at(i)));
        }
    }
    if (!sawImport)
        return usageError(ImportCommand::tr("--import FILE is required"));
    return std::nullopt;
}

} // namespace

bool isImportCommand(const QStringList& args)
{
    for (qsizetype i = 1; i < args.size(); ++i) {
        if (args.at(i) == QLatin1String("--import") || args.at(i).startsWith(QLatin1String("--import=")))
            return true;
    }
    return false;
}

int runImportCommand(const QStringList& list, QTextStream& out, QTextStream& err)
{
    Arguments args;
    args.json = list.contains(QStringLiteral("--json")); // so that even a usage error is JSON
    if (std::optional<Error> bad = parseArguments(list, args))
        return fail(args, out, err, *bad, kImportExitUsage, true);

    auto text = Importer::readFile(args.file);
    if (!text)
        return fail(args, out, err, text.error(), kImportExitUsage);

    ImportOptions options;
    options.host = args.host;
    options.protocol = args.protocol;
    // Parse before opening the database: malformed input creates no database file either.
    auto document = Importer::parse(text.value(), options);
    if (!document)
        return fail(args, out, err, document.error(), kImportExitMalformed);

    DatabaseOptions dbOptions;
    dbOptions.path = args.db;
    dbOptions.createDirectory = args.db.isEmpty(); // the default location's folder
    auto store = Store::open(dbOptions);
    if (!store)
        return fail(args, out, err, store.error(), kImportExitDatabase);

    Importer importer(*store.value());
    auto summary = importer.import(text.value(), options);
    if (!summary) {
        const int code = summary.error().kind == ErrorKind::InvalidArgument ? kImportExitMalformed
                                                                            : kImportExitDatabase;
        return fail(args, out, err, summary.error(), code);
    }
    const ImportSummary& s = summary.value();

    if (args.json) {
        json::Value doc{json::Object{}};
        doc.set("ok", true);
        doc.set("file", args.file.toStdString());
        doc.set("database", store.value()->database().path().toStdString());
        doc.set("format", toText(s.format).toStdString());
        doc.set("added", s.added);
        doc.set("updated", s.updated);
        json::Value reservations{json::Array{}};
        for (const ImportedReservation& r : s.reservations) {
            json::Value entry{json::Object{}};
            entry.set("protocol", std::string(toString(r.protocol)));
            entry.set("start", unsigned(r.range.start));
            entry.set("end", unsigned(r.range.end()));
            entry.set("count", unsigned(r.range.count));
            entry.set("persistent", r.persistent);
            entry.set("token", std::to_string(r.token));
            entry.set("owner", r.owner.toStdString());
            entry.set("host", r.host.toStdString());
            entry.set("stored", r.stored);
            reservations.push(std::move(entry));
        }
        doc.set("reservations", std::move(reservations));
        out << QString::fromStdString(doc.dump()) << '\n';
    } else {
        out << s.message << '\n';
        for (const ImportedReservation& r : s.reservations) {
            QString line = QStringLiteral("  %1  %2  %3  %4")
                               .arg(QString::fromStdString(std::string(toString(r.protocol))),
                                    QStringLiteral("%1-%2").arg(r.range.start).arg(r.range.end()),
                                    r.host,
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
