// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Ctrl-C for portolan-cli, with the C library's signal() alone, so that the same code builds
// with glibc, MinGW and MSVC without #ifdef. Standard output, error and the command line are the
// platform layer's (platform/process/consoledevice.h).
namespace portolan::cli {

// Installs a SIGINT handler that only sets a flag (the one thing a handler may safely do).
void installInterruptHandler();
bool interruptRequested();

} // namespace portolan::cli
