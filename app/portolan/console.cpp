// SPDX-License-Identifier: GPL-3.0-or-later
#include "console.h"

#include "consoleoptions.h"
#include "exportcommand.h"
#include "firstpaintwatcher.h"
#include "importcommand.h"
#include "screenshot.h"
#include "translations.h"

#include "ui/mainwindow.h"

#include "model/services/explanations.h"
#include "model/services/probeservice.h"
#include "model/services/reservationservice.h"
#include "model/store/store.h"

#include "platform/backendfactory.h"
#include "platform/process/consoledevice.h"
#include "platform/process/consolewriter.h"
#include "platform/process/processinfo.h"
#include "platform/protect/auditjournal.h"

#include <QApplication>
#include <QFile>
#include <QFont>
#include <QFontDatabase>
#include <QLibrary>
#include <QLibraryInfo>
#include <QMessageBox>
#include <QProgressDialog>
#include <QTextStream>
#include <QTimer>

#include <cstdio>
#include <functional>
#include <memory>
#include <thread>

namespace portolan::console {
namespace {

void setNames()
{
    QCoreApplication::setOrganizationName(QStringLiteral("Portolan"));
    QCoreApplication::setApplicationName(QStringLiteral("portolan"));
    QCoreApplication::setApplicationVersion(QStringLiteral(PORTOLAN_VERSION));
}

// Printed by the console itself, never by QCommandLineParser, which shows a message box on
// Windows: portolan.exe is a window program, and its text goes where portolan.com (the console
// twin) or a redirection sends it. UTF-16 to a Windows console, UTF-8 bytes to anything else.
void print(StandardStream stream, const QString& text)
{
    const QByteArray bytes = text.toUtf8();
    const auto device = standardConsole(stream);
    ConsoleWriter writer(*device);
    writer.sputn(bytes.constData(), std::streamsize(bytes.size()));
    writer.finish();
}

void printErr(const QString& text)
{
    print(StandardStream::Err, text);
}

void printOut(const QString& text)
{
    print(StandardStream::Out, text);
}

// What is printed before the window's QApplication exists (a usage error, --help, the advice
// for a machine without a display) speaks the console's language too: the text is made under a
// QCoreApplication that exists only for it. Exit code 0 prints on stdout, others on stderr.
int printTranslated(int argc, char** argv, const QString& language, int code,
                    const std::function<QString()>& text)
{
    QCoreApplication app(argc, argv);
    installTranslations(app, consoleLocale(language), !language.isEmpty());
    if (code == kExitOk)
        printOut(text());
    else
        printErr(text());
    return code;
}

// No window and no display: the import runs on Qt Core alone.
int runImport(int argc, char** argv, const QString& language,
              const std::function<int(QTextStream&, QTextStream&)>& run)
{
    QCoreApplication app(argc, argv);
    setNames();
    installTranslations(app, consoleLocale(language), !language.isEmpty());
    QTextStream out(stdout);
    QTextStream err(stderr);
    return run(out, err);
}

// A start-up failure: in a message box when someone can see one, always on stderr.
int cannotOpen(const QString& what, const Error& error, bool showBox)
{
    QString text = QStringLiteral("portolan: %1: %2\n  %3\n")
                       .arg(what, Explanations::errorLine(error),
                            QString::fromUtf8(remedy(error.kind).data(),
                                              qsizetype(remedy(error.kind).size())));
    printErr(text);
    if (showBox) {
        QMessageBox box(QMessageBox::Critical, QStringLiteral("Portolan"), what,
                        QMessageBox::Close);
        box.setInformativeText(Explanations::errorLine(error));
        box.exec();
    }
    return kExitCannotOpen;
}

// PORTOLAN_TRACE_STARTUP=1: how long each step of the start took, on stderr (for the
// start-up benchmark; the figures say where to look, they are not asserted anywhere).
class StartupTrace
{
public:
    explicit StartupTrace(std::chrono::steady_clock::time_point started)
        : m_started(started), m_enabled(qEnvironmentVariableIntValue("PORTOLAN_TRACE_STARTUP") != 0)
    {
    }
    void mark(const char* step) const
    {
        if (!m_enabled)
            return;
        const double ms =
            std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - m_started)
                .count();
        std::fprintf(stderr, "startup: %8.2f ms  %s\n", ms, step);
    }

private:
    std::chrono::steady_clock::time_point m_started;
    bool m_enabled;
};

} // namespace

