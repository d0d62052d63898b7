// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// `portolan --export FILE [--format csv|json|html|pdf] [--db FILE] [--host NAME] [--title TEXT]
//  [--audit N] [--generated-at TIME] [--backend KIND] [--scenario FILE] [--state FILE]
//  [--no-backend]`: writes a reservation report without a window, for scripts. The format
// comes from --format or the file's extension. The machine's runtime blocks and dynamic ranges
// come from the backend (the real one unless --backend/--scenario say otherwise; --no-backend:
// the inventory alone). PDF needs fonts, so this runs a QGuiApplication, offscreen when there
// is no display.
namespace portolan::console {

struct ConsoleOptions;

inline constexpr int kExportExitOk = 0;
inline constexpr int kExportExitUsage = 1;    // bad arguments: nothing written
inline constexpr int kExportExitWrite = 2;    // the file could not be written
inline constexpr int kExportExitDatabase = 3; // the database or the asked-for backend failed

// `options` were parsed by parseConsoleOptions (mode Export); argc/argv go to the
// QGuiApplication.
int runExportCommand(int argc, char** argv, const ConsoleOptions& options);

} // namespace portolan::console
