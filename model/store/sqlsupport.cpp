// SPDX-License-Identifier: GPL-3.0-or-later
#include "model/store/sqlsupport.h"

#include "model/store/storetext.h"

#include <QDir>

#include <array>
#include <utility>

namespace portolan::sql {
namespace {

// SQLite's result codes (sqlite3.h). Only the numbers are needed, not the library itself: the
// QSQLITE driver may carry its own copy of SQLite (Windows builds of Qt do).
enum : int
{
    kError = 1,
    kInternal = 2,
    kPerm = 3,
    kAbort = 4,
    kBusy = 5,
    kLocked = 6,
    kNoMem = 7,
    kReadOnly = 8,
    kInterrupt = 9,
    kIoErr = 10,
    kCorrupt = 11,
    kFull = 13,
    kCantOpen = 14,
    kProtocol = 15,
    kSchema = 17,
    kTooBig = 18,
    kConstraint = 19,
    kMismatch = 20,
    kMisuse = 21,
    kNoLfs = 22,
    kAuth = 23,
    kRange = 25,
    kNotADb = 26,
};

constexpr std::array<std::pair<int, const char*>, 73> kNames{{
    {0, "SQLITE_OK"},
    {1, "SQLITE_ERROR"},
    {2, "SQLITE_INTERNAL"},
    {3, "SQLITE_PERM"},
    {4, "SQLITE_ABORT"},
    {5, "SQLITE_BUSY"},
    {6, "SQLITE_LOCKED"},
    {7, "SQLITE_NOMEM"},
    {8, "SQLITE_READONLY"},
    {9, "SQLITE_INTERRUPT"},
    {10, "SQLITE_IOERR"},
    {11, "SQLITE_CORRUPT"},
    {12, "SQLITE_NOTFOUND"},
    {13, "SQLITE_FULL"},
    {14, "SQLITE_CANTOPEN"},
    {15, "SQLITE_PROTOCOL"},
    {16, "SQLITE_EMPTY"},
    {17, "SQLITE_SCHEMA"},
    {18, "SQLITE_TOOBIG"},
    {19, "SQLITE_CONSTRAINT"},
    {20, "SQLITE_MISMATCH"},
    {21, "SQLITE_MISUSE"},
    {22, "SQLITE_NOLFS"},
    {23, "SQLITE_AUTH"},
    {24, "SQLITE_FORMAT"},
    {25, "SQLITE_RANGE"},
    {26, "SQLITE_NOTADB"},
    {27, "SQLITE_NOTICE"},
    {28, "SQLITE_WARNING"},
    {261, "SQLITE_BUSY_RECOVERY"},
    {517, "SQLITE_BUSY_SNAPSHOT"},
    {773, "SQLITE_BUSY_TIMEOUT"},
    {262, "SQLITE_LOCKED_SHAREDCACHE"},
    {264, "SQLITE_READONLY_RECOVERY"},
    {520, "SQLITE_READONLY_CANTLOCK"},
    {776, "SQLITE_READONLY_ROLLBACK"},
    {1032, "SQLITE_READONLY_DBMOVED"},
    {1288, "SQLITE_READONLY_CANTINIT"},
    {1544, "SQLITE_READONLY_DIRECTORY"},
    {266, "SQLITE_IOERR_READ"},
    {522, "SQLITE_IOERR_SHORT_READ"},
    {778, "SQLITE_IOERR_WRITE"},
    {1034, "SQLITE_IOERR_FSYNC"},
    {1290, "SQLITE_IOERR_DIR_FSYNC"},
    {1546, "SQLITE_IOERR_TRUNCATE"},
    {1802, "SQLITE_IOERR_FSTAT"},
    {2058, "SQLITE_IOERR_UNLOCK"},
    {2314, "SQLITE_IOERR_RDLOCK"},
    {2570, "SQLITE_IOERR_DELETE"},
    {3082, "SQLITE_IOERR_NOMEM"},
    {3338, "SQLITE_IOERR_ACCESS"},
    {3594, "SQLITE_IOERR_CHECKRESERVEDLOCK"},
    {3850, "SQLITE_IOERR_LOCK"},
    {4106, "SQLITE_IOERR_CLOSE"},
    {4618, "SQLITE_IOERR_SHMOPEN"},
    {4874, "SQLITE_IOERR_SHMSIZE"},
    {5130, "SQLITE_IOERR_SHMLOCK"},
    {5386, "SQLITE_IOERR_SHMMAP"},
    {5642, "SQLITE_IOERR_SEEK"},
    {267, "SQLITE_CORRUPT_VTAB"},
    {523, "SQLITE_CORRUPT_SEQUENCE"},
    {779, "SQLITE_CORRUPT_INDEX"},
    {270, "SQLITE_CANTOPEN_NOTEMPDIR"},
    {526, "SQLITE_CANTOPEN_ISDIR"},
    {782, "SQLITE_CANTOPEN_FULLPATH"},
    {1038, "SQLITE_CANTOPEN_CONVPATH"},
    {275, "SQLITE_CONSTRAINT_CHECK"},
    {531, "SQLITE_CONSTRAINT_COMMITHOOK"},
    {787, "SQLITE_CONSTRAINT_FOREIGNKEY"},
    {1043, "SQLITE_CONSTRAINT_FUNCTION"},
    {1299, "SQLITE_CONSTRAINT_NOTNULL"},
    {1555, "SQLITE_CONSTRAINT_PRIMARYKEY"},
    {2067, "SQLITE_CONSTRAINT_UNIQUE"},
}};

ErrorKind kindOf(int primary)
{
    switch (primary) {
    case kBusy:
    case kLocked:
    case kConstraint:
        return ErrorKind::Conflict;
    case kInterrupt:
        return ErrorKind::Interrupted;
    case kAbort:
        return ErrorKind::Cancelled;
    case kPerm:
    case kAuth:
    case kReadOnly:
    case kIoErr:
    case kCorrupt:
    case kFull:
    case kCantOpen:
    case kProtocol:
    case kNoLfs:
    case kNotADb:
        return ErrorKind::IoError;
    case kTooBig:
    case kMismatch:
    case kRange:
        return ErrorKind::InvalidArgument;
    default:
        return ErrorKind::Internal;
    }
}

} // namespace

QVariant timeValue(const QDateTime& time)
{
    if (!time.isValid())
        return QVariant(QMetaType::fromType<qint64>());
    return QVariant(qint64(time.toMSecsSinceEpoch()));
}

QDateTime timeFrom(const QVariant& value)
{
    if (value.isNull())
        return {};
    return QDateTime::fromMSecsSinceEpoch(value.toLongLong(), Qt::UTC);
}

QVariant tokenValue(quint64 token)
{
    if (token == 0)
        return QVariant(QMetaType::fromType<qint64>());
    return QVariant(qint64(token));
}

quint64 tokenFrom(const QVariant& value)
{
    return value.isNull() ? 0 : quint64(value.toLongLong());
}

QVariant nullableInt(std::optional<qint64> value)
{
    return value ? QVariant(*value) : QVariant(QMetaType::fromType<qint64>());
}

QVariant nullableText(const QString& text)
{
    return text.isEmpty() ? QVariant(QMetaType::fromType<QString>()) : QVariant(text);
}

QString codeName(int code)
{
    for (const auto& [number, name] : kNames) {
        if (number == code)
            return QString::fromLatin1(name);
    }
    for (const auto& [number, name] : kNames) {
        if (number == (code & 0xff))
            return QString::fromLatin1(name);
    }
    return QStringLiteral("SQLITE_%1").arg(code);
}

int codeOf(const QSqlError& error)
{
    bool ok = false;
    const int code = error.nativeErrorCode().toInt(&ok);
    // An error without an SQLite code comes from the driver itself (not open, bad statement).
    return ok ? code : kMisuse;
}

// What the user is told for each primary result code: %1 is the action, %2 the database file,
// %3 (where the message has it) SQLite's own words.
struct Advice
{
    std::array<int, 2> codes;
    const char* text;
};
constexpr std::array<Advice, 8> kAdvice{{
    {{kBusy, kLocked},
     "%1: the database %2 stayed locked by another program (another Portolan?) for longer than "
     "the wait allows; try again."},
    {{kReadOnly, kReadOnly},
     "%1: the database %2 is read-only (%3); make the file and its folder writable, or choose "
     "another file with --db."},
    {{kFull, kFull},
     "%1: the disk holding the database %2 is full; nothing of this change was written. Free "
     "some space and try again."},
    {{kCorrupt, kNotADb},
     "%1: %2 is not a usable Portolan database (%3). Move it away or choose another file with "
     "--db; it was left as it is."},
    {{kCantOpen, kCantOpen},
     "%1: the database %2 cannot be opened (%3); check that its folder exists and that the file "
     "and folder are writable."},
    {{kIoErr, kIoErr},
     "%1: reading or writing the database %2 failed (%3); check the disk and the file's "
     "permissions."},
    {{kPerm, kAuth}, "%1: access to the database %2 was refused (%3)."},
    {{kConstraint, kConstraint},
     "%1: the change contradicts what the database %2 already holds (%3)."},
}};

Error makeError(int code, const QString& sqliteText, const QString& path, const QString& action)
{
    const QString file = QDir::toNativeSeparators(path);
    const int primary = code & 0xff;
    const char* format = "%1: the database %2 answered: %3.";
    for (const Advice& advice : kAdvice) {
        if (advice.codes[0] == primary || advice.codes[1] == primary)
            format = advice.text;
    }
    const QString pattern = QString::fromLatin1(format);
    const QString text = pattern.contains(QLatin1String("%3"))
                             ? pattern.arg(action, file, sqliteText)
                             : pattern.arg(action, file);
    return Error{kindOf(primary), code, codeName(code).toStdString(), text.toStdString()};
}

Error makeError(const QSqlError& error, const QString& path, const QString& action)
{
    QString text = error.databaseText();
    if (text.isEmpty())
        text = error.driverText();
    return makeError(codeOf(error), text, path, action);
}

SearchTerms searchTerms(const QString& text)
{
    // Read by hand, not with QRegularExpression: the stores run on worker threads, and PCRE's
    // per-thread JIT stack (a thread_local with a destructor) hangs MinGW programs at exit.
    SearchTerms terms;
    QStringList phrases;
    auto phrase = [&phrases](QString words) {
        phrases.append(QLatin1Char('"') + words.replace(QLatin1Char('"'), QStringLiteral("\"\"")) +
                       QLatin1Char('"'));
    };
    auto plainWord = [&](const QString& plain) {
        bool number = false;
        const int port = plain.toInt(&number);
        if (number && port >= 1 && port <= 65535 && plain.front().isDigit())
            terms.ports.append(port);
        else if (plain.size() < 3)
            terms.shortWords.append(plain);
        else
            phrase(plain);
    };
    qsizetype i = 0;
    const qsizetype n = text.size();
    while (i < n) {
        if (text.at(i).isSpace()) {
            ++i;
        } else if (text.at(i) == QLatin1Char('"')) {
            // "quoted words" stay one phrase; an unclosed quote runs to the end.
            const qsizetype close = text.indexOf(QLatin1Char('"'), i + 1);
            const qsizetype end = close < 0 ? n : close;
            const QString quoted = text.mid(i + 1, end - i - 1);
            if (quoted.size() >= 3)
                phrase(quoted);
            else if (!quoted.trimmed().isEmpty())
                terms.shortWords.append(quoted.trimmed());
            i = end + 1;
        } else {
            qsizetype end = i;
            while (end < n && !text.at(end).isSpace() && text.at(end) != QLatin1Char('"'))
                ++end;
            plainWord(text.mid(i, end - i));
            i = end;
        }
    }
    terms.fullText = phrases.join(QStringLiteral(" AND "));
    return terms;
}

QString blockHoldsPort(const QString& start, const QString& count)
{
    return QStringLiteral("((%1 BETWEEN ? - %3 AND ? AND %1 + %2 > ?) OR "
                          "(%2 > %4 AND %1 <= ? AND %1 + %2 > ?))")
        .arg(start, count)
        .arg(kNarrowBlock - 1)
        .arg(kNarrowBlock);
}

void addFullText(Where& where, const HistoryTable& table, const SearchTerms& search)
{
    if (!search.fullText.isEmpty())
        where.add(
            QStringLiteral("id IN (SELECT rowid FROM %1 WHERE %1 MATCH ?)").arg(table.searchTable),
            {search.fullText});
}

QString historyWindow(const HistoryTable& table, const SearchTerms& search, Where where, int limit,
                      std::optional<PageKey> before, QVariantList& values)
{
    if (!search.fullText.isEmpty()) {
        values = {search.fullText};
        QString matches = QStringLiteral("SELECT rowid AS match_id FROM %1 WHERE %1 MATCH ?")
                              .arg(table.searchTable);
        if (before) {
            matches += QStringLiteral(" AND rowid < ?");
            values.append(before->id);
        }
        values.append(where.values);
        values.append(qMax(0, limit));
        return QStringLiteral("SELECT %1 FROM (%2 ORDER BY rowid DESC) AS m JOIN %3 ON "
                              "%3.id = m.match_id%4 ORDER BY m.match_id DESC LIMIT ?")
            .arg(table.columns, matches, table.table, where.text());
    }
    if (before)
        addBefore(where, table.timeColumn, before->time, before->id);
    values = where.values;
    values.append(qMax(0, limit));
    return QStringLiteral("SELECT %1 FROM %2%3 ORDER BY %4%5 DESC, id DESC LIMIT ?")
        .arg(table.columns, table.table, where.text(),
             search.ports.isEmpty() ? QString() : QStringLiteral("+"), table.timeColumn);
}

QString likePattern(const QString& text)
{
    QString escaped;
    escaped.reserve(text.size() + 2);
    escaped += QLatin1Char('%');
    for (const QChar c : text) {
        if (c == QLatin1Char('%') || c == QLatin1Char('_') || c == QLatin1Char('\\'))
            escaped += QLatin1Char('\\');
        escaped += c;
    }
    escaped += QLatin1Char('%');
    return escaped;
}

Result<void> exec(QSqlQuery& query, const QString& sql, const QVariantList& values,
                  const QString& path, const QString& action)
{
    if (!query.prepare(sql))
        return makeError(query.lastError(), path, action);
    return execPrepared(query, values, path, action);
}

Result<void> execPrepared(QSqlQuery& query, const QVariantList& values, const QString& path,
                          const QString& action)
{
    for (qsizetype i = 0; i < values.size(); ++i) {
        const QVariant& value = values.at(i);
        // The driver binds a null QString as NULL; an empty text column means "".
        if (!value.isNull() && value.typeId() == QMetaType::QString && value.toString().isNull())
            query.bindValue(int(i), QStringLiteral(""));
        else
            query.bindValue(int(i), value);
    }
    if (!query.exec())
        return makeError(query.lastError(), path, action);
    return {};
}

QVariantList errorValues(const std::optional<Error>& error)
{
    if (!error)
        return {nullableText({}), nullableInt({}), nullableText({}), nullableText({})};
    return {QString::fromUtf8(toString(error->kind)), qint64(error->code),
            QString::fromStdString(error->name), QString::fromStdString(error->message)};
}

std::optional<Error> errorFrom(const QSqlQuery& query, int first)
{
    const QVariant kindValue = query.value(first);
    if (kindValue.isNull())
        return std::nullopt;
    const std::string kindText = kindValue.toString().toStdString();
    ErrorKind kind = ErrorKind::Internal;
    for (int i = 0; i <= int(ErrorKind::Internal); ++i) {
        if (toString(ErrorKind(i)) == kindText) {
            kind = ErrorKind(i);
            break;
        }
    }
    return Error{kind, query.value(first + 1).toLongLong(),
                 query.value(first + 2).toString().toStdString(),
                 query.value(first + 3).toString().toStdString()};
}

void addBefore(Where& where, const QString& timeColumn, const QDateTime& time, qint64 id)
{
    // A row value comparison: SQLite walks the (time, id) index backwards from the key.
    where.add(QStringLiteral("(%1, id) < (?, ?)").arg(timeColumn), {timeValue(time), id});
}

Error unexpectedValue(const QString& path, const QString& table, const QString& column,
                      const QString& value)
{
    return Error{ErrorKind::IoError,
                 0,
                 {},
                 StoreText::tr("The database %1 holds \"%2\" in %3.%4, which this version of "
                               "Portolan does not know; was it edited by hand?")
                     .arg(QDir::toNativeSeparators(path), value, table, column)
                     .toStdString()};
}

} // namespace portolan::sql
