// SPDX-License-Identifier: GPL-3.0-or-later
// Ctrl-C on Windows: the console runs a control handler on a thread of its own (not in a
// signal context), so the handler makes the call itself; no thread of ours waits.
#include "interruptwatcher.h"

#include <mutex>

#include <windows.h>

namespace portolan {
namespace {

std::mutex g_mutex;
std::function<void()>* g_onInterrupt = nullptr; // the living watcher's call, until it is made

BOOL WINAPI onControl(DWORD type)
{
    if (type != CTRL_C_EVENT && type != CTRL_BREAK_EVENT)
        return FALSE; // closing the console or logging off: the default handling
    std::function<void()> call;
    {
        std::lock_guard lock(g_mutex);
        if (g_onInterrupt) {
            call = std::move(*g_onInterrupt);
            *g_onInterrupt = nullptr;
        }
    }
    if (call)
        call();
    return TRUE;
}

} // namespace

struct InterruptWatcher::State
{
    std::function<void()> onInterrupt;
    bool installed = false;
};

InterruptWatcher::InterruptWatcher(std::function<void()> onInterrupt)
    : m_state(std::make_unique<State>())
{
    m_state->onInterrupt = std::move(onInterrupt);
    {
        std::lock_guard lock(g_mutex);
        g_onInterrupt = &m_state->onInterrupt;
    }
    m_state->installed = SetConsoleCtrlHandler(onControl, TRUE) != 0;
}

InterruptWatcher::~InterruptWatcher()
{
    if (m_state->installed)
        SetConsoleCtrlHandler(onControl, FALSE);
    std::lock_guard lock(g_mutex);
    g_onInterrupt = nullptr;
}

} // namespace portolan
