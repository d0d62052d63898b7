// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/portmap/portmaplayout.h"

#include "ui/portmap/portmapwidget.h"

#include <QFontMetrics>

#include <cmath>

namespace portolan::ui::portmap {

QFont smallFont(const QFont& base)
{
    QFont f = base;
    if (base.pointSizeF() > 0)
        f.setPointSizeF(std::max(6.5, base.pointSizeF() * 0.86));
    else
        f.setPixelSize(std::max(9, int(base.pixelSize() * 0.86)));
    return f;
}

QFont boldFont(const QFont& base)
{
    QFont f = base;
    f.setBold(true);
    return f;
}

std::vector<LegendItem> legendItems()
{
    return {
        {Layer::Dynamic, PortMapWidget::tr("Dynamic range"), {}},
        {Layer::Persistent, PortMapWidget::tr("Persistent reservation (explicit binds work)"), {}},
        {Layer::Runtime, PortMapWidget::tr("Runtime reservation of a service (forbidden)"), {}},
        {std::nullopt, PortMapWidget::tr("Listener"), {}},
        {Layer::ScanFree, PortMapWidget::tr("Scan: free"), {}},
        {Layer::ScanInUse, PortMapWidget::tr("Scan: in use"), {}},
        {Layer::ScanForbidden, PortMapWidget::tr("Scan: forbidden"), {}},
    };
}

int flowLegend(std::vector<LegendItem>& items, const QRect& area, const QFontMetrics& fm)
{
    const int rowHeight = fm.height() + 4;
    int x = area.left();
    int y = area.top();
    int rows = 1;
    for (LegendItem& item : items) {
        const int w = kSwatchWidth + kSwatchGap + fm.horizontalAdvance(item.text);
        if (x > area.left() && x + w > area.right()) {
            x = area.left();
            y += rowHeight;
            ++rows;
        }
        item.rect = QRect(x, y, w, rowHeight);
        x += w + kItemGap;
    }
    return rows;
}

Layout computeLayout(const QRect& widgetRect, const QFont& font)
{
    Layout l;
    const QFontMetrics fm(font);
    const QFontMetrics sfm(smallFont(font));
    const QFontMetrics bfm(boldFont(font));
    const QRect area = widgetRect.adjusted(kMargin, kMargin, -kMargin, -kMargin);

    const int gutter = std::max(bfm.horizontalAdvance(QStringLiteral("TCP")),
                                sfm.horizontalAdvance(PortMapWidget::tr("last scan"))) +
                       12;
    // Room for half an axis label past each end of the plot.
    const int overhang = sfm.horizontalAdvance(QStringLiteral("65535")) / 2 + 2;
    const int left = area.left() + gutter;
    const int right = area.right() - overhang;

    const int statusHeight = fm.height() + 4;
    const int axisHeight = sfm.height() + 8;
    l.status = QRect(area.left(), area.bottom() - statusHeight + 1, area.width(), statusHeight);
    const int lanesBottom = l.status.top() - axisHeight - 2;

    // The legend goes first when space is short: the lanes are the point, and the tooltip and
    // the status line say what each layer means.
    std::vector<LegendItem> items = legendItems();
    l.legendRows = flowLegend(items, area, fm);
    const int legendHeight = l.legendRows * (fm.height() + 4);
    if ((lanesBottom - area.top() - legendHeight - 8 - kLaneGap) / 2 < kMinLaneHeightWithLegend)
        l.legendRows = 0;
    l.legend = QRect(area.left(), area.top(), area.width(), l.legendRows == 0 ? 0 : legendHeight);
    // 8 px above each lane hold the current port's caret.
    const int lanesTop = (l.legendRows == 0 ? area.top() : l.legend.bottom() + 1) + 8;
    const int laneHeight = std::max(30, (lanesBottom - lanesTop - kLaneGap) / 2);
    // Labels on top, listener markers under them.
    const int headerHeight = sfm.height() + 8;

    for (int i = 0; i < 2; ++i) {
        Lane& lane = l.lanes[i];
        const int top = lanesTop + i * (laneHeight + kLaneGap);
        lane.rect = QRect(left, top, right - left + 1, laneHeight);
        lane.header = QRect(left, top, lane.rect.width(), headerHeight);
        const int tracks = laneHeight - headerHeight - 4;
        const int reservedHeight = int(tracks * 0.6);
        lane.reserved = QRect(left, lane.header.bottom() + 1, lane.rect.width(), reservedHeight);
        lane.scan = QRect(left, lane.reserved.bottom() + 4, lane.rect.width(),
                          lane.rect.bottom() - 2 - (lane.reserved.bottom() + 4) + 1);
    }
    l.plot = QRect(QPoint(left, l.lanes[0].rect.top()), QPoint(right, l.lanes[1].rect.bottom()));
    l.axis = QRect(left, l.lanes[1].rect.bottom() + 1, right - left + 1, axisHeight);
    return l;
}

PortSpan Scale::visibleSpan() const
{
    const double first = std::floor(start);
    const double last = std::ceil(start + span) - 1.0;
    return {quint16(std::clamp(first, 0.0, 65535.0)), quint16(std::clamp(last, 0.0, 65535.0))};
}

double Scale::tickStep(double minPixels) const
{
    const double ppp = portsPerPixel();
    for (double magnitude = 1; magnitude <= 100000; magnitude *= 10) {
        for (double n : {1.0, 2.0, 5.0}) {
            const double step = n * magnitude;
            if (step / ppp >= minPixels)
                return step;
        }
    }
    return 65536;
}

double axisLabelWidth(const QFontMetrics& fm, const PortSpan& window, bool cells)
{
    return fm.horizontalAdvance(QString::number(window.last)) + (cells ? 4.0 : 14.0);
}

} // namespace portolan::ui::portmap
