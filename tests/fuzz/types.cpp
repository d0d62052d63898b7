// SPDX-License-Identifier: GPL-3.0-or-later
// Fuzz target: the strict number and port parsers every entry point uses for user text
// (portolan-cli arguments, console options, dialog fields). Input: fields separated by '\n'.
#include "fuzzcheck.h"

#include "platform/types.h"

#include <string>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    using namespace portolan;
    const auto fields = fuzz::split(fuzz::asText(data, size), '\n');
    const std::string_view a = fields[0];
    const std::string_view b = fields.size() > 1 ? fields[1] : std::string_view("1");

    if (auto number = parseNumber(a, "start")) {
        FUZZ_CHECK(number.value() >= 0);
        FUZZ_CHECK(std::to_string(number.value()).size() <= a.size());
    } else {
        FUZZ_CHECK(number.error().kind == ErrorKind::InvalidArgument);
        FUZZ_CHECK(number.error().message.find("start") != std::string::npos);
    }

    for (RangeKind kind : {RangeKind::Persistent, RangeKind::Runtime, RangeKind::Scan}) {
        if (auto range = parsePortRange(a, b, kind)) {
            FUZZ_CHECK(validatePortRange(range.value(), kind).ok());
            FUZZ_CHECK(range->end() <= 65535);
        } else {
            FUZZ_CHECK(range.error().kind == ErrorKind::InvalidArgument);
        }
    }

    if (auto span = parsePortSpan(a, "ports")) {
        FUZZ_CHECK(span->count >= 1);
        FUZZ_CHECK(span->end() <= 65535);
        FUZZ_CHECK(validatePortRange(span.value(), RangeKind::Scan).ok());
    } else {
        FUZZ_CHECK(span.error().kind == ErrorKind::InvalidArgument);
        FUZZ_CHECK(span.error().message.find("ports") != std::string::npos);
    }

    for (bool allowZero : {false, true}) {
        if (auto port = parsePort(a, "port", allowZero))
            FUZZ_CHECK(allowZero || port.value() != 0);
        else
            FUZZ_CHECK(port.error().kind == ErrorKind::InvalidArgument);
    }

    if (auto protocol = parseProtocol(a))
        FUZZ_CHECK(parseProtocol(toString(*protocol)) == protocol);
    if (auto family = parseAddressFamily(a))
        FUZZ_CHECK(parseAddressFamily(toString(*family)) == family);
    return 0;
}
