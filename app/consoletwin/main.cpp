// SPDX-License-Identifier: GPL-3.0-or-later
// portolan.com, the console twin of portolan.exe. Typed as "portolan" in cmd or PowerShell it
// runs first (PATHEXT lists .COM before .EXE), starts portolan.exe from its own folder with the
// same command line, relays what that prints to this console (portolan.exe is a window program
// and has none of its own) and returns its exit code. When portolan.exe becomes a window it
// signals the event named in PORTOLAN_CONSOLE_TWIN (platform/process/processinfo.h), and the
// twin returns 0 at once, as typing portolan.exe would.
#include "consoletwin.h"

#include "platform/process/consoledevice.h"
#include "platform/process/consolewriter.h"
#include "platform/process/processinfo.h"
#include "platform/process/utf8.h"

#include <atomic>
#include <cstdint>
#include <cstdio>
#include <string>
#include <thread>

#include <windows.h>

namespace {

// The running portolan.exe, for Ctrl-C: it has no console of its own, so the console's Ctrl-C
// reaches only the twin. Ending it with 130 makes "portolan --export ..." stop as a console
// program would, and the twin returns that code once its output is relayed.
std::atomic<HANDLE> g_child{nullptr};
constexpr UINT kCancelledExitCode = 130;

BOOL WINAPI onConsoleControl(DWORD event)
{
    if (event != CTRL_C_EVENT && event != CTRL_BREAK_EVENT && event != CTRL_CLOSE_EVENT)
        return FALSE;
    if (HANDLE child = g_child.load())
        TerminateProcess(child, kCancelledExitCode);
    return TRUE;
}

void complain(const std::string& text)
{
    const auto device = portolan::standardConsole(portolan::StandardStream::Err);
    portolan::ConsoleWriter writer(*device);
    writer.sputn(text.data(), std::streamsize(text.size()));
}

std::string lastError()
{
    return "Windows error " + std::to_string(GetLastError());
}

std::wstring modulePath()
{
    std::wstring path(MAX_PATH, L'\0');
    for (;;) {
        const DWORD length = GetModuleFileNameW(nullptr, path.data(), DWORD(path.size()));
        if (length == 0)
            return {};
        if (length < path.size()) {
            path.resize(length);
            return path;
        }
        path.resize(path.size() * 2);
    }
}

// A handle the child may inherit: a copy of one of ours (standard handles need not be
// inheritable), or null.
HANDLE inheritable(HANDLE handle)
{
    if (handle == nullptr || handle == INVALID_HANDLE_VALUE)
        return nullptr;
    HANDLE copy = nullptr;
    if (!DuplicateHandle(GetCurrentProcess(), handle, GetCurrentProcess(), &copy, 0, TRUE,
                         DUPLICATE_SAME_ACCESS))
        return nullptr;
    return copy;
}

// Copies what the child writes into one pipe to one of our streams until the child closes it.
void relay(HANDLE pipe, portolan::StandardStream stream)
{
    const auto device = portolan::standardConsole(stream);
    portolan::ConsoleWriter writer(*device);
    char buffer[4096];
    DWORD got = 0;
    while (ReadFile(pipe, buffer, DWORD(sizeof buffer), &got, nullptr) && got > 0) {
        writer.sputn(buffer, std::streamsize(got));
        writer.pubsync();
    }
    writer.finish();
    CloseHandle(pipe);
}

} // namespace

int wmain()
{
    const std::wstring twin = modulePath();
    if (twin.empty()) {
        complain("portolan: cannot find this program's own path (" + lastError() + ")\n");
        return 1;
    }
    const std::wstring exe = portolan::consoletwin::programBeside(twin);
    const std::wstring commandLine =
        portolan::consoletwin::childCommandLine(exe, GetCommandLineW());

    SECURITY_ATTRIBUTES inherit{sizeof(SECURITY_ATTRIBUTES), nullptr, TRUE};
    HANDLE released = CreateEventW(&inherit, TRUE, FALSE, nullptr);
    HANDLE outRead = nullptr;
    HANDLE outWrite = nullptr;
    HANDLE errRead = nullptr;
    HANDLE errWrite = nullptr;
    if (released == nullptr || !CreatePipe(&outRead, &outWrite, &inherit, 0) ||
        !CreatePipe(&errRead, &errWrite, &inherit, 0)) {
        complain("portolan: cannot set up portolan.exe's output (" + lastError() + ")\n");
        return 1;
    }
    // Only the child gets the write ends; our read ends stay ours.
    SetHandleInformation(outRead, HANDLE_FLAG_INHERIT, 0);
    SetHandleInformation(errRead, HANDLE_FLAG_INHERIT, 0);
    const std::wstring eventValue = std::to_wstring(
        static_cast<unsigned long long>(reinterpret_cast<std::uintptr_t>(released)));
    const std::string variable(portolan::kConsoleTwinVariable);
    SetEnvironmentVariableW(std::wstring(variable.begin(), variable.end()).c_str(),
                            eventValue.c_str());

    STARTUPINFOW startup{};
    startup.cb = sizeof startup;
    startup.dwFlags = STARTF_USESTDHANDLES;
    startup.hStdInput = inheritable(GetStdHandle(STD_INPUT_HANDLE));
    startup.hStdOutput = outWrite;
    startup.hStdError = errWrite;
    PROCESS_INFORMATION child{};
    std::wstring mutableLine = commandLine; // CreateProcessW may write into it
    if (!CreateProcessW(exe.c_str(), mutableLine.data(), nullptr, nullptr, TRUE, 0, nullptr,
                        nullptr, &startup, &child)) {
        complain("portolan: cannot start " + portolan::utf8::fromPath(exe) + " (" + lastError() +
                 ")\n");
        return 1;
    }
    CloseHandle(child.hThread);
    g_child.store(child.hProcess);
    SetConsoleCtrlHandler(onConsoleControl, TRUE);
    CloseHandle(outWrite);
    CloseHandle(errWrite);
    if (startup.hStdInput != nullptr)
        CloseHandle(startup.hStdInput);

    std::thread outRelay(relay, outRead, portolan::StandardStream::Out);
    std::thread errRelay(relay, errRead, portolan::StandardStream::Err);

    const HANDLE waitFor[] = {child.hProcess, released};
    const DWORD which = WaitForMultipleObjects(2, waitFor, FALSE, INFINITE);
    if (which == WAIT_OBJECT_0 + 1) {
        // A window now: whatever it prints later has no console to go to, and Ctrl-C in this
        // console is no longer its business.
        g_child.store(nullptr);
        outRelay.detach();
        errRelay.detach();
        std::fflush(stdout);
        std::fflush(stderr);
        ExitProcess(0);
    }
    // It ended: its pipes are closed, the relays print the rest and stop.
    g_child.store(nullptr);
    outRelay.join();
    errRelay.join();
    DWORD code = 1;
    if (!GetExitCodeProcess(child.hProcess, &code))
        code = 1;
    CloseHandle(child.hProcess);
    return int(code);
}
