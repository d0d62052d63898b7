// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

// Small text helpers shared by the parsers of the platform layer (netsh output, sysctl files,
// /proc, addresses, JSON positions). ASCII only and locale-free: the texts they read are
// written by programs, not translated.
namespace portolan::text {

// Space, tab, carriage return, form feed, vertical tab: what separates the words of a line.
bool isBlank(char c);
bool isDigit(char c);
// 0-15 for a hexadecimal digit of either case, -1 for any other character.
int hexValue(char c);

// Without blanks and line breaks at either end.
std::string_view trim(std::string_view text);
// The runs of characters between blanks.
std::vector<std::string_view> words(std::string_view text);
// The pieces between separators: n separators give n + 1 pieces, empty ones included.
std::vector<std::string_view> split(std::string_view text, char separator);
// ASCII digits only, at most maxDigits of them (at most 9, so the value always fits);
// nullopt for anything else, a sign or blanks included.
std::optional<std::uint32_t> parseDigits(std::string_view text, std::size_t maxDigits);

// "line L, column C" of a byte offset, as an editor shows it: "\r\n", "\n" and a lone "\r"
// end a line, and a UTF-8 sequence is one column.
std::string lineAndColumn(std::string_view text, std::size_t offset);

// A reservation token as people read it everywhere (the CLI's text, the console, the reports
// for people): "0x" and lower-case hexadecimal digits without leading zeros, "0x7e51a3c0".
// Tokens are opaque 64-bit handles; in hexadecimal they stay short and are never mistaken for
// a port or a count. Machine formats (JSON) carry them as decimal strings instead.
std::string tokenHex(std::uint64_t token);

} // namespace portolan::text
