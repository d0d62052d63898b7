// SPDX-License-Identifier: GPL-3.0-or-later
// The bad-input matrix of portolan-cli, run through the real executable as a script would run
// it: for every command, each kind of bad argument (protocol, START 0/65536/-1/abc/empty,
// COUNT 0/abc, a block past 65535, PORT, FIRST-LAST), and for the global options (unknown
// backend, missing or malformed scenario, unusable --state, --json misused). Each row, in text
// and in --json mode: exit code 1, the message names the argument and the allowed values (or
// the file and the field), and no file of the simulated machine changed, byte for byte.
// The rows come from the command table (badinputmatrix.h); badinput_test.cpp runs the same
// matrix in-process and checks the exact usage lines.
#include "badinputmatrix.h"

#include "platform/jsonvalue.h"

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

// Every command's arguments from the command table, plus what the table cannot make.
std::vector<Row> rows()
{
    std::vector<Row> table;
    for (auto lines :
         {portolan::cli::test::badLinesFromTable(), portolan::cli::test::badLinesByHand()}) {
        for (auto& line : lines)
            table.push_back({std::move(line.name), std::move(line.args), std::move(line.message)});
    }
    return table;
}

// Rows whose global options or files are the problem: they replace the machine's
// --scenario/--state.
std::vector<Row> optionRows()
{
    return {
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
        auto doc = parseJson(run.out);
        REQUIRE_MESSAGE(doc.ok(), run.out);
        REQUIRE(doc->is_object());
        CHECK(doc->value("ok", true) == false);
        const Json error = doc->value("error", Json::object());
        CHECK(error.value("kind", "") == row.kind);
        const std::string text = error.value("message", "");
        CHECK_MESSAGE(contains(text, message), text);
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
