// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstddef>
#include <filesystem>
#include <string>
#include <string_view>

// UTF-8 is the one text encoding inside Portolan; these turn it into what Windows speaks
// (UTF-16) and into file paths, without the ANSI code page in between, which cannot hold most
// of the world's names (a path such as "漢字-жΔ.json" has no ANSI code page at all).
namespace portolan::utf8 {

// Ill-formed input (a stray byte, a truncated or overlong sequence, an encoded surrogate)
// becomes U+FFFD, one per bad byte, so that the rest of the text survives.
std::u16string toUtf16(std::string_view text);
// An unpaired surrogate becomes U+FFFD.
std::string fromUtf16(std::u16string_view text);

// How many bytes at the start of `text` end on a character boundary: a sequence cut off at the
// end (the rest is still to come in the next write) is left out. Bad bytes count as complete.
std::size_t completePrefix(std::string_view text);

// A path from UTF-8 text, and back, whatever the narrow encoding of the C library
// (std::filesystem::path(std::string) means the ANSI code page on Windows with MSVC).
std::filesystem::path toPath(std::string_view text);
std::string fromPath(const std::filesystem::path& path);

} // namespace portolan::utf8
