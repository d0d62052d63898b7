// SPDX-License-Identifier: GPL-3.0-or-later
// Fuzz target: the console's import of netsh text (`portolan --import FILE`, File > Import):
// the bytes as a file, read and decoded as the console reads it, parsed and stored in a
// database, checked as importexercise.h says. Text the importer takes for JSON is left to the
// importjson target.
#include "importexercise.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    using namespace portolan;
    const QString text = fuzz::ImportBench::instance().readAsFile(data, size);
    if (Importer::detect(text) != ImportFormat::Netsh)
        return 0;

    // --protocol: a heading that names the protocol wins unless the option disagrees; text
    // without one needs the option.
    const auto named = Importer::parse(text, {});
    for (Protocol protocol : {Protocol::Tcp, Protocol::Udp}) {
        ImportOptions options;
        options.protocol = protocol;
        const auto given = Importer::parse(text, options);
        if (!given) {
            FUZZ_CHECK(given.error().kind == ErrorKind::InvalidArgument);
            continue;
        }
        for (const ImportedReservation& r : given->reservations)
            FUZZ_CHECK(r.protocol == protocol && r.host.isEmpty());
        if (named)
            FUZZ_CHECK(named->reservations == given->reservations);
    }
    if (named && !named->reservations.isEmpty()) {
        ImportOptions options;
        options.protocol = named->reservations.first().protocol;
        FUZZ_CHECK(Importer::parse(text, options).ok());
    }

    ImportOptions options;
    if (!named)
        options.protocol = Protocol::Udp;
    fuzz::checkImport(text, options);
    return 0;
}
