// SPDX-License-Identifier: GPL-3.0-or-later
// The snapshot of every shipped scenario, with and without a scan, validates against
// resources/schemas/snapshot.schema.json (checked by python3-jsonschema, an independent reader).
#include "platform/snapshot/hostsnapshot.h"
#include "simulated_support.h"

#include <doctest/doctest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <string>

using namespace portolan;
using namespace portolan::test;

TEST_CASE("every shipped scenario's snapshot validates against the schema")
{
    namespace fs = std::filesystem;
    const fs::path dir = fs::temp_directory_path() / "portolan-snapshot-schema";
    fs::remove_all(dir);
    fs::create_directories(dir);
    std::string files;
    int written = 0;
    for (const auto& entry :
         fs::directory_iterator(std::string(PORTOLAN_SOURCE_DIR) + "/resources/scenarios")) {
        if (entry.path().extension() != ".json")
            continue;
        for (bool withScan : {false, true}) {
            auto backend = openScenario(entry.path().filename().string());
            SnapshotOptions options{"0.0.0", std::nullopt, 0};
            if (withScan)
                options.scan = ScanRequest{.first = 2800, .last = 9000};
            auto snapshot = gatherSnapshot(*backend, options);
            REQUIRE_MESSAGE(snapshot.ok(), snapshot.error().describe());
            const fs::path out =
                dir / (entry.path().stem().string() + (withScan ? "-scan" : "") + ".json");
            std::ofstream(out, std::ios::binary) << snapshotToJson(snapshot.value());
            files += " '" + out.string() + "'";
            ++written;
        }
    }
    REQUIRE(written >= 8);
    const std::string command =
        "python3 '" + std::string(PORTOLAN_SOURCE_DIR) + "/tests/support/validate_schema.py' '" +
        std::string(PORTOLAN_SOURCE_DIR) + "/resources/schemas/snapshot.schema.json'" + files;
    const int status = std::system(command.c_str());
    const int code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    if (code == 3 || code == 127) {
        std::cout << "SKIP: python3 with jsonschema is needed to validate against the schema\n";
        std::exit(77);
    }
    CHECK_MESSAGE(code == 0, "the documents do not validate (see the lines above)");
    fs::remove_all(dir);
}
