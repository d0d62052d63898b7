// SPDX-License-Identifier: GPL-3.0-or-later
// Every portolan-cli command, in text and JSON mode, in-process against the simulated backend.
#include "clitest.h"

#include "commandtable.h"

#include "platform/nativecodes.h"

#include <algorithm>
#include <regex>
#include <sstream>

using namespace portolan;
using namespace portolan::cli;
using namespace portolan::cli::test;

namespace {

constexpr std::array kCommands{"list", "create", "lookup",        "delete",    "acquire",
                               "bind", "scan",   "dynamic-range", "listeners", "probe",
                               "why",  "suggest"};

// The token printed after "token " in a text line: hexadecimal, as the console shows it.
std::string tokenIn(const std::string& text)
{
    std::smatch match;
    static const std::regex pattern("token (0x[0-9a-f]+)\\b");
    if (!std::regex_search(text, match, pattern))
        return {};
    return match[1];
}

// The text form of a token the JSON gives as a decimal string.
std::string hexOfDecimal(const std::string& decimal)
{
    std::ostringstream out;
    out << "0x" << std::hex << std::stoull(decimal);
    return out.str();
}

const Json* findReservation(const Json& doc, std::string_view protocol, std::int64_t start)
{
    for (const auto& entry : arrayField(doc, "reservations")) {
        if (stringField(entry, "protocol") == protocol && intField(entry, "start") == start)
            return &entry;
    }
    return nullptr;
}

} // namespace

TEST_CASE("--help: the global help lists every command and the exit codes")
{
    for (const auto& args : std::vector<std::vector<std::string>>{{"--help"}, {"-h"}}) {
        CAPTURE(args.front());
        Run r = run(args);
        CHECK(r.code == 0);
        CHECK(r.err.empty());
        CHECK(r.out.starts_with("portolan-cli "));
        for (auto command : kCommands)
            CHECK_MESSAGE(contains(r.out, "\n  " + std::string(command)), command);
        // Each form of each command in the table, with its summary.
        for (const auto& spec : commandTable()) {
            for (const auto& form : spec.forms) {
                CAPTURE(formLabel(spec, form));
                CHECK(contains(r.out, "\n  " + formLabel(spec, form)));
                CHECK(contains(r.out, std::string(form.summary) + "\n"));
            }
        }
        for (auto line : {"  0    success", "  1    usage", "  2    the operation failed",
                          "  3    not supported on this system", "  4    needs elevation",
                          "  5    not found", "  130  cancelled"})
            CHECK_MESSAGE(contains(r.out, line), line);
    }
}

TEST_CASE("--help: every command has its own help, before or after the command")
{
    std::vector<std::string> commands(kCommands.begin(), kCommands.end());
    for (const auto& spec : commandTable())
        commands.emplace_back(spec.name);
    for (const auto& command : commands) {
        for (const auto& args : std::vector<std::vector<std::string>>{
                 {command, "--help"}, {"--help", command}, {command, "tcp", "1", "-h"}}) {
            CAPTURE(args);
            Run r = run(args);
            CHECK(r.code == 0);
            CHECK(r.err.empty());
            CHECK(r.out.starts_with("usage: portolan-cli [OPTIONS] " + std::string(command)));
            CHECK(contains(r.out, "Exit codes: 0 success, 1 usage"));
        }
    }
    Run create = run({"create", "--help"});
    CHECK(contains(create.out, "usage: portolan-cli [OPTIONS] create tcp|udp START COUNT\n"));
    CHECK(contains(create.out, "START   first port, 1-65535"));
    Run probe = run({"probe", "--help"});
    CHECK(contains(probe.out, "probe acquire-release FAMILY TYPE PROTOCOL START COUNT"));
    CHECK(contains(probe.out, "probe lookup-associate START COUNT"));
    CHECK(contains(probe.out, "not supported on this system"));
}

TEST_CASE("--version prints the program's version")
{
    Run r = run({"--version"});
    CHECK(r.code == 0);
    CHECK(std::regex_match(r.out, std::regex("portolan-cli [0-9]+\\.[0-9]+\\.[0-9]+\n")));
}

