// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "../error.h"

#include <string>
#include <string_view>

// Plain file access for scenarios and the state file, without exceptions.
namespace portolan::simulated {

// IoError naming `what` and the path when the file is missing or unreadable.
Result<std::string> readTextFile(const std::string& path, std::string_view what);
bool fileExists(const std::string& path);
// Writes a temporary file next to `path`, then renames it over `path`, so that a reader
// (or a crash) sees the old state or the new one, never half of one. Creates the folder.
Result<void> writeTextFileAtomically(const std::string& path, std::string_view text);

} // namespace portolan::simulated
