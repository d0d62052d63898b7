// SPDX-License-Identifier: GPL-3.0-or-later
// Starts a program under the X display $DISPLAY and measures the time from fork to the first
// MapNotify of a top-level window (a child of the root window, not override-redirect: a menu
// or a tooltip is no window of its own), as the start-up benchmark compares the console with
// the programs administrators already run (tests/bench/startup-bench). The same yardstick for
// every program: no window manager is needed, nothing inside the program is asked.
//
//   startup-bench-mapnotify [--timeout-ms N] [--settle-ms N] [--grace-ms N] [--seed DIR]
//                           PROGRAM [ARGS...]
//   -> fork_to_map_ms=... rss_at_map_kib=... peak_rss_kib=... window=0x... title=...
//
// Each start has a HOME of its own (a new temporary directory; the XDG directories inside it),
// so that no program finds the settings of an earlier start; --seed DIR copies DIR into it
// first (what a program asks once of a new user, such as a licence to agree to, is answered
// there). stdout and stderr of the program go to /dev/null. After the map, the program runs
// --settle-ms more (default 1000) so that peak_rss_kib includes its first frames, then gets
// SIGTERM and, after --grace-ms (default 2000), SIGKILL; its process group goes with it.
// Exit code 0 on a map, 1 if the program exited or the timeout (default 30000 ms) came first,
// 2 if it could not be started.
#include <X11/Xatom.h>
#include <X11/Xlib.h>
#include <X11/Xutil.h>

#include <fcntl.h>
#include <ftw.h>
#include <poll.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <climits>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <ctime>

namespace {

double nowMs()
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return double(ts.tv_sec) * 1e3 + double(ts.tv_nsec) / 1e6;
}

// VmHWM of /proc/PID/status in KiB, -1 when it cannot be read.
long peakResidentKiB(pid_t pid)
{
    char path[64];
    snprintf(path, sizeof path, "/proc/%d/status", int(pid));
    FILE* file = fopen(path, "r");
    if (!file)
        return -1;
    char line[256];
    long kib = -1;
    while (fgets(line, sizeof line, file)) {
        if (strncmp(line, "VmHWM:", 6) == 0) {
            kib = strtol(line + 6, nullptr, 10);
            break;
        }
    }
    fclose(file);
    return kib;
}

int removeEntry(const char* path, const struct stat* st, int flag, struct FTW* ftw)
{
    (void)st;
    (void)flag;
    (void)ftw;
    remove(path);
    return 0;
}

void removeTree(const char* path)
{
    nftw(path, removeEntry, 16, FTW_DEPTH | FTW_PHYS);
}

// The window's title for the report (_NET_WM_NAME, else WM_NAME): the mapped window is the
// one the program meant, not a dialog before it. Empty when it has none.
void windowTitle(Display* display, Window window, char* out, size_t size)
{
    out[0] = '\0';
    const Atom names[2] = {XInternAtom(display, "_NET_WM_NAME", False), XA_WM_NAME};
    for (int i = 0; i < 2 && !out[0]; ++i) {
        Atom type;
        int format;
        unsigned long count, after;
        unsigned char* data = nullptr;
        if (XGetWindowProperty(display, window, names[i], 0, 256, False, AnyPropertyType, &type,
                               &format, &count, &after, &data) == Success &&
            data && format == 8) {
            snprintf(out, size, "%.*s", int(count), reinterpret_cast<const char*>(data));
        }
        if (data)
            XFree(data);
    }
    for (char* c = out; *c; ++c) {
        if (*c == '\n' || *c == '\r')
            *c = ' ';
    }
}

// Whether the program has ended, without reaping it: while it is a zombie its process group
// id stays its own, so that signalling the group cannot reach a process that took the number.
bool hasEnded(pid_t child)
{
    siginfo_t info;
    memset(&info, 0, sizeof info);
    return waitid(P_PID, id_t(child), &info, WEXITED | WNOHANG | WNOWAIT) == 0 && info.si_pid != 0;
}

// SIGTERM to the program's process group, SIGKILL after graceMs (to whatever of the group is
// left in any case); reaps the program and returns its peak memory (KiB) as the kernel kept it.
long stopProgram(pid_t child, int graceMs)
{
    kill(-child, SIGTERM);
    const double deadline = nowMs() + graceMs;
    while (!hasEnded(child) && nowMs() < deadline)
        poll(nullptr, 0, 10);
    kill(-child, SIGKILL);
    rusage usage{};
    wait4(child, nullptr, 0, &usage);
    return usage.ru_maxrss;
}

int ignoreXErrors(Display* display, XErrorEvent* error)
{
    (void)display;
    (void)error; // a window gone before its title was read
    return 0;
}

int usage()
{
    fprintf(stderr, "usage: startup-bench-mapnotify [--timeout-ms N] [--settle-ms N] "
                    "[--grace-ms N] [--seed DIR] PROGRAM [ARGS...]\n");
    return 2;
}

} // namespace

