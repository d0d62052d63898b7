// SPDX-License-Identifier: GPL-3.0-or-later
#include "model/reports/reportmaplabels.h"

#include <algorithm>
#include <tuple>

namespace portolan {
namespace {

// Horizontal room kept between two labels of a row.
constexpr double kLabelGap = 8;

} // namespace

// Rows count upwards from the bar. A label may take row r when it overlaps no label of row r,
// its leader passes through no label of a lower row, and no leader from a higher row passes
// through it. Short labels are placed first, so that they take the rows near the bar and the
// long ones (runtime blocks with their owner) go above, where their leaders pass between the
// short ones. Should no row satisfy all three, the lowest row without an overlap is taken: a
// leader may then cross a label, but no text is ever hidden.
void placeMapLabels(QList<MapItem>& items)
{
    std::stable_sort(items.begin(), items.end(), [](const MapItem& a, const MapItem& b) {
        return std::tuple(a.w, a.cx) < std::tuple(b.w, b.cx);
    });
    auto overlaps = [](const MapItem& a, const MapItem& b) {
        return a.lx < b.lx + b.w + kLabelGap && b.lx < a.lx + a.w + kLabelGap;
    };
    auto crosses = [](double x, const MapItem& label) {
        return x >= label.lx - 2 && x <= label.lx + label.w + 2;
    };
    constexpr int kMaxRows = 16;
    for (qsizetype i = 0; i < items.size(); ++i) {
        MapItem& item = items[i];
        int chosen = -1;
        int fallback = -1;
        for (int row = 0; row < kMaxRows + qsizetype(items.size()) && chosen < 0; ++row) {
            bool free = true;
            bool clear = true;
            for (qsizetype j = 0; j < i; ++j) {
                const MapItem& other = items[j];
                if (other.row == row && overlaps(item, other))
                    free = false;
                else if (other.row < row && crosses(item.cx, other))
                    clear = false;
                else if (other.row > row && crosses(other.cx, item))
                    clear = false;
            }
            if (free && fallback < 0)
                fallback = row;
            if (free && clear && row < kMaxRows)
                chosen = row;
            if (fallback >= 0 && row >= kMaxRows)
                break;
        }
        item.row = chosen >= 0 ? chosen : fallback;
    }
}

} // namespace portolan
