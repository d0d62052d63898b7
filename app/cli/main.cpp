// SPDX-License-Identifier: GPL-3.0-or-later
#include "cli.h"
#include "terminal.h"

#include <chrono>
#include <iostream>
#include <stop_token>
#include <string>
#include <thread>
#include <vector>

// A thin shell around runCli: Ctrl-C becomes a stop request, stderr's terminal-ness decides
// whether scans draw progress.
int main(int argc, char** argv)
{
    std::vector<std::string> args(argv + 1, argv + argc);

    portolan::cli::installInterruptHandler();
    std::stop_source stopSource;
    // The signal handler only sets a flag; this thread turns it into a stop request, which
    // a handler must not do itself (request_stop runs callbacks and may take locks).
    std::jthread watcher([&stopSource](std::stop_token done) {
        while (!done.stop_requested()) {
            if (portolan::cli::interruptRequested()) {
                stopSource.request_stop();
                return;
            }
            std::this_thread::sleep_for(std::chrono::milliseconds(20));
        }
    });

    portolan::cli::Environment environment;
    environment.stop = stopSource.get_token();
    environment.progressToTerminal = portolan::cli::stderrIsTerminal();

    int code = portolan::cli::runCli(args, std::cout, std::cerr, environment);
    std::cout.flush();
    return code;
}
