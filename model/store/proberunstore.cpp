// SPDX-License-Identifier: GPL-3.0-or-later
#include "model/store/proberunstore.h"

#include "model/store/database.h"
#include "model/store/sqlsupport.h"
#include "model/store/storetext.h"

#include <QSqlQuery>

namespace portolan {
namespace {

const QString kRunColumns = QStringLiteral(
    "id, host, user_name, elevated, kind, started_at, duration_us, protocol, family, "
    "socket_type, socket_protocol, address, requested_start, requested_count, granted_start, "
    "granted_count, token, allocated_port, ok, cancelled, summary, parameters, "
    "(SELECT count(*) FROM probe_step WHERE run_id = probe_run.id), "
    // The digest (StepDigest): the first failed step's fields, separated by the unit
    // separator, and "outcome:ports" per step that has an outcome.
    "(SELECT kind || char(31) || ifnull(outcome, '') || char(31) || ifnull(holder, '') || "
    "char(31) || ifnull(error_kind, '') || char(31) || ifnull(error_code, 0) || char(31) || "
    "ifnull(error_name, '') || char(31) || first_port || char(31) || last_port "
    "FROM probe_step WHERE run_id = probe_run.id AND NOT ok ORDER BY seq LIMIT 1), "
    "(SELECT group_concat(outcome || ':' || (last_port - first_port + 1)) FROM probe_step "
    "WHERE run_id = probe_run.id AND outcome IS NOT NULL)");

const QString kStepColumns = QStringLiteral(
    "seq, kind, ok, duration_us, detail, first_port, last_port, outcome, holder, error_kind, "
    "error_code, error_name, error_message");

const QString kInsertRun = QStringLiteral(
    "INSERT INTO probe_run (host, user_name, elevated, kind, started_at, duration_us, protocol, "
    "family, socket_type, socket_protocol, address, requested_start, requested_count, "
    "granted_start, granted_count, token, allocated_port, ok, cancelled, summary, parameters) "
    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");

const QString kInsertStep = QStringLiteral(
    "INSERT INTO probe_step (run_id, seq, kind, ok, duration_us, detail, first_port, last_port, "
    "outcome, holder, error_kind, error_code, error_name, error_message) "
    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");

QString text(std::string_view value)
{
    return QString::fromUtf8(value.data(), qsizetype(value.size()));
}

// The two digest columns of kRunColumns. A value that does not parse leaves its part empty:
// the digest only words the list, the steps themselves are read strictly.
StepDigest readDigest(const QVariant& failure, const QVariant& outcomes)
{
    StepDigest digest;
    const QStringList fields = failure.toString().split(QChar(31));
    if (!failure.isNull() && fields.size() == 8) {
        if (const auto kind = parseStepKind(fields[0])) {
            ProbeStepRecord step;
            step.kind = *kind;
            step.outcome = parseBindOutcome(fields[1]);
            step.holder = fields[2];
            if (!fields[3].isEmpty()) {
                ErrorKind errorKind = ErrorKind::Internal;
                for (int i = 0; i <= int(ErrorKind::Internal); ++i) {
                    if (text(toString(ErrorKind(i))) == fields[3])
                        errorKind = ErrorKind(i);
                }
                step.error = Error{errorKind, fields[4].toLongLong(), fields[5].toStdString(), {}};
            }
            step.firstPort = quint16(fields[6].toUInt());
            step.lastPort = quint16(fields[7].toUInt());
            digest.firstFailure = step;
        }
    }
    for (const QString& part : outcomes.toString().split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        const qsizetype colon = part.lastIndexOf(QLatin1Char(':'));
        if (const auto outcome = parseBindOutcome(part.left(colon)); outcome && colon > 0)
            digest.outcomePorts[std::size_t(*outcome)] += part.mid(colon + 1).toUInt();
    }
    return digest;
}

Result<ProbeRunRecord> readRun(const QSqlQuery& query, const QString& path)
{
    auto bad = [&](const char* column, const QString& value) {
        return sql::unexpectedValue(path, QStringLiteral("probe_run"), QString::fromLatin1(column),
                                    value);
    };
    ProbeRunRecord run;
    run.id = query.value(0).toLongLong();
    run.actor.host = query.value(1).toString();
    run.actor.user = query.value(2).toString();
    run.actor.elevated = query.value(3).toBool();
    const QString kind = query.value(4).toString();
    const auto parsedKind = parseProbeKind(kind);
    if (!parsedKind)
        return bad("kind", kind);
    run.kind = *parsedKind;
    run.startedAt = sql::timeFrom(query.value(5));
    run.durationUs = query.value(6).toLongLong();
    const QString protocol = query.value(7).toString();
    const auto parsedProtocol = parseProtocol(protocol.toStdString());
    if (!parsedProtocol)
        return bad("protocol", protocol);
    run.protocol = *parsedProtocol;
    const QString family = query.value(8).toString();
    const auto parsedFamily = parseAddressFamily(family.toStdString());
    if (!parsedFamily)
        return bad("family", family);
    run.spec.family = *parsedFamily;
    const QString type = query.value(9).toString();
    if (type == text(toString(SocketType::Stream)))
        run.spec.type = SocketType::Stream;
    else if (type == text(toString(SocketType::Datagram)))
        run.spec.type = SocketType::Datagram;
    else if (type == text(toString(SocketType::Raw)))
        run.spec.type = SocketType::Raw;
    else
        return bad("socket_type", type);
    run.spec.protocol = query.value(10).toInt();
    run.address = query.value(11).toString();
    run.requested = PortRange{quint16(query.value(12).toUInt()), quint16(query.value(13).toUInt())};
    run.granted = PortRange{quint16(query.value(14).toUInt()), quint16(query.value(15).toUInt())};
    run.token = sql::tokenFrom(query.value(16));
    if (!query.value(17).isNull())
        run.allocatedPort = quint16(query.value(17).toUInt());
    run.ok = query.value(18).toBool();
    run.cancelled = query.value(19).toBool();
    run.summary = query.value(20).toString();
    run.parameters = query.value(21).toString();
    run.stepCount = query.value(22).toInt();
    run.digest = readDigest(query.value(23), query.value(24));
    return run;
}

Result<ProbeStepRecord> readStep(const QSqlQuery& query, const QString& path)
{
    ProbeStepRecord step;
    step.seq = query.value(0).toInt();
    const QString kind = query.value(1).toString();
    const auto parsedKind = parseStepKind(kind);
    if (!parsedKind)
        return sql::unexpectedValue(path, QStringLiteral("probe_step"), QStringLiteral("kind"),
                                    kind);
    step.kind = *parsedKind;
    step.ok = query.value(2).toBool();
    step.durationUs = query.value(3).toLongLong();
    step.detail = query.value(4).toString();
    step.firstPort = quint16(query.value(5).toUInt());
    step.lastPort = quint16(query.value(6).toUInt());
    if (!query.value(7).isNull()) {
        const QString outcome = query.value(7).toString();
        step.outcome = parseBindOutcome(outcome);
        if (!step.outcome)
            return sql::unexpectedValue(path, QStringLiteral("probe_step"),
                                        QStringLiteral("outcome"), outcome);
    }
    step.holder = query.value(8).toString();
    step.error = sql::errorFrom(query, 9);
    return step;
}

const sql::HistoryTable& runTable()
{
    static const sql::HistoryTable table{QStringLiteral("probe_run"),
                                         QStringLiteral("probe_run_search"),
                                         QStringLiteral("started_at"), kRunColumns};
    return table;
}

// Every condition of the filter but its full-text words (sql::historyWindow joins those).
sql::Where whereOf(const ProbeRunFilter& filter, const sql::SearchTerms& search)
{
    sql::Where where;
    if (!filter.host.isEmpty())
        where.add(QStringLiteral("host = ?"), {filter.host});
    if (filter.kind)
        where.add(QStringLiteral("kind = ?"), {toText(*filter.kind)});
    if (filter.ok)
        where.add(QStringLiteral("ok = ?"), {*filter.ok ? 1 : 0});
    for (const int port : search.ports)
        where.add(QStringLiteral("(%1 OR allocated_port = ?)")
                      .arg(sql::blockHoldsPort(QStringLiteral("requested_start"),
                                               QStringLiteral("requested_count"))),
                  {port, port, port, port, port, port});
    for (const QString& word : search.shortWords)
        where.add(QStringLiteral("(host = ? COLLATE NOCASE OR address = ? OR protocol = lower(?))"),
                  {word, word, word});
    if (filter.from.isValid())
        where.add(QStringLiteral("started_at >= ?"), {sql::timeValue(filter.from)});
    if (filter.to.isValid())
        where.add(QStringLiteral("started_at < ?"), {sql::timeValue(filter.to)});
    return where;
}

// The window query and its values, shared by runs() and queryPlan().
QString windowSql(const ProbeRunFilter& filter, int limit, std::optional<PageKey> before,
                  QVariantList& values)
{
    const sql::SearchTerms search = sql::searchTerms(filter.text);
    return sql::historyWindow(runTable(), search, whereOf(filter, search), limit, before, values);
}

// Inserts one run and its steps with the two prepared statements; the caller's transaction
// makes it all-or-nothing.
Result<qint64> insertRun(Database& database, QSqlQuery& runQuery, QSqlQuery& stepQuery,
                         const ProbeRunRecord& run, const QString& action)
{
    QVariantList values{run.actor.host.isEmpty() ? database.localHost() : run.actor.host,
                        run.actor.user,
                        run.actor.elevated ? 1 : 0,
                        toText(run.kind),
                        sql::timeValue(run.startedAt.isValid() ? run.startedAt : database.now()),
                        run.durationUs,
                        text(toString(run.protocol)),
                        text(toString(run.spec.family)),
                        text(toString(run.spec.type)),
                        run.spec.protocol,
                        run.address,
                        run.requested.start,
                        run.requested.count,
                        run.granted.start,
                        run.granted.count,
                        sql::tokenValue(run.token),
                        sql::nullableInt(run.allocatedPort
                                             ? std::optional<qint64>(*run.allocatedPort)
                                             : std::nullopt),
                        run.ok ? 1 : 0,
                        run.cancelled ? 1 : 0,
                        run.summary,
                        run.parameters};
    Result<void> done = sql::execPrepared(runQuery, values, database.path(), action);
    if (!done)
        return done.error();
    const qint64 id = runQuery.lastInsertId().toLongLong();
    int seq = 0;
    for (const ProbeStepRecord& step : run.steps) {
        QVariantList stepValues{id,
                                seq++,
                                toText(step.kind),
                                step.ok ? 1 : 0,
                                step.durationUs,
                                step.detail,
                                step.firstPort,
                                step.lastPort,
                                step.outcome ? QVariant(text(toString(*step.outcome)))
                                             : sql::nullableText({}),
                                step.holder};
        stepValues.append(sql::errorValues(step.error));
        done = sql::execPrepared(stepQuery, stepValues, database.path(), action);
        if (!done)
            return done.error();
    }
    return id;
}

} // namespace

Result<qint64> ProbeRunStore::record(const ProbeRunRecord& run)
{
    Result<QList<qint64>> ids = recordMany({run});
    if (!ids)
        return ids.error();
    return ids->constFirst();
}

Result<QList<qint64>> ProbeRunStore::recordMany(const QList<ProbeRunRecord>& runs)
{
    const QString action =
        runs.size() == 1
            ? StoreText::tr("Could not record the %1 run").arg(toText(runs.constFirst().kind))
            : StoreText::tr("Could not record %1 probe runs").arg(runs.size());
    Result<Transaction> transaction = Transaction::begin(m_database, action);
    if (!transaction)
        return transaction.error();
    QList<qint64> ids;
    ids.reserve(runs.size());
    {
        QSqlQuery runQuery(transaction->connection());
        QSqlQuery stepQuery(transaction->connection());
        if (!runQuery.prepare(kInsertRun))
            return m_database.error(runQuery.lastError(), action);
        if (!stepQuery.prepare(kInsertStep))
            return m_database.error(stepQuery.lastError(), action);
        for (const ProbeRunRecord& run : runs) {
            Result<qint64> id = insertRun(m_database, runQuery, stepQuery, run, action);
            if (!id)
                return id.error();
            ids.append(id.value());
        }
    }
    Result<void> committed = transaction->commit();
    if (!committed)
        return committed.error();
    return ids;
}

Result<ProbeRunRecord> ProbeRunStore::run(qint64 id)
{
    const QString action = StoreText::tr("Could not read probe run %1").arg(id);
    Result<QSqlDatabase> connection = m_database.connection();
    if (!connection)
        return connection.error();
    // A run and its steps are written together and never changed, so two reads agree.
    QSqlQuery query(connection.value());
    Result<void> done =
        sql::exec(query, QStringLiteral("SELECT %1 FROM probe_run WHERE id = ?").arg(kRunColumns),
                  {id}, m_database.path(), action);
    if (!done)
        return done.error();
    if (!query.next())
        return Error{ErrorKind::NotFound,
                     0,
                     {},
                     (action + QStringLiteral(": there is no such run.")).toStdString()};
    Result<ProbeRunRecord> run = readRun(query, m_database.path());
    if (!run)
        return run.error();
    query.finish();
    done = sql::exec(
        query,
        QStringLiteral("SELECT %1 FROM probe_step WHERE run_id = ? ORDER BY seq").arg(kStepColumns),
        {id}, m_database.path(), action);
    if (!done)
        return done.error();
    while (query.next()) {
        Result<ProbeStepRecord> step = readStep(query, m_database.path());
        if (!step)
            return step.error();
        run->steps.append(std::move(step).value());
    }
    run->stepCount = int(run->steps.size());
    return run;
}

Result<QList<ProbeRunRecord>> ProbeRunStore::runs(const ProbeRunFilter& filter, int limit,
                                                  std::optional<PageKey> before)
{
    const QString action = StoreText::tr("Could not read the probe history");
    Result<QSqlDatabase> connection = m_database.connection();
    if (!connection)
        return connection.error();
    QVariantList values;
    const QString sqlText = windowSql(filter, limit, before, values);
    QSqlQuery query(connection.value());
    query.setForwardOnly(true);
    Result<void> done = sql::exec(query, sqlText, values, m_database.path(), action);
    if (!done)
        return done.error();
    QList<ProbeRunRecord> runs;
    while (query.next()) {
        Result<ProbeRunRecord> run = readRun(query, m_database.path());
        if (!run)
            return run.error();
        runs.append(std::move(run).value());
    }
    return runs;
}

Result<qint64> ProbeRunStore::count(const ProbeRunFilter& filter)
{
    const QString action = StoreText::tr("Could not count the probe history");
    Result<QSqlDatabase> connection = m_database.connection();
    if (!connection)
        return connection.error();
    const sql::SearchTerms search = sql::searchTerms(filter.text);
    sql::Where where = whereOf(filter, search);
    sql::addFullText(where, runTable(), search);
    QSqlQuery query(connection.value());
    Result<void> done =
        sql::exec(query, QStringLiteral("SELECT count(*) FROM probe_run") + where.text(),
                  where.values, m_database.path(), action);
    if (!done)
        return done.error();
    query.next();
    return query.value(0).toLongLong();
}

Result<QStringList> ProbeRunStore::hosts()
{
    const QString action = StoreText::tr("Could not read the hosts of the probe history");
    Result<QSqlDatabase> connection = m_database.connection();
    if (!connection)
        return connection.error();
    QSqlQuery query(connection.value());
    // DISTINCT over the (host, ...) index: one step per host, not per run.
    Result<void> done =
        sql::exec(query, QStringLiteral("SELECT DISTINCT host FROM probe_run ORDER BY host"), {},
                  m_database.path(), action);
    if (!done)
        return done.error();
    QStringList hosts;
    while (query.next())
        hosts.append(query.value(0).toString());
    return hosts;
}

Result<QStringList> ProbeRunStore::queryPlan(const ProbeRunFilter& filter, int limit,
                                             std::optional<PageKey> before)
{
    const QString action = StoreText::tr("Could not explain the history query");
    Result<QSqlDatabase> connection = m_database.connection();
    if (!connection)
        return connection.error();
    QVariantList values;
    const QString sqlText =
        QStringLiteral("EXPLAIN QUERY PLAN ") + windowSql(filter, limit, before, values);
    QSqlQuery query(connection.value());
    Result<void> done = sql::exec(query, sqlText, values, m_database.path(), action);
    if (!done)
        return done.error();
    QStringList plan;
    while (query.next())
        plan.append(query.value(3).toString());
    return plan;
}

} // namespace portolan
