// SPDX-License-Identifier: GPL-3.0-or-later
// The store's benchmark program; tests/bench/store-bench.sh runs it and compares the figures.
//
//   store-bench create DB            an empty database (schema only)
//   store-bench fill DB RUNS         RUNS probe runs (1-5 steps each, 3 hosts, all kinds) in
//                                     one transaction with prepared statements
//   store-bench open DB [ROWS]       what the console does at start: open the database, then
//                                     read the first screen of the history (ROWS runs, newest
//                                     first); prints one line of key=value figures
//
// It never judges the figures: the script prints them and their ratios.
#include "model/store/store.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>

#include <cstdio>

using namespace portolan;

namespace {

int fail(const Error& error)
{
    std::fprintf(stderr, "store-bench: %s\n", error.describe().c_str());
    return 2;
}

// Peak resident memory of this process in KiB (VmHWM), -1 where /proc is missing.
qint64 peakMemoryKiB()
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly | QIODevice::Text))
        return -1;
    for (QByteArray line = status.readLine(); !line.isEmpty(); line = status.readLine()) {
        if (line.startsWith("VmHWM:"))
            return line.mid(6).trimmed().split(' ').value(0).toLongLong();
    }
    return -1;
}

ProbeRunRecord makeRun(qint64 index, const QDateTime& startedAt)
{
    static const QString hosts[] = {QStringLiteral("build-01"), QStringLiteral("dev-laptop"),
                                    QStringLiteral("hyperv-host")};
    ProbeRunRecord run;
    run.actor = Actor{hosts[index % 3], QStringLiteral("bench"), index % 2 == 0};
    run.kind = ProbeKind(index % 5);
    run.startedAt = startedAt;
    run.durationUs = 100 + index % 5000;
    run.protocol = index % 4 ? Protocol::Tcp : Protocol::Udp;
    run.spec = SocketSpec::forProtocol(run.protocol);
    run.address = QStringLiteral("127.0.0.1");
    run.requested = PortRange{quint16(1024 + index % 60000), quint16(1 + index % 100)};
    run.granted = run.requested;
    run.token = 0x8000000000000000ULL | quint64(index);
    run.ok = index % 7 != 0;
    run.summary = QStringLiteral("%1 %2 %3-%4: bench run %5")
                      .arg(toText(run.kind), run.protocol == Protocol::Tcp ? QStringLiteral("tcp")
                                                                           : QStringLiteral("udp"))
                      .arg(run.requested.start)
                      .arg(run.requested.end())
                      .arg(index);
    run.parameters = QStringLiteral("{\"index\":%1,\"threads\":4}").arg(index);
    const int steps = 1 + int(index % 5);
    for (int i = 0; i < steps; ++i) {
        ProbeStepRecord step;
        step.kind = StepKind(i % 10);
        step.ok = run.ok || i + 1 < steps;
        step.durationUs = 20 + i;
        step.detail = QStringLiteral("step %1 detail text").arg(i);
        if (!step.ok)
            step.error = Error{ErrorKind::Conflict, 10048, "WSAEADDRINUSE", "address in use"};
        run.steps.append(step);
    }
    return run;
}

int fill(Store& store, qint64 count)
{
    const QDateTime first(QDate(2023, 1, 1), QTime(0, 0), Qt::UTC);
    QElapsedTimer timer;
    timer.start();
    // One transaction around everything; recordMany's own transactions nest as savepoints.
    Result<Transaction> transaction = Transaction::begin(store.database(), QStringLiteral("fill"));
    if (!transaction)
        return fail(transaction.error());
    constexpr qint64 kBatch = 10000;
    for (qint64 done = 0; done < count;) {
        QList<ProbeRunRecord> batch;
        const qint64 size = qMin(kBatch, count - done);
        batch.reserve(size);
        for (qint64 i = 0; i < size; ++i, ++done)
            batch.append(makeRun(done, first.addSecs(done * 2)));
        Result<QList<qint64>> ids = store.probeRuns().recordMany(batch);
        if (!ids)
            return fail(ids.error());
    }
    Result<void> committed = transaction->commit();
    if (!committed)
        return fail(committed.error());
    std::printf("filled=%lld fill_ms=%lld\n", static_cast<long long>(count),
                static_cast<long long>(timer.elapsed()));
    return 0;
}

} // namespace

int main(int argc, char** argv)
{
    QElapsedTimer sinceStart;
    sinceStart.start();
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments().mid(1);
    if (args.size() < 2) {
        std::fprintf(stderr, "usage: store-bench create|fill|open DB [RUNS|ROWS]\n");
        return 1;
    }
    const QString mode = args[0];
    DatabaseOptions options;
    options.path = args[1];
    options.localHost = QStringLiteral("bench-host");

    if (mode == QLatin1String("create") || mode == QLatin1String("fill")) {
        Result<std::unique_ptr<Store>> store = Store::open(options);
        if (!store)
            return fail(store.error());
        if (mode == QLatin1String("fill")) {
            const int code = fill(*store.value(), args.value(2).toLongLong());
            if (code != 0)
                return code;
        }
        store.value().reset(); // closes: the WAL is checkpointed into the file
        std::printf("file_bytes=%lld\n", static_cast<long long>(QFileInfo(options.path).size()));
        return 0;
    }
    if (mode != QLatin1String("open"))
        return 1;

    const int rows = args.size() > 2 ? args[2].toInt() : 50;
    QElapsedTimer timer;
    timer.start();
    Result<std::unique_ptr<Store>> store = Store::open(options);
    if (!store)
        return fail(store.error());
    const qint64 openNs = timer.nsecsElapsed();
    Result<QList<ProbeRunRecord>> screen = store.value()->probeRuns().runs({}, rows);
    if (!screen)
        return fail(screen.error());
    const qint64 firstScreenNs = timer.nsecsElapsed() - openNs;
    const qint64 peakKiB = peakMemoryKiB(); // the start's peak, before the extra queries
    const qint64 processNs = sinceStart.nsecsElapsed();
    // Not part of the measured start, for information: the next page and a host filter.
    qint64 nextPageNs = 0;
    qint64 hostScreenNs = 0;
    if (!screen->isEmpty()) {
        QElapsedTimer more;
        more.start();
        const ProbeRunRecord& last = screen->constLast();
        Result<QList<ProbeRunRecord>> next =
            store.value()->probeRuns().runs({}, rows, PageKey{last.startedAt, last.id});
        if (!next)
            return fail(next.error());
        nextPageNs = more.nsecsElapsed();
        ProbeRunFilter host;
        host.host = QStringLiteral("dev-laptop");
        more.restart();
        Result<QList<ProbeRunRecord>> hostScreen = store.value()->probeRuns().runs(host, rows);
        if (!hostScreen)
            return fail(hostScreen.error());
        hostScreenNs = more.nsecsElapsed();
    }
    std::printf("open_us=%lld first_screen_us=%lld start_us=%lld rows=%lld next_page_us=%lld "
                "host_screen_us=%lld process_us=%lld peak_kib=%lld\n",
                static_cast<long long>(openNs / 1000), static_cast<long long>(firstScreenNs / 1000),
                static_cast<long long>((openNs + firstScreenNs) / 1000),
                static_cast<long long>(screen->size()), static_cast<long long>(nextPageNs / 1000),
                static_cast<long long>(hostScreenNs / 1000),
                static_cast<long long>(processNs / 1000), static_cast<long long>(peakKiB));
    return 0;
}
