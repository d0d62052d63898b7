// SPDX-License-Identifier: GPL-3.0-or-later
#include "model/reports/report.h"

#include "model/services/lastscans.h"
#include "model/store/store.h"

#include "platform/backend.h"

#include <QFileInfo>

namespace portolan {

QString toText(ReportFormat format)
{
    switch (format) {
    case ReportFormat::Csv:
        return QStringLiteral("csv");
    case ReportFormat::Json:
        return QStringLiteral("json");
    case ReportFormat::Html:
        return QStringLiteral("html");
    case ReportFormat::Pdf:
        return QStringLiteral("pdf");
    }
    return {};
}

std::optional<ReportFormat> parseReportFormat(QStringView text)
{
    for (ReportFormat f :
         {ReportFormat::Csv, ReportFormat::Json, ReportFormat::Html, ReportFormat::Pdf}) {
        if (text.compare(toText(f), Qt::CaseInsensitive) == 0)
            return f;
    }
    if (text.compare(QLatin1String("htm"), Qt::CaseInsensitive) == 0)
        return ReportFormat::Html;
    return std::nullopt;
}

std::optional<ReportFormat> reportFormatForPath(const QString& path)
{
    const QString suffix = QFileInfo(path).suffix();
    if (suffix.isEmpty())
        return std::nullopt;
    return parseReportFormat(suffix);
}

Result<ReportData> Report::gather(Store& store, Backend* backend, const ReportOptions& options)
{
    ReportData data;
    Database& database = store.database();
    data.generatedAt =
        (options.generatedAt.isValid() ? options.generatedAt : database.now()).toUTC();
    if (backend)
        data.backend = QString::fromUtf8(backend->name().data(), qsizetype(backend->name().size()));
    data.host = options.host;
    if (data.host.isEmpty() && backend)
        data.host = QString::fromStdString(backend->hostName());
    if (data.host.isEmpty())
        data.host = database.localHost();
    data.title =
        options.title.isEmpty() ? tr("Port reservations of %1").arg(data.host) : options.title;

    InventoryFilter filter;
    filter.host = data.host;
    auto rows = store.inventory().list(filter);
    if (!rows)
        return rows.error();
    data.reservations = rows.value();

    auto scan = newestScan(store.probeRuns(), data.host);
    if (!scan)
        return scan.error();
    data.lastScan = scan.value();

    if (options.auditLimit > 0) {
        AuditFilter auditFilter;
        auditFilter.host = data.host;
        auto entries = store.audit().entries(auditFilter, options.auditLimit);
        if (!entries)
            return entries.error();
        data.audit = entries.value();
    }

    if (backend) {
        SnapshotOptions snapshotOptions;
        snapshotOptions.toolVersion = PORTOLAN_VERSION;
        snapshotOptions.gatheredAt = data.generatedAt.toSecsSinceEpoch();
        auto snapshot = gatherSnapshot(*backend, snapshotOptions);
        if (snapshot) {
            snapshot->toolName = "portolan";
            data.setSnapshot(std::move(snapshot.value()));
        } else {
            data.problems << tr("The reservations held by other processes could not be listed: %1")
                                 .arg(QString::fromStdString(snapshot.error().message));
        }
    }
    return data;
}

void ReportData::setSnapshot(HostSnapshot hostSnapshot)
{
    backend = QString::fromStdString(hostSnapshot.backend);
    tcpDynamicRange = hostSnapshot.dynamicTcp;
    udpDynamicRange = hostSnapshot.dynamicUdp;
    runtimeBlocks.clear();
    for (const ReservedBlock& block : hostSnapshot.runtime)
        runtimeBlocks.append(
            ReportRuntimeBlock{block.protocol, block.range, QString::fromStdString(block.owner)});
    listeners = QList<Listener>(hostSnapshot.listeners.begin(), hostSnapshot.listeners.end());
    for (const HostSnapshot::Gap& gap : hostSnapshot.gaps) {
        const QString message = QString::fromStdString(gap.error.message);
        if (gap.part == "dynamicRange.tcp" || gap.part == "dynamicRange.udp")
            problems << Report::tr("The %1 dynamic range could not be read: %2")
                            .arg(gap.part == "dynamicRange.tcp" ? QStringLiteral("TCP")
                                                                : QStringLiteral("UDP"),
                                 message);
        else if (gap.part == "listeners")
            problems << Report::tr("The listening sockets could not be listed: %1").arg(message);
    }
    snapshot = std::move(hostSnapshot);
}

} // namespace portolan
