// SPDX-License-Identifier: GPL-3.0-or-later
#include "model/reports/report.h"

#include "model/services/lastscans.h"
#include "model/store/store.h"

#include "platform/backend.h"

#include <QFileInfo>

#include <algorithm>
#include <tuple>

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
        for (Protocol p : {Protocol::Tcp, Protocol::Udp}) {
            const QString name = p == Protocol::Tcp ? QStringLiteral("TCP") : QStringLiteral("UDP");
            if (auto range = backend->dynamicRange(p))
                (p == Protocol::Tcp ? data.tcpDynamicRange : data.udpDynamicRange) = range.value();
            else
                data.problems << tr("The %1 dynamic range could not be read: %2")
                                     .arg(name, QString::fromStdString(range.error().message));
        }
        if (auto blocks = backend->listReservations(std::nullopt)) {
            for (const ReservedBlock& block : blocks.value()) {
                if (block.persistent)
                    continue; // the inventory speaks for persistent blocks
                data.runtimeBlocks.append(ReportRuntimeBlock{block.protocol, block.range,
                                                             QString::fromStdString(block.owner)});
            }
            std::sort(data.runtimeBlocks.begin(), data.runtimeBlocks.end(),
                      [](const ReportRuntimeBlock& a, const ReportRuntimeBlock& b) {
                          return std::tuple(int(a.protocol), a.range.start, a.range.count) <
                                 std::tuple(int(b.protocol), b.range.start, b.range.count);
                      });
        } else {
            data.problems << tr("The reservations held by other processes could not be listed: %1")
                                 .arg(QString::fromStdString(blocks.error().message));
        }
        if (auto listeners = backend->listeners(std::nullopt)) {
            data.listeners = QList<Listener>(listeners->begin(), listeners->end());
            std::sort(data.listeners.begin(), data.listeners.end(),
                      [](const Listener& a, const Listener& b) {
                          return std::tie(a.protocol, a.port, a.address) <
                                 std::tie(b.protocol, b.port, b.address);
                      });
        } else {
            data.problems << tr("The listening sockets could not be listed: %1")
                                 .arg(QString::fromStdString(listeners.error().message));
        }
    }
    return data;
}

} // namespace portolan
