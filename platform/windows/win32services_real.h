// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "win32api.h"

namespace portolan::win32 {

// Fills the Service Control Manager entries of the table (win32services_real.cpp).
void addServiceCalls(Win32Api& api);

} // namespace portolan::win32
