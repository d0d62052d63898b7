// SPDX-License-Identifier: GPL-3.0-or-later
// The GUI thread never blocks on a backend call. Shows the Scan view
// (with the History view following the probe service, as in the console) and measures the
// event loop's longest stall with a 1 ms timer: first while the window is idle, then during a
// full 1-65535 scan started from the view, until the result is on screen. Prints both, the
// scan time and whether the target (longest stall during the scan < 100 ms) was met. It never
// fails on the figures; tests/bench/stall-bench runs it on the simulated and linux backends.
//
// Usage: stallbench [--backend simulated|linux] [--scenario FILE] [--idle SECONDS]
//                   [--ports FIRST-LAST] [--address ADDR] [--protocol tcp|udp] [--repeat N]

#include "stallmeter.h"

#include "ui/history/historyview.h"
#include "ui/scan/scanview.h"

#include "model/services/probeservice.h"
#include "model/services/reservationservice.h"
#include "model/store/store.h"

#include "platform/backendfactory.h"
#include "platform/types.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFont>
#include <QLocale>
#include <QTemporaryDir>
#include <QTimer>
#include <QVBoxLayout>
#include <QWidget>

#include <algorithm>
#include <cstdio>
#include <memory>
#include <thread>
#include <vector>

using namespace portolan;

namespace {

using bench::ms;
using bench::runFor;
using bench::say;

constexpr double kTargetMs = 100.0;

} // namespace

