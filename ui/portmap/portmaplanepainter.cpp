// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/portmap/portmaplanepainter.h"

#include "ui/portmap/portmapwidget.h"

#include <QPainter>
#include <QPainterPath>

#include <algorithm>
#include <cmath>
#include <initializer_list>

namespace portolan::ui::portmap {

namespace {

// Blocks too narrow for an inside label are named above the lane, unless more than this many.
constexpr std::size_t kMaxCallouts = 40;

bool overlapsAny(const std::vector<std::pair<int, int>>& taken, int left, int right)
{
    return std::any_of(taken.begin(), taken.end(), [&](const std::pair<int, int>& t) {
        return left <= t.second && t.first <= right;
    });
}

// The box of a label centred on (cx, cy), kept inside `bounds`.
QRect labelBox(const QString& text, double cx, int cy, const QRect& bounds, const QFontMetrics& fm)
{
    int w = 0;
    const QStringList lines = text.split(QLatin1Char('\n'));
    for (const QString& line : lines)
        w = std::max(w, fm.horizontalAdvance(line));
    w += 6;
    const int h = fm.height() * int(lines.size());
    int left = int(std::lround(cx - w / 2.0));
    left = std::clamp(left, bounds.left(), std::max(bounds.left(), bounds.right() - w + 1));
    return {left, cy - h / 2, w, h};
}

// A small triangle pointing down at `tip`, `halfWidth` wide on each side and `height` tall.
void fillTriangle(QPainter& p, double tipX, double tipY, double halfWidth, double height,
                  const QColor& color)
{
    QPainterPath path;
    path.moveTo(tipX - halfWidth, tipY - height);
    path.lineTo(tipX + halfWidth, tipY - height);
    path.lineTo(tipX, tipY);
    path.closeSubpath();
    p.setRenderHint(QPainter::Antialiasing, true);
    p.fillPath(path, color);
    p.setRenderHint(QPainter::Antialiasing, false);
}

// One line of text above the tracks where labels are placed left to right at the first free
// candidate position, none over another.
class HeaderRow
{
public:
    HeaderRow(QPainter& p, const QRect& row, const QFontMetrics& fm) : m_p(p), m_row(row), m_fm(fm)
    {
    }

    bool place(const QString& text, std::initializer_list<double> lefts, const QColor& color)
    {
        const int w = m_fm.horizontalAdvance(text);
        for (double candidate : lefts) {
            const int left = int(std::lround(candidate));
            if (left < m_row.left() + 2 || left + w > m_row.right() - 2 ||
                overlapsAny(m_taken, left - 6, left + w + 6))
                continue;
            m_p.setPen(color);
            m_p.drawText(QRect(left, m_row.top(), w + 2, m_row.height()),
                         Qt::AlignLeft | Qt::AlignVCenter, text);
            m_taken.emplace_back(left, left + w);
            return true;
        }
        return false;
    }

