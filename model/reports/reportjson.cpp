// SPDX-License-Identifier: GPL-3.0-or-later
#include "model/reports/reportwriters.h"

#include "model/reports/orderedjsonwriter.h"
#include "model/reports/reporttext.h"

namespace portolan {
namespace {

QJsonValue jsonTime(const QDateTime& time)
{
    return time.isValid() ? QJsonValue(reporttext::isoTime(time)) : QJsonValue();
}

// Tokens as decimal strings: 64 bits survive any reader, which a JSON number would not.
QJsonValue jsonToken(quint64 token)
{
    return token ? QJsonValue(QString::number(token)) : QJsonValue();
}

void writeBlock(OrderedJsonWriter& json, Protocol protocol, const PortRange& range)
{
    json.value("protocol", reporttext::protocolKey(protocol));
    json.value("start", range.start);
    json.value("end", qint64(range.count ? range.end()
                                         : range.start)); // an audited bad request may have 0
    json.value("count", range.count);
}

void writeReservation(OrderedJsonWriter& json, const ReservationRecord& r)
{
    json.beginObject();
    json.value("id", r.id);
    json.value("host", r.host);
    writeBlock(json, r.protocol, r.range());
    json.value("persistent", true);
    json.value("token", jsonToken(r.token));
    json.value("source", toText(r.source));
    json.value("state", toText(r.state));
    json.value("createdAt", jsonTime(r.createdAt));
    json.value("verifiedAt", jsonTime(r.verifiedAt));
    json.value("note", r.note);
    json.end();
}

QString qs(std::string_view text)
{
    return QString::fromUtf8(text.data(), qsizetype(text.size()));
}

// A document of the platform layer (the host snapshot), member by member in its own order.
void writeJson(OrderedJsonWriter& json, const char* key, const Json& value)
{
    if (value.is_object()) {
        json.beginObject(key);
        for (const auto& [name, member] : value.items())
            writeJson(json, name.c_str(), member);
        json.end();
    } else if (value.is_array()) {
        json.beginArray(key);
        for (const Json& element : value)
            writeJson(json, nullptr, element);
        json.end();
    } else if (value.is_string()) {
        json.value(key, qs(value.get_ref<const std::string&>()));
    } else if (value.is_boolean()) {
        json.value(key, value.get<bool>());
    } else if (value.is_number_integer()) {
        json.value(key, qint64(value.get<std::int64_t>()));
    } else if (value.is_number()) {
        json.value(key, value.get<double>());
    } else {
        json.value(key, QJsonValue());
    }
}

// The newest scan of the host in the store, as the host snapshot keeps a scan: its request and
// each run of equal outcome (durations change with every run of the same scan and say nothing
// about the ports).
std::optional<SnapshotScan> snapshotScan(const std::optional<ProbeRunRecord>& scan)
{
    if (!scan)
        return std::nullopt;
    SnapshotScan s;
    s.protocol = scan->protocol;
    s.family = scan->spec.family;
    s.address = scan->address.toStdString();
    s.first = scan->requested.start;
    s.last = static_cast<std::uint16_t>(scan->requested.end());
    for (const ProbeStepRecord& step : scan->steps) {
        if (step.kind != StepKind::ScanRun || !step.outcome)
            continue;
        SnapshotScanRun run;
        run.start = step.firstPort;
        run.end = step.lastPort;
        run.outcome = *step.outcome;
        if (step.error) {
            run.code = step.error->code;
            run.name = step.error->name;
        }
        run.holder = step.holder.toStdString();
        s.runs.push_back(std::move(run));
    }
    return s;
}

void writeAuditEntry(OrderedJsonWriter& json, const AuditRecord& a)
{
    json.beginObject();
    json.value("id", a.id);
    json.value("at", jsonTime(a.at));
    json.value("host", a.actor.host);
    json.value("user", a.actor.user);
    json.value("elevated", a.actor.elevated);
    json.value("action", toText(a.action));
    writeBlock(json, a.protocol, PortRange{a.start, a.count});
    json.value("request", a.request);
    json.value("ok", a.ok);
    json.value("token", jsonToken(a.token));
    json.value("detail", a.detail);
    if (a.error) {
        json.beginObject("error");
        const std::string_view kind = toString(a.error->kind);
        json.value("kind", QString::fromUtf8(kind.data(), qsizetype(kind.size())));
        json.value("code", qint64(a.error->code));
        json.value("name", QString::fromStdString(a.error->name));
        json.value("message", QString::fromStdString(a.error->message));
        json.end();
    } else {
        json.value("error", QJsonValue());
    }
    json.end();
}

} // namespace

QByteArray reportJson(const ReportData& data)
{
    OrderedJsonWriter json;
    json.beginObject();
    json.value("format", QLatin1String(kReportFormatName));
    json.value("version", kReportVersion);
    json.value("title", data.title);
    json.value("host", data.host);
    json.value("generatedAt", jsonTime(data.generatedAt));
    if (data.snapshot) {
        HostSnapshot snapshot = *data.snapshot;
        snapshot.scan = snapshotScan(data.lastScan);
        writeJson(json, "snapshot", snapshotToJsonValue(snapshot));
    } else {
        json.value("snapshot", QJsonValue());
    }
    json.beginArray("reservations");
    for (const ReservationRecord& r : data.reservations)
        writeReservation(json, r);
    json.end();
    json.beginArray("audit");
    for (const AuditRecord& a : data.audit)
        writeAuditEntry(json, a);
    json.end();
    json.beginArray("problems");
    for (const QString& p : data.problems)
        json.value(p);
    json.end();
    json.end();
    return json.toJson();
}

} // namespace portolan
