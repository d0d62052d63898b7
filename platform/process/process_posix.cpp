// SPDX-License-Identifier: GPL-3.0-or-later
// The running process on POSIX systems. Terminals read UTF-8, so every write is bytes.
#include "consoledevice.h"
#include "processinfo.h"

#include <cstdio>
#include <cstdlib>

#include <sys/resource.h>
#include <unistd.h>

namespace portolan {
namespace {

class PosixConsole final : public ConsoleDevice
{
public:
    explicit PosixConsole(std::FILE* file) : m_file(file) {}

    bool isConsole() const override { return isatty(fileno(m_file)) != 0; }
    bool wantsUtf16() const override { return false; }
    bool writeUtf16(std::u16string_view) override { return false; }
    bool writeBytes(std::string_view bytes) override
    {
        const bool ok = std::fwrite(bytes.data(), 1, bytes.size(), m_file) == bytes.size();
        return std::fflush(m_file) == 0 && ok;
    }

private:
    std::FILE* m_file;
};

} // namespace

std::unique_ptr<ConsoleDevice> standardConsole(StandardStream stream)
{
    return std::make_unique<PosixConsole>(stream == StandardStream::Out ? stdout : stderr);
}

std::vector<std::string> commandLineArguments(int argc, char** argv)
{
    if (argc < 1)
        return {};
    return std::vector<std::string>(argv + 1, argv + argc);
}

long long peakResidentKiB()
{
    rusage usage{};
    if (getrusage(RUSAGE_SELF, &usage) == 0)
        return usage.ru_maxrss; // KiB on Linux
    return -1;
}

void releaseConsoleTwin() {}

std::string userStateFolder()
{
    // The XDG Base Directory Specification: a relative $XDG_STATE_HOME is invalid and ignored.
    if (const char* state = std::getenv("XDG_STATE_HOME"); state && state[0] == '/')
        return std::string(state) + "/portolan";
    if (const char* home = std::getenv("HOME"); home && *home)
        return std::string(home) + "/.local/state/portolan";
    return {};
}

} // namespace portolan
