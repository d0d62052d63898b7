// SPDX-License-Identifier: GPL-3.0-or-later
// The running process on Windows. A console window shows the UTF-16 that WriteConsoleW is
// given whatever its code page, while bytes would be read in that code page (the OEM one at
// first); a file or a pipe gets the UTF-8 bytes (docs/windows-semantics.md, "Console text").
#include "consoledevice.h"
#include "processinfo.h"

#include "utf8.h"

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <iterator>
#include <string>

#include <windows.h>

#include <psapi.h>
#include <shellapi.h>

namespace portolan {
namespace {

class Win32Console final : public ConsoleDevice
{
public:
    Win32Console(DWORD which, std::FILE* file) : m_handle(GetStdHandle(which)), m_file(file) {}

    // "GetConsoleMode": fails for a handle that is not a console's (a file, a pipe, NUL).
    bool isConsole() const override
    {
        DWORD mode = 0;
        return m_handle != nullptr && m_handle != INVALID_HANDLE_VALUE &&
               GetConsoleMode(m_handle, &mode) != 0;
    }
    bool wantsUtf16() const override { return true; }
    bool writeUtf16(std::u16string_view text) override
    {
        // What went through the C library's buffer first keeps its place.
        std::fflush(m_file);
        DWORD written = 0;
        return WriteConsoleW(m_handle, text.data(), DWORD(text.size()), &written, nullptr) != 0;
    }
    // Through the C library, which opened the stream in text mode: "\n" is written "\r\n", as
    // every Windows program's redirected output has it.
    bool writeBytes(std::string_view bytes) override
    {
        const bool ok = std::fwrite(bytes.data(), 1, bytes.size(), m_file) == bytes.size();
        return std::fflush(m_file) == 0 && ok;
    }

private:
    HANDLE m_handle;
    std::FILE* m_file;
};

} // namespace

std::unique_ptr<ConsoleDevice> standardConsole(StandardStream stream)
{
    if (stream == StandardStream::Out)
        return std::make_unique<Win32Console>(STD_OUTPUT_HANDLE, stdout);
    return std::make_unique<Win32Console>(STD_ERROR_HANDLE, stderr);
}

std::vector<std::string> commandLineArguments(int, char**)
{
    int count = 0;
    LPWSTR* wide = CommandLineToArgvW(GetCommandLineW(), &count);
    std::vector<std::string> args;
    if (wide == nullptr)
        return args;
    for (int i = 1; i < count; ++i) {
        const std::wstring_view arg(wide[i]);
        args.push_back(utf8::fromUtf16(std::u16string(arg.begin(), arg.end())));
    }
    LocalFree(wide);
    return args;
}

long long peakResidentKiB()
{
    // "PROCESS_MEMORY_COUNTERS": PeakWorkingSetSize, in bytes.
    PROCESS_MEMORY_COUNTERS counters{};
    counters.cb = sizeof counters;
    if (K32GetProcessMemoryInfo(GetCurrentProcess(), &counters, sizeof counters) == 0)
        return -1;
    return static_cast<long long>(counters.PeakWorkingSetSize / 1024);
}

std::string userStateFolder()
{
    const wchar_t* local = _wgetenv(L"LOCALAPPDATA");
    if (!local || !*local)
        return {};
    return utf8::fromUtf16(std::u16string_view(reinterpret_cast<const char16_t*>(local))) +
           "\\Portolan";
}

void releaseConsoleTwin()
{
    const std::string name(kConsoleTwinVariable);
    wchar_t value[32] = {};
    const std::wstring wideName(name.begin(), name.end());
    const DWORD length = GetEnvironmentVariableW(wideName.c_str(), value, DWORD(std::size(value)));
    if (length == 0 || length >= std::size(value))
        return;
    // The programs this one starts are not the twin's business.
    SetEnvironmentVariableW(wideName.c_str(), nullptr);
    // The twin made the event inheritable and wrote its handle value here.
    const unsigned long long handle = std::wcstoull(value, nullptr, 10);
    if (handle == 0)
        return;
    const auto event = reinterpret_cast<HANDLE>(static_cast<std::uintptr_t>(handle));
    SetEvent(event);
    CloseHandle(event);
}

} // namespace portolan
