// SPDX-License-Identifier: GPL-3.0-or-later
// The console of `portolan` with a slow system behind it, for tests/bench/startup-bench: the
// same composition root (runConsole), with the backend wrapped so that its capabilities and
// discovery answer only PORTOLAN_BENCH_SLOW_MS (default 5000) ms after the first of them was
// asked, as the Windows backend's first capabilities() can (a socket, netsh, the registry).
// With PORTOLAN_BENCH_SLOW_SEAM=windows-netsh the backend is instead the real Windows backend
// over a scripted Windows (tests/support/scriptedwindows.h) whose netsh answers that long
// after its first run began. Takes portolan's own arguments. On exit it prints on stderr how many
// of those calls were made on the GUI thread (there should be none).
#include "console.h"

#include "platform/windows/windowsbackend.h"

#include "../support/scriptedwindows.h"
#include "../support/slowbackend.h"

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <memory>

int main(int argc, char** argv)
{
    const auto started = std::chrono::steady_clock::now();
    const char* slowMs = std::getenv("PORTOLAN_BENCH_SLOW_MS");
    const std::chrono::milliseconds delay(slowMs && *slowMs ? std::atoll(slowMs) : 5000);
    const char* seam = std::getenv("PORTOLAN_BENCH_SLOW_SEAM");
    if (seam && std::strcmp(seam, "windows-netsh") == 0) {
        auto windows = portolan::testsupport::ScriptedWindows::delayed(delay);
        const int code = portolan::console::runConsole(
            argc, argv, started, [&windows](std::shared_ptr<portolan::Backend>) {
                return std::shared_ptr<portolan::Backend>(
                    std::make_shared<portolan::WindowsBackend>(windows->api()));
            });
        std::fprintf(stderr, "netsh_runs_answered=%d netsh_runs_cancelled=%d\n",
                     windows->netshReturned(), windows->netshCancelled());
        return code;
    }
    std::shared_ptr<portolan::testsupport::SlowBackend> slow;
    const int code = portolan::console::runConsole(
        argc, argv, started, [&slow, delay](std::shared_ptr<portolan::Backend> backend) {
            slow = std::make_shared<portolan::testsupport::SlowBackend>(std::move(backend), delay);
            return std::shared_ptr<portolan::Backend>(slow);
        });
    if (slow)
        std::fprintf(stderr, "slow_calls_on_gui_thread=%d\n", slow->callsFromCreatingThread());
    return code;
}
