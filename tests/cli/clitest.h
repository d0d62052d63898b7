// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "cli.h"

#include "platform/jsonvalue.h"

#include <doctest/doctest.h>

#include <atomic>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <sstream>
#include <string>
#include <system_error>
#include <vector>

#ifndef PORTOLAN_SOURCE_DIR
#error "PORTOLAN_SOURCE_DIR must name the source tree (tests/cli/CMakeLists.txt sets it)"
#endif

// Helpers for running portolan-cli in-process against the simulated backend.
namespace portolan::cli::test {

inline std::string scenarioPath(std::string_view name)
{
    return std::string(PORTOLAN_SOURCE_DIR) + "/resources/scenarios/" + std::string(name) + ".json";
}

// A fresh directory under the system's temporary folder, removed again at the end.
class TempDir
{
public:
    TempDir()
    {
        static std::atomic<int> counter{0};
        auto stamp = std::chrono::steady_clock::now().time_since_epoch().count();
        m_path = std::filesystem::temp_directory_path() /
                 ("portolan-cli-test-" + std::to_string(stamp) + "-" + std::to_string(counter++));
        std::filesystem::create_directories(m_path);
    }
    ~TempDir()
    {
        std::error_code ignored;
        std::filesystem::remove_all(m_path, ignored);
    }
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;

    std::string file(std::string_view name) const { return (m_path / name).string(); }

private:
    std::filesystem::path m_path;
};

inline bool fileExists(const std::string& path)
{
    return std::filesystem::exists(path);
}

inline std::string readFile(const std::string& path)
{
    std::ifstream in(path, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

inline void writeFile(const std::string& path, const std::string& text)
{
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out << text;
}

struct Run
{
    int code = -1;
    std::string out;
    std::string err;

    // The one JSON object a --json run prints; fails the test if there is not exactly one.
    Json json() const
    {
        auto parsed = parseJson(out);
        if (!parsed.ok()) {
            FAIL_CHECK("stdout is not one JSON document: " << parsed.error().message
                                                           << "\nstdout: " << out);
            return {};
        }
        CHECK(parsed.value().is_object());
        CHECK(out.find('\n') == out.size() - 1); // one line, one object
        return parsed.value();
    }
};

inline Run runWith(const std::vector<std::string>& args, const Environment& environment)
{
    std::ostringstream out;
    std::ostringstream err;
    Run run;
    run.code = runCli(args, out, err, environment);
    run.out = out.str();
    run.err = err.str();
    return run;
}

inline Run run(const std::vector<std::string>& args)
{
    return runWith(args, Environment{});
}

// A simulated machine seeded from resources/scenarios/<scenario>.json whose state lives in a
// temporary file, so that consecutive runs behave like consecutive processes.
class Machine
{
public:
    explicit Machine(std::string scenario = "clean")
        : m_scenario(scenarioPath(scenario)), m_state(m_dir.file("state.json"))
    {
    }

    std::vector<std::string> args(std::vector<std::string> command) const
    {
        std::vector<std::string> all{"--scenario", m_scenario, "--state", m_state};
        all.insert(all.end(), command.begin(), command.end());
        return all;
    }
    Run operator()(std::vector<std::string> command) const { return run(args(std::move(command))); }
    Run with(std::vector<std::string> command, const Environment& environment) const
    {
        return runWith(args(std::move(command)), environment);
    }

    const std::string& statePath() const { return m_state; }
    const std::string& scenario() const { return m_scenario; }
    const TempDir& dir() const { return m_dir; }

private:
    TempDir m_dir;
    std::string m_scenario;
    std::string m_state;
};

// The member `key` of an object, or nullptr.
inline const Json* member(const Json& object, std::string_view key)
{
    if (!object.is_object())
        return nullptr;
    auto it = object.find(std::string(key));
    return it == object.end() ? nullptr : &*it;
}

// The member `key` of an object, which must be there and be of the type `is` tests.
inline const Json& field(const Json& object, std::string_view key,
                         bool (Json::*is)() const noexcept, std::string_view type)
{
    const Json* value = member(object, key);
    REQUIRE_MESSAGE(value != nullptr, "missing field " << key);
    REQUIRE_MESSAGE((value->*is)(), "field " << key << " is not " << type);
    return *value;
}

inline std::int64_t intField(const Json& object, std::string_view key)
{
    return field(object, key, &Json::is_number_integer, "an integer").get<std::int64_t>();
}

inline std::string stringField(const Json& object, std::string_view key)
{
    return field(object, key, &Json::is_string, "a string").get<std::string>();
}

inline bool boolField(const Json& object, std::string_view key)
{
    return field(object, key, &Json::is_boolean, "a bool").get<bool>();
}

inline const Json& arrayField(const Json& object, std::string_view key)
{
    return field(object, key, &Json::is_array, "an array");
}

inline const Json& objectField(const Json& object, std::string_view key)
{
    return field(object, key, &Json::is_object, "an object");
}

inline bool contains(const std::string& text, std::string_view part)
{
    return text.find(part) != std::string::npos;
}

} // namespace portolan::cli::test
