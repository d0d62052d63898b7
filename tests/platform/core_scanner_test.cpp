// SPDX-License-Identifier: GPL-3.0-or-later
#include "platform/nativecodes.h"
#include "platform/scanner.h"

#include <doctest/doctest.h>

#include <atomic>
#include <mutex>
#include <set>
#include <thread>
#include <vector>

using namespace portolan;

namespace {

// Ports 10-12 are in use, 30 is forbidden (held by "WinNAT"), everything else is free.
BindProbeResult fakeProbe(std::uint16_t port)
{
    BindProbeResult result;
    if (port >= 10 && port <= 12) {
        result.outcome = BindOutcome::InUse;
        result.error = native::windowsError(native::kWsaEaddrinuse, "bind");
    } else if (port == 30) {
        result.outcome = BindOutcome::Forbidden;
        result.error = native::windowsError(native::kWsaEacces, "bind");
        result.holder.owner = "WinNAT";
    } else {
        result.outcome = BindOutcome::Free;
        result.boundPort = port;
    }
    return result;
}

ScanRequest request(std::uint16_t first, std::uint16_t last, unsigned threads)
{
    ScanRequest r;
    r.first = first;
    r.last = last;
    r.threads = threads;
    return r;
}

} // namespace

TEST_CASE("a scan folds ports into runs of equal outcome, whatever the thread count")
{
    const std::vector<ScanRun> expected = {
        {1, 9, BindOutcome::Free, 0, "", {}},
        {10, 12, BindOutcome::InUse, native::kWsaEaddrinuse, "WSAEADDRINUSE", {}},
        {13, 29, BindOutcome::Free, 0, "", {}},
        {30, 30, BindOutcome::Forbidden, native::kWsaEacces, "WSAEACCES",
         Holder{.owner = "WinNAT"}},
        {31, 2000, BindOutcome::Free, 0, "", {}},
    };
    for (unsigned threads : {1u, 2u, 3u, 8u}) {
        CAPTURE(threads);
        const ScanResult result = scanPorts(request(1, 2000, threads), fakeProbe, {}, {});
        CHECK_FALSE(result.cancelled);
        CHECK(result.probed == 2000);
        CHECK(result.runs == expected);
    }
}

TEST_CASE("every port is probed exactly once")
{
    std::mutex mutex;
    std::multiset<std::uint16_t> seen;
    const ScanResult result = scanPorts(request(100, 5099, 4),
                                        [&](std::uint16_t port) {
                                            std::lock_guard lock(mutex);
                                            seen.insert(port);
                                            return fakeProbe(port);
                                        },
                                        {}, {});
    CHECK(result.probed == 5000);
    CHECK(seen.size() == 5000);
    CHECK(std::set<std::uint16_t>(seen.begin(), seen.end()).size() == 5000);
    CHECK(*seen.begin() == 100);
    CHECK(*seen.rbegin() == 5099);
}

TEST_CASE("progress is monotonic, never concurrent, and ends at the total")
{
    std::vector<std::uint32_t> reported;
    std::atomic<int> inside{0};
    bool overlapped = false;
    const ScanResult result = scanPorts(request(1, 65535, 4), fakeProbe,
                                        [&](std::uint32_t done, std::uint32_t total) {
                                            if (inside.fetch_add(1) != 0)
                                                overlapped = true;
                                            CHECK(total == 65535);
                                            reported.push_back(done);
                                            inside.fetch_sub(1);
                                        },
                                        {});
    CHECK(result.probed == 65535);
    CHECK_FALSE(overlapped);
    REQUIRE_FALSE(reported.empty());
    CHECK(reported.back() == 65535);
    for (std::size_t i = 1; i < reported.size(); ++i)
        CHECK(reported[i] > reported[i - 1]);
}

TEST_CASE("settled runs come in port order, each port once, and join into the result's runs")
{
    for (unsigned threads : {1u, 4u}) {
        CAPTURE(threads);
        std::vector<ScanRun> joined;
        int reports = 0;
        const ScanProgress progress(
            [](std::uint32_t, std::uint32_t) {},
            [&](const std::vector<ScanRun>& settled) {
                ++reports;
                for (const ScanRun& run : settled) {
                    const std::uint32_t next = joined.empty() ? 1 : joined.back().last + 1;
                    REQUIRE(run.first == next);
                    if (!joined.empty() && joined.back().outcome == run.outcome &&
                        joined.back().code == run.code && joined.back().holder == run.holder)
                        joined.back().last = run.last;
                    else
                        joined.push_back(run);
                }
            });
        const ScanResult result = scanPorts(request(1, 20000, threads), fakeProbe, progress, {});
        CHECK(reports > 1); // more than one report: the runs came while the scan went on
        CHECK(joined == result.runs);
    }
}

TEST_CASE("a cancelled scan stops early and reports only a gap-free prefix")
{
    std::stop_source stop;
    std::atomic<std::uint32_t> calls{0};
    const ScanResult result = scanPorts(
        request(1, 65535, 2),
        [&](std::uint16_t port) {
            if (calls.fetch_add(1) == 3000)
                stop.request_stop();
            return fakeProbe(port);
        },
        {}, stop.get_token());
    CHECK(result.cancelled);
    CHECK(result.probed < 65535);
    CHECK(calls.load() < 65535);
    REQUIRE_FALSE(result.runs.empty());
    CHECK(result.runs.front().first == 1);
    std::uint32_t covered = 0;
    for (std::size_t i = 0; i < result.runs.size(); ++i) {
        covered += result.runs[i].last - result.runs[i].first + 1;
        if (i > 0)
            CHECK(result.runs[i].first == result.runs[i - 1].last + 1);
    }
    CHECK(covered == result.probed);
    CHECK(result.runs.back().last == result.probed);
}

TEST_CASE("a scan stopped before it starts probes nothing")
{
    std::stop_source stop;
    stop.request_stop();
    const ScanResult result = scanPorts(request(1, 100, 2), fakeProbe, {}, stop.get_token());
    CHECK(result.cancelled);
    CHECK(result.probed == 0);
    CHECK(result.runs.empty());
}

TEST_CASE("a single-port scan is one run")
{
    const ScanResult result = scanPorts(request(30, 30, 0), fakeProbe, {}, {});
    REQUIRE(result.runs.size() == 1);
    CHECK(result.runs[0].outcome == BindOutcome::Forbidden);
    CHECK(result.runs[0].holder.describe() == "WinNAT");
}
