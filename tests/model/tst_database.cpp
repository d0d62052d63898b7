// SPDX-License-Identifier: GPL-3.0-or-later
// Opening the database: where it is created and how, what it refuses and how it says so, the
// connection settings, per-thread connections, transactions, a full disk.
#include "storetestsupport.h"

#include "model/store/migrations.h"
#include "model/store/sqlsupport.h"

#include <QTemporaryDir>
#include <QThread>

using namespace portolan;
using namespace portolan::testing;

namespace {

constexpr QFileDevice::Permissions kGroupOrOther =
    QFileDevice::ReadGroup | QFileDevice::WriteGroup | QFileDevice::ExeGroup
    | QFileDevice::ReadOther | QFileDevice::WriteOther | QFileDevice::ExeOther;

ProbeRunRecord sampleRun(int index, int payload = 0)
{
    ProbeRunRecord run;
    run.actor = Actor{QStringLiteral("host-a"), QStringLiteral("alice"), true};
    run.kind = ProbeKind::AcquireRelease;
    run.requested = PortRange{quint16(50000 + index), 1};
    run.summary = QStringLiteral("run %1").arg(index);
    run.parameters = QString(payload, QLatin1Char('p'));
    run.ok = true;
    for (int i = 0; i < 3; ++i) {
        ProbeStepRecord step;
        step.kind = StepKind::Acquire;
        step.ok = true;
        step.detail = QStringLiteral("step %1").arg(i);
        run.steps.append(step);
    }
    return run;
}

// Builds a file that open() must refuse, the way it would be found on a disk.
enum class BadFile { RandomBytes, TextFile, Truncated, NewerSchema, Folder };

} // namespace

Q_DECLARE_METATYPE(BadFile)

class DatabaseTest : public QObject
{
    Q_OBJECT

private slots:
    void createsFileAndFolderForOwnerOnly()
    {
        QTemporaryDir dir;
        const QString folder = dir.filePath(QStringLiteral("Portolan"));
        const QString path = folder + QStringLiteral("/portolan.sqlite");
        DatabaseOptions options;
        options.path = path;
        options.createDirectory = true;
        auto store = Store::open(options);
        QVERIFY2(store.ok(), store.ok() ? "" : store.error().describe().c_str());
        QVERIFY_OK(store.value()->probeRuns().record(sampleRun(1)));
#ifdef Q_OS_WIN
        // Windows has ACLs, not Unix mode bits: QFile::permissions() shows group/other bits
        // for every file there (0x77 under Wine), so the owner-only check is Unix-only.
        QSKIP("owner-only mode bits are a Unix notion; Windows uses the profile folder's ACLs");
#endif

        QCOMPARE(QFile::permissions(folder) & kGroupOrOther, QFileDevice::Permissions());
        QVERIFY(QFile::permissions(folder) & QFileDevice::ExeOwner);
        for (const QString& file : {path, path + QStringLiteral("-wal"), path + QStringLiteral("-shm")}) {
            QVERIFY2(QFileInfo::exists(file), qPrintable(file));
            QCOMPARE(QFile::permissions(file) & kGroupOrOther, QFileDevice::Permissions());
        }
        QCOMPARE(store.value()->database().openedVersion(), 0);
    }

