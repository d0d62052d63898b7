// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Windows builds only.

#include "win32api.h"

#include <string>

namespace portolan::win32 {

// ShellExecuteExW with SEE_MASK_NOCLOSEPROCESS, not waited for (Win32Api::shellExecute).
ShellExecuteOutcome shellExecute(const std::string& file, const std::string& verb,
                                 const std::string& parameters);

} // namespace portolan::win32
