#include "console.h"

#include "consoleoptions.h"
#include "screenshot.h"

#include "ui/mainwindow.h"

#include "model/explanations.h"
#include "model/importcommand.h"
#include "model/probeservice.h"
#include "model/reservationservice.h"
#include "model/store.h"

#include "platform/backendfactory.h"

#include <QApplication>
#include <QFile>
#include <QFont>
#include <QMessageBox>
#include <QTextStream>
#include <QTimer>

#include <cstdio>
#include <memory>

#ifdef __linux__
#include <sys/resource.h>
#endif

namespace portolan::console {
namespace {

void setNames()
{
    QCoreApplication::setOrganizationName(QStringLiteral("Portolan"));
    QCoreApplication::setApplicationName(QStringLiteral("portolan"));
    QCoreApplication::setApplicationVersion(QStringLiteral(PORTOLAN_VERSION));
}

void printErr(const QString& text)
{
    const QByteArray bytes = text.toLocal8Bit();
    std::fwrite(bytes.constData(), 1, size_t(bytes.size()), stderr);
    std::fflush(stderr);
}

void printOut(const QString& text)
{
    const QByteArray bytes = text.toLocal8Bit();
    std::fwrite(bytes.constData(), 1, size_t(bytes.size()), stdout);
    std::fflush(stdout);
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

long long peakRssKiB()
{
#ifdef __linux__
    rusage usage{};
    if (getrusage(RUSAGE_SELF, &usage) == 0)
        return usage.ru_maxrss;
#endif
    return -1;
}

// --exit-after-first-paint: the first frame of the window has been painted once the event
// that painted it has been handled; then the time since main() is printed and the app quits.
class FirstPaintWatcher : public QObject
{
public:
    FirstPaintWatcher(QWidget* window, std::chrono::steady_clock::time_point started)
        : m_window(window), m_started(started)
    {
    }

protected:
    bool eventFilter(QObject* watched, QEvent* event) override
    {
        if (!m_seen && event->type() == QEvent::Paint && watched->isWidgetType()
            && static_cast<QWidget*>(watched)->window() == m_window) {
            m_seen = true;
            QTimer::singleShot(0, this, [this] {
                const auto now = std::chrono::steady_clock::now();
                const double ms =
                    std::chrono::duration<double, std::milli>(now - m_started).count();
                std::printf("first_paint_ms=%.2f first_paint_steady_ns=%lld peak_rss_kib=%lld\n",
                            ms,
                            static_cast<long long>(std::chrono::duration_cast<std::chrono::nanoseconds>(
                                                       now.time_since_epoch())
                                                       .count()),
                            peakRssKiB());
                std::fflush(stdout);
                QCoreApplication::exit(0);
            });
        }
        return false;
    }

private:
    QWidget* m_window;
    std::chrono::steady_clock::time_point m_started;
    bool m_seen = false;
};

} // namespace

int runConsole(int argc, char** argv, std::chrono::steady_clock::time_point started)
{
    QStringList raw;
    for (int i = 0; i < argc; ++i)
        raw << QString::fromLocal8Bit(argv[i]);

    if (isImportCommand(raw)) {
        // No window and no display: the import runs on Qt Core alone.
        QCoreApplication app(argc, argv);
        setNames();
        QTextStream out(stdout);
        QTextStream err(stderr);
        return runImportCommand(raw, out, err);
    }

    const ParsedOptions parsed = parseConsoleOptions(raw.mid(1));
    if (!parsed.options) {
        printErr(usageFailureText(parsed.error));
        return kExitUsage;
    }
    const ConsoleOptions& options = *parsed.options;
    if (options.help) {
        printOut(helpText());
        return kExitOk;
    }
    if (options.version) {
        printOut(versionText());
        return kExitOk;
    }

    const bool screenshot = !options.screenshotFile.isEmpty();
    if (!options.qtPlatformGiven && !displayAvailable()) {
        if (!screenshot) {
            // Qt's own message ("could not connect to display ... no Qt platform plugin could
            // be initialized") says nothing about what to do instead.
            printErr(noDisplayText());
            return kExitNoDisplay;
        }
        qputenv("QT_QPA_PLATFORM", "offscreen");
    }

    QApplication app(argc, argv);
    setNames();
    const bool offscreen = QGuiApplication::platformName() == QLatin1String("offscreen")
                           || QGuiApplication::platformName() == QLatin1String("minimal");
    if (screenshot || offscreen)
        QApplication::setFont(QFont(QStringLiteral("DejaVu Sans"), 9)); // repeatable pictures
    const bool showBoxes = !screenshot && !offscreen && !options.exitAfterFirstPaint;

    BackendOptions backendOptions;
    backendOptions.kind = options.backend.toStdString();
    backendOptions.scenarioFile = options.scenarioFile.toStdString();
    backendOptions.stateFile = options.stateFile.toStdString();
    Result<std::unique_ptr<Backend>> created = createBackend(backendOptions);
    if (!created)
        return cannotOpen(QStringLiteral("could not open the backend"), created.error(), showBoxes);
    std::shared_ptr<Backend> backend = std::move(created.value());

    DatabaseOptions databaseOptions;
    databaseOptions.path = options.databaseFile;
    databaseOptions.createDirectory = options.databaseFile.isEmpty();
    databaseOptions.localHost = QString::fromStdString(backend->hostName());
    Result<std::unique_ptr<Store>> store = Store::open(databaseOptions);
    if (!store)
        return cannotOpen(QStringLiteral("could not open the database"), store.error(), showBoxes);

    ReservationService reservations(backend, *store.value());
    ProbeService probes(backend, *store.value());
    ui::MainWindow window(*store.value(), reservations, probes);

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
    window.start();
    const int code = app.exec();
    if (watcher)
        app.removeEventFilter(watcher.get());
    return code;
}

} // namespace portolan::console
