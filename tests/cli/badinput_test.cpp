// SPDX-License-Identifier: GPL-3.0-or-later
// Bad command lines: each is refused with a message naming the argument and the allowed values,
// exit code 1, and the simulated machine's state file is left byte for byte as it was.
#include "badinputmatrix.h"
#include "clitest.h"

#include "commandline.h"

using namespace portolan;
using namespace portolan::cli;
using namespace portolan::cli::test;

namespace {

const std::vector<BadLine>& badInputs()
{
    static const std::vector<BadLine> lines = [] {
        std::vector<BadLine> all = badLinesFromTable();
        for (auto& line : badLinesByHand())
            all.push_back(std::move(line));
        return all;
    }();
    return lines;
}

std::vector<std::string> withMachine(const Machine& machine, const std::vector<std::string>& args)
{
    return machine.args(args);
}

} // namespace

TEST_CASE("bad input: message, exit code 1, usage line, and no change to the state")
{
    Machine machine("developer");
    // Some state worth protecting: the developer machine plus a reservation of our own.
    REQUIRE(machine({"create", "tcp", "5000", "20"}).code == 0);
    const std::string before = readFile(machine.statePath());
    REQUIRE(!before.empty());

    for (const auto& bad : badInputs()) {
        CAPTURE(bad.name);
        CAPTURE(bad.args);
        Run r = run(withMachine(machine, bad.args));
        CHECK(r.code == 1);
        CHECK(r.out.empty());
        CHECK_MESSAGE(contains(r.err, "portolan-cli: " + bad.message), r.err);
        std::string usage = bad.usage.empty() ? "usage: portolan-cli [OPTIONS] COMMAND"
                                              : "usage: portolan-cli [OPTIONS] " + bad.usage;
        CHECK_MESSAGE(contains(r.err, "\n" + usage), r.err);
        CHECK(readFile(machine.statePath()) == before);
    }
}

TEST_CASE("bad input with --json: one JSON object with the error, exit code 1, no change")
{
    Machine machine;
    REQUIRE(machine({"create", "udp", "7000", "3"}).code == 0);
    const std::string before = readFile(machine.statePath());

    for (const auto& bad : badInputs()) {
        // After "--" nothing is an option, so "--json" there would be an argument.
        auto args = bad.args;
        args.insert(args.begin(), "--json");
        CAPTURE(args);
        Run r = run(withMachine(machine, args));
        CHECK(r.code == 1);
        CHECK(r.err.empty());
        Json doc = r.json();
        CHECK_FALSE(boolField(doc, "ok"));
        const Json* error = member(doc, "error");
        REQUIRE(error != nullptr);
        CHECK(stringField(*error, "kind") == "InvalidArgument");
        CHECK(intField(*error, "code") == 0);
        CHECK_MESSAGE(contains(stringField(*error, "message"), bad.message),
                      stringField(*error, "message"));
        CHECK(readFile(machine.statePath()) == before);
    }
}

TEST_CASE("bad input never creates a state file")
{
    TempDir dir;
    std::string state = dir.file("fresh.json");
    for (const auto& bad : badInputs()) {
        CAPTURE(bad.args);
        std::vector<std::string> args{"--scenario", scenarioPath("clean"), "--state", state};
        args.insert(args.end(), bad.args.begin(), bad.args.end());
        CHECK(run(args).code == 1);
        CHECK_FALSE(fileExists(state));
    }
}

TEST_CASE("--scenario and --state belong to the simulated backend")
{
    Run r = run({"--backend", "linux", "--scenario", scenarioPath("clean"), "list"});
    CHECK(r.code == 1);
    // On a build without the linux backend the backend itself is the problem; both name it.
    CHECK((contains(r.err, "portolan-cli: --scenario applies only to the simulated backend") ||
           contains(r.err, "portolan-cli: --backend: 'linux' is not available in this build")));
}

TEST_CASE("the matrix: every argument in the command table has bad values, and valid lines parse")
{
    for (const auto& spec : commandTable()) {
        for (const auto& form : spec.forms) {
            for (const auto& argument : form.arguments) {
                CAPTURE(argument.name);
                // A flag takes no value, and any folder name is one (an empty one is refused
                // with every option's empty value).
                if (argument.kind != ArgumentKind::Flag && argument.kind != ArgumentKind::Folder)
                    CHECK_FALSE(valuesFor(argument).bad.empty());
            }
            // The bad lines differ from this one in one place, so that is what they fail on.
            const std::vector<std::string> valid = validLine(spec, form);
            CAPTURE(valid);
            ParseOutcome outcome = parseCommandLine(valid);
            REQUIRE_MESSAGE(outcome.invocation.has_value(), outcome.error->message);
            CHECK(outcome.invocation->command == spec.command);
            CHECK(outcome.invocation->plan == form.plan);
        }
    }
    // Every command of the documented set is in the table, so in the matrix.
    for (std::string_view name :
         {"list", "create", "lookup", "delete", "acquire", "bind", "scan", "dynamic-range",
          "listeners", "probe", "snapshot", "apply", "check"}) {
        CAPTURE(name);
        CHECK(std::ranges::any_of(badLinesFromTable(),
                                  [name](const BadLine& line) { return line.usage == name; }));
    }
}
