// SPDX-License-Identifier: GPL-3.0-or-later
// Programs the real Win32Api starts: netsh (and other System32 programs) with their output
// captured, a time limit and a way to cancel; this program again elevated. Windows only.
#include "win32process_real.h"

#include "win32text_real.h"
#include "windowsbackend.h"

// clang-format off
#include <winsock2.h>
#include <windows.h>
#include <shellapi.h>
// clang-format on

#include <algorithm>
#include <chrono>
#include <cstddef>
#include <cstring>
#include <stop_token>
#include <string>
#include <thread>
#include <vector>

namespace portolan {
namespace {

using win32::narrow;
using win32::widen;

// netsh writes in the console's OEM code page (850, 437, ...), or UTF-16 when told to.
std::string decodeConsoleOutput(const std::string& raw)
{
    if (raw.size() >= 2 && static_cast<unsigned char>(raw[0]) == 0xFF &&
        static_cast<unsigned char>(raw[1]) == 0xFE) {
        std::wstring wide((raw.size() - 2) / 2, L'\0');
        std::memcpy(wide.data(), raw.data() + 2, wide.size() * 2);
        return narrow(wide);
    }
    if (raw.empty())
        return {};
    const int size =
        MultiByteToWideChar(CP_OEMCP, 0, raw.data(), static_cast<int>(raw.size()), nullptr, 0);
    std::wstring wide(static_cast<std::size_t>(size), L'\0');
    MultiByteToWideChar(CP_OEMCP, 0, raw.data(), static_cast<int>(raw.size()), wide.data(), size);
    return narrow(wide);
}

} // namespace

// The UAC prompt. Not waited for: the caller quits once the elevated copy has started, and
// only then, so the process handle is asked for and closed at once.
win32::ShellExecuteOutcome win32::shellExecute(const std::string& file, const std::string& verb,
                                               const std::string& parameters)
{
    const std::wstring wideFile = widen(file);
    const std::wstring wideVerb = widen(verb);
    const std::wstring wideParameters = widen(parameters);
    SHELLEXECUTEINFOW info{};
    info.cbSize = sizeof info;
    info.fMask = SEE_MASK_NOCLOSEPROCESS | SEE_MASK_NOASYNC;
    info.lpVerb = wideVerb.c_str();
    info.lpFile = wideFile.c_str();
    info.lpParameters = wideParameters.empty() ? nullptr : wideParameters.c_str();
    info.nShow = SW_SHOWNORMAL;
    ShellExecuteOutcome outcome;
    if (!ShellExecuteExW(&info)) {
        outcome.error = static_cast<std::uint32_t>(GetLastError());
        return outcome;
    }
    if (info.hProcess) {
        outcome.processStarted = true;
        CloseHandle(info.hProcess);
    }
    return outcome;
}

// %SystemRoot%\System32\<program>, never one found on PATH, with fixed arguments.
win32::ProcessOutput runSystem32Program(std::string_view program,
                                        const std::vector<std::string>& arguments,
                                        std::chrono::milliseconds timeout, std::stop_token stop)
{
    constexpr std::size_t kMaxOutput = 1 << 20;
    win32::ProcessOutput result;

    wchar_t system[MAX_PATH];
    const UINT length = GetSystemDirectoryW(system, MAX_PATH);
    if (length == 0 || length >= MAX_PATH) {
        result.error = GetLastError();
        return result;
    }
    const std::wstring path = std::wstring(system, length) + L"\\" + widen(program);
    std::wstring commandLine = L"\"" + path + L"\"";
    for (const auto& argument : arguments)
        commandLine += L" " + widen(win32::quoteArgument(argument));

    SECURITY_ATTRIBUTES inheritable{sizeof inheritable, nullptr, TRUE};
    HANDLE readEnd = nullptr;
    HANDLE writeEnd = nullptr;
    if (!CreatePipe(&readEnd, &writeEnd, &inheritable, 0)) {
        result.error = GetLastError();
        return result;
    }
    SetHandleInformation(readEnd, HANDLE_FLAG_INHERIT, 0);
    HANDLE input = CreateFileW(L"NUL", GENERIC_READ, FILE_SHARE_READ | FILE_SHARE_WRITE,
                               &inheritable, OPEN_EXISTING, 0, nullptr);

    // netsh inherits exactly these handles, so that a process another thread starts at the
    // same moment cannot inherit our pipe and keep it open.
    HANDLE inherited[2] = {writeEnd, input};
    const DWORD inheritedCount = input == INVALID_HANDLE_VALUE ? 1 : 2;
    SIZE_T listSize = 0;
    InitializeProcThreadAttributeList(nullptr, 1, 0, &listSize);
    std::vector<std::byte> listBuffer(listSize);
    auto* list = reinterpret_cast<LPPROC_THREAD_ATTRIBUTE_LIST>(listBuffer.data());
    bool haveList = InitializeProcThreadAttributeList(list, 1, 0, &listSize) &&
                    UpdateProcThreadAttribute(list, 0, PROC_THREAD_ATTRIBUTE_HANDLE_LIST, inherited,
                                              inheritedCount * sizeof(HANDLE), nullptr, nullptr);

    STARTUPINFOEXW startup{};
    startup.StartupInfo.cb = sizeof startup;
    startup.StartupInfo.dwFlags = STARTF_USESTDHANDLES;
    startup.StartupInfo.hStdInput = input == INVALID_HANDLE_VALUE ? nullptr : input;
    startup.StartupInfo.hStdOutput = writeEnd;
    startup.StartupInfo.hStdError = writeEnd;
    startup.lpAttributeList = haveList ? list : nullptr;
    PROCESS_INFORMATION process{};
    const BOOL created = CreateProcessW(path.c_str(), commandLine.data(), nullptr, nullptr, TRUE,
                                        CREATE_NO_WINDOW | CREATE_SUSPENDED |
                                            (haveList ? EXTENDED_STARTUPINFO_PRESENT : 0),
                                        nullptr, nullptr, &startup.StartupInfo, &process);
    const DWORD createError = created ? 0 : GetLastError();
    if (haveList)
        DeleteProcThreadAttributeList(list);
    CloseHandle(writeEnd);
    if (input != INVALID_HANDLE_VALUE)
        CloseHandle(input);
    if (!created) {
        CloseHandle(readEnd);
        result.error = createError;
        return result;
    }
    // In a job before it runs, so that ending it ends whatever it started too: a child left
    // running would keep the pipe open and the reader waiting.
    HANDLE job = CreateJobObjectW(nullptr, nullptr);
    if (job && !AssignProcessToJobObject(job, process.hProcess)) {
        CloseHandle(job);
        job = nullptr;
    }
    ResumeThread(process.hThread);
    CloseHandle(process.hThread);

    std::string raw;
    std::thread reader([&raw, readEnd] {
        char buffer[4096];
        DWORD got = 0;
        while (ReadFile(readEnd, buffer, sizeof buffer, &got, nullptr) && got > 0) {
            if (raw.size() < kMaxOutput)
                raw.append(buffer, got);
        }
    });
    // Waits for the program, the time limit or a stop request, whichever comes first.
    HANDLE stopped = CreateEventW(nullptr, TRUE, FALSE, nullptr);
    DWORD waited = WAIT_FAILED;
    {
        std::stop_callback onStop(stop, [stopped] {
            if (stopped)
                SetEvent(stopped);
        });
        const HANDLE handles[2] = {process.hProcess, stopped};
        const auto ms =
            std::clamp<std::chrono::milliseconds::rep>(timeout.count(), 0, INFINITE - 1);
        waited = WaitForMultipleObjects(stopped ? 2 : 1, handles, FALSE, static_cast<DWORD>(ms));
    }
    if (stopped)
        CloseHandle(stopped);
    if (waited != WAIT_OBJECT_0) {
        if (!job || !TerminateJobObject(job, 1))
            TerminateProcess(process.hProcess, 1);
        WaitForSingleObject(process.hProcess, 5000);
        result.error = waited == WAIT_OBJECT_0 + 1 ? ERROR_CANCELLED : WAIT_TIMEOUT;
    }
    reader.join(); // the pipe ends when netsh has exited
    if (job)
        CloseHandle(job);
    DWORD exitCode = 0;
    GetExitCodeProcess(process.hProcess, &exitCode);
    CloseHandle(process.hProcess);
    CloseHandle(readEnd);
    result.exitCode = exitCode;
    result.output = decodeConsoleOutput(raw);
    return result;
}

} // namespace portolan