TEST_CASE("create, then lookup in a later run, finds the block with the same token")
{
    Machine machine;
    Run created = machine({"create", "tcp", "5000", "20"});
    REQUIRE(created.code == 0);
    CHECK(created.err.empty());
    CHECK(contains(created.out, "created persistent tcp reservation 5000-5019 (20 ports), token "));
    std::string token = tokenIn(created.out);
    REQUIRE(!token.empty());
    CHECK(token != "0x0");

    // A new runCli call opens a new backend from the state file: a second process.
    Run found = machine({"lookup", "tcp", "5000", "20"});
    CHECK(found.code == 0);
    CHECK(contains(found.out, "found persistent tcp reservation 5000-5019 (20 ports)"));
    CHECK(tokenIn(found.out) == token);

    Run json = machine({"lookup", "tcp", "5000", "20", "--json"});
    CHECK(json.code == 0);
    CHECK(json.err.empty());
    Json doc = json.json();
    CHECK(boolField(doc, "ok"));
    CHECK(stringField(doc, "command") == "lookup");
    CHECK(stringField(doc, "backend") == "simulated");
    const Json* reservation = member(doc, "reservation");
    REQUIRE(reservation != nullptr);
    CHECK(stringField(*reservation, "protocol") == "tcp");
    CHECK(intField(*reservation, "start") == 5000);
    CHECK(intField(*reservation, "end") == 5019);
    CHECK(intField(*reservation, "count") == 20);
    CHECK(boolField(*reservation, "persistent"));
    // The JSON keeps the decimal string; the text shows the same token in hexadecimal.
    CHECK(hexOfDecimal(stringField(*reservation, "token")) == token); // a string: 64 bits survive
    CHECK(stringField(*reservation, "host") == "WIN11-CLEAN");
}

TEST_CASE("create --json reports the new reservation; the same block again is a conflict")
{
    Machine machine;
    Run created = machine({"--json", "create", "udp", "6000", "1"});
    CHECK(created.code == 0);
    Json doc = created.json();
    CHECK(boolField(doc, "ok"));
    const Json* reservation = member(doc, "reservation");
    REQUIRE(reservation != nullptr);
    CHECK(stringField(*reservation, "protocol") == "udp");
    CHECK(intField(*reservation, "start") == 6000);
    CHECK(intField(*reservation, "end") == 6000);
    CHECK(stringField(*reservation, "token") != "0");

    Run again = machine({"--json", "create", "udp", "6000", "1"});
    CHECK(again.code == 2);
    Json error = again.json();
    CHECK_FALSE(boolField(error, "ok"));
    const Json* detail = member(error, "error");
    REQUIRE(detail != nullptr);
    CHECK(stringField(*detail, "kind") == "Conflict");
    CHECK(stringField(*detail, "name") == "ERROR_SHARING_VIOLATION");
    CHECK(intField(*detail, "code") == native::kErrorSharingViolation);
    CHECK(!stringField(*detail, "message").empty());
    // The system says only "sharing violation"; the CLI tells which reservation it was.
    const auto& conflicts = arrayField(error, "conflicts");
    REQUIRE(conflicts.size() == 1);
    CHECK(stringField(conflicts[0], "reason") == "reservation");
    CHECK(intField(conflicts[0], "start") == 6000);
}

TEST_CASE("create in text mode: a conflict names the overlapping reservation or the listener")
{
    Machine machine("developer");
    Run overlap = machine({"create", "tcp", "8005", "10"});
    CHECK(overlap.code == 2);
    CHECK(overlap.out.empty());
    CHECK(contains(overlap.err, "portolan-cli: Conflict: "));
    CHECK(contains(overlap.err, "(ERROR_SHARING_VIOLATION, 32)\n"));
    CHECK(contains(overlap.err, "overlaps the persistent reservation 8000-8009"));

    Run listener = machine({"create", "tcp", "5430", "5"});
    CHECK(listener.code == 2);
    CHECK(contains(listener.err, "port 5432 on 0.0.0.0 is in use by postgres.exe (pid 6124)"));
}

TEST_CASE("delete removes the block; lookup and delete afterwards are 'not found' (exit 5)")
{
    Machine machine;
    REQUIRE(machine({"create", "tcp", "5000", "10"}).code == 0);
    Run deleted = machine({"delete", "tcp", "5000", "10"});
    CHECK(deleted.code == 0);
    CHECK(contains(deleted.out, "deleted persistent tcp reservation 5000-5009 (10 ports)"));

    for (auto command : {"lookup", "delete"}) {
        CAPTURE(command);
        Run r = machine({command, "tcp", "5000", "10"});
        CHECK(r.code == 5);
        CHECK(r.out.empty());
        // "portolan-cli: <Kind>: <message> (<NAME>, <code>)" and one line of what to do.
        CHECK(std::regex_match(r.err, std::regex("portolan-cli: NotFound: .+ \\(ERROR_NOT_FOUND, "
                                                 "1168\\)\n  .+\n")));
        CHECK(contains(r.err, std::string(remedy(ErrorKind::NotFound))));
    }

    Run json = machine({"delete", "tcp", "5000", "10", "--json"});
    CHECK(json.code == 5);
    CHECK(json.err.empty());
    Json doc = json.json();
    CHECK_FALSE(boolField(doc, "ok"));
    CHECK(stringField(objectField(doc, "error"), "kind") == "NotFound");
    CHECK(stringField(objectField(doc, "error"), "name") == "ERROR_NOT_FOUND");
    CHECK(intField(objectField(doc, "error"), "code") == 1168);
}

