// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "../types.h"

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <utility>
#include <vector>

namespace portolan::simulated {

// Which block of a list covers a port, in O(log n) for a machine of n blocks where a walk
// over the list was O(n) per port (a scan asks for every port). The answer is the lowest list
// index covering the port, as the walk over the list gave it, even where blocks overlap.
class BlockIndex
{
public:
    // The blocks of `protocol` among `blocks` (anything with .protocol and .range).
    template <typename Blocks> void rebuild(const Blocks& blocks, Protocol protocol)
    {
        m_entries.clear();
        for (std::size_t i = 0; i < blocks.size(); ++i)
            if (blocks[i].protocol == protocol && blocks[i].range.count != 0)
                m_entries.push_back(Entry{blocks[i].range.start, blocks[i].range.end(), i, 0});
        std::sort(m_entries.begin(), m_entries.end(), [](const Entry& a, const Entry& b) {
            return a.start != b.start ? a.start < b.start : a.index < b.index;
        });
        std::uint32_t reach = 0;
        for (Entry& e : m_entries) {
            reach = std::max(reach, e.end);
            e.reach = reach;
        }
    }

    std::optional<std::size_t> find(std::uint32_t port) const
    {
        // Entries starting at or before the port, walked back while some block among them
        // still reaches it: one step when the blocks are disjoint.
        auto it = std::upper_bound(m_entries.begin(), m_entries.end(), port,
                                   [](std::uint32_t p, const Entry& e) { return p < e.start; });
        std::optional<std::size_t> found;
        while (it != m_entries.begin()) {
            --it;
            if (it->reach < port)
                break;
            if (it->end >= port)
                found = std::min(found.value_or(it->index), it->index);
        }
        return found;
    }

private:
    struct Entry
    {
        std::uint32_t start;
        std::uint32_t end;
        std::size_t index;
        std::uint32_t reach; // the largest end of this entry and every one before it
    };
    std::vector<Entry> m_entries; // by start, then index
};

// The listeners of each (protocol, port), as indices into the machine's list in list order.
class ListenerIndex
{
public:
    template <typename Listeners> void rebuild(const Listeners& listeners)
    {
        m_entries.clear();
        m_entries.reserve(listeners.size());
        for (std::size_t i = 0; i < listeners.size(); ++i)
            m_entries.emplace_back(key(listeners[i].protocol, listeners[i].port), i);
        std::sort(m_entries.begin(), m_entries.end());
    }

    // [first, last) of the (key, index) pairs of the port; .second is the list index.
    auto at(Protocol protocol, std::uint16_t port) const
    {
        const std::uint32_t k = key(protocol, port);
        const auto first = std::lower_bound(m_entries.begin(), m_entries.end(),
                                            std::pair<std::uint32_t, std::size_t>{k, 0});
        auto last = first;
        while (last != m_entries.end() && last->first == k)
            ++last;
        return std::pair{first, last};
    }

private:
    static std::uint32_t key(Protocol protocol, std::uint16_t port)
    {
        return (protocol == Protocol::Tcp ? 0u : 0x10000u) | port;
    }
    std::vector<std::pair<std::uint32_t, std::size_t>> m_entries;
};

} // namespace portolan::simulated
