// SPDX-License-Identifier: GPL-3.0-or-later
// Fuzz target: net.ipv4.ip_local_reserved_ports ("5000-5019,8080") and the sysctl.d file in
// which the linux backend records its blocks. What either writes must read back the same.
#include "fuzzcheck.h"

#include "platform/linux/portset.h"
#include "platform/linux/reservationfile.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    using namespace portolan;
    using namespace portolan::linuxos;
    const std::string_view text = fuzz::asText(data, size);

    if (auto set = PortSet::parse(text, "ip_local_reserved_ports")) {
        const std::string written = set->format();
        auto again = PortSet::parse(written, "formatted list");
        FUZZ_CHECK(again.ok());
        FUZZ_CHECK(again.value() == set.value());
        for (const auto& range : toRanges(set->spans())) {
            FUZZ_CHECK(range.start >= 1 && range.count >= 1);
            FUZZ_CHECK(set->containsAll(range));
        }
    }

    if (auto file = parseReservationFile(text, "60-portolan-reserved-ports.conf")) {
        for (const auto& block : file->blocks)
            FUZZ_CHECK(validatePortRange(block.range, RangeKind::Persistent).ok());
        const PortSet list = file->appliedList.value_or(PortSet{});
        const std::string written = formatReservationFile(file->blocks, list);
        auto again = parseReservationFile(written, "formatted file");
        FUZZ_CHECK(again.ok());
        FUZZ_CHECK(again->blocks.size() == file->blocks.size());
        for (const auto& block : file->blocks) {
            bool found = false;
            for (const auto& other : again->blocks)
                found = found || other == block;
            FUZZ_CHECK(found);
        }
    }
    return 0;
}
