// SPDX-License-Identifier: GPL-3.0-or-later
#include "terminal.h"

#include <atomic>
#include <csignal>

namespace portolan::cli {
namespace {

// Lock-free, so touching it from a signal handler is allowed.
std::atomic<bool> g_interrupted{false};
static_assert(std::atomic<bool>::is_always_lock_free);

extern "C" void onInterrupt(int)
{
    g_interrupted.store(true);
    // Windows resets the handler to the default before calling it; a second Ctrl-C while the
    // scan winds down should not kill the process before it prints the partial result.
    std::signal(SIGINT, onInterrupt);
}

} // namespace

void installInterruptHandler()
{
    std::signal(SIGINT, onInterrupt);
}

bool interruptRequested()
{
    return g_interrupted.load();
}

} // namespace portolan::cli
