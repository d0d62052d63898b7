// SPDX-License-Identifier: GPL-3.0-or-later
// Upgrading databases of every earlier schema version: nothing is lost, the result is the
// same schema as a new database, and a step that fails leaves the file as it was.
#include "legacyschemas.h"
#include "storetestsupport.h"

#include "model/store/migrations.h"

#include <QTemporaryDir>

using namespace portolan;
using namespace portolan::testing;

namespace {

QDateTime ms(qint64 value)
{
    return QDateTime::fromMSecsSinceEpoch(value, Qt::UTC);
}

// The schema as SQLite keeps it, for comparing two files.
QStringList schemaOf(const QString& path)
{
    RawDatabase raw(path);
    return raw.column(QStringLiteral(
        "SELECT type || ' ' || name || ' ON ' || tbl_name || ': ' || COALESCE(sql, '') "
        "FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' ORDER BY type, name"));
}

QString freshDatabase(const QString& folder)
{
    const QString path = folder + QStringLiteral("/fresh.sqlite");
    DatabaseOptions options;
    options.path = path;
    auto database = Database::open(options);
    return database.ok() ? path : QString();
}

enum class Legacy
{
    EmptyFile,
    EmptyDatabase,
    V1,
    V2,
    V2WithoutAudit,
    V3,
    V4
};

QStringList statementsFor(Legacy legacy)
{
    switch (legacy) {
    case Legacy::EmptyFile:
        return {};
    case Legacy::EmptyDatabase:
        return {QStringLiteral("PRAGMA journal_mode = WAL"), QStringLiteral("CREATE TABLE t (x)"),
                QStringLiteral("DROP TABLE t")};
    case Legacy::V1:
        return schemaV1() + dataV1();
    case Legacy::V2:
        return schemaV1() + dataV1() + schemaV2Step() + dataV2Step();
    case Legacy::V2WithoutAudit:
        return schemaV1() + dataV1() + schemaV2Step() + dataV2Step() +
               QStringList{QStringLiteral("DELETE FROM audit_entry")};
    case Legacy::V3:
    case Legacy::V4:
        return schemaV1() + dataV1() + schemaV2Step() + dataV2Step() + schemaV3Step();
    }
    return {};
}

bool build(const QString& path, Legacy legacy, QString* problem)
{
    if (legacy == Legacy::EmptyFile) {
        QFile file(path);
        return file.open(QIODevice::WriteOnly);
    }
    {
        RawDatabase raw(path);
        *problem = raw.exec(statementsFor(legacy));
        if (!problem->isEmpty())
            return false;
    }
    if (legacy != Legacy::V4)
        return true;
    // Version 4 as that release left it: its own step applied to a version 3 file.
    const QString name = QStringLiteral("legacy-v4");
    bool ok = false;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(path);
        ok = db.open() &&
             migrations::upgrade(db, path, migrations::Context{QStringLiteral("h")}, 4).ok();
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
    if (!ok)
        *problem = QStringLiteral("could not apply step 4");
    return ok;
}

} // namespace

Q_DECLARE_METATYPE(Legacy)

class MigrationsTest : public QObject
{
    Q_OBJECT

private slots:
    void everyStepIsDescribed()
    {
        QCOMPARE(migrations::latestVersion(), 5);
        for (int version = 1; version <= migrations::latestVersion(); ++version)
            QVERIFY(!migrations::describe(version).isEmpty());
    }

    void upgradesEveryEarlierVersionWithoutLoss_data()
    {
        QTest::addColumn<Legacy>("legacy");
        QTest::addColumn<int>("version");
        QTest::addColumn<bool>("hasInventory");
        QTest::addColumn<bool>("hasRuns");
        QTest::addColumn<QString>("host"); // expected on the rows that had none
        QTest::newRow("v0 empty file") << Legacy::EmptyFile << 0 << false << false << QString();
        QTest::newRow("v0 empty database")
            << Legacy::EmptyDatabase << 0 << false << false << QString();
        QTest::newRow("v1") << Legacy::V1 << 1 << true << false << QStringLiteral("legacy-host");
        QTest::newRow("v2") << Legacy::V2 << 2 << true << true << QStringLiteral("legacy-host");
        QTest::newRow("v2, empty audit log")
            << Legacy::V2WithoutAudit << 2 << true << true << QStringLiteral("upgrade-host");
        QTest::newRow("v3") << Legacy::V3 << 3 << true << true << QStringLiteral("legacy-host");
        QTest::newRow("v4") << Legacy::V4 << 4 << true << true << QStringLiteral("legacy-host");
    }

