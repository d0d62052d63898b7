// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "error.h"
#include "types.h"

#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

// Readers for what `netsh` prints about port reservations (docs/windows-semantics.md#netsh-output). netsh's labels are localized
// (English, German, French, Portuguese, ...) and there is no machine-readable form, so only
// the layout is read, never the words: the windows backend falls back on it when the registry
// cannot be read, and the console imports pasted netsh output with it.
namespace portolan::netsh {

// One row of `netsh int ipv4 show excludedportrange protocol=tcp|udp`.
struct ExcludedRange
{
    std::uint16_t start = 0; // 1-65535
    std::uint16_t end = 0;   // last port, inclusive, >= start
    bool persistent = false; // marked '*': an "administered" exclusion, i.e. a persistent
                             // reservation; unmarked rows are runtime ones held by a service

    PortRange range() const
    {
        return PortRange{start, static_cast<std::uint16_t>(end - start + 1)};
    }
    friend bool operator==(const ExcludedRange&, const ExcludedRange&) = default;
};

// Parses the excludedportrange table: heading lines, a line of dashes, rows "START END" with
// an optional '*', and a footer starting with '*' ("* - Administered port exclusions." and
// its translations). Blank lines and trailing spaces are allowed anywhere; whatever follows
// the footer is ignored. Malformed input is InvalidArgument "line N: ..." and yields no rows.
Result<std::vector<ExcludedRange>> parseExcludedPortRanges(std::string_view text);

// The protocol named in the heading ("Protocol tcp Port Exclusion Ranges",
// "Portausschlussbereiche für das Protokoll \"udp\"", ...), if exactly one is named.
std::optional<Protocol> excludedPortRangesProtocol(std::string_view text);

// Parses `netsh int ipv4 show dynamicport tcp|udp`: the first two "label : number" lines are
// the start port and the number of ports, whatever the labels say. InvalidArgument "line N: ..."
// when they are missing, out of range, or the block would run past 65535.
Result<PortRange> parseDynamicPortRange(std::string_view text);

} // namespace portolan::netsh
