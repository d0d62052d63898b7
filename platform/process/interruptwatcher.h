// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <functional>
#include <memory>

namespace portolan {

// Ctrl-C (and Ctrl-Break on Windows) as a call. While a watcher lives, the first interrupt
// calls `onInterrupt` once, on a thread that is not a signal handler, and later ones are
// swallowed so that a command winding down can still print what it has. Nothing polls:
// the watcher sleeps until an interrupt comes, and destroying it returns at once. One file
// per OS (process/interrupt_*.cpp, picked by CMake); one watcher at a time.
class InterruptWatcher
{
public:
    explicit InterruptWatcher(std::function<void()> onInterrupt);
    ~InterruptWatcher();
    InterruptWatcher(const InterruptWatcher&) = delete;
    InterruptWatcher& operator=(const InterruptWatcher&) = delete;

    struct State;

private:
    std::unique_ptr<State> m_state;
};

} // namespace portolan
