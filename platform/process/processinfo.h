// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <string>
#include <string_view>

// What the console application asks of its own process beyond its streams. One implementation
// file per OS (process/process_*.cpp, picked by CMake).
namespace portolan {

// The most memory the process has had resident so far, in KiB, or -1 where it is not known
// (the start-up benchmark prints it).
long long peakResidentKiB();

// The console twin (portolan.com, app/consoletwin) starts portolan.exe and relays its output
// and exit code to the console it was typed in, until portolan.exe says here that it has
// become a window: then the twin returns at once and the command prompt is free again. The
// twin names an event in this environment variable; elsewhere and without it, nothing happens.
inline constexpr std::string_view kConsoleTwinVariable = "PORTOLAN_CONSOLE_TWIN";
void releaseConsoleTwin();

// Where Portolan keeps this user's state between runs, UTF-8: %LOCALAPPDATA%\Portolan on
// Windows, $XDG_STATE_HOME/portolan (default ~/.local/state/portolan) elsewhere. Empty when
// the environment names no such folder.
std::string userStateFolder();

} // namespace portolan
