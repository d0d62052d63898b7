// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "platform/backend.h"
#include "platform/error.h"
#include "platform/snapshot/desiredstate.h"
#include "platform/types.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

// The command line as the user typed it, parsed and fully validated before any backend exists:
// bad input is rejected here and therefore changes nothing.
namespace portolan::cli {

enum class Command : std::uint8_t
{
    None,
    List,
    Create,
    Lookup,
    Delete,
    Acquire,
    Bind,
    Scan,
    DynamicRange,
    Listeners,
    Probe,
    Snapshot,
    Apply,
    Check,
    Why,
    Suggest,
    Protect,
};

enum class ProbePlan : std::uint8_t
{
    SystemCheck,
    AcquireRelease,
    LookupAssociate
};

struct Invocation
{
    // Global options.
    std::string
        backend; // empty = the real backend of this OS (or simulated with --scenario/--state)
    std::string scenarioFile;
    std::string stateFile;
    bool json = false;
    bool help = false;
    bool version = false;

    Command command = Command::None;
    std::string commandName; // as typed, for messages

    // Command arguments; which ones are set depends on the command.
    std::optional<Protocol> protocol;
    PortRange range;               // create, lookup, delete, acquire, probe plans
    std::uint32_t holdSeconds = 0; // acquire --hold
    bool hold = false;
    AddressFamily family = AddressFamily::IPv4; // bind, scan
    std::string address;                        // bind, scan
    std::uint16_t port = 0;                     // bind
    std::uint16_t first = 1;                    // scan
    std::uint16_t last = 65535;                 // scan
    ProbePlan plan = ProbePlan::SystemCheck;
    SocketSpec spec;                         // probe acquire-release
    std::optional<ScanRequest> snapshotScan; // snapshot --scan
    std::string inputFile;                   // apply FILE ("-": standard input)
    std::optional<DesiredState> desired;     // apply: the file, read before any backend exists
    bool checkOnly = false;                  // apply --check
    std::vector<std::uint16_t> watch;        // check --watch, ascending, each once
    bool lineFormat = false;                 // check --format line
    std::string historyDir;                  // check --history; empty = the user's state folder
    std::string formWord;    // the word that picked the form ("set"), empty for none
    std::uint16_t count = 0; // suggest
    std::uint16_t near = 0;  // suggest --near; 0 = not given
    std::string stopService; // protect --stop-service
    bool yes = false;        // protect --yes
    std::string journalFile; // protect --journal; empty = the default journal
};

// A rejected command line: the message names the argument and the allowed values.
struct UsageError
{
    std::string message;
    std::string command; // the command whose usage applies, empty for the global one
};

struct ParseOutcome
{
    std::optional<Invocation> invocation;
    std::optional<UsageError> error;
};

ParseOutcome parseCommandLine(const std::vector<std::string>& args);

// The command's name as typed on the command line ("dynamic-range"), or nullopt.
std::optional<Command> commandFromName(std::string_view name);
std::string_view commandName(Command command);

// Help texts. `command` empty = the global help.
std::string helpText(std::string_view command);
std::string usageLine(std::string_view command);
std::string versionText();

} // namespace portolan::cli
