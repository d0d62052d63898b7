// SPDX-License-Identifier: GPL-3.0-or-later
// Ctrl-C on POSIX: the SIGINT handler writes one byte to a pipe (write() is async-signal-safe),
// and a thread blocked in read() on the other end turns it into the call. The destructor
// wakes that thread with a byte of its own.
#include "interruptwatcher.h"

#include <atomic>
#include <cerrno>
#include <csignal>
#include <thread>

#include <fcntl.h>
#include <unistd.h>

namespace portolan {
namespace {

constexpr char kInterrupt = 'i';
constexpr char kQuit = 'q';

std::atomic<int> g_writeEnd{-1}; // the pipe the handler writes to; -1 when no watcher lives
static_assert(std::atomic<int>::is_always_lock_free);

extern "C" void onSigint(int)
{
    const int saved = errno;
    const int fd = g_writeEnd.load();
    if (fd >= 0) {
        const char byte = kInterrupt;
        [[maybe_unused]] const auto written = ::write(fd, &byte, 1);
    }
    errno = saved;
}

} // namespace

struct InterruptWatcher::State
{
    int readEnd = -1;
    int writeEnd = -1;
    struct sigaction previous = {};
    std::thread thread;
};

InterruptWatcher::InterruptWatcher(std::function<void()> onInterrupt)
    : m_state(std::make_unique<State>())
{
    int fds[2];
    if (::pipe(fds) != 0)
        return; // no pipe, no Ctrl-C handling: the default action ends the program
    ::fcntl(fds[0], F_SETFD, FD_CLOEXEC);
    ::fcntl(fds[1], F_SETFD, FD_CLOEXEC);
    m_state->readEnd = fds[0];
    m_state->writeEnd = fds[1];
    g_writeEnd.store(fds[1]);
    m_state->thread = std::thread([fd = fds[0], onInterrupt = std::move(onInterrupt)] {
        bool called = false;
        for (;;) {
            char byte = 0;
            const auto got = ::read(fd, &byte, 1);
            if (got < 0 && errno == EINTR)
                continue;
            if (got <= 0 || byte == kQuit)
                return;
            if (!called) {
                called = true;
                onInterrupt();
            }
        }
    });
    struct sigaction action = {};
    action.sa_handler = onSigint;
    sigemptyset(&action.sa_mask);
    action.sa_flags = SA_RESTART;
    ::sigaction(SIGINT, &action, &m_state->previous);
}

InterruptWatcher::~InterruptWatcher()
{
    if (m_state->writeEnd < 0)
        return;
    ::sigaction(SIGINT, &m_state->previous, nullptr);
    g_writeEnd.store(-1);
    const char byte = kQuit;
    while (::write(m_state->writeEnd, &byte, 1) < 0 && errno == EINTR) {
    }
    m_state->thread.join();
    ::close(m_state->readEnd);
    ::close(m_state->writeEnd);
}

} // namespace portolan
