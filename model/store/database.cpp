// SPDX-License-Identifier: GPL-3.0-or-later
#include "model/store/database.h"

#include "model/store/migrations.h"
#include "model/store/sqlsupport.h"
#include "model/store/storetext.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QMutexLocker>
#include <QSqlError>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QSysInfo>
#include <QThread>

#include <atomic>
#include <utility>

namespace portolan {

// The open connections and, per connection, how many transactions are open on it. Kept here
// rather than in thread_local storage: with MinGW-w64 a thread_local's destructor and the
// freeing of the emulated TLS block run at thread exit in no set order, and the heap was
// corrupted when a worker thread ended (docs/windows-build.md).
struct Database::Registry
{
    QMutex mutex;
    QStringList names;
    QHash<QString, int> depths;

    void add(const QString& name)
    {
        QMutexLocker lock(&mutex);
        if (!names.contains(name))
            names.append(name);
    }
    void remove(const QString& name)
    {
        QMutexLocker lock(&mutex);
        names.removeAll(name);
        depths.remove(name);
    }
    int depth(const QString& name)
    {
        QMutexLocker lock(&mutex);
        return depths.value(name);
    }
    void adjustDepth(const QString& name, int delta)
    {
        QMutexLocker lock(&mutex);
        depths[name] += delta;
    }
};

namespace {

// SQLite result codes used for the checks made before SQLite sees the file.
constexpr int kSqliteReadOnly = 8;
constexpr int kSqliteCantOpen = 14;
constexpr int kSqliteReadOnlyDirectory = 1544;
constexpr int kSqliteCantOpenIsDir = 526;

constexpr QFileDevice::Permissions kOwnerOnlyFile =
    QFileDevice::ReadOwner | QFileDevice::WriteOwner;
constexpr QFileDevice::Permissions kOwnerOnlyFolder =
    QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner;

Error openError(int code, const QString& message)
{
    return Error{ErrorKind::IoError, code, sql::codeName(code).toStdString(),
                 message.toStdString()};
}

QString native(const QString& path)
{
    return QDir::toNativeSeparators(path);
}

// Creates the folder's missing parents as usual and the folder itself for its owner only.
bool makeFolder(const QString& folder)
{
    const QFileInfo info(folder);
    if (!QDir().mkpath(info.absolutePath()))
        return false;
    return QDir().mkdir(info.absoluteFilePath(), kOwnerOnlyFolder) || QFileInfo(folder).isDir();
}

// The companion files SQLite makes next to a WAL database.
struct Companions
{
    bool wal;
    bool shm;
};

Companions companionsOf(const QString& path)
{
    return {QFileInfo::exists(path + QStringLiteral("-wal")),
            QFileInfo::exists(path + QStringLiteral("-shm"))};
}

// After a failed open: removes the companion files that open created, never a journal that
// holds something.
void removeNewCompanions(const QString& path, Companions before)
{
    const QString wal = path + QStringLiteral("-wal");
    const QString shm = path + QStringLiteral("-shm");
    if (!before.wal && QFileInfo::exists(wal) && QFileInfo(wal).size() == 0)
        QFile::remove(wal);
    if (!before.shm && !QFileInfo::exists(wal))
        QFile::remove(shm);
}

std::atomic<int> s_serial{0};

} // namespace

QString Database::defaultPath()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppLocalDataLocation) +
           QStringLiteral("/portolan.sqlite");
}

Database::Database(QString path, const DatabaseOptions& options)
    : m_path(std::move(path)),
      m_localHost(options.localHost.isEmpty() ? QSysInfo::machineHostName() : options.localHost),
      m_clock(options.clock ? options.clock : systemClock()),
      m_busyTimeoutMs(options.busyTimeoutMs),
      m_connectionPrefix(QStringLiteral("portolan-db%1-thread").arg(++s_serial)),
      m_registry(std::make_shared<Registry>())
{
}

Database::~Database()
{
    removeConnections();
}

