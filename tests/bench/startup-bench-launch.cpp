// SPDX-License-Identifier: GPL-3.0-or-later
// Starts a program the way the start-up benchmark measures it: the clock starts just before
// fork/exec, the program prints "first_paint_steady_ns=N" (CLOCK_MONOTONIC, shared by every
// process) at its first painted frame, and wait4 gives its peak memory.
//
//   startup-bench-launch PROGRAM [ARGS...]
//   -> start_to_first_paint_ms=... in_process_ms=... peak_rss_kib=... exit=...
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <cstring>
#include <string>

int main(int argc, char** argv)
{
    if (argc < 2) {
        std::fprintf(stderr, "usage: startup-bench-launch PROGRAM [ARGS...]\n");
        return 1;
    }
    int pipeFds[2];
    if (pipe(pipeFds) != 0) {
        std::perror("pipe");
        return 2;
    }
    const auto start = std::chrono::steady_clock::now();
    const pid_t child = fork();
    if (child < 0) {
        std::perror("fork");
        return 2;
    }
    if (child == 0) {
        dup2(pipeFds[1], STDOUT_FILENO);
        close(pipeFds[0]);
        close(pipeFds[1]);
        execvp(argv[1], argv + 1);
        std::perror("exec");
        _exit(127);
    }
    close(pipeFds[1]);
    std::string output;
    char buffer[4096];
    for (ssize_t got; (got = read(pipeFds[0], buffer, sizeof buffer)) > 0;)
        output.append(buffer, static_cast<std::size_t>(got));
    close(pipeFds[0]);
    int status = 0;
    rusage usage{};
    wait4(child, &status, 0, &usage);
    const int exitCode = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);

    long long paintNs = -1;
    double inProcessMs = -1;
    if (const auto at = output.find("first_paint_steady_ns="); at != std::string::npos)
        paintNs = std::stoll(output.substr(at + std::strlen("first_paint_steady_ns=")));
    if (const auto at = output.find("first_paint_ms="); at != std::string::npos)
        inProcessMs = std::stod(output.substr(at + std::strlen("first_paint_ms=")));
    const long long startNs =
        std::chrono::duration_cast<std::chrono::nanoseconds>(start.time_since_epoch()).count();
    const double sinceStartMs = paintNs < 0 ? -1.0 : double(paintNs - startNs) / 1e6;
    std::printf("start_to_first_paint_ms=%.2f in_process_ms=%.2f peak_rss_kib=%ld exit=%d\n",
                sinceStartMs, inProcessMs, usage.ru_maxrss, exitCode);
    return exitCode == 0 && paintNs >= 0 ? 0 : 1;
}
