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

// Empty text is null (the backend, a runtime block's owner).
QJsonValue jsonTextOrNull(const QString& text)
{
    return text.isEmpty() ? QJsonValue() : QJsonValue(text);
}

void writeRange(OrderedJsonWriter& json, const char* key, const std::optional<PortRange>& range)
{
    if (!range) {
        json.value(key, QJsonValue());
        return;
    }
    json.beginObject(key);
    json.value("start", range->start);
    json.value("end", qint64(range->end()));
    json.value("count", range->count);
    json.end();
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

void writeRuntimeBlock(OrderedJsonWriter& json, const ReportRuntimeBlock& b)
{
    json.beginObject();
    writeBlock(json, b.protocol, b.range);
    json.value("persistent", false);
    json.value("owner", jsonTextOrNull(b.owner));
    json.end();
}

QString qs(std::string_view text)
{
    return QString::fromUtf8(text.data(), qsizetype(text.size()));
}

void writeListener(OrderedJsonWriter& json, const Listener& l)
{
    json.beginObject();
    json.value("protocol", reporttext::protocolKey(l.protocol));
    json.value("family", qs(toString(l.family)));
    json.value("address", qs(l.address));
    json.value("port", l.port);
    json.value("pid", l.pid >= 0 ? QJsonValue(qint64(l.pid)) : QJsonValue());
    json.value("process", jsonTextOrNull(qs(l.process)));
    json.end();
}

// The scan's request and each run of equal outcome; durations are left out (they change
// with every run of the same scan and say nothing about the ports).
void writeLastScan(OrderedJsonWriter& json, const std::optional<ProbeRunRecord>& scan)
{
    if (!scan) {
        json.value("lastScan", QJsonValue());
        return;
    }
    json.beginObject("lastScan");
    json.value("id", scan->id);
    json.value("startedAt", jsonTime(scan->startedAt));
    json.value("user", scan->actor.user);
    json.value("family", qs(toString(scan->spec.family)));
    json.value("address", scan->address);
    writeBlock(json, scan->protocol, scan->requested);
    json.value("cancelled", scan->cancelled);
    json.beginArray("runs");
    for (const ProbeStepRecord& step : scan->steps) {
        if (step.kind != StepKind::ScanRun || !step.outcome)
            continue;
        json.beginObject();
        json.value("start", step.firstPort);
        json.value("end", step.lastPort);
        json.value("count", int(step.lastPort) - step.firstPort + 1);
        json.value("outcome", qs(toString(*step.outcome)));
        json.value("holder", jsonTextOrNull(step.holder));
        if (step.error) {
            json.beginObject("error");
            json.value("code", qint64(step.error->code));
            json.value("name", QString::fromStdString(step.error->name));
            json.end();
        } else {
            json.value("error", QJsonValue());
        }
        json.end();
    }
    json.end();
    json.end();
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
    json.value("backend", jsonTextOrNull(data.backend));
    json.beginObject("dynamicRanges");
    writeRange(json, "tcp", data.tcpDynamicRange);
    writeRange(json, "udp", data.udpDynamicRange);
    json.end();

    json.beginArray("reservations");
    for (const ReservationRecord& r : data.reservations)
        writeReservation(json, r);
    json.end();
    json.beginArray("runtimeBlocks");
    for (const ReportRuntimeBlock& b : data.runtimeBlocks)
        writeRuntimeBlock(json, b);
    json.end();
    json.beginArray("listeners");
    for (const Listener& l : data.listeners)
        writeListener(json, l);
    json.end();
    writeLastScan(json, data.lastScan);
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
