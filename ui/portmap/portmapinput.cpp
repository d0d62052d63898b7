// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/portmap/portmapwidget.h"

#include <QApplication>
#include <QFocusEvent>
#include <QHelpEvent>
#include <QKeyEvent>
#include <QMouseEvent>
#include <QToolTip>
#include <QWheelEvent>

#include <algorithm>
#include <cmath>

// How the port map follows the mouse, the wheel and the keyboard (see the key list in
// portmapwidget.h).

namespace portolan::ui {

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
        const QRect lane = laneRect(hit->first);
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
        if (!m_dragging &&
            (pos - m_pressPos).manhattanLength() >= QApplication::startDragDistance()) {
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
    if (handleKey(*event))
        event->accept();
    else
        QWidget::keyPressEvent(event);
}

bool PortMapWidget::handleKey(const QKeyEvent& event)
{
    const Qt::KeyboardModifiers mods = event.modifiers();
    const bool ctrl = mods & Qt::ControlModifier;
    const bool shift = mods & Qt::ShiftModifier;
    const double ppp = portsPerPixel();
    // One step is a port when ports are cells, else about four pixels' worth.
    const qint64 step = ppp <= 1.0 ? 1 : qint64(std::ceil(ppp * 4.0));
    const qint64 current = m_currentPort;

    switch (event.key()) {
    case Qt::Key_Left:
    case Qt::Key_Right: {
        const bool forward = event.key() == Qt::Key_Right;
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
        const double sign = event.key() == Qt::Key_PageDown ? 1 : -1;
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
        if (!ctrl)
            return false;
        showAll();
        break;
    case Qt::Key_Return:
    case Qt::Key_Enter:
    case Qt::Key_Space:
        activate(m_currentProtocol, m_currentPort);
        break;
    case Qt::Key_Escape:
        if (!m_selectedBlock)
            return false;
        clearSelection();
        break;
    default:
        return false;
    }
    return true;
}

} // namespace portolan::ui
