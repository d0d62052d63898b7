// SPDX-License-Identifier: GPL-3.0-or-later
// The store across processes: a writer killed with SIGKILL loses nothing it reported
// committed, two writers at once lose nothing, a full file system stops recording cleanly.
#include "legacyschemas.h"
#include "storetestsupport.h"

#include <QElapsedTimer>
#include <QHash>
#include <QRandomGenerator>
#include <QTemporaryDir>

#ifdef Q_OS_WIN
#include <windows.h>
#endif

using namespace portolan;
using namespace portolan::testing;

namespace {

const QString kWriter = QStringLiteral(PORTOLAN_STORE_WRITER);

// A writer started without a console of its own. Under Wine a killed console child leaves its
// conhost.exe running, holding the test's output pipes, and ctest then waits for ever.
void startWriter(QProcess& writer, const QStringList& arguments)
{
#ifdef Q_OS_WIN
    writer.setCreateProcessArgumentsModifier(
        [](QProcess::CreateProcessArguments* args) { args->flags |= DETACHED_PROCESS; });
#endif
    writer.start(kWriter, arguments);
}

struct Reported
{
    QHash<qint64, int> steps; // run id -> its step count, for every "committed" line
    QString error;            // the "error ..." line, if any
};

// Only complete lines count: a line cut by the kill was never fully reported.
void parse(const QByteArray& output, Reported& reported)
{
    const QList<QByteArray> lines = output.split('\n');
    for (qsizetype i = 0; i + 1 < lines.size(); ++i) {
        const QList<QByteArray> parts = lines[i].split(' ');
        if (parts.size() == 3 && parts[0] == "committed")
            reported.steps.insert(parts[1].toLongLong(), parts[2].toInt());
        else if (parts.value(0) == "error")
            reported.error = QString::fromUtf8(lines[i]);
    }
}

// Every reported run is there with all its steps, in order.
void verifyReported(Store& store, const Reported& reported)
{
    for (auto it = reported.steps.cbegin(); it != reported.steps.cend(); ++it) {
        auto run = store.probeRuns().run(it.key());
        QVERIFY2(run.ok(), qPrintable(QStringLiteral("run %1 was reported committed but is missing").arg(it.key())));
        QCOMPARE(run->steps.size(), it.value());
        for (int i = 0; i < run->steps.size(); ++i)
            QCOMPARE(run->steps[i].seq, i);
    }
}

} // namespace

