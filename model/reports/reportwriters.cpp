// SPDX-License-Identifier: GPL-3.0-or-later
#include "model/reports/reportwriters.h"

#include <QSaveFile>

namespace portolan {

Result<QByteArray> ReportWriter::render(const ReportData& data, ReportFormat format)
{
    switch (format) {
    case ReportFormat::Csv:
        return reportCsv(data);
    case ReportFormat::Json:
        return reportJson(data);
    case ReportFormat::Html:
        return reportHtml(data, HtmlFlavor::Browser);
    case ReportFormat::Pdf:
        break;
    }
    return Error::make(
        ErrorKind::InvalidArgument,
        tr("format: pdf is drawn by the console (ui/reportpdf.h); allowed here: csv, "
           "json, html")
            .toStdString());
}

Result<void> ReportWriter::writeFile(const QString& path, const QByteArray& bytes)
{
    QSaveFile file(path);
    auto failed = [&](const QString& reason) -> Result<void> {
        return Error{ErrorKind::IoError,
                     0,
                     {},
                     tr("The report could not be written to %1: %2. Choose a folder you can write "
                        "to, or free some disk space, and export again.")
                         .arg(path, reason)
                         .toStdString()};
    };
    if (!file.open(QIODevice::WriteOnly))
        return failed(file.errorString());
    if (file.write(bytes) != bytes.size())
        return failed(file.errorString());
    if (!file.commit())
        return failed(file.errorString());
    return {};
}

} // namespace portolan
