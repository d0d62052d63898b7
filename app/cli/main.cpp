// SPDX-License-Identifier: GPL-3.0-or-later
#include "cli.h"

#include "platform/process/consoledevice.h"
#include "platform/process/consolewriter.h"
#include "platform/process/interruptwatcher.h"

#include <ostream>
#include <stop_token>
#include <string>
#include <vector>

// A thin shell around runCli: the command line arrives as UTF-8, results and messages leave
// as UTF-8 (UTF-16 to a Windows console), Ctrl-C becomes a stop request, and stderr's being a
// terminal decides whether scans draw progress.
int main(int argc, char** argv)
{
    const std::vector<std::string> args = portolan::commandLineArguments(argc, argv);

    std::stop_source stopSource;
    // Not from a signal handler: request_stop runs callbacks and may take locks.
    const portolan::InterruptWatcher watcher([&stopSource] { stopSource.request_stop(); });

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
