// SPDX-License-Identifier: GPL-3.0-or-later
#include "model/reports/reportmap.h"

#include "model/reports/reportmaplabels.h"
#include "model/reports/reporttext.h"
#include "model/reports/reportwriters.h"
#include "model/services/explanations.h"

#include <algorithm>

namespace portolan {
namespace {

using reporttext::rangeLabel;

constexpr double kPlotLeft = 56;
constexpr double kPlotRight = kReportMapWidth - 10;
constexpr double kBarHeight = 26;
constexpr double kMinBlockWidth = 3;

double xOf(double port)
{
    return kPlotLeft + port / 65536.0 * (kPlotRight - kPlotLeft);
}

ReportMapShape textShape(const QString& text, QPointF at, ReportMapShape::Anchor anchor,
                         double size = kReportMapFontSize, bool bold = false)
{
    ReportMapShape s;
    s.kind = ReportMapShape::Kind::Text;
    s.text = text;
    s.at = at;
    s.anchor = anchor;
    s.fontSize = size;
    s.bold = bold;
    return s;
}

} // namespace

double estimatedTextWidth(const QString& text, double fontSize)
{
    // DejaVu Sans advances: digits 0.64 em, most letters 0.55-0.7 em, capitals up to 0.78 em.
    double em = 0;
    for (QChar c : text) {
        if (c.isDigit())
            em += 0.64;
        else if (c.isUpper())
            em += 0.75;
        else if (c == QLatin1Char(' ') || c == QLatin1Char('(') || c == QLatin1Char(')') ||
                 c == QLatin1Char('i') || c == QLatin1Char('l') || c == QLatin1Char('.'))
            em += 0.36;
        else if (c == QChar(0x2013))
            em += 0.5;
        else
            em += 0.64;
    }
    return em * fontSize + 2;
}

ReportMapLayout layoutReportMap(const ReportData& data, double fontSize)
{
    ReportMapLayout layout;
    const double f = fontSize;
    const double rowHeight = f + 4;
    double y = 6;
    for (Protocol protocol : {Protocol::Tcp, Protocol::Udp}) {
        QList<MapItem> items;
        auto add = [&](const PortRange& range, bool runtime, const QString& label,
                       const QString& title) {
            if (range.count == 0)
                return;
            MapItem item;
            item.range = range;
            item.runtime = runtime;
            item.label = label;
            item.title = title;
            item.x0 = xOf(range.start);
            item.x1 = std::max(xOf(double(range.start) + range.count), item.x0 + kMinBlockWidth);
            item.x1 = std::min(item.x1, kPlotRight);
            item.x0 = std::min(item.x0, item.x1 - kMinBlockWidth);
            item.cx = (item.x0 + item.x1) / 2;
            item.w = estimatedTextWidth(label, f);
            item.lx = std::clamp(item.cx - item.w / 2, kPlotLeft, kPlotRight - item.w);
            items.append(item);
        };
        for (const ReservationRecord& r : data.reservations) {
            if (r.protocol == protocol)
                add(r.range(), false, rangeLabel(r.range()),
                    ReportWriter::tr("%1 %2: persistent reservation (%3)")
                        .arg(Explanations::protocolName(protocol), rangeLabel(r.range()),
                             Explanations::stateName(r.state)));
        }
        for (const ReportRuntimeBlock& b : data.runtimeBlocks) {
            if (b.protocol != protocol)
                continue;
            const QString owner = b.owner.isEmpty() ? ReportWriter::tr("unknown process") : b.owner;
            add(b.range, true, QStringLiteral("%1 %2").arg(rangeLabel(b.range), owner),
                ReportWriter::tr("%1 %2: held by %3")
                    .arg(Explanations::protocolName(protocol), rangeLabel(b.range), owner));
        }
        placeMapLabels(items);
        int rows = 1;
        for (const MapItem& item : items)
            rows = std::max(rows, item.row + 1);
        const double labelsTop = y;
        const double barTop = labelsTop + rows * rowHeight + 6;

        layout.shapes.append(textShape(Explanations::protocolName(protocol),
                                       QPointF(0, barTop + kBarHeight / 2 + 5),
                                       ReportMapShape::Anchor::Start, f + 2, true));
        ReportMapShape track;
        track.kind = ReportMapShape::Kind::Track;
        track.rect = QRectF(kPlotLeft, barTop, kPlotRight - kPlotLeft, kBarHeight);
        track.text = ReportWriter::tr("%1 ports 0–65535").arg(Explanations::protocolName(protocol));
        layout.shapes.append(track);

        const std::optional<PortRange> dynamic = data.dynamicRange(protocol);
        if (dynamic && dynamic->count > 0) {
            ReportMapShape band;
            band.kind = ReportMapShape::Kind::Dynamic;
            const double x0 = xOf(dynamic->start);
            const double x1 = std::min(xOf(double(dynamic->start) + dynamic->count), kPlotRight);
            band.rect = QRectF(x0, barTop, std::max(x1 - x0, kMinBlockWidth), kBarHeight);
            band.text = ReportWriter::tr("dynamic range %1").arg(rangeLabel(*dynamic));
            layout.shapes.append(band);
        }
        for (const MapItem& item : items) {
            ReportMapShape bar;
            bar.kind =
                item.runtime ? ReportMapShape::Kind::Runtime : ReportMapShape::Kind::Persistent;
            bar.rect = QRectF(item.x0, barTop, item.x1 - item.x0, kBarHeight);
            bar.text = item.title;
            layout.shapes.append(bar);
        }
        for (const MapItem& item : items) {
            const double baseline = barTop - 6 - item.row * rowHeight - 3;
            ReportMapShape leader;
            leader.kind = ReportMapShape::Kind::Leader;
            leader.line = QLineF(item.cx, baseline + 3, item.cx, barTop);
            layout.shapes.append(leader);
            layout.shapes.append(textShape(item.label, QPointF(item.lx, baseline),
                                           ReportMapShape::Anchor::Start, f));
        }
        double captionY = barTop + kBarHeight + f + 2;
        if (dynamic && dynamic->count > 0) {
            const QString caption = ReportWriter::tr("dynamic range %1").arg(rangeLabel(*dynamic));
            const double w = estimatedTextWidth(caption, f);
            const double x = std::clamp(xOf(dynamic->start), kPlotLeft, kPlotRight - w);
            layout.shapes.append(
                textShape(caption, QPointF(x, captionY), ReportMapShape::Anchor::Start, f));
        } else {
            layout.shapes.append(textShape(ReportWriter::tr("dynamic range not known"),
                                           QPointF(kPlotRight, captionY),
                                           ReportMapShape::Anchor::End, f));
        }
        y = captionY + f + 1;
    }
    // The port axis under both lanes.
    const double axisY = y + 2;
    for (int port : {0, 10000, 20000, 30000, 40000, 50000, 60000, 65535}) {
        const double x = xOf(port == 65535 ? 65536 : port);
        ReportMapShape tick;
        tick.kind = ReportMapShape::Kind::Tick;
        tick.line = QLineF(x, axisY, x, axisY + 5);
        layout.shapes.append(tick);
        const auto anchor = port == 0       ? ReportMapShape::Anchor::Start
                            : port == 65535 ? ReportMapShape::Anchor::End
                                            : ReportMapShape::Anchor::Middle;
        layout.shapes.append(
            textShape(QString::number(port), QPointF(x, axisY + f + 7), anchor, f));
    }
    ReportMapShape axis;
    axis.kind = ReportMapShape::Kind::Tick;
    axis.line = QLineF(kPlotLeft, axisY, kPlotRight, axisY);
    layout.shapes.append(axis);
    layout.height = axisY + f + 13;
    return layout;
}

} // namespace portolan
