// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QIcon>

#include <functional>

namespace portolan::ui {

// The console's own icons, the same on every platform and style (QStyle's standard icons
// differ, and several are missing off Windows). They are PNG files in resources/icons/ at the
// sizes the console shows them (16 px menus, 22-24 px toolbar and sidebar), each drawn for its
// pixel grid, with @2x files for high-DPI screens: the Windows Qt has no SVG module. Under a
// dark application palette (ui/colorscheme.h) the icons drawn in dark grey or blue come in light
// grey and sky blue; an icon is chosen when it is made, so a window made before a palette change
// keeps its own.
enum class IconKind
{
    Reservations,
    PortMap,
    Probes,
    Scan,
    History,
    New,
    Lookup,
    Delete,
    Verify,
    Note,
    Discover,
    Import,
    ZoomIn,
    ZoomOut,
    Refresh,
    Fleet,
};

QIcon icon(IconKind kind);

// Portolan's application icon (resources/desktop/portolan.svg), for the window.
QIcon applicationIcon();

// An icon that `make` makes when it is first drawn or measured, for one that is slow to make
// (a style's standard icons are looked up in the desktop's icon themes). `make` must give an
// icon that is not null.
QIcon deferredIcon(std::function<QIcon()> make);

} // namespace portolan::ui