TEST_CASE("lookup matches the exact block only, never a part of it")
{
    Machine machine("developer");
    CHECK(machine({"lookup", "tcp", "8000", "10"}).code == 0);
    CHECK(machine({"lookup", "tcp", "8000", "5"}).code == 5);
    CHECK(machine({"lookup", "udp", "8000", "10"}).code == 5);
}

TEST_CASE("create and delete need elevation: exit 4 with ERROR_ACCESS_DENIED")
{
    TempDir dir;
    std::string scenario = readFile(scenarioPath("clean"));
    auto at = scenario.find("\"elevated\": true");
    REQUIRE(at != std::string::npos);
    scenario.replace(at, std::string("\"elevated\": true").size(), "\"elevated\": false");
    writeFile(dir.file("user.json"), scenario);
    std::vector<std::string> base{"--scenario", dir.file("user.json"), "--state",
                                  dir.file("state.json")};

    auto args = base;
    args.insert(args.end(), {"create", "tcp", "5000", "10"});
    Run r = run(args);
    CHECK(r.code == 4);
    CHECK(contains(r.err, "portolan-cli: AccessDenied: "));
    CHECK(contains(r.err, "(ERROR_ACCESS_DENIED, 5)"));
    CHECK(contains(r.err, std::string(remedy(ErrorKind::AccessDenied))));

    args = base;
    args.insert(args.end(), {"probe"});
    Run check = run(args);
    CHECK(contains(check.out, "not elevated"));
}

TEST_CASE("list: a clean machine says so; --json gives an empty list")
{
    Machine machine;
    Run text = machine({"list"});
    CHECK(text.code == 0);
    CHECK(text.out == "no persistent reservations found\n");

    Run json = machine({"list", "--json"});
    CHECK(json.code == 0);
    Json doc = json.json();
    CHECK(boolField(doc, "ok"));
    CHECK(arrayField(doc, "reservations").empty());
}

TEST_CASE("list: the developer machine's persistent and runtime blocks, in the importer's format")
{
    Machine machine("developer");
    Run text = machine({"list"});
    CHECK(text.code == 0);
    CHECK(text.out.starts_with("PROTOCOL  START  END    COUNT  KIND        TOKEN"));
    CHECK(std::regex_search(text.out,
                            std::regex("\ntcp +5037 +5037 +1 +persistent +0x[0-9a-f]+ +-\n")));
    CHECK(
        std::regex_search(text.out, std::regex("\ntcp +2869 +3368 +500 +runtime +[-0-9]+ +Windows "
                                               "NAT \\(WinNAT\\)\n")));

    Run json = machine({"--json", "list"});
    Json doc = json.json();
    CHECK(stringField(doc, "host") == "DEV-WORKSTATION");
    const auto& reservations = arrayField(doc, "reservations");
    CHECK(reservations.size() == 5);
    for (const auto& entry : reservations) {
        for (auto key :
             {"protocol", "start", "end", "count", "persistent", "token", "owner", "host"})
            CHECK_MESSAGE(member(entry, key) != nullptr, key);
        CHECK(member(entry, "token")->is_string());
        CHECK(stringField(entry, "host") == "DEV-WORKSTATION");
        CHECK(intField(entry, "end") == intField(entry, "start") + intField(entry, "count") - 1);
    }
    const Json* django = findReservation(doc, "tcp", 8000);
    REQUIRE(django != nullptr);
    CHECK(boolField(*django, "persistent"));
    CHECK(intField(*django, "count") == 10);
    // The listed token is the one lookup gives, in the same hexadecimal form in both texts;
    // the JSON keeps its decimal string.
    Run lookup = machine({"lookup", "tcp", "8000", "10"});
    const std::string shown = tokenIn(lookup.out);
    CHECK(shown == hexOfDecimal(stringField(*django, "token")));
    CHECK(std::regex_search(text.out,
                            std::regex("\ntcp +8000 +8009 +10 +persistent +" + shown + " +-\n")));

    const Json* winnat = findReservation(doc, "tcp", 2869);
    REQUIRE(winnat != nullptr);
    CHECK_FALSE(boolField(*winnat, "persistent"));
    CHECK(stringField(*winnat, "owner") == "Windows NAT (WinNAT)");

    Run udp = machine({"--json", "list", "udp"});
    Json udpDoc = udp.json();
    const auto& udpOnly = arrayField(udpDoc, "reservations");
    REQUIRE(udpOnly.size() == 1);
    CHECK(stringField(udpOnly[0], "protocol") == "udp");
}

