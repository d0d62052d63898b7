// SPDX-License-Identifier: GPL-3.0-or-later
#include "commandlineoptions.h"

#include "translations.h"

#include <QCoreApplication>

#include <algorithm>

namespace portolan::console {
namespace {

// The texts of the table below are marked for lupdate and translated when used.
QString translated(const char* text)
{
    return QCoreApplication::translate("portolan::console", text);
}

// In --help order.
const OptionSpec kOptions[] = {
    {.name = "backend",
     .modes = kWindow | kExport,
     .help = QT_TRANSLATE_NOOP("portolan::console", "the system to act on; default: the real one"),
     .values = backendKinds},
    {.name = "scenario",
     .modes = kWindow | kExport,
     .help = QT_TRANSLATE_NOOP("portolan::console",
                               "seed the simulated backend from a JSON scenario (implies --backend "
                               "simulated)"),
     .valueName = QT_TRANSLATE_NOOP("portolan::console", "FILE"),
     .allowed = QT_TRANSLATE_NOOP("portolan::console", "a JSON scenario file")},
    {.name = "state",
     .modes = kWindow | kExport,
     .help = QT_TRANSLATE_NOOP("portolan::console",
                               "where the simulated backend keeps its state between runs (implies "
                               "--backend simulated)"),
     .valueName = QT_TRANSLATE_NOOP("portolan::console", "FILE"),
     .allowed = QT_TRANSLATE_NOOP("portolan::console", "a state file")},
    {.name = "db",
     .modes = kEveryMode,
     .help =
         QT_TRANSLATE_NOOP("portolan::console", "the database; default: the user's data folder"),
     .valueName = QT_TRANSLATE_NOOP("portolan::console", "FILE"),
     .allowed = QT_TRANSLATE_NOOP("portolan::console", "a database file")},
    {.name = "lang",
     .modes = kEveryMode,
     .help = QT_TRANSLATE_NOOP("portolan::console",
                               "the language of the console; default: the system's (LANG, LC_ALL, "
                               "LANGUAGE)"),
     .values = consoleLanguages},
    {.name = "screenshot",
     .modes = kWindow,
     .help = QT_TRANSLATE_NOOP("portolan::console",
                               "render the main window (1280x800) after the first refresh to a PNG "
                               "file and exit; works without a display"),
     .valueName = QT_TRANSLATE_NOOP("portolan::console", "FILE"),
     .allowed = QT_TRANSLATE_NOOP("portolan::console", "a PNG file to write")},
    {.name = "screenshot-view",
     .modes = kWindow,
     .help = QT_TRANSLATE_NOOP("portolan::console",
                               "with --screenshot: the view to render (default: reservations)"),
     .valueName = QT_TRANSLATE_NOOP("portolan::console", "VIEW"),
     .values = screenshotViews},
    {.name = "screenshot-state",
     .modes = kWindow,
     .help = QT_TRANSLATE_NOOP("portolan::console",
                               "with --screenshot-view: a state the view prepares first "
                               "(docs/screenshots.md)"),
     .valueName = QT_TRANSLATE_NOOP("portolan::console", "NAME"),
     .allowed = QT_TRANSLATE_NOOP("portolan::console", "a state the view knows")},
    {.name = "screenshot-dialog",
     .modes = kWindow,
     .help = QT_TRANSLATE_NOOP(
         "portolan::console", "with --screenshot: render this dialog over the main window instead"),
     .valueName = QT_TRANSLATE_NOOP("portolan::console", "DIALOG"),
     .values = screenshotDialogs},
    {.name = "screenshot-seed",
     .modes = kWindow,
     .help = QT_TRANSLATE_NOOP("portolan::console",
                               "with --screenshot: first do what a day of work leaves behind "
                               "(creates, notes, refused creates, probes), for the documentation's "
                               "pictures")},
    // The start-up benchmark's (tests/bench/startup-bench).
    {.name = "exit-after-first-paint", .modes = kWindow, .help = nullptr},
    {.name = "import",
     .modes = kImport,
     .help = QT_TRANSLATE_NOOP("portolan::console",
                               "import a netsh excludedportrange report, portolan-cli --json list "
                               "output, or host snapshots (portolan-cli snapshot; files or "
                               "folders of them, more may follow) into the database; no window"),
     .valueName = QT_TRANSLATE_NOOP("portolan::console", "FILE"),
     .allowed = QT_TRANSLATE_NOOP("portolan::console", "a report file to read")},
    {.name = "protocol",
     .modes = kImport,
     .help = QT_TRANSLATE_NOOP("portolan::console",
                               "with --import: the protocol of a netsh report whose heading names "
                               "none"),
     .values = protocols},
    {.name = "json",
     .modes = kImport,
     .help = QT_TRANSLATE_NOOP(
         "portolan::console", "with --import: print the result, or the error, as one JSON object")},
    {.name = "export",
     .modes = kExport,
     .help = QT_TRANSLATE_NOOP("portolan::console",
                               "write a reservation report (docs/reports.md); no window"),
     .valueName = QT_TRANSLATE_NOOP("portolan::console", "FILE"),
     .allowed =
         QT_TRANSLATE_NOOP("portolan::console", "a .csv, .json, .html or .pdf file to write")},
    {.name = "format",
     .modes = kExport,
     .help = QT_TRANSLATE_NOOP("portolan::console",
                               "with --export: the report's format; default: the file's extension"),
     .values = reportFormats},
    {.name = "host",
     .modes = kImport | kExport,
     .help = QT_TRANSLATE_NOOP(
         "portolan::console", "with --import: the host the report's rows belong to; with --export: "
                              "the host to report on"),
     .valueName = QT_TRANSLATE_NOOP("portolan::console", "NAME"),
     .allowed = QT_TRANSLATE_NOOP("portolan::console", "a host name")},
    {.name = "title",
     .modes = kExport,
     .help = QT_TRANSLATE_NOOP("portolan::console", "with --export: the report's title"),
     .valueName = QT_TRANSLATE_NOOP("portolan::console", "TEXT"),
     .allowed = QT_TRANSLATE_NOOP("portolan::console", "a title")},
    {.name = "audit",
     .modes = kExport,
     .help = QT_TRANSLATE_NOOP("portolan::console",
                               "with --export: how many audit log entries the report lists; "
                               "default: 20"),
     .valueName = QT_TRANSLATE_NOOP("portolan::console", "N"),
     .allowed = "0-10000"},
    {.name = "generated-at",
     .modes = kExport,
     .help =
         QT_TRANSLATE_NOOP("portolan::console", "with --export: the report's time; default: now"),
     .valueName = QT_TRANSLATE_NOOP("portolan::console", "TIME"),
     .allowed = QT_TRANSLATE_NOOP("portolan::console", "ISO 8601 such as 2025-03-10T09:00:00Z")},
    {.name = "no-backend",
     .modes = kExport,
     .help = QT_TRANSLATE_NOOP("portolan::console",
                               "with --export: the inventory alone, without asking the machine")},
    {.name = "version",
     .modes = kEveryMode,
     .help = QT_TRANSLATE_NOOP("portolan::console", "print the version and exit")},
    {.name = "help",
     .modes = kEveryMode,
     .help = QT_TRANSLATE_NOOP("portolan::console", "print this help and exit"),
     .alias = "h"},
};

// Qt's own command-line options (QGuiApplication / QApplication), left for the application
// object. "-title" is not among them: X11's window title gives way to --export's --title.
constexpr const char* kQtOptionsWithValue[] = {"platform",
                                               "platformpluginpath",
                                               "platformtheme",
                                               "plugin",
                                               "qwindowgeometry",
                                               "qwindowicon",
                                               "qwindowtitle",
                                               "style",
                                               "stylesheet",
                                               "display",
                                               "geometry",
                                               "session",
                                               "name"};
constexpr const char* kQtFlags[] = {"reverse", "widgetcount", "nograb", "dograb", "sync", "visual"};

bool listed(const auto& names, QStringView name)
{
    return std::any_of(std::begin(names), std::end(names),
                       [name](const char* item) { return name == QLatin1String(item); });
}

const OptionSpec* specFor(QStringView name)
{
    for (const OptionSpec& spec : kOptions) {
        if (name == QLatin1String(spec.name) || (spec.alias && name == QLatin1String(spec.alias)))
            return &spec;
    }
    return nullptr;
}

bool takesValue(const OptionSpec& spec)
{
    return spec.valueName || spec.values;
}

bool takesValue(QStringView name)
{
    const OptionSpec* spec = specFor(name);
    return spec ? takesValue(*spec) : listed(kQtOptionsWithValue, name);
}

// As a user types it: Qt's options with one dash, the console's with two.
QString dashed(const QString& name)
{
    const OptionSpec* spec = specFor(name);
    const QString full = spec ? QLatin1String(spec->name) : name;
    return (spec ? QStringLiteral("--") : QStringLiteral("-")) + full;
}

QString allowedValues(const OptionSpec& spec)
{
    if (spec.values)
        return joined(spec.values());
    return spec.allowed ? translated(spec.allowed) : QString();
}

QString needsValue(const QString& name)
{
    const OptionSpec* spec = specFor(name);
    const QString allowed = spec ? allowedValues(*spec) : QString();
    if (allowed.isEmpty())
        return QCoreApplication::translate("portolan::console", "option %1 needs a value")
            .arg(quoted(dashed(name)));
    return QCoreApplication::translate("portolan::console", "option %1 needs a value; allowed: %2")
        .arg(quoted(dashed(name)), allowed);
}

} // namespace

QString quoted(const QString& text)
{
    return QStringLiteral("'%1'").arg(text);
}

QString joined(const QStringList& list)
{
    return list.join(QStringLiteral(", "));
}

QStringList backendKinds()
{
    return {QStringLiteral("windows"), QStringLiteral("linux"), QStringLiteral("simulated")};
}

QStringList protocols()
{
    return {QStringLiteral("tcp"), QStringLiteral("udp")};
}

QStringList reportFormats()
{
    return {QStringLiteral("csv"), QStringLiteral("json"), QStringLiteral("html"),
            QStringLiteral("pdf")};
}

unsigned modeBit(ConsoleMode mode)
{
    switch (mode) {
    case ConsoleMode::Import:
        return kImport;
    case ConsoleMode::Export:
        return kExport;
    case ConsoleMode::Window:
        break;
    }
    return kWindow;
}

std::span<const OptionSpec> optionSpecs()
{
    return kOptions;
}

void addOptions(QCommandLineParser& parser)
{
    // Qt's options have one dash: -platform offscreen.
    parser.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
    for (const OptionSpec& spec : kOptions) {
        QStringList names{QLatin1String(spec.name)};
        if (spec.alias)
            names.prepend(QLatin1String(spec.alias));
        // A short list of values is the value's name; a long one is said after the text.
        QString help = spec.help ? translated(spec.help) : QString();
        QString valueName = spec.valueName ? translated(spec.valueName) : QString();
        if (spec.values && valueName.isEmpty())
            valueName = spec.values().join(QLatin1Char('|'));
        else if (spec.values)
            help = QCoreApplication::translate("portolan::console", "%1; allowed: %2")
                       .arg(help, joined(spec.values()));
        QCommandLineOption option(names, help, valueName);
        if (!spec.help)
            option.setFlags(QCommandLineOption::HiddenFromHelp);
        parser.addOption(option);
    }
    for (const char* name : kQtOptionsWithValue) {
        QCommandLineOption option(QLatin1String(name), QString(), QStringLiteral("value"));
        option.setFlags(QCommandLineOption::HiddenFromHelp);
        parser.addOption(option);
    }
    for (const char* name : kQtFlags) {
        QCommandLineOption option{QString::fromLatin1(name)};
        option.setFlags(QCommandLineOption::HiddenFromHelp);
        parser.addOption(option);
    }
}

QStringList optionsOf(ConsoleMode mode)
{
    QStringList names;
    for (const OptionSpec& spec : kOptions) {
        const bool entryPoint = QLatin1String(spec.name) == QLatin1String("import") ||
                                QLatin1String(spec.name) == QLatin1String("export");
        if (spec.help &&
            ((spec.modes & modeBit(mode)) || (mode == ConsoleMode::Window && entryPoint)))
            names << QStringLiteral("--") + QLatin1String(spec.name);
    }
    return names;
}

// Why QCommandLineParser refused the command line, naming the option: its own texts name
// neither the option's allowed values nor, for a missing value, the option the way it was given.
QString syntaxProblem(const QCommandLineParser& parser, const QStringList& args, ConsoleMode mode)
{
    if (!parser.unknownOptionNames().isEmpty()) {
        const QString name = parser.unknownOptionNames().constFirst();
        const QString oneDash = QStringLiteral("-") + name;
        const bool singleDash = std::any_of(args.begin(), args.end(), [&](const QString& arg) {
            return arg == oneDash || arg.startsWith(oneDash + QLatin1Char('='));
        });
        return QCoreApplication::translate("portolan::console", "unknown option %1; allowed: %2")
            .arg(quoted((singleDash ? QStringLiteral("-") : QStringLiteral("--")) + name),
                 joined(optionsOf(mode)));
    }
    // A value is missing only after the last argument: fewer values than times given.
    const QStringList found = parser.optionNames();
    for (const QString& name : found) {
        if (takesValue(name) && found.count(name) > parser.values(name).size())
            return needsValue(name);
    }
    for (const QString& name : found) {
        if (takesValue(name))
            continue;
        for (const QString& prefix : {QStringLiteral("--"), QStringLiteral("-")}) {
            if (std::any_of(args.begin(), args.end(), [&](const QString& arg) {
                    return arg.startsWith(prefix + name + QLatin1Char('='));
                }))
                return QCoreApplication::translate("portolan::console", "option %1 takes no value")
                    .arg(quoted(dashed(name)));
        }
    }
    return parser.errorText();
}

QString valueProblem(const QCommandLineParser& parser)
{
    for (const OptionSpec& spec : kOptions) {
        const QString name = QLatin1String(spec.name);
        if (!takesValue(spec) || !parser.isSet(name))
            continue;
        const QStringList values = parser.values(name);
        if (values.size() > 1)
            return QCoreApplication::translate("portolan::console", "option %1 is given twice")
                .arg(quoted(dashed(name)));
        if (values.constFirst().isEmpty())
            return QCoreApplication::translate("portolan::console",
                                               "%1: the value is empty; allowed: %2")
                .arg(dashed(name), allowedValues(spec));
        // "--host --json" is a forgotten value, not a host called "--json".
        if (values.constFirst().startsWith(QLatin1String("--")))
            return needsValue(name);
    }
    // --import takes further files and folders of snapshots after its own.
    if (!parser.positionalArguments().isEmpty() && !parser.isSet(QStringLiteral("import")))
        return QCoreApplication::translate("portolan::console",
                                           "unexpected argument %1; the console takes options "
                                           "only (portolan-cli takes commands)")
            .arg(quoted(parser.positionalArguments().constFirst()));
    const QString language = parser.value(QStringLiteral("lang"));
    if (parser.isSet(QStringLiteral("lang")) && !consoleLanguages().contains(language))
        return QCoreApplication::translate(
                   "portolan::console", "--lang: %1 is not a language of the console; allowed: %2")
            .arg(quoted(language), joined(consoleLanguages()));
    return {};
}

} // namespace portolan::console
