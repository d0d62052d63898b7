// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "commandline.h"

#include <cstdint>
#include <span>
#include <string>
#include <string_view>

// Every command of portolan-cli described once: the parser, the help texts and the bad-input
// tests are all made from this table, so that a command added here is parsed, documented and
// tested for bad input without further code.
namespace portolan::cli {

// What an argument holds, which decides how it is parsed (and which bad values tests try).
enum class ArgumentKind : std::uint8_t
{
    Protocol,     // tcp|udp
    BlockStart,   // START of a persistent block, 1-65535
    RuntimeStart, // START of a runtime block, 0-65535 (0 = the system chooses)
    BlockCount,   // COUNT of the block the preceding START opens; it must end at 65535
    Port,         // 0-65535 (0 = the system chooses)
    PortSpan,     // FIRST-LAST or a single port, 1-65535
    Address,      // an IPv4 or IPv6 address, literally
    HoldSeconds,  // 0-86400
    Family,       // ipv4|ipv6|2|23
    SocketType,   // stream|dgram|raw|1|2|3
    IpProtocol,   // tcp|udp or an IP protocol number 0-255
    SampleStart,  // START as the sample programs check it: 0-65535
    SampleCount,  // COUNT as the sample programs check it: 0-65535
    ScanSpec,     // tcp|udp[:FIRST-LAST]
    InputFile,    // a file to read, "-" for standard input
    Flag,         // an option without a value ("--check")
    PortList,     // PORT or FIRST-LAST, comma-separated, 1-65535
    OutputFormat, // text|line
    Folder,       // a folder's path
    TargetPort,   // a port to explain, 1-65535
    SuggestCount, // ports in a suggested block, 1-64512 (outside the well-known ports)
    NearPort,     // --near PORT, 1-65535
    ServiceName,  // a service's key name: 1-256 characters, no / or \\, no control characters
    Consent,      // a flag without a value ("--yes")
    JournalFile,  // a file path
};

struct Argument
{
    ArgumentKind kind;
    std::string_view name;     // how messages name it: "PROTOCOL", "START", "--hold SECONDS"
    std::string_view synopsis; // how the usage line shows it: "tcp|udp", "START"
    bool optional = false;
    // Set for an argument given as an option ("--hold"); it may come anywhere on the line.
    std::string_view option = {};
    std::string_view allowed = {}; // an option's values, for "needs a value" messages
};

// One way of calling a command: the plain form, or one selected by a word after the name
// ("probe acquire-release ...").
struct Form
{
    std::string_view word; // empty for the plain form
    std::span<const Argument> arguments;
    std::string_view summary;    // its line in the global help
    std::string_view title = {}; // the plain form of a command with words: "the system check"
    ProbePlan plan = ProbePlan::SystemCheck;
};

struct CommandSpec
{
    Command command;
    std::string_view name;
    std::span<const Form> forms;        // the plain form, if any, first
    std::string_view description;       // the command's own help, after the usage line
    std::string_view argumentHelp = {}; // what its arguments may be, after the description
    std::string_view formNoun = {};     // what the word after the name selects: "probe plan"
};

std::span<const CommandSpec> commandTable();

const CommandSpec* findCommand(std::string_view name);
const CommandSpec& specFor(Command command);

// "create tcp|udp START COUNT", "probe [acquire-release ... | lookup-associate START COUNT]"
std::string synopsis(const CommandSpec& spec);
// "probe acquire-release": the command words of one form.
std::string formLabel(const CommandSpec& spec, const Form& form);
bool takesOption(const CommandSpec& spec, std::string_view option);
// The commands that take the option, as messages list them: "bind, scan".
std::string commandsWithOption(std::string_view option);

} // namespace portolan::cli