    // A block's range and owner at its left or right edge, else the range alone.
    void callout(const ReservedBlock& block, const QRectF& r, const QColor& color)
    {
        const QString range = PortMapData::rangeText(block.range);
        const QString who =
            block.persistent ? PortMapWidget::tr("persistent") : PortMapData::ownerText(block);
        const QString full = PortMapWidget::tr("%1 %2").arg(range, who);
        const int w = m_fm.horizontalAdvance(full);
        if (!place(full, {r.left(), r.right() - w}, color))
            place(range, {r.left(), r.right() - m_fm.horizontalAdvance(range)}, color);
    }

private:
    QPainter& m_p;
    const QRect m_row;
    const QFontMetrics& m_fm;
    std::vector<std::pair<int, int>> m_taken;
};

} // namespace

LanePainter::LanePainter(QPainter& p, const Frame& frame, int index)
    : m_p(p), m_frame(frame), m_c(*frame.colors), m_lane(frame.layout.lanes[index]),
      m_layers((*frame.layers)[index]), m_protocol(laneProtocol(index)),
      m_small(smallFont(frame.font)), m_sfm(m_small), m_cells(frame.scale.cells()),
      m_window(frame.scale.visibleSpan()),
      m_tracks(m_lane.rect.left(), m_lane.reserved.top(), m_lane.rect.width(),
               m_lane.scan.bottom() - m_lane.reserved.top() + 1),
      m_hasCursor(frame.currentProtocol == m_protocol)
{
    if (m_hasCursor) {
        m_cursorColumn =
            spanRect({frame.currentPort, frame.currentPort}, m_tracks, 2.0).adjusted(-3, 0, 3, 0);
    }
}

QRectF LanePainter::spanRect(const PortSpan& s, const QRect& track, double minWidth) const
{
    double x0 = x(s.first);
    double x1 = x(double(s.last) + 1.0);
    if (x1 - x0 < minWidth) {
        const double middle = (x0 + x1) / 2;
        x0 = middle - minWidth / 2;
        x1 = middle + minWidth / 2;
    }
    return QRectF(x0, track.top(), x1 - x0, track.height());
}

std::vector<PortSpan> LanePainter::visible(const std::vector<PortSpan>& spans) const
{
    return coalesceForDisplay(spans, m_window.first, m_window.last, m_frame.scale.portsPerPixel());
}

void LanePainter::fillSpans(const std::vector<PortSpan>& spans, const QRect& track, double minWidth,
                            Layer layer)
{
    // Spans a few pixels wide show their layer's dark colour: a pattern needs room to be seen.
    const LayerLook look = m_c.look(layer);
    for (const PortSpan& s : spans) {
        const QRectF r = spanRect(s, track, minWidth);
        if (look.pattern != Qt::NoBrush && r.width() < 5.0)
            m_p.fillRect(r, look.hatch);
        else
            fillLayer(m_p, r, look);
    }
}

std::optional<double> LanePainter::labelCentre(const QRectF& shown, double width) const
{
    const double middle = shown.center().x();
    if (width > shown.width())
        return std::nullopt;
    if (!m_hasCursor || middle + width / 2 < m_cursorColumn.left() ||
        middle - width / 2 > m_cursorColumn.right())
        return middle;
    const double leftRoom = m_cursorColumn.left() - shown.left();
    const double rightRoom = shown.right() - m_cursorColumn.right();
    if (leftRoom >= width && leftRoom >= rightRoom)
        return shown.left() + leftRoom / 2;
    if (rightRoom >= width)
        return m_cursorColumn.right() + rightRoom / 2;
    return middle;
}

void LanePainter::paint()
{
    paintGutter();
    m_p.save();
    m_p.setClipRect(m_lane.rect);
    paintBackground();
    paintGrid();
    paintBlocks();
    labelBlocks();
    paintScan();
    paintCells();
    paintListeners();
    paintHeader();
    paintMarks();
    paintLabels();
    m_p.restore();
    paintOutline();
}

// Which lane, which track.
void LanePainter::paintGutter()
{
    m_p.setFont(boldFont(m_frame.font));
    m_p.setPen(m_frame.palette.color(QPalette::WindowText));
    const QRect gutter(kMargin, m_lane.rect.top(), m_lane.rect.left() - kMargin - 6,
                       m_lane.rect.height());
    m_p.drawText(
        QRect(gutter.left(), m_lane.reserved.top(), gutter.width(), m_lane.reserved.height()),
        Qt::AlignRight | Qt::AlignVCenter, PortMapData::protocolText(m_protocol));
    if (m_lane.scan.height() >= m_sfm.height()) {
        m_p.setFont(m_small);
        m_p.setPen(m_c.mutedText);
        m_p.drawText(QRect(gutter.left(), m_lane.scan.top(), gutter.width(), m_lane.scan.height()),
                     Qt::AlignRight | Qt::AlignVCenter, PortMapWidget::tr("last scan"));
    }
}

// The lane's background and the dynamic range band over the whole lane height.
void LanePainter::paintBackground()
{
    m_p.fillRect(m_lane.rect, m_c.laneBackground);
    const std::optional<PortSpan>& dynamic = m_layers.dynamic;
    if (!dynamic || dynamic->last < m_window.first || dynamic->first > m_window.last)
        return;
    m_dynamicBand = spanRect(*dynamic, m_lane.rect, 1.0);
    m_p.fillRect(m_dynamicBand, m_c.dynamicFill);
    m_p.setPen(QPen(m_c.dynamicEdge, 1, Qt::DashLine));
    for (double edge : {m_dynamicBand.left(), m_dynamicBand.right()}) {
        if (edge > m_lane.rect.left() + 1 && edge < m_lane.rect.right() - 1)
            m_p.drawLine(QPointF(edge, m_lane.rect.top()), QPointF(edge, m_lane.rect.bottom()));
    }
}

// Grid at the axis ticks, under everything that carries meaning (cells get theirs later).
void LanePainter::paintGrid()
{
    if (m_cells)
        return;
    const double step = m_frame.scale.tickStep(axisLabelWidth(m_sfm, m_window, false));
    m_p.setPen(QPen(m_c.grid, 1));
    for (double port = std::ceil(m_window.first / step) * step; port <= m_window.last;
         port += step) {
        const double gx = std::floor(x(port)) + 0.5;
        m_p.drawLine(QPointF(gx, m_tracks.top()), QPointF(gx, m_tracks.bottom()));
    }
}

// Persistent, then runtime reservations; at least 4 px, so a single reserved port still shows
// beside a listener's tick.
void LanePainter::paintBlocks()
{
    fillSpans(visible(m_layers.persistent), m_lane.reserved, 4.0, Layer::Persistent);
    fillSpans(visible(m_layers.runtime), m_lane.reserved, 4.0, Layer::Runtime);
}

// Outlines and labels of the blocks wide enough to tell apart. A block too narrow for its
// label gets a callout in the header strip instead.
void LanePainter::labelBlocks()
{
    const std::vector<ReservedBlock>& blocks = m_layers.blocks;
    const qint64 from = std::max<qint64>(0, qint64(m_window.first) - m_layers.longestBlock);
    auto it = std::lower_bound(
        blocks.begin(), blocks.end(), from,
        [](const ReservedBlock& b, qint64 port) { return qint64(b.range.start) < port; });
    m_p.setFont(m_small);
    const double minLabelWidth = m_sfm.horizontalAdvance(QStringLiteral("0000")) + 8;
    std::vector<std::pair<int, int>> taken;
    for (; it != blocks.end() && it->range.start <= m_window.last; ++it) {
        const auto span = spanOf(it->range);
        if (!span || span->last < m_window.first)
            continue;
        const QRectF r = spanRect(*span, m_lane.reserved, 2.0);
        if (r.width() >= 4.0) {
            m_p.setPen(QPen(it->persistent ? m_c.persistentEdge : m_c.runtimeEdge, 1));
            m_p.setBrush(Qt::NoBrush);
            m_p.drawRect(r.adjusted(0.5, 0.5, -0.5, -0.5));
        }
        const QRectF shown = r.intersected(QRectF(m_lane.rect)).adjusted(2, 0, -2, 0);
        // Measuring text is the costly part of a frame: thousands of tiny blocks skip it.
        if (shown.width() >= minLabelWidth && labelBlock(*it, shown, taken))
            continue;
        auto& callouts = it->persistent ? m_persistentCallouts : m_runtimeCallouts;
        if (callouts.size() <= kMaxCallouts)
            callouts.push_back(&*it);
    }
    // Where blocks crowd, callouts would be noise: the tooltip and the status line name them.
    for (auto* callouts : {&m_runtimeCallouts, &m_persistentCallouts}) {
        if (callouts->size() > kMaxCallouts)
            callouts->clear();
    }
}

// One line, two lines (range over owner), the range alone; false when none fits and the block
// needs a callout. A label that would cover another is left out.
bool LanePainter::labelBlock(const ReservedBlock& block, const QRectF& shown,
                             std::vector<std::pair<int, int>>& taken)
{
    const int lineHeight = m_sfm.height();
    const QString range = PortMapData::rangeText(block.range);
    const QString who =
        block.persistent ? PortMapWidget::tr("persistent") : PortMapData::ownerText(block);
    QStringList lines{PortMapWidget::tr("%1 \u00b7 %2").arg(range, who)};
    std::optional<double> centre = labelCentre(shown, m_sfm.horizontalAdvance(lines[0]) + 8);
    if (!centre && m_lane.reserved.height() >= 2 * lineHeight + 4) {
        lines = QStringList{range, who};
        centre = labelCentre(
            shown, std::max(m_sfm.horizontalAdvance(range), m_sfm.horizontalAdvance(who)) + 8);
    }
    if (!centre) {
        lines = QStringList{range};
        centre = labelCentre(shown, m_sfm.horizontalAdvance(range) + 8);
    }
    if (!centre || m_lane.reserved.height() < lineHeight + 2)
        return false;
    int widest = 0;
    for (const QString& line : lines)
        widest = std::max(widest, m_sfm.horizontalAdvance(line));
    const int w = widest + 6;
    const int h = lineHeight * int(lines.size());
    const int left = int(std::lround(*centre - w / 2.0));
    if (overlapsAny(taken, left, left + w))
        return true;
    const QRect box(left, m_lane.reserved.center().y() - h / 2, w, h);
    m_labels.push_back({box, lines.join(QLatin1Char('\n'))});
    taken.emplace_back(box.left(), box.right());
    return true;
}

// The last scan's runs, each outcome with its word where it fits.
void LanePainter::paintScan()
{
    m_p.setFont(m_small);
    if (!m_layers.scanned) {
        m_p.setPen(m_c.mutedText);
        m_p.drawText(m_lane.scan, Qt::AlignCenter, PortMapWidget::tr("not scanned"));
        return;
    }
    const struct
    {
        const std::vector<PortSpan>* spans;
        Layer layer;
        QString word;
        double minWidth;
    } scanLayers[] = {
        {&m_layers.scanFree, Layer::ScanFree, PortMapWidget::tr("free"), 1.0},
        {&m_layers.scanOther, Layer::ScanOther, PortMapWidget::tr("error"), 2.0},
        {&m_layers.scanInUse, Layer::ScanInUse, PortMapWidget::tr("in use"), 2.0},
        {&m_layers.scanForbidden, Layer::ScanForbidden, PortMapWidget::tr("forbidden"), 2.0},
    };
    const bool roomForText = m_lane.scan.height() >= m_sfm.height();
    for (const auto& layer : scanLayers) {
        const std::vector<PortSpan> spans = visible(*layer.spans);
        fillSpans(spans, m_lane.scan, layer.minWidth, layer.layer);
        if (!roomForText || spans.size() > 2000)
            continue;
        const int w = m_sfm.horizontalAdvance(layer.word) + 10;
        for (const PortSpan& s : spans) {
            const QRectF shown = spanRect(s, m_lane.scan, 0).intersected(QRectF(m_lane.rect));
            if (const auto centre = labelCentre(shown, w))
                m_labels.push_back({labelBox(layer.word, *centre, m_lane.scan.center().y(),
                                             shown.toAlignedRect(), m_sfm),
                                    layer.word});
        }
    }
}

// Per-port cells once a port is wide enough to point at.
void LanePainter::paintCells()
{
    if (!m_cells)
        return;
    m_p.setPen(QPen(m_c.cellGrid, 1));
    for (quint32 port = m_window.first; port <= quint32(m_window.last) + 1; ++port) {
        const double gx = std::floor(x(port)) + 0.5;
        m_p.drawLine(QPointF(gx, m_tracks.top()), QPointF(gx, m_tracks.bottom()));
    }
}

// Listeners as tick marks with a marker in the header strip.
void LanePainter::paintListeners()
{
    for (const PortSpan& s : visible(m_layers.listenerPorts)) {
        const double middle = (x(s.first) + x(double(s.last) + 1.0)) / 2.0;
        m_p.fillRect(QRectF(middle - 1.0, m_tracks.top(), 2.0, m_tracks.height()), m_c.listener);
        fillTriangle(m_p, middle, m_tracks.top(), 4.0, 6.0, m_c.listener);
    }
}

// Header strip labels, most useful first: the dynamic range, the services' blocks (the usual
// cause of 10013), listeners, then persistent blocks. None is drawn over another.
void LanePainter::paintHeader()
{
    m_p.setFont(m_small);
    HeaderRow row(
        m_p,
        QRect(m_lane.header.left(), m_lane.header.top(), m_lane.header.width(), m_sfm.height() + 1),
        m_sfm);
    if (!m_dynamicBand.isNull()) {
        // At the band's end when that is in view (the start is where blocks crowd), else at
        // the start of what is visible.
        const QString label =
            PortMapWidget::tr("dynamic range %1").arg(PortMapData::spanText(*m_layers.dynamic));
        const int w = m_sfm.horizontalAdvance(label);
        const double start = std::max(m_dynamicBand.left(), double(m_lane.rect.left())) + 4;
        const double end = std::min(m_dynamicBand.right(), double(m_lane.rect.right())) - 4;
        if (end - start >= w) {
            if (m_dynamicBand.right() <= m_lane.rect.right() + 1.5)
                row.place(label, {end - w, start}, m_c.dynamicEdge);
            else
                row.place(label, {start, end - w}, m_c.dynamicEdge);
        }
    }
    auto callout = [&](const ReservedBlock* block, const QColor& color) {
        row.callout(*block, spanRect(*spanOf(block->range), m_lane.reserved, 2.0), color);
    };
    for (const ReservedBlock* block : m_runtimeCallouts)
        callout(block, m_c.runtimeEdge);
    const std::vector<Listener>& listeners = m_layers.listeners;
    auto it = std::lower_bound(listeners.begin(), listeners.end(), m_window.first,
                               [](const Listener& li, quint16 port) { return li.port < port; });
    const auto end =
        std::upper_bound(it, listeners.end(), m_window.last,
                         [](quint16 port, const Listener& li) { return port < li.port; });
    if (end - it <= 300) {
        int lastPort = -1;
        for (; it != end; ++it) {
            if (it->port == lastPort)
                continue; // one label per port (IPv4 and IPv6 listeners of one process)
            lastPort = it->port;
            const QString name = it->process.empty() ? PortMapWidget::tr("pid %1").arg(it->pid)
                                                     : QString::fromStdString(it->process);
            const QString text = PortMapWidget::tr("%1 %2").arg(name).arg(it->port);
            const double middle = x(it->port + 0.5);
            row.place(text, {middle + 6, middle - 6 - m_sfm.horizontalAdvance(text)}, m_c.text);
        }
    }
    for (const ReservedBlock* block : m_persistentCallouts)
        callout(block, m_c.persistentEdge);
}

// Selection, hover and the current port sit on top of the facts.
void LanePainter::paintMarks()
{
    const std::optional<ReservedBlock>& selected = m_frame.selectedBlock;
    if (selected && selected->protocol == m_protocol) {
        if (const auto span = spanOf(selected->range)) {
            const QRectF r = spanRect(*span, m_tracks, 4.0);
            m_p.setPen(QPen(m_frame.palette.color(QPalette::Highlight), 3));
            m_p.setBrush(Qt::NoBrush);
            m_p.drawRect(r.adjusted(1.5, 1.5, -1.5, -1.5));
        }
    }
    const auto& hover = m_frame.hover;
    if (hover && hover->first == m_protocol)
        m_p.fillRect(spanRect({hover->second, hover->second}, m_tracks, 1.0), m_c.hover);
    if (!m_hasCursor)
        return;
    const QColor cursorColor = m_frame.cursorColor();
    const QRectF cell = spanRect({m_frame.currentPort, m_frame.currentPort}, m_tracks, 0.0);
    if (cell.width() >= 8.0) {
        // A frame around the port's cell.
        m_p.setPen(QPen(cursorColor, 3));
        m_p.setBrush(Qt::NoBrush);
        m_p.drawRect(cell.adjusted(1.5, 1.5, -1.5, -1.5));
    } else {
        // A line through the lane with a caret above it, narrow enough not to hide the block
        // it points at.
        const double middle = cell.center().x();
        m_p.fillRect(QRectF(middle - 1.0, m_tracks.top(), 2.0, m_tracks.height()), cursorColor);
    }
}

void LanePainter::paintLabels()
{
    m_p.setFont(m_small);
    m_p.setPen(m_c.text);
    for (const auto& [box, text] : m_labels) {
        m_p.fillRect(box, m_c.labelBox);
        m_p.drawText(box, Qt::AlignCenter, text);
    }
}

// The lane's border, the current port's caret and the focus frame, outside the lane's clip.
void LanePainter::paintOutline()
{
    const QRect& rect = m_lane.rect;
    m_p.setPen(QPen(m_c.laneBorder, 1));
    m_p.setBrush(Qt::NoBrush);
    m_p.drawRect(rect.adjusted(0, 0, -1, -1));
    if (!m_hasCursor)
        return;
    // A caret above the lane, in the gap, so it never covers a label.
    const double middle =
        std::clamp(x(m_frame.currentPort + 0.5), double(rect.left()), double(rect.right()));
    fillTriangle(m_p, middle, rect.top() - 1.0, 6.0, 7.0, m_frame.cursorColor());
    if (m_frame.focused) {
        // The focus indicator: a dotted frame around the lane that holds the current port.
        m_p.setPen(QPen(m_frame.palette.color(QPalette::Highlight), 2, Qt::DotLine));
        m_p.drawRect(rect.adjusted(-3, -3, 2, 2));
    }
}

} // namespace portolan::ui::portmap
