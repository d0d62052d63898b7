#include "consoleoptions.h"

#include "translations.h"

#include "platform/backendfactory.h"

#include <QCoreApplication>

#include <algorithm>
#include <array>

#ifndef PORTOLAN_VERSION
#define PORTOLAN_VERSION "0.0.0"
#endif

namespace portolan::console {
namespace {

QString quoted(const QString& text)
{
    return QStringLiteral("'%1'").arg(text);
}

// Qt's own command-line options (QGuiApplication / QApplication), with or without a value.
constexpr std::array kQtOptionsWithValue{"-platform", "-platformpluginpath", "-platformtheme",
                                         "-plugin",   "-qwindowgeometry",    "-qwindowicon",
                                         "-qwindowtitle", "-style",          "-stylesheet",
                                         "-display",  "-geometry",           "-session",
                                         "-title",    "-name"};
constexpr std::array kQtFlags{"-reverse", "-widgetcount", "-nograb", "-dograb", "-sync",
                              "-visual"};

bool contains(const auto& list, const QString& value)
{
    return std::any_of(list.begin(), list.end(),
                       [&value](const char* item) { return value == QLatin1String(item); });
}

QString joined(const QStringList& list)
{
    return list.join(QStringLiteral(", "));
}

struct Rejected
{
    QString message;
};

} // namespace

QStringList screenshotViews()
{
    return {QStringLiteral("reservations"), QStringLiteral("portmap"), QStringLiteral("probes"),
            QStringLiteral("scan"), QStringLiteral("history")};
}

QStringList screenshotDialogs()
{
    return {QStringLiteral("new"),          QStringLiteral("new-invalid"),
            QStringLiteral("new-findings"), QStringLiteral("new-elevation"),
            QStringLiteral("lookup"),
            QStringLiteral("delete"),       QStringLiteral("note"),
            QStringLiteral("about")};
}

ParsedOptions parseConsoleOptions(const QStringList& args)
{
    ConsoleOptions o;
    std::optional<QString> backend;
    bool seen[16] = {};
    try {
        auto takeValue = [&](QString& slot, int key, const QString& name,
                             const std::optional<QString>& inlineValue, qsizetype& i,
                             const QString& allowed) {
            if (seen[key])
                throw Rejected{
                    QCoreApplication::translate("portolan::console", "option %1 is given twice")
                        .arg(quoted(name))};
            seen[key] = true;
            if (inlineValue)
                slot = *inlineValue;
            else if (i + 1 < args.size())
                slot = args.at(++i);
            else
                throw Rejected{QCoreApplication::translate("portolan::console",
                                                           "option %1 needs a value; allowed: %2")
                                   .arg(quoted(name), allowed)};
            if (slot.isEmpty())
                throw Rejected{QCoreApplication::translate("portolan::console",
                                                           "%1: the value is empty; allowed: %2")
                                   .arg(name, allowed)};
        };
        for (qsizetype i = 0; i < args.size(); ++i) {
            const QString& arg = args.at(i);
            if (!arg.startsWith(QLatin1String("--"))) {
                if (arg == QLatin1String("-h")) {
                    o.help = true;
                    continue;
                }
                if (contains(kQtOptionsWithValue, arg)) {
                    if (arg == QLatin1String("-platform"))
                        o.qtPlatformGiven = true;
                    if (i + 1 >= args.size())
                        throw Rejected{QCoreApplication::translate("portolan::console",
                                                                   "option %1 needs a value")
                                           .arg(quoted(arg))};
                    ++i;
                    continue;
                }
                if (contains(kQtFlags, arg))
                    continue;
                throw Rejected{arg.startsWith(QLatin1Char('-'))
                                   ? QCoreApplication::translate(
                                         "portolan::console",
                                         "unknown option %1; allowed: --backend, --scenario, "
                                         "--state, --db, --screenshot, --import, --help, --version")
                                         .arg(quoted(arg))
                                   : QCoreApplication::translate(
                                         "portolan::console",
                                         "unexpected argument %1; the console takes options only "
                                         "(portolan-cli takes commands)")
                                         .arg(quoted(arg))};
            }
            QString name = arg;
            std::optional<QString> inlineValue;
            if (const qsizetype eq = arg.indexOf(QLatin1Char('=')); eq >= 0) {
                name = arg.left(eq);
                inlineValue = arg.mid(eq + 1);
            }
            auto flag = [&](bool& slot) {
                if (inlineValue)
                    throw Rejected{
                        QCoreApplication::translate("portolan::console", "option %1 takes no value")
                            .arg(quoted(name))};
                slot = true;
            };
            if (name == QLatin1String("--import")) {
                // The import command parses its own arguments (--host, --protocol, --json).
                o.importCommand = true;
                return ParsedOptions{o, {}};
            }
            if (name == QLatin1String("--help"))
                flag(o.help);
            else if (name == QLatin1String("--version"))
                flag(o.version);
            else if (name == QLatin1String("--screenshot-seed"))
                flag(o.screenshotSeed);
            else if (name == QLatin1String("--exit-after-first-paint"))
                flag(o.exitAfterFirstPaint);
            else if (name == QLatin1String("--backend")) {
                QString value;
                takeValue(value, 0, name, inlineValue, i,
                          QStringLiteral("windows, linux, simulated"));
                backend = value;
            } else if (name == QLatin1String("--scenario"))
                takeValue(o.scenarioFile, 1, name, inlineValue, i,
                          QCoreApplication::translate("portolan::console", "a JSON scenario file"));
            else if (name == QLatin1String("--state"))
                takeValue(o.stateFile, 2, name, inlineValue, i,
                          QCoreApplication::translate("portolan::console", "a state file"));
            else if (name == QLatin1String("--db"))
                takeValue(o.databaseFile, 3, name, inlineValue, i,
                          QCoreApplication::translate("portolan::console", "a database file"));
            else if (name == QLatin1String("--screenshot"))
                takeValue(o.screenshotFile, 4, name, inlineValue, i,
                          QCoreApplication::translate("portolan::console", "a PNG file to write"));
            else if (name == QLatin1String("--screenshot-view"))
                takeValue(o.screenshotView, 5, name, inlineValue, i, joined(screenshotViews()));
            else if (name == QLatin1String("--screenshot-state"))
                takeValue(
                    o.screenshotState, 6, name, inlineValue, i,
                    QCoreApplication::translate("portolan::console", "a state the view knows"));
            else if (name == QLatin1String("--screenshot-dialog"))
                takeValue(o.screenshotDialog, 7, name, inlineValue, i, joined(screenshotDialogs()));
            else if (name == QLatin1String("--lang"))
                takeValue(o.language, 8, name, inlineValue, i, joined(consoleLanguages()));
            else
                throw Rejected{QCoreApplication::translate(
                                   "portolan::console",
                                   "unknown option %1; allowed: --backend, --scenario, "
                                   "--state, --db, --screenshot, --import, --help, "
                                   "--version")
                                   .arg(quoted(name))};
        }
        if (!o.language.isEmpty() && !consoleLanguages().contains(o.language))
            throw Rejected{
                QCoreApplication::translate(
                    "portolan::console", "--lang: %1 is not a language of the console; allowed: %2")
                    .arg(quoted(o.language), joined(consoleLanguages()))};
        if (o.help || o.version)
            return ParsedOptions{o, {}};

        if (backend) {
            QStringList kinds;
            for (std::string_view kind : availableBackendKinds())
                kinds << QString::fromUtf8(kind.data(), qsizetype(kind.size()));
            if (!kinds.contains(*backend)) {
                const bool known = QStringList{QStringLiteral("windows"), QStringLiteral("linux"),
                                               QStringLiteral("simulated")}
                                       .contains(*backend);
                throw Rejected{
                    QCoreApplication::translate("portolan::console",
                                                "--backend: %1 %2; allowed: %3")
                        .arg(quoted(*backend),
                             known ? QCoreApplication::translate("portolan::console",
                                                                 "is not available in this build")
                                   : QCoreApplication::translate("portolan::console",
                                                                 "is not a backend"),
                             joined(kinds))};
            }
            o.backend = *backend;
        }
        if (!o.scenarioFile.isEmpty() || !o.stateFile.isEmpty()) {
            if (o.backend.isEmpty())
                o.backend = QStringLiteral("simulated");
            if (o.backend != QLatin1String("simulated"))
                throw Rejected{
                    QCoreApplication::translate("portolan::console",
                                                "%1 applies only to the simulated backend; allowed "
                                                "with: --backend simulated")
                        .arg(o.scenarioFile.isEmpty() ? QStringLiteral("--state")
                                                      : QStringLiteral("--scenario"))};
        }
        if (o.screenshotFile.isEmpty()) {
            for (const auto& [value, name] :
                 {std::pair{o.screenshotView, "--screenshot-view"},
                  std::pair{o.screenshotState, "--screenshot-state"},
                  std::pair{o.screenshotDialog, "--screenshot-dialog"}}) {
                if (!value.isEmpty())
                    throw Rejected{QCoreApplication::translate("portolan::console",
                                                               "%1 needs --screenshot FILE")
                                       .arg(QLatin1String(name))};
            }
            if (o.screenshotSeed)
                throw Rejected{QCoreApplication::translate(
                    "portolan::console", "--screenshot-seed needs --screenshot FILE")};
        }
        if (!o.screenshotView.isEmpty() && !screenshotViews().contains(o.screenshotView))
            throw Rejected{
                QCoreApplication::translate("portolan::console",
                                            "--screenshot-view: %1 is not a view; allowed: %2")
                    .arg(quoted(o.screenshotView), joined(screenshotViews()))};
        if (!o.screenshotDialog.isEmpty() && !screenshotDialogs().contains(o.screenshotDialog))
            throw Rejected{
                QCoreApplication::translate("portolan::console",
                                            "--screenshot-dialog: %1 is not a dialog; allowed: %2")
                    .arg(quoted(o.screenshotDialog), joined(screenshotDialogs()))};
        if (!o.screenshotState.isEmpty() && o.screenshotView.isEmpty())
            throw Rejected{QCoreApplication::translate(
                "portolan::console", "--screenshot-state needs --screenshot-view NAME")};
        if (!o.screenshotDialog.isEmpty() && !o.screenshotState.isEmpty())
            throw Rejected{QCoreApplication::translate(
                "portolan::console", "--screenshot-dialog and --screenshot-state cannot be "
                                     "combined")};
        if (o.exitAfterFirstPaint && !o.screenshotFile.isEmpty())
            throw Rejected{QCoreApplication::translate(
                "portolan::console", "--exit-after-first-paint and --screenshot cannot be "
                                     "combined")};
    } catch (const Rejected& rejected) {
        return ParsedOptions{std::nullopt, rejected.message};
    }
    return ParsedOptions{o, {}};
}

QString helpText()
{
    return QCoreApplication::translate(
        "portolan::console",
        "Usage: portolan [OPTIONS]\n"
        "The Portolan console: persistent TCP/UDP port reservations, the port map, probes,\n"
        "scans and their history.\n"
        "\n"
        "Options:\n"
        "  --backend windows|linux|simulated  the system to act on; default: the real one\n"
        "  --scenario FILE      seed the simulated backend from a JSON scenario\n"
        "                       (implies --backend simulated)\n"
        "  --state FILE         where the simulated backend keeps its state between runs\n"
        "                       (implies --backend simulated)\n"
        "  --db FILE            the database; default: the user's data folder\n"
        "  --screenshot FILE    render the main window (1280x800) after the first refresh\n"
        "                       to a PNG file and exit; works without a display\n"
        "  --screenshot-view reservations|portmap|probes|scan|history\n"
        "                       the view to render (default: reservations)\n"
        "  --screenshot-state NAME   a state the view prepares first (docs/screenshots.md)\n"
        "  --screenshot-dialog new|new-invalid|new-findings|new-elevation|lookup|delete|\n"
        "                      note|about\n"
        "                       render this dialog over the main window instead\n"
        "  --screenshot-seed    first do what a day of work leaves behind (creates, notes,\n"
        "                       refused creates, probes), for the documentation's pictures\n"
        "  --import FILE [--host NAME] [--protocol tcp|udp] [--json]\n"
        "                       import a netsh excludedportrange report or portolan-cli\n"
        "                       --json list output into the database; no window\n"
        "  --export FILE [--format csv|json|html|pdf] [--host NAME] [--title TEXT]\n"
        "        [--audit N] [--generated-at TIME] [--no-backend]\n"
        "                       write a reservation report (docs/reports.md); no window\n"
        "  --lang en|pt_BR      the language of the console; default: the system's\n"
        "                       (LANG, LC_ALL, LANGUAGE)\n"
        "  --version            print the version and exit\n"
        "  -h, --help           print this help and exit\n"
        "\n"
        "Without a display (Linux without DISPLAY/WAYLAND_DISPLAY), run it under\n"
        "'xvfb-run -a portolan', or 'QT_QPA_PLATFORM=vnc portolan' and connect a VNC viewer\n"
        "to port 5900, or use --screenshot.\n"
        "\n"
        "Exit codes: 0 success, 1 usage, 2 no display, 3 the backend or the database could not\n"
        "be opened, 4 the screenshot could not be made.\n");
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
