// The bad-input matrix of portolan-cli, run through the real executable as a script would run
// it: for every command, each kind of bad argument (protocol, START 0/65536/-1/abc/empty,
// COUNT 0/abc, a block past 65535, PORT, FIRST-LAST), and for the global options (unknown
// backend, missing or malformed scenario, unusable --state, --json misused). Each row, in text
// and in --json mode: exit code 1, the message names the argument and the allowed values (or
// the file and the field), and no file of the simulated machine changed, byte for byte.
// badinput_test.cpp holds the in-process table with the exact usage lines.
#include "platform/json.h"

#include <doctest/doctest.h>

#include <chrono>
#include <fcntl.h>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <map>
#include <spawn.h>
#include <string>
#include <sys/wait.h>
#include <vector>

#ifndef PORTOLAN_CLI_EXE
#error "PORTOLAN_CLI_EXE must name the portolan-cli executable"
#endif
#ifndef PORTOLAN_SOURCE_DIR
#error "PORTOLAN_SOURCE_DIR must name the source tree"
#endif

extern char** environ;

namespace fs = std::filesystem;
using namespace portolan;

namespace {

std::string readFile(const fs::path& path)
{
    std::ifstream in(path, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

void writeFile(const fs::path& path, const std::string& text)
{
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out << text;
}

bool contains(const std::string& text, const std::string& part)
{
    return text.find(part) != std::string::npos;
}

struct Run
{
    int code = -1;
    std::string out;
    std::string err;
};

// Runs portolan-cli with stdout and stderr sent to files outside the machine's folder.
Run runCli(const std::vector<std::string>& args, const fs::path& scratch)
{
    const fs::path outFile = scratch / "stdout.txt";
    const fs::path errFile = scratch / "stderr.txt";
    std::vector<std::string> all{PORTOLAN_CLI_EXE};
    all.insert(all.end(), args.begin(), args.end());
    std::vector<char*> argv;
    for (auto& arg : all)
        argv.push_back(arg.data());
    argv.push_back(nullptr);

    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, 1, outFile.c_str(), O_WRONLY | O_CREAT | O_TRUNC,
                                     0644);
    posix_spawn_file_actions_addopen(&actions, 2, errFile.c_str(), O_WRONLY | O_CREAT | O_TRUNC,
                                     0644);
    pid_t pid = 0;
    Run run;
    const int spawned =
        posix_spawn(&pid, PORTOLAN_CLI_EXE, &actions, nullptr, argv.data(), environ);
    posix_spawn_file_actions_destroy(&actions);
    REQUIRE_MESSAGE(spawned == 0, "cannot start " PORTOLAN_CLI_EXE);
    int status = 0;
    REQUIRE(waitpid(pid, &status, 0) == pid);
    run.code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    run.out = readFile(outFile);
    run.err = readFile(errFile);
    return run;
}

// Every file of a folder with its bytes: "nothing changed" means this stays equal.
std::map<std::string, std::string> snapshot(const fs::path& folder)
{
    std::map<std::string, std::string> files;
    for (const auto& entry : fs::recursive_directory_iterator(folder))
        if (entry.is_regular_file())
            files[fs::relative(entry.path(), folder).string()] = readFile(entry.path());
    return files;
}

struct Row
{
    std::string name;
    std::vector<std::string> args; // @STATE@ and @INPUTS@ are replaced
    std::string message;           // a part of the error message: the field and the allowed values
    std::string kind = "InvalidArgument"; // error.kind in --json mode
};

std::vector<Row> rows()
{
    std::vector<Row> table;
    // START/COUNT commands. acquire takes START 0 ("let the system choose").
    for (std::string command : {"create", "lookup", "delete", "acquire"}) {
        const bool runtime = command == "acquire";
        const std::string startRange = runtime ? "0-65535" : "1-65535";
        auto add = [&](std::string what, std::vector<std::string> rest, std::string message) {
            std::vector<std::string> args{command};
            args.insert(args.end(), rest.begin(), rest.end());
            table.push_back({command + ": " + what, args, message});
        };
        add("bad protocol", {"sctp", "5000", "10"},
            "PROTOCOL: 'sctp' is not a protocol; allowed: tcp, udp");
        if (!runtime)
            add("start 0", {"tcp", "0", "10"}, "START: 0 is out of range; allowed: 1-65535");
        add("start 65536", {"tcp", "65536", "1"},
            "START: 65536 is out of range; allowed: " + startRange);
        add("start -1", {"udp", "-1", "1"},
            "START: '-1' is not a whole decimal number; allowed: digits 0-9 only");
        add("start abc", {"tcp", "abc", "1"},
            "START: 'abc' is not a whole decimal number; allowed: digits 0-9 only");
        add("start empty", {"tcp", "", "1"},
            "START: a number is required; allowed: decimal digits 0-9");
        add("count 0", {"tcp", "5000", "0"}, "COUNT: 0 is out of range; allowed: 1-65535");
        add("count abc", {"udp", "5000", "abc"},
            "COUNT: 'abc' is not a whole decimal number; allowed: digits 0-9 only");
        add("block past 65535", {"tcp", "65530", "10"},
            "COUNT: the block 65530-65539 runs past port 65535; allowed: count at most 6 for "
            "start 65530");
    }
    // bind PORT and scan FIRST-LAST.
    table.push_back({"bind: bad protocol",
                     {"bind", "icmp", "80"},
                     "PROTOCOL: 'icmp' is not a protocol; allowed: tcp, udp"});
    table.push_back({"bind: port 65536",
                     {"bind", "tcp", "65536"},
                     "PORT: '65536' is out of range; allowed: 0-65535"});
    table.push_back({"bind: port -1",
                     {"bind", "tcp", "-1"},
                     "PORT: '-1' is not a whole decimal number; allowed: digits 0-9 only"});
    table.push_back({"bind: port abc",
                     {"bind", "udp", "abc"},
                     "PORT: 'abc' is not a whole decimal number; allowed: digits 0-9 only"});
    table.push_back({"bind: port empty",
                     {"bind", "tcp", ""},
                     "PORT: a number is required; allowed: decimal digits 0-9"});
    table.push_back({"bind: bad address",
                     {"bind", "tcp", "--address", "localhost", "80"},
                     "--address ADDR: 'localhost' is not an address; allowed: an IPv4 address"});
    table.push_back({"scan: bad protocol",
                     {"scan", "sctp"},
                     "PROTOCOL: 'sctp' is not a protocol; allowed: tcp, udp"});
    table.push_back({"scan: first port 0",
                     {"scan", "tcp", "0-10"},
                     "FIRST-LAST (first port): '0' is out of range; allowed: 1-65535"});
    table.push_back({"scan: last port 65536",
                     {"scan", "tcp", "1-65536"},
                     "FIRST-LAST (last port): '65536' is out of range; allowed: 1-65535"});
    table.push_back({"scan: abc",
                     {"scan", "udp", "abc"},
                     "FIRST-LAST: 'abc' is not a whole decimal number; allowed: digits 0-9 only"});
    table.push_back({"scan: empty",
                     {"scan", "tcp", ""},
                     "FIRST-LAST: a number is required; allowed: decimal digits 0-9"});
    table.push_back({"scan: ends before it starts",
                     {"scan", "tcp", "20-10"},
                     "FIRST-LAST: '20-10' ends before it starts; allowed: FIRST-LAST with FIRST "
                     "<= LAST, both 1-65535"});
    // The listing commands take an optional protocol.
    for (std::string command : {"list", "dynamic-range", "listeners"})
        table.push_back({command + ": bad protocol",
                         {command, "icmp"},
                         "PROTOCOL: 'icmp' is not a protocol; allowed: tcp, udp"});
    // The samples: START 0..65535, COUNT not negative.
    table.push_back({"probe acquire-release: start 65536",
                     {"probe", "acquire-release", "ipv4", "stream", "tcp", "65536", "10"},
                     "START: '65536' is out of range; allowed: 0-65535"});
    table.push_back({"probe acquire-release: count -1",
                     {"probe", "acquire-release", "ipv4", "stream", "tcp", "0", "-1"},
                     "COUNT: '-1' is not a whole decimal number; allowed: digits 0-9 only"});
    table.push_back({"probe acquire-release: count abc",
                     {"probe", "acquire-release", "ipv4", "stream", "tcp", "0", "abc"},
                     "COUNT: 'abc' is not a whole decimal number; allowed: digits 0-9 only"});
    table.push_back({"probe acquire-release: bad family",
                     {"probe", "acquire-release", "ipx", "stream", "tcp", "0", "10"},
                     "FAMILY: 'ipx' is not an address family; allowed: ipv4, ipv6, 2, 23"});
    table.push_back({"probe lookup-associate: start abc",
                     {"probe", "lookup-associate", "abc", "10"},
                     "START: 'abc' is not a whole decimal number; allowed: digits 0-9 only"});
    table.push_back({"probe lookup-associate: count 70000",
                     {"probe", "lookup-associate", "5000", "70000"},
                     "COUNT: '70000' is out of range; allowed: 0-65535"});
    table.push_back(
        {"probe: unknown plan",
         {"probe", "frob"},
         "probe: 'frob' is not a probe plan; allowed: acquire-release, lookup-associate"});
    // Options and commands.
    table.push_back({"unknown command",
                     {"frobnicate"},
                     "unknown command 'frobnicate'; allowed: list, create, lookup, delete"});
    table.push_back(
        {"--json with a value", {"list", "--json=yes"}, "option '--json' takes no value"});
    table.push_back({"--hold out of range",
                     {"acquire", "tcp", "0", "10", "--hold", "90000"},
                     "--hold SECONDS: '90000' is out of range; allowed: 0-86400"});
    table.push_back({"--hold on create",
                     {"create", "tcp", "5000", "10", "--hold", "5"},
                     "option '--hold' does not apply to 'create'; it belongs to: acquire"});
    return table;
}

// Rows whose global options are the problem: they replace the machine's --scenario/--state.
std::vector<Row> optionRows()
{
    return {
        {"unknown backend",
         {"--backend", "beos", "list"},
         "--backend: 'beos' is not a backend; allowed: "},
        {"--backend without a value",
         {"list", "--backend"},
         "option '--backend' needs a value; allowed: windows, linux, simulated"},
        {"--scenario with another backend",
         {"--backend", "linux", "--scenario", "@INPUTS@/x.json", "list"},
         "--scenario applies only to the simulated backend; allowed with: --backend simulated"},
        {"missing scenario",
         {"--scenario", "@INPUTS@/missing.json", "--state", "@STATE@", "list"},
         "scenario file @INPUTS@/missing.json does not exist",
         "IoError"},
        {"scenario is a folder",
         {"--scenario", "@INPUTS@", "--state", "@STATE@", "list"},
         "is a folder, not a file",
         "IoError"},
        {"malformed scenario: JSON syntax",
         {"--scenario", "@INPUTS@/broken.json", "--state", "@STATE@", "list"},
         "scenario @INPUTS@/broken.json: line 3, column"},
        {"malformed scenario: a field out of range",
         {"--scenario", "@INPUTS@/start70000.json", "--state", "@STATE@", "list"},
         "scenario @INPUTS@/start70000.json: persistent[0].start: 70000 is out of range; "
         "allowed 1-65535"},
        {"malformed scenario: unknown key",
         {"--scenario", "@INPUTS@/typo.json", "--state", "@STATE@", "list"},
         "scenario @INPUTS@/typo.json: runtme"},
        {"--state is not a state file",
         {"--state", "@MACHINE@/notes.json", "create", "tcp", "5000", "10"},
         "state file @MACHINE@/notes.json: not a Portolan simulated state file, so it is left "
         "as it is",
         "IoError"},
        {"--state cut short",
         {"--state", "@MACHINE@/cut.json", "create", "tcp", "5000", "10"},
         "state file @MACHINE@/cut.json: line",
         "IoError"},
        {"--state with a bad field",
         {"--state", "@MACHINE@/badfield.json", "create", "tcp", "5000", "10"},
         "state file @MACHINE@/badfield.json: persistent[2].count: 0 is out of range; allowed "
         "1-65535",
         "IoError"},
        {"--state is a folder",
         {"--state", "@MACHINE@", "list"},
         "is a folder, not a file",
         "IoError"},
        {"--state with an empty value",
         {"--state=", "list"},
         "--state: the value is empty; allowed: a state file"},
    };
}

std::string substitute(std::string text, const std::map<std::string, std::string>& values)
{
    for (const auto& [key, value] : values) {
        for (auto pos = text.find(key); pos != std::string::npos; pos = text.find(key, pos))
            text.replace(pos, key.size(), value), pos += value.size();
    }
    return text;
}

class Workspace
{
public:
    Workspace()
    {
        const auto stamp = std::chrono::steady_clock::now().time_since_epoch().count();
        m_root = fs::temp_directory_path() / ("portolan-badinput-exe-" + std::to_string(stamp));
        fs::create_directories(machine());
        fs::create_directories(inputs());
    }
    ~Workspace()
    {
        std::error_code ignored;
        fs::remove_all(m_root, ignored);
    }
    fs::path root() const { return m_root; }
    fs::path machine() const { return m_root / "machine"; } // everything that must not change
    fs::path inputs() const { return m_root / "inputs"; }
    fs::path state() const { return machine() / "state.json"; }
    std::map<std::string, std::string> values() const
    {
        return {{"@STATE@", state().string()},
                {"@INPUTS@", inputs().string()},
                {"@MACHINE@", machine().string()}};
    }

private:
    fs::path m_root;
};

const std::string kScenario =
    std::string(PORTOLAN_SOURCE_DIR) + "/resources/scenarios/developer.json";

void checkRow(const Row& row, std::vector<std::string> args, const Workspace& ws)
{
    const auto values = ws.values();
    for (auto& arg : args)
        arg = substitute(arg, values);
    const std::string message = substitute(row.message, values);
    const auto before = snapshot(ws.machine());

    SUBCASE("text")
    {
        const Run run = runCli(args, ws.root());
        CHECK(run.code == 1);
        CHECK(run.out.empty());
        CHECK_MESSAGE(contains(run.err, "portolan-cli: "), run.err);
        CHECK_MESSAGE(contains(run.err, message), run.err);
    }
    SUBCASE("json")
    {
        args.insert(args.begin(), "--json");
        const Run run = runCli(args, ws.root());
        CHECK(run.code == 1);
        CHECK_MESSAGE(run.err.empty(), run.err);
        auto doc = json::parse(run.out);
        REQUIRE_MESSAGE(doc.ok(), run.out);
        const json::Value* ok = doc->find("ok");
        REQUIRE(ok != nullptr);
        CHECK_FALSE(ok->asBool());
        const json::Value* error = doc->find("error");
        REQUIRE(error != nullptr);
        REQUIRE(error->find("kind") != nullptr);
        CHECK(error->find("kind")->asString() == row.kind);
        REQUIRE(error->find("message") != nullptr);
        CHECK_MESSAGE(contains(error->find("message")->asString(), message),
                      error->find("message")->asString());
    }
    // Byte for byte, and no file appeared or vanished.
    CHECK(snapshot(ws.machine()) == before);
}

} // namespace

TEST_CASE("portolan-cli bad arguments: exit 1, the argument and allowed values named, no change")
{
    Workspace ws;
    // A machine worth protecting: the developer scenario plus a reservation of our own.
    const std::vector<std::string> machine{"--scenario", kScenario, "--state", ws.state().string()};
    std::vector<std::string> create = machine;
    create.insert(create.end(), {"create", "tcp", "5000", "20"});
    REQUIRE(runCli(create, ws.root()).code == 0);
    REQUIRE(fs::exists(ws.state()));

    for (const Row& row : rows()) {
        DOCTEST_SUBCASE(row.name.c_str())
        {
            std::vector<std::string> args = machine;
            args.insert(args.end(), row.args.begin(), row.args.end());
            checkRow(row, args, ws);
        }
    }
}

TEST_CASE("portolan-cli unusable options and files: exit 1, the file and field named, no change")
{
    Workspace ws;
    std::vector<std::string> create{"--scenario", kScenario, "--state", ws.state().string(),
                                    "create",     "udp",     "7000",    "3"};
    REQUIRE(runCli(create, ws.root()).code == 0);

    writeFile(ws.inputs() / "broken.json",
              "{\n  \"schema\": 1,\n  \"persistent\": [ { \"protocol\": ");
    writeFile(ws.inputs() / "start70000.json",
              R"({"schema": 1, "persistent": [{"protocol": "tcp", "start": 70000, "count": 1}]})");
    writeFile(ws.inputs() / "typo.json", R"({"schema": 1, "runtme": []})");
    // Files in the machine's folder that --state points at: each must stay as it is.
    writeFile(ws.machine() / "notes.json", R"({"todo": ["reserve 5000-5019"]})");
    const std::string state = readFile(ws.state());
    writeFile(ws.machine() / "cut.json", state.substr(0, state.size() / 2));
    std::string badField = state;
    const auto at = badField.find("\"count\": 3");
    REQUIRE(at != std::string::npos);
    badField.replace(at, std::string("\"count\": 3").size(), "\"count\": 0");
    writeFile(ws.machine() / "badfield.json", badField);

    for (const Row& row : optionRows()) {
        DOCTEST_SUBCASE(row.name.c_str())
        {
            checkRow(row, row.args, ws);
        }
    }
}
