// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "platform/backend.h"
#include "platform/error.h"
#include "platform/jsonvalue.h"
#include "platform/types.h"

#include <cstdint>
#include <optional>
#include <stop_token>
#include <string>
#include <string_view>
#include <vector>

// The host snapshot document: everything Portolan knows about one machine's ports at one
// moment, in one versioned JSON form that `portolan-cli snapshot` prints, the report embeds and
// the console imports from other hosts (resources/schemas/snapshot.schema.json).
namespace portolan {

inline constexpr std::string_view kSnapshotSchemaId = "portolan-host-snapshot";
inline constexpr int kSnapshotVersion = 1;

// One run of a scan as the document keeps it: the holder in words, not its parts.
struct SnapshotScanRun
{
    std::uint16_t start = 0;
    std::uint16_t end = 0;
    BindOutcome outcome = BindOutcome::Free;
    std::int64_t code = 0;
    std::string name;   // the native code's symbolic name; empty when none
    std::string holder; // Holder::describe(); empty when nothing is known
    friend bool operator==(const SnapshotScanRun&, const SnapshotScanRun&) = default;
};

struct SnapshotScan
{
    Protocol protocol = Protocol::Tcp;
    AddressFamily family = AddressFamily::IPv4;
    std::string address = "0.0.0.0";
    std::uint16_t first = 1;
    std::uint16_t last = 65535;
    std::vector<SnapshotScanRun> runs;
    friend bool operator==(const SnapshotScan&, const SnapshotScan&) = default;
};

struct HostSnapshot
{
    std::string toolName = "portolan-cli";
    std::string toolVersion;
    std::string host;
    OsInfo os;
    std::string backend; // "windows", "linux", "simulated"
    bool elevated = false;
    std::optional<std::int64_t> bootTime; // seconds since the epoch; unknown on some systems
    std::int64_t gatheredAt = 0;          // seconds since the epoch
    std::optional<PortRange> dynamicTcp;  // absent where the backend cannot tell
    std::optional<PortRange> dynamicUdp;
    // Persistent blocks (token kNoToken where the system has none), then runtime ones (owner
    // and ownerEvidence empty where unknown). Both sorted by protocol and start.
    std::vector<ReservedBlock> persistent;
    std::vector<ReservedBlock> runtime;
    // Listeners: pid -1 and an empty process where unknown; sharing and user are not kept.
    std::vector<Listener> listeners;
    std::optional<SnapshotScan> scan;

    const std::optional<PortRange>& dynamicRange(Protocol protocol) const
    {
        return protocol == Protocol::Tcp ? dynamicTcp : dynamicUdp;
    }
};

struct SnapshotOptions
{
    std::string toolVersion;
    std::optional<ScanRequest> scan; // also run this scan and keep its runs
    std::int64_t gatheredAt = 0;     // 0: the current time
    std::stop_token stop;            // ends the scan early; its runs so far are kept
};

// Reads the backend once. Only a failure to read the reservations fails the whole snapshot;
// a part the backend lacks (listeners, dynamic range, boot time) is left out of it.
Result<HostSnapshot> gatherSnapshot(Backend& backend, const SnapshotOptions& options);

// The document, indented, with a final line break.
std::string snapshotToJson(const HostSnapshot& snapshot);
Json snapshotToJsonValue(const HostSnapshot& snapshot);

// Reads a document. Every error is InvalidArgument and reads
// "<source>: <field>: what is wrong; allowed: ...", e.g. "fleet/a.json: runtime[2].end: ...".
Result<HostSnapshot> snapshotFromJson(std::string_view text, std::string_view source);
Result<HostSnapshot> snapshotFromJsonValue(const Json& document, std::string_view source);

// How a machine's runtime blocks changed between two snapshots (usually two boots). Blocks are
// matched by protocol and owner: an owner with a block at another place has moved it.
struct SnapshotDiff
{
    struct Moved
    {
        ReservedBlock before;
        ReservedBlock after;
    };
    std::vector<ReservedBlock> appeared;
    std::vector<Moved> moved;
    std::vector<ReservedBlock> vanished;
    bool empty() const { return appeared.empty() && moved.empty() && vanished.empty(); }
};
SnapshotDiff diffSnapshots(const HostSnapshot& before, const HostSnapshot& after);

} // namespace portolan