TEST_CASE("acquire: prints the granted block and token, then releases it")
{
    Machine machine;
    Run text = machine({"acquire", "tcp", "0", "10"});
    CHECK(text.code == 0);
    CHECK(std::regex_search(text.out,
                            std::regex("^acquired runtime tcp reservation [0-9]+-[0-9]+ "
                                       "\\(10 ports\\), token 0x[1-9a-f][0-9a-f]*\nreleased tcp "
                                       "reservation [0-9]+-[0-9]+\n$")));

    Run json = machine({"acquire", "udp", "40000", "5", "--json"});
    CHECK(json.code == 0);
    Json doc = json.json();
    const Json* reservation = member(doc, "reservation");
    REQUIRE(reservation != nullptr);
    CHECK(intField(*reservation, "start") == 40000);
    CHECK(intField(*reservation, "count") == 5);
    CHECK_FALSE(boolField(*reservation, "persistent"));
    CHECK(stringField(*reservation, "token") != "0");
    CHECK(boolField(doc, "released"));

    // The runtime block ended with the release: the same block can be acquired again.
    CHECK(machine({"acquire", "udp", "40000", "5"}).code == 0);
}

TEST_CASE("acquire --hold keeps the reservation for the time given")
{
    Machine machine;
    auto started = std::chrono::steady_clock::now();
    Run r = machine({"acquire", "tcp", "0", "4", "--hold", "1"});
    auto elapsed = std::chrono::steady_clock::now() - started;
    CHECK(r.code == 0);
    CHECK(elapsed >= std::chrono::milliseconds(950));
    CHECK(contains(r.out, "holding it for 1 s"));
    CHECK(contains(r.out, "\nreleased tcp reservation"));
}

TEST_CASE("acquire --hold: Ctrl-C releases the reservation early and exits 130")
{
    Machine machine;
    std::stop_source stop;
    stop.request_stop();
    Environment environment;
    environment.stop = stop.get_token();
    auto started = std::chrono::steady_clock::now();
    Run r = machine.with({"acquire", "tcp", "0", "4", "--hold", "600"}, environment);
    CHECK(std::chrono::steady_clock::now() - started < std::chrono::seconds(10));
    CHECK(r.code == 130);
    CHECK(contains(r.out, "\nreleased tcp reservation"));
    CHECK(contains(r.err, "portolan-cli: Cancelled: "));
}

TEST_CASE("bind: port 3000 on the developer machine is forbidden by WinNAT's runtime block")
{
    Machine machine("developer");
    Run text = machine({"bind", "tcp", "3000"});
    CHECK(text.code == 2);
    CHECK(contains(text.out, "bind tcp 0.0.0.0:3000: forbidden\n"));
    CHECK(contains(text.out, "WSAEACCES (10013)"));
    // The holder with the block it holds, so the user knows which ports to avoid.
    CHECK(contains(text.out,
                   "holder: Windows NAT (WinNAT), its runtime reservation 2869-3368\n"));
    CHECK(contains(text.out, "to do:  a reservation covers the port"));

    Run json = machine({"bind", "tcp", "3000", "--json"});
    CHECK(json.code == 2);
    Json doc = json.json();
    CHECK_FALSE(boolField(doc, "ok"));
    CHECK(stringField(doc, "outcome") == "forbidden");
    CHECK(intField(doc, "port") == 3000);
    CHECK(intField(doc, "schema") == 2);
    const Json* holder = member(doc, "holder");
    REQUIRE(holder != nullptr);
    CHECK(stringField(*holder, "owner") == "Windows NAT (WinNAT)");
    CHECK(stringField(*holder, "evidence") == "scenario");
    const Json* error = member(doc, "error");
    REQUIRE(error != nullptr);
    CHECK(stringField(*error, "name") == "WSAEACCES");
    CHECK(intField(*error, "code") == native::kWsaEacces);
}

TEST_CASE("bind: a listener's port is in use; port 0 lets the system choose; IPv6 with a colon")
{
    Machine machine("developer");
    Run inUse = machine({"bind", "tcp", "--address", "0.0.0.0", "5432"});
    CHECK(inUse.code == 2);
    CHECK(contains(inUse.out, ": in-use\n"));
    CHECK(contains(inUse.out, "WSAEADDRINUSE (10048)"));
    CHECK(contains(inUse.out, "postgres.exe"));

    Run any = machine({"bind", "tcp", "0"});
    CHECK(any.code == 0);
    CHECK(std::regex_match(any.out, std::regex("bind tcp 0\\.0\\.0\\.0:0: free \\(the system "
                                               "chose port [1-9][0-9]*\\)\n")));

    Run v6 = machine({"--json", "bind", "udp", "--address=::1", "4000"});
    CHECK(v6.code == 0);
    Json doc = v6.json();
    CHECK(boolField(doc, "ok"));
    CHECK(stringField(doc, "outcome") == "free");
    CHECK(stringField(doc, "address") == "::1");
    CHECK(intField(doc, "bound_port") == 4000);
}

