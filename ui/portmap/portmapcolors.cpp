// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/portmap/portmapcolors.h"

#include "ui/colorscheme.h"

namespace portolan::ui::portmap {

namespace {

const Colors kLight{
    .laneBackground{252, 252, 252},
    .laneBorder{150, 150, 150},
    .dynamicFill{221, 229, 240},
    .dynamicEdge{70, 88, 120},
    .persistentFill{205, 228, 245},
    .persistentHatch{0, 114, 178},
    .persistentEdge{0, 80, 130},
    .runtimeFill{230, 159, 0},
    .runtimeHatch{110, 55, 0},
    .runtimeEdge{90, 45, 0},
    .scanFree{196, 232, 217},
    .scanInUse{240, 228, 66},
    .scanInUseHatch{110, 100, 0},
    .scanForbidden{213, 94, 0},
    .scanForbiddenHatch{70, 20, 0},
    .scanOther{185, 185, 185},
    .listener{20, 20, 20},
    .grid{0, 0, 0, 28},
    .cellGrid{0, 0, 0, 85},
    .hover{0, 0, 0, 40},
    .cursor{0, 0, 0},
    .labelBox{255, 255, 255, 225},
    .text{20, 20, 20},
    .mutedText{95, 95, 95},
};

// The same hues on a dark lane: fills a step darker so that they do not glare, edges and
// text light.
const Colors kDark{
    .laneBackground{36, 36, 38},
    .laneBorder{120, 120, 120},
    .dynamicFill{40, 48, 62},
    .dynamicEdge{150, 175, 215},
    .persistentFill{20, 62, 98},
    .persistentHatch{86, 180, 233},
    .persistentEdge{120, 190, 240},
    .runtimeFill{200, 138, 0},
    .runtimeHatch{90, 45, 0},
    .runtimeEdge{240, 180, 90},
    .scanFree{38, 92, 72},
    .scanInUse{170, 160, 40},
    .scanInUseHatch{70, 64, 0},
    .scanForbidden{200, 88, 0},
    .scanForbiddenHatch{70, 20, 0},
    .scanOther{95, 95, 95},
    .listener{235, 235, 235},
    .grid{255, 255, 255, 30},
    .cellGrid{255, 255, 255, 80},
    .hover{255, 255, 255, 45},
    .cursor{255, 255, 255},
    .labelBox{22, 22, 24, 225},
    .text{235, 235, 235},
    .mutedText{165, 165, 165},
};

} // namespace

LayerLook Colors::look(Layer layer) const
{
    switch (layer) {
    case Layer::Dynamic:
        return {dynamicFill, dynamicFill, Qt::NoBrush};
    case Layer::Persistent:
        return {persistentFill, persistentHatch, Qt::BDiagPattern};
    case Layer::Runtime:
        return {runtimeFill, runtimeHatch, Qt::DiagCrossPattern};
    case Layer::ScanFree:
        return {scanFree, scanFree, Qt::NoBrush};
    case Layer::ScanInUse:
        return {scanInUse, scanInUseHatch, Qt::HorPattern};
    case Layer::ScanForbidden:
        return {scanForbidden, scanForbiddenHatch, Qt::DiagCrossPattern};
    case Layer::ScanOther:
        return {scanOther, scanOther, Qt::NoBrush};
    }
    return {scanOther, scanOther, Qt::NoBrush};
}

const Colors& colorsFor(const QPalette& palette)
{
    return isDark(palette) ? kDark : kLight;
}

} // namespace portolan::ui::portmap
