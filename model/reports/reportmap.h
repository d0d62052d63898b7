// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/reports/report.h"

#include <QLineF>
#include <QList>
#include <QPointF>
#include <QRectF>
#include <QString>

// The port map that the HTML report draws as SVG and the PDF paints (ui/reports/reportpdf.h):
// one layout, two renderings.
namespace portolan {

// ---- port map drawing ----------------------------------------------------------------------
// The whole 0-65535 space of TCP and UDP as lanes: the dynamic range as a band, each inventory
// block and runtime block as a bar (at least 3 units wide, so a single port shows), its range
// as a label above it (labels are stacked in rows so that none overlaps another or leaves the
// drawing), and a port axis. Coordinates are in units of a drawing kReportMapWidth wide; the
// SVG writer and the PDF painter scale them.
inline constexpr double kReportMapWidth = 1000;
inline constexpr double kReportMapFontSize = 11; // labels; lane names are 2 more

struct ReportMapShape
{
    enum class Kind : quint8
    {
        Track,      // the lane's bar background
        Dynamic,    // dynamic range band
        Persistent, // an inventory block
        Runtime,    // a block held by another process
        Leader,     // line from a label to its block
        Tick,       // axis tick
        Text,       // any text: lane names, labels, captions, tick labels
    };
    enum class Anchor : quint8
    {
        Start,
        Middle,
        End
    };
    Kind kind = Kind::Track;
    QRectF rect;  // bars and bands
    QLineF line;  // leaders and ticks
    QString text; // Text: what it says; bars: a tooltip/title
    QPointF at;   // Text: the baseline point at the anchor
    Anchor anchor = Anchor::Start;
    double fontSize = kReportMapFontSize;
    bool bold = false;
};

struct ReportMapLayout
{
    double width = kReportMapWidth;
    double height = 0;
    QList<ReportMapShape> shapes; // in drawing order
};

// A conservative width for text of the map's font (DejaVu Sans is among the widest of the
// usual sans fonts), so that a label placed with it is never clipped or overlapped.
double estimatedTextWidth(const QString& text, double fontSize);
// fontSize: of the labels, in drawing units (the PDF, drawn smaller, asks for larger text).
ReportMapLayout layoutReportMap(const ReportData& data, double fontSize = kReportMapFontSize);
QString reportMapSvg(const ReportData& data);

} // namespace portolan
