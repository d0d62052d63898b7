// SPDX-License-Identifier: GPL-3.0-or-later
#include "console.h"

#include <chrono>

int main(int argc, char** argv)
{
    // First thing: the start-up benchmark measures from here (and from the exec before it).
    const auto started = std::chrono::steady_clock::now();
    return portolan::console::runConsole(argc, argv, started);
}
