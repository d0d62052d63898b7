#pragma once

#include "cli.h"

#include "platform/json.h"

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
        m_path = std::filesystem::temp_directory_path()
                 / ("portolan-cli-test-" + std::to_string(stamp) + "-"
                    + std::to_string(counter++));
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
    json::Value json() const
    {
        auto parsed = json::parse(out);
        if (!parsed.ok()) {
            FAIL_CHECK("stdout is not one JSON document: " << parsed.error().message
                                                           << "\nstdout: " << out);
            return {};
        }
        CHECK(parsed.value().isObject());
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

inline std::int64_t intField(const json::Value& object, std::string_view key)
{
    const json::Value* value = object.find(key);
    REQUIRE_MESSAGE(value != nullptr, "missing field " << key);
    auto number = value->asInt();
    REQUIRE_MESSAGE(number.has_value(), "field " << key << " is not an integer");
    return *number;
}

inline std::string stringField(const json::Value& object, std::string_view key)
{
    const json::Value* value = object.find(key);
    REQUIRE_MESSAGE(value != nullptr, "missing field " << key);
    REQUIRE_MESSAGE(value->isString(), "field " << key << " is not a string");
    return value->asString();
}

inline bool boolField(const json::Value& object, std::string_view key)
{
    const json::Value* value = object.find(key);
    REQUIRE_MESSAGE(value != nullptr, "missing field " << key);
    REQUIRE_MESSAGE(value->isBool(), "field " << key << " is not a bool");
    return value->asBool();
}

inline const json::Array& arrayField(const json::Value& object, std::string_view key)
{
    const json::Value* value = object.find(key);
    REQUIRE_MESSAGE(value != nullptr, "missing field " << key);
    REQUIRE_MESSAGE(value->isArray(), "field " << key << " is not an array");
    return value->asArray();
}

inline bool contains(const std::string& text, std::string_view part)
{
    return text.find(part) != std::string::npos;
}

} // namespace portolan::cli::test