TEST_CASE("scan: runs of equal outcome over the range, and a summary")
{
    Machine machine("developer");
    Run text = machine({"scan", "tcp", "2860-2880"});
    CHECK(text.code == 0);
    CHECK(text.out.starts_with("scan tcp 0.0.0.0 2860-2880\nFIRST  LAST  PORTS  OUTCOME"));
    CHECK(std::regex_search(text.out, std::regex("\n2860 +2868 +9 +free +- +-\n")));
    CHECK(std::regex_search(text.out, std::regex("\n2869 +2880 +12 +forbidden +WSAEACCES 10013 "
                                                 "+Windows NAT \\(WinNAT\\)")));
    CHECK(contains(text.out, "summary: 21 of 21 ports probed in "));
    CHECK(contains(text.out, " 9 free, 0 in-use, 0 denied, 12 forbidden, 0 other\n"));

    Run json = machine({"scan", "tcp", "5430-5440", "--address", "0.0.0.0", "--json"});
    CHECK(json.code == 0);
    Json doc = json.json();
    CHECK(boolField(doc, "ok"));
    CHECK_FALSE(boolField(doc, "cancelled"));
    CHECK(intField(doc, "probed") == 11);
    const auto& runs = arrayField(doc, "runs");
    REQUIRE(!runs.empty());
    // The runs cover the range without gaps.
    std::int64_t next = 5430;
    for (const auto& entry : runs) {
        CHECK(intField(entry, "first") == next);
        next = intField(entry, "last") + 1;
        for (auto key : {"outcome", "code", "name", "holder"})
            CHECK_MESSAGE(member(entry, key) != nullptr, key);
    }
    CHECK(next == 5441);
    const Json* summary = member(doc, "summary");
    REQUIRE(summary != nullptr);
    CHECK(intField(*summary, "in-use") == 1);
    CHECK(intField(*summary, "free") == 10);
}

TEST_CASE("bind and scan: another account's listener on 0.0.0.0:7000 denies 127.0.0.1:7000")
{
    Machine machine("developer-accounts");
    Run json = machine({"bind", "tcp", "--address", "127.0.0.1", "7000", "--json"});
    MESSAGE(json.out);
    CHECK(json.code == 2);
    Json doc = json.json();
    CHECK(intField(doc, "schema") == 2);
    CHECK_FALSE(boolField(doc, "ok"));
    CHECK(stringField(doc, "outcome") == "denied");
    CHECK(stringField(doc, "options") == "default");
    const Json* holder = member(doc, "holder");
    REQUIRE(holder != nullptr);
    CHECK(intField(*holder, "pid") == 7788);
    CHECK(stringField(*holder, "process") == "syncd.exe");
    CHECK(stringField(*holder, "address") == "0.0.0.0");
    CHECK(member(*holder, "owner") == nullptr);
    const Json* error = member(doc, "error");
    REQUIRE(error != nullptr);
    CHECK(stringField(*error, "name") == "WSAEACCES");

    Run text = machine({"bind", "tcp", "--address", "127.0.0.1", "7000"});
    MESSAGE(text.out);
    CHECK(contains(text.out, "bind tcp 127.0.0.1:7000: denied\n"));
    CHECK(contains(text.out, "holder: syncd.exe (pid 7788) on 0.0.0.0\n"));
    CHECK(contains(text.out, "no reservation is involved"));

    Run scan = machine({"scan", "tcp", "6990-7010"});
    MESSAGE(scan.out);
    CHECK(scan.code == 0);
    CHECK(
        std::regex_search(scan.out, std::regex("\n7000 +7000 +1 +in-use +WSAEADDRINUSE 10048 "
                                               "+syncd\\.exe \\(pid 7788\\) on 0\\.0\\.0\\.0\n")));
    Run scanJson = machine({"scan", "tcp", "6990-7010", "--json"});
    MESSAGE(scanJson.out);
    Json scanDoc = scanJson.json();
    CHECK(stringField(scanDoc, "options") == "exclusive");
    bool found = false;
    for (const auto& entry : arrayField(scanDoc, "runs")) {
        if (intField(entry, "first") != 7000)
            continue;
        found = true;
        CHECK(stringField(entry, "outcome") != "free");
        const Json* runHolder = member(entry, "holder");
        REQUIRE(runHolder != nullptr);
        CHECK(intField(*runHolder, "pid") == 7788);
        CHECK(stringField(*runHolder, "process") == "syncd.exe");
    }
    CHECK(found);

    // A specific address next to a same-account wildcard listener is free, and says so.
    Run shadowed = machine({"bind", "tcp", "--address", "127.0.0.1", "5173"});
    CHECK(shadowed.code == 0);
    CHECK(contains(shadowed.out, "shadowed by: node.exe (pid 14236) on 0.0.0.0"));
}

TEST_CASE("scan: a cancelled scan prints what it has and exits 130")
{
    Machine machine("developer");
    std::stop_source stop;
    stop.request_stop();
    Environment environment;
    environment.stop = stop.get_token();

    Run text = machine.with({"scan", "tcp"}, environment);
    CHECK(text.code == 130);
    CHECK(text.out.starts_with("scan tcp 0.0.0.0 1-65535\n"));
    CHECK(contains(text.out, "summary: "));
    CHECK(contains(text.err, "portolan-cli: Cancelled: the scan was stopped after "));

    Run json = machine.with({"scan", "tcp", "--json"}, environment);
    CHECK(json.code == 130);
    Json doc = json.json();
    CHECK_FALSE(boolField(doc, "ok"));
    CHECK(boolField(doc, "cancelled"));
    CHECK(intField(doc, "probed") < 65535);
    CHECK(stringField(objectField(doc, "error"), "kind") == "Cancelled");
}

