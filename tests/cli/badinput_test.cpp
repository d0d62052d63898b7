// Bad command lines: each is refused with a message naming the argument and the allowed values,
// exit code 1, and the simulated machine's state file is left byte for byte as it was.
#include "clitest.h"

using namespace portolan;
using namespace portolan::cli;
using namespace portolan::cli::test;

namespace {

struct BadInput
{
    std::vector<std::string> args;
    std::string message; // a part of the error message
    std::string usage;   // the command whose usage line is shown ("" = the global one)
};

const std::string kFullwidthFive = "\xEF\xBC\x95"; // U+FF15 FULLWIDTH DIGIT FIVE

const std::vector<BadInput>& badInputs()
{
    static const std::vector<BadInput> table{
        // START and COUNT of a persistent block
        {{"create", "tcp", "5000", "0"}, "COUNT: 0 is out of range; allowed: 1-65535", "create"},
        {{"create", "tcp", "0", "10"}, "START: 0 is out of range; allowed: 1-65535", "create"},
        {{"create", "tcp", "70000", "1"}, "START: 70000 is out of range; allowed: 1-65535", "create"},
        {{"create", "tcp", "5000", "70000"}, "COUNT: 70000 is out of range; allowed: 1-65535", "create"},
        {{"create", "tcp", "65000", "1000"}, "COUNT: the block 65000-65999 runs past port 65535", "create"},
        {{"lookup", "udp", "65535", "2"}, "COUNT: the block 65535-65536 runs past port 65535", "lookup"},
        {{"create", "tcp", "1e3", "1"}, "START: '1e3' is not a whole decimal number; allowed: digits 0-9 only", "create"},
        {{"create", "tcp", "0x50", "1"}, "START: '0x50' is not a whole decimal number", "create"},
        {{"create", "tcp", " 5", "1"}, "START: ' 5' is not a whole decimal number", "create"},
        {{"create", "tcp", "5 ", "1"}, "START: '5 ' is not a whole decimal number", "create"},
        {{"create", "tcp", "-1", "1"}, "START: '-1' is not a whole decimal number", "create"},
        {{"create", "tcp", "+5", "1"}, "START: '+5' is not a whole decimal number", "create"},
        {{"create", "tcp", kFullwidthFive, "1"}, "START: '" + kFullwidthFive + "' is not a whole decimal number", "create"},
        {{"create", "tcp", "", "1"}, "START: a number is required", "create"},
        {{"delete", "tcp", "5000", "1.5"}, "COUNT: '1.5' is not a whole decimal number", "delete"},
        {{"delete", "tcp", "5000", "99999999999999999999"}, "COUNT: '99999999999999999999' is far too large", "delete"},
        {{"acquire", "tcp", "0", "0"}, "COUNT: 0 is out of range; allowed: 1-65535", "acquire"},
        {{"acquire", "tcp", "-5", "10"}, "START: '-5' is not a whole decimal number", "acquire"},
        // protocol, command, arity
        {{"create", "sctp", "5000", "10"}, "PROTOCOL: 'sctp' is not a protocol; allowed: tcp, udp", "create"},
        {{"list", "icmp"}, "PROTOCOL: 'icmp' is not a protocol; allowed: tcp, udp", "list"},
        {{"list", "tcp", "udp"}, "list: unexpected argument 'udp'", "list"},
        {{"create", "tcp", "5000"}, "create: missing COUNT", "create"},
        {{"delete"}, "delete: missing PROTOCOL (tcp|udp)", "delete"},
        {{"lookup", "tcp", "5000", "20", "extra"}, "lookup: unexpected argument 'extra'", "lookup"},
        {{"frobnicate"}, "unknown command 'frobnicate'; allowed: list, create, lookup, delete", ""},
        {{"LIST"}, "unknown command 'LIST'", ""},
        {{}, "no command given; allowed: list, create", ""},
        // options
        {{"list", "--frob"}, "unknown option '--frob'; allowed: --backend, --scenario", ""},
        {{"list", "--json=yes"}, "option '--json' takes no value", ""},
        {{"list", "--backend"}, "option '--backend' needs a value; allowed: windows, linux, simulated", ""},
        {{"--backend", "beos", "list"}, "--backend: 'beos' is not a backend; allowed: ", ""},
        {{"--backend", "simulated", "--backend", "simulated", "list"}, "option '--backend' is given twice", ""},
        {{"acquire", "tcp", "0", "10", "--hold", "-5"}, "--hold SECONDS: '-5' is not a whole decimal number", "acquire"},
        {{"acquire", "tcp", "0", "10", "--hold", "90000"}, "--hold SECONDS: '90000' is out of range; allowed: 0-86400", "acquire"},
        {{"acquire", "tcp", "0", "10", "--hold"}, "option '--hold' needs a value", ""},
        {{"create", "tcp", "5000", "10", "--hold", "5"}, "option '--hold' does not apply to 'create'; it belongs to: acquire", "create"},
        {{"list", "--address", "127.0.0.1"}, "option '--address' does not apply to 'list'; it belongs to: bind, scan", "list"},
        // bind and scan
        {{"bind", "tcp", "70000"}, "PORT: '70000' is out of range; allowed: 0-65535", "bind"},
        {{"bind", "tcp"}, "bind: missing PORT", "bind"},
        {{"bind", "tcp", "--address", "localhost", "80"}, "--address ADDR: 'localhost' is not an address; allowed: an IPv4 address", "bind"},
        {{"bind", "tcp", "--address", "300.1.1.1", "80"}, "--address ADDR: '300.1.1.1' is not an address", "bind"},
        {{"bind", "tcp", "--address", "1.2.3", "80"}, "--address ADDR: '1.2.3' is not an address", "bind"},
        {{"scan", "tcp", "20-10"}, "FIRST-LAST: '20-10' ends before it starts", "scan"},
        {{"scan", "tcp", "0-10"}, "FIRST-LAST (first port): '0' is out of range; allowed: 1-65535", "scan"},
        {{"scan", "tcp", "1-65536"}, "FIRST-LAST (last port): '65536' is out of range", "scan"},
        {{"scan", "tcp", "1-"}, "FIRST-LAST (last port): a number is required", "scan"},
        // the samples validate like the originals: START 0..65535, COUNT not negative
        {{"probe", "acquire-release", "ipv4", "stream", "tcp", "70000", "10"}, "START: '70000' is out of range; allowed: 0-65535", "probe"},
        {{"probe", "acquire-release", "ipv4", "stream", "tcp", "0", "-1"}, "COUNT: '-1' is not a whole decimal number", "probe"},
        {{"probe", "acquire-release", "ipv4", "stream", "tcp", "0", "70000"}, "COUNT: '70000' is out of range; allowed: 0-65535", "probe"},
        {{"probe", "acquire-release", "ipx", "stream", "tcp", "0", "1"}, "FAMILY: 'ipx' is not an address family; allowed: ipv4, ipv6, 2, 23", "probe"},
        {{"probe", "acquire-release", "ipv4", "seqpacket", "tcp", "0", "1"}, "TYPE: 'seqpacket' is not a socket type; allowed: stream, dgram, raw, 1, 2, 3", "probe"},
        {{"probe", "acquire-release", "ipv4", "stream", "sctp", "0", "1"}, "PROTOCOL: 'sctp' is not a protocol; allowed: tcp, udp, or a number 0-255", "probe"},
        {{"probe", "acquire-release", "ipv4", "stream", "256", "0", "1"}, "PROTOCOL: '256' is not a protocol", "probe"},
        {{"probe", "acquire-release", "ipv4", "stream", "tcp", "0"}, "probe acquire-release: missing COUNT", "probe"},
        {{"probe", "lookup-associate", "-1", "10"}, "START: '-1' is not a whole decimal number", "probe"},
        {{"probe", "lookup-associate", "5000"}, "probe lookup-associate: missing COUNT", "probe"},
        {{"probe", "frob"}, "probe: 'frob' is not a probe plan; allowed: acquire-release, lookup-associate", "probe"},
    };
    return table;
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
        json::Value doc = r.json();
        CHECK_FALSE(boolField(doc, "ok"));
        const json::Value* error = doc.find("error");
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
    CHECK((contains(r.err, "portolan-cli: --scenario applies only to the simulated backend")
           || contains(r.err, "portolan-cli: --backend: 'linux' is not available in this build")));
}
