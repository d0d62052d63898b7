// SPDX-License-Identifier: GPL-3.0-or-later
#include "consoleoptions.h"

#include "commandlineoptions.h"
#include "translations.h"

#include "platform/backendfactory.h"

#include <QCommandLineParser>
#include <QCoreApplication>

#ifndef PORTOLAN_VERSION
#define PORTOLAN_VERSION "0.0.0"
#endif

namespace portolan::console {
namespace {

// An option of one mode given in another.
QString modeProblem(const QCommandLineParser& parser, ConsoleMode mode)
{
    if (parser.isSet(QStringLiteral("import")) && parser.isSet(QStringLiteral("export")))
        return QCoreApplication::translate("portolan::console",
                                           "--import and --export cannot be combined");
    for (const OptionSpec& spec : optionSpecs()) {
        const QString name = QStringLiteral("--") + QLatin1String(spec.name);
        if (!parser.isSet(QLatin1String(spec.name)) || (spec.modes & modeBit(mode)))
            continue;
        if (mode == ConsoleMode::Window) {
            if (spec.modes == kImport)
                return QCoreApplication::translate("portolan::console", "%1 needs --import FILE")
                    .arg(name);
            if (spec.modes == kExport)
                return QCoreApplication::translate("portolan::console", "%1 needs --export FILE")
                    .arg(name);
            return QCoreApplication::translate("portolan::console",
                                               "%1 needs --import FILE or --export FILE")
                .arg(name);
        }
        return QCoreApplication::translate("portolan::console",
                                           "%1 cannot be combined with %2; allowed with %2: %3")
            .arg(name,
                 mode == ConsoleMode::Import ? QStringLiteral("--import")
                                             : QStringLiteral("--export"),
                 joined(optionsOf(mode)));
    }
    return {};
}

// The window's and --export's backend: --scenario and --state imply the simulated one.
QString backendProblem(ConsoleOptions& o)
{
    if (!o.backend.isEmpty()) {
        QStringList kinds;
        for (std::string_view kind : availableBackendKinds())
            kinds << QString::fromUtf8(kind.data(), qsizetype(kind.size()));
        if (!kinds.contains(o.backend)) {
            const bool known = backendKinds().contains(o.backend);
            return QCoreApplication::translate("portolan::console", "--backend: %1 %2; allowed: %3")
                .arg(quoted(o.backend),
                     known ? QCoreApplication::translate("portolan::console",
                                                         "is not available in this build")
                           : QCoreApplication::translate("portolan::console", "is not a backend"),
                     joined(kinds));
        }
    }
    if (!o.scenarioFile.isEmpty() || !o.stateFile.isEmpty()) {
        if (o.backend.isEmpty())
            o.backend = QStringLiteral("simulated");
        if (o.backend != QLatin1String("simulated"))
            return QCoreApplication::translate("portolan::console",
                                               "%1 applies only to the simulated backend; allowed "
                                               "with: --backend simulated")
                .arg(o.scenarioFile.isEmpty() ? QStringLiteral("--state")
                                              : QStringLiteral("--scenario"));
    }
    return {};
}

QString screenshotProblem(const ConsoleOptions& o)
{
    if (o.screenshotFile.isEmpty()) {
        for (const auto& [value, name] : {std::pair{o.screenshotView, "--screenshot-view"},
                                          std::pair{o.screenshotState, "--screenshot-state"},
                                          std::pair{o.screenshotDialog, "--screenshot-dialog"}}) {
            if (!value.isEmpty())
                return QCoreApplication::translate("portolan::console",
                                                   "%1 needs --screenshot FILE")
                    .arg(QLatin1String(name));
        }
        if (o.screenshotSeed)
            return QCoreApplication::translate("portolan::console",
                                               "--screenshot-seed needs --screenshot FILE");
    }
    if (!o.screenshotView.isEmpty() && !screenshotViews().contains(o.screenshotView))
        return QCoreApplication::translate("portolan::console",
                                           "--screenshot-view: %1 is not a view; allowed: %2")
            .arg(quoted(o.screenshotView), joined(screenshotViews()));
    if (!o.screenshotDialog.isEmpty() && !screenshotDialogs().contains(o.screenshotDialog))
        return QCoreApplication::translate("portolan::console",
                                           "--screenshot-dialog: %1 is not a dialog; allowed: %2")
            .arg(quoted(o.screenshotDialog), joined(screenshotDialogs()));
    if (!o.screenshotState.isEmpty() && o.screenshotView.isEmpty())
        return QCoreApplication::translate("portolan::console",
                                           "--screenshot-state needs --screenshot-view NAME");
    if (!o.screenshotDialog.isEmpty() && !o.screenshotState.isEmpty())
        return QCoreApplication::translate(
            "portolan::console", "--screenshot-dialog and --screenshot-state cannot be combined");
    if (o.exitAfterFirstPaint && !o.screenshotFile.isEmpty())
        return QCoreApplication::translate(
            "portolan::console", "--exit-after-first-paint and --screenshot cannot be combined");
    return {};
}

QString importProblem(const QCommandLineParser& parser, ConsoleOptions& o)
{
    if (const QString protocol = parser.value(QStringLiteral("protocol")); !protocol.isEmpty()) {
        o.protocol = parseProtocol(protocol.toStdString());
        if (!o.protocol)
            return QCoreApplication::translate("portolan::console",
                                               "--protocol: %1 is not a protocol; allowed: %2")
                .arg(quoted(protocol), joined(protocols()));
    }
    return {};
}

QString exportProblem(const QCommandLineParser& parser, ConsoleOptions& o)
{
    if (o.noBackend &&
        (!o.backend.isEmpty() || !o.scenarioFile.isEmpty() || !o.stateFile.isEmpty()))
        return QCoreApplication::translate(
            "portolan::console",
            "--no-backend cannot be combined with --backend, --scenario or --state");
    if (const QString format = parser.value(QStringLiteral("format")); !format.isEmpty()) {
        const std::optional<ReportFormat> parsed = parseReportFormat(format);
        if (!parsed)
            return QCoreApplication::translate("portolan::console",
                                               "--format: %1 is not a report format; allowed: %2")
                .arg(quoted(format), joined(reportFormats()));
        o.format = *parsed;
    } else if (const std::optional<ReportFormat> byName = reportFormatForPath(o.file)) {
        o.format = *byName;
    } else {
        return QCoreApplication::translate("portolan::console",
                                           "--export: %1 does not end in .csv, .json, .html or "
                                           ".pdf; give the format with --format")
            .arg(quoted(o.file));
    }
    if (const QString audit = parser.value(QStringLiteral("audit")); !audit.isEmpty()) {
        bool ok = false;
        o.auditLimit = audit.toInt(&ok);
        if (!ok || o.auditLimit < 0 || o.auditLimit > 10000)
            return QCoreApplication::translate(
                       "portolan::console",
                       "--audit: %1 is not a number of entries; allowed: 0-10000")
                .arg(quoted(audit));
    }
    if (const QString time = parser.value(QStringLiteral("generated-at")); !time.isEmpty()) {
        o.generatedAt = QDateTime::fromString(time, Qt::ISODateWithMs);
        if (!o.generatedAt.isValid() || o.generatedAt.timeSpec() == Qt::LocalTime)
            return QCoreApplication::translate("portolan::console",
                                               "--generated-at: %1 is not a time with its offset; "
                                               "allowed: ISO 8601 such as 2025-03-10T09:00:00Z")
                .arg(quoted(time));
    }
    return {};
}

// Reads the parser's values into `o` and checks them against each other.
QString readOptions(const QCommandLineParser& parser, ConsoleMode mode, ConsoleOptions& o)
{
    auto value = [&parser](const char* name) { return parser.value(QLatin1String(name)); };
    auto isSet = [&parser](const char* name) { return parser.isSet(QLatin1String(name)); };
    o.mode = mode;
    o.help = isSet("help");
    o.version = isSet("version");
    o.language = value("lang");
    if (o.help || o.version)
        return {};
    if (const QString problem = modeProblem(parser, mode); !problem.isEmpty())
        return problem;

    o.databaseFile = value("db");
    o.backend = value("backend");
    o.scenarioFile = value("scenario");
    o.stateFile = value("state");
    o.screenshotFile = value("screenshot");
    o.screenshotView = value("screenshot-view");
    o.screenshotState = value("screenshot-state");
    o.screenshotDialog = value("screenshot-dialog");
    o.screenshotSeed = isSet("screenshot-seed");
    o.exitAfterFirstPaint = isSet("exit-after-first-paint");
    o.qtPlatformGiven = isSet("platform");
    o.file = mode == ConsoleMode::Import ? value("import") : value("export");
    o.host = value("host");
    if (mode == ConsoleMode::Import)
        o.files = QStringList{o.file} + parser.positionalArguments();
    o.json = isSet("json");
    o.title = value("title");
    o.noBackend = isSet("no-backend");

    switch (mode) {
    case ConsoleMode::Window:
        if (QString problem = backendProblem(o); !problem.isEmpty())
            return problem;
        return screenshotProblem(o);
    case ConsoleMode::Import:
        return importProblem(parser, o);
    case ConsoleMode::Export:
        if (QString problem = exportProblem(parser, o); !problem.isEmpty())
            return problem;
        return backendProblem(o);
    }
    return {};
}

} // namespace

QStringList screenshotViews()
{
    return {QStringLiteral("reservations"), QStringLiteral("portmap"), QStringLiteral("probes"),
            QStringLiteral("scan"),         QStringLiteral("history"), QStringLiteral("fleet")};
}

QStringList screenshotDialogs()
{
    return {QStringLiteral("new"),
            QStringLiteral("new-invalid"),
            QStringLiteral("new-findings"),
            QStringLiteral("new-elevation"),
            QStringLiteral("lookup"),
            QStringLiteral("delete"),
            QStringLiteral("note"),
            QStringLiteral("about"),
            QStringLiteral("protect-warning"),
            QStringLiteral("protect-result")};
}

ParsedOptions parseConsoleOptions(const QStringList& args)
{
    QCommandLineParser parser;
    addOptions(parser);
    const bool wellFormed = parser.parse(QStringList{QStringLiteral("portolan")} + args);

    ParsedOptions parsed;
    parsed.mode = parser.isSet(QStringLiteral("import"))   ? ConsoleMode::Import
                  : parser.isSet(QStringLiteral("export")) ? ConsoleMode::Export
                                                           : ConsoleMode::Window;
    // Also when "--host --json" took it for the missing host.
    parsed.json = args.contains(QStringLiteral("--json"));
    if (const QString language = parser.value(QStringLiteral("lang"));
        consoleLanguages().contains(language))
        parsed.language = language;

    QString problem = wellFormed ? valueProblem(parser) : syntaxProblem(parser, args, parsed.mode);
    ConsoleOptions options;
    if (problem.isEmpty())
        problem = readOptions(parser, parsed.mode, options);
    if (problem.isEmpty())
        parsed.options = options;
    else
        parsed.error = problem;
    return parsed;
}

QString helpText()
{
    QCommandLineParser parser;
    addOptions(parser);
    parser.setApplicationDescription(QCoreApplication::translate(
        "portolan::console",
        "The Portolan console: persistent TCP/UDP port reservations, the port map, probes,\n"
        "scans and their history. With --import or --export it runs without a window."));
    // Qt's first line names the executable by the path it was started with.
    const QString options = parser.helpText();
    return QCoreApplication::translate("portolan::console", "Usage: portolan [OPTIONS]\n") +
           options.mid(options.indexOf(QLatin1Char('\n')) + 1) +
           QCoreApplication::translate(
               "portolan::console",
               "\n"
               "Without a display (Linux without DISPLAY/WAYLAND_DISPLAY), run it under\n"
               "'xvfb-run -a portolan', or 'QT_QPA_PLATFORM=vnc portolan' and connect a VNC "
               "viewer\n"
               "to port 5900, or use --screenshot.\n"
               "\n"
               "Exit codes: 0 success, 1 usage, 2 no display, 3 the backend or the database could "
               "not\n"
               "be opened, 4 the screenshot could not be made.\n"
               "With --import: 0 imported, 1 usage or an unreadable file, 2 malformed input "
               "(nothing\n"
               "imported), 3 the database could not be opened or written.\n"
               "With --export: 0 written, 1 usage, 2 the file could not be written, 3 the database "
               "or\n"
               "the backend failed.\n");
}

QString versionText()
{
    return QStringLiteral("portolan %1\n").arg(QStringLiteral(PORTOLAN_VERSION));
}

QString usageFailureText(const QString& error)
{
    return QCoreApplication::translate(
               "portolan::console", "portolan: %1\nTry 'portolan --help' for more information.\n")
        .arg(error);
}

bool displayAvailable()
{
#if defined(Q_OS_WIN) || defined(Q_OS_MACOS)
    return true;
#else
    return !qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM") ||
           !qEnvironmentVariableIsEmpty("DISPLAY") ||
           !qEnvironmentVariableIsEmpty("WAYLAND_DISPLAY");
#endif
}

QString noDisplayText()
{
    return QCoreApplication::translate(
        "portolan::console",
        "portolan: no display found (neither DISPLAY nor WAYLAND_DISPLAY is set), so the console\n"
        "cannot open its window. Instead:\n"
        "  xvfb-run -a portolan ...             run it on a virtual X display (Xvfb)\n"
        "  QT_QPA_PLATFORM=vnc portolan ...     serve the window over VNC, then connect a VNC\n"
        "                                       viewer to port 5900 of this machine\n"
        "  portolan --screenshot out.png ...    render the main window to a PNG file\n"
        "  portolan-cli ...                     the same reservations from the command line\n");
}

} // namespace portolan::console
