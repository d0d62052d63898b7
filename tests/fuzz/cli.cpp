// SPDX-License-Identifier: GPL-3.0-or-later
// Fuzz target: portolan-cli's command line. Input: one argument per line. Whatever parses is
// run in-process against a simulated machine in memory, so that no file and no real port
// is touched; the --scenario/--state values reach the factory and are ignored there.
#include "fuzzcheck.h"

#include "cli.h"
#include "commandline.h"

#include "platform/jsonvalue.h"
#include "platform/simulated/simulatedbackend.h"

#include <sstream>
#include <string>
#include <vector>

namespace {

// A developer's machine: blocks of both kinds and listeners, so commands meet conflicts.
constexpr std::string_view kScenario = R"({
  "schema": 1,
  "name": "fuzz",
  "elevated": true,
  "bootTime": "2025-03-10T08:02:41Z",
  "addresses": ["192.168.1.42", "fe80::1"],
  "persistent": [ { "protocol": "tcp", "start": 5037, "count": 1 },
                  { "protocol": "udp", "start": 8000, "count": 10 } ],
  "runtime": [ { "protocol": "tcp", "start": 2869, "count": 500, "owner": "WinNAT", "pid": 4 } ],
  "listeners": [ { "protocol": "tcp", "address": "0.0.0.0", "port": 135, "pid": 1060 },
                 { "protocol": "udp", "address": "::", "port": 5353 } ]
})";

constexpr std::size_t kMaxArguments = 24;

// --json before "--" asks for JSON even on a command line that is refused.
bool asksForJson(const std::vector<std::string>& args)
{
    for (const auto& arg : args) {
        if (arg == "--")
            return false;
        if (arg == "--json")
            return true;
    }
    return false;
}
constexpr std::uint32_t kMaxScannedPorts = 512; // keeps one input well under a millisecond

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    using namespace portolan;
    using namespace portolan::cli;
    std::vector<std::string> args;
    for (std::string_view piece : fuzz::split(fuzz::asText(data, size), '\n')) {
        if (args.size() == kMaxArguments)
            break;
        args.emplace_back(piece);
    }

    const ParseOutcome outcome = parseCommandLine(args);
    FUZZ_CHECK(outcome.invocation.has_value() != outcome.error.has_value());
    if (outcome.error) {
        FUZZ_CHECK(!outcome.error->message.empty());
        (void)usageLine(outcome.error->command);
    }
    if (outcome.invocation) {
        const Invocation& inv = *outcome.invocation;
        if (inv.hold || inv.holdSeconds > 0)
            return 0; // waits for the clock by design
        if (inv.command == Command::Scan &&
            std::uint32_t(inv.last) - inv.first + 1 > kMaxScannedPorts)
            return 0;
    }

    Environment environment;
    environment.makeBackend =
        [](const BackendOptions& options) -> Result<std::unique_ptr<Backend>> {
        if (!options.kind.empty() && options.kind != "simulated")
            return Error::make(ErrorKind::InvalidArgument, "backend: not simulated");
        auto backend = SimulatedBackend::fromScenarioText(kScenario);
        FUZZ_CHECK(backend.ok());
        return std::unique_ptr<Backend>(std::move(backend).value());
    };
    std::ostringstream out;
    std::ostringstream err;
    const int code = runCli(args, out, err, environment);
    FUZZ_CHECK(code >= 0 && code <= 5);
    if (outcome.error)
        FUZZ_CHECK(code == kExitUsage);

    // A --json run prints exactly one JSON object, whatever happened (help and version aside).
    const bool helpOrVersion =
        outcome.invocation && (outcome.invocation->help || outcome.invocation->version);
    if (asksForJson(args) && !helpOrVersion) {
        const std::string text = out.str();
        FUZZ_CHECK(!text.empty() && text.find('\n') == text.size() - 1);
        const Result<Json> document = parseJson(text);
        FUZZ_CHECK(document.ok() && document.value().is_object());
        FUZZ_CHECK(document.value().contains("ok"));
    }
    return 0;
}
