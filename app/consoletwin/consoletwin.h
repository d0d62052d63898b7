// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <string>
#include <string_view>

// The parts of portolan.com that are text, apart from the Windows calls so that tests check
// them on any system.
namespace portolan::consoletwin {

// "C:\...\portolan.com" -> "C:\...\portolan.exe": the program of the same name beside it.
std::wstring programBeside(std::wstring_view twin);

// The child's command line: the program, quoted, then the arguments exactly as they were typed
// after the twin's own name (quotes and all, so portolan.exe parses the same arguments).
std::wstring childCommandLine(std::wstring_view program, std::wstring_view typed);

} // namespace portolan::consoletwin
