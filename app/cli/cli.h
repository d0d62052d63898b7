// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "platform/backend.h"
#include "platform/backendfactory.h"
#include "platform/error.h"

#include <chrono>
#include <functional>
#include <iosfwd>
#include <memory>
#include <stop_token>
#include <string>
#include <vector>

// portolan-cli's command logic, kept out of main() so that tests run every command in-process
// against the simulated backend.
namespace portolan::cli {

// The documented exit codes (portolan-cli --help, docs/cli.md). Scripts depend on them.
enum ExitCode : int
{
    kExitOk = 0,
    kExitUsage = 1,        // bad command, option or argument; unusable --scenario/--state file
    kExitFailed = 2,       // the operation ran and failed (conflict, bind refused, I/O, ...)
    kExitUnsupported = 3,  // this system or backend cannot do it
    kExitAccessDenied = 4, // needs an elevated administrator (Windows) or root (Linux)
    kExitNotFound = 5,     // no reservation with exactly this (protocol, start, count)
    kExitCancelled = 130,  // Ctrl-C
};

// The exit code of an operation that failed with an error of this kind.
int exitCodeFor(ErrorKind kind);

using BackendFactory = std::function<Result<std::unique_ptr<Backend>>(const BackendOptions&)>;

// What the command logic needs from the process it runs in; main() fills it, tests replace it.
struct Environment
{
    BackendFactory makeBackend;      // empty = portolan::createBackend
    std::stop_token stop;            // requested on Ctrl-C
    bool progressToTerminal = false; // stderr is a terminal: draw scan progress there
    std::istream* input = nullptr;   // what "apply -" reads; nullptr = std::cin
};

// Runs one command line (without the program name). Results go to `out`, errors, hints and
// progress to `err`. Returns the exit code.
int runCli(const std::vector<std::string>& args, std::ostream& out, std::ostream& err,
           const Environment& environment);
int runCli(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);

} // namespace portolan::cli