class ProcessesTest : public QObject
{
    Q_OBJECT

private slots:
    void killedWriterLosesNothingCommitted()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("portolan.sqlite"));
        const quint32 seed = QRandomGenerator::global()->generate();
        qInfo("random seed %u", seed);
        QRandomGenerator random(seed);

        Reported reported;
        int killedBeforeFirstCommit = 0;
        int killedAfterExit = 0;
        for (int round = 0; round < 50; ++round) {
            QProcess writer;
            startWriter(writer, {QStringLiteral("write"), path, QStringLiteral("--host"),
                                 QStringLiteral("durability")});
            QVERIFY(writer.waitForStarted(10000));
            // From 0 ms (still starting, creating or upgrading the file) to 300 ms (deep in
            // the loop, mostly inside a commit).
            const int delay = int(random.bounded(300u));
            if (writer.waitForFinished(delay)) // it must not end by itself
                ++killedAfterExit;
            writer.kill(); // SIGKILL
            QVERIFY(writer.waitForFinished(10000));
            Reported round_;
            parse(writer.readAllStandardOutput(), round_);
            QVERIFY2(round_.error.isEmpty(), qPrintable(round_.error));
            if (round_.steps.isEmpty())
                ++killedBeforeFirstCommit;
            for (auto it = round_.steps.cbegin(); it != round_.steps.cend(); ++it)
                reported.steps.insert(it.key(), it.value());
        }
        QCOMPARE(killedAfterExit, 0);
        qInfo("50 kills: %lld runs reported committed, %d kills before the first commit",
              static_cast<long long>(reported.steps.size()), killedBeforeFirstCommit);
        QVERIFY(reported.steps.size() > 0);

        {
            RawDatabase raw(path);
            QCOMPARE(raw.column(QStringLiteral("PRAGMA integrity_check")), QStringList{QStringLiteral("ok")});
        }
        DatabaseOptions options;
        options.path = path;
        auto store = Store::open(options);
        QVERIFY2(store.ok(), store.ok() ? "" : store.error().describe().c_str());
        QCOMPARE(store.value()->database().integrityCheck().value(), QStringLiteral("ok"));
        verifyReported(*store.value(), reported);
        // A run killed half-way is absent as a whole: no step without its run.
        RawDatabase raw(path);
        QCOMPARE(raw.scalar(QStringLiteral(
                     "SELECT count(*) FROM probe_step WHERE run_id NOT IN (SELECT id FROM probe_run)")).toInt(),
                 0);
        QVERIFY(store.value()->probeRuns().count().value() >= reported.steps.size());
    }

    void twoWritersAtOnce_data()
    {
        QTest::addColumn<bool>("legacy");
        QTest::newRow("new file") << false;
        QTest::newRow("version 1 file, both upgrading") << true;
    }

    void twoWritersAtOnce()
    {
        QFETCH(bool, legacy);
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("portolan.sqlite"));
        if (legacy) {
            RawDatabase raw(path);
            QCOMPARE(raw.exec(schemaV1() + dataV1()), QString());
        }
        constexpr int kRuns = 150;
        QProcess first;
        QProcess second;
        const QStringList common{QStringLiteral("--runs"), QString::number(kRuns)};
        startWriter(first, QStringList{QStringLiteral("write"), path, QStringLiteral("--host"), QStringLiteral("first")} + common);
        startWriter(second, QStringList{QStringLiteral("write"), path, QStringLiteral("--host"), QStringLiteral("second")} + common);
        QVERIFY(first.waitForFinished(120000));
        QVERIFY(second.waitForFinished(120000));
        Reported fromFirst;
        Reported fromSecond;
        parse(first.readAllStandardOutput(), fromFirst);
        parse(second.readAllStandardOutput(), fromSecond);
        QVERIFY2(fromFirst.error.isEmpty(), qPrintable(fromFirst.error));
        QVERIFY2(fromSecond.error.isEmpty(), qPrintable(fromSecond.error));
        QCOMPARE(first.exitCode(), 0);
        QCOMPARE(second.exitCode(), 0);
        QCOMPARE(fromFirst.steps.size(), kRuns);
        QCOMPARE(fromSecond.steps.size(), kRuns);

        DatabaseOptions options;
        options.path = path;
        auto store = Store::open(options);
        QVERIFY_OK(store);
        QCOMPARE(store.value()->database().integrityCheck().value(), QStringLiteral("ok"));
        QCOMPARE(store.value()->probeRuns().count().value(), 2 * kRuns);
        ProbeRunFilter firstOnly;
        firstOnly.host = QStringLiteral("first");
        QCOMPARE(store.value()->probeRuns().count(firstOnly).value(), kRuns);
        verifyReported(*store.value(), fromFirst);
        verifyReported(*store.value(), fromSecond);
        if (legacy)
            QCOMPARE(store.value()->inventory().count().value(), 3);
    }

    // A real full file system: a 1 MiB tmpfs in a private mount namespace. The writer fills
    // it, must stop with SQLITE_FULL, and everything it reported before is still there.
    void fullFileSystemStopsCleanly()
    {
        QTemporaryDir dir;
        const QString mountPoint = dir.filePath(QStringLiteral("small"));
        const QString saved = dir.filePath(QStringLiteral("saved"));
        QVERIFY(QDir(dir.path()).mkdir(QStringLiteral("small")));
        QVERIFY(QDir(dir.path()).mkdir(QStringLiteral("saved")));
        // After the writer stops, the file and its journal are copied out of the namespace.
        const Namespaced run = runInMountNamespace(
            QStringLiteral("mount -t tmpfs -o size=1m tmpfs \"$1\" || exit 90; "
                           "\"$2\" write \"$1/portolan.sqlite\" --host full --payload 3000; code=$?; "
                           "cp \"$1/portolan.sqlite\" \"$3/\"; "
                           "[ -f \"$1/portolan.sqlite-wal\" ] && cp \"$1/portolan.sqlite-wal\" \"$3/\"; "
                           "exit $code"),
            {mountPoint, kWriter, saved}, 120000);
        if (!run.available)
            QSKIP(qPrintable(QStringLiteral("no private mount namespace: ") + run.reason));
        QVERIFY2(run.exitCode != 90, run.output.constData());
        Reported reported;
        parse(run.output, reported);
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(reported.error.startsWith(QStringLiteral("error IoError SQLITE_FULL ")), qPrintable(reported.error));
        QVERIFY2(reported.error.contains(QStringLiteral("is full")), qPrintable(reported.error));
        QVERIFY(reported.steps.size() > 5);
        qInfo("%lld runs recorded before the file system was full", static_cast<long long>(reported.steps.size()));

        DatabaseOptions options;
        options.path = saved + QStringLiteral("/portolan.sqlite");
        auto store = Store::open(options);
        QVERIFY2(store.ok(), store.ok() ? "" : store.error().describe().c_str());
        QCOMPARE(store.value()->database().integrityCheck().value(), QStringLiteral("ok"));
        QCOMPARE(store.value()->probeRuns().count().value(), qint64(reported.steps.size()));
        verifyReported(*store.value(), reported);
    }
};

QTEST_GUILESS_MAIN(ProcessesTest)
#include "tst_processes.moc"
