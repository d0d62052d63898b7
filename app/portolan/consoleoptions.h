// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/reports/report.h"

#include "platform/types.h"

#include <QDateTime>
#include <QString>
#include <QStringList>

#include <optional>

// The console's command line: one QCommandLineParser for the window, --import and --export,
// parsed and validated before any window, backend or database exists, so that a typo never
// falls back to the real system and bad input changes nothing.
namespace portolan::console {

enum class ConsoleMode
{
    Window, // the main window (or --screenshot of it)
    Import, // --import FILE|DIR...: no window, runImportCommand does it all
    Export, // --export FILE: no window, runExportCommand does it all
};

struct ConsoleOptions
{
    ConsoleMode mode = ConsoleMode::Window;
    bool help = false;
    bool version = false;
    QString language;     // --lang: en, pt_BR; empty: the system's (translations.h)
    QString databaseFile; // empty: the default location

    // The window and --export.
    QString backend; // empty: the real one of this OS (simulated with --scenario/--state)
    QString scenarioFile;
    QString stateFile;

    // The window.
    QString screenshotFile;
    QString screenshotView;      // reservations, portmap, probes, scan, history
    QString screenshotState;     // passed to the view's prepareScreenshot(state)
    QString screenshotDialog;    // new, new-invalid, new-findings, ... (see screenshotDialogs())
    bool screenshotSeed = false; // a day's work first: creates, notes, refusals, probes
    bool exitAfterFirstPaint = false; // start-up benchmark: print the time, then quit
    bool qtPlatformGiven = false;     // -platform NAME was passed to Qt

    // --import and --export.
    QString file; // the report to read or to write
    QString host;
    // --import: the file or folder given to it, then any further files and folders.
    QStringList files;

    // --import.
    std::optional<Protocol> protocol;
    bool json = false;

    // --export.
    ReportFormat format = ReportFormat::Csv; // --format, else the file's extension
    QString title;
    int auditLimit = 20;
    QDateTime generatedAt; // invalid: now
    bool noBackend = false;
};

struct ParsedOptions
{
    std::optional<ConsoleOptions> options; // empty when the command line is refused
    QString error; // "--backend: 'foo' is not a backend; allowed: linux, simulated"

    // What is known of a refused command line too, for how the refusal is printed: in the
    // --lang language, and as JSON for `--import ... --json`.
    ConsoleMode mode = ConsoleMode::Window;
    QString language;
    bool json = false;
};

// `args` without the program name. Qt's own options (-platform NAME, -style NAME, ...) are
// accepted and left for the Q(Gui)Application.
ParsedOptions parseConsoleOptions(const QStringList& args);

QStringList screenshotViews();
QStringList screenshotDialogs();

// --help: the options of every mode, from the same parser, and the exit codes.
QString helpText();
QString versionText();
// "portolan: <error>\nTry 'portolan --help' for more information.\n"
QString usageFailureText(const QString& error);

// Linux/X11/Wayland: true when a window can be shown — QT_QPA_PLATFORM set, or DISPLAY or
// WAYLAND_DISPLAY set. Windows and macOS always have a display.
bool displayAvailable();
// What to do instead, for a machine without a display.
QString noDisplayText();

} // namespace portolan::console