Result<std::unique_ptr<Database>> Database::open(DatabaseOptions options)
{
    const QString path =
        QFileInfo(options.path.isEmpty() ? defaultPath() : options.path).absoluteFilePath();
    const QFileInfo file(path);
    const QString folder = file.absolutePath();

    // Every check that can be made without SQLite comes first, so that a bad location is
    // named precisely and nothing is created or touched.
    QFileInfo folderInfo(folder);
    if (!folderInfo.exists()) {
        if (!options.createDirectory)
            return openError(kSqliteCantOpen,
                             StoreText::tr("Could not open the database %1: its folder %2 does "
                                           "not exist. Create the folder, or choose another "
                                           "file with --db; nothing was created.")
                                 .arg(native(path), native(folder)));
        if (!makeFolder(folder))
            return openError(kSqliteCantOpen,
                             StoreText::tr("Could not create the folder %1 for the database; "
                                           "check the permissions of its parent, or choose "
                                           "another file with --db.")
                                 .arg(native(folder)));
        folderInfo.refresh();
    }
    if (!folderInfo.isDir())
        return openError(kSqliteCantOpen,
                         StoreText::tr("Could not open the database %1: %2 is not a folder. "
                                       "Choose another file with --db.")
                             .arg(native(path), native(folder)));
    if (file.isDir())
        return openError(kSqliteCantOpenIsDir,
                         StoreText::tr("Could not open the database %1: it is a folder, not a "
                                       "file. Choose another file with --db.")
                             .arg(native(path)));
    const bool existed = file.exists();
    if (existed && !file.isWritable())
        return openError(kSqliteReadOnly,
                         StoreText::tr("Could not open the database %1: the file is read-only. "
                                       "Make it writable, or choose another file with --db; "
                                       "it was left as it is.")
                             .arg(native(path)));
    // A WAL database writes its journal (-wal, -shm) next to the file.
    if (!folderInfo.isWritable())
        return openError(kSqliteReadOnlyDirectory,
                         StoreText::tr("Could not open the database %1: its folder %2 is "
                                       "read-only, and the database keeps its journal next to "
                                       "the file. Make the folder writable, or choose another "
                                       "file with --db; nothing was changed.")
                             .arg(native(path), native(folder)));

    const Companions before = companionsOf(path);
    bool created = false;
    if (!existed) {
        // Created here, for the owner only, so that SQLite never creates it with the umask's
        // mode; SQLite gives its -wal and -shm files the same mode as the database.
        QFile newFile(path);
        if (newFile.open(QIODevice::WriteOnly | QIODevice::NewOnly, kOwnerOnlyFile))
            created = true;
        else if (!QFileInfo::exists(path)) // else: another process created it just now
            return openError(kSqliteCantOpen,
                             StoreText::tr("Could not create the database %1: %2. Check the "
                                           "folder's permissions, or choose another file "
                                           "with --db.")
                                 .arg(native(path), newFile.errorString()));
    }

    std::unique_ptr<Database> database(new Database(path, options));
    Result<void> prepared = [&]() -> Result<void> {
        Result<QSqlDatabase> connection = database->connection();
        if (!connection)
            return connection.error();
        return database->prepare(connection.value(), options.upgradeProgress);
    }();
    if (!prepared) {
        database.reset();
        if (created)
            QFile::remove(path);
        removeNewCompanions(path, before);
        return prepared.error();
    }
    return database;
}

