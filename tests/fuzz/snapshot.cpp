// SPDX-License-Identifier: GPL-3.0-or-later
// Fuzz target: the host snapshot reader, what `portolan --import` reads from other machines'
// `portolan-cli snapshot` output and what a report embeds. A document that is refused is
// refused as bad input, naming where; one that is read is written back as a document that
// reads again the same, and comparing it with itself or with nothing finds what it holds.
#include "fuzzcheck.h"

#include "platform/snapshot/hostsnapshot.h"

#include <string>

namespace {

using namespace portolan;

constexpr std::string_view kSource = "fleet/host.json";

std::size_t blockCount(const HostSnapshot& s)
{
    return s.persistent.size() + s.runtime.size();
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const auto read = snapshotFromJson(fuzz::asText(data, size), kSource);
    if (!read) {
        FUZZ_CHECK(read.error().kind == ErrorKind::InvalidArgument);
        FUZZ_CHECK(read.error().message.rfind(std::string(kSource) + ": ", 0) == 0);
        return 0;
    }
    const HostSnapshot& snapshot = read.value();

    const std::string written = snapshotToJson(snapshot);
    const auto again = snapshotFromJson(written, kSource);
    if (!again) {
        std::fprintf(stderr, "re-read failed: %s\n", again.error().message.c_str());
        FUZZ_CHECK(again.ok());
    }
    FUZZ_CHECK(snapshotToJson(again.value()) == written);

    // The since-boot panel and `check` compare snapshots: a machine compared with itself has
    // not moved, and against an empty machine every block has appeared (or vanished).
    FUZZ_CHECK(diffSnapshots(snapshot, snapshot).empty());
    const HostSnapshot nothing;
    const SnapshotDiff appeared = diffSnapshots(nothing, snapshot);
    FUZZ_CHECK(appeared.appeared.size() == blockCount(snapshot));
    FUZZ_CHECK(appeared.moved.empty() && appeared.vanished.empty());
    const SnapshotDiff vanished = diffSnapshots(snapshot, nothing);
    FUZZ_CHECK(vanished.vanished.size() == blockCount(snapshot));
    FUZZ_CHECK(vanished.moved.empty() && vanished.appeared.empty());
    return 0;
}
