// SPDX-License-Identifier: GPL-3.0-or-later
#include "portset.h"

#include "sysfiles.h"

#include "../text.h"

#include <cerrno>
#include <charconv>

namespace portolan::linuxos {

namespace {

using text::trim;

bool parsePortNumber(std::string_view text, std::uint32_t& port)
{
    const auto value = text::parseDigits(text, 5);
    port = value.value_or(0);
    return value && *value <= 65535;
}

} // namespace

Result<PortSet> PortSet::parse(std::string_view text, std::string_view source)
{
    PortSet set;
    text = trim(text);
    if (text.empty())
        return set;
    std::size_t pos = 0;
    while (pos <= text.size()) {
        const auto comma = text.find(',', pos);
        const std::string_view item = trim(text.substr(
            pos, comma == std::string_view::npos ? std::string_view::npos : comma - pos));
        const auto dash = item.find('-');
        std::uint32_t first = 0;
        std::uint32_t last = 0;
        bool good = false;
        if (dash == std::string_view::npos) {
            good = parsePortNumber(item, first);
            last = first;
        } else {
            good = parsePortNumber(trim(item.substr(0, dash)), first) &&
                   parsePortNumber(trim(item.substr(dash + 1)), last) && first <= last;
        }
        if (!good)
            return errnoError(ErrorKind::IoError, EINVAL,
                              "cannot read the port list in " + std::string(source) + ": \"" +
                                  std::string(item) +
                                  "\" is not a port or a range FIRST-LAST of ports 0-65535; "
                                  "fix the list (e.g. 5000-5019,8080)");
        for (std::uint32_t port = first; port <= last; ++port)
            set.m_bits.set(port);
        if (comma == std::string_view::npos)
            break;
        pos = comma + 1;
    }
    return set;
}

std::vector<PortSpan> PortSet::spans() const
{
    std::vector<PortSpan> result;
    std::uint32_t port = 0;
    while (port < kPorts) {
        if (!m_bits.test(port)) {
            ++port;
            continue;
        }
        const std::uint32_t first = port;
        while (port + 1 < kPorts && m_bits.test(port + 1))
            ++port;
        result.push_back(PortSpan{first, port});
        ++port;
    }
    return result;
}

std::string PortSet::format() const
{
    std::string text;
    for (const PortSpan& span : spans()) {
        if (!text.empty())
            text += ',';
        text += toString(span);
    }
    return text;
}

void PortSet::add(PortRange range)
{
    for (std::uint32_t port = range.start; range.count != 0 && port <= range.end() && port < kPorts;
         ++port)
        m_bits.set(port);
}

void PortSet::remove(PortRange range)
{
    for (std::uint32_t port = range.start; range.count != 0 && port <= range.end() && port < kPorts;
         ++port)
        m_bits.reset(port);
}

bool PortSet::containsAll(PortRange range) const
{
    if (range.count == 0)
        return true;
    for (std::uint32_t port = range.start; port <= range.end() && port < kPorts; ++port)
        if (!contains(port))
            return false;
    return true;
}

bool PortSet::containsAny(PortRange range) const
{
    for (std::uint32_t port = range.start; range.count != 0 && port <= range.end(); ++port)
        if (contains(port))
            return true;
    return false;
}

PortSet PortSet::intersection(PortRange range) const
{
    PortSet result;
    for (std::uint32_t port = range.start; range.count != 0 && port <= range.end(); ++port)
        if (contains(port))
            result.m_bits.set(port);
    return result;
}

std::string toString(const PortSpan& span)
{
    if (span.first == span.last)
        return std::to_string(span.first);
    return std::to_string(span.first) + "-" + std::to_string(span.last);
}

std::vector<PortRange> toRanges(const std::vector<PortSpan>& spans)
{
    std::vector<PortRange> ranges;
    for (PortSpan span : spans) {
        if (span.first == 0) {
            if (span.last == 0)
                continue;
            span.first = 1;
        }
        ranges.push_back(
            PortRange{std::uint16_t(span.first), std::uint16_t(span.last - span.first + 1)});
    }
    return ranges;
}

} // namespace portolan::linuxos
