// SPDX-License-Identifier: GPL-3.0-or-later
// Fuzz target: the netsh readers (excludedportrange in any language, dynamicport), which see
// whatever a user pastes into the console's import or the windows backend's netsh fallback.
#include "fuzzcheck.h"

#include "platform/netshparser.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    using namespace portolan;
    const std::string_view text = fuzz::asText(data, size);

    if (auto rows = netsh::parseExcludedPortRanges(text)) {
        for (const auto& row : rows.value()) {
            // What the rows promise to the import and the backend.
            FUZZ_CHECK(row.start >= 1);
            FUZZ_CHECK(row.end >= row.start);
            const PortRange range = row.range();
            FUZZ_CHECK(range.count >= 1);
            FUZZ_CHECK(range.end() == row.end);
            FUZZ_CHECK(validatePortRange(range, RangeKind::Persistent).ok());
        }
    } else {
        FUZZ_CHECK(rows.error().kind == ErrorKind::InvalidArgument);
        FUZZ_CHECK(rows.error().message.rfind("line ", 0) == 0);
    }

    (void)netsh::excludedPortRangesProtocol(text);

    if (auto range = netsh::parseDynamicPortRange(text)) {
        FUZZ_CHECK(validatePortRange(range.value(), RangeKind::Persistent).ok());
    } else {
        FUZZ_CHECK(range.error().kind == ErrorKind::InvalidArgument);
        FUZZ_CHECK(range.error().message.rfind("line ", 0) == 0);
    }
    return 0;
}