    void missingFolderIsRefusedAndNothingCreated()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("no-such-folder/portolan.sqlite"));
        DatabaseOptions options;
        options.path = path;
        auto database = Database::open(options);
        QVERIFY(!database.ok());
        const Error& error = database.error();
        QCOMPARE(shown(error.kind), shown(ErrorKind::IoError));
        QCOMPARE(str(error.name), QStringLiteral("SQLITE_CANTOPEN"));
        QVERIFY2(str(error.message).contains(QDir::toNativeSeparators(dir.filePath(QStringLiteral("no-such-folder")))),
                 error.message.c_str());
        QVERIFY2(str(error.message).contains(QStringLiteral("--db")), error.message.c_str());
        QCOMPARE(filesIn(dir.path()), QStringList());
    }

    void unusableFileIsRefusedAndLeftAlone_data()
    {
        QTest::addColumn<BadFile>("bad");
        QTest::addColumn<ErrorKind>("kind");
        QTest::addColumn<QString>("name");
        QTest::addColumn<QStringList>("words"); // the message must say these
        QTest::newRow("random bytes") << BadFile::RandomBytes << ErrorKind::IoError
                                      << QStringLiteral("SQLITE_NOTADB")
                                      << QStringList{QStringLiteral("not a usable Portolan database"),
                                                     QStringLiteral("--db")};
        QTest::newRow("text file") << BadFile::TextFile << ErrorKind::IoError
                                   << QStringLiteral("SQLITE_NOTADB")
                                   << QStringList{QStringLiteral("not a usable Portolan database")};
        QTest::newRow("truncated database") << BadFile::Truncated << ErrorKind::IoError
                                            << QStringLiteral("SQLITE_CORRUPT")
                                            << QStringList{QStringLiteral("not a usable Portolan database")};
        QTest::newRow("newer schema") << BadFile::NewerSchema << ErrorKind::Unsupported << QString()
                                      << QStringList{QStringLiteral("schema version 99"),
                                                     QStringLiteral("up to %1").arg(migrations::latestVersion()),
                                                     QStringLiteral("newer Portolan")};
        QTest::newRow("folder") << BadFile::Folder << ErrorKind::IoError
                                << QStringLiteral("SQLITE_CANTOPEN_ISDIR")
                                << QStringList{QStringLiteral("folder")};
    }

    void unusableFileIsRefusedAndLeftAlone()
    {
        QFETCH(BadFile, bad);
        QFETCH(ErrorKind, kind);
        QFETCH(QString, name);
        QFETCH(QStringList, words);

        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("portolan.sqlite"));
        switch (bad) {
        case BadFile::RandomBytes: {
            QFile file(path);
            QVERIFY(file.open(QIODevice::WriteOnly));
            QByteArray bytes(8192, '\0');
            for (int i = 0; i < bytes.size(); ++i)
                bytes[i] = char((i * 7919 + 13) % 251);
            file.write(bytes);
            break;
        }
        case BadFile::TextFile: {
            QFile file(path);
            QVERIFY(file.open(QIODevice::WriteOnly));
            file.write("these are my notes about ports, not a database\n");
            break;
        }
        case BadFile::Truncated: {
            {
                DatabaseOptions options;
                options.path = path;
                auto store = Store::open(options);
                QVERIFY_OK(store);
                QList<ProbeRunRecord> runs;
                for (int i = 0; i < 300; ++i)
                    runs.append(sampleRun(i, 200));
                QVERIFY_OK(store.value()->probeRuns().recordMany(runs));
            }
            QVERIFY(!QFileInfo::exists(path + QStringLiteral("-wal"))); // checkpointed on close
            QFile file(path);
            QVERIFY(file.size() > 100000);
            QVERIFY(file.resize(file.size() / 2));
            break;
        }
        case BadFile::NewerSchema: {
            RawDatabase raw(path);
            QCOMPARE(raw.exec({QStringLiteral("CREATE TABLE future (x)"),
                               QStringLiteral("INSERT INTO future VALUES (42)"),
                               QStringLiteral("PRAGMA user_version = 99")}),
                     QString());
            break;
        }
        case BadFile::Folder:
            QVERIFY(QDir(dir.path()).mkdir(QStringLiteral("portolan.sqlite")));
            break;
        }
        const Fingerprint before = fingerprint(path);
        const QStringList filesBefore = filesIn(dir.path());

        DatabaseOptions options;
        options.path = path;
        auto database = Database::open(options);
        QVERIFY(!database.ok());
        const Error& error = database.error();
        QCOMPARE(shown(error.kind), shown(kind));
        QCOMPARE(str(error.name), name);
        QVERIFY2(str(error.message).contains(QDir::toNativeSeparators(path)), error.message.c_str());
        for (const QString& word : words)
            QVERIFY2(str(error.message).contains(word), error.message.c_str());

        QCOMPARE(fingerprint(path), before);
        QCOMPARE(filesIn(dir.path()), filesBefore);
    }

    void readOnlyFileIsRefusedAndLeftAlone_data()
    {
        QTest::addColumn<bool>("wholeFolder");
        QTest::newRow("read-only file") << false;
        QTest::newRow("read-only folder") << true;
    }

    // chmod where it stops this process from writing; as root (where it does not), a read-only
    // bind mount in a private mount namespace, with the check run by store_writer inside it.
    void readOnlyFileIsRefusedAndLeftAlone()
    {
        QFETCH(bool, wholeFolder);
        QTemporaryDir dir;
        const QString folder = dir.filePath(QStringLiteral("data"));
        QVERIFY(QDir(dir.path()).mkdir(QStringLiteral("data")));
        const QString path = folder + QStringLiteral("/portolan.sqlite");
        {
            DatabaseOptions options;
            options.path = path;
            auto store = Store::open(options);
            QVERIFY_OK(store);
            QVERIFY_OK(store.value()->probeRuns().record(sampleRun(1)));
        }
        const Fingerprint before = fingerprint(path);
        const QStringList filesBefore = filesIn(folder);
        const QString target = wholeFolder ? folder : path;

        QString kind;
        QString name;
        QString message;
        if (chmodStopsWrites(dir.path())) {
            const auto permissions = QFile::permissions(target);
            QFile::setPermissions(target, wholeFolder ? QFileDevice::ReadOwner | QFileDevice::ExeOwner
                                                      : QFileDevice::ReadOwner);
            DatabaseOptions options;
            options.path = path;
            auto database = Database::open(options);
            QFile::setPermissions(target, permissions);
            QVERIFY(!database.ok());
            kind = QString::fromUtf8(toString(database.error().kind));
            name = str(database.error().name);
            message = str(database.error().message);
        } else {
            const Namespaced run = runInMountNamespace(
                QStringLiteral("mount --bind \"$1\" \"$1\" && mount -o remount,bind,ro \"$1\" "
                               "&& exec \"$2\" open \"$3\""),
                {target, QStringLiteral(PORTOLAN_STORE_WRITER), path});
            if (!run.available)
                QSKIP(qPrintable(QStringLiteral("running as root, where chmod does not stop "
                                                "writes, and no mount namespace: ")
                                 + run.reason));
            qInfo("as root: checked in a private mount namespace with a read-only bind mount");
            const QString output = QString::fromUtf8(run.output).trimmed();
            QCOMPARE(run.exitCode, 2);
            const QStringList parts = output.split(QLatin1Char(' '));
            QVERIFY2(parts.size() > 3 && parts[0] == QLatin1String("error"), qPrintable(output));
            kind = parts[1];
            name = parts[2];
            message = parts.mid(3).join(QLatin1Char(' '));
        }
        QCOMPARE(kind, QStringLiteral("IoError"));
        QVERIFY2(name.startsWith(QLatin1String("SQLITE_READONLY")), qPrintable(name));
        QVERIFY2(message.contains(QStringLiteral("read-only")), qPrintable(message));
        QVERIFY2(message.contains(QDir::toNativeSeparators(wholeFolder ? folder : path)), qPrintable(message));
        QCOMPARE(fingerprint(path), before);
        QCOMPARE(filesIn(folder), filesBefore);
    }

    void everyConnectionHasTheSameSettings()
    {
        QTemporaryDir dir;
        DatabaseOptions options;
        options.path = dir.filePath(QStringLiteral("portolan.sqlite"));
        options.busyTimeoutMs = 4321;
        auto database = Database::open(options);
        QVERIFY_OK(database);
        auto check = [&](Database& db) {
            auto connection = db.connection();
            QVERIFY_OK(connection);
            QSqlQuery query(connection.value());
            auto pragma = [&](const char* name) {
                query.exec(QStringLiteral("PRAGMA %1").arg(QLatin1String(name)));
                query.next();
                return query.value(0).toString();
            };
            QCOMPARE(pragma("journal_mode"), QStringLiteral("wal"));
            QCOMPARE(pragma("foreign_keys"), QStringLiteral("1"));
            QCOMPARE(pragma("synchronous"), QStringLiteral("2")); // FULL
            QCOMPARE(pragma("busy_timeout"), QStringLiteral("4321"));
            QCOMPARE(pragma("user_version"), QString::number(migrations::latestVersion()));
        };
        check(*database.value());

        QString threadConnection;
        QThread* thread = QThread::create([&] {
            check(*database.value());
            threadConnection = database.value()->connection()->connectionName();
        });
        thread->start();
        QVERIFY(thread->wait(10000));
        const QString mainConnection = database.value()->connection()->connectionName();
        QVERIFY(!threadConnection.isEmpty());
        QVERIFY(threadConnection != mainConnection);
        // The thread's connection went away with the thread.
        QVERIFY(!QSqlDatabase::connectionNames().contains(threadConnection));
        QVERIFY(QSqlDatabase::connectionNames().contains(mainConnection));
        delete thread;

        database.value().reset();
        QVERIFY(!QSqlDatabase::connectionNames().contains(mainConnection));
    }

    void transactionsCompose()
    {
        QTemporaryDir dir;
        DatabaseOptions options;
        options.path = dir.filePath(QStringLiteral("portolan.sqlite"));
        auto store = Store::open(options);
        QVERIFY_OK(store);
        Store& s = *store.value();
        AuditRecord entry;
        entry.action = AuditAction::Note;
        entry.request = QStringLiteral("note 1");
        {
            auto outer = Transaction::begin(s.database(), QStringLiteral("test"));
            QVERIFY_OK(outer);
            QVERIFY(s.audit().append(entry).ok()); // commits its savepoint only
            QCOMPARE(s.audit().count().value(), 1);
            outer->rollback();
        }
        QCOMPARE(s.audit().count().value(), 0);
        {
            auto outer = Transaction::begin(s.database(), QStringLiteral("test"));
            QVERIFY_OK(outer);
            QVERIFY_OK(s.audit().append(entry));
            {
                auto inner = Transaction::begin(s.database(), QStringLiteral("inner"));
                QVERIFY_OK(inner);
                QVERIFY_OK(s.audit().append(entry));
                // destroyed without commit: only the inner part goes
            }
            QVERIFY_OK(outer->commit());
        }
        QCOMPARE(s.audit().count().value(), 1);
        // After all that, a plain write still gets its own transaction.
        QVERIFY_OK(s.audit().append(entry));
        QCOMPARE(s.audit().count().value(), 2);
    }

    // A full disk, made by capping the file's size (PRAGMA max_page_count): SQLite answers
    // SQLITE_FULL exactly as for a full file system. The real file system case runs in
    // model.processes on a small tmpfs.
    void fullDiskGivesClearErrorAndKeepsEarlierRuns()
    {
        QTemporaryDir dir;
        DatabaseOptions options;
        options.path = dir.filePath(QStringLiteral("portolan.sqlite"));
        auto store = Store::open(options);
        QVERIFY_OK(store);
        Store& s = *store.value();
        {
            auto connection = s.database().connection();
            QSqlQuery query(connection.value());
            QVERIFY(query.exec(QStringLiteral("PRAGMA page_count")) && query.next());
            const int pages = query.value(0).toInt();
            QVERIFY(query.exec(QStringLiteral("PRAGMA max_page_count = %1").arg(pages + 30)));
        }
        QList<qint64> recorded;
        std::optional<Error> failure;
        for (int i = 0; i < 1000 && !failure; ++i) {
            auto id = s.probeRuns().record(sampleRun(i, 3000));
            if (id.ok())
                recorded.append(id.value());
            else
                failure = id.error();
        }
        QVERIFY2(failure.has_value(), "the capped database never filled up");
        QVERIFY(recorded.size() > 5);
        QCOMPARE(shown(failure->kind), shown(ErrorKind::IoError));
        QCOMPARE(str(failure->name), QStringLiteral("SQLITE_FULL"));
        QCOMPARE(failure->code, 13);
        QVERIFY2(str(failure->message).contains(QStringLiteral("is full")), failure->message.c_str());
        QVERIFY2(str(failure->message).contains(QStringLiteral("nothing of this change was written")),
                 failure->message.c_str());

        QCOMPARE(s.probeRuns().count().value(), qint64(recorded.size()));
        for (qint64 id : recorded) {
            auto run = s.probeRuns().run(id);
            QVERIFY_OK(run);
            QCOMPARE(run->steps.size(), 3);
        }
        QCOMPARE(s.database().integrityCheck().value(), QStringLiteral("ok"));
        // Space again: recording works again on the same connection.
        {
            auto connection = s.database().connection();
            QSqlQuery query(connection.value());
            QVERIFY(query.exec(QStringLiteral("PRAGMA max_page_count = 1073741823")));
        }
        QVERIFY_OK(s.probeRuns().record(sampleRun(9999)));
    }

    void clockIsInjectable()
    {
        QTemporaryDir dir;
        const QDateTime fixed(QDate(2024, 2, 29), QTime(12, 34, 56, 789), Qt::UTC);
        DatabaseOptions options;
        options.path = dir.filePath(QStringLiteral("portolan.sqlite"));
        options.clock = [fixed] { return fixed; };
        options.localHost = QStringLiteral("clock-host");
        auto store = Store::open(options);
        QVERIFY_OK(store);
        AuditRecord entry;
        entry.action = AuditAction::Lookup;
        auto id = store.value()->audit().append(entry);
        QVERIFY_OK(id);
        auto stored = store.value()->audit().entry(id.value());
        QCOMPARE(stored->at, fixed);
        QCOMPARE(stored->actor.host, QStringLiteral("clock-host"));
    }

    void sqliteCodesBecomeErrors_data()
    {
        QTest::addColumn<int>("code");
        QTest::addColumn<QString>("name");
        QTest::addColumn<ErrorKind>("kind");
        QTest::newRow("busy") << 5 << QStringLiteral("SQLITE_BUSY") << ErrorKind::Conflict;
        QTest::newRow("busy snapshot") << 517 << QStringLiteral("SQLITE_BUSY_SNAPSHOT") << ErrorKind::Conflict;
        QTest::newRow("read-only") << 8 << QStringLiteral("SQLITE_READONLY") << ErrorKind::IoError;
        QTest::newRow("full") << 13 << QStringLiteral("SQLITE_FULL") << ErrorKind::IoError;
        QTest::newRow("corrupt") << 11 << QStringLiteral("SQLITE_CORRUPT") << ErrorKind::IoError;
        QTest::newRow("not a database") << 26 << QStringLiteral("SQLITE_NOTADB") << ErrorKind::IoError;
        QTest::newRow("unique") << 2067 << QStringLiteral("SQLITE_CONSTRAINT_UNIQUE") << ErrorKind::Conflict;
        QTest::newRow("fsync") << 1034 << QStringLiteral("SQLITE_IOERR_FSYNC") << ErrorKind::IoError;
        QTest::newRow("unknown extended") << (10 | (99 << 8)) << QStringLiteral("SQLITE_IOERR") << ErrorKind::IoError;
        QTest::newRow("sql error") << 1 << QStringLiteral("SQLITE_ERROR") << ErrorKind::Internal;
    }

    void sqliteCodesBecomeErrors()
    {
        QFETCH(int, code);
        QFETCH(QString, name);
        QFETCH(ErrorKind, kind);
        const Error error = sql::makeError(code, QStringLiteral("text"), QStringLiteral("/x/db.sqlite"),
                                           QStringLiteral("Could not do it"));
        QCOMPARE(str(error.name), name);
        QCOMPARE(shown(error.kind), shown(kind));
        QCOMPARE(error.code, qint64(code));
        QVERIFY(str(error.message).startsWith(QStringLiteral("Could not do it: ")));
        QVERIFY(str(error.message).contains(QDir::toNativeSeparators(QStringLiteral("/x/db.sqlite"))));
    }

    // The driver really hands over SQLite's code: a duplicate block written behind the
    // store's back is named as the constraint it breaks.
    void driverErrorsKeepTheSqliteCode()
    {
        QTemporaryDir dir;
        DatabaseOptions options;
        options.path = dir.filePath(QStringLiteral("portolan.sqlite"));
        auto database = Database::open(options);
        QVERIFY_OK(database);
        QSqlQuery query(database.value()->connection().value());
        const QString insert = QStringLiteral(
            "INSERT INTO reservation (host, protocol, start_port, port_count, source, state, "
            "created_at) VALUES ('h', 'tcp', 5000, 10, 'created', 'present', 0)");
        QVERIFY(query.exec(insert));
        QVERIFY(!query.exec(insert));
        const Error error = database.value()->error(query.lastError(), QStringLiteral("Inserting"));
        QCOMPARE(shown(error.kind), shown(ErrorKind::Conflict));
        QVERIFY2(str(error.name).startsWith(QStringLiteral("SQLITE_CONSTRAINT")), error.name.c_str());
        QCOMPARE(error.code & 0xff, 19);
    }
};

QTEST_GUILESS_MAIN(DatabaseTest)
#include "tst_database.moc"
