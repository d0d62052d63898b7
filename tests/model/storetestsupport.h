// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Helpers shared by the store's Qt tests.

#include "model/store/store.h"

#include <QByteArray>
#include <QCryptographicHash>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QString>
#include <QStringList>
#include <QTest>

#include <optional>

namespace portolan::testing {

inline QString str(const std::string& text)
{
    return QString::fromStdString(text);
}

// QCOMPARE cannot print the platform's types (their toString returns std::string_view, which
// QTest's lookup prefers and cannot use): compare their text instead, which also reads well.
inline QString shown(ErrorKind kind) { return QString::fromUtf8(toString(kind)); }
inline QString shown(Protocol protocol) { return QString::fromUtf8(toString(protocol)); }
inline QString shown(BindOutcome outcome) { return QString::fromUtf8(toString(outcome)); }
inline QString shown(std::optional<BindOutcome> outcome)
{
    return outcome ? shown(*outcome) : QStringLiteral("(none)");
}
inline QString shown(const PortRange& range)
{
    return QStringLiteral("%1+%2").arg(range.start).arg(range.count);
}
inline QString shown(const SocketSpec& spec)
{
    return QStringLiteral("%1/%2/%3").arg(QString::fromUtf8(toString(spec.family)),
                                          QString::fromUtf8(toString(spec.type)))
        .arg(spec.protocol);
}

// What "the file was left untouched" compares: content, size and modification time.
struct Fingerprint
{
    QByteArray sha256;
    qint64 size = -1;
    QDateTime modified;
    friend bool operator==(const Fingerprint&, const Fingerprint&) = default;
};

inline Fingerprint fingerprint(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    const QFileInfo info(path);
    return {QCryptographicHash::hash(file.readAll(), QCryptographicHash::Sha256), info.size(),
            info.lastModified()};
}

// The files of a folder, for "nothing was created" checks.
inline QStringList filesIn(const QString& folder)
{
    return QDir(folder).entryList(QDir::Files | QDir::Dirs | QDir::NoDotAndDotDot | QDir::Hidden,
                                  QDir::Name);
}

// Runs SQL on a plain QSqlDatabase connection that bypasses the product, for building files
// the way an older or newer Portolan (or someone else) left them.
class RawDatabase
{
public:
    explicit RawDatabase(const QString& path)
        : m_name(QStringLiteral("raw-%1").arg(++serial()))
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_name);
        db.setDatabaseName(path);
        m_open = db.open();
    }
    ~RawDatabase()
    {
        {
            QSqlDatabase db = QSqlDatabase::database(m_name, false);
            db.close();
        }
        QSqlDatabase::removeDatabase(m_name);
    }
    bool isOpen() const { return m_open; }

    // Runs each statement; returns the first error's text, empty when all worked.
    QString exec(const QStringList& statements)
    {
        QSqlDatabase db = QSqlDatabase::database(m_name, false);
        QSqlQuery query(db);
        for (const QString& statement : statements) {
            if (statement.trimmed().isEmpty())
                continue;
            if (!query.exec(statement))
                return statement.left(60) + QStringLiteral(": ") + query.lastError().text();
        }
        return {};
    }
    QVariant scalar(const QString& sql)
    {
        QSqlDatabase db = QSqlDatabase::database(m_name, false);
        QSqlQuery query(db);
        if (!query.exec(sql) || !query.next())
            return {};
        return query.value(0);
    }
    QStringList column(const QString& sql)
    {
        QSqlDatabase db = QSqlDatabase::database(m_name, false);
        QSqlQuery query(db);
        QStringList values;
        if (query.exec(sql)) {
            while (query.next())
                values.append(query.value(0).toString());
        }
        return values;
    }

private:
    static int& serial()
    {
        static int value = 0;
        return value;
    }
    QString m_name;
    bool m_open = false;
};

// Whether this process can make a file read-only for itself with chmod (root cannot: it
// writes anyway). Probed on a scratch file rather than assumed from the user id.
inline bool chmodStopsWrites(const QString& scratchFolder)
{
    const QString path = scratchFolder + QStringLiteral("/chmod-probe");
    {
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly))
            return false;
    }
    QFile::setPermissions(path, QFileDevice::ReadOwner);
    QFile file(path);
    const bool writable = file.open(QIODevice::WriteOnly | QIODevice::Append);
    file.close();
    QFile::setPermissions(path, QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    QFile::remove(path);
    return !writable;
}

struct Namespaced
{
    bool available = false;
    QString reason; // why not, when unavailable
    int exitCode = -1;
    QByteArray output;
};

// Runs `script` (sh) in a private mount namespace (`unshare -m`), where it may mount a
// read-only bind or a small tmpfs without anyone else seeing it. $1.. are `args`.
inline Namespaced runInMountNamespace(const QString& script, const QStringList& args,
                                      int timeoutMs = 60000)
{
    Namespaced result;
#ifdef Q_OS_WIN
    Q_UNUSED(script);
    Q_UNUSED(args);
    Q_UNUSED(timeoutMs);
    result.reason = QStringLiteral("mount namespaces exist only on Linux");
    return result;
#else
    const QString unshare = QStandardPaths::findExecutable(QStringLiteral("unshare"));
    if (unshare.isEmpty()) {
        result.reason = QStringLiteral("unshare (util-linux) is not installed");
        return result;
    }
    QProcess probe;
    probe.start(unshare, {QStringLiteral("-m"), QStringLiteral("true")});
    if (!probe.waitForFinished(10000) || probe.exitCode() != 0) {
        result.reason = QStringLiteral("unshare -m failed (needs root or CAP_SYS_ADMIN): ")
            + QString::fromLocal8Bit(probe.readAllStandardError()).trimmed();
        return result;
    }
    QProcess process;
    QStringList arguments{QStringLiteral("-m"), QStringLiteral("sh"), QStringLiteral("-c"), script,
                          QStringLiteral("sh")};
    arguments += args;
    process.start(unshare, arguments);
    process.waitForFinished(timeoutMs);
    result.available = true;
    result.exitCode = process.exitCode();
    result.output = process.readAllStandardOutput() + process.readAllStandardError();
    return result;
#endif
}

} // namespace portolan::testing

Q_DECLARE_METATYPE(portolan::ErrorKind)
Q_DECLARE_METATYPE(portolan::ProbeRunFilter)

// QVERIFY for a Result: on failure, prints the error.
#define QVERIFY_OK(expr)                                                                          \
    do {                                                                                          \
        const auto& result_ = (expr);                                                             \
        QVERIFY2(result_.ok(), result_.ok() ? "" : result_.error().describe().c_str());           \
    } while (false)