    void upgradesEveryEarlierVersionWithoutLoss()
    {
        QFETCH(Legacy, legacy);
        QFETCH(int, version);
        QFETCH(bool, hasInventory);
        QFETCH(bool, hasRuns);
        QFETCH(QString, host);

        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("legacy.sqlite"));
        QString problem;
        QVERIFY2(build(path, legacy, &problem), qPrintable(problem));

        DatabaseOptions options;
        options.path = path;
        options.localHost = QStringLiteral("upgrade-host");
        QList<QPair<qint64, qint64>> progress; // (done, total) as the search index was filled
        options.upgradeProgress = [&progress](const QString& what, qint64 done, qint64 total) {
            QVERIFY(what.contains(QStringLiteral("search")));
            progress.append({done, total});
        };
        auto opened = Store::open(options);
        QVERIFY2(opened.ok(), opened.ok() ? "" : opened.error().describe().c_str());
        Store& store = *opened.value();
        QCOMPARE(store.database().openedVersion(), version);
        QCOMPARE(store.database().integrityCheck().value(), QStringLiteral("ok"));

        // Inventory: every row, every field, with the host it now needs.
        auto inventory = store.inventory().list();
        QVERIFY_OK(inventory);
        if (hasInventory) {
            const QList<ReservationRecord> expected{
                {1, host, Protocol::Tcp, 5000, 20, 0x1A2B3C4D5E6F7081ULL,
                 ReservationSource::Created, ReservationState::Present, ms(1700000000000),
                 ms(1700000100000), QStringLiteral("Owner: Zoë — build farm")},
                {7, host, Protocol::Tcp, 50000, 10, 0xFEDCBA9876543210ULL,
                 ReservationSource::Discovered, ReservationState::Unverified, ms(1700000300000),
                 QDateTime(), QStringLiteral("it's WinNAT's")},
                {2, host, Protocol::Udp, 6000, 1, 0, ReservationSource::LookedUp,
                 ReservationState::Missing, ms(1700000200000), QDateTime(), QString()},
            };
            QCOMPARE(inventory->size(), expected.size());
            for (qsizetype i = 0; i < expected.size(); ++i)
                QVERIFY2(inventory->at(i) == expected.at(i),
                         qPrintable(QStringLiteral("row %1").arg(i)));

            // Audit log: untouched, newest first.
            auto audit = store.audit().entries({}, 10);
            QVERIFY_OK(audit);
            if (legacy == Legacy::V2WithoutAudit) {
                QCOMPARE(audit->size(), 0);
            } else {
                QCOMPARE(audit->size(), 2);
                const AuditRecord& failed = audit->at(0);
                QCOMPARE(failed.id, 2);
                QCOMPARE(failed.actor,
                         (Actor{QStringLiteral("legacy-host"), QStringLiteral("bob"), false}));
                QCOMPARE(failed.action, AuditAction::Delete);
                QCOMPARE(failed.request,
                         QStringLiteral("DeletePersistentTcpPortReservation(5000, 20)"));
                QVERIFY(!failed.ok);
                QVERIFY(sameError(failed.error, Error{ErrorKind::AccessDenied, 5,
                                                      "ERROR_ACCESS_DENIED", "Access is denied."}));
                const AuditRecord& created = audit->at(1);
                QCOMPARE(created.at, ms(1700000000000));
                QCOMPARE(created.token, 0x1A2B3C4D5E6F7081ULL);
                QVERIFY(created.ok);
                QVERIFY(!created.error.has_value());
            }
        } else {
            QCOMPARE(inventory->size(), 0);
        }

