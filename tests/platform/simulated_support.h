// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Helpers shared by the simulated backend's own tests.
#include "platform/nativecodes.h"
#include "platform/simulated/simulatedbackend.h"

#include <doctest/doctest.h>

#include <atomic>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <memory>
#include <optional>
#include <sstream>
#include <string>

#ifndef PORTOLAN_SOURCE_DIR
#error "PORTOLAN_SOURCE_DIR must name the source tree (see tests/platform/simulated.cmake)"
#endif

namespace portolan::test {

inline std::string scenarioPath(const std::string& name)
{
    return std::string(PORTOLAN_SOURCE_DIR) + "/resources/scenarios/" + name;
}

// A scenario from resources/scenarios, with its state kept in memory.
inline std::unique_ptr<SimulatedBackend> openScenario(const std::string& name)
{
    auto opened = SimulatedBackend::open(
        SimulatedOptions{scenarioPath(name), std::string(SimulatedBackend::kMemoryState)});
    REQUIRE_MESSAGE(opened.ok(), opened.error().describe());
    return std::move(opened.value());
}

// The built-in clean machine (elevated), in memory.
inline std::unique_ptr<SimulatedBackend> openClean()
{
    auto opened = SimulatedBackend::open(
        SimulatedOptions{{}, std::string(SimulatedBackend::kMemoryState)});
    REQUIRE_MESSAGE(opened.ok(), opened.error().describe());
    return std::move(opened.value());
}

inline std::unique_ptr<Socket> openSocket(Backend& backend, Protocol protocol = Protocol::Tcp)
{
    auto socket = backend.openSocket(SocketSpec::forProtocol(protocol));
    REQUIRE_MESSAGE(socket.ok(), socket.error().describe());
    return std::move(socket.value());
}

template <typename T>
std::optional<Error> errorOf(const Result<T>& result)
{
    if (result.ok())
        return std::nullopt;
    return result.error();
}

// Checks a failure against a native code: code, symbolic name, kind, and a message.
inline void checkNativeError(const std::optional<Error>& error, std::int64_t code,
                             std::string_view name, ErrorKind kind)
{
    REQUIRE_MESSAGE(error.has_value(), "expected " << name << " but the call succeeded");
    CAPTURE(error->describe());
    CHECK(error->code == code);
    CHECK(error->name == name);
    CHECK(error->kind == kind);
    CHECK_FALSE(error->message.empty());
}

inline std::string readFile(const std::filesystem::path& path)
{
    std::ifstream in(path, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

inline void writeFile(const std::filesystem::path& path, const std::string& text)
{
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out << text;
    REQUIRE(out.good());
}

// A fresh folder under the system's temporary directory, removed at the end.
class TempDir
{
public:
    TempDir()
    {
        static std::atomic<unsigned> serial{0};
        const auto stamp = std::chrono::steady_clock::now().time_since_epoch().count();
        m_path = std::filesystem::temp_directory_path()
               / ("portolan-sim-" + std::to_string(stamp) + "-" + std::to_string(serial++));
        std::filesystem::create_directories(m_path);
    }
    ~TempDir()
    {
        std::error_code ec;
        std::filesystem::remove_all(m_path, ec);
    }
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;

    const std::filesystem::path& path() const { return m_path; }
    std::string file(const std::string& name) const { return (m_path / name).string(); }

private:
    std::filesystem::path m_path;
};

} // namespace portolan::test
