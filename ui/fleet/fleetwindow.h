// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

class QWidget;

namespace portolan {
class Store;
}

namespace portolan::ui {

// The Fleet page of the main window: the view, and the read-only windows of the hosts it opens.
QWidget* makeFleetView(Store& store, const QString& localHost, QWidget* parent);

} // namespace portolan::ui
