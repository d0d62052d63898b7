// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "commandtable.h"

#include <algorithm>
#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

// The bad-input matrix of portolan-cli, made from the command table (app/cli/commandtable.cpp):
// for every command and every one of its arguments, the values of that kind of argument that
// must be refused, plus a missing and a surplus argument and the options of other commands.
// A command added to the table is covered without a change here; a new kind of argument needs
// its values below (badinput_test.cpp fails until it has them). badLinesByHand() adds what no
// table makes. badinput_test.cpp runs the lines in-process, badinput_exe_test.cpp through the
// executable.
namespace portolan::cli::test {

// A bad command line and what the error says.
struct BadLine
{
    std::string name;              // for the test report: "create START '0'"
    std::vector<std::string> args; // without --scenario/--state
    std::string message;           // a part of the error message
    std::string usage;             // the command whose usage line is shown ("" = the global one)
};

struct BadValue
{
    std::string value;
    std::string message; // a part of the error message
};

// A value an argument accepts, and values it must refuse.
struct ArgumentValues
{
    std::string valid;
    std::vector<BadValue> bad;
};

// START of a valid line; COUNT 65535 then runs past port 65535 by this much.
inline constexpr std::string_view kValidStart = "40000";

// What every number argument refuses: only plain decimal digits are numbers.
inline std::vector<BadValue> badNumbers(const std::string& name)
{
    const std::string notDecimal = "' is not a whole decimal number; allowed: digits 0-9 only";
    std::vector<BadValue> bad;
    for (std::string text : {"abc", "1e3", "0x50", " 5", "5 ", "-1", "+5", "1.5",
                             "\xEF\xBC\x95" /* U+FF15 FULLWIDTH DIGIT FIVE */})
        bad.push_back({text, name + ": '" + text + notDecimal});
    bad.push_back({"", name + ": a number is required; allowed: decimal digits 0-9"});
    bad.push_back({"99999999999999999999",
                   name + ": '99999999999999999999' is far too large; allowed: up to 65535"});
    return bad;
}

inline std::vector<BadValue> badWords(const std::string& name,
                                      std::initializer_list<std::string> values,
                                      const std::string& problem)
{
    std::vector<BadValue> bad;
    for (const auto& value : values)
        bad.push_back({value, name + ": '" + value + "' " + problem});
    return bad;
}

inline std::vector<BadValue> plus(std::vector<BadValue> bad, std::vector<BadValue> more)
{
    bad.insert(bad.end(), more.begin(), more.end());
    return bad;
}

// tests/cli/data/apply-<name>.json
inline std::string desiredStateFile(const std::string& name)
{
    return std::string(PORTOLAN_SOURCE_DIR) + "/tests/cli/data/apply-" + name + ".json";
}

// Empty `bad` for a kind nobody has described yet.
inline ArgumentValues valuesFor(const Argument& argument)
{
    const std::string name(argument.name);
    const std::string start(kValidStart);
    switch (argument.kind) {
    case ArgumentKind::Protocol:
        return {"tcp", badWords(name, {"sctp", "icmp", "", "tcp6"},
                                "is not a protocol; allowed: tcp, udp")};
    case ArgumentKind::BlockStart:
        return {start, plus({{"0", name + ": 0 is out of range; allowed: 1-65535"},
                             {"65536", name + ": 65536 is out of range; allowed: 1-65535"}},
                            badNumbers(name))};
    case ArgumentKind::RuntimeStart:
        return {start, plus({{"65536", name + ": 65536 is out of range; allowed: 0-65535"}},
                            badNumbers(name))};
    case ArgumentKind::BlockCount:
        // Valid for a reservation and for a dynamic range under either system's limits (netsh
        // takes at least 255 ports).
        return {"300", plus({{"0", name + ": 0 is out of range; allowed: 1-65535"},
                            {"70000", name + ": 70000 is out of range; allowed: 1-65535"},
                            {"65535", name + ": the block 40000-105534 runs past port 65535; "
                                             "allowed: count at most 25536 for start 40000"}},
                           badNumbers(name))};
    case ArgumentKind::Port:
        return {"80", plus({{"65536", name + ": '65536' is out of range; allowed: 0-65535"}},
                           badNumbers(name))};
    case ArgumentKind::PortSpan:
        return {"10-20",
                {{"0-10", name + " (first port): '0' is out of range; allowed: 1-65535"},
                 {"1-65536", name + " (last port): '65536' is out of range; allowed: 1-65535"},
                 {"20-10", name + ": '20-10' ends before it starts; allowed: FIRST-LAST with "
                                  "FIRST <= LAST, both 1-65535"},
                 {"1-", name + " (last port): a number is required"},
                 {"abc", name + ": 'abc' is not a whole decimal number; allowed: digits 0-9 only"},
                 {"", name + ": a number is required; allowed: decimal digits 0-9"}}};
    case ArgumentKind::Address:
        return {"127.0.0.1",
                badWords(name, {"localhost", "300.1.1.1", "1.2.3", "1.2.3.4.5", "::g"},
                         "is not an address; allowed: an IPv4 address (127.0.0.1) or an IPv6 "
                         "address (::1)")};
    case ArgumentKind::HoldSeconds:
        return {"0", plus({{"90000", name + ": '90000' is out of range; allowed: 0-86400"}},
                          badNumbers(name))};
    case ArgumentKind::Family:
        return {"ipv4", badWords(name, {"ipx", "3", "", "IPv4x"},
                                 "is not an address family; allowed: ipv4, ipv6, 2, 23")};
    case ArgumentKind::SocketType:
        return {"stream", badWords(name, {"seqpacket", "4", "0", ""},
                                   "is not a socket type; allowed: stream, dgram, raw, 1, 2, 3")};
    case ArgumentKind::IpProtocol:
        return {"tcp", badWords(name, {"sctp", "256", "-1", ""},
                                "is not a protocol; allowed: tcp, udp, or a number 0-255 "
                                "(6 = tcp, 17 = udp)")};
    case ArgumentKind::SampleStart:
    case ArgumentKind::SampleCount:
        return {"10", plus({{"70000", name + ": '70000' is out of range; allowed: 0-65535"}},
                           badNumbers(name))};
    case ArgumentKind::ScanSpec:
        return {"tcp:1000-1010",
                {{"sctp", name + ": 'sctp' is not a protocol; allowed: tcp, udp"},
                 {"tcp:0-10", name + " (first port): '0' is out of range; allowed: 1-65535"},
                 {"udp:20-10", name + ": '20-10' ends before it starts"},
                 {"tcp:", name + ": a number is required"}}};
    case ArgumentKind::InputFile:
        return {
            desiredStateFile("valid"),
            {{desiredStateFile("missing"), "FILE: the desired state "},
             {desiredStateFile("truncated"),
              "FILE " + desiredStateFile("truncated") + ": (document): line 1, column"},
             {desiredStateFile("no-reservations"),
              "FILE " + desiredStateFile("no-reservations") +
                  ": reservation: unknown field; allowed: reservations"},
             {desiredStateFile("bad-protocol"),
              "FILE " + desiredStateFile("bad-protocol") +
                  ": reservations[0].protocol: \"sctp\" is not allowed; allowed: \"tcp\", \"udp\""},
             {desiredStateFile("bad-start"),
              "FILE " + desiredStateFile("bad-start") +
                  ": reservations[0].start: 0 is out of range; allowed: an integer 1-65535"},
             {desiredStateFile("past-65535"),
              "FILE " + desiredStateFile("past-65535") +
                  ": reservations[0]: the block 65530-65539 runs past 65535"},
             {desiredStateFile("bad-state"),
              "FILE " + desiredStateFile("bad-state") +
                  ": reservations[0].state: \"gone\" is not allowed; allowed: \"present\", "
                  "\"absent\""},
             {desiredStateFile("unknown-field"),
              "FILE " + desiredStateFile("unknown-field") +
                  ": reservations[0].note: unknown field; allowed: protocol, start, count, state"},
             {desiredStateFile("overlap"),
              "FILE " + desiredStateFile("overlap") +
                  ": reservations[1]: udp 41005 overlaps reservations[0] (udp 41000-41009)"}}};
    case ArgumentKind::Flag:
        return {};
    case ArgumentKind::PortList:
        return {"3000,8080",
                {{"abc", name + ": 'abc' is not a whole decimal number"},
                 {"0", name + ": '0' is out of range; allowed: 1-65535"},
                 {"65536", name + ": '65536' is out of range"},
                 {"3000,", name + ": '3000,' has an empty entry"},
                 {"3000,,8080", name + ": '3000,,8080' has an empty entry"},
                 {"3010-3000", name + ": '3010-3000' ends before it starts"}}};
    case ArgumentKind::OutputFormat:
        return {"line",
                badWords(name, {"json", "csv", "LINE"}, "is not a format; allowed: text, line")};
    case ArgumentKind::Folder:
        return {"boots", {}};
    case ArgumentKind::TargetPort:
    case ArgumentKind::NearPort:
        return {"3000", plus({{"0", name + ": '0' is out of range; allowed: 1-65535"},
                              {"65536", name + ": '65536' is out of range; allowed: 1-65535"}},
                             badNumbers(name))};
    case ArgumentKind::SuggestCount:
        return {"10", plus({{"0", name + ": '0' is out of range; allowed: 1-64512"},
                            {"64513", name + ": '64513' is out of range; allowed: 1-64512"}},
                           badNumbers(name))};
    case ArgumentKind::ServiceName:
        return {"winnat", badWords(name, {"a/b", "win\\nat", "tab\there", std::string(257, 's')},
                                   "is not a service name; allowed: a service's key name")};
    case ArgumentKind::Consent: // a flag: the bad "value" is one given with '='
        return {"", {{"no", "option '" + std::string(argument.option) + "' takes no value"}}};
    case ArgumentKind::JournalFile:
        return {"journal.jsonl",
                badWords(name, {"logs/", "logs\\"}, "names a folder; allowed: a file")};
    }
    return {};
}

// The command words of a form and its arguments, each at its valid value; options last.
inline std::vector<std::string> validLine(const CommandSpec& spec, const Form& form)
{
    std::vector<std::string> args{std::string(spec.name)};
    if (!form.word.empty())
        args.emplace_back(form.word);
    std::vector<std::string> options;
    for (const auto& argument : form.arguments) {
        if (argument.option.empty()) {
            args.push_back(valuesFor(argument).valid);
        } else {
            options.emplace_back(argument.option);
            if (argument.kind != ArgumentKind::Flag &&
                argument.kind != ArgumentKind::Consent)
                options.push_back(valuesFor(argument).valid);
        }
    }
    args.insert(args.end(), options.begin(), options.end());
    return args;
}

inline bool hasWords(const CommandSpec& spec)
{
    return std::ranges::any_of(spec.forms, [](const Form& form) { return !form.word.empty(); });
}

// A plain form with positional arguments reads an unknown word as its first argument.
inline bool takesPositionals(const Form& form)
{
    return std::ranges::any_of(form.arguments,
                               [](const Argument& argument) { return argument.option.empty(); });
}

inline std::vector<BadLine> badLinesFromTable()
{
    std::vector<BadLine> lines;
    std::vector<const Argument*> options;
    for (const auto& spec : commandTable()) {
        const std::string command(spec.name);
        for (const auto& form : spec.forms) {
            const std::string label = formLabel(spec, form);
            const std::size_t words = form.word.empty() ? 1 : 2;
            const std::vector<std::string> valid = validLine(spec, form);
            std::size_t position = words;
            for (const auto& argument : form.arguments) {
                const bool option = !argument.option.empty();
                if (option && std::ranges::none_of(options, [&argument](const Argument* known) {
                        return known->option == argument.option;
                    }))
                    options.push_back(&argument);
                for (const auto& bad : valuesFor(argument).bad) {
                    // An empty option value is refused before the command is known.
                    if (option && bad.value.empty())
                        continue;
                    std::vector<std::string> args = valid;
                    if (option && argument.kind == ArgumentKind::Consent) {
                        // A flag given a value is refused before the command is known.
                        auto at = std::ranges::find(args, argument.option);
                        *at = std::string(argument.option) + "=" + bad.value;
                        lines.push_back({label + " " + std::string(argument.name) + "=" + bad.value,
                                         args, bad.message, ""});
                        continue;
                    }
                    if (option) {
                        auto at = std::ranges::find(args, argument.option);
                        *(at + 1) = bad.value;
                    } else {
                        args[position] = bad.value;
                    }
                    lines.push_back(
                        {label + " " + std::string(argument.name) + " '" + bad.value + "'", args,
                         bad.message, command});
                }
                if (option)
                    continue;
                if (!argument.optional) {
                    std::vector<std::string> args(valid.begin(), valid.begin() + position);
                    lines.push_back({label + " without " + std::string(argument.name), args,
                                     label + ": missing " + std::string(argument.name), command});
                }
                ++position;
            }
            if (form.word.empty() && hasWords(spec) && !takesPositionals(form)) {
                lines.push_back({label + " with an unknown word",
                                 {command, "surplus"},
                                 label + ": 'surplus' is not a " + std::string(spec.formNoun),
                                 command});
            } else {
                std::vector<std::string> args = valid;
                args.emplace_back("surplus");
                lines.push_back({label + " with a surplus argument", args,
                                 label + ": unexpected argument 'surplus'", command});
            }
        }
    }
    // Each option given to a command that does not take it.
    for (const Argument* option : options) {
        for (const auto& spec : commandTable()) {
            if (takesOption(spec, option->option))
                continue;
            std::vector<std::string> args = validLine(spec, spec.forms.front());
            args.emplace_back(option->option);
            if (option->kind != ArgumentKind::Flag &&
                option->kind != ArgumentKind::Consent)
                args.push_back(valuesFor(*option).valid);
            lines.push_back({std::string(spec.name) + " with " + std::string(option->option), args,
                             "option '" + std::string(option->option) + "' does not apply to '" +
                                 std::string(spec.name) + "'; it belongs to: ",
                             std::string(spec.name)});
        }
    }
    return lines;
}

// Lines the table cannot make: no or an unknown command, the global options, empty option
// values, and combinations of arguments the matrix holds at fixed values.
inline std::vector<BadLine> badLinesByHand()
{
    return {
        {"create: block past 65535",
         {"create", "tcp", "65000", "1000"},
         "COUNT: the block 65000-65999 runs past port 65535",
         "create"},
        {"lookup: block past 65535",
         {"lookup", "udp", "65535", "2"},
         "COUNT: the block 65535-65536 runs past port 65535",
         "lookup"},
        {"acquire: START 0 COUNT 0",
         {"acquire", "tcp", "0", "0"},
         "COUNT: 0 is out of range; allowed: 1-65535",
         "acquire"},
        {"unknown command",
         {"frobnicate"},
         "unknown command 'frobnicate'; allowed: list, create, lookup, delete",
         ""},
        {"command in capitals", {"LIST"}, "unknown command 'LIST'", ""},
        {"no command", {}, "no command given; allowed: list, create", ""},
        {"unknown option",
         {"list", "--frob"},
         "unknown option '--frob'; allowed: --backend, --scenario",
         ""},
        {"--json with a value", {"list", "--json=yes"}, "option '--json' takes no value", ""},
        {"--backend without a value",
         {"list", "--backend"},
         "option '--backend' needs a value; allowed: windows, linux, simulated",
         ""},
        {"unknown backend",
         {"--backend", "beos", "list"},
         "--backend: 'beos' is not a backend; allowed: ",
         ""},
        {"--backend twice",
         {"--backend", "simulated", "--backend", "simulated", "list"},
         "option '--backend' is given twice",
         ""},
        {"--hold without a value",
         {"acquire", "tcp", "0", "10", "--hold"},
         "option '--hold' needs a value",
         ""},
        {"--hold twice",
         {"acquire", "tcp", "0", "10", "--hold", "1", "--hold=2"},
         "option '--hold' is given twice",
         ""},
        {"--hold empty",
         {"acquire", "tcp", "0", "10", "--hold="},
         "--hold: the value is empty; allowed: SECONDS, 0-86400",
         ""},
        {"--address empty",
         {"bind", "tcp", "--address", "", "80"},
         "--address: the value is empty; allowed: an IPv4 or IPv6 address",
         ""},
        {"--address before the port",
         {"bind", "tcp", "--address", "localhost", "80"},
         "--address ADDR: 'localhost' is not an address; allowed: an IPv4 address",
         "bind"},
        {"--check with a value",
         {"apply", desiredStateFile("valid"), "--check=yes"},
         "option '--check' takes no value",
         ""},
        {"--check twice",
         {"apply", desiredStateFile("valid"), "--check", "--check"},
         "option '--check' is given twice",
         ""},
        {"apply with an empty FILE", {"apply", ""}, "FILE: the file name is empty", "apply"},
        {"dynamic-range set: START below netsh's limit",
         {"dynamic-range", "set", "tcp", "1024", "16384"},
         "START: 1024 is out of range; allowed: 1025-65535",
         "dynamic-range"},
        {"dynamic-range set: COUNT below netsh's limit",
         {"dynamic-range", "set", "udp", "49152", "254"},
         "COUNT: 254 is out of range; allowed: 255-64511",
         "dynamic-range"},
        {"--near without a value",
         {"suggest", "tcp", "10", "--near"},
         "option '--near' needs a value; allowed: PORT, 1-65535",
         ""},
        {"probe plan without its arguments",
         {"probe", "acquire-release"},
         "probe acquire-release: missing FAMILY",
         "probe"},
    };
}

} // namespace portolan::cli::test
