// SPDX-License-Identifier: GPL-3.0-or-later
// Fuzz target: the rows of /proc/net/{tcp,tcp6,udp,udp6} as the linux backend reads them.
#include "fuzzcheck.h"

#include "platform/linux/procnet.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    using namespace portolan;
    for (std::string_view line : fuzz::split(fuzz::asText(data, size), '\n')) {
        for (Protocol protocol : {Protocol::Tcp, Protocol::Udp}) {
            for (AddressFamily family : {AddressFamily::IPv4, AddressFamily::IPv6}) {
                auto entry = linuxos::parseProcNetLine(line, protocol, family);
                if (!entry)
                    continue;
                FUZZ_CHECK(entry->protocol == protocol);
                FUZZ_CHECK(entry->family == family);
                FUZZ_CHECK(!entry->address.empty());
                (void)linuxos::isListening(*entry);
            }
        }
    }
    return 0;
}
