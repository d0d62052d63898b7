// SPDX-License-Identifier: GPL-3.0-or-later
// Fuzz target: the console's import of JSON (`portolan --import FILE`, File > Import): a
// Portolan JSON report or `portolan-cli --json list` output, as a file, read, parsed and stored
// in a database, checked as importexercise.h says. Text the importer takes for netsh is left
// to the importnetsh target.
#include "importexercise.h"

namespace {

using namespace portolan;

// What --host changes: the host of every row, nothing else.
void checkHostOption(const QString& text, const Result<ImportDocument>& plain)
{
    ImportOptions options;
    options.host = QStringLiteral("fuzz-option-host");
    const auto hosted = Importer::parse(text, options);
    if (hosted) {
        FUZZ_CHECK(hosted->host == options.host);
        for (const ImportedReservation& r : hosted->reservations)
            FUZZ_CHECK(r.host == options.host && (!r.record || r.record->host == options.host));
    }
    if (!plain)
        return;
    // A document that names its hosts imports under another as well.
    FUZZ_CHECK(hosted.ok());
    FUZZ_CHECK(hosted->format == plain->format);
    FUZZ_CHECK(hosted->reservations.size() == plain->reservations.size());
    for (qsizetype i = 0; i < plain->reservations.size(); ++i) {
        ImportedReservation expected = plain->reservations[i];
        expected.host = options.host;
        if (expected.record)
            expected.record->host = options.host;
        FUZZ_CHECK(hosted->reservations[i] == expected);
    }
}

// A format asked for explicitly reads what the automatic choice read as that format.
void checkExplicitFormat(const QString& text, const Result<ImportDocument>& plain)
{
    for (ImportFormat format : {ImportFormat::CliJson, ImportFormat::Report}) {
        ImportOptions options;
        options.format = format;
        const auto forced = Importer::parse(text, options);
        if (forced)
            FUZZ_CHECK(forced->format == format);
        else
            FUZZ_CHECK(forced.error().kind == ErrorKind::InvalidArgument);
        if (plain && plain->format == format) {
            FUZZ_CHECK(forced.ok());
            FUZZ_CHECK(forced->reservations == plain->reservations);
        }
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const QString text = fuzz::ImportBench::instance().readAsFile(data, size);
    if (Importer::detect(text) == ImportFormat::Netsh)
        return 0;
    const auto plain = Importer::parse(text, {});
    checkHostOption(text, plain);
    checkExplicitFormat(text, plain);
    fuzz::checkImport(text, {});
    return 0;
}
