// SPDX-License-Identifier: GPL-3.0-or-later
// The behavioural suite every backend runs: written only against Backend and the
// ConformanceFixture, gated on the backend's capabilities. A capability the backend denies
// must answer a clean Unsupported error; a capability it claims but the system still refuses
// (Wine answers WSAEOPNOTSUPP to the runtime IOCTLs and lacks the persistent functions) is
// accepted only as a clean Unsupported error, and the test says so and ends there.
#include "conformance.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <mutex>
#include <optional>
#include <set>
#include <stop_token>
#include <string>
#include <utility>
#include <vector>

namespace portolan::test {

namespace {

// Which test cases skipped, for the exit code; see skipCase.
struct SkipLedger
{
    std::mutex mutex;
    std::set<std::string> skipped;
    std::set<std::string> ran;
};

SkipLedger& ledger()
{
    static SkipLedger instance;
    return instance;
}

// doctest knows no skip decided at run time: this listener turns "every case that ran was
// skipped, none failed" into exit code 77 once the run ends.
class SkipListener final : public doctest::IReporter
{
public:
    explicit SkipListener(const doctest::ContextOptions&) {}
    void report_query(const doctest::QueryData&) override {}
    void test_run_start() override {}
    void test_run_end(const doctest::TestRunStats& stats) override
    {
        SkipLedger& l = ledger();
        std::lock_guard lock(l.mutex);
        if (stats.numTestCasesPassingFilters == 0 && stats.numTestCases > 0) {
            // ctest runs one case per test: a filter that matches none must not pass.
            std::printf("[conformance] no test case matched the filter\n");
            std::fflush(stdout);
            std::_Exit(1);
        }
        if (stats.numTestCasesFailed != 0 || l.skipped.empty())
            return;
        std::printf("[conformance] %zu of %zu case(s) skipped\n", l.skipped.size(), l.ran.size());
        if (l.skipped.size() == l.ran.size()) {
            std::fflush(stdout);
            std::_Exit(77);
        }
    }
    void test_case_start(const doctest::TestCaseData& data) override
    {
        std::lock_guard lock(ledger().mutex);
        ledger().ran.insert(data.m_name);
        m_current = data.m_name;
    }
    void test_case_reenter(const doctest::TestCaseData&) override {}
    void test_case_end(const doctest::CurrentTestCaseStats&) override {}
    void test_case_exception(const doctest::TestCaseException&) override {}
    void subcase_start(const doctest::SubcaseSignature&) override {}
    void subcase_end() override {}
    void log_assert(const doctest::AssertData&) override {}
    void log_message(const doctest::MessageData&) override {}
    void test_case_skipped(const doctest::TestCaseData&) override {}