Result<void> Database::prepare(QSqlDatabase& connection, const UpgradeProgress& progress)
{
    // Reading the version is the first read of the file: a file that is not a database, or
    // a truncated one, fails here (SQLITE_NOTADB, SQLITE_CORRUPT) before anything is written.
    Result<int> version = migrations::currentVersion(connection, m_path);
    if (!version)
        return version.error();
    m_openedVersion = version.value();
    const int latest = migrations::latestVersion();
    if (m_openedVersion > latest)
        return Error{ErrorKind::Unsupported,
                     0,
                     {},
                     StoreText::tr("Could not open the database %1: it has schema version %2, "
                                   "made by a newer Portolan; this one knows versions up to "
                                   "%3. Open it with a newer Portolan, or choose another file "
                                   "with --db; it was left as it is.")
                         .arg(native(m_path))
                         .arg(m_openedVersion)
                         .arg(latest)
                         .toStdString()};

    const QString action = StoreText::tr("Could not open the database");
    QSqlQuery query(connection);
    // Take the write lock once and give it back: a file SQLite can only read (a read-only
    // mount, a locked-down share) says so here, with nothing written.
    if (!query.exec(QStringLiteral("BEGIN IMMEDIATE")))
        return error(query.lastError(), action);
    query.exec(QStringLiteral("ROLLBACK"));

    if (!query.exec(QStringLiteral("PRAGMA journal_mode")) || !query.next())
        return error(query.lastError(), action);
    if (query.value(0).toString().compare(QLatin1String("wal"), Qt::CaseInsensitive) != 0) {
        query.finish();
        if (!query.exec(QStringLiteral("PRAGMA journal_mode = WAL")) || !query.next())
            return error(query.lastError(), action);
        const QString mode = query.value(0).toString();
        if (mode.compare(QLatin1String("wal"), Qt::CaseInsensitive) != 0)
            return Error{ErrorKind::IoError,
                         0,
                         {},
                         QStringLiteral("%1 %2: SQLite could not switch it to write-ahead "
                                        "logging (journal mode stays \"%3\"); the file system "
                                        "may not support shared memory.")
                             .arg(action, native(m_path), mode)
                             .toStdString()};
    }
    query.finish();

    if (m_openedVersion < latest) {
        Result<int> reached =
            migrations::upgrade(connection, m_path, migrations::Context{m_localHost, progress});
        if (!reached)
            return reached.error();
    }
    return {};
}

QDateTime Database::now() const
{
    const QDateTime time = m_clock().toUTC();
    return QDateTime::fromMSecsSinceEpoch(time.toMSecsSinceEpoch(), Qt::UTC);
}

Result<QSqlDatabase> Database::connection()
{
    const QString name =
        m_connectionPrefix + QString::number(quintptr(QThread::currentThreadId()), 16);
    if (QSqlDatabase::contains(name)) {
        QSqlDatabase existing = QSqlDatabase::database(name, false);
        if (existing.isValid() && existing.isOpen())
            return existing;
        // Left behind by an ended thread whose id this thread now has.
        existing = QSqlDatabase();
        QSqlDatabase::removeDatabase(name);
    }

    const QString action = StoreText::tr("Could not open the database");
    Result<void> opened = [&]() -> Result<void> {
        QSqlDatabase connection = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        if (!connection.isValid())
            return Error{ErrorKind::Unsupported,
                         0,
                         {},
                         QStringLiteral("%1 %2: Qt's SQLite driver (QSQLITE) is not installed.")
                             .arg(action, native(m_path))
                             .toStdString()};
        connection.setDatabaseName(m_path);
        connection.setConnectOptions(
            QStringLiteral("QSQLITE_BUSY_TIMEOUT=%1").arg(m_busyTimeoutMs));
        if (!connection.open())
            return error(connection.lastError(), action);
        QSqlQuery query(connection);
        // synchronous=FULL: a transaction reported committed is on the disk, not only in the
        // operating system's cache, so it survives a power cut as well as a killed process.
        for (const QString& pragma :
             {QStringLiteral("PRAGMA foreign_keys = ON"),
              QStringLiteral("PRAGMA synchronous = FULL"),
              QStringLiteral("PRAGMA busy_timeout = %1").arg(m_busyTimeoutMs)}) {
            if (!query.exec(pragma))
                return error(query.lastError(), action);
        }
        return {};
    }();
    if (!opened) {
        QSqlDatabase::removeDatabase(name);
        return opened.error();
    }

    m_registry->add(name);
    QThread* thread = QThread::currentThread();
    std::weak_ptr<Registry> registry = m_registry;
    // Emitted in the ending thread itself, after its last use of the connection.
    QObject::connect(
        thread, &QThread::finished, thread,
        [registry, name] {
            if (auto alive = registry.lock()) {
                alive->remove(name);
                QSqlDatabase::removeDatabase(name);
            }
        },
        Qt::DirectConnection);
    return QSqlDatabase::database(name, false);
}

