// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/fleet/fleetreportexport.h"

#include <QBuffer>
#include <QCoreApplication>
#include <QPageSize>
#include <QPdfWriter>
#include <QSaveFile>
#include <QTextDocument>

namespace portolan::ui {

Result<QByteArray> renderFleetReport(const FleetReportData& data, ReportFormat format)
{
    switch (format) {
    case ReportFormat::Csv:
        return FleetReport::csv(data);
    case ReportFormat::Json:
        return FleetReport::json(data);
    case ReportFormat::Html:
        return FleetReport::html(data);
    case ReportFormat::Pdf:
        break;
    }
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    QPdfWriter writer(&buffer);
    writer.setPageSize(QPageSize(QPageSize::A4));
    writer.setTitle(data.title);
    writer.setCreator(QStringLiteral("Portolan"));
    QTextDocument document;
    document.setHtml(QString::fromUtf8(FleetReport::html(data)));
    document.print(&writer);
    buffer.close();
    return bytes;
}

Result<void> exportFleetReport(const FleetReportData& data, ReportFormat format,
                               const QString& path)
{
    auto bytes = renderFleetReport(data, format);
    if (!bytes)
        return bytes.error();
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes.value()) != bytes->size() ||
        !file.commit())
        return Error{
            ErrorKind::IoError,
            0,
            {},
            QCoreApplication::translate("portolan::ui::FleetView", "%1: could not be written: %2")
                .arg(path, file.errorString())
                .toStdString()};
    return {};
}

} // namespace portolan::ui
