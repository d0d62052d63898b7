// SPDX-License-Identifier: GPL-3.0-or-later
#include "commandline.h"

#include "argumentvalues.h"
#include "commandtable.h"

#include "platform/backendfactory.h"
#include "platform/dynamicrange.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <map>
#include <utility>

namespace portolan::cli {
namespace {

constexpr std::uint32_t kMaxHoldSeconds = 86400; // a day; Ctrl-C ends a hold early anyway
// The ports from 1024 up: suggest leaves the well-known ones out.
constexpr std::int64_t kMaxSuggestCount = 65535 - 1024 + 1;

std::string commandList()
{
    std::string text;
    for (const auto& spec : commandTable())
        text += (text.empty() ? "" : ", ") + std::string(spec.name);
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

template <typename T> T unwrap(Result<T> result, std::string_view command)
{
    if (!result.ok())
        reject(result.error().message, command);
    return std::move(result).value();
}

std::string quoted(std::string_view text)
{
    return "'" + std::string(text) + "'";
}

// "START: '70000' is out of range; allowed: 0-65535": the argument, its value, what is wrong.
[[noreturn]] void rejectValue(std::string_view name, std::string_view text,
                              std::string_view problem, std::string_view command)
{
    reject(std::string(name) + ": " + quoted(text) + " " + std::string(problem), command);
}

Protocol parseProtocolArg(std::string_view text, std::string_view name, std::string_view command)
{
    if (auto protocol = parseProtocol(text))
        return *protocol;
    rejectValue(name, text, "is not a protocol; allowed: tcp, udp", command);
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
        if (part.empty() || part.size() > 3 ||
            !std::all_of(part.begin(), part.end(), [](char c) { return c >= '0' && c <= '9'; }) ||
            std::stoi(std::string(part)) > 255)
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
std::uint16_t parseSampleNumber(std::string_view text, std::string_view name,
                                std::string_view command)
{
    auto number = unwrap(parseNumber(text, name), command);
    if (number > 65535)
        rejectValue(name, text, "is out of range; allowed: 0-65535", command);
    return static_cast<std::uint16_t>(number);
}

SocketType parseSocketTypeArg(std::string_view text, std::string_view name,
                              std::string_view command)
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
    rejectValue(name, text, "is not a socket type; allowed: stream, dgram, raw, 1, 2, 3", command);
}

int parseIpProtocolArg(std::string_view text, std::string_view name, std::string_view command)
{
    if (auto protocol = parseProtocol(text))
        return *protocol == Protocol::Tcp ? 6 : 17;
    auto number = parseNumber(text, name);
    if (!number.ok() || number.value() > 255)
        rejectValue(name, text,
                    "is not a protocol; allowed: tcp, udp, or a number 0-255 (6 = tcp, 17 = udp)",
                    command);
    return static_cast<int>(number.value());
}

// The options the table gives to commands ("--hold", "--address"), each once, in table order.
std::vector<const Argument*> commandOptions()
{
    std::vector<const Argument*> options;
    for (const auto& spec : commandTable()) {
        for (const auto& form : spec.forms) {
            for (const auto& argument : form.arguments) {
                bool seen = std::ranges::any_of(options, [&argument](const Argument* known) {
                    return known->option == argument.option;
                });
                if (!argument.option.empty() && !seen)
                    options.push_back(&argument);
            }
        }
    }
    return options;
}

std::string allowedOptions()
{
    std::string text = "--backend, --scenario, --state, --json, --help, --version";
    for (const Argument* option : commandOptions())
        text +=
            ", " + std::string(option->option) + " (" + commandsWithOption(option->option) + ")";
    return text;
}

struct RawOptions
{
    std::optional<std::string> backend, scenario, state;
    std::map<std::string, std::optional<std::string>, std::less<>> command; // the table's options
    bool json = false, help = false, version = false;
};

// pos[0..skip) are the command words; the form's positional arguments must follow.
void requireArgs(const std::vector<std::string>& pos, std::size_t skip, const std::string& label,
                 const Form& form)
{
    std::vector<const Argument*> required;
    std::size_t optional = 0;
    for (const auto& argument : form.arguments) {
        if (!argument.option.empty())
            continue;
        if (argument.optional)
            ++optional;
        else
            required.push_back(&argument);
    }
    std::size_t have = pos.size() - skip;
    if (have < required.size()) {
        const Argument& missing = *required[have];
        std::string what(missing.name);
        if (missing.synopsis != missing.name)
            what += " (" + std::string(missing.synopsis) + ")";
        reject(label + ": missing " + what, pos[0]);
    }
    if (have > required.size() + optional)
        reject(label + ": unexpected argument " + quoted(pos[skip + required.size() + optional]),
               pos[0]);
}

// The word after the command name picks the form; without one the plain form applies.
const Form& selectForm(const CommandSpec& spec, const std::vector<std::string>& pos)
{
    const Form* plain = nullptr;
    std::string words;
    for (const auto& form : spec.forms) {
        if (form.word.empty()) {
            plain = &form;
            continue;
        }
        if (pos.size() > 1 && pos[1] == form.word)
            return form;
        words += (words.empty() ? "" : ", ") + std::string(form.word);
    }
    // A plain form that takes arguments of its own ("dynamic-range tcp") reads what follows.
    const bool plainTakesArguments =
        plain && std::ranges::any_of(plain->arguments, [](const Argument& argument) {
            return argument.option.empty();
        });
    if (words.empty() || (plain && pos.size() == 1) || plainTakesArguments)
        return *plain;
    std::string allowed = words + (plain ? " (none for " + std::string(plain->title) + ")" : "");
    if (pos.size() == 1)
        reject(std::string(spec.name) + ": missing " + std::string(spec.formNoun) +
                   "; allowed: " + allowed,
               spec.name);
    rejectValue(spec.name, pos[1],
                "is not a " + std::string(spec.formNoun) + "; allowed: " + allowed, spec.name);
}

// Parses one argument of the form into the invocation; `text` is empty when it was not given.
// START is kept until its COUNT arrives: only the two together make a block.
class ArgumentParser
{
public:
    explicit ArgumentParser(Invocation& inv) : m_inv(inv), m_command(inv.commandName) {}

    void parse(const Argument& argument, const std::optional<std::string>& text);

private:
    Invocation& m_inv;
    const std::string& m_command;
    const Argument* m_start = nullptr;
    std::string m_startText;
};

void ArgumentParser::parse(const Argument& argument, const std::optional<std::string>& given)
{
    const std::string_view name = argument.name;
    if (!given) {
        if (argument.kind == ArgumentKind::Address)
            parse(argument, std::string(wildcardAddress(m_inv.family)));
        return; // everything else has its default in Invocation
    }
    const std::string& text = *given;
    switch (argument.kind) {
    case ArgumentKind::Protocol:
        m_inv.protocol = parseProtocolArg(text, name, m_command);
        break;
    case ArgumentKind::BlockStart:
    case ArgumentKind::RuntimeStart:
    case ArgumentKind::SampleStart:
        m_start = &argument;
        m_startText = text;
        break;
    case ArgumentKind::BlockCount: {
        auto kind = m_start && m_start->kind == ArgumentKind::RuntimeStart ? RangeKind::Runtime
                                                                           : RangeKind::Persistent;
        m_inv.range = unwrap(withArgumentNames(parsePortRange(m_startText, text, kind)), m_command);
        break;
    }
    case ArgumentKind::SampleCount: {
        auto start = parseSampleNumber(m_startText, m_start ? m_start->name : "START", m_command);
        m_inv.range = PortRange{start, parseSampleNumber(text, name, m_command)};
        break;
    }
    case ArgumentKind::Port:
        m_inv.port = unwrap(parsePort(text, name, true), m_command);
        break;
    case ArgumentKind::PortSpan: {
        auto span = unwrap(parsePortSpan(text, name), m_command);
        m_inv.first = span.start;
        m_inv.last = static_cast<std::uint16_t>(span.end());
        break;
    }
    case ArgumentKind::Address:
        m_inv.address = text;
        if (!looksLikeAddress(text, m_inv.family))
            rejectValue(name, text,
                        "is not an address; allowed: an IPv4 address (127.0.0.1) or an IPv6 "
                        "address (::1)",
                        m_command);
        break;
    case ArgumentKind::HoldSeconds: {
        auto seconds = unwrap(parseNumber(text, name), m_command);
        if (seconds > kMaxHoldSeconds)
            rejectValue(name, text,
                        std::string("is out of range; allowed: 0-") +
                            std::to_string(kMaxHoldSeconds),
                        m_command);
        m_inv.hold = true;
        m_inv.holdSeconds = static_cast<std::uint32_t>(seconds);
        break;
    }
    case ArgumentKind::Family: {
        auto family = parseAddressFamily(text);
        if (!family)
            rejectValue(name, text, "is not an address family; allowed: ipv4, ipv6, 2, 23",
                        m_command);
        m_inv.spec.family = *family;
        break;
    }
    case ArgumentKind::SocketType:
        m_inv.spec.type = parseSocketTypeArg(text, name, m_command);
        break;
    case ArgumentKind::IpProtocol:
        m_inv.spec.protocol = parseIpProtocolArg(text, name, m_command);
        break;
    case ArgumentKind::ScanSpec:
        m_inv.snapshotScan = unwrap(parseScanSpec(text, name), m_command);
        break;
    case ArgumentKind::InputFile:
        if (text.empty())
            reject(std::string(name) + ": the file name is empty; allowed: a file or -", m_command);
        m_inv.inputFile = text;
        break;
    case ArgumentKind::Flag:
        m_inv.checkOnly = true;
        break;
    case ArgumentKind::PortList:
        m_inv.watch = unwrap(parsePortList(text, name), m_command);
        break;
    case ArgumentKind::OutputFormat:
        if (text != "text" && text != "line")
            rejectValue(name, text, "is not a format; allowed: text, line", m_command);
        m_inv.lineFormat = text == "line";
        break;
    case ArgumentKind::Folder:
        m_inv.historyDir = text;
        break;
    case ArgumentKind::TargetPort:
        m_inv.port = unwrap(parsePort(text, name, false), m_command);
        break;
    case ArgumentKind::NearPort:
        m_inv.near = unwrap(parsePort(text, name, false), m_command);
        break;
    case ArgumentKind::SuggestCount: {
        auto count = unwrap(parseNumber(text, name), m_command);
        if (count < 1 || count > kMaxSuggestCount)
            rejectValue(name, text,
                        "is out of range; allowed: 1-" + std::to_string(kMaxSuggestCount),
                        m_command);
        m_inv.count = static_cast<std::uint16_t>(count);
        break;
    }
    case ArgumentKind::ServiceName: {
        const bool bad = text.size() > 256 || std::ranges::any_of(text, [](char c) {
                             return c == '/' || c == '\\' || static_cast<unsigned char>(c) < 0x20;
                         });
        if (bad)
            rejectValue(name, text,
                        "is not a service name; allowed: a service's key name such as winnat "
                        "(1-256 characters, no / or \\)",
                        m_command);
        m_inv.stopService = text;
        break;
    }
    case ArgumentKind::Consent:
        m_inv.yes = true;
        break;
    case ArgumentKind::JournalFile:
        if (text.back() == '/' || text.back() == '\\')
            rejectValue(name, text, "names a folder; allowed: a file", m_command);
        m_inv.journalFile = text;
        break;
    }
}

// Each system's own limits on the dynamic range, known from the backend the line selects, so
// that a refusal comes before any backend exists (the backends check them again).
void checkDynamicRangeLimits(const Invocation& inv)
{
    const std::string_view kind = inv.backend.empty() ? defaultBackendKind() : inv.backend;
    auto checked = kind == "linux" ? dynamicrange::checkLinux(inv.range.start, inv.range.count)
                                   : dynamicrange::checkWindows(inv.range.start, inv.range.count);
    if (!checked)
        unwrap(withArgumentNames(Result<PortRange>(checked.error())), inv.commandName);
}

void parseCommandArguments(Invocation& inv, const std::vector<std::string>& pos,
                           const RawOptions& options)
{
    const std::string& name = inv.commandName;
    const CommandSpec& spec = specFor(inv.command);
    for (const Argument* option : commandOptions()) {
        if (!options.command.contains(option->option))
            continue;
        if (!takesOption(spec, option->option))
            reject("option '" + std::string(option->option) + "' does not apply to '" + name +
                       "'; it belongs to: " + commandsWithOption(option->option),
                   name);
    }

    const Form& form = selectForm(spec, pos);
    const std::size_t skip = form.word.empty() ? 1 : 2;
    requireArgs(pos, skip, formLabel(spec, form), form);
    inv.plan = form.plan;
    inv.formWord = std::string(form.word);

    ArgumentParser parser(inv);
    std::size_t next = skip;
    for (const auto& argument : form.arguments) {
        std::optional<std::string> text;
        if (!argument.option.empty()) {
            if (auto it = options.command.find(argument.option); it != options.command.end())
                text = it->second;
        } else if (next < pos.size()) {
            text = pos[next++];
        }
        parser.parse(argument, text);
    }
    if (inv.command == Command::DynamicRange && !inv.formWord.empty())
        checkDynamicRangeLimits(inv);
}

ParseOutcome parseOrThrow(const std::vector<std::string>& args)
{
    RawOptions options;
    std::vector<std::string> positionals;
    bool endOfOptions = false;
    const std::vector<const Argument*> tableOptions = commandOptions();

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
            reject("option '" + std::string(option) +
                       "' needs a value; allowed: " + std::string(allowed),
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
        auto tableOption = std::ranges::find_if(
            tableOptions, [&name](const Argument* option) { return option->option == name; });
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
        } else if (tableOption != tableOptions.end() &&
                   ((*tableOption)->kind == ArgumentKind::Flag ||
                    (*tableOption)->kind == ArgumentKind::Consent)) {
            if (options.command.contains(name))
                reject("option '" + name + "' is given twice", "");
            bool given = false;
            flag(given);
            options.command[name] = "1";
        } else if (tableOption != tableOptions.end()) {
            takeValue(options.command[name], name, inlineValue, i, (*tableOption)->allowed);
        } else {
            reject("unknown option " + quoted(name) + "; allowed: " + allowedOptions(), "");
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
            reject("--backend: " + quoted(*options.backend) +
                       (known ? " is not available in this build" : " is not a backend") +
                       "; allowed: " + joinKinds(kinds),
                   "");
        }
        inv.backend = *options.backend;
    }
    if (options.scenario || options.state) {
        if (inv.backend.empty())
            inv.backend = "simulated";
        if (inv.backend != "simulated")
            reject(std::string(options.scenario ? "--scenario" : "--state") +
                       " applies only to the simulated backend; allowed with: --backend simulated",
                   "");
        inv.scenarioFile = options.scenario.value_or("");
        inv.stateFile = options.state.value_or("");
    }

    parseCommandArguments(inv, positionals, options);
    return ParseOutcome{inv, std::nullopt};
}

} // namespace

ParseOutcome parseCommandLine(const std::vector<std::string>& args)
{
    try {
        return parseOrThrow(args);
    } catch (const Rejected& rejected) {
        return ParseOutcome{std::nullopt, rejected.error};
    }
}

} // namespace portolan::cli
