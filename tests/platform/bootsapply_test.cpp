// SPDX-License-Identifier: GPL-3.0-or-later
// The boot history (one snapshot file per boot) and the desired-state reader, below the
// command line.
#include "platform/snapshot/boothistory.h"
#include "platform/snapshot/desiredstate.h"
#include "simulated_support.h"
#include "tests/support/forwardingbackend.h"

#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>

using namespace portolan;
using namespace portolan::test;

namespace {

namespace fs = std::filesystem;

HostSnapshot bootAt(std::int64_t bootTime)
{
    auto backend = openScenario("developer.json");
    auto snapshot = gatherSnapshot(*backend, SnapshotOptions{"1", std::nullopt, bootTime + 60});
    REQUIRE(snapshot.ok());
    snapshot->bootTime = bootTime;
    return std::move(snapshot.value());
}

std::size_t filesIn(const fs::path& dir)
{
    return std::size_t(std::distance(fs::directory_iterator(dir), fs::directory_iterator()));
}

// Refuses the delete of one block, as Windows may (ERROR_ACCESS_DENIED after a policy change).
class RefusingDelete : public testsupport::ForwardingBackend
{
public:
    RefusingDelete(std::shared_ptr<Backend> inner, PortRange refused)
        : ForwardingBackend(std::move(inner)), m_refused(refused)
    {
    }
    Result<void> deletePersistent(Protocol protocol, PortRange range) override
    {
        if (range == m_refused)
            return Error{ErrorKind::AccessDenied, 5, "ERROR_ACCESS_DENIED", "Access is denied."};
        return ForwardingBackend::deletePersistent(protocol, range);
    }

private:
    PortRange m_refused;
};

struct Folder
{
    fs::path path = fs::temp_directory_path() / "portolan-boot-history-test";
    Folder() { fs::remove_all(path); }
    ~Folder() { fs::remove_all(path); }
};

} // namespace

TEST_CASE("each boot is stored once; the previous boot is the newest earlier one")
{
    Folder folder;
    auto first = recordBoot(folder.path.string(), bootAt(1741593761));
    REQUIRE_MESSAGE(first.ok(), first.error().describe());
    CHECK(first->stored);
    CHECK_FALSE(first->previous);
    CHECK(fs::path(first->storedFile).filename() == "boot-20250310T080241Z.json");

    auto again = recordBoot(folder.path.string(), bootAt(1741593761));
    REQUIRE(again.ok());
    CHECK_FALSE(again->stored);
    CHECK_FALSE(again->previous);

    auto next = recordBoot(folder.path.string(), bootAt(1741679702));
    REQUIRE(next.ok());
    CHECK(next->stored);
    REQUIRE(next->previous);
    CHECK(next->previous->bootTime == 1741593761);
    // Asked again within the same boot, it still compares with the boot before.
    auto later = recordBoot(folder.path.string(), bootAt(1741679702));
    REQUIRE(later.ok());
    REQUIRE(later->previous);
    CHECK(later->previous->bootTime == 1741593761);
    CHECK(filesIn(folder.path) == 2);
}

TEST_CASE("the history keeps the newest boots and names a damaged file")
{
    Folder folder;
    for (std::size_t i = 0; i < kKeptBoots + 3; ++i)
        REQUIRE(recordBoot(folder.path.string(), bootAt(1741593761 + std::int64_t(i) * 86400)));
    CHECK(filesIn(folder.path) == kKeptBoots);

    const auto newest = recordBoot(folder.path.string(), bootAt(1741593761 + 100 * 86400));
    REQUIRE(newest.ok());
    std::ofstream(newest->previousFile, std::ios::trunc)
        << R"({"schema": "portolan-host-snapshot")";
    auto damaged = recordBoot(folder.path.string(), bootAt(1741593761 + 100 * 86400));
    REQUIRE_FALSE(damaged.ok());
    CHECK(damaged.error().kind == ErrorKind::InvalidArgument);
    CHECK(damaged.error().message.starts_with(newest->previousFile + ": (document): "));

    HostSnapshot unknownBoot = bootAt(1);
    unknownBoot.bootTime.reset();
    auto refused = recordBoot(folder.path.string(), unknownBoot);
    REQUIRE_FALSE(refused.ok());
    CHECK(refused.error().kind == ErrorKind::Unsupported);
}

