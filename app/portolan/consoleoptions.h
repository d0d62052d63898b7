#pragma once

#include <QString>
#include <QStringList>

#include <optional>

// The console's command line, parsed and validated before any window, backend or database
// exists: a typo never falls back to the real system, and bad input changes nothing.
namespace portolan::console {

struct ConsoleOptions
{
    QString backend; // empty: the real one of this OS (simulated with --scenario/--state)
    QString scenarioFile;
    QString stateFile;
    QString databaseFile; // empty: the default location
    QString screenshotFile;
    QString screenshotView;   // reservations, portmap, probes, scan, history
    QString screenshotState;  // passed to the view's prepareScreenshot(state)
    QString screenshotDialog; // new, new-invalid, new-findings, ... (see screenshotDialogs())
    QString language;         // --lang: en, pt_BR; empty: the system's (translations.h)
    bool screenshotSeed = false; // a day's work first: creates, notes, refusals, probes
    bool exitAfterFirstPaint = false; // start-up benchmark: print the time, then quit
    bool importCommand = false;       // --import: no window, runImportCommand does it all
    bool qtPlatformGiven = false;     // -platform NAME was passed to Qt
    bool help = false;
    bool version = false;
};

struct ParsedOptions
{
    std::optional<ConsoleOptions> options;
    QString error; // "--backend: 'foo' is not a backend; allowed: linux, simulated"
};

// `args` without the program name. Qt's own options (-platform NAME, -style NAME, ...) are
// accepted and left for QApplication.
ParsedOptions parseConsoleOptions(const QStringList& args);

QStringList screenshotViews();
QStringList screenshotDialogs();

QString helpText();
QString versionText();
// "portolan: <error>\nTry 'portolan --help' for more information.\n"
QString usageFailureText(const QString& error);

// Linux/X11/Wayland: true when a window can be shown — QT_QPA_PLATFORM set, or DISPLAY or
// WAYLAND_DISPLAY set. Windows and macOS always have a display.
bool displayAvailable();
// What to do instead, for a machine without a display (acceptance 6).
QString noDisplayText();

} // namespace portolan::console
