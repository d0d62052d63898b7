// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The two things portolan-cli needs from the console that the C++ library lacks, kept in one
// small file so that the same code builds with glibc and MinGW without #ifdef.
namespace portolan::cli {

// True when stderr is a terminal (scan progress is drawn there only then).
bool stderrIsTerminal();

// Installs a SIGINT handler that only sets a flag (the one thing a handler may safely do).
void installInterruptHandler();
bool interruptRequested();

} // namespace portolan::cli
