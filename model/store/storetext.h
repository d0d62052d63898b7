// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QCoreApplication>

namespace portolan {

// The translation context of the store's messages (database, inventory, audit log, probe
// history): they reach the user in the console's error boxes and status bar.
class StoreText
{
    Q_DECLARE_TR_FUNCTIONS(StoreText)
};

} // namespace portolan
