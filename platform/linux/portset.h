// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "../error.h"
#include "../types.h"

#include <bitset>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace portolan::linuxos {

// Inclusive run of ports; 32-bit so that 0-65535 (65536 ports) is representable.
struct PortSpan
{
    std::uint32_t first = 0;
    std::uint32_t last = 0;
    friend bool operator==(const PortSpan&, const PortSpan&) = default;
};

// The kernel's net.ipv4.ip_local_reserved_ports as a set: one list for TCP and UDP that the
// kernel reads as "5000-5019,8080" and prints back with adjacent ranges merged.
class PortSet
{
public:
    // Parses the kernel's list syntax. `source` names the file in the error.
    static Result<PortSet> parse(std::string_view text, std::string_view source);

    // "5000-5019,8080"; "" when empty.
    std::string format() const;
    // Maximal runs of consecutive ports, ascending.
    std::vector<PortSpan> spans() const;

    void add(PortRange range);
    void add(const PortSet& other) { m_bits |= other.m_bits; }
    void remove(PortRange range);
    void remove(const PortSet& other) { m_bits &= ~other.m_bits; }
    bool contains(std::uint32_t port) const { return port < kPorts && m_bits.test(port); }
    bool containsAll(PortRange range) const;
    bool containsAny(PortRange range) const;
    // The ports of `range` that are in this set.
    PortSet intersection(PortRange range) const;
    bool empty() const { return m_bits.none(); }

    friend bool operator==(const PortSet&, const PortSet&) = default;

private:
    static constexpr std::size_t kPorts = 65536;
    std::bitset<kPorts> m_bits;
};

// "5000-5019" / "5000" for a span.
std::string toString(const PortSpan& span);
// Spans as PortRanges; port 0 (never a real reservation) is left out.
std::vector<PortRange> toRanges(const std::vector<PortSpan>& spans);

} // namespace portolan::linuxos
