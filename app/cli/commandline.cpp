#include "commandline.h"

#include "platform/backendfactory.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <initializer_list>
#include <limits>
#include <utility>

#ifndef PORTOLAN_VERSION
#define PORTOLAN_VERSION "0.0.0"
#endif

namespace portolan::cli {
namespace {

constexpr std::uint32_t kMaxHoldSeconds = 86400; // a day; Ctrl-C ends a hold early anyway

struct CommandInfo
{
    Command command;
    std::string_view name;
    std::string_view synopsis;    // after "portolan-cli "
    std::string_view summary;     // one line for the global help
    std::string_view description; // the command's own help, after the usage line
};

// Synopses use exactly the words of docs/cli.md; scripts and the console are written against them.
constexpr std::array kCommands{
    CommandInfo{Command::List, "list", "list [tcp|udp]",
                "reservations the backend can discover",
                "Lists the reserved blocks the backend can discover: persistent reservations\n"
                "and, where the system shows them, runtime blocks held by services (Hyper-V's\n"
                "HNS, WinNAT, ...). Both protocols unless one is given.\n"
                "\n"
                "--json prints {\"ok\", \"reservations\": [{\"protocol\", \"start\", \"end\", \"count\",\n"
                "\"persistent\", \"token\", \"owner\", \"host\"}]}; tokens are decimal strings, \"0\"\n"
                "when the system has no token for the block.\n"},
    CommandInfo{Command::Create, "create", "create tcp|udp START COUNT",
                "create a persistent reservation",
                "Creates a persistent reservation of COUNT ports from START and prints its token.\n"
                "Needs an elevated administrator on Windows, root on Linux.\n"
                "\n"
                "  START   first port, 1-65535\n"
                "  COUNT   number of ports, 1-65535; the block must end at 65535 at the latest\n"},
    CommandInfo{Command::Lookup, "lookup", "lookup tcp|udp START COUNT",
                "look up a persistent reservation and its token",
                "Looks up the persistent reservation made with exactly this START and COUNT (never\n"
                "a part of a block) and prints its token. Tokens may change at every restart.\n"
                "\n"
                "  START   first port, 1-65535\n"
                "  COUNT   number of ports, 1-65535; the block must end at 65535 at the latest\n"},
    CommandInfo{Command::Delete, "delete", "delete tcp|udp START COUNT",
                "delete a persistent reservation",
                "Deletes the persistent reservation made with exactly this START and COUNT.\n"
                "Needs an elevated administrator on Windows, root on Linux.\n"
                "\n"
                "  START   first port, 1-65535\n"
                "  COUNT   number of ports, 1-65535; the block must end at 65535 at the latest\n"},
    CommandInfo{Command::Acquire, "acquire", "acquire tcp|udp START COUNT [--hold SECONDS]",
                "acquire a runtime reservation, hold it, release it",
                "Acquires a runtime reservation (SIO_ACQUIRE_PORT_RESERVATION) of COUNT ports\n"
                "from START, prints the granted range and token, keeps it for SECONDS (default 0)\n"
                "and releases it. A runtime reservation lives only as long as this process:\n"
                "Ctrl-C releases it early (exit code 130).\n"
                "\n"
                "  START     first port, 0-65535; 0 lets the system choose the block\n"
                "  COUNT     number of ports, 1-65535; the block must end at 65535 at the latest\n"
                "  --hold SECONDS   how long to keep the reservation, 0-86400 (default 0)\n"},
    CommandInfo{Command::Bind, "bind", "bind tcp|udp [--address ADDR] PORT",
                "one bind probe (PORT 0 = let the system choose)",
                "Opens a socket, binds it to ADDR:PORT, reports the outcome (free, in-use,\n"
                "forbidden, other) with the native error and who holds the port when known,\n"
                "and closes the socket again. Exit code 0 only when the bind succeeded.\n"
                "\n"
                "  PORT           0-65535; 0 lets the system choose a port\n"
                "  --address ADDR default 127.0.0.1; an address with a colon is IPv6 (e.g. ::1)\n"},
    CommandInfo{Command::Scan, "scan", "scan tcp|udp [--address ADDR] [FIRST-LAST]",
                "bind-probe every port of a range, in parallel",
                "Bind-probes every port of FIRST-LAST on ADDR on all cores and prints the runs\n"
                "of ports with the same outcome, native code and holder, then a summary.\n"
                "Progress goes to stderr when it is a terminal. Ctrl-C stops the scan and prints\n"
                "the partial result (exit code 130).\n"
                "\n"
                "  FIRST-LAST     ports to probe, 1-65535, or a single port N (default 1-65535)\n"
                "  --address ADDR default 127.0.0.1; an address with a colon is IPv6 (e.g. ::1)\n"},
    CommandInfo{Command::DynamicRange, "dynamic-range", "dynamic-range [tcp|udp]",
                "the dynamic (ephemeral) port range",
                "Prints the dynamic (ephemeral) port range the system assigns ports from, for\n"
                "both protocols unless one is given.\n"},
    CommandInfo{Command::Listeners, "listeners", "listeners [tcp|udp]",
                "listening sockets and their processes",
                "Lists the sockets listening (TCP) or bound (UDP) on this system with their\n"
                "process, when the system tells.\n"},
    CommandInfo{Command::Probe, "probe",
                "probe [acquire-release FAMILY TYPE PROTOCOL START COUNT | lookup-associate START COUNT]",
                "system check, or one of the two sample programs step by step",
                "Without a plan: a system check. It runs a bind probe on 127.0.0.1 port 0, the\n"
                "acquire-release sample on a block of 10 ports the system chooses (START 0) and\n"
                "a lookup of the persistent TCP block 50000-50009, and prints each result; a call\n"
                "the system lacks is shown as \"not supported on this system\". Exit code 0 when\n"
                "every call answered (a lookup that finds nothing is an answer), else 2.\n"
                "\n"
                "probe acquire-release FAMILY TYPE PROTOCOL START COUNT\n"
                "  The first sample: open a socket of FAMILY/TYPE/PROTOCOL, acquire a runtime\n"
                "  reservation of COUNT ports from START, print start, count and token, release\n"
                "  it, close.\n"
                "    FAMILY    ipv4|ipv6|2|23\n"
                "    TYPE      stream|dgram|raw|1|2|3\n"
                "    PROTOCOL  tcp|udp or an IP protocol number 0-255 (6 = tcp, 17 = udp)\n"
                "\n"
                "probe lookup-associate START COUNT\n"
                "  The second sample: look up the persistent TCP reservation (START, COUNT),\n"
                "  associate a TCP socket with its token, bind to port 0 of any address and\n"
                "  print the allocated port, which must lie inside the block.\n"
                "\n"
                "Like the original samples, START must be 0-65535 and COUNT must not be negative\n"
                "(at most 65535), otherwise a usage message is printed and the exit code is 1;\n"
                "other values reach the system, which answers with its own error.\n"},
};

constexpr std::string_view kExitCodeSummary =
    "Exit codes: 0 success, 1 usage, 2 failed, 3 not supported on this system,\n"
    "4 needs elevation/root, 5 not found, 130 cancelled (portolan-cli --help).\n";

const CommandInfo* findInfo(std::string_view name)
{
    for (const auto& info : kCommands) {
        if (info.name == name)
            return &info;
    }
    return nullptr;
}

const CommandInfo& infoFor(Command command)
{
    for (const auto& info : kCommands) {
        if (info.command == command)
            return info;
    }
    return kCommands.front();
}

std::string commandList()
{
    std::string text;
    for (const auto& info : kCommands) {
        if (!text.empty())
            text += ", ";
        text += info.name;
    }
    return text;
}

std::string joinKinds(const std::vector<std::string_view>& kinds)
{
    std::string text;
    for (auto kind : kinds) {
        if (!text.empty())
            text += ", ";
        text += kind;
    }
    return text;
}

// Thrown only inside this file to unwind argument parsing; never crosses the interface.
struct Rejected
{
    UsageError error;
};

[[noreturn]] void reject(std::string message, std::string_view command)
{
    throw Rejected{UsageError{std::move(message), std::string(command)}};
}

template <typename T>
T unwrap(Result<T> result, std::string_view command)
{
    if (!result.ok())
        reject(result.error().message, command);
    return std::move(result).value();
}

std::string quoted(std::string_view text)
{
    return "'" + std::string(text) + "'";
}

Protocol parseProtocolArg(std::string_view text, std::string_view command)
{
    if (auto protocol = parseProtocol(text))
        return *protocol;
    reject("PROTOCOL: " + quoted(text) + " is not a protocol; allowed: tcp, udp", command);
}

// types.h names the fields of a block "start", "count" and "end"; the user typed START and COUNT,
// and a block running past 65535 is fixed by changing COUNT.
Result<PortRange> withArgumentNames(Result<PortRange> result)
{
    if (result.ok())
        return result;
    Error error = result.error();
    static constexpr std::array<std::pair<std::string_view, std::string_view>, 3> kNames{
        {{"start:", "START:"}, {"count:", "COUNT:"}, {"end:", "COUNT:"}}};
    for (const auto& [field, argument] : kNames) {
        if (error.message.starts_with(field)) {
            error.message = std::string(argument) + error.message.substr(field.size());
            break;
        }
    }
    return error;
}

// Plain textual check so that an obvious typo is a usage error rather than a failed bind.
bool looksLikeAddress(std::string_view text, AddressFamily& family)
{
    if (text.empty())
        return false;
    if (text.find(':') != std::string_view::npos) {
        family = AddressFamily::IPv6;
        return std::all_of(text.begin(), text.end(), [](char c) {
            return std::isxdigit(static_cast<unsigned char>(c)) || c == ':' || c == '.';
        });
    }
    family = AddressFamily::IPv4;
    int parts = 0;
    std::size_t pos = 0;
    while (pos <= text.size()) {
        auto dot = text.find('.', pos);
        auto part = text.substr(pos, dot == std::string_view::npos ? text.size() - pos : dot - pos);
        if (part.empty() || part.size() > 3
            || !std::all_of(part.begin(), part.end(),
                            [](char c) { return c >= '0' && c <= '9'; })
            || std::stoi(std::string(part)) > 255)
            return false;
        ++parts;
        if (dot == std::string_view::npos)
            break;
        pos = dot + 1;
    }
    return parts == 4;
}

// The samples validate only what the original programs did: START 0..65535, COUNT not negative.
// A COUNT above 65535 cannot be passed as the USHORT of the call, so it is refused too rather
// than silently wrapped.
PortRange parseSampleRange(std::string_view startText, std::string_view countText,
                           std::string_view command)
{
    auto start = unwrap(parseNumber(startText, "START"), command);
    if (start > 65535)
        reject("START: " + quoted(startText) + " is out of range; allowed: 0-65535", command);
    auto count = unwrap(parseNumber(countText, "COUNT"), command);
    if (count > 65535)
        reject("COUNT: " + quoted(countText) + " is out of range; allowed: 0-65535", command);
    return PortRange{static_cast<std::uint16_t>(start), static_cast<std::uint16_t>(count)};
}

SocketType parseSocketTypeArg(std::string_view text, std::string_view command)
{
    std::string lower(text);
    std::transform(lower.begin(), lower.end(), lower.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    if (lower == "stream" || lower == "1")
        return SocketType::Stream;
    if (lower == "dgram" || lower == "2")
        return SocketType::Datagram;
    if (lower == "raw" || lower == "3")
        return SocketType::Raw;
    reject("TYPE: " + quoted(text) + " is not a socket type; allowed: stream, dgram, raw, 1, 2, 3",
           command);
}

int parseIpProtocolArg(std::string_view text, std::string_view command)
{
    if (auto protocol = parseProtocol(text))
        return *protocol == Protocol::Tcp ? 6 : 17;
    auto number = parseNumber(text, "PROTOCOL");
    if (!number.ok() || number.value() > 255)
        reject("PROTOCOL: " + quoted(text)
                   + " is not a protocol; allowed: tcp, udp, or a number 0-255 (6 = tcp, 17 = udp)",
               command);
    return static_cast<int>(number.value());
}

// pos[0..skip) are the command words; `required` names the arguments that must follow.
void requireArgs(const std::vector<std::string>& pos, std::size_t skip,
                 std::initializer_list<std::string_view> required, std::size_t optional)
{
    std::string label = pos[0];
    for (std::size_t i = 1; i < skip; ++i)
        label += " " + pos[i];
    std::size_t have = pos.size() - skip;
    if (have < required.size())
        reject(label + ": missing " + std::string(*(required.begin() + have)), pos[0]);
    if (have > required.size() + optional)
        reject(label + ": unexpected argument " + quoted(pos[skip + required.size() + optional]),
               pos[0]);
}

struct RawOptions
{
    std::optional<std::string> backend, scenario, state, hold, address;
    bool json = false, help = false, version = false;
};

void parseCommandArguments(Invocation& inv, const std::vector<std::string>& pos,
                           const RawOptions& options)
{
    const std::string& name = inv.commandName;
    if (options.hold && inv.command != Command::Acquire)
        reject("option '--hold' does not apply to '" + name + "'; it belongs to: acquire", name);
    if (options.address && inv.command != Command::Bind && inv.command != Command::Scan)
        reject("option '--address' does not apply to '" + name + "'; it belongs to: bind, scan",
               name);

    switch (inv.command) {
    case Command::List:
    case Command::DynamicRange:
    case Command::Listeners:
        requireArgs(pos, 1, {}, 1);
        if (pos.size() == 2)
            inv.protocol = parseProtocolArg(pos[1], name);
        break;
    case Command::Create:
    case Command::Lookup:
    case Command::Delete:
    case Command::Acquire: {
        requireArgs(pos, 1, {"PROTOCOL (tcp|udp)", "START", "COUNT"}, 0);
        inv.protocol = parseProtocolArg(pos[1], name);
        auto kind = inv.command == Command::Acquire ? RangeKind::Runtime : RangeKind::Persistent;
        inv.range = unwrap(withArgumentNames(parsePortRange(pos[2], pos[3], kind)), name);
        if (options.hold) {
            auto seconds = unwrap(parseNumber(*options.hold, "--hold SECONDS"), name);
            if (seconds > kMaxHoldSeconds)
                reject("--hold SECONDS: " + quoted(*options.hold)
                           + " is out of range; allowed: 0-" + std::to_string(kMaxHoldSeconds),
                       name);
            inv.hold = true;
            inv.holdSeconds = static_cast<std::uint32_t>(seconds);
        }
        break;
    }
    case Command::Bind:
    case Command::Scan: {
        bool bind = inv.command == Command::Bind;
        if (bind)
            requireArgs(pos, 1, {"PROTOCOL (tcp|udp)", "PORT"}, 0);
        else
            requireArgs(pos, 1, {"PROTOCOL (tcp|udp)"}, 1);
        inv.protocol = parseProtocolArg(pos[1], name);
        inv.address = options.address.value_or("127.0.0.1");
        if (!looksLikeAddress(inv.address, inv.family))
            reject("--address ADDR: " + quoted(inv.address)
                       + " is not an address; allowed: an IPv4 address (127.0.0.1) or an IPv6 "
                         "address (::1)",
                   name);
        if (bind) {
            inv.port = unwrap(parsePort(pos[2], "PORT", true), name);
        } else if (pos.size() == 3) {
            auto span = unwrap(parsePortSpan(pos[2], "FIRST-LAST"), name);
            inv.first = span.start;
            inv.last = static_cast<std::uint16_t>(span.end());
        }
        break;
    }
    case Command::Probe:
        if (pos.size() == 1) {
            inv.plan = ProbePlan::SystemCheck;
        } else if (pos[1] == "acquire-release") {
            requireArgs(pos, 2, {"FAMILY", "TYPE", "PROTOCOL", "START", "COUNT"}, 0);
            inv.plan = ProbePlan::AcquireRelease;
            auto family = parseAddressFamily(pos[2]);
            if (!family)
                reject("FAMILY: " + quoted(pos[2])
                           + " is not an address family; allowed: ipv4, ipv6, 2, 23",
                       name);
            inv.spec.family = *family;
            inv.spec.type = parseSocketTypeArg(pos[3], name);
            inv.spec.protocol = parseIpProtocolArg(pos[4], name);
            inv.range = parseSampleRange(pos[5], pos[6], name);
        } else if (pos[1] == "lookup-associate") {
            requireArgs(pos, 2, {"START", "COUNT"}, 0);
            inv.plan = ProbePlan::LookupAssociate;
            inv.protocol = Protocol::Tcp;
            inv.range = parseSampleRange(pos[2], pos[3], name);
        } else {
            reject("probe: " + quoted(pos[1])
                       + " is not a probe plan; allowed: acquire-release, lookup-associate "
                         "(none for the system check)",
                   name);
        }
        break;
    case Command::None:
        break;
    }
}

ParseOutcome parseOrThrow(const std::vector<std::string>& args)
{
    RawOptions options;
    std::vector<std::string> positionals;
    bool endOfOptions = false;

    auto takeValue = [&](std::optional<std::string>& slot, std::string_view option,
                         std::optional<std::string> inlineValue, std::size_t& i,
                         std::string_view allowed) {
        if (slot)
            reject("option '" + std::string(option) + "' is given twice", "");
        if (inlineValue) {
            slot = std::move(inlineValue);
        } else if (i + 1 < args.size()) {
            slot = args[++i];
        } else {
            reject("option '" + std::string(option) + "' needs a value; allowed: "
                       + std::string(allowed),
                   "");
        }
        if (slot->empty())
            reject(std::string(option) + ": the value is empty; allowed: " + std::string(allowed),
                   "");
    };

    for (std::size_t i = 0; i < args.size(); ++i) {
        const std::string& arg = args[i];
        if (endOfOptions || arg.size() < 2 || arg[0] != '-' || (arg[1] != '-' && arg != "-h")) {
            // "-1" and "-5" are arguments (and then bad numbers), not options.
            positionals.push_back(arg);
            continue;
        }
        if (arg == "--") {
            endOfOptions = true;
            continue;
        }
        if (arg == "-h") {
            options.help = true;
            continue;
        }
        std::string name = arg;
        std::optional<std::string> inlineValue;
        if (auto eq = arg.find('='); eq != std::string::npos) {
            name = arg.substr(0, eq);
            inlineValue = arg.substr(eq + 1);
        }
        auto flag = [&](bool& slot) {
            if (inlineValue)
                reject("option '" + name + "' takes no value", "");
            slot = true;
        };
        if (name == "--json") {
            flag(options.json);
        } else if (name == "--help") {
            flag(options.help);
        } else if (name == "--version") {
            flag(options.version);
        } else if (name == "--backend") {
            takeValue(options.backend, name, inlineValue, i, "windows, linux, simulated");
        } else if (name == "--scenario") {
            takeValue(options.scenario, name, inlineValue, i, "a JSON scenario file");
        } else if (name == "--state") {
            takeValue(options.state, name, inlineValue, i, "a state file");
        } else if (name == "--hold") {
            takeValue(options.hold, name, inlineValue, i, "SECONDS, 0-86400");
        } else if (name == "--address") {
            takeValue(options.address, name, inlineValue, i, "an IPv4 or IPv6 address");
        } else {
            reject("unknown option " + quoted(name)
                       + "; allowed: --backend, --scenario, --state, --json, --help, --version, "
                         "--hold (acquire), --address (bind, scan)",
                   "");
        }
    }

    Invocation inv;
    inv.json = options.json;
    inv.help = options.help;
    inv.version = options.version;

    if (!positionals.empty()) {
        auto command = commandFromName(positionals.front());
        if (!command)
            reject("unknown command " + quoted(positionals.front()) + "; allowed: " + commandList(),
                   "");
        inv.command = *command;
        inv.commandName = positionals.front();
    }
    if (inv.help || inv.version)
        return ParseOutcome{inv, std::nullopt};
    if (inv.command == Command::None)
        reject("no command given; allowed: " + commandList(), "");

    // Backend selection is validated before anything runs, so that a typo never falls back to
    // the real system.
    if (options.backend) {
        auto kinds = availableBackendKinds();
        if (std::find(kinds.begin(), kinds.end(), *options.backend) == kinds.end()) {
            static constexpr std::array kKnown{"windows", "linux", "simulated"};
            bool known = std::find(kKnown.begin(), kKnown.end(), *options.backend) != kKnown.end();
            reject("--backend: " + quoted(*options.backend)
                       + (known ? " is not available in this build" : " is not a backend")
                       + "; allowed: " + joinKinds(kinds),
                   "");
        }
        inv.backend = *options.backend;
    }
    if (options.scenario || options.state) {
        if (inv.backend.empty())
            inv.backend = "simulated";
        if (inv.backend != "simulated")
            reject(std::string(options.scenario ? "--scenario" : "--state")
                       + " applies only to the simulated backend; allowed with: --backend simulated",
                   "");
        inv.scenarioFile = options.scenario.value_or("");
        inv.stateFile = options.state.value_or("");
    }

    parseCommandArguments(inv, positionals, options);
    return ParseOutcome{inv, std::nullopt};
}

} // namespace

std::optional<Command> commandFromName(std::string_view name)
{
    if (const auto* info = findInfo(name))
        return info->command;
    return std::nullopt;
}

std::string_view commandName(Command command)
{
    return command == Command::None ? std::string_view{} : infoFor(command).name;
}

ParseOutcome parseCommandLine(const std::vector<std::string>& args)
{
    try {
        return parseOrThrow(args);
    } catch (const Rejected& rejected) {
        return ParseOutcome{std::nullopt, rejected.error};
    }
}

std::string versionText()
{
    return "portolan-cli " PORTOLAN_VERSION "\n";
}

std::string usageLine(std::string_view command)
{
    if (const auto* info = findInfo(command))
        return "usage: portolan-cli [OPTIONS] " + std::string(info->synopsis) + "\n";
    return "usage: portolan-cli [OPTIONS] COMMAND [ARGUMENTS]\n";
}

std::string helpText(std::string_view command)
{
    if (const auto* info = findInfo(command)) {
        std::string text = usageLine(command);
        text += "\n";
        text += info->description;
        text += "\nOptions: --backend windows|linux|simulated, --scenario FILE, --state FILE, --json\n"
                "(see portolan-cli --help); options may come before or after the command.\n";
        text += kExitCodeSummary;
        return text;
    }

    std::string text = "portolan-cli " PORTOLAN_VERSION
                       " - TCP/UDP port reservations from the command line\n\n";
    text += usageLine("");
    text += "\nCommands:\n";
    for (const auto& info : kCommands) {
        std::string synopsis(info.synopsis);
        if (info.command == Command::Probe) {
            // The three forms of probe read better on their own lines.
            text += "  probe                                  system check: bind, acquire and lookup\n"
                    "  probe acquire-release FAMILY TYPE PROTOCOL START COUNT\n"
                    "                                         the first sample program, step by step\n"
                    "  probe lookup-associate START COUNT     the second sample program, step by step\n";
            continue;
        }
        text += "  " + synopsis;
        if (synopsis.size() <= 37) {
            text += std::string(39 - synopsis.size(), ' ');
        } else {
            text += "\n" + std::string(41, ' ');
        }
        text += std::string(info.summary) + "\n";
    }
    text += "\n"
            "Options (before or after the command):\n"
            "  --backend windows|linux|simulated      the system to act on; default: the real one\n"
            "                                         of this OS (";
    text += std::string(defaultBackendKind());
    text += ")\n"
            "  --scenario FILE                        seed the simulated backend from a JSON\n"
            "                                         scenario (implies --backend simulated)\n"
            "  --state FILE                           where the simulated backend keeps its state\n"
            "                                         between runs (implies --backend simulated)\n"
            "  --json                                 print exactly one JSON object on stdout\n"
            "  -h, --help                             this help; COMMAND --help for one command\n"
            "  --version                              print the version\n"
            "  --                                     everything after it is an argument\n"
            "\n"
            "Arguments:\n"
            "  START   first port, 1-65535 (acquire: 0-65535, 0 = let the system choose)\n"
            "  COUNT   number of ports, 1-65535; the block must end at 65535 at the latest\n"
            "  Numbers are plain decimal digits: no sign, spaces, 0x or exponent.\n"
            "\n"
            "Exit codes:\n"
            "  0    success\n"
            "  1    usage: unknown command or option, bad argument, unusable --scenario or\n"
            "       --state file; nothing was changed\n"
            "  2    the operation failed: conflict, port in use or forbidden, I/O error, ...\n"
            "  3    not supported on this system\n"
            "  4    needs elevation: an elevated administrator (Windows) or root (Linux)\n"
            "  5    not found: no reservation with exactly this protocol, start and count\n"
            "  130  cancelled (Ctrl-C)\n";
    return text;
}

} // namespace portolan::cli
