// SPDX-License-Identifier: GPL-3.0-or-later
#include "model/import/importer.h"

#include "model/import/importsupport.h"
#include "model/import/jsonimport.h"

#include "model/reports/report.h"
#include "model/services/explanations.h"
#include "model/store/store.h"

#include "platform/netshparser.h"
#include "platform/text.h"

#include <QFile>
#include <QJsonObject>
#include <QStringDecoder>

#include <utility>

namespace portolan {
namespace {

using importsupport::invalid;
using importsupport::withoutBom;

Result<ImportDocument> parseNetsh(const QString& text, const ImportOptions& options)
{
    const QByteArray utf8 = text.toUtf8();
    const std::string_view view(utf8.constData(), std::size_t(utf8.size()));
    auto rows = netsh::parseExcludedPortRanges(view);
    if (!rows)
        return rows.error(); // "line N: ..."
    const std::optional<Protocol> named = netsh::excludedPortRangesProtocol(view);
    if (named && options.protocol && *named != *options.protocol)
        return invalid(Importer::tr("the heading names the protocol %1, but %2 was asked for")
                           .arg(Explanations::protocolName(*named),
                                Explanations::protocolName(*options.protocol)));
    const std::optional<Protocol> protocol = named ? named : options.protocol;
    if (!protocol)
        return invalid(Importer::tr("the text does not name its protocol (tcp or udp): give it "
                                    "with --protocol"));
    ImportDocument document;
    document.format = ImportFormat::Netsh;
    document.host = options.host;
    for (const netsh::ExcludedRange& row : rows.value()) {
        ImportedReservation r;
        r.host = options.host;
        r.protocol = *protocol;
        r.range = row.range();
        r.persistent = row.persistent;
        document.reservations.append(r);
    }
    return document;
}

} // namespace

QString toText(ImportFormat format)
{
    switch (format) {
    case ImportFormat::Auto:
        return QStringLiteral("auto");
    case ImportFormat::Netsh:
        return QStringLiteral("netsh");
    case ImportFormat::CliJson:
        return QStringLiteral("json");
    case ImportFormat::Report:
        return QStringLiteral("report");
    }
    return {};
}

ImportFormat Importer::detect(const QString& text)
{
    for (QChar c : text) {
        if (c.isSpace() || c == QChar(0xFEFF))
            continue;
        return c == QLatin1Char('{') ? ImportFormat::CliJson : ImportFormat::Netsh;
    }
    return ImportFormat::Netsh;
}

Result<ImportDocument> Importer::parse(const QString& text, const ImportOptions& options)
{
    const ImportFormat format =
        options.format == ImportFormat::Auto ? detect(text) : options.format;
    if (format == ImportFormat::Netsh)
        return parseNetsh(text, options);
    auto parsed = jsonimport::parseText(text);
    if (!parsed)
        return parsed.error(); // "line L, column C: ..."
    // A JSON report says what it is; any other JSON object is portolan-cli's.
    if (format == ImportFormat::Report || options.format == ImportFormat::Auto) {
        const QJsonObject root = parsed->object(); // empty when the document is not an object
        if (root.value(QLatin1String("format")).toString() == QLatin1String(kReportFormatName))
            return jsonimport::fromReport(root, options);
        if (format == ImportFormat::Report)
            return invalid(tr("format: expected \"%1\" (a report exported by Portolan)")
                               .arg(QLatin1String(kReportFormatName)));
    }
    return jsonimport::fromCliJson(parsed.value(), options);
}

Result<QString> Importer::readFile(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return Error{ErrorKind::IoError,
                     0,
                     {},
                     tr("%1: cannot be read: %2").arg(path, file.errorString()).toStdString()};
    const QByteArray bytes = file.readAll();
    // PowerShell's "> file" writes UTF-16 with a byte-order mark; cmd and pastes give UTF-8
    // (or the OEM code page, whose labels the netsh reader never looks at).
    if (bytes.startsWith("\xFF\xFE") || bytes.startsWith("\xFE\xFF") ||
        bytes.startsWith("\xEF\xBB\xBF")) {
        auto encoding = QStringConverter::encodingForData(bytes);
        QStringDecoder decoder(encoding.value_or(QStringConverter::Utf8));
        return withoutBom(decoder(bytes));
    }
    return QString::fromUtf8(bytes);
}

Result<ImportSummary> Importer::import(const QString& text, const ImportOptions& options)
{
    auto parsed = parse(text, options);
    if (!parsed)
        return parsed.error();
    ImportDocument document = std::move(parsed).value();

    ImportSummary summary;
    summary.format = document.format;
    Database& database = m_store.database();
    auto transaction = Transaction::begin(database, tr("Could not import the reservations"));
    if (!transaction)
        return transaction.error();
    for (ImportedReservation& r : document.reservations) {
        if (r.host.isEmpty())
            r.host = database.localHost();
        if (!summary.hosts.contains(r.host))
            summary.hosts.append(r.host);
        if (!r.persistent) {
            ++summary.runtime; // held by a service; moves at every boot: reported, not stored
            continue;
        }
        auto existing = m_store.inventory().find(r.host, r.protocol, r.range);
        if (!existing)
            return existing.error(); // the transaction rolls back: nothing imported
        ReservationRecord record;
        if (r.record) {
            record = *r.record; // a Portolan report: every field as exported
            record.id = 0;
        } else {
            record.protocol = r.protocol;
            record.start = r.range.start;
            record.count = r.range.count;
            record.token = r.token;
            record.source = ReservationSource::Imported; // kept as it was for a known row
            record.state = ReservationState::Present; // as the report saw it; never verified here
        }
        record.host = r.host;
        auto stored = m_store.inventory().upsert(record);
        if (!stored)
            return stored.error();
        r.stored = true;
        r.added = !existing.value().has_value();
        (r.added ? summary.added : summary.updated)++;
        summary.rows.append(stored.value());
    }
    if (auto committed = transaction->commit(); !committed)
        return committed.error();

    summary.reservations = document.reservations;
    if (summary.hosts.isEmpty())
        summary.hosts.append(document.host.isEmpty() ? database.localHost() : document.host);
    summary.message =
        tr("Imported %n persistent reservation(s)", nullptr, summary.added + summary.updated) +
        tr(" (%n new)", nullptr, summary.added) +
        tr(" of %1", nullptr).arg(summary.hosts.join(QStringLiteral(", "))) +
        (summary.runtime ? tr("; %n runtime reservation(s) held by services were read but "
                              "not stored",
                              nullptr, summary.runtime)
                         : QString()) +
        QLatin1Char('.');
    return summary;
}

Result<ImportSummary> Importer::importFile(const QString& path, const ImportOptions& options)
{
    auto text = readFile(path);
    if (!text)
        return text.error();
    return import(text.value(), options);
}

} // namespace portolan
