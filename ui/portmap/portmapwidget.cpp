#include "ui/portmap/portmapwidget.h"

#include <QAccessible>
#include <QApplication>
#include <QFocusEvent>
#include <QFontMetrics>
#include <QHelpEvent>
#include <QKeyEvent>
#include <QMouseEvent>
#include <QPainter>
#include <QPainterPath>
#include <QToolTip>
#include <QWheelEvent>

#include <algorithm>
#include <cmath>

namespace portolan::ui {

namespace {

constexpr int kMargin = 6;
// From this many pixels per port on, ports are drawn as numbered cells.
constexpr double kCellPixels = 8.0;
// Blocks too narrow for an inside label are named above the lane, unless more than this many.
constexpr std::size_t kMaxCallouts = 40;
// Below this lane height the legend is left out.
constexpr int kMinLaneHeightWithLegend = 72;
constexpr int kLaneGap = 10;

// Okabe-Ito based, so the layers stay apart for the common colour-vision deficiencies; each
// layer also has its own pattern or label, so colour never carries the meaning alone.
struct Colors
{
    QColor laneBackground{252, 252, 252};
    QColor laneBorder{150, 150, 150};
    QColor dynamicFill{221, 229, 240};
    QColor dynamicEdge{86, 106, 140};
    QColor persistentFill{205, 228, 245};
    QColor persistentHatch{0, 114, 178};
    QColor persistentEdge{0, 80, 130};
    QColor runtimeFill{230, 159, 0};
    QColor runtimeHatch{110, 55, 0};
    QColor runtimeEdge{90, 45, 0};
    QColor scanFree{196, 232, 217};
    QColor scanInUse{240, 228, 66};
    QColor scanInUseHatch{110, 100, 0};
    QColor scanForbidden{213, 94, 0};
    QColor scanForbiddenHatch{70, 20, 0};
    QColor scanOther{185, 185, 185};
    QColor listener{20, 20, 20};
    QColor grid{0, 0, 0, 28};
    QColor cellGrid{0, 0, 0, 85};
    QColor hover{0, 0, 0, 40};
    QColor cursor{0, 0, 0};
    QColor labelBox{255, 255, 255, 225};
    QColor text{20, 20, 20};
    QColor mutedText{95, 95, 95};
};

const Colors& colors()
{
    static const Colors c;
    return c;
}

enum class Swatch { Dynamic, Persistent, Runtime, Listener, ScanFree, ScanInUse, ScanForbidden };

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

void fillLayer(QPainter& p, const QRectF& r, const QColor& fill, const QColor& hatch,
               Qt::BrushStyle pattern)
{
    p.fillRect(r, fill);
    if (pattern != Qt::NoBrush)
        p.fillRect(r, QBrush(hatch, pattern));
}

void paintSwatch(QPainter& p, const QRect& r, Swatch kind)
{
    const Colors& c = colors();
    switch (kind) {
    case Swatch::Dynamic:
        p.fillRect(r, c.dynamicFill);
        break;
    case Swatch::Persistent:
        fillLayer(p, r, c.persistentFill, c.persistentHatch, Qt::BDiagPattern);
        break;
    case Swatch::Runtime:
        fillLayer(p, r, c.runtimeFill, c.runtimeHatch, Qt::DiagCrossPattern);
        break;
    case Swatch::Listener:
        p.fillRect(r, c.laneBackground);
        p.fillRect(QRect(r.center().x() - 1, r.top(), 2, r.height()), c.listener);
        break;
    case Swatch::ScanFree:
        p.fillRect(r, c.scanFree);
        break;
    case Swatch::ScanInUse:
        fillLayer(p, r, c.scanInUse, c.scanInUseHatch, Qt::HorPattern);
        break;
    case Swatch::ScanForbidden:
        fillLayer(p, r, c.scanForbidden, c.scanForbiddenHatch, Qt::DiagCrossPattern);
        break;
    }
    p.setPen(QPen(c.laneBorder, 1));
    p.setBrush(Qt::NoBrush);
    p.drawRect(r.adjusted(0, 0, -1, -1));
}

struct LegendItem
{
    Swatch kind;
    QString text;
    QRect rect; // swatch + text
};

constexpr int kSwatchWidth = 22;
constexpr int kSwatchGap = 5;
constexpr int kItemGap = 16;

std::vector<LegendItem> legendItems()
{
    return {
        {Swatch::Dynamic, PortMapWidget::tr("Dynamic range"), {}},
        {Swatch::Persistent, PortMapWidget::tr("Persistent reservation (explicit binds work)"), {}},
        {Swatch::Runtime, PortMapWidget::tr("Runtime reservation of a service (forbidden)"), {}},
        {Swatch::Listener, PortMapWidget::tr("Listener"), {}},
        {Swatch::ScanFree, PortMapWidget::tr("Scan: free"), {}},
        {Swatch::ScanInUse, PortMapWidget::tr("Scan: in use"), {}},
        {Swatch::ScanForbidden, PortMapWidget::tr("Scan: forbidden"), {}},
    };
}

// Flows the legend into rows inside `area`; returns the rows used.
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

// Room one axis number needs: the widest number in view plus a gap.
double axisLabelWidth(const QFontMetrics& fm, const PortSpan& window, bool cells)
{
    return fm.horizontalAdvance(QString::number(window.last)) + (cells ? 4.0 : 14.0);
}

bool overlapsAny(const std::vector<std::pair<int, int>>& taken, int left, int right)
{
    return std::any_of(taken.begin(), taken.end(), [&](const std::pair<int, int>& t) {
        return left <= t.second && t.first <= right;
    });
}

} // namespace

// ---- construction and data -------------------------------------------------------------------

PortMapWidget::PortMapWidget(QWidget* parent) : QWidget(parent)
{
    qRegisterMetaType<portolan::Protocol>();
    qRegisterMetaType<portolan::ReservedBlock>();
    setFocusPolicy(Qt::StrongFocus);
    setMouseTracking(true);
    setAttribute(Qt::WA_OpaquePaintEvent);
    setAccessibleName(tr("Port map"));
    setWhatsThis(tr("The TCP and UDP port space. Left/Right move the current port, Ctrl+Left/"
                    "Right jump to the next reservation, listener or scan result, Up/Down switch "
                    "protocol, +/- zoom, Ctrl+0 shows all ports, Enter selects the reservation "
                    "under the current port."));
    m_layers[0] = buildLaneLayers(m_data.tcp);
    m_layers[1] = buildLaneLayers(m_data.udp);
    setAccessibleDescription(currentInfo().explanation);
}

void PortMapWidget::setData(PortMapData data)
{
    m_data = std::move(data);
    m_data.normalize();
    m_layers[0] = buildLaneLayers(m_data.tcp);
    m_layers[1] = buildLaneLayers(m_data.udp);
    // A selection that no longer exists must not stay highlighted.
    if (m_selectedBlock) {
        const auto& blocks = m_data.facts(m_selectedBlock->protocol).blocks;
        if (std::find(blocks.begin(), blocks.end(), *m_selectedBlock) == blocks.end())
            m_selectedBlock.reset();
    }
    update();
    announceCurrentPort();
}

PortInfo PortMapWidget::currentInfo() const
{
    return m_data.describe(m_currentProtocol, m_currentPort);
}

QSize PortMapWidget::sizeHint() const
{
    return {960, 300};
}

QSize PortMapWidget::minimumSizeHint() const
{
    return {320, 200};
}

// ---- geometry -----------------------------------------------------------------------------

PortMapWidget::Layout PortMapWidget::layout() const
{
    Layout l;
    const QFontMetrics fm(font());
    const QFontMetrics sfm(smallFont(font()));
    const QFontMetrics bfm(boldFont(font()));
    const QRect area = rect().adjusted(kMargin, kMargin, -kMargin, -kMargin);

    const int gutter = std::max(bfm.horizontalAdvance(QStringLiteral("TCP")),
                                sfm.horizontalAdvance(tr("last scan")))
        + 12;
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
    l.legend = QRect(area.left(), area.top(), area.width(),
                     l.legendRows == 0 ? 0 : legendHeight);
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
    l.plot = QRect(QPoint(left, l.lanes[0].rect.top()),
                   QPoint(right, l.lanes[1].rect.bottom()));
    l.axis = QRect(left, l.lanes[1].rect.bottom() + 1, right - left + 1, axisHeight);
    return l;
}

double PortMapWidget::xForPort(double port) const
{
    const QRect plot = layout().plot;
    return plot.left() + (port - m_viewStart) * plot.width() / m_viewSpan;
}

double PortMapWidget::portAtX(double x) const
{
    const QRect plot = layout().plot;
    return m_viewStart + (x - plot.left()) * m_viewSpan / std::max(1, plot.width());
}

double PortMapWidget::portsPerPixel() const
{
    return m_viewSpan / std::max(1, layout().plot.width());
}

PortSpan PortMapWidget::visibleSpan() const
{
    const double first = std::floor(m_viewStart);
    const double last = std::ceil(m_viewStart + m_viewSpan) - 1.0;
    return {quint16(std::clamp(first, 0.0, 65535.0)), quint16(std::clamp(last, 0.0, 65535.0))};
}

QRect PortMapWidget::laneRect(Protocol protocol) const
{
    return layout().lanes[protocol == Protocol::Tcp ? 0 : 1].rect;
}

QPoint PortMapWidget::pointForPort(Protocol protocol, quint16 port) const
{
    const Lane lane = layout().lanes[protocol == Protocol::Tcp ? 0 : 1];
    return {int(std::floor(xForPort(port + 0.5))), lane.reserved.center().y()};
}

std::optional<std::pair<Protocol, quint16>> PortMapWidget::portAt(const QPoint& pos) const
{
    const Layout l = layout();
    if (pos.x() < l.plot.left() || pos.x() > l.plot.right())
        return std::nullopt;
    for (int i = 0; i < 2; ++i) {
        if (pos.y() < l.lanes[i].rect.top() || pos.y() > l.lanes[i].rect.bottom())
            continue;
        // A pixel stands for the ports under its middle.
        const double port = std::floor(portAtX(pos.x() + 0.5));
        return std::pair{i == 0 ? Protocol::Tcp : Protocol::Udp,
                         quint16(std::clamp(port, 0.0, 65535.0))};
    }
    return std::nullopt;
}

QString PortMapWidget::toolTipAt(const QPoint& pos) const
{
    const auto hit = portAt(pos);
    if (!hit)
        return {};
    const PortInfo info = m_data.describe(hit->first, hit->second);
    // The unwrapped first line sets the width, so the paragraph under it wraps to a readable
    // shape instead of a narrow column.
    return QStringLiteral("<qt><p style=\"white-space:pre\"><b>%1</b></p><p>%2</p></qt>")
        .arg(info.summary.toHtmlEscaped(), info.explanation.toHtmlEscaped());
}

// ---- view ---------------------------------------------------------------------------------

void PortMapWidget::setView(double start, double span)
{
    span = std::clamp(span, kMinVisiblePorts, kAllPorts);
    start = std::clamp(start, 0.0, kAllPorts - span);
    if (start == m_viewStart && span == m_viewSpan)
        return;
    const PortSpan before = visibleSpan();
    m_viewStart = start;
    m_viewSpan = span;
    update();
    const PortSpan after = visibleSpan();
    if (!(before == after))
        emit visibleRangeChanged(after.first, after.last);
}

void PortMapWidget::zoomAround(double factor, double anchorPort)
{
    const double fraction = (anchorPort - m_viewStart) / m_viewSpan;
    const double span = std::clamp(m_viewSpan * factor, kMinVisiblePorts, kAllPorts);
    setView(anchorPort - fraction * span, span);
}

void PortMapWidget::zoomIn()
{
    // Around the current port when it is in view, so +/- keep it where the eye is.
    const double current = m_currentPort + 0.5;
    const bool inView = current >= m_viewStart && current <= m_viewStart + m_viewSpan;
    zoomAround(0.5, inView ? current : m_viewStart + m_viewSpan / 2);
}

void PortMapWidget::zoomOut()
{
    const double current = m_currentPort + 0.5;
    const bool inView = current >= m_viewStart && current <= m_viewStart + m_viewSpan;
    zoomAround(2.0, inView ? current : m_viewStart + m_viewSpan / 2);
}

void PortMapWidget::showAll()
{
    setView(0.0, kAllPorts);
}

void PortMapWidget::showRange(quint16 first, quint16 last)
{
    if (first > last)
        std::swap(first, last);
    const double span = double(last) - first + 1.0;
    if (span < kMinVisiblePorts) {
        const double middle = (double(first) + last + 1.0) / 2.0;
        setView(middle - kMinVisiblePorts / 2.0, kMinVisiblePorts);
    } else {
        setView(first, span);
    }
}

void PortMapWidget::panBy(double ports)
{
    setView(m_viewStart + ports, m_viewSpan);
}

void PortMapWidget::ensurePortVisible(quint16 port)
{
    if (port < m_viewStart)
        setView(port, m_viewSpan);
    else if (port + 1.0 > m_viewStart + m_viewSpan)
        setView(port + 1.0 - m_viewSpan, m_viewSpan);
}

void PortMapWidget::setCurrentPort(Protocol protocol, quint16 port)
{
    moveCurrentPort(protocol, port, true);
}

void PortMapWidget::moveCurrentPort(Protocol protocol, qint64 port, bool scroll)
{
    const quint16 clamped = quint16(std::clamp<qint64>(port, 0, 65535));
    const bool changed = protocol != m_currentProtocol || clamped != m_currentPort;
    m_currentProtocol = protocol;
    m_currentPort = clamped;
    if (scroll)
        ensurePortVisible(clamped);
    if (changed) {
        update();
        announceCurrentPort();
    }
}

void PortMapWidget::announceCurrentPort()
{
    const QString explanation = currentInfo().explanation;
    setAccessibleDescription(explanation);
    if (QAccessible::isActive()) {
        QAccessibleEvent event(this, QAccessible::DescriptionChanged);
        QAccessible::updateAccessibility(&event);
    }
    emit currentPortChanged(explanation);
}

void PortMapWidget::selectBlock(const ReservedBlock& block)
{
    const auto span = spanOf(block.range);
    if (!span)
        return;
    m_selectedBlock = block;
    const double margin = std::max(4.0, span->count() * 0.25);
    const double first = std::max(0.0, span->first - margin);
    const double last = std::min(65535.0, span->last + margin);
    showRange(quint16(first), quint16(last));
    moveCurrentPort(block.protocol, span->first, true);
    update();
}

void PortMapWidget::clearSelection()
{
    if (!m_selectedBlock)
        return;
    m_selectedBlock.reset();
    update();
}

void PortMapWidget::activate(Protocol protocol, quint16 port)
{
    moveCurrentPort(protocol, port, false);
    const PortInfo info = m_data.describe(protocol, port);
    m_selectedBlock = info.block();
    update();
    emit portActivated(protocol, port);
    if (const auto block = info.block())
        emit blockActivated(*block);
}

std::optional<quint32> PortMapWidget::nextBoundary(quint32 port, bool forward) const
{
    const std::vector<quint32>& b = m_layers[m_currentProtocol == Protocol::Tcp ? 0 : 1].boundaries;
    if (forward) {
        auto it = std::upper_bound(b.begin(), b.end(), port);
        while (it != b.end() && *it > 65535)
            ++it;
        if (it != b.end())
            return *it;
        return std::nullopt;
    }
    auto it = std::lower_bound(b.begin(), b.end(), port);
    if (it == b.begin())
        return std::nullopt;
    return *std::prev(it);
}

// ---- events -------------------------------------------------------------------------------

bool PortMapWidget::event(QEvent* event)
{
    if (event->type() == QEvent::ToolTip) {
        auto* help = static_cast<QHelpEvent*>(event);
        const QString text = toolTipAt(help->pos());
        if (text.isEmpty()) {
            QToolTip::hideText();
            event->ignore();
            return true;
        }
        // The tip goes away as soon as the mouse leaves the port's column.
        const auto hit = portAt(help->pos());
        const Layout l = layout();
        const QRect lane = l.lanes[hit->first == Protocol::Tcp ? 0 : 1].rect;
        const int x0 = int(std::floor(xForPort(hit->second)));
        const int x1 = int(std::ceil(xForPort(hit->second + 1.0)));
        const QRect column(x0, lane.top(), std::max(1, x1 - x0), lane.height());
        QToolTip::showText(help->globalPos(), text, this, column);
        return true;
    }
    return QWidget::event(event);
}

void PortMapWidget::wheelEvent(QWheelEvent* event)
{
    QPoint delta = event->angleDelta();
    if (delta.isNull())
        delta = event->pixelDelta() * 4; // touchpads: roughly a notch per 30 px
    const bool horizontal = std::abs(delta.x()) > std::abs(delta.y());
    if (horizontal || (event->modifiers() & Qt::ShiftModifier)) {
        const double steps = (horizontal ? delta.x() : delta.y()) / 120.0;
        panBy(-steps * m_viewSpan * 0.1);
    } else {
        const double steps = delta.y() / 120.0;
        zoomAround(std::pow(0.8, steps), portAtX(event->position().x()));
    }
    event->accept();
}

void PortMapWidget::mousePressEvent(QMouseEvent* event)
{
    if (event->button() != Qt::LeftButton) {
        QWidget::mousePressEvent(event);
        return;
    }
    m_pressed = true;
    m_dragging = false;
    m_pressPos = event->position().toPoint();
    m_pressViewStart = m_viewStart;
    event->accept();
}

void PortMapWidget::mouseMoveEvent(QMouseEvent* event)
{
    const QPoint pos = event->position().toPoint();
    if (m_pressed && (event->buttons() & Qt::LeftButton)) {
        if (!m_dragging && (pos - m_pressPos).manhattanLength() >= QApplication::startDragDistance()) {
            m_dragging = true;
            setCursor(Qt::ClosedHandCursor);
        }
        if (m_dragging) {
            const double portsPerPx = portsPerPixel();
            setView(m_pressViewStart - (pos.x() - m_pressPos.x()) * portsPerPx, m_viewSpan);
        }
    }
    const auto hover = portAt(pos);
    if (hover != m_hover) {
        m_hover = hover;
        update();
    }
    event->accept();
}

void PortMapWidget::mouseReleaseEvent(QMouseEvent* event)
{
    if (event->button() != Qt::LeftButton || !m_pressed) {
        QWidget::mouseReleaseEvent(event);
        return;
    }
    const bool wasDragging = m_dragging;
    m_pressed = false;
    m_dragging = false;
    unsetCursor();
    if (!wasDragging) {
        if (const auto hit = portAt(event->position().toPoint()))
            activate(hit->first, hit->second);
    }
    event->accept();
}

void PortMapWidget::leaveEvent(QEvent* event)
{
    if (m_hover) {
        m_hover.reset();
        update();
    }
    QWidget::leaveEvent(event);
}

void PortMapWidget::focusInEvent(QFocusEvent* event)
{
    update();
    announceCurrentPort();
    QWidget::focusInEvent(event);
}

void PortMapWidget::focusOutEvent(QFocusEvent* event)
{
    update();
    QWidget::focusOutEvent(event);
}

void PortMapWidget::keyPressEvent(QKeyEvent* event)
{
    const Qt::KeyboardModifiers mods = event->modifiers();
    const bool ctrl = mods & Qt::ControlModifier;
    const bool shift = mods & Qt::ShiftModifier;
    const double ppp = portsPerPixel();
    // One step is a port when ports are cells, else about four pixels' worth.
    const qint64 step = ppp <= 1.0 ? 1 : qint64(std::ceil(ppp * 4.0));
    const qint64 current = m_currentPort;

    switch (event->key()) {
    case Qt::Key_Left:
    case Qt::Key_Right: {
        const bool forward = event->key() == Qt::Key_Right;
        if (ctrl) {
            if (const auto target = nextBoundary(current, forward))
                moveCurrentPort(m_currentProtocol, qint64(*target), true);
        } else if (shift) {
            const double ports = (forward ? 1 : -1) * std::max(1.0, std::round(m_viewSpan / 4));
            panBy(ports);
            moveCurrentPort(m_currentProtocol, current + qint64(ports), true);
        } else {
            moveCurrentPort(m_currentProtocol, current + (forward ? step : -step), true);
        }
        break;
    }
    case Qt::Key_PageUp:
    case Qt::Key_PageDown: {
        const double sign = event->key() == Qt::Key_PageDown ? 1 : -1;
        const double ports = sign * std::max(1.0, std::round(m_viewSpan * 0.9));
        panBy(ports);
        moveCurrentPort(m_currentProtocol, current + qint64(ports), true);
        break;
    }
    case Qt::Key_Up:
        moveCurrentPort(Protocol::Tcp, current, true);
        break;
    case Qt::Key_Down:
        moveCurrentPort(Protocol::Udp, current, true);
        break;
    case Qt::Key_Home:
        moveCurrentPort(m_currentProtocol, 0, true);
        break;
    case Qt::Key_End:
        moveCurrentPort(m_currentProtocol, 65535, true);
        break;
    case Qt::Key_Plus:
    case Qt::Key_Equal:
        zoomIn();
        break;
    case Qt::Key_Minus:
    case Qt::Key_Underscore:
        zoomOut();
        break;
    case Qt::Key_0:
        if (!ctrl) {
            QWidget::keyPressEvent(event);
            return;
        }
        showAll();
        break;
    case Qt::Key_Return:
    case Qt::Key_Enter:
    case Qt::Key_Space:
        activate(m_currentProtocol, m_currentPort);
        break;
    case Qt::Key_Escape:
        if (!m_selectedBlock) {
            QWidget::keyPressEvent(event);
            return;
        }
        clearSelection();
        break;
    default:
        QWidget::keyPressEvent(event);
        return;
    }
    event->accept();
}

// ---- painting -----------------------------------------------------------------------------

double PortMapWidget::tickStep(double minPixels) const
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

void PortMapWidget::paintEvent(QPaintEvent*)
{
    QPainter p(this);
    p.fillRect(rect(), palette().window());
    const Layout l = layout();
    paintLegend(p, l);
    paintLane(p, l, 0);
    paintLane(p, l, 1);
    paintAxis(p, l);
    paintStatus(p, l);
}

void PortMapWidget::paintLegend(QPainter& p, const Layout& l) const
{
    if (l.legendRows == 0)
        return;
    const QFontMetrics fm(font());
    std::vector<LegendItem> items = legendItems();
    flowLegend(items, l.legend, fm);
    p.setFont(font());
    for (const LegendItem& item : items) {
        const QRect swatch(item.rect.left(), item.rect.center().y() - 6, kSwatchWidth, 13);
        paintSwatch(p, swatch, item.kind);
        p.setPen(palette().color(QPalette::WindowText));
        p.drawText(QRect(swatch.right() + kSwatchGap + 1, item.rect.top(),
                         item.rect.right() - swatch.right(), item.rect.height()),
                   Qt::AlignLeft | Qt::AlignVCenter, item.text);
    }
}

void PortMapWidget::paintLane(QPainter& p, const Layout& l, int index) const
{
    const Colors& c = colors();
    const Lane& lane = l.lanes[index];
    const LaneLayers& layers = m_layers[index];
    const Protocol protocol = index == 0 ? Protocol::Tcp : Protocol::Udp;
    const QFont small = smallFont(font());
    const QFontMetrics sfm(small);

    const double ppp = m_viewSpan / std::max(1, l.plot.width());
    const double pxPerPort = 1.0 / ppp;
    const bool cells = pxPerPort >= kCellPixels;
    const PortSpan window = visibleSpan();
    const QRect tracks(lane.rect.left(), lane.reserved.top(), lane.rect.width(),
                       lane.scan.bottom() - lane.reserved.top() + 1);
    auto x = [&](double port) { return l.plot.left() + (port - m_viewStart) * pxPerPort; };
    // A span as a rectangle of a track, at least `minWidth` px wide so single ports show.
    auto spanRect = [&](const PortSpan& s, const QRect& track, double minWidth) {
        double x0 = x(s.first);
        double x1 = x(double(s.last) + 1.0);
        if (x1 - x0 < minWidth) {
            const double middle = (x0 + x1) / 2;
            x0 = middle - minWidth / 2;
            x1 = middle + minWidth / 2;
        }
        return QRectF(x0, track.top(), x1 - x0, track.height());
    };
    auto visible = [&](const std::vector<PortSpan>& spans) {
        return coalesceForDisplay(spans, window.first, window.last, ppp);
    };
    // Spans a few pixels wide show their layer's dark colour: a pattern needs room to be seen.
    auto fillSpans = [&](const std::vector<PortSpan>& spans, const QRect& track, double minWidth,
                         const QColor& fill, const QColor& dark, Qt::BrushStyle pattern) {
        for (const PortSpan& s : spans) {
            const QRectF r = spanRect(s, track, minWidth);
            if (pattern != Qt::NoBrush && r.width() < 5.0)
                p.fillRect(r, dark);
            else
                fillLayer(p, r, fill, dark, pattern);
        }
    };
    // The current port's column: labels step aside so it stays readable.
    const bool hasCursor = m_currentProtocol == protocol;
    const QRectF cursorColumn =
        hasCursor ? spanRect({m_currentPort, m_currentPort}, tracks, 2.0).adjusted(-3, 0, 3, 0)
                  : QRectF();
    auto labelCentre = [&](const QRectF& shown, double width) -> std::optional<double> {
        const double middle = shown.center().x();
        if (width > shown.width())
            return std::nullopt;
        if (!hasCursor || middle + width / 2 < cursorColumn.left()
            || middle - width / 2 > cursorColumn.right())
            return middle;
        const double leftRoom = cursorColumn.left() - shown.left();
        const double rightRoom = shown.right() - cursorColumn.right();
        if (leftRoom >= width && leftRoom >= rightRoom)
            return shown.left() + leftRoom / 2;
        if (rightRoom >= width)
            return cursorColumn.right() + rightRoom / 2;
        return middle;
    };

    // Gutter: which lane, which track.
    p.setFont(boldFont(font()));
    p.setPen(palette().color(QPalette::WindowText));
    const QRect gutter(kMargin, lane.rect.top(), lane.rect.left() - kMargin - 6, lane.rect.height());
    p.drawText(QRect(gutter.left(), lane.reserved.top(), gutter.width(), lane.reserved.height()),
               Qt::AlignRight | Qt::AlignVCenter, PortMapData::protocolText(protocol));
    if (lane.scan.height() >= sfm.height()) {
        p.setFont(small);
        p.setPen(c.mutedText);
        p.drawText(QRect(gutter.left(), lane.scan.top(), gutter.width(), lane.scan.height()),
                   Qt::AlignRight | Qt::AlignVCenter, tr("last scan"));
    }

    p.save();
    p.setClipRect(lane.rect);

    // 1. background
    p.fillRect(lane.rect, c.laneBackground);

    // 2. dynamic range band, over the whole lane height
    QRectF dynamicBand;
    if (layers.dynamic && layers.dynamic->last >= window.first && layers.dynamic->first <= window.last) {
        dynamicBand = spanRect(*layers.dynamic, lane.rect, 1.0);
        p.fillRect(dynamicBand, c.dynamicFill);
        p.setPen(QPen(c.dynamicEdge, 1, Qt::DashLine));
        for (double edge : {dynamicBand.left(), dynamicBand.right()}) {
            if (edge > lane.rect.left() + 1 && edge < lane.rect.right() - 1)
                p.drawLine(QPointF(edge, lane.rect.top()), QPointF(edge, lane.rect.bottom()));
        }
    }

    // Grid at the axis ticks (or one line per port), under everything that carries meaning.
    if (!cells) {
        const double step = tickStep(axisLabelWidth(sfm, window, false));
        p.setPen(QPen(c.grid, 1));
        for (double port = std::ceil(window.first / step) * step; port <= window.last; port += step) {
            const double gx = std::floor(x(port)) + 0.5;
            p.drawLine(QPointF(gx, tracks.top()), QPointF(gx, tracks.bottom()));
        }
    }

    // 3. persistent reservations, 4. runtime reservations
    // At least 4 px, so a single reserved port still shows beside a listener's tick.
    fillSpans(visible(layers.persistent), lane.reserved, 4.0, c.persistentFill, c.persistentHatch,
              Qt::BDiagPattern);
    fillSpans(visible(layers.runtime), lane.reserved, 4.0, c.runtimeFill, c.runtimeHatch,
              Qt::DiagCrossPattern);

    // Outlines and labels of the blocks wide enough to tell apart. A block too narrow for its
    // label gets a callout in the header strip instead.
    // Labels inside the tracks, drawn last so that the current port's line runs under them.
    std::vector<std::pair<QRect, QString>> labels;
    std::vector<const ReservedBlock*> runtimeCallouts;
    std::vector<const ReservedBlock*> persistentCallouts;
    {
        const qint64 from = std::max<qint64>(0, qint64(window.first) - layers.longestBlock);
        auto it = std::lower_bound(layers.blocks.begin(), layers.blocks.end(), from,
                                   [](const ReservedBlock& b, qint64 port) {
                                       return qint64(b.range.start) < port;
                                   });
        p.setFont(small);
        const int lineHeight = sfm.height();
        const double minLabelWidth = sfm.horizontalAdvance(QStringLiteral("0000")) + 8;
        std::vector<std::pair<int, int>> labelTaken;
        for (; it != layers.blocks.end() && it->range.start <= window.last; ++it) {
            const auto span = spanOf(it->range);
            if (!span || span->last < window.first)
                continue;
            const QRectF r = spanRect(*span, lane.reserved, 2.0);
            auto& callouts = it->persistent ? persistentCallouts : runtimeCallouts;
            if (r.width() >= 4.0) {
                p.setPen(QPen(it->persistent ? c.persistentEdge : c.runtimeEdge, 1));
                p.setBrush(Qt::NoBrush);
                p.drawRect(r.adjusted(0.5, 0.5, -0.5, -0.5));
            }
            const QRectF shown = r.intersected(QRectF(lane.rect)).adjusted(2, 0, -2, 0);
            if (shown.width() < minLabelWidth) {
                // Measuring text is the costly part of a frame: thousands of tiny blocks skip it.
                if (callouts.size() <= kMaxCallouts)
                    callouts.push_back(&*it);
                continue;
            }
            const QString range = PortMapData::rangeText(it->range);
            const QString who = it->persistent ? tr("persistent") : PortMapData::ownerText(*it);
            // One line, two lines (range over owner), the range alone, or a callout.
            QStringList lines{tr("%1 \u00b7 %2").arg(range, who)};
            std::optional<double> centre = labelCentre(shown, sfm.horizontalAdvance(lines[0]) + 8);
            if (!centre && lane.reserved.height() >= 2 * lineHeight + 4) {
                lines = QStringList{range, who};
                centre = labelCentre(shown, std::max(sfm.horizontalAdvance(range),
                                                     sfm.horizontalAdvance(who)) + 8);
            }
            if (!centre) {
                lines = QStringList{range};
                centre = labelCentre(shown, sfm.horizontalAdvance(range) + 8);
            }
            if (!centre || lane.reserved.height() < lineHeight + 2) {
                if (callouts.size() <= kMaxCallouts)
                    callouts.push_back(&*it);
                continue;
            }
            int widest = 0;
            for (const QString& line : lines)
                widest = std::max(widest, sfm.horizontalAdvance(line));
            const int w = widest + 6;
            const int h = lineHeight * int(lines.size());
            const int left = int(std::lround(*centre - w / 2.0));
            if (overlapsAny(labelTaken, left, left + w))
                continue;
            const QRect box(left, lane.reserved.center().y() - h / 2, w, h);
            labels.push_back({box, lines.join(QLatin1Char('\n'))});
            labelTaken.emplace_back(box.left(), box.right());
        }
        // Where blocks crowd, callouts would be noise: the tooltip and the status line name them.
        for (auto* callouts : {&runtimeCallouts, &persistentCallouts}) {
            if (callouts->size() > kMaxCallouts)
                callouts->clear();
        }
    }

    // 5. the last scan's runs
    if (!layers.scanned) {
        p.setFont(small);
        p.setPen(c.mutedText);
        p.drawText(lane.scan, Qt::AlignCenter, tr("not scanned"));
    } else {
        struct ScanLayer
        {
            const std::vector<PortSpan>* spans;
            QColor fill;
            QColor dark;
            Qt::BrushStyle pattern;
            QString word;
            double minWidth;
        };
        const ScanLayer scanLayers[] = {
            {&layers.scanFree, c.scanFree, c.scanFree, Qt::NoBrush, tr("free"), 1.0},
            {&layers.scanOther, c.scanOther, c.scanOther, Qt::NoBrush, tr("error"), 2.0},
            {&layers.scanInUse, c.scanInUse, c.scanInUseHatch, Qt::HorPattern, tr("in use"), 2.0},
            {&layers.scanForbidden, c.scanForbidden, c.scanForbiddenHatch, Qt::DiagCrossPattern,
             tr("forbidden"), 2.0},
        };
        p.setFont(small);
        const bool roomForText = lane.scan.height() >= sfm.height();
        for (const ScanLayer& layer : scanLayers) {
            const std::vector<PortSpan> spans = visible(*layer.spans);
            fillSpans(spans, lane.scan, layer.minWidth, layer.fill, layer.dark, layer.pattern);
            if (!roomForText || spans.size() > 2000)
                continue;
            const int w = sfm.horizontalAdvance(layer.word) + 10;
            for (const PortSpan& s : spans) {
                const QRectF shown = spanRect(s, lane.scan, 0).intersected(QRectF(lane.rect));
                if (const auto centre = labelCentre(shown, w))
                    labels.push_back({labelBox(layer.word, *centre, lane.scan.center().y(),
                                               shown.toAlignedRect(), sfm),
                                      layer.word});
            }
        }
    }

    // Per-port cells once a port is wide enough to point at.
    if (cells) {
        p.setPen(QPen(c.cellGrid, 1));
        for (quint32 port = window.first; port <= quint32(window.last) + 1; ++port) {
            const double gx = std::floor(x(port)) + 0.5;
            p.drawLine(QPointF(gx, tracks.top()), QPointF(gx, tracks.bottom()));
        }
    }

    // 6. listeners as tick marks with a marker in the header strip
    const std::vector<PortSpan> ticks = visible(layers.listenerPorts);
    for (const PortSpan& s : ticks) {
        const double middle = (x(s.first) + x(double(s.last) + 1.0)) / 2.0;
        p.fillRect(QRectF(middle - 1.0, tracks.top(), 2.0, tracks.height()), c.listener);
        QPainterPath marker;
        marker.moveTo(middle - 4.0, tracks.top() - 6.0);
        marker.lineTo(middle + 4.0, tracks.top() - 6.0);
        marker.lineTo(middle, tracks.top());
        marker.closeSubpath();
        p.setRenderHint(QPainter::Antialiasing, true);
        p.fillPath(marker, c.listener);
        p.setRenderHint(QPainter::Antialiasing, false);
    }

    // Header strip labels, most useful first: the dynamic range, the services' blocks (the
    // usual cause of 10013), listeners, then persistent blocks. None is drawn over another.
    {
        p.setFont(small);
        const QRect textRow(lane.header.left(), lane.header.top(), lane.header.width(),
                            sfm.height() + 1);
        std::vector<std::pair<int, int>> taken;
        auto place = [&](const QString& text, std::initializer_list<double> lefts,
                         const QColor& color) {
            const int w = sfm.horizontalAdvance(text);
            for (double candidate : lefts) {
                const int left = int(std::lround(candidate));
                if (left < textRow.left() + 2 || left + w > textRow.right() - 2
                    || overlapsAny(taken, left - 6, left + w + 6))
                    continue;
                p.setPen(color);
                p.drawText(QRect(left, textRow.top(), w + 2, textRow.height()),
                           Qt::AlignLeft | Qt::AlignVCenter, text);
                taken.emplace_back(left, left + w);
                return true;
            }
            return false;
        };
        auto callout = [&](const ReservedBlock* block, const QColor& color) {
            const QRectF r = spanRect(*spanOf(block->range), lane.reserved, 2.0);
            const QString range = PortMapData::rangeText(block->range);
            const QString who = block->persistent ? tr("persistent") : PortMapData::ownerText(*block);
            const QString full = tr("%1 %2").arg(range, who);
            const int w = sfm.horizontalAdvance(full);
            if (!place(full, {r.left(), r.right() - w}, color))
                place(range, {r.left(), r.right() - sfm.horizontalAdvance(range)}, color);
        };
        if (!dynamicBand.isNull()) {
            // At the band's end when that is in view (the start is where blocks crowd), else
            // at the start of what is visible.
            const QString label = tr("dynamic range %1").arg(PortMapData::spanText(*layers.dynamic));
            const int w = sfm.horizontalAdvance(label);
            const double start = std::max(dynamicBand.left(), double(lane.rect.left())) + 4;
            const double end = std::min(dynamicBand.right(), double(lane.rect.right())) - 4;
            if (end - start >= w) {
                if (dynamicBand.right() <= lane.rect.right() + 1.5)
                    place(label, {end - w, start}, c.dynamicEdge);
                else
                    place(label, {start, end - w}, c.dynamicEdge);
            }
        }
        for (const ReservedBlock* block : runtimeCallouts)
            callout(block, c.runtimeEdge);
        auto it = std::lower_bound(layers.listeners.begin(), layers.listeners.end(), window.first,
                                   [](const Listener& li, quint16 port) { return li.port < port; });
        const auto end = std::upper_bound(it, layers.listeners.end(), window.last,
                                          [](quint16 port, const Listener& li) { return port < li.port; });
        if (end - it <= 300) {
            int lastPort = -1;
            for (; it != end; ++it) {
                if (it->port == lastPort)
                    continue; // one label per port (IPv4 and IPv6 listeners of one process)
                lastPort = it->port;
                const QString name = it->process.empty() ? tr("pid %1").arg(it->pid)
                                                          : QString::fromStdString(it->process);
                const QString text = tr("%1 %2").arg(name).arg(it->port);
                const double middle = x(it->port + 0.5);
                place(text, {middle + 6, middle - 6 - sfm.horizontalAdvance(text)}, c.text);
            }
        }
        for (const ReservedBlock* block : persistentCallouts)
            callout(block, c.persistentEdge);
    }

    // Selection, hover and the current port sit on top of the facts.
    if (m_selectedBlock && m_selectedBlock->protocol == protocol) {
        if (const auto span = spanOf(m_selectedBlock->range)) {
            const QRectF r = spanRect(*span, tracks, 4.0);
            p.setPen(QPen(palette().color(QPalette::Highlight), 3));
            p.setBrush(Qt::NoBrush);
            p.drawRect(r.adjusted(1.5, 1.5, -1.5, -1.5));
        }
    }
    if (m_hover && m_hover->first == protocol)
        p.fillRect(spanRect({m_hover->second, m_hover->second}, tracks, 1.0), c.hover);
    if (hasCursor) {
        const QColor cursorColor = hasFocus() ? palette().color(QPalette::Highlight) : c.cursor;
        const QRectF cell = spanRect({m_currentPort, m_currentPort}, tracks, 0.0);
        if (cell.width() >= 8.0) {
            // A frame around the port's cell.
            p.setPen(QPen(cursorColor, 3));
            p.setBrush(Qt::NoBrush);
            p.drawRect(cell.adjusted(1.5, 1.5, -1.5, -1.5));
        } else {
            // A line through the lane with a caret above it, narrow enough not to hide the
            // block it points at.
            const double middle = cell.center().x();
            p.fillRect(QRectF(middle - 1.0, tracks.top(), 2.0, tracks.height()), cursorColor);
        }
    }
    p.setFont(small);
    p.setPen(c.text);
    for (const auto& [box, text] : labels) {
        p.fillRect(box, c.labelBox);
        p.drawText(box, Qt::AlignCenter, text);
    }

    p.restore();

    p.setPen(QPen(c.laneBorder, 1));
    p.setBrush(Qt::NoBrush);
    p.drawRect(lane.rect.adjusted(0, 0, -1, -1));
    if (hasCursor) {
        // A caret above the lane, in the gap, so it never covers a label.
        const QColor cursorColor = hasFocus() ? palette().color(QPalette::Highlight) : c.cursor;
        const double middle = std::clamp(x(m_currentPort + 0.5), double(lane.rect.left()),
                                         double(lane.rect.right()));
        QPainterPath caret;
        caret.moveTo(middle - 6.0, lane.rect.top() - 8.0);
        caret.lineTo(middle + 6.0, lane.rect.top() - 8.0);
        caret.lineTo(middle, lane.rect.top() - 1.0);
        caret.closeSubpath();
        p.setRenderHint(QPainter::Antialiasing, true);
        p.fillPath(caret, cursorColor);
        p.setRenderHint(QPainter::Antialiasing, false);
    }
    if (hasFocus() && hasCursor) {
        // The focus indicator: a dotted frame around the lane that holds the current port.
        p.setPen(QPen(palette().color(QPalette::Highlight), 2, Qt::DotLine));
        p.drawRect(lane.rect.adjusted(-3, -3, 2, 2));
    }
}

void PortMapWidget::paintAxis(QPainter& p, const Layout& l) const
{
    const QFont small = smallFont(font());
    const QFontMetrics sfm(small);
    const double ppp = m_viewSpan / std::max(1, l.plot.width());
    const double pxPerPort = 1.0 / ppp;
    const PortSpan window = visibleSpan();
    auto x = [&](double port) { return l.plot.left() + (port - m_viewStart) * pxPerPort; };

    const bool cells = pxPerPort >= kCellPixels;
    const double step = tickStep(axisLabelWidth(sfm, window, cells));
    // Cells: numbers sit under the middle of each port, between cell boundary ticks.
    const double offset = cells ? 0.5 : 0.0;
    const QColor text = palette().color(QPalette::WindowText);

    p.save();
    p.setFont(small);
    p.setPen(QPen(text, 1));
    const int base = l.axis.top() + 1;
    p.drawLine(l.plot.left(), base, l.plot.right(), base);
    if (cells) {
        for (quint32 port = window.first; port <= quint32(window.last) + 1; ++port) {
            const double gx = std::floor(x(port)) + 0.5;
            if (gx >= l.plot.left() && gx <= l.plot.right() + 1)
                p.drawLine(QPointF(gx, base), QPointF(gx, base + 2));
        }
    }
    for (double port = std::ceil(window.first / step) * step; port <= window.last; port += step) {
        const double tx = x(port + offset);
        if (tx < l.plot.left() - 0.5 || tx > l.plot.right() + 0.5)
            continue;
        const double gx = std::floor(tx) + 0.5;
        p.drawLine(QPointF(gx, base), QPointF(gx, base + 4));
        const QString label = QString::number(qint64(port));
        const int w = sfm.horizontalAdvance(label);
        int left = int(std::lround(tx - w / 2.0));
        left = std::clamp(left, 0, width() - w - 1);
        p.drawText(QRect(left, base + 5, w + 1, sfm.height()), Qt::AlignCenter, label);
    }
    p.restore();
}

void PortMapWidget::paintStatus(QPainter& p, const Layout& l) const
{
    const QFontMetrics fm(font());
    const PortSpan window = visibleSpan();
    const QString shown = tr("Showing %1 (%2 ports)")
                              .arg(PortMapData::spanText(window))
                              .arg(window.count());
    const int shownWidth = fm.horizontalAdvance(shown);
    const QString summary = currentInfo().summary;

    p.setFont(font());
    p.setPen(palette().color(QPalette::WindowText));
    p.drawText(QRect(l.status.right() - shownWidth, l.status.top(), shownWidth + 1, l.status.height()),
               Qt::AlignRight | Qt::AlignVCenter, shown);
    const int room = l.status.width() - shownWidth - 16;
    p.drawText(QRect(l.status.left(), l.status.top(), room, l.status.height()),
               Qt::AlignLeft | Qt::AlignVCenter, fm.elidedText(summary, Qt::ElideRight, room));
}

} // namespace portolan::ui
