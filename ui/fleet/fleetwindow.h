// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

class QWidget;

namespace portolan {
class ReservationService;
class Store;
} // namespace portolan

namespace portolan::ui {

// The Fleet page of the main window: the view (read again when this boot's snapshot is
// recorded), and the read-only windows of the hosts it opens.
QWidget* makeFleetView(Store& store, ReservationService& service, QWidget* parent);

} // namespace portolan::ui