int main(int argc, char** argv)
{
    // A window is shown either way; without a display it is drawn offscreen, which still
    // paints every frame into the window's backing store.
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM") && qEnvironmentVariableIsEmpty("DISPLAY") &&
        qEnvironmentVariableIsEmpty("WAYLAND_DISPLAY"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    QApplication::setFont(QFont(QStringLiteral("DejaVu Sans"), 9));

    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Event loop stalls of the console during a full scan"));
    parser.addHelpOption();
    parser.addOption({QStringLiteral("backend"), QStringLiteral("simulated or linux"),
                      QStringLiteral("KIND"), QStringLiteral("simulated")});
    parser.addOption({QStringLiteral("scenario"), QStringLiteral("simulated: the scenario file"),
                      QStringLiteral("FILE")});
    parser.addOption({QStringLiteral("idle"), QStringLiteral("seconds of idle window"),
                      QStringLiteral("SECONDS"), QStringLiteral("3")});
    parser.addOption({QStringLiteral("ports"), QStringLiteral("the scan's range"),
                      QStringLiteral("FIRST-LAST"), QStringLiteral("1-65535")});
    parser.addOption({QStringLiteral("address"), QStringLiteral("the scan's address"),
                      QStringLiteral("ADDR"), QStringLiteral("127.0.0.1")});
    parser.addOption({QStringLiteral("protocol"), QStringLiteral("tcp or udp"),
                      QStringLiteral("PROTOCOL"), QStringLiteral("tcp")});
    parser.addOption({QStringLiteral("repeat"), QStringLiteral("number of scans"),
                      QStringLiteral("N"), QStringLiteral("3")});
    parser.process(app);

    const QString kind = parser.value(QStringLiteral("backend"));
    BackendOptions options;
    options.kind = kind.toStdString();
    options.scenarioFile = parser.value(QStringLiteral("scenario")).toStdString();
    if (kind == QLatin1String("simulated"))
        options.stateFile = ":memory:";
    auto created = createBackend(options);
    if (!created) {
        std::fprintf(stderr, "stallbench: %s\n", created.error().describe().c_str());
        return 2;
    }
    std::shared_ptr<Backend> backend = std::move(created.value());

    auto span = parsePortSpan(parser.value(QStringLiteral("ports")).toStdString(), "--ports");
    const auto protocol = parseProtocol(parser.value(QStringLiteral("protocol")).toStdString());
    bool repeatOk = false;
    const int repeat = parser.value(QStringLiteral("repeat")).toInt(&repeatOk);
    bool idleOk = false;
    const double idleSeconds = parser.value(QStringLiteral("idle")).toDouble(&idleOk);
    if (!span || !protocol || !repeatOk || repeat < 1 || !idleOk || idleSeconds <= 0) {
        std::fprintf(stderr, "stallbench: bad --ports, --protocol, --repeat or --idle\n");
        return 2;
    }

    QTemporaryDir dir;
    DatabaseOptions databaseOptions;
    databaseOptions.path = dir.filePath(QStringLiteral("portolan.sqlite"));
    auto opened = Store::open(databaseOptions);
    if (!opened) {
        std::fprintf(stderr, "stallbench: %s\n", opened.error().describe().c_str());
        return 2;
    }
    std::unique_ptr<Store> store = std::move(opened.value());
    auto probes = std::make_unique<ProbeService>(backend, *store);
    auto reservations = std::make_unique<ReservationService>(backend, *store);

    QWidget window;
    window.setWindowTitle(QStringLiteral("stallbench"));
    auto* layout = new QVBoxLayout(&window);
    auto* scanView = new ui::ScanView(*probes, &window);
    layout->addWidget(scanView);
    // Not shown, but following the service like the console's History view.
    auto* history = new ui::HistoryView(*store, *probes, *reservations, &window);
    history->hide();
    window.resize(1280, 800);
    window.show();
    runFor(300); // first paint, first history page

    ScanRequest request;
    request.protocol = *protocol;
    request.address = parser.value(QStringLiteral("address")).toStdString();
    request.family =
        request.address.find(':') != std::string::npos ? AddressFamily::IPv6 : AddressFamily::IPv4;
    request.first = span->start;
    request.last = quint16(span->end());
    scanView->setRequest(request);

    say(QStringLiteral("stall-bench: backend %1%2, scan %3 %4 %5-%6, %7 scan(s); %8 cores, "
                       "platform %9")
            .arg(kind,
                 options.scenarioFile.empty()
                     ? QString()
                     : QStringLiteral(" (%1)").arg(QString::fromStdString(options.scenarioFile)),
                 parser.value(QStringLiteral("protocol")).toUpper(),
                 QString::fromStdString(request.address))
            .arg(request.first)
            .arg(request.last)
            .arg(repeat)
            .arg(std::thread::hardware_concurrency())
            .arg(QGuiApplication::platformName()));

    bench::StallMeter meter;
    meter.start();
    runFor(int(idleSeconds * 1000));
    meter.stop();
    const double idleStall = meter.longestMs();
    say(QStringLiteral("idle stall:  %1 (longest gap of a 1 ms timer over %2 s, %3 ticks)")
            .arg(ms(idleStall))
            .arg(meter.seconds(), 0, 'f', 1)
            .arg(meter.ticks()));

    double worstStall = 0.0;
    std::vector<double> scanSeconds;
    for (int i = 0; i < repeat; ++i) {
        QEventLoop loop;
        ScanResult result;
        QElapsedTimer clock;
        const auto connection = QObject::connect(scanView, &ui::ScanView::scanFinished, &loop,
                                                 [&](const ScanResult& r) {
                                                     result = r;
                                                     loop.quit();
                                                 });
        meter.start();
        clock.start();
        scanView->startScan();
        if (!scanView->isScanning()) {
            std::fprintf(stderr, "stallbench: the scan did not start: %s\n",
                         scanView->summaryText().toUtf8().constData());
            return 2;
        }
        loop.exec();
        const double seconds = double(clock.nsecsElapsed()) / 1e9;
        QObject::disconnect(connection);
        runFor(300); // the result's table and summary painted
        meter.stop();
        worstStall = std::max(worstStall, meter.longestMs());
        scanSeconds.push_back(seconds);
        say(QStringLiteral("scan %1:      stall %2, scan time %3 s (%4 ports, %5 runs, %6); "
                           "gaps > 16 ms: %7, > 50 ms: %8")
                .arg(i + 1)
                .arg(ms(meter.longestMs()))
                .arg(seconds, 0, 'f', 2)
                .arg(result.probed)
                .arg(result.runs.size())
                .arg(result.cancelled ? QStringLiteral("cancelled") : QStringLiteral("complete"))
                .arg(meter.over16())
                .arg(meter.over50()));
    }
    std::sort(scanSeconds.begin(), scanSeconds.end());
    const double medianSeconds = scanSeconds[scanSeconds.size() / 2];
    say(QStringLiteral("idle stall:  %1").arg(ms(idleStall)));
    say(QStringLiteral("scan stall:  %1 (worst of %2 scans)").arg(ms(worstStall)).arg(repeat));
    say(QStringLiteral("scan time:   %1 s (median)").arg(medianSeconds, 0, 'f', 2));
    say(QStringLiteral("target (< %1 ms): %2")
            .arg(kTargetMs, 0, 'f', 0)
            .arg(worstStall < kTargetMs ? QStringLiteral("met") : QStringLiteral("NOT met")));
    return 0;
}
