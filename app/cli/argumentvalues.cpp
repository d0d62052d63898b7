// SPDX-License-Identifier: GPL-3.0-or-later
#include "argumentvalues.h"

#include "platform/types.h"

#include <algorithm>
#include <string>

namespace portolan::cli {
namespace {

Error refused(std::string_view name, std::string_view text, std::string_view problem)
{
    return Error::make(ErrorKind::InvalidArgument,
                       std::string(name) + ": '" + std::string(text) + "' " + std::string(problem));
}

} // namespace

Result<ScanRequest> parseScanSpec(std::string_view text, std::string_view name)
{
    const auto colon = text.find(':');
    const auto protocol = parseProtocol(text.substr(0, colon));
    if (!protocol)
        return refused(name, text, "is not a protocol; allowed: tcp, udp, optionally :FIRST-LAST");
    ScanRequest request;
    request.protocol = *protocol;
    if (colon != std::string_view::npos) {
        auto span = parsePortSpan(text.substr(colon + 1), name);
        if (!span)
            return span.error();
        request.first = span.value().start;
        request.last = static_cast<std::uint16_t>(span.value().end());
    }
    return request;
}

Result<std::vector<std::uint16_t>> parsePortList(std::string_view text, std::string_view name)
{
    std::vector<std::uint16_t> ports;
    for (std::size_t at = 0; at <= text.size();) {
        const auto comma = std::min(text.find(',', at), text.size());
        const auto piece = text.substr(at, comma - at);
        if (piece.empty())
            return refused(name, text,
                           "has an empty entry; allowed: ports 1-65535 or FIRST-LAST, "
                           "separated by commas");
        auto span = parsePortSpan(piece, name);
        if (!span)
            return span.error();
        for (std::uint32_t port = span.value().start; port <= span.value().end(); ++port)
            ports.push_back(static_cast<std::uint16_t>(port));
        at = comma + 1;
    }
    std::sort(ports.begin(), ports.end());
    ports.erase(std::unique(ports.begin(), ports.end()), ports.end());
    return ports;
}

} // namespace portolan::cli