TEST_CASE("dynamic-range: both protocols, or one")
{
    Machine machine;
    Run text = machine({"dynamic-range"});
    CHECK(text.code == 0);
    CHECK(text.out == "PROTOCOL  START  END    COUNT\n"
                      "tcp       49152  65535  16384\n"
                      "udp       49152  65535  16384\n");

    Run json = machine({"dynamic-range", "udp", "--json"});
    Json doc = json.json();
    const auto& ranges = arrayField(doc, "ranges");
    REQUIRE(ranges.size() == 1);
    CHECK(stringField(ranges[0], "protocol") == "udp");
    CHECK(intField(ranges[0], "start") == 49152);
    CHECK(intField(ranges[0], "end") == 65535);
    CHECK(intField(ranges[0], "count") == 16384);
}

TEST_CASE("listeners: with their processes")
{
    Machine machine("developer");
    Run text = machine({"listeners", "tcp"});
    CHECK(text.code == 0);
    CHECK(text.out.starts_with("PROTOCOL  ADDRESS"));
    CHECK(std::regex_search(text.out,
                            std::regex("\ntcp +127\\.0\\.0\\.1 +5037 +11840 +adb\\.exe\n")));
    CHECK_FALSE(contains(text.out, "\nudp"));

    Run json = machine({"listeners", "--json"});
    Json doc = json.json();
    const auto& listeners = arrayField(doc, "listeners");
    CHECK(listeners.size() == 12);
    bool sawDns = false;
    for (const auto& entry : listeners) {
        if (stringField(entry, "protocol") == "udp" && intField(entry, "port") == 53) {
            sawDns = true;
            CHECK(intField(entry, "pid") == 3516);
            CHECK(stringField(entry, "process") == "svchost.exe");
            CHECK(stringField(entry, "address") == "172.25.240.1");
        }
    }
    CHECK(sawDns);
}

TEST_CASE("probe acquire-release: the first sample, with the sample's argument forms")
{
    Machine machine;
    for (const auto& args :
         std::vector<std::vector<std::string>>{{"ipv4", "stream", "tcp", "0", "10"},
                                               {"2", "1", "6", "0", "10"},
                                               {"ipv6", "dgram", "udp", "41000", "3"},
                                               {"23", "2", "17", "41000", "3"}}) {
        CAPTURE(args);
        std::vector<std::string> command{"probe", "acquire-release"};
        command.insert(command.end(), args.begin(), args.end());
        Run text = machine(command);
        CHECK(text.code == 0);
        CHECK(contains(text.out, "probe acquire-release: family "));
        CHECK(std::regex_search(text.out, std::regex("\n  acquire +ok ")));
        CHECK(std::regex_search(text.out, std::regex("\n  release +ok")));
        CHECK(std::regex_search(text.out,
                                std::regex("\nstart [0-9]+, count [0-9]+, token 0x[1-9a-f]")));

        command.push_back("--json");
        Json doc = machine(command).json();
        CHECK(boolField(doc, "ok"));
        CHECK(stringField(doc, "plan") == "acquire-release");
        CHECK(stringField(doc, "token") != "0");
        const auto& steps = arrayField(doc, "steps");
        REQUIRE(steps.size() >= 3);
        CHECK(stringField(steps[0], "step") == "open-socket");
        for (const auto& step : steps)
            CHECK(boolField(step, "ok"));
    }
}

TEST_CASE("probe acquire-release: values the sample passes on fail in the backend, not as usage")
{
    Machine machine;
    // COUNT 0 and a stream socket with UDP's protocol number are the system's to refuse.
    for (const auto& args : std::vector<std::vector<std::string>>{
             {"ipv4", "stream", "tcp", "0", "0"}, {"ipv4", "stream", "17", "0", "10"}}) {
        CAPTURE(args);
        std::vector<std::string> command{"probe", "acquire-release"};
        command.insert(command.end(), args.begin(), args.end());
        Run r = machine(command);
        CHECK(r.code != 0);
        CHECK(r.code != 1);
        CHECK(contains(r.err, "portolan-cli: "));
        CHECK(std::regex_search(r.err, std::regex("\\((WSA|ERROR_)[A-Z_]+, [0-9]+\\)")));
    }
}

