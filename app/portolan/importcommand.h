// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QStringList>
#include <QTextStream>

// `portolan [--db FILE] --import FILE [--host NAME] [--protocol tcp|udp] [--json]`: imports a
// report without a window (no QGuiApplication, no display needed) and prints what it imported.
// `portolan [--db FILE] --import FILE|DIR [FILE|DIR...] [--json]` with host snapshots
// (portolan-cli snapshot): every snapshot of every host is kept, the same one only once; one
// bad file imports nothing. With --json: {"ok": true, "database", "format": "snapshot",
// "added", "unchanged", "hosts", "snapshots": [{"file", "host", "gatheredAt", "id", "added"}]}.
// With --json: one object {"ok": true, "file", "database", "format", "added", "updated",
// "reservations":
// [{"protocol", "start", "end", "count", "persistent", "token", "owner", "host", "stored"}]}
// or {"ok": false, "error": {"kind", "code", "name", "message"}}.
namespace portolan {

namespace console {
struct ConsoleOptions;
}

inline constexpr int kImportExitOk = 0;
inline constexpr int kImportExitUsage = 1;     // bad arguments, unreadable file
inline constexpr int kImportExitMalformed = 2; // malformed input: nothing imported
inline constexpr int kImportExitDatabase = 3;  // the database could not be opened or written

// True when the arguments (as QCoreApplication::arguments(): args[0] is the program) ask for an
// import, by the console's one parser (consoleoptions.h).
bool isImportCommand(const QStringList& args);

// Parses `args` (args[0] is the program and is skipped) with the console's parser and imports;
// a refused command line, or one without --import, is a usage error (JSON with --json).
int runImportCommand(const QStringList& args, QTextStream& out, QTextStream& err);
// The same with the options parsed already (mode Import).
int runImportCommand(const console::ConsoleOptions& options, QTextStream& out, QTextStream& err);

} // namespace portolan
