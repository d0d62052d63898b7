// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "hostsnapshot.h"

#include <optional>
#include <string>

// A host's boots, one snapshot file per boot in a folder ("boot-20250310T080241Z.json", the
// same JSON as `portolan-cli snapshot`), so that what moved since the previous boot can be told.
namespace portolan {

// The default folder: <userStateFolder()>/boots; empty when there is no state folder.
std::string defaultBootHistoryFolder();

struct BootRecord
{
    std::optional<HostSnapshot> previous; // the newest snapshot of an earlier boot
    std::string previousFile;
    bool stored = false; // this boot was new and its snapshot is now in the folder
    std::string storedFile;
};

// Stores `current` when no snapshot of its boot is in the folder yet (creating the folder), and
// reads the snapshot of the boot before it. A file that is not a valid snapshot is an error
// naming it. The newest kKeptBoots boots are kept; older files are removed.
inline constexpr std::size_t kKeptBoots = 50;
Result<BootRecord> recordBoot(const std::string& folder, const HostSnapshot& current);

} // namespace portolan