TEST_CASE("probe lookup-associate: the second sample binds inside the persistent block")
{
    Machine machine;
    REQUIRE(machine({"create", "tcp", "5000", "10"}).code == 0);
    Run text = machine({"probe", "lookup-associate", "5000", "10"});
    CHECK(text.code == 0);
    CHECK(std::regex_search(text.out, std::regex("\n  associate +ok")));
    std::smatch match;
    REQUIRE(std::regex_search(text.out, match, std::regex("allocated port ([0-9]+)\n")));
    int port = std::stoi(match[1]);
    CHECK(port >= 5000);
    CHECK(port <= 5009);

    Json doc = machine({"probe", "lookup-associate", "5000", "10", "--json"}).json();
    CHECK(boolField(doc, "ok"));
    CHECK(intField(doc, "allocated_port") >= 5000);
    CHECK(intField(doc, "allocated_port") <= 5009);

    Run missing = machine({"probe", "lookup-associate", "6000", "10"});
    CHECK(missing.code == 5);
    CHECK(contains(missing.err, "ERROR_NOT_FOUND"));
}

TEST_CASE("probe without a plan: a system check of bind, acquire-release and lookup")
{
    Machine machine;
    Run text = machine({"probe"});
    CHECK(text.code == 0);
    CHECK(contains(text.out, "system check: backend simulated, host WIN11-CLEAN, elevated\n"));
    CHECK(std::regex_search(text.out,
                            std::regex("\nbind +tcp 127\\.0\\.0\\.1:0 +ok: bound port [1-9]")));
    CHECK(std::regex_search(text.out, std::regex("\nacquire-release +tcp 0 10 +ok: granted ")));
    CHECK(std::regex_search(text.out, std::regex("\nlookup +tcp 50000-50009 +supported: no "
                                                 "reservation 50000-50009 \\(ERROR_NOT_FOUND")));

    Json doc = machine({"probe", "--json"}).json();
    CHECK(boolField(doc, "ok"));
    CHECK(stringField(doc, "plan") == "system-check");
    const auto& checks = arrayField(doc, "checks");
    REQUIRE(checks.size() == 3);
    CHECK(stringField(checks[0], "check") == "bind");
    CHECK(stringField(checks[0], "result") == "ok");
    CHECK(stringField(checks[1], "check") == "acquire-release");
    CHECK(stringField(checks[1], "result") == "ok");
    CHECK(stringField(checks[2], "check") == "lookup");
    CHECK(stringField(checks[2], "result") == "not-found");
    CHECK(boolField(checks[2], "supported"));
}

namespace {

// A Windows without the reservation functions, as Wine is: plain binds work, the persistent
// calls are missing and the runtime IOCTL answers WSAEOPNOTSUPP.
class NoReservationsBackend final : public Backend
{
public:
    class NoIoctlSocket final : public Socket
    {
    public:
        Result<ReservedBlock> acquireReservation(PortRange) override { return ioctl(); }
        Result<void> associateReservation(Token) override { return ioctl(); }
        Result<void> releaseReservation(Token) override { return ioctl(); }
        Result<void> bind(std::string_view, std::uint16_t) override { return {}; }
        Result<std::uint16_t> localPort() const override { return std::uint16_t{49731}; }

    private:
        static Error ioctl()
        {
            return Error{ErrorKind::Unsupported, native::kWsaEopnotsupp, "WSAEOPNOTSUPP",
                         "The attempted operation is not supported for the type of object "
                         "referenced."};
        }
    };

    static Error missing()
    {
        return Error{ErrorKind::Unsupported, native::kErrorProcNotFound, "ERROR_PROC_NOT_FOUND",
                     "iphlpapi.dll has no CreatePersistentTcpPortReservation"};
    }

    std::string_view name() const override { return "windows"; }
    Capabilities capabilities() const override { return {}; }
    bool isElevated() const override { return false; }
    std::string hostName() const override { return "WINE"; }
    Result<std::int64_t> bootTime() const override { return std::int64_t{0}; }
    Result<ReservedBlock> createPersistent(Protocol, PortRange) override { return missing(); }
    Result<ReservedBlock> lookupPersistent(Protocol, PortRange) override { return missing(); }
    Result<void> deletePersistent(Protocol, PortRange) override { return missing(); }
    Result<std::vector<ReservedBlock>> listReservations(std::optional<Protocol>) override
    {
        return missing();
    }
    Result<std::unique_ptr<Socket>> openSocket(const SocketSpec&) override
    {
        return std::unique_ptr<Socket>(std::make_unique<NoIoctlSocket>());
    }
    Result<PortRange> dynamicRange(Protocol) override { return PortRange{49152, 16384}; }
    Result<std::vector<Listener>> listeners(std::optional<Protocol>) override
    {
        return std::vector<Listener>{};
    }
};

Environment withoutReservations(std::vector<BackendOptions>* seen = nullptr)
{
    Environment environment;
    environment.makeBackend =
        [seen](const BackendOptions& options) -> Result<std::unique_ptr<Backend>> {
        if (seen)
            seen->push_back(options);
        return std::unique_ptr<Backend>(std::make_unique<NoReservationsBackend>());
    };
    return environment;
}

} // namespace

