// SPDX-License-Identifier: GPL-3.0-or-later
#include "commandtable.h"

#include "platform/backendfactory.h"

#include <algorithm>

#ifndef PORTOLAN_VERSION
#define PORTOLAN_VERSION "0.0.0"
#endif

namespace portolan::cli {
namespace {

using enum ArgumentKind;

// The usage lines made from these use exactly the words of docs/cli.md; scripts and the console
// are written against them.
constexpr Argument kProtocol{Protocol, "PROTOCOL", "tcp|udp"};
constexpr Argument kAnyProtocol{Protocol, "PROTOCOL", "tcp|udp", true};
constexpr Argument kAddress{.kind = Address,
                            .name = "--address ADDR",
                            .synopsis = "--address ADDR",
                            .optional = true,
                            .option = "--address",
                            .allowed = "an IPv4 or IPv6 address"};

constexpr Argument kListArgs[]{kAnyProtocol};
constexpr Argument kWhyArgs[]{kProtocol, {TargetPort, "PORT", "PORT"}, kAddress};
constexpr Argument kSuggestArgs[]{kProtocol,
                                  {SuggestCount, "COUNT", "COUNT"},
                                  {.kind = NearPort,
                                   .name = "--near PORT",
                                   .synopsis = "--near PORT",
                                   .optional = true,
                                   .option = "--near",
                                   .allowed = "PORT, 1-65535"}};
constexpr Argument kBlockArgs[]{
    kProtocol, {BlockStart, "START", "START"}, {BlockCount, "COUNT", "COUNT"}};
constexpr Argument kAcquireArgs[]{kProtocol,
                                  {RuntimeStart, "START", "START"},
                                  {BlockCount, "COUNT", "COUNT"},
                                  {.kind = HoldSeconds,
                                   .name = "--hold SECONDS",
                                   .synopsis = "--hold SECONDS",
                                   .optional = true,
                                   .option = "--hold",
                                   .allowed = "SECONDS, 0-86400"}};
constexpr Argument kBindArgs[]{kProtocol, kAddress, {Port, "PORT", "PORT"}};
constexpr Argument kScanArgs[]{kProtocol, kAddress, {PortSpan, "FIRST-LAST", "FIRST-LAST", true}};
constexpr Argument kAcquireReleaseArgs[]{{Family, "FAMILY", "FAMILY"},
                                         {SocketType, "TYPE", "TYPE"},
                                         {IpProtocol, "PROTOCOL", "PROTOCOL"},
                                         {SampleStart, "START", "START"},
                                         {SampleCount, "COUNT", "COUNT"}};
constexpr Argument kLookupAssociateArgs[]{{SampleStart, "START", "START"},
                                          {SampleCount, "COUNT", "COUNT"}};

constexpr Argument kSnapshotArgs[]{{.kind = ScanSpec,
                                    .name = "--scan",
                                    .synopsis = "--scan tcp|udp[:FIRST-LAST]",
                                    .optional = true,
                                    .option = "--scan",
                                    .allowed = "tcp|udp[:FIRST-LAST]"}};
constexpr Argument kApplyArgs[]{{InputFile, "FILE", "FILE|-"},
                                {.kind = Flag,
                                 .name = "--check",
                                 .synopsis = "--check",
                                 .optional = true,
                                 .option = "--check"}};
constexpr Argument kCheckArgs[]{{.kind = PortList,
                                 .name = "--watch",
                                 .synopsis = "--watch PORTS",
                                 .optional = true,
                                 .option = "--watch",
                                 .allowed = "PORTS, e.g. 3000,8080 or 3000-3010"},
                                {.kind = OutputFormat,
                                 .name = "--format",
                                 .synopsis = "--format text|line",
                                 .optional = true,
                                 .option = "--format",
                                 .allowed = "text, line"},
                                {.kind = Folder,
                                 .name = "--history",
                                 .synopsis = "--history DIR",
                                 .optional = true,
                                 .option = "--history",
                                 .allowed = "a folder"}};
constexpr Argument kProtectArgs[]{
    kProtocol,
    {BlockStart, "START", "START"},
    {BlockCount, "COUNT", "COUNT"},
    {.kind = ServiceName,
     .name = "--stop-service NAME",
     .synopsis = "--stop-service NAME",
     .optional = true,
     .option = "--stop-service",
     .allowed = "a service's name, e.g. winnat"},
    {.kind = Consent, .name = "--yes", .synopsis = "--yes", .optional = true, .option = "--yes"},
    {.kind = JournalFile,
     .name = "--journal FILE",
     .synopsis = "--journal FILE",
     .optional = true,
     .option = "--journal",
     .allowed = "a file"}};

constexpr Form kListForms[]{
    {.arguments = kListArgs, .summary = "reservations the backend can discover"}};
constexpr Form kCreateForms[]{
    {.arguments = kBlockArgs, .summary = "create a persistent reservation"}};
constexpr Form kLookupForms[]{
    {.arguments = kBlockArgs, .summary = "look up a persistent reservation and its token"}};
constexpr Form kDeleteForms[]{
    {.arguments = kBlockArgs, .summary = "delete a persistent reservation"}};
constexpr Form kAcquireForms[]{
    {.arguments = kAcquireArgs, .summary = "acquire a runtime reservation, hold it, release it"}};
constexpr Form kBindForms[]{
    {.arguments = kBindArgs, .summary = "one bind probe (PORT 0 = let the system choose)"}};
constexpr Form kScanForms[]{
    {.arguments = kScanArgs, .summary = "bind-probe every port of a range, in parallel"}};
constexpr Form kDynamicRangeForms[]{
    {.arguments = kListArgs,
     .summary = "the dynamic (ephemeral) port range",
     .title = "showing the range"},
    {.word = "set", .arguments = kBlockArgs, .summary = "move the dynamic range (elevated)"}};
constexpr Form kWhyForms[]{
    {.arguments = kWhyArgs, .summary = "why a bind fails, and the remedies, cheapest first"}};
constexpr Form kSuggestForms[]{
    {.arguments = kSuggestArgs, .summary = "the nearest block of free ports that will work"}};
constexpr Form kListenersForms[]{
    {.arguments = kListArgs, .summary = "listening sockets and their processes"}};
constexpr Form kProtectForms[]{
    {.arguments = kProtectArgs,
     .summary = "pin ports a service's block covers: stop, reserve, restart"}};
constexpr Form kProbeForms[]{
    {.summary = "system check: bind, acquire and lookup",
     .title = "the system check",
     .plan = ProbePlan::SystemCheck},
    {.word = "acquire-release",
     .arguments = kAcquireReleaseArgs,
     .summary = "the first sample program, step by step",
     .plan = ProbePlan::AcquireRelease},
    {.word = "lookup-associate",
     .arguments = kLookupAssociateArgs,
     .summary = "the second sample program, step by step",
     .plan = ProbePlan::LookupAssociate},
};

constexpr Form kSnapshotForms[]{
    {.arguments = kSnapshotArgs, .summary = "this host as one JSON document"}};
constexpr Form kApplyForms[]{
    {.arguments = kApplyArgs, .summary = "bring persistent reservations to a desired state"}};
constexpr Form kCheckForms[]{
    {.arguments = kCheckArgs, .summary = "watched ports and what moved since the last boot"}};

constexpr std::string_view kBlockArgumentsHelp =
    "  START   first port, 1-65535\n"
    "  COUNT   number of ports, 1-65535; the block must end at 65535 at the latest\n";

const CommandSpec kCommands[]{
    {Command::List, "list", kListForms,
     "Lists the reserved blocks the backend can discover: persistent reservations\n"
     "and, where the system shows them, runtime blocks held by services (Hyper-V's\n"
     "HNS, WinNAT, ...). Both protocols unless one is given.\n"
     "\n"
     "--json prints {\"ok\", \"reservations\": [{\"protocol\", \"start\", \"end\", \"count\",\n"
     "\"persistent\", \"token\", \"owner\", \"host\"}]}; tokens are decimal strings, \"0\"\n"
     "when the system has no token for the block.\n"},
    {Command::Create, "create", kCreateForms,
     "Creates a persistent reservation of COUNT ports from START and prints its token.\n"
     "Needs an elevated administrator on Windows, root on Linux.\n"
     "\n",
     kBlockArgumentsHelp},
    {Command::Lookup, "lookup", kLookupForms,
     "Looks up the persistent reservation made with exactly this START and COUNT (never\n"
     "a part of a block) and prints its token. Tokens may change at every restart.\n"
     "\n",
     kBlockArgumentsHelp},
    {Command::Delete, "delete", kDeleteForms,
     "Deletes the persistent reservation made with exactly this START and COUNT.\n"
     "Needs an elevated administrator on Windows, root on Linux.\n"
     "\n",
     kBlockArgumentsHelp},
    {Command::Acquire, "acquire", kAcquireForms,
     "Acquires a runtime reservation (SIO_ACQUIRE_PORT_RESERVATION) of COUNT ports\n"
     "from START, prints the granted range and token, keeps it for SECONDS (default 0)\n"
     "and releases it. A runtime reservation lives only as long as this process:\n"
     "Ctrl-C releases it early (exit code 130).\n"
     "\n"
     "  START     first port, 0-65535; 0 lets the system choose the block\n"
     "  COUNT     number of ports, 1-65535; the block must end at 65535 at the latest\n"
     "  --hold SECONDS   how long to keep the reservation, 0-86400 (default 0)\n"},
    {Command::Bind, "bind", kBindForms,
     "Opens a socket, binds it to ADDR:PORT, reports the outcome (free, in-use,\n"
     "denied, forbidden, other) with the native error and who holds the port when\n"
     "known, and closes the socket again. Exit code 0 only when the bind succeeded.\n"
     "On the wildcard address the bind is exclusive (SO_EXCLUSIVEADDRUSE): it fails\n"
     "whenever anything holds the port. On an address you choose it binds as a plain\n"
     "program does and names a wildcard listener that shadows the port.\n"
     "\n"
     "  PORT           0-65535; 0 lets the system choose a port\n"
     "  --address ADDR default 0.0.0.0; an address with a colon is IPv6 (e.g. ::1)\n"},
    {Command::Scan, "scan", kScanForms,
     "Bind-probes every port of FIRST-LAST on ADDR on all cores and prints the runs\n"
     "of ports with the same outcome, native code and holder, then a summary.\n"
     "Progress goes to stderr when it is a terminal. Ctrl-C stops the scan and prints\n"
     "the partial result (exit code 130). By default it answers \"could a server take\n"
     "this port?\": exclusive binds to the wildcard address, as bind does.\n"
     "\n"
     "  FIRST-LAST     ports to probe, 1-65535, or a single port N (default 1-65535)\n"
     "  --address ADDR default 0.0.0.0; an address with a colon is IPv6 (e.g. ::1)\n"},
    {Command::DynamicRange,
     "dynamic-range",
     kDynamicRangeForms,
     "Prints the dynamic (ephemeral) port range the system assigns ports from, for\n"
     "both protocols unless one is given.\n"
     "\n"
     "dynamic-range set PROTOCOL START COUNT\n"
     "  Moves the range to COUNT ports from START. Windows: IPv4 and IPv6 together\n"
     "  (netsh int ipv4|ipv6 set dynamicport), START 1025-65535, COUNT 255 or more;\n"
     "  Windows' default is 49152 16384. Linux: net.ipv4.ip_local_port_range, one\n"
     "  range for TCP and UDP, so either protocol sets both; START 1 or more, COUNT 2\n"
     "  or more. Needs an elevated administrator (Windows) or root (Linux). Services\n"
     "  take their blocks again at the next boot, so blocks may move then.\n",
     {},
     "sub-command"},
    {Command::Why, "why", kWhyForms,
     "Bind-probes ADDR:PORT as a server would (exclusive on the wildcard) and says\n"
     "why it fails: the reserved block covering the port with its owner and the\n"
     "evidence, the listener and its process, another account's or an exclusive\n"
     "socket, or the dynamic range. Then the remedies, cheapest first, each with\n"
     "what it costs: the nearest free port (confirmed by a bind probe), a persistent\n"
     "reservation made while the owner is stopped (portolan-cli protect), moving\n"
     "the dynamic range, stopping the service or program. Exit code 0 when the\n"
     "explanation was made, whatever the bind's outcome (--json: \"cause\").\n"
     "\n"
     "  PORT           1-65535\n"
     "  --address ADDR default 0.0.0.0; an address with a colon is IPv6 (e.g. ::1)\n"},
    {Command::Suggest, "suggest", kSuggestForms,
     "Finds the block of COUNT consecutive ports nearest to PORT that no reservation\n"
     "covers, outside the dynamic range and the well-known ports (below 1024), with\n"
     "no listener, and confirms it with a bind probe of every port of the block.\n"
     "Exit code 0 with the block, 2 when no block fits.\n"
     "\n"
     "  COUNT          ports in the block, 1-64512\n"
     "  --near PORT    1-65535; default 1024 (the lowest block)\n"},
    {Command::Listeners, "listeners", kListenersForms,
     "Lists the sockets listening (TCP) or bound (UDP) on this system with their\n"
     "process, when the system tells.\n"},
    {Command::Probe,
     "probe",
     kProbeForms,
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
     "other values reach the system, which answers with its own error.\n",
     {},
     "probe plan"},
    {Command::Snapshot, "snapshot", kSnapshotForms,
     "Prints this host as one JSON document (schema portolan-host-snapshot, version 1,\n"
     "resources/schemas/snapshot.schema.json): host name, system, backend, elevation,\n"
     "boot time, dynamic ranges, persistent reservations with their tokens (decimal\n"
     "strings), runtime blocks with owner and evidence, listeners, and with --scan the\n"
     "runs of a scan. The document goes to stdout, always; diagnostics go to stderr.\n"
     "\n"
     "  --scan tcp|udp[:FIRST-LAST]  also bind-probe these ports (default 1-65535)\n"},
    {Command::Apply, "apply", kApplyForms,
     "Brings the persistent reservations to the desired state in FILE (\"-\": standard\n"
     "input), {\"reservations\": [{\"protocol\", \"start\", \"count\", \"state\":\n"
     "\"present\"|\"absent\"}]} (resources/schemas/apply.schema.json). Creates and deletes\n"
     "only what differs; creates run first, deletes only when every create succeeded,\n"
     "and a refusal undoes what the run did. Prints one JSON object on stdout, always:\n"
     "{\"ok\", \"changed\", \"check\", \"actions\": [...], \"unchanged\": [...]}.\n"
     "Exit code 0 whether or not something changed (read \"changed\").\n"
     "\n"
     "  --check   print what would be done and change nothing\n"},
    {Command::Check, "check", kCheckForms,
     "Compares this boot with the previous one and checks the watched ports. Each new\n"
     "boot's snapshot is kept in the history folder (default: %LOCALAPPDATA%\\Portolan\\\n"
     "boots on Windows, $XDG_STATE_HOME/portolan/boots elsewhere). Reports the blocks\n"
     "that appeared, moved or vanished since the previous boot and each watched port\n"
     "that is not free: exit code 0 when every watched port is free or pinned by a\n"
     "persistent reservation, 1 when one is not.\n"
     "\n"
     "  --watch PORTS    ports to check, comma-separated: 3000,8080 or 3000-3010\n"
     "  --format line    one line of at most 2048 characters (remediation scripts)\n"
     "  --history DIR    where the boot snapshots are kept\n"},
    {Command::Protect, "protect", kProtectForms,
     "Pins COUNT ports from START with a persistent reservation when a service's\n"
     "runtime block (WinNAT, the Host Network Service) covers them: stops the service,\n"
     "creates the reservation, starts the service again and verifies that the\n"
     "reservation stands, that the service runs and where its blocks went. If the\n"
     "create fails, the service is started again anyway.\n"
     "\n"
     "Without --yes it prints the plan, the covering block and what stopping the\n"
     "service breaks, and changes nothing. When a service's block covers the ports,\n"
     "--stop-service must name that service. Each step is one line of the audit\n"
     "journal, which the console imports into its audit log. Needs an elevated\n"
     "administrator; on Linux it is not supported (no service holds port blocks).\n"
     "\n",
     "  START   first port, 1-65535\n"
     "  COUNT   number of ports, 1-65535; the block must end at 65535 at the latest\n"
     "  --stop-service NAME   the service to stop while the reservation is created\n"
     "  --yes                 do it (without it: only the plan)\n"
     "  --journal FILE        the audit journal; default $PORTOLAN_AUDIT_JOURNAL, else\n"
     "                        %LOCALAPPDATA%\\Portolan\\audit-journal.jsonl or\n"
     "                        $XDG_STATE_HOME/portolan/audit-journal.jsonl\n"},
};

constexpr std::string_view kExitCodeSummary =
    "Exit codes: 0 success, 1 usage, 2 failed, 3 not supported on this system,\n"
    "4 needs elevation/root, 5 not found, 130 cancelled (portolan-cli --help).\n";

std::string argumentsSynopsis(const Form& form)
{
    std::string text;
    for (const auto& argument : form.arguments) {
        text += ' ';
        text += argument.optional ? "[" + std::string(argument.synopsis) + "]"
                                  : std::string(argument.synopsis);
    }
    return text;
}

// One line of the global help's command list: the synopsis, then the summary in a column.
std::string commandLine(std::string synopsis, std::string_view summary)
{
    constexpr std::size_t kColumn = 39;
    std::string line = "  " + synopsis;
    if (synopsis.size() + 2 <= kColumn)
        line += std::string(kColumn - synopsis.size(), ' ');
    else
        line += "\n" + std::string(kColumn + 2, ' ');
    return line + std::string(summary) + "\n";
}

} // namespace

std::span<const CommandSpec> commandTable()
{
    return kCommands;
}

const CommandSpec* findCommand(std::string_view name)
{
    for (const auto& spec : kCommands) {
        if (spec.name == name)
            return &spec;
    }
    return nullptr;
}

const CommandSpec& specFor(Command command)
{
    for (const auto& spec : kCommands) {
        if (spec.command == command)
            return spec;
    }
    return kCommands[0];
}

std::string formLabel(const CommandSpec& spec, const Form& form)
{
    return form.word.empty() ? std::string(spec.name)
                             : std::string(spec.name) + " " + std::string(form.word);
}

std::string synopsis(const CommandSpec& spec)
{
    std::string text(spec.name);
    std::string words;
    for (const auto& form : spec.forms) {
        if (form.word.empty()) {
            text += argumentsSynopsis(form);
        } else {
            words += words.empty() ? "" : " | ";
            words += std::string(form.word) + argumentsSynopsis(form);
        }
    }
    if (!words.empty())
        text += " [" + words + "]";
    return text;
}

bool takesOption(const CommandSpec& spec, std::string_view option)
{
    return std::ranges::any_of(spec.forms, [option](const Form& form) {
        return std::ranges::any_of(form.arguments, [option](const Argument& argument) {
            return argument.option == option;
        });
    });
}

std::string commandsWithOption(std::string_view option)
{
    std::string text;
    for (const auto& spec : kCommands) {
        if (takesOption(spec, option))
            text += (text.empty() ? "" : ", ") + std::string(spec.name);
    }
    return text;
}

std::optional<Command> commandFromName(std::string_view name)
{
    if (const auto* spec = findCommand(name))
        return spec->command;
    return std::nullopt;
}

std::string_view commandName(Command command)
{
    return command == Command::None ? std::string_view{} : specFor(command).name;
}

std::string versionText()
{
    return "portolan-cli " PORTOLAN_VERSION "\n";
}

std::string usageLine(std::string_view command)
{
    if (const auto* spec = findCommand(command))
        return "usage: portolan-cli [OPTIONS] " + synopsis(*spec) + "\n";
    return "usage: portolan-cli [OPTIONS] COMMAND [ARGUMENTS]\n";
}

std::string helpText(std::string_view command)
{
    if (const auto* spec = findCommand(command)) {
        std::string text = usageLine(command);
        text += "\n";
        text += spec->description;
        text += spec->argumentHelp;
        text +=
            "\nOptions: --backend windows|linux|simulated, --scenario FILE, --state FILE, --json\n"
            "(see portolan-cli --help); options may come before or after the command.\n";
        text += kExitCodeSummary;
        return text;
    }

    std::string text =
        "portolan-cli " PORTOLAN_VERSION " - TCP/UDP port reservations from the command line\n\n";
    text += usageLine("");
    text += "\nCommands:\n";
    for (const auto& spec : kCommands) {
        if (spec.forms.size() == 1) {
            text += commandLine(synopsis(spec), spec.forms.front().summary);
            continue;
        }
        // A command with several forms reads better with each form on its own line.
        for (const auto& form : spec.forms)
            text += commandLine(formLabel(spec, form) + argumentsSynopsis(form), form.summary);
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
