// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "ui/portmap/portmapcolors.h"
#include "ui/portmap/portmaplayout.h"

#include <QFont>
#include <QPalette>
#include <QString>

#include <optional>
#include <utility>

class QPainter;

namespace portolan::ui::portmap {

// Everything one frame of the map shows: the widget fills it, the painters only read it.
struct Frame
{
    QRect rect; // the whole widget
    QFont font;
    QPalette palette;
    const Colors* colors = nullptr;
    bool focused = false;

    Layout layout;
    Scale scale;
    const std::array<LaneLayers, 2>* layers = nullptr; // TCP, UDP

    Protocol currentProtocol = Protocol::Tcp;
    quint16 currentPort = 0;
    QString currentSummary; // the status line's explanation of the current port
    std::optional<ReservedBlock> selectedBlock;
    std::optional<std::pair<Protocol, quint16>> hover;

    // The cursor follows the focus: the highlight colour while the map has it.
    QColor cursorColor() const;
};

// The legend, both lanes, the axis and the status line.
void paintFrame(QPainter& p, const Frame& frame);

// The legend's sample of a layer, or of a listener's tick.
void paintSwatch(QPainter& p, const QRect& r, std::optional<Layer> layer, const Colors& c);

// A layer's fill with its pattern over it.
void fillLayer(QPainter& p, const QRectF& r, const LayerLook& look);

} // namespace portolan::ui::portmap
