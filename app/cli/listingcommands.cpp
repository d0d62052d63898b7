// SPDX-License-Identifier: GPL-3.0-or-later
// list, dynamic-range, listeners: what the system shows, as a table or JSON array.
#include "session.h"

#include "output.h"

#include <algorithm>
#include <functional>
#include <tuple>

namespace portolan::cli {

int Session::list()
{
    auto result = m_backend.listReservations(m_inv.protocol);
    if (!result.ok())
        return fail(result.error());
    auto blocks = std::move(result).value();
    std::ranges::stable_sort(blocks, std::less<>{}, [](const ReservedBlock& block) {
        return std::tie(block.protocol, block.range.start);
    });

    std::string host = m_backend.hostName();
    Json reservations = Json::array();
    Table table({"PROTOCOL", "START", "END", "COUNT", "KIND", "TOKEN", "OWNER"});
    for (const auto& block : blocks) {
        reservations.push_back(reservationJson(block, host));
        table.add({std::string(toString(block.protocol)), std::to_string(block.range.start),
                   std::to_string(block.range.end()), std::to_string(block.range.count),
                   block.persistent ? "persistent" : "runtime",
                   block.token == kNoToken ? "-" : tokenText(block.token), orDash(block.owner)});
    }
    m_doc["host"] = host;
    m_doc["reservations"] = std::move(reservations);
    show(table, "no persistent reservations found");
    return kExitOk;
}

int Session::dynamicRange()
{
    Json ranges = Json::array();
    Table table({"PROTOCOL", "START", "END", "COUNT"});
    std::optional<Error> firstError;
    for (Protocol protocol : protocolsOf(m_inv.protocol)) {
        auto range = m_backend.dynamicRange(protocol);
        if (!range.ok()) {
            if (!firstError)
                firstError = range.error();
            continue;
        }
        ranges.push_back(rangeJson(protocol, range.value()));
        table.add({std::string(toString(protocol)), std::to_string(range->start),
                   std::to_string(range->end()), std::to_string(range->count)});
    }
    m_doc["ranges"] = std::move(ranges);
    show(table, {});
    return firstError ? fail(*firstError) : kExitOk;
}

int Session::listeners()
{
    auto result = m_backend.listeners(m_inv.protocol);
    if (!result.ok())
        return fail(result.error());
    auto listeners = std::move(result).value();
    std::ranges::stable_sort(listeners, std::less<>{}, [](const Listener& listener) {
        return std::tie(listener.protocol, listener.port, listener.address);
    });

    Json array = Json::array();
    Table table({"PROTOCOL", "ADDRESS", "PORT", "PID", "PROCESS"});
    for (const auto& listener : listeners) {
        array.push_back(listenerJson(listener));
        table.add({std::string(toString(listener.protocol)), listener.address,
                   std::to_string(listener.port),
                   listener.pid < 0 ? "-" : std::to_string(listener.pid),
                   orDash(listener.process)});
    }
    m_doc["listeners"] = std::move(array);
    show(table, "no listeners found");
    return kExitOk;
}

} // namespace portolan::cli