        auto runs = store.probeRuns().runs({}, 10);
        QVERIFY_OK(runs);
        if (hasRuns) {
            QCOMPARE(runs->size(), 2);
            QCOMPARE(runs->at(0).id, 2);
            QCOMPARE(runs->at(1).id, 1);
            auto scan = store.probeRuns().run(2);
            QVERIFY_OK(scan);
            QCOMPARE(scan->actor, (Actor{host, QStringLiteral("bob"), false}));
            QCOMPARE(scan->kind, ProbeKind::Scan);
            QCOMPARE(shown(scan->protocol), shown(Protocol::Udp));
            QCOMPARE(shown(scan->spec),
                     shown(SocketSpec{AddressFamily::IPv6, SocketType::Datagram, 17}));
            QCOMPARE(scan->address, QStringLiteral("::1"));
            QCOMPARE(shown(scan->requested), shown(PortRange{3000, 11}));
            QCOMPARE(scan->durationUs, 99000);
            QCOMPARE(scan->parameters, QStringLiteral("{\"threads\":2}"));
            QCOMPARE(scan->steps.size(), 2);
            const ProbeStepRecord& forbidden = scan->steps.at(1);
            QCOMPARE(forbidden.kind, StepKind::ScanRun);
            QCOMPARE(forbidden.firstPort, 3005);
            QCOMPARE(forbidden.lastPort, 3010);
            QCOMPARE(shown(forbidden.outcome), shown(BindOutcome::Forbidden));
            QCOMPARE(forbidden.holder, QStringLiteral("svchost (HNS)"));
            QVERIFY(
                sameError(forbidden.error, Error{ErrorKind::AccessDenied, 10013, "WSAEACCES", ""}));
            auto acquire = store.probeRuns().run(1);
            QVERIFY_OK(acquire);
            QCOMPARE(acquire->token, 0xFEDCBA9876543210ULL);
            QCOMPARE(acquire->steps.size(), 3);
            QCOMPARE(acquire->steps.at(1).detail, QStringLiteral("granted 50100-50109"));
            QCOMPARE(acquire->startedAt, ms(1700000500000));

            // The old runs and entries are in the search index the upgrade built.
            ProbeRunFilter byHolder;
            byHolder.text = QStringLiteral("hns");
            QCOMPARE(store.probeRuns().count(byHolder).value(), 1);
            // A version 4 file had its index filled by its own upgrade already.
            QCOMPARE(progress.isEmpty(), legacy == Legacy::V4);
            if (!progress.isEmpty())
                QCOMPARE(progress.constLast().first, progress.constLast().second);
            if (legacy != Legacy::V2WithoutAudit) {
                AuditFilter byRequest;
                byRequest.text = QStringLiteral("DeletePersistent");
                QCOMPARE(store.audit().count(byRequest).value(), 1);
            }
        } else {
            QCOMPARE(runs->size(), 0);
        }