    static std::string& current() { return m_current; }

private:
    static inline std::string m_current;
};
REGISTER_LISTENER("portolan-skips", 1, SkipListener);

constexpr Protocol kProtocols[] = {Protocol::Tcp, Protocol::Udp};

std::unique_ptr<ConformanceFixture> makeFixture()
{
    auto fixture = makeConformanceFixture();
    REQUIRE(fixture != nullptr);
    return fixture;
}

bool isCleanUnsupported(const Error& error)
{
    return error.kind == ErrorKind::Unsupported && !error.message.empty();
}

// For a call the backend says it cannot make.
void checkCleanUnsupported(const Error& error)
{
    CAPTURE(error.describe());
    CHECK(error.kind == ErrorKind::Unsupported);
    CHECK_FALSE(error.message.empty());
}

// A claimed capability the system refuses after all: true (and a note) if the refusal is a
// clean Unsupported error; the caller ends its test.
bool refusedAfterAll(const ConformanceFixture& fixture, const Error& error, std::string_view what)
{
    if (!isCleanUnsupported(error))
        return false;
    skipCase(fixture.description() + ": " + std::string(what) +
             " is claimed but answered Unsupported (" + error.describe() + ")");
    return true;
}

// Deletes a persistent reservation at the end of a test, whatever happened in between.
class PersistentCleanup
{
public:
    PersistentCleanup(Backend& backend, Protocol protocol, PortRange range)
        : m_backend(backend), m_protocol(protocol), m_range(range)
    {
    }
    ~PersistentCleanup() { (void)m_backend.deletePersistent(m_protocol, m_range); }
    PersistentCleanup(const PersistentCleanup&) = delete;
    PersistentCleanup& operator=(const PersistentCleanup&) = delete;

private:
    Backend& m_backend;
    Protocol m_protocol;
    PortRange m_range;
};

// Up to `count` ports from the start of the fixture's free block.
PortRange freePorts(const ConformanceFixture& fixture, std::uint16_t count)
{
    const PortRange block = fixture.freeBlock();
    REQUIRE(block.count >= 8);
    return PortRange{block.start, std::min(block.count, count)};
}

// Persistent tests need elevation: take it if the fixture can switch it, else skip.
bool ensureElevated(ConformanceFixture& fixture)
{
    if (fixture.backend().isElevated() || fixture.setElevated(true))
        return true;
    skipCase(fixture.description() + ": not elevated; persistent create/delete not tested");
    return false;
}

// A capability the case needs: false (and the case skipped) if the backend lacks it.
bool requireCapability(const ConformanceFixture& fixture, bool has, std::string_view what)
{
    if (has)
        return true;
    skipCase(fixture.description() + ": the backend has no " + std::string(what));
    return false;
}

bool hasPersistentBlock(const std::vector<ReservedBlock>& blocks, Protocol protocol,
                        PortRange range)
{
    return std::any_of(blocks.begin(), blocks.end(), [&](const ReservedBlock& b) {
        return b.persistent && b.protocol == protocol && b.range == range;
    });
}

std::string text(Protocol protocol)
{
    return std::string(toString(protocol));
}

} // namespace

void skipCase(std::string_view reason)
{
    {
        std::lock_guard lock(ledger().mutex);
        ledger().skipped.insert(SkipListener::current());
    }
    MESSAGE("SKIPPED: " << std::string(reason));
}

TEST_CASE("conformance: identity, boot time, and clean Unsupported for every denied capability")
{
    auto fixture = makeFixture();
    Backend& backend = fixture->backend();
    MESSAGE("backend under test: " << fixture->description());
    CHECK_FALSE(backend.name().empty());
    CHECK_FALSE(backend.hostName().empty());

    auto boot = backend.bootTime();
    REQUIRE_MESSAGE(boot.ok(), boot.error().describe());
    CHECK(boot.value() > 946684800); // after 2000-01-01

    const Capabilities caps = backend.capabilities();
    if (caps.persistentTokens)
        CHECK(caps.persistentReservations); // tokens without reservations would be nonsense

    const PortRange block = freePorts(*fixture, 4);
    if (!caps.persistentReservations) {
        auto created = backend.createPersistent(Protocol::Tcp, block);
        REQUIRE_FALSE(created.ok());
        checkCleanUnsupported(created.error());
        auto looked = backend.lookupPersistent(Protocol::Tcp, block);
        REQUIRE_FALSE(looked.ok());
        checkCleanUnsupported(looked.error());
        auto deleted = backend.deletePersistent(Protocol::Tcp, block);
        REQUIRE_FALSE(deleted.ok());
        checkCleanUnsupported(deleted.error());
    }
    if (!caps.runtimeReservations) {
        auto socket = backend.openSocket(SocketSpec::forProtocol(Protocol::Tcp));
        if (socket) {
            auto acquired = socket.value()->acquireReservation(block);
            REQUIRE_FALSE(acquired.ok());
            checkCleanUnsupported(acquired.error());
            auto associated = socket.value()->associateReservation(0x1234);
            REQUIRE_FALSE(associated.ok());
            checkCleanUnsupported(associated.error());
            auto released = socket.value()->releaseReservation(0x1234);
            REQUIRE_FALSE(released.ok());
            checkCleanUnsupported(released.error());
        } else {
            checkCleanUnsupported(socket.error());
        }
    }
    if (!caps.bindProbe) {
        const auto probe = backend.bindProbe(
            BindTarget{Protocol::Tcp, AddressFamily::IPv4, "127.0.0.1", block.start});
        CHECK(probe.outcome != BindOutcome::Free);
        REQUIRE(probe.error.has_value());
        checkCleanUnsupported(*probe.error);
    }
    if (!caps.listeners) {
        auto listeners = backend.listeners(std::nullopt);
        REQUIRE_FALSE(listeners.ok());
        checkCleanUnsupported(listeners.error());
    }
    if (!caps.dynamicRange) {
        auto range = backend.dynamicRange(Protocol::Tcp);
        REQUIRE_FALSE(range.ok());
        checkCleanUnsupported(range.error());
    }
}

TEST_CASE("conformance: persistent create, exact lookup and delete")
{
    for (Protocol protocol : kProtocols) {
        CAPTURE(text(protocol));
        auto fixture = makeFixture();
        Backend& backend = fixture->backend();
        if (!requireCapability(*fixture, backend.capabilities().persistentReservations,
                               "persistent reservations") ||
            !ensureElevated(*fixture))
            return;
        const PortRange block = freePorts(*fixture, 10);
        PersistentCleanup cleanup(backend, protocol, block);

        auto created = backend.createPersistent(protocol, block);
        if (!created && refusedAfterAll(*fixture, created.error(), "persistent create"))
            return;
        REQUIRE_MESSAGE(created.ok(), created.error().describe());
        CHECK(created->protocol == protocol);
        CHECK(created->range == block);
        CHECK(created->persistent);
        if (backend.capabilities().persistentTokens)
            CHECK(created->token != kNoToken);

        auto found = backend.lookupPersistent(protocol, block);
        REQUIRE_MESSAGE(found.ok(), found.error().describe());
        CHECK(found->range == block);
        CHECK(found->protocol == protocol);
        if (backend.capabilities().persistentTokens)
            CHECK(found->token == created->token);

        if (backend.capabilities().discoverReservations) {
            auto listed = backend.listReservations(protocol);
            REQUIRE_MESSAGE(listed.ok(), listed.error().describe());
            CHECK(hasPersistentBlock(listed.value(), protocol, block));
        }

        // Lookup matches the exact (start, count) only, and one protocol only.
        const PortRange notTheBlock[] = {
            {block.start, std::uint16_t(block.count - 1)},                    // a sub-range
            {std::uint16_t(block.start + 1), std::uint16_t(block.count - 1)}, // its tail
            {std::uint16_t(block.start + 1), block.count},                    // shifted
        };
        for (const PortRange& other : notTheBlock) {
            CAPTURE(toString(other));
            auto missing = backend.lookupPersistent(protocol, other);
            REQUIRE_FALSE(missing.ok());
            CHECK(missing.error().kind == ErrorKind::NotFound);
            CHECK_FALSE(missing.error().message.empty());
        }
        const Protocol otherProtocol = protocol == Protocol::Tcp ? Protocol::Udp : Protocol::Tcp;
        auto wrongProtocol = backend.lookupPersistent(otherProtocol, block);
        REQUIRE_FALSE(wrongProtocol.ok());
        CHECK(wrongProtocol.error().kind == ErrorKind::NotFound);

        auto deleted = backend.deletePersistent(protocol, block);
        REQUIRE_MESSAGE(deleted.ok(), deleted.error().describe());
        auto gone = backend.lookupPersistent(protocol, block);
        REQUIRE_FALSE(gone.ok());
        CHECK(gone.error().kind == ErrorKind::NotFound);

        auto again = backend.deletePersistent(protocol, block);
        REQUIRE_FALSE(again.ok());
        CHECK(again.error().kind == ErrorKind::NotFound);

        if (backend.capabilities().discoverReservations) {
            auto listed = backend.listReservations(protocol);
            REQUIRE(listed.ok());
            CHECK_FALSE(hasPersistentBlock(listed.value(), protocol, block));
        }
    }
}

TEST_CASE("conformance: a persistent block overlapping a reservation is a Conflict")
{
    auto fixture = makeFixture();
    Backend& backend = fixture->backend();
    if (!requireCapability(*fixture, backend.capabilities().persistentReservations,
                           "persistent reservations") ||
        !ensureElevated(*fixture))
        return;
    const PortRange block = freePorts(*fixture, 10);
    const PortRange first{block.start, 5};
    PersistentCleanup cleanup(backend, Protocol::Tcp, first);
    auto created = backend.createPersistent(Protocol::Tcp, first);
    if (!created && refusedAfterAll(*fixture, created.error(), "persistent create"))
        return;
    REQUIRE_MESSAGE(created.ok(), created.error().describe());

    const PortRange overlapping[] = {
        first,                               // the same block again
        {std::uint16_t(block.start + 3), 5}, // overlaps its tail
        {block.start, 1},                    // inside it
    };
    for (const PortRange& range : overlapping) {
        CAPTURE(toString(range));
        PersistentCleanup undoIfWronglyCreated(backend, Protocol::Tcp,
                                               range == first ? PortRange{} : range);
        auto conflict = backend.createPersistent(Protocol::Tcp, range);
        REQUIRE_FALSE(conflict.ok());
        CHECK(conflict.error().kind == ErrorKind::Conflict);
        CHECK_FALSE(conflict.error().message.empty());
        if (!(range == first)) {
            auto looked = backend.lookupPersistent(Protocol::Tcp, range);
            REQUIRE_FALSE(looked.ok());
            CHECK(looked.error().kind == ErrorKind::NotFound);
        }
    }
    // The first block is untouched.
    auto still = backend.lookupPersistent(Protocol::Tcp, first);
    REQUIRE_MESSAGE(still.ok(), still.error().describe());
    if (backend.capabilities().persistentTokens)
        CHECK(still->token == created->token);
}

TEST_CASE("conformance: a persistent block over an occupied port is a Conflict")
{
    for (Protocol protocol : kProtocols) {
        CAPTURE(text(protocol));
        auto fixture = makeFixture();
        Backend& backend = fixture->backend();
        if (!requireCapability(*fixture, backend.capabilities().persistentReservations,
                               "persistent reservations") ||
            !ensureElevated(*fixture))
            return;
        const PortRange block = freePorts(*fixture, 10);
        const std::uint16_t busy = std::uint16_t(block.start + 3);
        if (!fixture->occupyPort(protocol, busy)) {
            skipCase(fixture->description() + ": cannot occupy a port");
            return;
        }
        PersistentCleanup cleanup(backend, protocol, block);
        auto created = backend.createPersistent(protocol, block);
        if (!created && refusedAfterAll(*fixture, created.error(), "persistent create"))
            return;
        REQUIRE_FALSE(created.ok());
        CHECK(created.error().kind == ErrorKind::Conflict);
        CHECK_FALSE(created.error().message.empty());
        auto looked = backend.lookupPersistent(protocol, block);
        REQUIRE_FALSE(looked.ok());
        CHECK(looked.error().kind == ErrorKind::NotFound);

        // Once the port is free again the same block can be reserved.
        fixture->releasePort(protocol, busy);
        auto retried = backend.createPersistent(protocol, block);
        REQUIRE_MESSAGE(retried.ok(), retried.error().describe());
    }
}

TEST_CASE("conformance: invalid persistent ranges are InvalidArgument and create nothing")
{
    auto fixture = makeFixture();
    Backend& backend = fixture->backend();
    if (!requireCapability(*fixture, backend.capabilities().persistentReservations,
                           "persistent reservations") ||
        !ensureElevated(*fixture))
        return;
    const PortRange block = freePorts(*fixture, 10);
    struct Case
    {
        const char* what;
        PortRange range;
        PortRange validPart; // what a backend that wrapped or clipped might have created
    };
    const Case cases[] = {
        {"start 0", {0, 10}, {1, 9}},
        {"count 0", {block.start, 0}, {block.start, 1}},
        {"runs past 65535", {65530, 10}, {65530, 6}},
        {"ends at 65536", {65535, 2}, {65535, 1}},
    };
    std::optional<std::size_t> before;
    if (backend.capabilities().discoverReservations) {
        auto listed = backend.listReservations(std::nullopt);
        REQUIRE(listed.ok());
        before = listed->size();
    }
    for (const Case& c : cases) {
        CAPTURE(c.what);
        PersistentCleanup undoValidPart(backend, Protocol::Tcp, c.validPart);
        auto created = backend.createPersistent(Protocol::Tcp, c.range);
        if (!created && refusedAfterAll(*fixture, created.error(), "persistent create"))
            return;
        REQUIRE_FALSE(created.ok());
        CHECK(created.error().kind == ErrorKind::InvalidArgument);
        CHECK_FALSE(created.error().message.empty());

        auto looked = backend.lookupPersistent(Protocol::Tcp, c.range);
        REQUIRE_FALSE(looked.ok());
        CHECK(looked.error().kind == ErrorKind::InvalidArgument);

        auto clipped = backend.lookupPersistent(Protocol::Tcp, c.validPart);
        REQUIRE_FALSE(clipped.ok());
        CHECK(clipped.error().kind == ErrorKind::NotFound);
    }
    if (before) {
        auto listed = backend.listReservations(std::nullopt);
        REQUIRE(listed.ok());
        CHECK(listed->size() == *before);
    }
}

TEST_CASE("conformance: create and delete need elevation, lookup does not")
{
    auto fixture = makeFixture();
    Backend& backend = fixture->backend();
    if (!requireCapability(*fixture, backend.capabilities().persistentReservations,
                           "persistent reservations"))
        return;
    if (!fixture->setElevated(true)) {
        skipCase(fixture->description() + ": elevation cannot be switched");
        return;
    }
    const PortRange block = freePorts(*fixture, 10);
    const PortRange held{block.start, 4};
    const PortRange other{std::uint16_t(block.start + 5), 4};
    PersistentCleanup cleanupHeld(backend, Protocol::Tcp, held);
    PersistentCleanup cleanupOther(backend, Protocol::Tcp, other);
    auto created = backend.createPersistent(Protocol::Tcp, held);
    if (!created && refusedAfterAll(*fixture, created.error(), "persistent create"))
        return;
    REQUIRE_MESSAGE(created.ok(), created.error().describe());

    REQUIRE(fixture->setElevated(false));
    CHECK_FALSE(backend.isElevated());
    auto denied = backend.createPersistent(Protocol::Tcp, other);
    REQUIRE_FALSE(denied.ok());
    CHECK(denied.error().kind == ErrorKind::AccessDenied);
    CHECK_FALSE(denied.error().message.empty());

    auto looked = backend.lookupPersistent(Protocol::Tcp, held);
    REQUIRE_MESSAGE(looked.ok(), looked.error().describe());
    CHECK(looked->range == held);

    auto notDeleted = backend.deletePersistent(Protocol::Tcp, held);
    REQUIRE_FALSE(notDeleted.ok());
    CHECK(notDeleted.error().kind == ErrorKind::AccessDenied);

    REQUIRE(fixture->setElevated(true));
    CHECK(backend.isElevated());
    CHECK(backend.lookupPersistent(Protocol::Tcp, held).ok()); // survived the denied delete
    CHECK_FALSE(backend.lookupPersistent(Protocol::Tcp, other).ok());
    auto deleted = backend.deletePersistent(Protocol::Tcp, held);
    CHECK_MESSAGE(deleted.ok(), deleted.error().describe());
}

TEST_CASE("conformance: a bind probe of a free port is Free and binds the port asked for")
{
    for (Protocol protocol : kProtocols) {
        CAPTURE(text(protocol));
        auto fixture = makeFixture();
        Backend& backend = fixture->backend();
        if (!requireCapability(*fixture, backend.capabilities().bindProbe, "bind probe"))
            return;
        const PortRange block = freePorts(*fixture, 10);
        const auto probe =
            backend.bindProbe(BindTarget{protocol, AddressFamily::IPv4, "127.0.0.1", block.start});
        CAPTURE(probe.error ? probe.error->describe() : std::string("no error"));
        CHECK(probe.outcome == BindOutcome::Free);
        CHECK(probe.boundPort == block.start);
        CHECK_FALSE(probe.error.has_value());
    }
}

TEST_CASE("conformance: a bind probe of an occupied port is InUse")
{
    for (Protocol protocol : kProtocols) {
        CAPTURE(text(protocol));
        auto fixture = makeFixture();
        Backend& backend = fixture->backend();
        if (!requireCapability(*fixture, backend.capabilities().bindProbe, "bind probe"))
            return;
        const std::uint16_t busy = std::uint16_t(freePorts(*fixture, 10).start + 1);
        if (!fixture->occupyPort(protocol, busy)) {
            skipCase(fixture->description() + ": cannot occupy a port");
            return;
        }
        const BindTarget target{protocol, AddressFamily::IPv4, "127.0.0.1", busy};
        const auto probe = backend.bindProbe(target);
        CHECK(probe.outcome == BindOutcome::InUse);
        REQUIRE(probe.error.has_value());
        CHECK(probe.error->kind == ErrorKind::Conflict);
        CHECK(probe.error->code != 0);
        CHECK_FALSE(probe.error->name.empty());
        CHECK_FALSE(probe.error->message.empty());

        fixture->releasePort(protocol, busy);
        CHECK(backend.bindProbe(target).outcome == BindOutcome::Free);
    }
}

TEST_CASE("conformance: a bind probe of port 0 takes a port the system chooses")
{
    for (Protocol protocol : kProtocols) {
        CAPTURE(text(protocol));
        auto fixture = makeFixture();
        Backend& backend = fixture->backend();
        if (!requireCapability(*fixture, backend.capabilities().bindProbe, "bind probe"))
            return;
        const auto probe =
            backend.bindProbe(BindTarget{protocol, AddressFamily::IPv4, "127.0.0.1", 0});
        CAPTURE(probe.error ? probe.error->describe() : std::string("no error"));
        CHECK(probe.outcome == BindOutcome::Free);
        CHECK(probe.boundPort != 0);
    }
}

TEST_CASE("conformance: a socket holds its port until it is closed")
{
    auto fixture = makeFixture();
    Backend& backend = fixture->backend();
    if (!requireCapability(*fixture, backend.capabilities().bindProbe, "bind probe"))
        return;
    const PortRange block = freePorts(*fixture, 10);
    const BindTarget target{Protocol::Tcp, AddressFamily::IPv4, "127.0.0.1",
                            std::uint16_t(block.start + 2)};
    {
        auto socket = backend.openSocket(SocketSpec::forProtocol(Protocol::Tcp));
        REQUIRE_MESSAGE(socket.ok(), socket.error().describe());
        auto bound = socket.value()->bind("127.0.0.1", target.port);
        REQUIRE_MESSAGE(bound.ok(), bound.error().describe());
        auto port = socket.value()->localPort();
        REQUIRE(port.ok());
        CHECK(port.value() == target.port);
        CHECK(backend.bindProbe(target).outcome == BindOutcome::InUse);
    }
    CHECK(backend.bindProbe(target).outcome == BindOutcome::Free);
}

TEST_CASE("conformance: a scan folds ports into runs")
{
    auto fixture = makeFixture();
    Backend& backend = fixture->backend();
    if (!requireCapability(*fixture, backend.capabilities().bindProbe, "bind probe"))
        return;
    const PortRange block = freePorts(*fixture, 8);
    const std::uint16_t busy = std::uint16_t(block.start + 2);
    if (!fixture->occupyPort(Protocol::Tcp, busy)) {
        skipCase(fixture->description() + ": cannot occupy a port");
        return;
    }
    ScanRequest request;
    request.protocol = Protocol::Tcp;
    request.address = "127.0.0.1";
    request.first = block.start;
    request.last = block.end();
    request.threads = 2;

    std::mutex mutex;
    std::vector<std::pair<std::uint32_t, std::uint32_t>> reports;
    auto result = backend.scan(
        request,
        [&](std::uint32_t done, std::uint32_t total) {
            std::lock_guard lock(mutex);
            reports.emplace_back(done, total);
        },
        std::stop_token{});
    REQUIRE_MESSAGE(result.ok(), result.error().describe());
    CHECK_FALSE(result->cancelled);
    CHECK(result->probed == block.count);
    REQUIRE(result->runs.size() == 3);
    const auto& runs = result->runs;
    CHECK(runs[0].first == block.start);
    CHECK(runs[0].last == busy - 1);
    CHECK(runs[0].outcome == BindOutcome::Free);
    CHECK(runs[1].first == busy);
    CHECK(runs[1].last == busy);
    CHECK(runs[1].outcome == BindOutcome::InUse);
    CHECK(runs[1].code != 0);
    CHECK_FALSE(runs[1].codeName.empty());
    CHECK(runs[2].first == busy + 1);
    CHECK(runs[2].last == block.end());
    CHECK(runs[2].outcome == BindOutcome::Free);

    SUBCASE("progress is monotonic and ends at the total")
    {
        REQUIRE_FALSE(reports.empty());
        for (std::size_t i = 0; i < reports.size(); ++i) {
            CAPTURE(i);
            CHECK(reports[i].second == block.count);
            CHECK(reports[i].first <= reports[i].second);
            if (i > 0)
                CHECK(reports[i].first > reports[i - 1].first);
        }
        CHECK(reports.back().first == block.count);
    }
}

TEST_CASE("conformance: a scan stops when asked")
{
    auto fixture = makeFixture();
    Backend& backend = fixture->backend();
    if (!requireCapability(*fixture, backend.capabilities().bindProbe, "bind probe"))
        return;
    const PortRange block = freePorts(*fixture, 8);
    ScanRequest request;
    request.protocol = Protocol::Tcp;
    request.address = "127.0.0.1";
    request.first = block.start;
    // Long enough to be interrupted: probes are harmless binds on loopback.
    request.last = std::uint16_t(std::min<std::uint32_t>(65535, block.start + 2999u));
    request.threads = 2;
    const std::uint32_t total = request.last - request.first + 1;

    SUBCASE("cancelled before it starts")
    {
        std::stop_source source;
        source.request_stop();
        auto result = backend.scan(request, {}, source.get_token());
        REQUIRE_MESSAGE(result.ok(), result.error().describe());
        CHECK(result->cancelled);
        CHECK(result->probed < total);
    }
    SUBCASE("cancelled while running")
    {
        std::stop_source source;
        auto result = backend.scan(
            request, [&](std::uint32_t, std::uint32_t) { source.request_stop(); },
            source.get_token());
        REQUIRE_MESSAGE(result.ok(), result.error().describe());
        CHECK(result->cancelled);
        CHECK(result->probed > 0);
        CHECK(result->probed < total);
        // What it reports is a gap-free prefix of the range.
        REQUIRE_FALSE(result->runs.empty());
        CHECK(result->runs.front().first == request.first);
        for (std::size_t i = 1; i < result->runs.size(); ++i)
            CHECK(result->runs[i].first == result->runs[i - 1].last + 1);
        CHECK(result->runs.back().last == request.first + result->probed - 1);
    }
}

TEST_CASE("conformance: the dynamic port range is sane")
{
    auto fixture = makeFixture();
    Backend& backend = fixture->backend();
    if (!requireCapability(*fixture, backend.capabilities().dynamicRange, "dynamic range"))
        return;
    for (Protocol protocol : kProtocols) {
        CAPTURE(text(protocol));
        auto range = backend.dynamicRange(protocol);
        REQUIRE_MESSAGE(range.ok(), range.error().describe());
        CHECK(range->start >= 1);
        CHECK(range->count >= 255);
        CHECK(range->end() <= 65535);
        CHECK_FALSE(range->overlaps(fixture->freeBlock()));
    }
}

TEST_CASE("conformance: listeners include an occupied port")
{
    for (Protocol protocol : kProtocols) {
        CAPTURE(text(protocol));
        auto fixture = makeFixture();
        Backend& backend = fixture->backend();
        if (!requireCapability(*fixture, backend.capabilities().listeners, "listener list"))
            return;
        const std::uint16_t port = std::uint16_t(fixture->freeBlock().start + 4);
        if (!fixture->occupyPort(protocol, port)) {
            skipCase(fixture->description() + ": cannot occupy a port");
            return;
        }
        auto isOurs = [&](const Listener& l) { return l.protocol == protocol && l.port == port; };

        auto mine = backend.listeners(protocol);
        REQUIRE_MESSAGE(mine.ok(), mine.error().describe());
        CHECK(std::any_of(mine->begin(), mine->end(), isOurs));
        CHECK(std::all_of(mine->begin(), mine->end(),
                          [&](const Listener& l) { return l.protocol == protocol; }));
        auto all = backend.listeners(std::nullopt);
        REQUIRE(all.ok());
        CHECK(std::any_of(all->begin(), all->end(), isOurs));

        fixture->releasePort(protocol, port);
        auto after = backend.listeners(protocol);
        REQUIRE(after.ok());
        CHECK_FALSE(std::any_of(after->begin(), after->end(), isOurs));
    }
}

TEST_CASE("conformance: runtime reservation shared with a second socket of the process")
{
    for (Protocol protocol : kProtocols) {
        CAPTURE(text(protocol));
        auto fixture = makeFixture();
        Backend& backend = fixture->backend();
        if (!requireCapability(*fixture, backend.capabilities().runtimeReservations,
                               "runtime reservations"))
            return;
        const PortRange block = freePorts(*fixture, 10);
        const SocketSpec spec = SocketSpec::forProtocol(protocol);

        auto holder = backend.openSocket(spec);
        REQUIRE_MESSAGE(holder.ok(), holder.error().describe());
        auto acquired = holder.value()->acquireReservation(block);
        if (!acquired && refusedAfterAll(*fixture, acquired.error(), "runtime acquire"))
            return;
        REQUIRE_MESSAGE(acquired.ok(), acquired.error().describe());
        CHECK(acquired->token != kNoToken);
        CHECK(acquired->range == block);
        CHECK(acquired->protocol == protocol);
        CHECK_FALSE(acquired->persistent);
        const Token token = acquired->token;

        // The probe pattern of docs/windows-semantics.md#runtime-ioctls: the acquiring socket stays
        // open, a second socket associates and binds to port 0, and receives a port of the block.
        {
            auto user = backend.openSocket(spec);
            REQUIRE(user.ok());
            auto associated = user.value()->associateReservation(token);
            REQUIRE_MESSAGE(associated.ok(), associated.error().describe());
            auto bound = user.value()->bind("127.0.0.1", 0);
            REQUIRE_MESSAGE(bound.ok(), bound.error().describe());
            auto port = user.value()->localPort();
            REQUIRE_MESSAGE(port.ok(), port.error().describe());
            CHECK(block.contains(port.value()));
        }

        auto released = holder.value()->releaseReservation(token);
        REQUIRE_MESSAGE(released.ok(), released.error().describe());

        auto late = backend.openSocket(spec);
        REQUIRE(late.ok());
        auto stale = late.value()->associateReservation(token);
        REQUIRE_FALSE(stale.ok());
        CHECK(stale.error().kind == ErrorKind::InvalidArgument);

        auto twice = holder.value()->releaseReservation(token);
        REQUIRE_FALSE(twice.ok());
        CHECK(twice.error().kind == ErrorKind::InvalidArgument);
    }
}

TEST_CASE("conformance: runtime reservation rules")
{
    auto fixture = makeFixture();
    Backend& backend = fixture->backend();
    if (!requireCapability(*fixture, backend.capabilities().runtimeReservations,
                           "runtime reservations"))
        return;
    const PortRange block = freePorts(*fixture, 10);
    const SocketSpec tcp = SocketSpec::forProtocol(Protocol::Tcp);
    {
        // Probe once whether the system really supports the IOCTLs.
        auto socket = backend.openSocket(tcp);
        REQUIRE(socket.ok());
        auto acquired = socket.value()->acquireReservation(block);
        if (!acquired && refusedAfterAll(*fixture, acquired.error(), "runtime acquire"))
            return;
        REQUIRE_MESSAGE(acquired.ok(), acquired.error().describe());
    }

    SUBCASE("it ends when the acquiring socket is closed")
    {
        Token token = kNoToken;
        {
            auto socket = backend.openSocket(tcp);
            REQUIRE(socket.ok());
            auto acquired = socket.value()->acquireReservation(block);
            REQUIRE_MESSAGE(acquired.ok(), acquired.error().describe());
            token = acquired->token;
        }
        auto user = backend.openSocket(tcp);
        REQUIRE(user.ok());
        auto associated = user.value()->associateReservation(token);
        REQUIRE_FALSE(associated.ok());
        CHECK(associated.error().kind == ErrorKind::InvalidArgument);
        // The block is free again.
        auto again = backend.openSocket(tcp);
        REQUIRE(again.ok());
        CHECK(again.value()->acquireReservation(block).ok());
    }
    SUBCASE("the system picks the block when start is 0")
    {
        auto socket = backend.openSocket(tcp);
        REQUIRE(socket.ok());
        auto acquired = socket.value()->acquireReservation(PortRange{0, 8});
        REQUIRE_MESSAGE(acquired.ok(), acquired.error().describe());
        CHECK(acquired->range.start != 0);
        CHECK(acquired->range.count == 8);
        CHECK(acquired->token != kNoToken);
        if (backend.capabilities().dynamicRange) {
            auto dynamic = backend.dynamicRange(Protocol::Tcp);
            REQUIRE(dynamic.ok());
            CHECK(dynamic->contains(acquired->range.start));
            CHECK(dynamic->contains(acquired->range.end()));
        }
    }
    SUBCASE("association must come before bind")
    {
        auto holder = backend.openSocket(tcp);
        REQUIRE(holder.ok());
        auto acquired = holder.value()->acquireReservation(block);
        REQUIRE_MESSAGE(acquired.ok(), acquired.error().describe());
        auto user = backend.openSocket(tcp);
        REQUIRE(user.ok());
        REQUIRE(user.value()->bind("127.0.0.1", 0).ok());
        auto late = user.value()->associateReservation(acquired->token);
        REQUIRE_FALSE(late.ok());
        CHECK(late.error().kind == ErrorKind::InvalidArgument);
    }
    SUBCASE("invalid blocks are refused")
    {
        auto socket = backend.openSocket(tcp);
        REQUIRE(socket.ok());
        for (PortRange bad : {PortRange{block.start, 0}, PortRange{65530, 10}}) {
            CAPTURE(bad.start);
            CAPTURE(bad.count);
            auto acquired = socket.value()->acquireReservation(bad);
            REQUIRE_FALSE(acquired.ok());
            CHECK(acquired.error().kind == ErrorKind::InvalidArgument);
        }
    }
    SUBCASE("a token this process did not acquire cannot be released or associated")
    {
        auto socket = backend.openSocket(tcp);
        REQUIRE(socket.ok());
        const Token stranger = 0x5eed5eed5eed5eedull;
        auto released = socket.value()->releaseReservation(stranger);
        REQUIRE_FALSE(released.ok());
        CHECK(released.error().kind == ErrorKind::InvalidArgument);
        auto associated = socket.value()->associateReservation(stranger);
        REQUIRE_FALSE(associated.ok());
        CHECK(associated.error().kind == ErrorKind::InvalidArgument);
    }
    SUBCASE("two runtime blocks cannot overlap")
    {
        auto first = backend.openSocket(tcp);
        REQUIRE(first.ok());
        REQUIRE(first.value()->acquireReservation(block).ok());
        auto second = backend.openSocket(tcp);
        REQUIRE(second.ok());
        auto overlapping =
            second.value()->acquireReservation(PortRange{std::uint16_t(block.start + 5), 5});
        REQUIRE_FALSE(overlapping.ok());
        CHECK(overlapping.error().kind == ErrorKind::Conflict);
    }
}

// docs/windows-semantics.md#persistent-sharing
TEST_CASE("conformance: persistent and runtime reservations together")
{
    auto fixture = makeFixture();
    Backend& backend = fixture->backend();
    const Capabilities caps = backend.capabilities();
    if (!requireCapability(*fixture, caps.persistentReservations && caps.bindProbe,
                           "persistent reservations and bind probe") ||
        !ensureElevated(*fixture))
        return;
    const PortRange block = freePorts(*fixture, 10);
    PersistentCleanup cleanup(backend, Protocol::Tcp, block);
    auto created = backend.createPersistent(Protocol::Tcp, block);
    if (!created && refusedAfterAll(*fixture, created.error(), "persistent create"))
        return;
    REQUIRE_MESSAGE(created.ok(), created.error().describe());

    SUBCASE("an explicit bind inside a persistent reservation succeeds")
    {
        const auto probe = backend.bindProbe(BindTarget{
            Protocol::Tcp, AddressFamily::IPv4, "127.0.0.1", std::uint16_t(block.start + 1)});
        CAPTURE(probe.error ? probe.error->describe() : std::string("no error"));
        CHECK(probe.outcome == BindOutcome::Free);
    }
    SUBCASE("a runtime acquire overlapping it is a Conflict")
    {
        if (!requireCapability(*fixture, caps.runtimeReservations, "runtime reservations"))
            return;
        auto socket = backend.openSocket(SocketSpec::forProtocol(Protocol::Tcp));
        REQUIRE(socket.ok());
        auto acquired =
            socket.value()->acquireReservation(PortRange{std::uint16_t(block.start + 2), 4});
        if (!acquired && refusedAfterAll(*fixture, acquired.error(), "runtime acquire"))
            return;
        REQUIRE_FALSE(acquired.ok());
        CHECK(acquired.error().kind == ErrorKind::Conflict);
    }
    SUBCASE("a socket associated with its token binds inside it")
    {
        if (!requireCapability(*fixture, caps.runtimeReservations && caps.persistentTokens,
                               "runtime reservations with persistent tokens"))
            return;
        auto socket = backend.openSocket(SocketSpec::forProtocol(Protocol::Tcp));
        REQUIRE(socket.ok());
        auto associated = socket.value()->associateReservation(created->token);
        if (!associated && refusedAfterAll(*fixture, associated.error(), "runtime associate"))
            return;
        REQUIRE_MESSAGE(associated.ok(), associated.error().describe());
        REQUIRE(socket.value()->bind("0.0.0.0", 0).ok());
        auto port = socket.value()->localPort();
        REQUIRE(port.ok());
        CHECK(block.contains(port.value()));

        if (fixture->setElevated(false)) {
            auto unelevated = backend.openSocket(SocketSpec::forProtocol(Protocol::Tcp));
            REQUIRE(unelevated.ok());
            auto denied = unelevated.value()->associateReservation(created->token);
            REQUIRE_FALSE(denied.ok());
            CHECK(denied.error().kind == ErrorKind::AccessDenied);
            REQUIRE(fixture->setElevated(true));
        }
    }
}

} // namespace portolan::test
