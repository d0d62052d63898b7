// SPDX-License-Identifier: GPL-3.0-or-later
// `portolan --import` with host snapshots: folders and several files, every snapshot of every
// host kept once, and bad files refused by field with nothing stored.
#include "storetestsupport.h"

#include "importcommandsupport.h"
#include "model/fleet/snapshotimport.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTextStream>

using namespace portolan;
using namespace portolan::testing;

namespace {

HostSnapshot snapshotOf(const char* host, std::int64_t gatheredAt, std::uint16_t winnatStart)
{
    HostSnapshot s;
    s.toolVersion = "0.9.0";
    s.host = host;
    s.os = OsInfo{"windows", "Windows 11 Pro", "10.0.22631"};
    s.backend = "simulated";
    s.elevated = true;
    s.bootTime = gatheredAt - 3600;
    s.gatheredAt = gatheredAt;
    s.dynamicTcp = PortRange{49152, 16384};
    s.dynamicUdp = PortRange{49152, 16384};
    s.persistent = {ReservedBlock{Protocol::Tcp, PortRange{5037, 1}, true, 123456, {}, {}}};
    s.runtime = {ReservedBlock{Protocol::Tcp, PortRange{winnatStart, 500}, false, kNoToken,
                               "Windows NAT (WinNAT)", "scenario"}};
    return s;
}

void write(const QString& path, const QByteArray& text)
{
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(text);
}

QByteArray json(const HostSnapshot& s)
{
    return QByteArray::fromStdString(snapshotToJson(s));
}

int snapshotCount(const QString& db)
{
    RawDatabase raw(db);
    return raw.scalar(QStringLiteral("SELECT count(*) FROM host_snapshot")).toInt();
}

} // namespace

class SnapshotImportTest : public QObject
{
    Q_OBJECT

private slots:
    void folderKeepsEverySnapshotOnce()
    {
        QTemporaryDir dir;
        const QString fleet = dir.filePath(QStringLiteral("fleet"));
        QVERIFY(QDir().mkpath(fleet));
        const std::int64_t day = 86400;
        for (const char* host : {"BUILD-01", "BUILD-02", "CI-RUNNER-3", "LAPTOP-ANA", "HV-01"})
            write(fleet + QStringLiteral("/%1.json").arg(QLatin1String(host)),
                  json(snapshotOf(host, 1765094400, 2869)));
        // A second, later snapshot of one host, where WinNAT's block moved.
        const QString later = dir.filePath(QStringLiteral("BUILD-01-later.json"));
        write(later, json(snapshotOf("BUILD-01", 1765094400 + day, 7990)));
        const QString db = dir.filePath(QStringLiteral("db.sqlite"));

        CommandRun run = importCommand({QStringLiteral("--db"), db, QStringLiteral("--import"),
                                        fleet, later, QStringLiteral("--json")});
        QCOMPARE(run.code, kImportExitOk);
        QJsonObject doc = QJsonDocument::fromJson(run.out.toUtf8()).object();
        QCOMPARE(doc.value(QStringLiteral("added")).toInt(), 6);
        QCOMPARE(doc.value(QStringLiteral("hosts")).toInt(), 5);

        // Again, and the same file written with other spacing: nothing is added.
        QJsonDocument reformatted =
            QJsonDocument::fromJson(json(snapshotOf("HV-01", 1765094400, 2869)));
        write(dir.filePath(QStringLiteral("compact.json")),
              reformatted.toJson(QJsonDocument::Compact));
        run = importCommand({QStringLiteral("--db"), db, QStringLiteral("--import"), fleet,
                             dir.filePath(QStringLiteral("compact.json"))});
        QCOMPARE(run.code, kImportExitOk);
        QVERIFY2(run.out.startsWith(QStringLiteral("Imported 0 host snapshot")),
                 qPrintable(run.out));
        QCOMPARE(snapshotCount(db), 6);

        auto store = Store::open(DatabaseOptions{db});
        QVERIFY_OK(store);
        auto hosts = store.value()->snapshots().hosts();
        QVERIFY_OK(hosts);
        QCOMPARE(hosts->size(), 5);
        QCOMPARE(hosts->constFirst().latest.host, QStringLiteral("BUILD-01"));
        QCOMPARE(hosts->constFirst().snapshotCount, 2);
        QCOMPARE(hosts->constFirst().latest.changes.moved.size(), 1);
        auto found = store.value()->snapshots().find(Protocol::Tcp, 3000);
        QVERIFY_OK(found);
        QCOMPARE(found->size(), 4); // every host but BUILD-01, whose block moved away
    }