        // The upgraded file has exactly the schema of a new one.
        const QString fresh = freshDatabase(dir.path());
        QVERIFY(!fresh.isEmpty());
        opened.value().reset();
        QCOMPARE(schemaOf(path), schemaOf(fresh));
        RawDatabase raw(path);
        QCOMPARE(raw.scalar(QStringLiteral("PRAGMA user_version")).toInt(),
                 migrations::latestVersion());
        QCOMPARE(raw.column(QStringLiteral("PRAGMA foreign_key_check")), QStringList());
    }

    // Version 3 makes the host part of a block's identity: the same block may now be known
    // for two machines.
    void upgradedInventoryAcceptsOtherHosts()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("legacy.sqlite"));
        QString problem;
        QVERIFY2(build(path, Legacy::V1, &problem), qPrintable(problem));
        DatabaseOptions options;
        options.path = path;
        auto store = Store::open(options);
        QVERIFY_OK(store);
        ReservationRecord other;
        other.host = QStringLiteral("second-host");
        other.protocol = Protocol::Tcp;
        other.start = 5000;
        other.count = 20;
        auto stored = store.value()->inventory().upsert(other);
        QVERIFY2(stored.ok(), stored.ok() ? "" : stored.error().describe().c_str());
        QCOMPARE(store.value()->inventory().count().value(), 4);
        InventoryFilter legacyOnly;
        legacyOnly.host = QStringLiteral("legacy-host");
        QCOMPARE(store.value()->inventory().count(legacyOnly).value(), 3);
    }

    // Version 5 adds the fleet's snapshots: an upgraded file stores and finds them.
    void upgradedFileKeepsHostSnapshots()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("legacy.sqlite"));
        QString problem;
        QVERIFY2(build(path, Legacy::V4, &problem), qPrintable(problem));
        DatabaseOptions options;
        options.path = path;
        auto store = Store::open(options);
        QVERIFY_OK(store);
        QCOMPARE(store.value()->database().openedVersion(), 4);
        HostSnapshotRecord record;
        record.host = QStringLiteral("BUILD-07");
        record.gatheredAt = ms(1765000000000);
        record.document = QStringLiteral("{}");
        record.blocks = {SnapshotBlock{Protocol::Tcp,
                                       PortRange{8000, 100},
                                       false,
                                       0,
                                       QStringLiteral("Windows NAT (WinNAT)"),
                                       {}}};
        QVERIFY_OK(store.value()->snapshots().add(record));
        auto found = store.value()->snapshots().find(Protocol::Tcp, 8080);
        QVERIFY_OK(found);
        QCOMPARE(found->size(), 1);
        QCOMPARE(found->constFirst().host, QStringLiteral("BUILD-07"));
        QCOMPARE(store.value()->inventory().count().value(), 3); // the older rows are kept
    }

    // A step that fails is rolled back whole: the file keeps its version and its data, and
    // opens once the obstacle is gone.
    void failedStepLeavesTheFileAsItWas()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("legacy.sqlite"));
        QString problem;
        QVERIFY2(build(path, Legacy::V2, &problem), qPrintable(problem));
        {
            RawDatabase raw(path);
            // Someone's own table with the name step 3 needs.
            QCOMPARE(raw.exec({QStringLiteral("CREATE TABLE boot (mine TEXT)"),
                               QStringLiteral("INSERT INTO boot VALUES ('keep me')")}),
                     QString());
        }
        const Fingerprint before = fingerprint(path);
        const QStringList schemaBefore = schemaOf(path);
        const QStringList filesBefore = filesIn(dir.path());

        DatabaseOptions options;
        options.path = path;
        auto failed = Database::open(options);
        QVERIFY(!failed.ok());
        const QString message = str(failed.error().message);
        QVERIFY2(message.contains(QStringLiteral("schema version 3")), qPrintable(message));
        QVERIFY2(message.contains(QStringLiteral("boot")), qPrintable(message));
        QCOMPARE(str(failed.error().name), QStringLiteral("SQLITE_ERROR"));

        QCOMPARE(fingerprint(path), before);
        QCOMPARE(schemaOf(path), schemaBefore);
        QCOMPARE(filesIn(dir.path()), filesBefore);
        {
            RawDatabase raw(path);
            QCOMPARE(raw.scalar(QStringLiteral("PRAGMA user_version")).toInt(), 2);
            QCOMPARE(raw.scalar(QStringLiteral("SELECT count(*) FROM reservation")).toInt(), 3);
            QCOMPARE(raw.exec({QStringLiteral("DROP TABLE boot")}), QString());
        }
        auto opened = Store::open(options);
        QVERIFY2(opened.ok(), opened.ok() ? "" : opened.error().describe().c_str());
        QCOMPARE(opened.value()->database().openedVersion(), 2);
        QCOMPARE(opened.value()->probeRuns().count().value(), 2);
    }

    // Steps can stop at any version and go on later.
    void stepsResumeFromAnyVersion()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("stepwise.sqlite"));
        {
            RawDatabase raw(path);
            QVERIFY(raw.isOpen());
        }
        for (int target = 1; target <= migrations::latestVersion(); ++target) {
            const QString name = QStringLiteral("stepwise-%1").arg(target);
            {
                QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
                db.setDatabaseName(path);
                QVERIFY(db.open());
                auto reached =
                    migrations::upgrade(db, path, migrations::Context{QStringLiteral("h")}, target);
                QVERIFY2(reached.ok(), reached.ok() ? "" : reached.error().describe().c_str());
                QCOMPARE(reached.value(), target);
                // Running it again changes nothing.
                QCOMPARE(
                    migrations::upgrade(db, path, migrations::Context{QStringLiteral("h")}, target)
                        .value(),
                    target);
                db.close();
            }
            QSqlDatabase::removeDatabase(name);
        }
        QCOMPARE(schemaOf(path), schemaOf(freshDatabase(dir.path())));
    }
};

QTEST_GUILESS_MAIN(MigrationsTest)
#include "tst_migrations.moc"
