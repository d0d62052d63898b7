#pragma once

#include <QIcon>

namespace portolan::ui {

// The console's own icons, drawn with QPainter so that they look the same on every platform
// and style (QStyle's standard icons differ, and several are missing off Windows) and need no
// image plugin.
enum class IconKind {
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
};

QIcon icon(IconKind kind);

} // namespace portolan::ui
