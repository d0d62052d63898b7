// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "ui/portmap/portmapcolors.h"
#include "ui/portmap/portmapdata.h"

#include <QFont>
#include <QRect>
#include <QString>

#include <algorithm>
#include <array>
#include <optional>
#include <vector>

class QFontMetrics;

// Where the parts of the port map go for a widget size and font, and how ports map to pixels.
// Shared by the widget (hit-testing) and the painters, so that what is clicked is what is drawn.
namespace portolan::ui::portmap {

inline constexpr int kMargin = 6;
// From this many pixels per port on, ports are drawn as numbered cells.
inline constexpr double kCellPixels = 8.0;
// Below this lane height the legend is left out.
inline constexpr int kMinLaneHeightWithLegend = 72;
inline constexpr int kLaneGap = 10;

inline constexpr int kSwatchWidth = 22;
inline constexpr int kSwatchGap = 5;
inline constexpr int kItemGap = 16;

QFont smallFont(const QFont& base); // axis numbers, labels inside the lanes
QFont boldFont(const QFont& base);  // the lanes' names

struct LegendItem
{
    std::optional<Layer> layer; // none: the listeners' tick
    QString text;
    QRect rect; // swatch + text
};

std::vector<LegendItem> legendItems();
// Flows the legend into rows inside `area`; returns the rows used.
int flowLegend(std::vector<LegendItem>& items, const QRect& area, const QFontMetrics& fm);

struct Lane
{
    QRect rect;     // the whole lane (header strip + tracks)
    QRect header;   // labels of the dynamic range and listeners
    QRect reserved; // reservations track
    QRect scan;     // last scan track
};

struct Layout
{
    QRect legend;
    int legendRows = 1;
    QRect plot;                // x extent of the ports; y covers both lanes
    std::array<Lane, 2> lanes; // TCP, UDP
    QRect axis;
    QRect status;
};

Layout computeLayout(const QRect& widgetRect, const QFont& font);

inline int laneIndex(Protocol protocol)
{
    return protocol == Protocol::Tcp ? 0 : 1;
}

inline Protocol laneProtocol(int index)
{
    return index == 0 ? Protocol::Tcp : Protocol::Udp;
}

// The ports in view, `span` of them from `start` (fractional ports allowed), across `plot`.
struct Scale
{
    double start = 0.0;
    double span = 65536.0;
    QRect plot;

    double portsPerPixel() const { return span / std::max(1, plot.width()); }
    double pixelsPerPort() const { return 1.0 / portsPerPixel(); }
    bool cells() const { return pixelsPerPort() >= kCellPixels; }
    double x(double port) const { return plot.left() + (port - start) * pixelsPerPort(); }
    double port(double x) const
    {
        return start + (x - plot.left()) * span / std::max(1, plot.width());
    }
    PortSpan visibleSpan() const; // whole ports at least partly visible
    // The smallest 1-2-5 step between axis numbers that leaves `minPixels` between them.
    double tickStep(double minPixels) const;
};

// Room one axis number needs: the widest number in view plus a gap.
double axisLabelWidth(const QFontMetrics& fm, const PortSpan& window, bool cells);

} // namespace portolan::ui::portmap
