// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "../error.h"
#include "../types.h"
#include "portset.h"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

// The sysctl.d file in which the linux backend keeps what the kernel cannot: which blocks it
// created, per protocol. The kernel's list is shared by TCP and UDP and merges adjacent
// ranges, so (protocol, start, count) survives only here.
namespace portolan::linuxos {

inline constexpr std::string_view kReservationFileName = "60-portolan-reserved-ports.conf";
inline constexpr std::string_view kReservedPortsKey = "net.ipv4.ip_local_reserved_ports";

struct RecordedBlock
{
    Protocol protocol = Protocol::Tcp;
    PortRange range;
    friend bool operator==(const RecordedBlock&, const RecordedBlock&) = default;
};

struct ReservationFile
{
    std::vector<RecordedBlock> blocks;  // as recorded, duplicates removed
    std::optional<PortSet> appliedList; // the list the file applies at boot, if it has one
};

// Reads the file's text; `path` names it in errors. A malformed block line is an IoError
// naming the line, because guessing would lose a reservation's identity.
Result<ReservationFile> parseReservationFile(std::string_view text, std::string_view path);

// The file's text: a header saying what the file is, one comment line per block (sorted)
// and the whole list to apply at boot.
std::string formatReservationFile(std::vector<RecordedBlock> blocks, const PortSet& list);

} // namespace portolan::linuxos
