// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Windows builds only.

#include <cstdint>
#include <string>
#include <vector>

namespace portolan::win32 {

// ShellExecuteExW with the verb "runas" (the UAC prompt), not waited for.
std::uint32_t shellExecuteRunAs(const std::string& program,
                                const std::vector<std::string>& arguments);

} // namespace portolan::win32
