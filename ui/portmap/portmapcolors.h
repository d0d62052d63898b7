#pragma once

#include <QColor>

namespace portolan::ui::portmap {

// Okabe-Ito based, so the layers stay apart for the common colour-vision deficiencies; each
// layer also has its own pattern or label, so colour never carries the meaning alone.
struct Colors
{
    QColor laneBackground{252, 252, 252};
    QColor laneBorder{150, 150, 150};
    QColor dynamicFill{221, 229, 240};
    QColor dynamicEdge{86, 106, 140};
    QColor persistentFill{205, 228, 245};
    QColor persistentHatch{0, 114, 178};
    QColor persistentEdge{0, 80, 130};
    QColor runtimeFill{230, 159, 0};
    QColor runtimeHatch{110, 55, 0};
    QColor runtimeEdge{90, 45, 0};
    QColor scanFree{196, 232, 217};
    QColor scanInUse{240, 228, 66};
    QColor scanInUseHatch{110, 100, 0};
    QColor scanForbidden{213, 94, 0};
    QColor scanForbiddenHatch{70, 20, 0};
    QColor scanOther{185, 185, 185};
    QColor listener{20, 20, 20};
    QColor grid{0, 0, 0, 28};
    QColor cellGrid{0, 0, 0, 85};
    QColor hover{0, 0, 0, 40};
    QColor cursor{0, 0, 0};
    QColor labelBox{255, 255, 255, 225};
    QColor text{20, 20, 20};
    QColor mutedText{95, 95, 95};
};

inline const Colors& colors()
{
    static const Colors c;
    return c;
}

} // namespace portolan::ui::portmap
