#include "exportcommand.h"
#include "translations.h"

#include "ui/reports/reportpdf.h"

#include "app/portolan/commandlineargument.h"
#include "model/services/explanations.h"
#include "model/reports/report.h"
#include "model/store/store.h"

#include "platform/backendfactory.h"

#include <QCoreApplication>
#include <QFont>
#include <QGuiApplication>
#include <QTextStream>

#include <memory>
#include <optional>

namespace portolan::console {
namespace {

class ExportCommand
{
    Q_DECLARE_TR_FUNCTIONS(ExportCommand)

public:
    static QString usage()
    {
        return tr("usage: portolan --export FILE [--format csv|json|html|pdf] [--db FILE] "
                  "[--host NAME] [--title TEXT] [--audit N] [--generated-at TIME] "
                  "[--backend KIND] [--scenario FILE] [--state FILE] [--no-backend]");
    }
};

struct Arguments
{
    QString file;
    std::optional<ReportFormat> format;
    QString db;
    QString host;
    QString title;
    int audit = 20;
    QDateTime generatedAt;
    QString backend;
    QString scenario;
    QString state;
    bool noBackend = false;
};

// Returns the error text naming the argument, empty when all is well.
QString parseArguments(const QStringList& list, Arguments& args)
{
    const QStringList withValue{QStringLiteral("--export"),       QStringLiteral("--format"),
                                QStringLiteral("--db"),           QStringLiteral("--host"),
                                QStringLiteral("--title"),        QStringLiteral("--audit"),
                                QStringLiteral("--generated-at"), QStringLiteral("--backend"),
                                QStringLiteral("--scenario"),     QStringLiteral("--state")};
    QStringList seen;
    for (qsizetype i = 1; i < list.size(); ++i) {
        const CommandLineArgument split = splitInlineValue(list.at(i));
        const QString arg = split.name;
        QString value = split.inlineValue.value_or(QString());
        const bool inlineValue = split.inlineValue.has_value();
        if (withValue.contains(arg)) {
            if (seen.contains(arg))
                return ExportCommand::tr("%1 is given twice").arg(arg);
            seen << arg;
            if (!inlineValue) {
                if (i + 1 >= list.size() || list.at(i + 1).startsWith(QLatin1String("--")))
                    return ExportCommand::tr("%1: a value is required").arg(arg);
                value = list.at(++i);
            }
            if (value.isEmpty())
                return ExportCommand::tr("%1: the value is empty").arg(arg);
        }
        if (arg == QLatin1String("--export")) {
            args.file = value;
        } else if (arg == QLatin1String("--format")) {
            args.format = parseReportFormat(value);
            if (!args.format)
                return ExportCommand::tr(
                           "--format: “%1” is not a report format; allowed: csv, json, "
                           "html, pdf")
                    .arg(value);
        } else if (arg == QLatin1String("--db")) {
            args.db = value;
        } else if (arg == QLatin1String("--host")) {
            args.host = value;
        } else if (arg == QLatin1String("--title")) {
            args.title = value;
        } else if (arg == QLatin1String("--audit")) {
            bool ok = false;
            args.audit = value.toInt(&ok);
            if (!ok || args.audit < 0 || args.audit > 10000)
                return ExportCommand::tr(
                           "--audit: “%1” is not a number of entries; allowed: 0-10000")
                    .arg(value);
        } else if (arg == QLatin1String("--generated-at")) {
            args.generatedAt = QDateTime::fromString(value, Qt::ISODateWithMs);
            if (!args.generatedAt.isValid() || args.generatedAt.timeSpec() == Qt::LocalTime)
                return ExportCommand::tr("--generated-at: “%1” is not a time with its offset; "
                                         "allowed: ISO 8601 such as 2025-03-10T09:00:00Z")
                    .arg(value);
        } else if (arg == QLatin1String("--backend")) {
            args.backend = value;
        } else if (arg == QLatin1String("--scenario")) {
            args.scenario = value;
        } else if (arg == QLatin1String("--state")) {
            args.state = value;
        } else if (arg == QLatin1String("--no-backend") && !inlineValue) {
            args.noBackend = true;
        } else {
            return ExportCommand::tr("%1: unknown argument").arg(list.at(i));
        }
    }
    if (args.file.isEmpty())
        return ExportCommand::tr("--export FILE is required");
    if (!args.format) {
        args.format = reportFormatForPath(args.file);
        if (!args.format)
            return ExportCommand::tr("--export: “%1” does not end in .csv, .json, .html or .pdf; "
                                     "give the format with --format")
                .arg(args.file);
    }
    if (args.noBackend &&
        (!args.backend.isEmpty() || !args.scenario.isEmpty() || !args.state.isEmpty()))
        return ExportCommand::tr(
            "--no-backend cannot be combined with --backend, --scenario or --state");
    return {};
}

} // namespace

bool isExportCommand(const QStringList& args)
{
    for (qsizetype i = 1; i < args.size(); ++i) {
        if (args.at(i) == QLatin1String("--export") ||
            args.at(i).startsWith(QLatin1String("--export=")))
            return true;
    }
    return false;
}

int runExportCommand(int argc, char** argv)
{
    // No window is ever shown: fonts are all the PDF needs, and the offscreen platform gives
    // them without a display.
    // (Windows and macOS always have their platform plugin; a deployed console may lack the
    // offscreen one there.)
#if !defined(Q_OS_WIN) && !defined(Q_OS_MACOS)
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
#endif
    QGuiApplication app(argc, argv);
    QCoreApplication::setOrganizationName(QStringLiteral("Portolan"));
    QCoreApplication::setApplicationName(QStringLiteral("portolan"));
    installTranslations(app, consoleLocale({}), false); // the system's language (translations.h)
    QTextStream out(stdout);
    QTextStream err(stderr);

    Arguments args;
    if (const QString problem = parseArguments(QCoreApplication::arguments(), args);
        !problem.isEmpty()) {
        err << "portolan: " << problem << '\n' << "  " << ExportCommand::usage() << '\n';
        return kExportExitUsage;
    }

    std::unique_ptr<Backend> backend;
    QString backendProblem;
    if (!args.noBackend) {
        BackendOptions options;
        options.kind = args.backend.toStdString();
        options.scenarioFile = args.scenario.toStdString();
        options.stateFile = args.state.toStdString();
        if (options.kind.empty() && (!args.scenario.isEmpty() || !args.state.isEmpty()))
            options.kind = "simulated";
        auto created = createBackend(options);
        if (created) {
            backend = std::move(created.value());
        } else if (!args.backend.isEmpty() || !args.scenario.isEmpty() || !args.state.isEmpty()) {
            err << "portolan: "
                << ExportCommand::tr("could not open the backend: %1")
                       .arg(Explanations::errorLine(created.error()))
                << '\n';
            return kExportExitDatabase;
        } else {
            backendProblem = ExportCommand::tr("The machine could not be asked: %1")
                                 .arg(Explanations::errorLine(created.error()));
        }
    }

    DatabaseOptions dbOptions;
    dbOptions.path = args.db;
    dbOptions.createDirectory = args.db.isEmpty();
    if (backend)
        dbOptions.localHost = QString::fromStdString(backend->hostName());
    auto store = Store::open(dbOptions);
    if (!store) {
        err << "portolan: " << Explanations::errorLine(store.error()) << '\n';
        return kExportExitDatabase;
    }

    ReportOptions options;
    options.title = args.title;
    options.host = args.host;
    options.auditLimit = args.audit;
    options.generatedAt = args.generatedAt;
    auto data = Report::gather(*store.value(), backend.get(), options);
    if (!data) {
        err << "portolan: " << Explanations::errorLine(data.error()) << '\n';
        return kExportExitDatabase;
    }
    if (!backendProblem.isEmpty())
        data.value().problems.prepend(backendProblem);

    if (auto written = ui::exportReport(data.value(), *args.format, args.file); !written) {
        err << "portolan: " << Explanations::errorLine(written.error()) << '\n';
        return kExportExitWrite;
    }
    out << ExportCommand::tr("Wrote the %1 report of %2 (%3 reservations) to %4")
               .arg(toText(*args.format).toUpper(), data.value().host)
               .arg(data.value().reservations.size())
               .arg(args.file)
        << '\n';
    return kExportExitOk;
}

} // namespace portolan::console
