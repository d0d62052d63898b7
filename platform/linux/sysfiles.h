// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "../error.h"

#include <string>
#include <string_view>

// Small POSIX file helpers whose errors keep errno and name the file, so that every failure
// of the linux backend can tell the user which file and what to do.
namespace portolan::linuxos {

// An Error with an explicit kind, the errno value and its symbolic name.
Error errnoError(ErrorKind kind, int code, std::string message);

// The whole file. Errors: NotFound-ish ENOENT and the rest as IoError / AccessDenied.
Result<std::string> readFile(const std::string& path);
// Reads a file that may be absent: an absent file reads as "".
Result<std::string> readFileIfPresent(const std::string& path);

// Writes `text` in a single write() to an existing file (truncating it), as a sysctl under
// /proc/sys must be written: the kernel parses each write on its own.
Result<void> writeFileInPlace(const std::string& path, std::string_view text);

// Writes `text` to a temporary file next to `path`, flushes it and renames it over `path`,
// so that a reader (or a boot) sees the old file or the new one, never half of one.
Result<void> writeFileAtomically(const std::string& path, std::string_view text);

// The folder part of a path ("." when none).
std::string parentDirectory(const std::string& path);

} // namespace portolan::linuxos
