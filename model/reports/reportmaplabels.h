// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "platform/types.h"

#include <QList>
#include <QString>

// Where the port map's labels go: rows of labels above a lane's bar, none overlapping another.
namespace portolan {

// A block on the port map's lane: its bar (x0..x1, centre cx) and its label (left edge lx,
// width w), in drawing units; placeMapLabels sets the label's row.
struct MapItem
{
    PortRange range;
    bool runtime = false;
    QString label;
    QString title;
    double x0 = 0, x1 = 0, cx = 0, lx = 0, w = 0;
    int row = 0;
};

// Gives every item a row (0 is nearest the bar) and sorts the items by label width.
void placeMapLabels(QList<MapItem>& items);

} // namespace portolan
