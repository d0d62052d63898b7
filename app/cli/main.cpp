// SPDX-License-Identifier: GPL-3.0-or-later
#include "cli.h"
#include "terminal.h"

#include "platform/process/consoledevice.h"
#include "platform/process/consolewriter.h"

#include <chrono>
#include <ostream>
#include <stop_token>
#include <string>
#include <thread>
#include <vector>

// A thin shell around runCli: the command line arrives as UTF-8, results and messages leave
// as UTF-8 (UTF-16 to a Windows console), Ctrl-C becomes a stop request, and stderr's being a
// terminal decides whether scans draw progress.
int main(int argc, char** argv)
{
    const std::vector<std::string> args = portolan::commandLineArguments(argc, argv);

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

    const auto outDevice = portolan::standardConsole(portolan::StandardStream::Out);
    const auto errDevice = portolan::standardConsole(portolan::StandardStream::Err);
    portolan::ConsoleWriter outBuffer(*outDevice);
    portolan::ConsoleWriter errBuffer(*errDevice);
    std::ostream out(&outBuffer);
    std::ostream err(&errBuffer);
    // Progress and errors show up as they happen, not when the buffer fills.
    err.setf(std::ios::unitbuf);

    portolan::cli::Environment environment;
    environment.stop = stopSource.get_token();
    environment.progressToTerminal = errDevice->isConsole();

    const int code = portolan::cli::runCli(args, out, err, environment);
    outBuffer.finish();
    errBuffer.finish();
    return code;
}
