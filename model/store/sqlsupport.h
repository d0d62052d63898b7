// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/store/records.h"

#include "platform/error.h"

#include <QDateTime>
#include <QSqlError>
#include <QSqlQuery>
#include <QString>
#include <QStringList>
#include <QVariant>
#include <QVariantList>

#include <optional>

// What every store class needs to talk to SQLite through Qt: the value conversions the schema
// relies on (docs/database.md) and SQLite's result codes as portolan::Error values.
namespace portolan::sql {

// Times are INTEGER milliseconds since the Unix epoch, UTC; NULL for a null QDateTime.
QVariant timeValue(const QDateTime& time);
QDateTime timeFrom(const QVariant& value);
// Tokens are unsigned 64-bit; SQLite integers are signed, so the bit pattern is stored (a token
// above 2^63 reads back negative in the sqlite3 shell, and exactly in the product). 0 = NULL.
QVariant tokenValue(quint64 token);
quint64 tokenFrom(const QVariant& value);
QVariant nullableInt(std::optional<qint64> value);
QVariant nullableText(const QString& text); // NULL when empty

// SQLite's symbolic name of a (possibly extended) result code: SQLITE_BUSY,
// SQLITE_CONSTRAINT_UNIQUE.
QString codeName(int code);
// The SQLite result code inside a QSqlError (the QSQLITE driver keeps it as nativeErrorCode()).
int codeOf(const QSqlError& error);
// The one translation of an SQLite result code: kind, code, name and a sentence naming what was
// being done (`action`, "Could not record the probe run") and the database file.
Error makeError(int code, const QString& sqliteText, const QString& path, const QString& action);
Error makeError(const QSqlError& error, const QString& path, const QString& action);

// Escapes % _ and \ for LIKE ... ESCAPE '\'.
QString likePattern(const QString& text);

// Prepares `sql`, binds `values` to its ? placeholders in order and executes it; an error
// names `action` and the file at `path`.
Result<void> exec(QSqlQuery& query, const QString& sql, const QVariantList& values,
                  const QString& path, const QString& action);
// Executes an already prepared query with these values.
Result<void> execPrepared(QSqlQuery& query, const QVariantList& values, const QString& path,
                          const QString& action);

// Where-clause builder: every value is bound, never spliced into the text.
struct Where
{
    QStringList clauses;
    QVariantList values;

    void add(const QString& clause, const QVariantList& clauseValues)
    {
        clauses.append(clause);
        values.append(clauseValues);
    }
    QString text() const // " WHERE a AND b", or empty
    {
        return clauses.isEmpty()
                   ? QString()
                   : QStringLiteral(" WHERE ") + clauses.join(QStringLiteral(" AND "));
    }
};

// A history search box's words, as the stores look them up (all must match): port numbers
// in the port columns, words of three characters or more in the trigram index (any part of
// a text matches, case ignored), shorter words as whole values of a few short columns. Words
// in double quotes are one phrase.
struct SearchTerms
{
    QString fullText; // an FTS5 query: "word" AND "other"; empty when no long word
    QList<int> ports;
    QStringList shortWords;
};
SearchTerms searchTerms(const QString& text);
// "The block (start, count) holds the port", written so that SQLite can answer it from the
// schema's port indexes (a block of at most 1,024 ports starts at most 1,023 below the port;
// wider ones have a partial index of their own); it takes the port five times.
QString blockHoldsPort(const QString& start, const QString& count);
inline constexpr int kNarrowBlock = 1024;

// A newest-first history table (probe_run, audit_entry) and its full-text index.
struct HistoryTable
{
    QString table;       // its rows have an INTEGER PRIMARY KEY id
    QString searchTable; // FTS5 table whose rowid is the row's id
    QString timeColumn;  // with id, orders the rows newest first
    QString columns;     // what a window selects
};

// Adds "the row matches the full-text words" (for counts; a window joins the index instead).
void addFullText(Where& where, const HistoryTable& table, const SearchTerms& search);

// The SQL and values of one window of at most `limit` rows older than `before`. `where` holds
// every condition but the full-text words. With such words, the index's matches are streamed
// newest recorded first (by id) and stopped at the limit, so that a word most rows hold still
// answers at once (ordered by time, every match would be read first); otherwise the rows come
// by (time, id), and a searched port's matches come from the port indexes and are then sorted
// (the '+' keeps SQLite from walking the time index through a million rows instead).
QString historyWindow(const HistoryTable& table, const SearchTerms& search, Where where, int limit,
                      std::optional<PageKey> before, QVariantList& values);

// An optional error as the four columns error_kind, error_code, error_name, error_message
// (all NULL when there is none), and back from the row's columns starting at `first`.
QVariantList errorValues(const std::optional<Error>& error);
std::optional<Error> errorFrom(const QSqlQuery& query, int first);

// The keyset condition "older than key" for a newest-first list ordered by (timeColumn, id).
void addBefore(Where& where, const QString& timeColumn, const QDateTime& time, qint64 id);

// A stored value that is not one of the texts this version writes.
Error unexpectedValue(const QString& path, const QString& table, const QString& column,
                      const QString& value);

} // namespace portolan::sql
