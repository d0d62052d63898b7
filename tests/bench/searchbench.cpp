// SPDX-License-Identifier: GPL-3.0-or-later
// Searching a big history never stalls the console. Opens the History view on a database
// (a 1,000,000-run one from `store-bench fill`, see tests/bench/stall-bench), types each search
// term into its search field one key at a time, as a person types, and measures the event
// loop's longest stall with a 1 ms timer from the first key until the results are on screen,
// and the search's latency: from the moment the query is asked (after the typing pause) to its
// first page on screen. Prints each figure and the targets (stall < 50 ms, first page within
// 100 ms). It never fails on the figures.
//
// Usage: searchbench DB TERM...

#include "stallmeter.h"

#include "ui/history/historyview.h"

#include "model/itemmodels/proberunmodel.h"
#include "model/services/probeservice.h"
#include "model/services/reservationservice.h"
#include "model/store/store.h"

#include "platform/backendfactory.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFont>
#include <QKeyEvent>
#include <QLineEdit>
#include <QLocale>
#include <QTimer>

#include <cstdio>
#include <memory>

using namespace portolan;

namespace {

using bench::ms;
using bench::runFor;
using bench::say;

constexpr double kStallTargetMs = 50.0;
constexpr double kLatencyTargetMs = 100.0;
constexpr int kKeyIntervalMs = 120; // a brisk typist

void typeKey(QWidget* target, QChar c)
{
    QKeyEvent press(QEvent::KeyPress, 0, Qt::NoModifier, QString(c));
    QKeyEvent release(QEvent::KeyRelease, 0, Qt::NoModifier, QString(c));
    QApplication::sendEvent(target, &press);
    QApplication::sendEvent(target, &release);
}

} // namespace

int main(int argc, char** argv)
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM") && qEnvironmentVariableIsEmpty("DISPLAY"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    QApplication::setFont(QFont(QStringLiteral("DejaVu Sans"), 9));
    const QStringList args = QApplication::arguments();
    if (args.size() < 3) {
        std::fprintf(stderr, "usage: searchbench DB TERM...\n");
        return 2;
    }

    BackendOptions backendOptions;
    backendOptions.kind = "simulated";
    backendOptions.stateFile = ":memory:";
    auto created = createBackend(backendOptions);
    DatabaseOptions databaseOptions;
    databaseOptions.path = args.at(1);
    auto opened = Store::open(databaseOptions);
    if (!created || !opened) {
        std::fprintf(stderr, "searchbench: %s\n",
                     !created ? created.error().describe().c_str()
                              : opened.error().describe().c_str());
        return 2;
    }
    std::shared_ptr<Backend> backend = std::move(created.value());
    std::unique_ptr<Store> store = std::move(opened.value());
    auto probes = std::make_unique<ProbeService>(backend, *store);
    auto reservations = std::make_unique<ReservationService>(backend, *store);

    ui::HistoryView view(*store, *probes, *reservations);
    view.resize(1280, 800);
    view.show();
    view.showRuns();
    runFor(300); // first paint, first page
    auto* field = view.findChild<QLineEdit*>(QStringLiteral("runFilterText"));
    ProbeRunModel* model = view.runModel();
    if (!field || !model) {
        std::fprintf(stderr, "searchbench: the History view has no run search field\n");
        return 2;
    }
    field->setFocus();

    double worstStall = 0;
    double worstLatency = 0;
    bench::StallMeter meter;
    for (int t = 2; t < args.size(); ++t) {
        const QString term = args.at(t);
        field->clear();
        model->setFilter({}); // back to the unfiltered first page, outside the measurement
        runFor(300);

        // The search is asked when the model starts searching; it ends when its page is in.
        QElapsedTimer clock;
        qint64 askedNs = -1;
        qint64 answeredNs = -1;
        QTimer watch;
        watch.setTimerType(Qt::PreciseTimer);
        watch.setInterval(1);
        QObject::connect(&watch, &QTimer::timeout, [&] {
            if (askedNs < 0 && model->isSearching())
                askedNs = clock.nsecsElapsed();
        });
        const auto finished = QObject::connect(model, &ProbeRunModel::backgroundFilterFinished,
                                               [&] { answeredNs = clock.nsecsElapsed(); });
        meter.start();
        clock.start();
        watch.start();
        for (const QChar c : term) {
            typeKey(field, c);
            runFor(kKeyIntervalMs);
        }
        QElapsedTimer wait;
        wait.start();
        while (answeredNs < 0 && wait.elapsed() < 60000)
            runFor(5);
        runFor(200); // the page painted
        meter.stop();
        watch.stop();
        QObject::disconnect(finished);
        if (answeredNs < 0 || askedNs < 0) {
            std::fprintf(stderr, "searchbench: the search for '%s' never finished\n",
                         term.toUtf8().constData());
            return 2;
        }
        const double latency = double(answeredNs - askedNs) / 1e6;
        worstStall = qMax(worstStall, meter.longestMs());
        worstLatency = qMax(worstLatency, latency);
        say(QStringLiteral("search %1: first page in %2 (%3 runs shown); longest stall while "
                           "typing and searching %4 (gaps > 16 ms: %5)")
                .arg(term, ms(latency))
                .arg(model->rowCount())
                .arg(ms(meter.longestMs()))
                .arg(meter.over16()));
    }
    say(QStringLiteral("search stall:   %1 (worst) -> target (< %2 ms): %3")
            .arg(ms(worstStall))
            .arg(kStallTargetMs, 0, 'f', 0)
            .arg(worstStall < kStallTargetMs ? QStringLiteral("met") : QStringLiteral("NOT met")));
    say(QStringLiteral("search latency: %1 (worst) -> target (<= %2 ms): %3")
            .arg(ms(worstLatency))
            .arg(kLatencyTargetMs, 0, 'f', 0)
            .arg(worstLatency <= kLatencyTargetMs ? QStringLiteral("met")
                                                  : QStringLiteral("NOT met")));
    return 0;
}
