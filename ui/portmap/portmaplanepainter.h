// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "ui/portmap/portmappainter.h"

#include <QFontMetrics>
#include <QRectF>

#include <utility>
#include <vector>

namespace portolan::ui::portmap {

// Paints one protocol's lane, bottom to top: background, dynamic range, reservations, the last
// scan, listeners, the header strip's labels, then selection, hover and the current port. Text
// is placed so that no label covers another or the current port's column.
class LanePainter
{
public:
    LanePainter(QPainter& p, const Frame& frame, int index);
    void paint();

private:
    double x(double port) const { return m_frame.scale.x(port); }
    // A span as a rectangle of a track, at least `minWidth` px wide so single ports show.
    QRectF spanRect(const PortSpan& s, const QRect& track, double minWidth) const;
    std::vector<PortSpan> visible(const std::vector<PortSpan>& spans) const;
    void fillSpans(const std::vector<PortSpan>& spans, const QRect& track, double minWidth,
                   Layer layer);
    // Where a label `width` px wide goes inside `shown`, stepping aside from the current
    // port's column; none when it does not fit.
    std::optional<double> labelCentre(const QRectF& shown, double width) const;

    void paintGutter();
    void paintBackground();
    void paintGrid();
    void paintBlocks();
    void labelBlocks();
    bool labelBlock(const ReservedBlock& block, const QRectF& shown,
                    std::vector<std::pair<int, int>>& taken);
    void paintScan();
    void paintCells();
    void paintListeners();
    void paintHeader();
    void paintMarks();
    void paintLabels();
    void paintOutline();

    QPainter& m_p;
    const Frame& m_frame;
    const Colors& m_c;
    const Lane& m_lane;
    const LaneLayers& m_layers;
    const Protocol m_protocol;
    const QFont m_small;
    const QFontMetrics m_sfm;
    const bool m_cells;
    const PortSpan m_window;
    const QRect m_tracks;   // the reservations and scan tracks
    const bool m_hasCursor; // the current port is in this lane
    QRectF m_cursorColumn;  // the current port's column: labels step aside so it stays readable
    QRectF m_dynamicBand;   // null when the dynamic range is unknown or out of view

    // Labels inside the tracks, drawn last so that the current port's line runs under them.
    std::vector<std::pair<QRect, QString>> m_labels;
    // Blocks too narrow for an inside label, named in the header strip instead.
    std::vector<const ReservedBlock*> m_runtimeCallouts;
    std::vector<const ReservedBlock*> m_persistentCallouts;
};

} // namespace portolan::ui::portmap