TEST_CASE("probe on a system without reservation functions: 'not supported on this system'")
{
    Run text = runWith({"probe"}, withoutReservations());
    CHECK(text.code == 0); // every call answered; that is what the check is for
    CHECK(std::regex_search(text.out,
                            std::regex("\nbind +tcp 127\\.0\\.0\\.1:0 +ok: bound port 49731\n")));
    CHECK(std::regex_search(text.out, std::regex("\nacquire-release +tcp 0 10 +not supported on "
                                                 "this system \\(WSAEOPNOTSUPP, 10045\\)\n")));
    CHECK(std::regex_search(text.out, std::regex("\nlookup +tcp 50000-50009 +not supported on this "
                                                 "system \\(ERROR_PROC_NOT_FOUND, 127\\)\n")));

    Json doc = runWith({"probe", "--json"}, withoutReservations()).json();
    CHECK(boolField(doc, "ok"));
    const auto& checks = arrayField(doc, "checks");
    REQUIRE(checks.size() == 3);
    CHECK(stringField(checks[0], "result") == "ok");
    CHECK(stringField(checks[1], "result") == "not-supported");
    CHECK_FALSE(boolField(checks[1], "supported"));
    CHECK(stringField(objectField(checks[1], "error"), "name") == "WSAEOPNOTSUPP");
    CHECK(stringField(checks[2], "result") == "not-supported");
}

TEST_CASE("an operation the system lacks exits 3 and says so")
{
    Run create = runWith({"create", "tcp", "5000", "10"}, withoutReservations());
    CHECK(create.code == 3);
    CHECK(contains(create.err, "portolan-cli: Unsupported: "));
    CHECK(contains(create.err, "(ERROR_PROC_NOT_FOUND, 127)"));
    CHECK(contains(create.err, std::string(remedy(ErrorKind::Unsupported))));

    Run acquire = runWith({"acquire", "tcp", "0", "10", "--json"}, withoutReservations());
    CHECK(acquire.code == 3);
    CHECK(stringField(objectField(acquire.json(), "error"), "name") == "WSAEOPNOTSUPP");

    Run sample = runWith({"probe", "acquire-release", "ipv4", "stream", "tcp", "0", "10"},
                         withoutReservations());
    CHECK(sample.code == 3);
    CHECK(std::regex_search(sample.out, std::regex("\n  acquire +not supported on this system "
                                                   "\\(WSAEOPNOTSUPP, 10045\\)")));
}

TEST_CASE("options: before or after the command, --opt=value, and what reaches the factory")
{
    std::vector<BackendOptions> seen;
    Environment environment = withoutReservations(&seen);
    CHECK(runWith({"dynamic-range", "--json"}, environment).code == 0);
    CHECK(runWith({"--backend=simulated", "dynamic-range"}, environment).code == 0);
    CHECK(runWith({"dynamic-range", "--state", "s.json"}, environment).code == 0);
    CHECK(runWith({"--scenario=x.json", "dynamic-range"}, environment).code == 0);
    REQUIRE(seen.size() == 4);
    CHECK(seen[0].kind.empty()); // the real backend of this OS
    CHECK(seen[1].kind == "simulated");
    CHECK(seen[2].kind == "simulated"); // --state implies the simulated backend
    CHECK(seen[2].stateFile == "s.json");
    CHECK(seen[3].kind == "simulated");
    CHECK(seen[3].scenarioFile == "x.json");

    // "--" ends the options: what follows is an argument even if it looks like one.
    Run r = runWith({"dynamic-range", "--", "--json"}, environment);
    CHECK(r.code == 1);
    CHECK(contains(r.err, "PROTOCOL: '--json' is not a protocol"));
}

TEST_CASE("scenario and state files that cannot be used: exit 1, the file named, nothing written")
{
    TempDir dir;
    std::string state = dir.file("state.json");

    Run missing = run({"--scenario", dir.file("nope.json"), "--state", state, "list"});
    CHECK(missing.code == 1);
    CHECK(contains(missing.err, "nope.json"));
    CHECK_FALSE(fileExists(state));

    writeFile(dir.file("broken.json"), "{ \"schema\": 1, \"persistent\": [ { \"protocol\": ");
    Run broken = run({"--scenario", dir.file("broken.json"), "--state", state, "list", "--json"});
    CHECK(broken.code == 1);
    Json doc = broken.json();
    CHECK_FALSE(boolField(doc, "ok"));
    CHECK(contains(stringField(objectField(doc, "error"), "message"), "broken.json"));
    CHECK_FALSE(fileExists(state));

    // An existing state is left alone too.
    REQUIRE(
        run({"--scenario", scenarioPath("clean"), "--state", state, "create", "tcp", "5000", "10"})
            .code == 0);
    std::string before = readFile(state);
    CHECK(run({"--scenario", dir.file("broken.json"), "--state", state, "list"}).code == 1);
    CHECK(readFile(state) == before);
}
