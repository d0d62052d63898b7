// SPDX-License-Identifier: GPL-3.0-or-later
// protect: stop the service whose block covers the ports, reserve them, start it again.
#include "clitest.h"

#include "platform/nativecodes.h"
#include "platform/protect/auditjournal.h"
#include "platform/simulated/simulatedcontrol.h"

namespace portolan::cli::test {

namespace {

std::vector<std::string> journalActions(const std::string& path)
{
    auto read = protect::readJournal(path, 0);
    REQUIRE(read.ok());
    CHECK(read->skipped == 0);
    std::vector<std::string> actions;
    for (const auto& e : read->entries)
        actions.push_back(e.action + (e.ok ? "" : " (failed)"));
    return actions;
}

// WinNAT's state and blocks as "services --json" would tell: through list.
bool coveredByRuntime(const Machine& machine, std::uint16_t port)
{
    Json doc = machine({"--json", "list", "tcp"}).json();
    for (const auto& r : arrayField(doc, "reservations"))
        if (!boolField(r, "persistent") && intField(r, "start") <= port &&
            intField(r, "end") >= port)
            return true;
    return false;
}

} // namespace

TEST_CASE("protect: without --stop-service it names the service and changes nothing")
{
    Machine machine("developer");
    const std::string before = (machine({"list"}), readFile(machine.statePath()));
    Run run = machine({"protect", "tcp", "3000", "1", "--yes"});
    CHECK(run.code == kExitUsage);
    CHECK(contains(run.out, "2869-3368"));
    CHECK(contains(run.out, "Windows NAT (WinNAT)"));
    CHECK(contains(run.out, "WSL 2 port forwarding and container NAT"));
    CHECK(contains(run.err, "--stop-service winnat"));
    CHECK(readFile(machine.statePath()) == before);

    Json doc = machine({"--json", "protect", "tcp", "3000", "1"}).json();
    CHECK_FALSE(boolField(doc, "ok"));
    CHECK(stringField(objectField(doc, "error"), "kind") == "InvalidArgument");
    CHECK(contains(stringField(objectField(doc, "error"), "message"), "--stop-service"));
    CHECK(boolField(objectField(doc, "plan"), "needsConsent"));
    CHECK(readFile(machine.statePath()) == before);
}

TEST_CASE("protect: without --yes it prints the plan and what stopping breaks, nothing else")
{
    Machine machine("developer");
    const std::string before = (machine({"list"}), readFile(machine.statePath()));
    Run run = machine({"protect", "tcp", "3000", "1", "--stop-service", "winnat"});
    CHECK(run.code == 0);
    CHECK(contains(run.out, "WSL 2 port forwarding and container NAT stop working"));
    CHECK(contains(run.out, "Nothing was changed"));
    CHECK(readFile(machine.statePath()) == before);
}

TEST_CASE("protect tcp 3000 1 --stop-service winnat --yes: reserved, WinNAT runs, moved away")
{
    Machine machine("developer");
    const std::string journal = machine.dir().file("journal.jsonl");
    Run run = machine({"--json", "protect", "tcp", "3000", "1", "--stop-service", "winnat", "--yes",
                       "--journal", journal});
    CHECK(run.code == 0);
    Json doc = run.json();
    CHECK(boolField(doc, "ok"));
    CHECK(boolField(doc, "reserved"));
    CHECK(boolField(doc, "serviceRunning"));
    const auto& blocks = arrayField(doc, "serviceBlocks");
    REQUIRE(blocks.size() == 1);
    CHECK(intField(blocks[0], "start") == 3001);
    const auto& steps = arrayField(doc, "steps");
    REQUIRE(steps.size() == 5);
    CHECK(stringField(steps[1], "request") == "ControlService(winnat, SERVICE_CONTROL_STOP)");

    // What a later run sees: the reservation, and no runtime block over 3000.
    CHECK(machine({"lookup", "tcp", "3000", "1"}).code == 0);
    CHECK_FALSE(coveredByRuntime(machine, 3000));
    CHECK(coveredByRuntime(machine, 3001));
    // One journal line per step.
    CHECK(journalActions(journal) ==
          std::vector<std::string>{"protect.plan", "protect.stop-service", "protect.create",
                                   "protect.start-service", "protect.verify"});
}

TEST_CASE("protect: a create that fails still starts WinNAT again and leaves no reservation")
{
    Machine machine("developer");
    const std::string journal = machine.dir().file("journal.jsonl");
    Environment failing;
    failing.makeBackend = [](const BackendOptions& options) {
        auto backend = createBackend(options);
        if (backend)
            dynamic_cast<SimulatedControl&>(*backend.value())
                .failNextCall(SimulatedCall::CreatePersistent, native::kErrorSharingViolation);
        return backend;
    };
    Run run = machine.with({"--json", "protect", "tcp", "3000", "1", "--stop-service", "winnat",
                            "--yes", "--journal", journal},
                           failing);
    CHECK(run.code == kExitFailed);
    Json doc = run.json();
    CHECK_FALSE(boolField(doc, "ok"));
    CHECK(stringField(objectField(doc, "error"), "name") == "ERROR_SHARING_VIOLATION");
    CHECK_FALSE(boolField(doc, "reserved"));
    CHECK(boolField(doc, "serviceRunning"));

    CHECK(machine({"lookup", "tcp", "3000", "1"}).code == kExitNotFound);
    CHECK(coveredByRuntime(machine, 3000)); // WinNAT runs, at its old place
    CHECK(journalActions(journal) ==
          std::vector<std::string>{"protect.plan", "protect.stop-service",
                                   "protect.create (failed)", "protect.start-service",
                                   "protect.verify"});
}

TEST_CASE("protect: refusals name what is wrong and change nothing")
{
    SUBCASE("not elevated: ERROR_ACCESS_DENIED from the Service Control Manager")
    {
        Machine machine("installer-range");
        const std::string before = (machine({"list"}), readFile(machine.statePath()));
        Run run = machine({"--json", "protect", "tcp", "3000", "1", "--stop-service", "winnat",
                           "--yes", "--journal", machine.dir().file("j.jsonl")});
        CHECK(run.code == kExitAccessDenied);
        CHECK(stringField(objectField(run.json(), "error"), "name") == "ERROR_ACCESS_DENIED");
        CHECK(readFile(machine.statePath()) == before);
    }
    SUBCASE("a service that holds no block of the ports")
    {
        Machine machine("developer");
        Run run = machine({"protect", "tcp", "3000", "1", "--stop-service", "hns", "--yes"});
        CHECK(run.code == kExitUsage);
        CHECK(contains(run.err, "stop-service: \"hns\" holds no block of tcp 3000"));
    }
    SUBCASE("no such service")
    {
        Machine machine("developer");
        Run run = machine({"protect", "tcp", "3000", "1", "--stop-service", "nosuch", "--yes"});
        CHECK(run.code == kExitNotFound);
        CHECK(contains(run.err, "ERROR_SERVICE_DOES_NOT_EXIST"));
    }
    SUBCASE("ports already pinned")
    {
        Machine machine("developer");
        Run run = machine({"protect", "tcp", "5037", "1", "--yes"});
        CHECK(run.code == kExitFailed);
        CHECK(contains(run.err, "persistent reservation tcp 5037"));
    }
}

TEST_CASE("protect on the linux backend: not supported, with the reason")
{
    Run run = ::portolan::cli::test::run({"--backend", "linux", "--json", "protect", "tcp", "3000",
                                          "1", "--stop-service", "winnat", "--yes"});
    if (run.code == kExitUsage && contains(run.out, "not available"))
        return; // a build without the linux backend
    CHECK(run.code == kExitUnsupported);
    CHECK(contains(stringField(objectField(run.json(), "error"), "message"),
                   "no service holds blocks of reserved ports"));
}

TEST_CASE("the audit journal: lines survive a round trip; a half-written line waits")
{
    TempDir dir;
    const std::string path = dir.file("sub/journal.jsonl");
    protect::JournalEntry entry{
        "1-a-1",       1700000000,
        "HOST",        "ana",
        true,          "protect.create",
        Protocol::Udp, PortRange{3000, 2},
        "Create",      false,
        "detail",      Error{ErrorKind::Conflict, 32, "ERROR_SHARING_VIOLATION", "m"}};
    REQUIRE(protect::appendJournal(path, {entry}).ok());
    {
        std::ofstream out(path, std::ios::binary | std::ios::app);
        out << "{\"id\": \"half";
    }
    auto read = protect::readJournal(path, 0);
    REQUIRE(read.ok());
    REQUIRE(read->entries.size() == 1);
    const protect::JournalEntry& back = read->entries[0];
    CHECK(back.id == entry.id);
    CHECK(back.at == entry.at);
    CHECK(back.user == "ana");
    CHECK(back.elevated);
    CHECK(back.protocol == Protocol::Udp);
    CHECK(back.range == PortRange{3000, 2});
    CHECK_FALSE(back.ok);
    REQUIRE(back.error.has_value());
    CHECK(back.error->kind == ErrorKind::Conflict);
    CHECK(back.error->name == "ERROR_SHARING_VIOLATION");
    auto again = protect::readJournal(path, read->endOffset);
    REQUIRE(again.ok());
    CHECK(again->entries.empty());
    CHECK(again->endOffset == read->endOffset);
    CHECK(protect::journalPathFor(nullptr, "C:\\Users\\ana\\AppData\\Local", nullptr, nullptr)
              .find("audit-journal.jsonl") != std::string::npos);
    CHECK(protect::journalPathFor("/x/j.jsonl", "C:\\L", "/s", "/h") == "/x/j.jsonl");
    // The state folder's own separators are kept; the file is joined with the system's.
    const std::string fromState = protect::journalPathFor(nullptr, nullptr, "/s", "/h");
    CHECK(fromState.rfind("/s", 0) == 0);
    CHECK((fromState == "/s/portolan/audit-journal.jsonl" ||
           fromState == "/s\\portolan\\audit-journal.jsonl"));
}

} // namespace portolan::cli::test
