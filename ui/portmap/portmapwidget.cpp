// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/portmap/portmapwidget.h"

#include "ui/portmap/portmappainter.h"

#include <QAccessible>
#include <QPainter>

#include <algorithm>
#include <cmath>

// The widget's state, view and geometry; painting is in portmappainter.cpp and
// portmaplanepainter.cpp, the keyboard and mouse in portmapinput.cpp.

namespace portolan::ui {

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

portmap::Layout PortMapWidget::layout() const
{
    return portmap::computeLayout(rect(), font());
}

portmap::Scale PortMapWidget::scale() const
{
    return {m_viewStart, m_viewSpan, layout().plot};
}

double PortMapWidget::xForPort(double port) const
{
    return scale().x(port);
}

double PortMapWidget::portAtX(double x) const
{
    return scale().port(x);
}

double PortMapWidget::portsPerPixel() const
{
    return scale().portsPerPixel();
}

PortSpan PortMapWidget::visibleSpan() const
{
    return portmap::Scale{m_viewStart, m_viewSpan, {}}.visibleSpan();
}

QRect PortMapWidget::laneRect(Protocol protocol) const
{
    return layout().lanes[portmap::laneIndex(protocol)].rect;
}

QPoint PortMapWidget::pointForPort(Protocol protocol, quint16 port) const
{
    const portmap::Lane lane = layout().lanes[portmap::laneIndex(protocol)];
    return {int(std::floor(xForPort(port + 0.5))), lane.reserved.center().y()};
}

std::optional<std::pair<Protocol, quint16>> PortMapWidget::portAt(const QPoint& pos) const
{
    const portmap::Layout l = layout();
    if (pos.x() < l.plot.left() || pos.x() > l.plot.right())
        return std::nullopt;
    for (int i = 0; i < 2; ++i) {
        if (pos.y() < l.lanes[i].rect.top() || pos.y() > l.lanes[i].rect.bottom())
            continue;
        // A pixel stands for the ports under its middle.
        const double port = std::floor(portAtX(pos.x() + 0.5));
        return std::pair{portmap::laneProtocol(i), quint16(std::clamp(port, 0.0, 65535.0))};
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

void PortMapWidget::zoomAroundCurrent(double factor)
{
    // Around the current port when it is in view, so +/- keep it where the eye is.
    const double current = m_currentPort + 0.5;
    const bool inView = current >= m_viewStart && current <= m_viewStart + m_viewSpan;
    zoomAround(factor, inView ? current : m_viewStart + m_viewSpan / 2);
}

void PortMapWidget::zoomIn()
{
    zoomAroundCurrent(0.5);
}

void PortMapWidget::zoomOut()
{
    zoomAroundCurrent(2.0);
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
    const std::vector<quint32>& b = m_layers[portmap::laneIndex(m_currentProtocol)].boundaries;
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

// ---- painting -----------------------------------------------------------------------------

void PortMapWidget::paintEvent(QPaintEvent*)
{
    portmap::Frame frame;
    frame.rect = rect();
    frame.font = font();
    frame.palette = palette();
    frame.colors = &portmap::colorsFor(frame.palette);
    frame.focused = hasFocus();
    frame.layout = layout();
    frame.scale = {m_viewStart, m_viewSpan, frame.layout.plot};
    frame.layers = &m_layers;
    frame.currentProtocol = m_currentProtocol;
    frame.currentPort = m_currentPort;
    frame.currentSummary = currentInfo().summary;
    frame.selectedBlock = m_selectedBlock;
    frame.hover = m_hover;
    QPainter p(this);
    portmap::paintFrame(p, frame);
}

} // namespace portolan::ui