TEST_CASE("a desired state is read by field, state present unless said otherwise")
{
    auto read = desiredStateFromJson(R"({"reservations": [
        {"protocol": "tcp", "start": 41000, "count": 10},
        {"protocol": "udp", "start": 41000, "count": 10, "state": "absent"}]})",
                                     "d.json");
    REQUIRE_MESSAGE(read.ok(), read.error().describe());
    REQUIRE(read->reservations.size() == 2);
    CHECK(read->reservations[0].present);
    CHECK_FALSE(read->reservations[1].present);
    CHECK(read->reservations[1].field == "reservations[1]");

    for (const auto& [text, message] : std::initializer_list<std::pair<const char*, const char*>>{
             {"[]", "d.json: (document): expected an object, found an array; allowed: an object"},
             {R"({})", "d.json: reservations: missing; this field is required"},
             {R"({"reservations": [{"protocol": "tcp", "start": 1, "count": 1, "state": 1}]})",
              "d.json: reservations[0].state: expected a string, found a number; allowed: "
              "\"present\", \"absent\""},
             {R"({"reservations": [{"protocol": "tcp", "start": 65535, "count": 2}]})",
              "d.json: reservations[0]: the block 65535-65536 runs past 65535; allowed: start + "
              "count - 1 <= 65535"},
         }) {
        auto refused = desiredStateFromJson(text, "d.json");
        REQUIRE_FALSE(refused.ok());
        CHECK(refused.error().kind == ErrorKind::InvalidArgument);
        CHECK(refused.error().message == message);
    }
}

TEST_CASE("a delete the system refuses creates again what the run deleted, with a new token")
{
    std::shared_ptr<Backend> simulated = openScenario("developer.json");
    RefusingDelete backend(simulated, PortRange{5037, 1});
    const Token before = simulated->lookupPersistent(Protocol::Tcp, PortRange{8000, 10})->token;
    auto desired = desiredStateFromJson(R"({"reservations": [
        {"protocol": "tcp", "start": 42000, "count": 10},
        {"protocol": "tcp", "start": 8000, "count": 10, "state": "absent"},
        {"protocol": "tcp", "start": 5037, "count": 1, "state": "absent"}]})",
                                        "d.json");
    REQUIRE(desired.ok());
    const ApplyReport report = applyDesiredState(backend, desired.value(), false);
    REQUIRE(report.error);
    CHECK(report.error->kind == ErrorKind::AccessDenied);
    CHECK_FALSE(report.changed());
    REQUIRE(report.actions.size() == 3);
    CHECK(report.actions[0].outcome == ApplyAction::Outcome::Undone);
    CHECK(report.actions[1].outcome == ApplyAction::Outcome::Undone);
    CHECK(report.actions[2].outcome == ApplyAction::Outcome::Failed);
    // The deleted block is back, with a new token (Windows gives one per create).
    auto restored = simulated->lookupPersistent(Protocol::Tcp, PortRange{8000, 10});
    REQUIRE(restored.ok());
    CHECK(restored->token == report.actions[1].token);
    CHECK(restored->token != before);
    CHECK(simulated->lookupPersistent(Protocol::Tcp, PortRange{5037, 1}).ok());
    CHECK(errorOf(simulated->lookupPersistent(Protocol::Tcp, PortRange{42000, 10}))->kind ==
          ErrorKind::NotFound);
}

TEST_CASE("a deleted block that cannot be created again is reported, and the run as a change")
{
    // adb listens on 5037: once deleted, its reservation cannot be made again while it runs.
    std::shared_ptr<Backend> simulated = openScenario("developer.json");
    RefusingDelete backend(simulated, PortRange{8000, 10});
    auto desired = desiredStateFromJson(R"({"reservations": [
        {"protocol": "tcp", "start": 5037, "count": 1, "state": "absent"},
        {"protocol": "tcp", "start": 8000, "count": 10, "state": "absent"}]})",
                                        "d.json");
    REQUIRE(desired.ok());
    const ApplyReport report = applyDesiredState(backend, desired.value(), false);
    REQUIRE(report.error);
    CHECK(report.changed());
    CHECK(report.actions[0].outcome == ApplyAction::Outcome::Done);
    REQUIRE_FALSE(report.actions[0].explanation.empty());
    CHECK(report.actions[0].explanation.back().starts_with("could not be created again: "));
}
