// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/reports/report.h"
#include "model/reports/reportwriters.h"

#include "platform/error.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QImage>
#include <QList>
#include <QRectF>
#include <QStringList>

class QPainter;

// The PDF form of a reservation report, and the one entry point that writes any of the four
// formats. The PDF is the RichText flavour of the HTML report laid out by QTextDocument on A4
// pages, with the port map painted from the same layout as the HTML's SVG. Needs a
// QGuiApplication (fonts); may run on a worker thread.
namespace portolan::ui {

class ReportPdf
{
    Q_DECLARE_TR_FUNCTIONS(ReportPdf)

public:
    // Paints a port-map layout scaled to the width of `target` (the height follows).
    static void paintMap(QPainter& painter, const ReportMapLayout& layout, const QRectF& target);
    // The port map as an image `widthPx` pixels wide; fontSize in drawing units (1000 wide).
    static QImage mapImage(const ReportData& data, int widthPx,
                           double fontSize = kReportMapFontSize);
    // The PDF file's bytes. The document's title and creator are set; its creation date and
    // ID come from Qt (so two runs differ there, and only there).
    static Result<QByteArray> render(const ReportData& data);
    // The text of each page as the PDF lays it out (blocks by where they start, without the
    // page footer): lets a test see which page holds what without a PDF reader.
    static QList<QStringList> pageTexts(const ReportData& data);
};

// Writes the report as `format` to `path` (atomically: a failure leaves an older file as it was).
Result<void> exportReport(const ReportData& data, ReportFormat format, const QString& path);

} // namespace portolan::ui
