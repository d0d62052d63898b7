// SPDX-License-Identifier: GPL-3.0-or-later
#include "model/import/jsonimport.h"

#include "model/import/importsupport.h"

#include "model/reports/report.h"
#include "model/services/explanations.h"

#include "platform/text.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QJsonValue>
#include <QVariant>

#include <algorithm>
#include <utility>

namespace portolan::jsonimport {
namespace {

using importsupport::invalid;
using importsupport::withoutBom;

// The field path of a list entry: "reservations[2].start".
QString fieldName(qsizetype index, const char* field, const char* list = "reservations")
{
    return QStringLiteral("%1[%2].%3")
        .arg(QLatin1String(list))
        .arg(index)
        .arg(QLatin1String(field));
}

} // namespace

// Errors read "line L, column C: what", as for every other JSON document Portolan reads.
Result<QJsonDocument> parseText(const QString& text)
{
    const QByteArray utf8 = withoutBom(text).toUtf8();
    QJsonParseError error;
    QJsonDocument document = QJsonDocument::fromJson(utf8, &error);
    if (error.error == QJsonParseError::NoError)
        return document;
    // The offset is just past the character that stopped the parser, except for text after
    // the document, where it is that text's first character.
    const int offset =
        error.error == QJsonParseError::GarbageAtEnd ? error.offset : std::max(0, error.offset - 1);
    const std::string_view view(utf8.constData(), std::size_t(utf8.size()));
    return invalid(QString::fromStdString(text::lineAndColumn(view, std::size_t(offset))) +
                   QStringLiteral(": ") + error.errorString());
}

namespace {

// An integer as written (QJsonDocument keeps it exactly when it fits 64 bits); nullopt for a
// fraction, a larger number or another type.
std::optional<qint64> wholeNumber(const QJsonValue& value)
{
    if (!value.isDouble())
        return std::nullopt;
    const QVariant number = value.toVariant();
    if (number.typeId() != QMetaType::LongLong)
        return std::nullopt;
    return number.toLongLong();
}

// Any JSON value as compact JSON text.
QString compactJson(const QJsonValue& value)
{
    const QByteArray array = QJsonDocument(QJsonArray{value}).toJson(QJsonDocument::Compact);
    return QString::fromUtf8(array.mid(1, array.size() - 2)); // without the brackets
}

template <typename T>
Result<T> integerField(const QJsonObject& entry, qsizetype index, const char* field, bool required,
                       std::int64_t min, std::int64_t max, T fallback,
                       const char* list = "reservations")
{
    const QJsonValue value = entry.value(QLatin1String(field));
    if (value.isUndefined()) {
        if (required)
            return invalid(Importer::tr("%1: missing").arg(fieldName(index, field, list)));
        return fallback;
    }
    const auto number = wholeNumber(value);
    if (!number)
        return invalid(
            Importer::tr("%1: expected a whole number").arg(fieldName(index, field, list)));
    if (*number < min || *number > max)
        return invalid(Importer::tr("%1: %2 is out of range; allowed: %3-%4")
                           .arg(fieldName(index, field, list))
                           .arg(*number)
                           .arg(min)
                           .arg(max));
    return static_cast<T>(*number);
}

// The members both JSON formats (portolan-cli --json list, the report) share: the document's
// host, which may be absent, and the reservations array.
struct JsonHeader
{
    QString host;
    QJsonArray reservations;
};

Result<JsonHeader> jsonHeader(const QJsonObject& root, bool nullHostAllowed)
{
    JsonHeader header;
    if (const QJsonValue host = root.value(QLatin1String("host"));
        !host.isUndefined() && !(nullHostAllowed && host.isNull())) {
        if (!host.isString())
            return invalid(Importer::tr("host: expected a string"));
        header.host = host.toString();
    }
    const QJsonValue list = root.value(QLatin1String("reservations"));
    if (list.isUndefined())
        return invalid(Importer::tr("reservations: missing"));
    if (!list.isArray())
        return invalid(Importer::tr("reservations: expected an array"));
    header.reservations = list.toArray();
    return header;
}

Result<Protocol> protocolField(const QJsonObject& entry, qsizetype i, const char* list)
{
    const QJsonValue protocol = entry.value(QLatin1String("protocol"));
    if (protocol.isUndefined())
        return invalid(Importer::tr("%1: missing").arg(fieldName(i, "protocol", list)));
    const auto p =
        protocol.isString() ? parseProtocol(protocol.toString().toStdString()) : std::nullopt;
    if (!p)
        return invalid(
            Importer::tr("%1: expected \"tcp\" or \"udp\"").arg(fieldName(i, "protocol", list)));
    return *p;
}

// A string field; null and missing give an empty string unless required.
Result<QString> stringField(const QJsonObject& entry, qsizetype i, const char* field, bool required,
                            const char* list)
{
    const QJsonValue value = entry.value(QLatin1String(field));
    if (value.isUndefined() || value.isNull()) {
        if (required)
            return invalid(Importer::tr("%1: missing").arg(fieldName(i, field, list)));
        return QString();
    }
    if (!value.isString())
        return invalid(Importer::tr("%1: expected a string").arg(fieldName(i, field, list)));
    return value.toString();
}

} // namespace

Result<ImportDocument> fromCliJson(const QJsonDocument& parsed, const ImportOptions& options)
{
    if (!parsed.isObject())
        return invalid(Importer::tr("line 1: expected a JSON object as portolan-cli --json list "
                                    "prints it"));
    const QJsonObject root = parsed.object();
    if (const QJsonValue command = root.value(QLatin1String("command")); !command.isUndefined()) {
        if (command.toString() != QLatin1String("list"))
            return invalid(
                Importer::tr("command: only the output of “portolan-cli --json list” "
                             "can be imported (this is “%1”)")
                    .arg(command.isString() ? command.toString() : compactJson(command)));
    }
    if (const QJsonValue ok = root.value(QLatin1String("ok")); !ok.isUndefined()) {
        if (!ok.isBool())
            return invalid(Importer::tr("ok: expected true or false"));
        if (!ok.toBool())
            return invalid(Importer::tr("ok: the report is of a command that failed; it lists no "
                                        "reservations"));
    }
    auto header = jsonHeader(root, /*nullHostAllowed=*/false);
    if (!header)
        return header.error();

    ImportDocument document;
    document.format = ImportFormat::CliJson;
    document.host = options.host.isEmpty() ? header->host : options.host;
    const QJsonArray& entries = header->reservations;
    for (qsizetype i = 0; i < entries.size(); ++i) {
        if (!entries[i].isObject())
            return invalid(Importer::tr("reservations[%1]: expected an object").arg(i));
        const QJsonObject entry = entries[i].toObject();
        ImportedReservation r;

        auto protocol = protocolField(entry, i, "reservations");
        if (!protocol)
            return protocol.error();
        r.protocol = protocol.value();

        auto start = integerField<std::int64_t>(entry, i, "start", true, 1, 65535, 0);
        if (!start)
            return start.error();
        auto end = integerField<std::int64_t>(entry, i, "end", false, 1, 65535, -1);
        if (!end)
            return end.error();
        auto count = integerField<std::int64_t>(entry, i, "count", false, 1, 65535, -1);
        if (!count)
            return count.error();
        if (end.value() < 0 && count.value() < 0)
            return invalid(Importer::tr("%1: missing (or give %2)")
                               .arg(fieldName(i, "count"), fieldName(i, "end")));
        std::int64_t n = count.value();
        if (end.value() >= 0) {
            if (end.value() < start.value())
                return invalid(Importer::tr("%1: %2 comes before the start %3")
                                   .arg(fieldName(i, "end"))
                                   .arg(end.value())
                                   .arg(start.value()));
            const std::int64_t spanned = end.value() - start.value() + 1;
            if (n >= 0 && n != spanned)
                return invalid(Importer::tr("%1: %2 does not match start %3 and end %4")
                                   .arg(fieldName(i, "count"))
                                   .arg(n)
                                   .arg(start.value())
                                   .arg(end.value()));
            n = spanned;
        }
        auto range = makePortRange(start.value(), n, RangeKind::Persistent);
        if (!range)
            return invalid(Importer::tr("reservations[%1].%2")
                               .arg(i)
                               .arg(QString::fromStdString(range.error().message)));
        r.range = range.value();

        const QJsonValue persistent = entry.value(QLatin1String("persistent"));
        if (persistent.isUndefined())
            return invalid(Importer::tr("%1: missing").arg(fieldName(i, "persistent")));
        if (!persistent.isBool())
            return invalid(
                Importer::tr("%1: expected true or false").arg(fieldName(i, "persistent")));
        r.persistent = persistent.toBool();

        if (const QJsonValue token = entry.value(QLatin1String("token"));
            !token.isUndefined() && !token.isNull()) {
            // portolan-cli prints tokens as decimal strings so that 64 bits survive any reader.
            // A number is taken when it is a whole one that fits 63 bits: QJsonDocument keeps
            // larger ones as doubles, which would change the token.
            std::optional<std::uint64_t> value;
            if (token.isString()) {
                bool ok = false;
                const QString text = token.toString();
                const quint64 v = text.toULongLong(&ok, 10);
                if (ok || text == QLatin1String("-") || text.isEmpty())
                    value = ok ? v : 0;
            } else if (const auto number = wholeNumber(token); number && *number >= 0) {
                value = std::uint64_t(*number);
            }
            if (!value)
                return invalid(
                    Importer::tr("%1: expected a decimal number").arg(fieldName(i, "token")));
            r.token = *value;
        }
        auto owner = stringField(entry, i, "owner", false, "reservations");
        if (!owner)
            return owner.error();
        r.owner = owner.value();
        QString host = options.host;
        if (host.isEmpty()) {
            auto named = stringField(entry, i, "host", false, "reservations");
            if (!named)
                return named.error();
            host = named.value();
        }
        if (host.isEmpty())
            host = header->host;
        if (host.isEmpty())
            return invalid(Importer::tr("%1: missing, and the document names no host: give it "
                                        "with --host")
                               .arg(fieldName(i, "host")));
        r.host = host;
        document.reservations.append(r);
    }
    return document;
}

namespace {

// ---- Portolan's JSON reservation report (model/reports/reportwriters.h) ---------------

Result<PortRange> blockField(const QJsonObject& entry, qsizetype i, const char* list)
{
    auto start = integerField<std::int64_t>(entry, i, "start", true, 1, 65535, 0, list);
    if (!start)
        return start.error();
    auto end = integerField<std::int64_t>(entry, i, "end", false, 1, 65535, -1, list);
    if (!end)
        return end.error();
    auto count = integerField<std::int64_t>(entry, i, "count", true, 1, 65535, -1, list);
    if (!count)
        return count.error();
    if (end.value() >= 0 && end.value() != start.value() + count.value() - 1)
        return invalid(Importer::tr("%1: %2 does not match start %3 and count %4")
                           .arg(fieldName(i, "end", list))
                           .arg(end.value())
                           .arg(start.value())
                           .arg(count.value()));
    auto range = makePortRange(start.value(), count.value(), RangeKind::Persistent);
    if (!range)
        return invalid(QStringLiteral("%1[%2].%3")
                           .arg(QLatin1String(list))
                           .arg(i)
                           .arg(QString::fromStdString(range.error().message)));
    return range.value();
}

// "2025-03-10T08:15:00.000Z" (any ISO 8601 time with its offset); null: never, unless required.
Result<QDateTime> timeField(const QJsonObject& entry, qsizetype i, const char* field, bool required)
{
    auto text = stringField(entry, i, field, required, "reservations");
    if (!text)
        return text.error();
    if (text.value().isEmpty()) {
        if (required)
            return invalid(Importer::tr("%1: missing").arg(fieldName(i, field)));
        return QDateTime();
    }
    const QDateTime time = QDateTime::fromString(text.value(), Qt::ISODateWithMs);
    if (!time.isValid() || time.timeSpec() == Qt::LocalTime)
        return invalid(Importer::tr("%1: “%2” is not a time with its offset; expected e.g. "
                                    "2025-03-10T08:15:00.000Z")
                           .arg(fieldName(i, field), text.value()));
    // An offset can move a time past the years ISO 8601 writes with four digits; the inventory
    // would keep it, but an export would then lose it (and the import of that export fail).
    const QDateTime utc = time.toUTC();
    if (utc.date().year() < 1 || utc.date().year() > 9999)
        return invalid(Importer::tr("%1: “%2” falls outside the years 1 to 9999 in UTC; allowed: "
                                    "0001-01-01T00:00:00.000Z to 9999-12-31T23:59:59.999Z")
                           .arg(fieldName(i, field), text.value()));
    return utc;
}

} // namespace

Result<ImportDocument> fromReport(const QJsonObject& root, const ImportOptions& options)
{
    const QJsonValue version = root.value(QLatin1String("version"));
    if (version.isUndefined())
        return invalid(Importer::tr("version: missing"));
    const auto v = wholeNumber(version);
    if (!v)
        return invalid(Importer::tr("version: expected a whole number"));
    // Every version so far has the same inventory; the later ones only add what an import
    // does not store (listeners, the last scan).
    if (*v < kOldestReportVersion || *v > kReportVersion)
        return invalid(Importer::tr("version: %1 is not supported; allowed: %2 to %3 (the report "
                                    "was written by another version of Portolan)")
                           .arg(*v)
                           .arg(kOldestReportVersion)
                           .arg(kReportVersion));
    auto header = jsonHeader(root, /*nullHostAllowed=*/true);
    if (!header)
        return header.error();

    ImportDocument document;
    document.format = ImportFormat::Report;
    document.host = options.host.isEmpty() ? header->host : options.host;
    auto hostOf = [&](const QJsonObject& entry, qsizetype i, const char* name) -> Result<QString> {
        if (!options.host.isEmpty())
            return options.host;
        auto host = stringField(entry, i, "host", false, name);
        if (!host)
            return host.error();
        QString h = host.value().isEmpty() ? header->host : host.value();
        if (h.isEmpty())
            return invalid(Importer::tr("%1: missing, and the document names no host: give it "
                                        "with --host")
                               .arg(fieldName(i, "host", name)));
        return h;
    };

    const QJsonArray& entries = header->reservations;
    for (qsizetype i = 0; i < entries.size(); ++i) {
        if (!entries[i].isObject())
            return invalid(Importer::tr("reservations[%1]: expected an object").arg(i));
        const QJsonObject entry = entries[i].toObject();
        ReservationRecord record;
        auto protocol = protocolField(entry, i, "reservations");
        if (!protocol)
            return protocol.error();
        record.protocol = protocol.value();
        auto range = blockField(entry, i, "reservations");
        if (!range)
            return range.error();
        record.start = range.value().start;
        record.count = range.value().count;
        if (const QJsonValue persistent = entry.value(QLatin1String("persistent"));
            !persistent.isUndefined() && !(persistent.isBool() && persistent.toBool()))
            return invalid(Importer::tr("%1: expected true (the inventory holds persistent "
                                        "reservations only)")
                               .arg(fieldName(i, "persistent")));
        if (const QJsonValue token = entry.value(QLatin1String("token"));
            !token.isUndefined() && !token.isNull()) {
            bool ok = false;
            const quint64 value = token.isString() ? token.toString().toULongLong(&ok, 10) : 0;
            if (!ok)
                return invalid(Importer::tr("%1: expected a decimal number in a string, or null")
                                   .arg(fieldName(i, "token")));
            record.token = value;
        }
        auto source = stringField(entry, i, "source", true, "reservations");
        if (!source)
            return source.error();
        const auto parsedSource = parseReservationSource(source.value());
        if (!parsedSource)
            return invalid(Importer::tr("%1: “%2” is not a source; allowed: created, looked-up, "
                                        "discovered, imported")
                               .arg(fieldName(i, "source"), source.value()));
        record.source = *parsedSource;
        auto state = stringField(entry, i, "state", true, "reservations");
        if (!state)
            return state.error();
        const auto parsedState = parseReservationState(state.value());
        if (!parsedState)
            return invalid(Importer::tr("%1: “%2” is not a state; allowed: present, missing, "
                                        "unverified")
                               .arg(fieldName(i, "state"), state.value()));
        record.state = *parsedState;
        auto created = timeField(entry, i, "createdAt", true);
        if (!created)
            return created.error();
        record.createdAt = created.value();
        auto verified = timeField(entry, i, "verifiedAt", false);
        if (!verified)
            return verified.error();
        record.verifiedAt = verified.value();
        auto note = stringField(entry, i, "note", false, "reservations");
        if (!note)
            return note.error();
        record.note = note.value();
        auto host = hostOf(entry, i, "reservations");
        if (!host)
            return host.error();
        record.host = host.value();

        ImportedReservation r;
        r.host = record.host;
        r.protocol = record.protocol;
        r.range = record.range();
        r.persistent = true;
        r.token = record.token;
        r.record = record;
        document.reservations.append(r);
    }

    // From version 3 the machine's side is the host snapshot document, read as such.
    if (*v >= 3) {
        const QJsonValue snapshot = root.value(QLatin1String("snapshot"));
        if (snapshot.isUndefined())
            return invalid(Importer::tr("snapshot: missing; allowed: a host snapshot or null"));
        if (snapshot.isNull())
            return document;
        if (!snapshot.isObject())
            return invalid(Importer::tr("snapshot: expected an object; allowed: a host snapshot "
                                        "or null"));
        const QByteArray text = QJsonDocument(snapshot.toObject()).toJson(QJsonDocument::Compact);
        auto read = snapshotFromJson(std::string_view(text.constData(), std::size_t(text.size())),
                                     "snapshot");
        if (!read)
            return invalid(QString::fromStdString(read.error().message));
        QString host = options.host.isEmpty() ? header->host : options.host;
        if (host.isEmpty())
            host = QString::fromStdString(read->host);
        for (const ReservedBlock& block : read->runtime) {
            ImportedReservation r;
            r.host = host;
            r.protocol = block.protocol;
            r.range = block.range;
            r.persistent = false;
            r.owner = QString::fromStdString(block.owner);
            document.reservations.append(r);
        }
        return document;
    }
    if (const QJsonValue runtime = root.value(QLatin1String("runtimeBlocks"));
        !runtime.isUndefined() && !runtime.isNull()) {
        if (!runtime.isArray())
            return invalid(Importer::tr("runtimeBlocks: expected an array"));
        const QJsonArray blocks = runtime.toArray();
        for (qsizetype i = 0; i < blocks.size(); ++i) {
            if (!blocks[i].isObject())
                return invalid(Importer::tr("runtimeBlocks[%1]: expected an object").arg(i));
            const QJsonObject entry = blocks[i].toObject();
            auto protocol = protocolField(entry, i, "runtimeBlocks");
            if (!protocol)
                return protocol.error();
            auto range = blockField(entry, i, "runtimeBlocks");
            if (!range)
                return range.error();
            auto owner = stringField(entry, i, "owner", false, "runtimeBlocks");
            if (!owner)
                return owner.error();
            auto host = hostOf(entry, i, "runtimeBlocks");
            if (!host)
                return host.error();
            ImportedReservation r;
            r.host = host.value();
            r.protocol = protocol.value();
            r.range = range.value();
            r.persistent = false;
            r.owner = owner.value();
            document.reservations.append(r);
        }
    }
    return document;
}

} // namespace portolan::jsonimport
