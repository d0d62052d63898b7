// SPDX-License-Identifier: GPL-3.0-or-later
#include "model/reports/reportmap.h"

#include "model/reports/reportwriters.h"

#include <cmath>

namespace portolan {
namespace {

QString svgNumber(double v)
{
    return QString::number(std::round(v * 10) / 10, 'f', 1);
}

} // namespace

QString reportMapSvg(const ReportData& data)
{
    const ReportMapLayout layout = layoutReportMap(data);
    QString svg;
    svg += QStringLiteral(
               "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 %1 %2\" width=\"%1\" "
               "height=\"%2\" role=\"img\" aria-labelledby=\"map-title\" "
               "font-family=\"DejaVu Sans, Segoe UI, Arial, Helvetica, sans-serif\">\n")
               .arg(svgNumber(layout.width), svgNumber(layout.height));
    svg +=
        QStringLiteral("<title id=\"map-title\">%1</title>\n")
            .arg(htmlEscape(ReportWriter::tr("Port map of %1: TCP and UDP ports 0–65535 with the "
                                             "reserved blocks and the dynamic ranges")
                                .arg(data.host)));
    svg += QStringLiteral(
        "<defs>\n"
        "<pattern id=\"hatch-persistent\" patternUnits=\"userSpaceOnUse\" width=\"5\" height=\"5\" "
        "patternTransform=\"rotate(45)\"><rect width=\"5\" height=\"5\" fill=\"#0072b2\"/>"
        "<rect width=\"2\" height=\"5\" fill=\"#5aa0cc\"/></pattern>\n"
        "<pattern id=\"hatch-runtime\" patternUnits=\"userSpaceOnUse\" width=\"5\" height=\"5\" "
        "patternTransform=\"rotate(-45)\"><rect width=\"5\" height=\"5\" fill=\"#e69f00\"/>"
        "<rect width=\"2\" height=\"5\" fill=\"#f3cf80\"/></pattern>\n"
        "</defs>\n");
    for (const ReportMapShape& s : layout.shapes) {
        const QRectF& r = s.rect;
        auto rect = [&](const QString& fill, const QString& stroke, const QString& extra) {
            svg += QStringLiteral("<rect x=\"%1\" y=\"%2\" width=\"%3\" height=\"%4\" fill=\"%5\" "
                                  "stroke=\"%6\"%7><title>%8</title></rect>\n")
                       .arg(svgNumber(r.x()), svgNumber(r.y()), svgNumber(r.width()),
                            svgNumber(r.height()), fill, stroke, extra, htmlEscape(s.text));
        };
        switch (s.kind) {
        case ReportMapShape::Kind::Track:
            rect(QStringLiteral("#f4f4f4"), QStringLiteral("#999999"), {});
            break;
        case ReportMapShape::Kind::Dynamic:
            rect(QStringLiteral("#dde6ee"), QStringLiteral("#6b7f93"),
                 QStringLiteral(" stroke-dasharray=\"4 3\""));
            break;
        case ReportMapShape::Kind::Persistent:
            rect(QStringLiteral("url(#hatch-persistent)"), QStringLiteral("#00466e"),
                 QStringLiteral(" stroke-width=\"1\""));
            break;
        case ReportMapShape::Kind::Runtime:
            rect(QStringLiteral("url(#hatch-runtime)"), QStringLiteral("#8a5f00"),
                 QStringLiteral(" stroke-width=\"1\""));
            break;
        case ReportMapShape::Kind::Leader:
        case ReportMapShape::Kind::Tick:
            svg += QStringLiteral("<line x1=\"%1\" y1=\"%2\" x2=\"%3\" y2=\"%4\" stroke=\"%5\" "
                                  "stroke-width=\"1\"/>\n")
                       .arg(svgNumber(s.line.x1()), svgNumber(s.line.y1()), svgNumber(s.line.x2()),
                            svgNumber(s.line.y2()),
                            s.kind == ReportMapShape::Kind::Leader ? QStringLiteral("#555555")
                                                                   : QStringLiteral("#333333"));
            break;
        case ReportMapShape::Kind::Text: {
            const char* anchor = s.anchor == ReportMapShape::Anchor::Start    ? "start"
                                 : s.anchor == ReportMapShape::Anchor::Middle ? "middle"
                                                                              : "end";
            svg += QStringLiteral("<text x=\"%1\" y=\"%2\" font-size=\"%3\" text-anchor=\"%4\"%5 "
                                  "fill=\"#1a1a1a\">%6</text>\n")
                       .arg(svgNumber(s.at.x()), svgNumber(s.at.y()), svgNumber(s.fontSize),
                            QLatin1String(anchor),
                            s.bold ? QStringLiteral(" font-weight=\"bold\"") : QString(),
                            htmlEscape(s.text));
            break;
        }
        }
    }
    svg += QStringLiteral("</svg>\n");
    return svg;
}

} // namespace portolan
