// SPDX-License-Identifier: GPL-3.0-or-later
#include "scanner.h"

#include <algorithm>
#include <atomic>
#include <mutex>
#include <thread>
#include <vector>

namespace portolan {
namespace {

struct Chunk
{
    std::vector<ScanRun> runs;
    bool complete = false;
};

void appendPort(std::vector<ScanRun>& runs, std::uint16_t port, const BindProbeResult& result)
{
    const std::int64_t code = result.error ? result.error->code : 0;
    const std::string emptyName;
    const std::string& name = result.error ? result.error->name : emptyName;
    if (!runs.empty()) {
        ScanRun& last = runs.back();
        if (last.last + 1 == port && last.outcome == result.outcome && last.code == code &&
            last.codeName == name && last.holder == result.holder &&
            last.shadowedBy == result.shadowedBy) {
            last.last = port;
            return;
        }
    }
    runs.push_back(
        ScanRun{port, port, result.outcome, code, name, result.holder, result.shadowedBy});
}

} // namespace

ScanResult scanPorts(const ScanRequest& request, const PortProbe& probe,
                     const ScanProgress& progress, std::stop_token stop)
{
    ScanResult result;
    result.request = request;
    const std::uint32_t first = request.first;
    const std::uint32_t total = request.last >= request.first ? request.last - first + 1 : 0;
    if (total == 0)
        return result;

    unsigned threads = request.threads;
    if (threads == 0)
        threads = std::max(2u, std::thread::hardware_concurrency());
    threads = std::min<unsigned>(threads, total);

    // Small chunks keep every thread busy to the end; large ones keep the bookkeeping cheap.
    const std::uint32_t chunkSize = std::clamp<std::uint32_t>(total / (threads * 16), 16, 512);
    const std::uint32_t chunkCount = (total + chunkSize - 1) / chunkSize;
    std::vector<Chunk> chunks(chunkCount);
    std::atomic<std::uint32_t> nextChunk{0};
    std::atomic<std::uint32_t> done{0};
    std::mutex progressMutex; // guards what follows
    std::uint32_t lastReported = 0;
    std::vector<char> finished(chunkCount, 0);
    std::uint32_t settledChunks = 0; // chunks [0, settledChunks) have been reported as runs
    std::vector<ScanRun> settled;

    auto worker = [&] {
        for (;;) {
            const std::uint32_t index = nextChunk.fetch_add(1, std::memory_order_relaxed);
            if (index >= chunkCount || stop.stop_requested())
                return;
            Chunk& chunk = chunks[index];
            const std::uint32_t begin = first + index * chunkSize;
            const std::uint32_t end = std::min(begin + chunkSize, first + total);
            std::uint32_t port = begin;
            for (; port < end; ++port) {
                if (stop.stop_requested())
                    break;
                appendPort(chunk.runs, static_cast<std::uint16_t>(port),
                           probe(static_cast<std::uint16_t>(port)));
            }
            chunk.complete = port == end;
            const std::uint32_t now = done.fetch_add(port - begin) + (port - begin);
            if (progress) {
                std::lock_guard lock(progressMutex);
                if (now > lastReported) {
                    lastReported = now;
                    progress(now, total);
                }
                if (progress.wantsRuns() && port == end) {
                    finished[index] = 1;
                    settled.clear();
                    for (; settledChunks < chunkCount && finished[settledChunks]; ++settledChunks) {
                        const auto& runs = chunks[settledChunks].runs;
                        settled.insert(settled.end(), runs.begin(), runs.end());
                    }
                    if (!settled.empty())
                        progress.settled(settled);
                }
            }
            if (!chunk.complete)
                return;
        }
    };

    std::vector<std::thread> pool;
    pool.reserve(threads - 1);
    for (unsigned i = 1; i < threads; ++i)
        pool.emplace_back(worker);
    worker();
    for (auto& thread : pool)
        thread.join();

    // Keep only the contiguous prefix that was probed: a cancelled scan reports what it knows
    // from the start of the range, with no holes in it.
    for (const Chunk& chunk : chunks) {
        for (const ScanRun& run : chunk.runs) {
            if (!result.runs.empty()) {
                ScanRun& last = result.runs.back();
                if (last.last + 1 == run.first && last.outcome == run.outcome &&
                    last.code == run.code && last.codeName == run.codeName &&
                    last.holder == run.holder && last.shadowedBy == run.shadowedBy) {
                    last.last = run.last;
                    result.probed += run.last - run.first + 1;
                    continue;
                }
            }
            result.runs.push_back(run);
            result.probed += run.last - run.first + 1;
        }
        if (!chunk.complete)
            break;
    }
    result.cancelled = result.probed < total;
    return result;
}

} // namespace portolan
