// SPDX-License-Identifier: GPL-3.0-or-later
// Runs a program once, its output thrown away, and reports its wall time, CPU time and peak
// memory: the clock starts just before the program is spawned and stops when wait4 returns, which
// also gives the child's user and system time and peak resident set.
//
//   scenario-bench-launch PROGRAM [ARGS...]
//   -> wall_ms=... cpu_ms=... peak_rss_kib=... exit=...
#include <fcntl.h>
#include <spawn.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <cstring>

int main(int argc, char** argv)
{
    if (argc < 2) {
        std::fprintf(stderr, "usage: scenario-bench-launch PROGRAM [ARGS...]\n");
        return 2;
    }
    // posix_spawn rather than fork: the parent's pages are not copied, so nothing but the
    // program itself is timed.
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, STDOUT_FILENO, "/dev/null", O_WRONLY, 0);
    const auto start = std::chrono::steady_clock::now();
    pid_t child = 0;
    const int spawned = posix_spawnp(&child, argv[1], &actions, nullptr, argv + 1, environ);
    posix_spawn_file_actions_destroy(&actions);
    if (spawned != 0) {
        std::fprintf(stderr, "scenario-bench-launch: %s: %s\n", argv[1], std::strerror(spawned));
        return 2;
    }
    int status = 0;
    rusage usage{};
    if (wait4(child, &status, 0, &usage) < 0) {
        std::perror("wait4");
        return 2;
    }
    const double wallMs =
        std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
    const int exitCode = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    const auto ms = [](const timeval& t) {
        return double(t.tv_sec) * 1e3 + double(t.tv_usec) / 1e3;
    };
    std::printf("wall_ms=%.1f cpu_ms=%.1f peak_rss_kib=%ld exit=%d\n", wallMs,
                ms(usage.ru_utime) + ms(usage.ru_stime), usage.ru_maxrss, exitCode);
    return exitCode == 0 ? 0 : 1;
}