int runConsole(int argc, char** argv, std::chrono::steady_clock::time_point started,
               const BackendDecorator& decorate)
{
    const StartupTrace trace(started);
    trace.mark("main");
    // The arguments in UTF-8 from the platform layer: on Windows, argv holds them in the ANSI
    // code page, which loses every file name outside it.
    QStringList raw{argc > 0 ? QString::fromLocal8Bit(argv[0]) : QStringLiteral("portolan")};
    for (const std::string& arg : commandLineArguments(argc, argv))
        raw << QString::fromStdString(arg);
    const QStringList args = raw.mid(1);

    const ParsedOptions parsed = parseConsoleOptions(args);
    if (!parsed.options) {
        if (parsed.mode == ConsoleMode::Import && parsed.json) // the refusal as JSON
            return runImport(argc, argv, parsed.language,
                             [&raw](QTextStream& out, QTextStream& err) {
                                 return runImportCommand(raw, out, err);
                             });
        // Parsed again under the translator, so that the refusal is in the console's language.
        return printTranslated(argc, argv, parsed.language, kExitUsage, [&args] {
            return usageFailureText(parseConsoleOptions(args).error);
        });
    }
    const ConsoleOptions& options = *parsed.options;
    if (options.help)
        return printTranslated(argc, argv, options.language, kExitOk, [] { return helpText(); });
    if (options.version) {
        printOut(versionText());
        return kExitOk;
    }
    if (options.mode == ConsoleMode::Export) // no window (offscreen, for the PDF's fonts)
        return runExportCommand(argc, argv, options);
    if (options.mode == ConsoleMode::Import)
        return runImport(argc, argv, options.language,
                         [&options](QTextStream& out, QTextStream& err) {
                             return runImportCommand(options, out, err);
                         });

    const bool screenshot = !options.screenshotFile.isEmpty();
    if (!options.qtPlatformGiven && !displayAvailable()) {
        if (!screenshot) {
            // Qt's own message ("could not connect to display ... no Qt platform plugin could
            // be initialized") says nothing about what to do instead.
            return printTranslated(argc, argv, options.language, kExitNoDisplay,
                                   [] { return noDisplayText(); });
        }
        qputenv("QT_QPA_PLATFORM", "offscreen");
    }

    // Past every usage error: from here on the console is a window, and a console twin that
    // started it can give the command prompt back.
    if (!screenshot && !options.exitAfterFirstPaint)
        releaseConsoleTwin();

    // Where Qt is a shared build (Linux distributions), the database's SQLite driver is a
    // plugin: loading it and SQLite (dynamic linking, some 2 ms) when the database is opened
    // would add to the time before the window shows. Loaded on a thread of its own, it overlaps
    // with QApplication's start, which mostly waits for the display; opening the database then
    // finds it loaded. Where there is no such file (a static Qt), the load fails and nothing
    // else happens.
    const std::jthread sqlDriverLoader(
        [path = QLibraryInfo::path(QLibraryInfo::PluginsPath) +
                QStringLiteral("/sqldrivers/libqsqlite")] { (void)QLibrary(path).load(); });
    QApplication app(argc, argv);
    setNames();
    installTranslations(app, consoleLocale(options.language), !options.language.isEmpty());
    trace.mark("QApplication");
    const bool offscreen = QGuiApplication::platformName() == QLatin1String("offscreen") ||
                           QGuiApplication::platformName() == QLatin1String("minimal");
    if (screenshot || offscreen)
        QApplication::setFont(QFont(QStringLiteral("DejaVu Sans"), 9)); // repeatable pictures
    // The font database is read (on Linux: fontconfig's configuration and caches, some 20 ms)
    // when the window first measures a text. Read on a thread of its own, it overlaps with
    // opening the backend and the database and reading the inventory; the window's first text
    // waits for it under the database's lock if it is not done. QFontDatabase is thread-safe.
    // Declared after `app`, so that it is joined before the application goes.
    const std::jthread fontDatabaseReader([] { (void)QFontDatabase::families(); });
    const bool showBoxes = !screenshot && !offscreen && !options.exitAfterFirstPaint;

    BackendOptions backendOptions;
    backendOptions.kind = options.backend.toStdString();
    backendOptions.scenarioFile = options.scenarioFile.toStdString();
    backendOptions.stateFile = options.stateFile.toStdString();
    Result<std::unique_ptr<Backend>> created = createBackend(backendOptions);
    if (!created)
        return cannotOpen(
            QCoreApplication::translate("portolan::console", "could not open the backend"),
            created.error(), showBoxes);
    std::shared_ptr<Backend> backend = std::move(created.value());
    if (decorate)
        backend = decorate(std::move(backend));
    trace.mark("backend");

    DatabaseOptions databaseOptions;
    databaseOptions.path = options.databaseFile;
    databaseOptions.createDirectory = options.databaseFile.isEmpty();
    databaseOptions.localHost = QString::fromStdString(backend->hostName());
    // An upgrade that fills the search index of a big history takes a while: say so.
    std::unique_ptr<QProgressDialog> upgrading;
    if (showBoxes) {
        databaseOptions.upgradeProgress = [&upgrading](const QString&, qint64 done, qint64 total) {
            if (!upgrading) {
                upgrading = std::make_unique<QProgressDialog>();
                upgrading->setWindowTitle(
                    QCoreApplication::translate("portolan::console", "Upgrading the database"));
                upgrading->setCancelButton(nullptr);
                upgrading->setWindowModality(Qt::ApplicationModal);
                upgrading->setMinimumDuration(500);
                upgrading->setRange(0, 1000);
            }
            upgrading->setLabelText(QCoreApplication::translate(
                "portolan::console", "Building the search index of the history…"));
            upgrading->setValue(total > 0 ? int(done * 1000 / total) : 0);
        };
    }
    Result<std::unique_ptr<Store>> store = Store::open(databaseOptions);
    upgrading.reset();
    if (!store)
        return cannotOpen(
            QCoreApplication::translate("portolan::console", "could not open the database"),
            store.error(), showBoxes);
    trace.mark("database");

    ReservationService reservations(backend, *store.value());
    ProbeService probes(backend, *store.value());
    trace.mark("services");
    ui::MainWindow window(*store.value(), reservations, probes);
    trace.mark("main window");

    if (screenshot) {
        window.resize(kScreenshotWidth, kScreenshotHeight);
        window.show();
        window.start();
        const QString problem = takeScreenshot(
            window, ScreenshotRequest{options.screenshotFile, options.screenshotView,
                                      options.screenshotState, options.screenshotDialog,
                                      options.screenshotSeed});
        if (!problem.isEmpty()) {
            printErr(QStringLiteral("portolan: screenshot: %1\n").arg(problem));
            return kExitScreenshotFailed;
        }
        return kExitOk;
    }

    std::unique_ptr<FirstPaintWatcher> watcher;
    if (options.exitAfterFirstPaint) {
        watcher = std::make_unique<FirstPaintWatcher>(&window, started);
        app.installEventFilter(watcher.get());
        window.resize(kScreenshotWidth, kScreenshotHeight);
    } else {
        window.restoreSettings();
    }
    window.show();
    trace.mark("shown");
    window.start();
    trace.mark("first refresh asked");
    // What portolan-cli did since (protect steps), into the audit log.
    if (!options.exitAfterFirstPaint)
        window.importAuditJournal(QString::fromStdString(protect::defaultJournalPath()));
    const int code = app.exec();
    if (watcher)
        app.removeEventFilter(watcher.get());
    return code;
}

} // namespace portolan::console