    void badFilesAreRefusedByFieldWithNothingStored_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<QString>("field"); // what the message must name
        const QByteArray good = json(snapshotOf("BAD-HOST", 1765094400, 2869));
        QTest::newRow("truncated") << good.left(good.size() / 2) << QString();
        QByteArray version = good;
        version.replace("\"version\": 1", "\"version\": 2");
        QTest::newRow("wrong schema version") << version << QStringLiteral("version");
        QByteArray host = good;
        host.replace("\"BAD-HOST\"", "\"BAD\\u0007HOST\"");
        QTest::newRow("host with a control character") << host << QStringLiteral("host");
        QByteArray past = json([] {
            HostSnapshot s = snapshotOf("BAD-HOST", 1765094400, 2869);
            s.runtime.front().range = PortRange{65500, 30};
            return s;
        }());
        past.replace("\"end\": 65529", "\"end\": 65599");
        past.replace("\"count\": 30", "\"count\": 100");
        QTest::newRow("block past 65535") << past << QStringLiteral("runtime[0].end");
    }
    void badFilesAreRefusedByFieldWithNothingStored()
    {
        QFETCH(QByteArray, text);
        QFETCH(QString, field);
        QTemporaryDir dir;
        const QString fleet = dir.filePath(QStringLiteral("fleet"));
        QVERIFY(QDir().mkpath(fleet));
        write(fleet + QStringLiteral("/a-good.json"), json(snapshotOf("GOOD", 1765094400, 2869)));
        write(fleet + QStringLiteral("/b-bad.json"), text);
        const QString db = dir.filePath(QStringLiteral("db.sqlite"));

        // Into no database: none is created.
        CommandRun run =
            importCommand({QStringLiteral("--db"), db, QStringLiteral("--import"), fleet});
        QCOMPARE(run.code, kImportExitMalformed);
        QVERIFY2(run.err.contains(QStringLiteral("b-bad.json")), qPrintable(run.err));
        if (!field.isEmpty())
            QVERIFY2(run.err.contains(field + QLatin1Char(':')), qPrintable(run.err));
        QVERIFY2(run.err.contains(QStringLiteral("Nothing was imported")), qPrintable(run.err));
        QVERIFY(!QFile::exists(db));

        // Into one that holds snapshots: it is left as it was.
        run = importCommand({QStringLiteral("--db"), db, QStringLiteral("--import"),
                             fleet + QStringLiteral("/a-good.json")});
        QCOMPARE(run.code, kImportExitOk);
        run = importCommand({QStringLiteral("--db"), db, QStringLiteral("--import"), fleet,
                             QStringLiteral("--json")});
        QCOMPARE(run.code, kImportExitMalformed);
        const QJsonObject error = QJsonDocument::fromJson(run.out.toUtf8())
                                      .object()
                                      .value(QStringLiteral("error"))
                                      .toObject();
        QCOMPARE(error.value(QStringLiteral("kind")).toString(), QStringLiteral("InvalidArgument"));
        QCOMPARE(snapshotCount(db), 1);
    }

    void reportsStillImportOneAtATime()
    {
        QTemporaryDir dir;
        const QString report = dir.filePath(QStringLiteral("netsh.txt"));
        write(report, "\nProtocol tcp Port Exclusion Ranges\n\nStart Port    End Port\n"
                      "----------    --------\n      5037        5037     *\n\n"
                      "* - Administered port exclusions.\n\n");
        const QString db = dir.filePath(QStringLiteral("db.sqlite"));
        CommandRun run =
            importCommand({QStringLiteral("--db"), db, QStringLiteral("--import"), report,
                           QStringLiteral("--host"), QStringLiteral("BUILD-01")});
        QCOMPARE(run.code, kImportExitOk);
        // Among snapshots, a report is named and refused.
        run =
            importCommand({QStringLiteral("--db"), db, QStringLiteral("--import"), report, report});
        QCOMPARE(run.code, kImportExitMalformed);
        QVERIFY2(run.err.contains(QStringLiteral("not a host snapshot")), qPrintable(run.err));
    }
};

QTEST_GUILESS_MAIN(SnapshotImportTest)
#include "tst_snapshotimport.moc"
