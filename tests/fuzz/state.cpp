// SPDX-License-Identifier: GPL-3.0-or-later
// Fuzz target: the simulated backend's state-file loader (what --state FILE reads, a file
// that may have been edited by hand or cut short). A file that does not load is left exactly
// as it was; one that loads is written back as a file that loads again.
#include "simulatedexercise.h"

#include <chrono>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <system_error>

namespace {

// A folder of its own, removed again when the process ends (the replay test runs in CI).
class StateDirectory
{
public:
    StateDirectory()
        : m_path(std::filesystem::temp_directory_path() /
                 ("portolan-fuzz-state-" +
                  std::to_string(std::chrono::steady_clock::now().time_since_epoch().count())))
    {
        std::filesystem::create_directories(m_path);
    }
    ~StateDirectory()
    {
        std::error_code ignored;
        std::filesystem::remove_all(m_path, ignored);
    }
    std::string file(const char* name) const { return (m_path / name).string(); }

private:
    std::filesystem::path m_path;
};

std::string readAll(const std::string& path)
{
    std::ifstream in(path, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    using namespace portolan;
    static const StateDirectory directory;
    const std::string path = directory.file("state.json");
    const std::string original(fuzz::asText(data, size));
    {
        std::ofstream out(path, std::ios::binary | std::ios::trunc);
        out << original;
    }

    SimulatedOptions options; // no scenario: the state file is loaded whatever seeded it
    options.stateFile = path;
    auto backend = SimulatedBackend::open(options);
    if (!backend) {
        FUZZ_CHECK(backend.error().message.find(path) != std::string::npos);
        FUZZ_CHECK(readAll(path) == original);
        return 0;
    }
    fuzz::exercise(*backend.value());
    const SimulatedMachine after = backend.value()->machine();
    backend.value().reset();

    auto reopened = SimulatedBackend::open(options);
    if (!reopened) {
        std::fprintf(stderr, "reopen failed: %s\n", reopened.error().message.c_str());
        FUZZ_CHECK(reopened.ok());
    }
    FUZZ_CHECK(simulated::machineToJson(reopened.value()->machine()) ==
               simulated::machineToJson(after));
    return 0;
}
