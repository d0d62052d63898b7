// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QColor>

class QPalette;

namespace portolan::ui::portmap {

// Okabe-Ito based, so the layers stay apart for the common colour-vision deficiencies; each
// layer also has its own pattern or label, so colour never carries the meaning alone. One
// table for a light palette and one for a dark one: the text colours (text, mutedText, and the
// edges, which name blocks and the dynamic range) keep 4.5:1 on what they are drawn on, the
// lane, the dynamic range band and the label boxes (tests/ui/tst_palette.cpp).
// The facts the lanes draw as filled spans.
enum class Layer
{
    Dynamic,
    Persistent,
    Runtime,
    ScanFree,
    ScanInUse,
    ScanForbidden,
    ScanOther
};

// How a layer is filled: its colour, with a pattern in a darker one over it (the darker one
// alone where a span is too narrow for the pattern to show).
struct LayerLook
{
    QColor fill;
    QColor hatch;
    Qt::BrushStyle pattern = Qt::NoBrush;
};

struct Colors
{
    QColor laneBackground;
    QColor laneBorder;
    QColor dynamicFill;
    QColor dynamicEdge;
    QColor persistentFill;
    QColor persistentHatch;
    QColor persistentEdge;
    QColor runtimeFill;
    QColor runtimeHatch;
    QColor runtimeEdge;
    QColor scanFree;
    QColor scanInUse;
    QColor scanInUseHatch;
    QColor scanForbidden;
    QColor scanForbiddenHatch;
    QColor scanOther;
    QColor listener;
    QColor grid;
    QColor cellGrid;
    QColor hover;
    QColor cursor;
    QColor labelBox;
    QColor text;
    QColor mutedText;

    // The same in the legend as in the lanes.
    LayerLook look(Layer layer) const;
};

// The table that suits the palette (ui/colorscheme.h: isDark).
const Colors& colorsFor(const QPalette& palette);

} // namespace portolan::ui::portmap