int main(int argc, char** argv)
{
    int timeoutMs = 30000, settleMs = 1000, graceMs = 2000;
    const char* seed = nullptr;
    int first = 1;
    for (; first + 1 < argc && strncmp(argv[first], "--", 2) == 0; first += 2) {
        const char* value = argv[first + 1];
        if (strcmp(argv[first], "--timeout-ms") == 0)
            timeoutMs = atoi(value);
        else if (strcmp(argv[first], "--settle-ms") == 0)
            settleMs = atoi(value);
        else if (strcmp(argv[first], "--grace-ms") == 0)
            graceMs = atoi(value);
        else if (strcmp(argv[first], "--seed") == 0)
            seed = value;
        else
            return usage();
    }
    if (first >= argc)
        return usage();
    const char* program = argv[first];

    Display* display = XOpenDisplay(nullptr);
    if (!display) {
        const char* name = getenv("DISPLAY");
        fprintf(stderr, "startup-bench-mapnotify: cannot open the display '%s'\n",
                name ? name : "(DISPLAY is not set)");
        return 2;
    }
    XSetErrorHandler(ignoreXErrors);
    const Window root = DefaultRootWindow(display);
    XSelectInput(display, root, SubstructureNotifyMask);
    XSync(display, True); // selected before the fork, and nothing from before it is counted

    const char* tmp = getenv("TMPDIR");
    char home[PATH_MAX];
    snprintf(home, sizeof home, "%s/mapnotify-home.XXXXXX", tmp && *tmp ? tmp : "/tmp");
    if (!mkdtemp(home)) {
        fprintf(stderr, "startup-bench-mapnotify: cannot make a HOME under %s: %s\n",
                tmp && *tmp ? tmp : "/tmp", strerror(errno));
        return 2;
    }
    if (seed) {
        char command[3 * PATH_MAX];
        snprintf(command, sizeof command, "cp -a '%s/.' '%s/'", seed, home);
        if (system(command) != 0) {
            fprintf(stderr, "startup-bench-mapnotify: cannot copy %s into the new HOME\n", seed);
            removeTree(home);
            return 2;
        }
    }

    const double forked = nowMs();
    const pid_t child = fork();
    if (child < 0) {
        perror("startup-bench-mapnotify: fork");
        removeTree(home);
        return 2;
    }
    if (child == 0) {
        setpgid(0, 0);
        char path[PATH_MAX + 32];
        setenv("HOME", home, 1);
        snprintf(path, sizeof path, "%s/.config", home);
        setenv("XDG_CONFIG_HOME", path, 1);
        snprintf(path, sizeof path, "%s/.local/share", home);
        setenv("XDG_DATA_HOME", path, 1);
        snprintf(path, sizeof path, "%s/.cache", home);
        setenv("XDG_CACHE_HOME", path, 1);
        snprintf(path, sizeof path, "%s/.local/state", home);
        setenv("XDG_STATE_HOME", path, 1);
        const int devNull = open("/dev/null", O_RDWR);
        if (devNull >= 0) {
            dup2(devNull, STDIN_FILENO);
            dup2(devNull, STDOUT_FILENO);
            dup2(devNull, STDERR_FILENO);
        }
        close(ConnectionNumber(display));
        execvp(program, argv + first);
        _exit(127);
    }
    setpgid(child, child); // also here, so that the group exists whichever runs first

    Window mapped = None;
    double mappedAt = 0;
    int status = 0;
    bool exited = false;
    const double deadline = forked + timeoutMs;
    while (!mapped) {
        while (XPending(display)) {
            XEvent event;
            XNextEvent(display, &event);
            if (event.type == MapNotify && event.xmap.event == root &&
                !event.xmap.override_redirect) {
                mappedAt = nowMs();
                mapped = event.xmap.window;
                break;
            }
        }
        if (mapped)
            break;
        if (hasEnded(child)) {
            exited = true;
            break;
        }
        const double left = deadline - nowMs();
        if (left <= 0)
            break;
        struct pollfd fd = {.fd = ConnectionNumber(display), .events = POLLIN};
        poll(&fd, 1, left < 20 ? int(left) + 1 : 20); // 20 ms: to notice an early exit
    }

    int code = 0;
    if (mapped) {
        const long atMap = peakResidentKiB(child);
        char title[512];
        windowTitle(display, mapped, title, sizeof title);
        // A program that ends on its own within the settle time (the bare window quits after
        // its first frame) has its peak from the kernel; one still running, from just before
        // SIGTERM, so that what it does on the way out is not counted.
        const double settled = nowMs() + settleMs;
        while (!hasEnded(child) && nowMs() < settled)
            poll(nullptr, 0, 10);
        const long beforeStop = hasEnded(child) ? -1 : peakResidentKiB(child);
        const long atExit = stopProgram(child, graceMs);
        std::printf(
            "fork_to_map_ms=%.2f rss_at_map_kib=%ld peak_rss_kib=%ld window=0x%lx title=%s\n",
            mappedAt - forked, atMap, beforeStop >= 0 ? beforeStop : atExit,
            static_cast<unsigned long>(mapped), title);
    } else if (exited) {
        kill(-child, SIGKILL); // what it started and left behind
        waitpid(child, &status, 0);
        const int exitCode = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
        fprintf(stderr,
                "startup-bench-mapnotify: %s exited (code %d) after %.0f ms without mapping a "
                "top-level window%s\n",
                program, exitCode, nowMs() - forked,
                exitCode == 127 ? " (127: it could not be started)" : "");
        code = 1;
    } else {
        fprintf(stderr,
                "startup-bench-mapnotify: %s mapped no top-level window within %d ms; stopped "
                "it\n",
                program, timeoutMs);
        (void)stopProgram(child, graceMs);
        code = 1;
    }
    XCloseDisplay(display);
    removeTree(home);
    return code;
}
