// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/portmap/portmappainter.h"

#include "ui/portmap/portmaplanepainter.h"
#include "ui/portmap/portmapwidget.h"

#include <QFontMetrics>
#include <QPainter>

#include <cmath>

namespace portolan::ui::portmap {

namespace {

void paintLegend(QPainter& p, const Frame& f)
{
    const Layout& l = f.layout;
    if (l.legendRows == 0)
        return;
    const QFontMetrics fm(f.font);
    std::vector<LegendItem> items = legendItems();
    flowLegend(items, l.legend, fm);
    p.setFont(f.font);
    for (const LegendItem& item : items) {
        const QRect swatch(item.rect.left(), item.rect.center().y() - 6, kSwatchWidth, 13);
        paintSwatch(p, swatch, item.layer, *f.colors);
        p.setPen(f.palette.color(QPalette::WindowText));
        p.drawText(QRect(swatch.right() + kSwatchGap + 1, item.rect.top(),
                         item.rect.right() - swatch.right(), item.rect.height()),
                   Qt::AlignLeft | Qt::AlignVCenter, item.text);
    }
}

void paintAxis(QPainter& p, const Frame& f)
{
    const Layout& l = f.layout;
    const Scale& s = f.scale;
    const QFont small = smallFont(f.font);
    const QFontMetrics sfm(small);
    const PortSpan window = s.visibleSpan();

    const bool cells = s.cells();
    const double step = s.tickStep(axisLabelWidth(sfm, window, cells));
    // Cells: numbers sit under the middle of each port, between cell boundary ticks.
    const double offset = cells ? 0.5 : 0.0;

    p.save();
    p.setFont(small);
    p.setPen(QPen(f.palette.color(QPalette::WindowText), 1));
    const int base = l.axis.top() + 1;
    p.drawLine(l.plot.left(), base, l.plot.right(), base);
    if (cells) {
        for (quint32 port = window.first; port <= quint32(window.last) + 1; ++port) {
            const double gx = std::floor(s.x(port)) + 0.5;
            if (gx >= l.plot.left() && gx <= l.plot.right() + 1)
                p.drawLine(QPointF(gx, base), QPointF(gx, base + 2));
        }
    }
    for (double port = std::ceil(window.first / step) * step; port <= window.last; port += step) {
        const double tx = s.x(port + offset);
        if (tx < l.plot.left() - 0.5 || tx > l.plot.right() + 0.5)
            continue;
        const double gx = std::floor(tx) + 0.5;
        p.drawLine(QPointF(gx, base), QPointF(gx, base + 4));
        const QString label = QString::number(qint64(port));
        const int w = sfm.horizontalAdvance(label);
        int left = int(std::lround(tx - w / 2.0));
        left = std::clamp(left, 0, f.rect.width() - w - 1);
        p.drawText(QRect(left, base + 5, w + 1, sfm.height()), Qt::AlignCenter, label);
    }
    p.restore();
}

void paintStatus(QPainter& p, const Frame& f)
{
    const QRect& status = f.layout.status;
    const QFontMetrics fm(f.font);
    const PortSpan window = f.scale.visibleSpan();
    const QString shown = PortMapWidget::tr("Showing %1 (%2 ports)")
                              .arg(PortMapData::spanText(window))
                              .arg(window.count());
    const int shownWidth = fm.horizontalAdvance(shown);

    p.setFont(f.font);
    p.setPen(f.palette.color(QPalette::WindowText));
    p.drawText(QRect(status.right() - shownWidth, status.top(), shownWidth + 1, status.height()),
               Qt::AlignRight | Qt::AlignVCenter, shown);
    const int room = status.width() - shownWidth - 16;
    p.drawText(QRect(status.left(), status.top(), room, status.height()),
               Qt::AlignLeft | Qt::AlignVCenter,
               fm.elidedText(f.currentSummary, Qt::ElideRight, room));
}

} // namespace

QColor Frame::cursorColor() const
{
    return focused ? palette.color(QPalette::Highlight) : colors->cursor;
}

void fillLayer(QPainter& p, const QRectF& r, const LayerLook& look)
{
    p.fillRect(r, look.fill);
    if (look.pattern != Qt::NoBrush)
        p.fillRect(r, QBrush(look.hatch, look.pattern));
}

void paintSwatch(QPainter& p, const QRect& r, std::optional<Layer> layer, const Colors& c)
{
    if (layer) {
        fillLayer(p, r, c.look(*layer));
    } else {
        p.fillRect(r, c.laneBackground);
        p.fillRect(QRect(r.center().x() - 1, r.top(), 2, r.height()), c.listener);
    }
    p.setPen(QPen(c.laneBorder, 1));
    p.setBrush(Qt::NoBrush);
    p.drawRect(r.adjusted(0, 0, -1, -1));
}

void paintFrame(QPainter& p, const Frame& frame)
{
    p.fillRect(frame.rect, frame.palette.window());
    paintLegend(p, frame);
    for (int index : {0, 1})
        LanePainter(p, frame, index).paint();
    paintAxis(p, frame);
    paintStatus(p, frame);
}

} // namespace portolan::ui::portmap