void Database::releaseConnection()
{
    const QString name =
        m_connectionPrefix + QString::number(quintptr(QThread::currentThreadId()), 16);
    m_registry->remove(name);
    QSqlDatabase::removeDatabase(name);
}

void Database::removeConnections()
{
    QStringList names;
    {
        QMutexLocker lock(&m_registry->mutex);
        names.swap(m_registry->names);
        m_registry->depths.clear();
    }
    for (const QString& name : names)
        QSqlDatabase::removeDatabase(name);
}

Result<QString> Database::integrityCheck()
{
    Result<QSqlDatabase> connection = this->connection();
    if (!connection)
        return connection.error();
    QSqlQuery query(connection.value());
    if (!query.exec(QStringLiteral("PRAGMA integrity_check")))
        return error(query.lastError(), StoreText::tr("Could not check the database"));
    QStringList lines;
    while (query.next())
        lines.append(query.value(0).toString());
    return lines.join(QLatin1Char('\n'));
}

Error Database::error(const QSqlError& error, const QString& action) const
{
    return sql::makeError(error, m_path, action);
}

// --- Transaction -------------------------------------------------------------------------

Transaction::Transaction(Database& database, QSqlDatabase connection, QString action, int depth)
    : m_database(&database), m_connection(std::move(connection)), m_action(std::move(action)),
      m_depth(depth), m_open(true)
{
}

Transaction::Transaction(Transaction&& other) noexcept
    : m_database(other.m_database), m_connection(std::move(other.m_connection)),
      m_action(std::move(other.m_action)), m_depth(other.m_depth),
      m_open(std::exchange(other.m_open, false))
{
}

Transaction::~Transaction()
{
    rollback();
}

Result<Transaction> Transaction::begin(Database& database, const QString& action)
{
    Result<QSqlDatabase> connection = database.connection();
    if (!connection)
        return connection.error();
    const QString name = connection->connectionName();
    const int depth = database.m_registry->depth(name);
    QSqlQuery query(connection.value());
    const QString sql = depth == 0 ? QStringLiteral("BEGIN IMMEDIATE")
                                   : QStringLiteral("SAVEPOINT portolan_%1").arg(depth);
    if (!query.exec(sql))
        return database.error(query.lastError(), action);
    database.m_registry->adjustDepth(name, +1);
    return Transaction(database, connection.value(), action, depth);
}

Result<void> Transaction::commit()
{
    if (!m_open)
        return Error{
            ErrorKind::Internal,
            0,
            {},
            (m_action + QStringLiteral(": the transaction was already ended.")).toStdString()};
    QSqlQuery query(m_connection);
    const QString sql = m_depth == 0 ? QStringLiteral("COMMIT")
                                     : QStringLiteral("RELEASE portolan_%1").arg(m_depth);
    if (!query.exec(sql)) {
        Error failure = m_database->error(query.lastError(), m_action);
        rollback();
        return failure;
    }
    m_open = false;
    m_database->m_registry->adjustDepth(m_connection.connectionName(), -1);
    return {};
}

void Transaction::rollback()
{
    if (!m_open)
        return;
    m_open = false;
    m_database->m_registry->adjustDepth(m_connection.connectionName(), -1);
    QSqlQuery query(m_connection);
    // SQLite may already have rolled back by itself (SQLITE_FULL, SQLITE_IOERR): then these
    // fail harmlessly with "no transaction is active".
    if (m_depth == 0) {
        query.exec(QStringLiteral("ROLLBACK"));
    } else {
        query.exec(QStringLiteral("ROLLBACK TO portolan_%1").arg(m_depth));
        query.exec(QStringLiteral("RELEASE portolan_%1").arg(m_depth));
    }
}

} // namespace portolan
