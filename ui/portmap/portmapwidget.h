// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "ui/portmap/portmapdata.h"
#include "ui/portmap/portmaplayout.h"

#include <QPoint>
#include <QRect>
#include <QWidget>

#include <array>
#include <optional>
#include <utility>

namespace portolan::ui {

// The whole 0-65535 space of TCP (upper lane) and UDP (lower lane): dynamic range, persistent
// and runtime reservations, the last scan's runs and the listeners, zoomable down to single
// ports. A "current port" (the keyboard cursor) is explained through currentPortChanged, so a
// status line can say why a port fails without a mouse.
//
// Keys: Left/Right move the current port (the view follows); Shift+Left/Right and
// PageUp/PageDown pan; Ctrl+Left/Right jump to the next/previous place where something starts
// or ends; Up/Down switch protocol; Home/End go to port 0/65535; +/- zoom around the current
// port; Ctrl+0 shows everything; Enter/Space activate the current port like a click.
class PortMapWidget : public QWidget
{
    Q_OBJECT

public:
    // Fewest ports a view shows: at 1280 px wide that is a ~100 px cell per port.
    static constexpr double kMinVisiblePorts = 12.0;
    static constexpr double kAllPorts = 65536.0;

    explicit PortMapWidget(QWidget* parent = nullptr);

    void setData(PortMapData data); // normalizes; keeps view and current port
    const PortMapData& data() const { return m_data; }

    // Whole ports at least partly visible.
    PortSpan visibleSpan() const;
    double viewStart() const { return m_viewStart; }
    double viewPorts() const { return m_viewSpan; }

    Protocol currentProtocol() const { return m_currentProtocol; }
    quint16 currentPort() const { return m_currentPort; }
    PortInfo currentInfo() const;
    std::optional<ReservedBlock> selectedBlock() const { return m_selectedBlock; }

    // Geometry, for tests and for callers that place things next to the map.
    QRect laneRect(Protocol protocol) const;
    QPoint pointForPort(Protocol protocol, quint16 port) const; // middle of its column
    std::optional<std::pair<Protocol, quint16>> portAt(const QPoint& pos) const;
    QString toolTipAt(const QPoint& pos) const; // rich text; empty outside the lanes

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

public slots:
    void zoomIn();
    void zoomOut();
    void showAll();
    void showRange(quint16 first, quint16 last);
    // Moves the keyboard cursor and scrolls it into view.
    void setCurrentPort(portolan::Protocol protocol, quint16 port);
    // Highlights a block (e.g. the selected inventory row), makes it current and shows it
    // with some context around it.
    void selectBlock(const portolan::ReservedBlock& block);
    void clearSelection();

signals:
    // A click (or Enter) on a port.
    void portActivated(portolan::Protocol protocol, quint16 port);
    // Emitted after portActivated when the port lies in a reserved block: the runtime block
    // that forbids it, else the persistent one.
    void blockActivated(const portolan::ReservedBlock& block);
    // The current port's explanation (PortInfo::explanation), for a status line.
    void currentPortChanged(const QString& explanation);
    void visibleRangeChanged(quint16 first, quint16 last);

protected:
    bool event(QEvent* event) override;
    void paintEvent(QPaintEvent* event) override;
    void wheelEvent(QWheelEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;
    void mouseMoveEvent(QMouseEvent* event) override;
    void mouseReleaseEvent(QMouseEvent* event) override;
    void leaveEvent(QEvent* event) override;
    void keyPressEvent(QKeyEvent* event) override;
    void focusInEvent(QFocusEvent* event) override;
    void focusOutEvent(QFocusEvent* event) override;

private:
    portmap::Layout layout() const;
    portmap::Scale scale() const;
    double xForPort(double port) const; // left edge of a port (fractional ports allowed)
    double portAtX(double x) const;
    double portsPerPixel() const;

    void setView(double start, double span);
    void zoomAround(double factor, double anchorPort); // keeps anchorPort where it is on screen
    void zoomAroundCurrent(double factor);
    void panBy(double ports);
    void ensurePortVisible(quint16 port);
    void moveCurrentPort(Protocol protocol, qint64 port, bool scroll);
    void activate(Protocol protocol, quint16 port);
    void announceCurrentPort();
    std::optional<quint32> nextBoundary(quint32 port, bool forward) const;
    bool handleKey(const QKeyEvent& event); // false: not a key of the map

    PortMapData m_data;
    std::array<LaneLayers, 2> m_layers;

    double m_viewStart = 0.0;
    double m_viewSpan = kAllPorts;

    Protocol m_currentProtocol = Protocol::Tcp;
    quint16 m_currentPort = 0;
    std::optional<ReservedBlock> m_selectedBlock;
    std::optional<std::pair<Protocol, quint16>> m_hover;

    // Press-drag-release: a press that moves further than the drag distance pans instead of
    // clicking.
    bool m_pressed = false;
    bool m_dragging = false;
    QPoint m_pressPos;
    double m_pressViewStart = 0.0;
};

} // namespace portolan::ui
