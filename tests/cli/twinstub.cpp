// SPDX-License-Identifier: GPL-3.0-or-later
// Stands in for portolan.exe beside portolan.com in the console twin's test, where the Qt-free
// build has no console: a window program that prints its arguments, exits with a given code,
// or becomes "a window" (releases the twin) and waits for a file before it ends.
#include "platform/process/consoledevice.h"
#include "platform/process/processinfo.h"
#include "platform/process/utf8.h"

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <string>
#include <thread>
#include <vector>

int main(int argc, char** argv)
{
    const std::vector<std::string> args = portolan::commandLineArguments(argc, argv);
    if (args.size() >= 1 && args[0] == "--echo") {
        std::string line = "args:";
        for (std::size_t i = 1; i < args.size(); ++i)
            line += " [" + args[i] + "]";
        std::fputs((line + "\n").c_str(), stdout);
        std::fputs("stub: echoed\n", stderr);
        return 0;
    }
    if (args.size() == 2 && args[0] == "--exit") {
        std::fputs(("stub: exiting " + args[1] + "\n").c_str(), stderr);
        return std::stoi(args[1]);
    }
    if (args.size() == 2 && args[0] == "--window") {
        portolan::releaseConsoleTwin();
        // Until the test has seen the twin return; a bound, so that no stub outlives a failure.
        const auto go = portolan::utf8::toPath(args[1]);
        for (int i = 0; i < 1200 && !std::filesystem::exists(go); ++i)
            std::this_thread::sleep_for(std::chrono::milliseconds(100));
        return 0;
    }
    std::fputs("stub: usage: --echo ARGS... | --exit N | --window GOFILE\n", stderr);
    return 64;
}
