// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "../error.h"
#include "../jsonvalue.h"
#include "../types.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

// The audit journal of portolan-cli: it has no database, so every step it takes that changes
// the system is one JSON line appended to a file in the user's data folder. The console reads
// the lines it has not seen yet into its audit log when it starts.
namespace portolan::protect {

inline constexpr std::string_view kJournalFileName = "audit-journal.jsonl";
// The environment variable that names another journal file (tests, portable installs).
inline constexpr const char* kJournalVariable = "PORTOLAN_AUDIT_JOURNAL";

struct JournalEntry
{
    std::string id;      // unique per line: "<seconds>-<pid>-<sequence>"
    std::int64_t at = 0; // seconds since the Unix epoch
    std::string host;
    std::string user;
    bool elevated = false;
    std::string action; // "protect.stop-service", "protect.create", ...
    Protocol protocol = Protocol::Tcp;
    PortRange range;
    std::string request; // the call made
    bool ok = false;
    std::string detail;
    std::optional<Error> error;
};

// $PORTOLAN_AUDIT_JOURNAL, else %LOCALAPPDATA%\Portolan\audit-journal.jsonl, else
// $XDG_STATE_HOME/portolan/audit-journal.jsonl, else ~/.local/state/portolan/..., else a
// relative file name.
std::string defaultJournalPath();
std::string journalPathFor(const char* variable, const char* localAppData, const char* xdgStateHome,
                           const char* home);

Json journalEntryJson(const JournalEntry& entry);
// InvalidArgument naming the field when a line is not an entry.
Result<JournalEntry> journalEntryFromJson(const Json& line);

// Appends one line per entry (creating the folder and the file).
Result<void> appendJournal(const std::string& path, const std::vector<JournalEntry>& entries);

struct JournalRead
{
    std::vector<JournalEntry> entries;
    std::uint64_t endOffset = 0; // where the next read starts: after the last complete line
    int skipped = 0;             // lines that were not entries
};
// The complete lines from byte `offset` on; a missing file reads as empty. A line still being
// written (no line break yet) is left for the next read.
Result<JournalRead> readJournal(const std::string& path, std::uint64_t offset);

// A new id, unique within this process and, with the time and pid, across runs.
std::string newJournalId(std::int64_t at);

} // namespace portolan::protect
