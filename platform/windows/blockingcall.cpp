// SPDX-License-Identifier: GPL-3.0-or-later
#include "blockingcall.h"

#include "win32api.h"

#include <condition_variable>
#include <exception>
#include <system_error>
#include <thread>

namespace portolan::win32 {
namespace {

// What the waiting caller and the call's thread share; the thread keeps it alive after an
// abandoned caller let go.
struct Outcome
{
    std::mutex mutex;
    std::condition_variable_any returned;
    bool done = false;
    std::exception_ptr failure;
};

std::size_t indexOf(CallKind kind)
{
    return static_cast<std::size_t>(kind);
}

} // namespace

std::string durationText(std::chrono::milliseconds duration)
{
    const auto ms = duration.count();
    return ms % 1000 == 0 ? std::to_string(ms / 1000) + " s" : std::to_string(ms) + " ms";
}

Error abandonedAfter(std::string_view what, std::chrono::milliseconds deadline)
{
    return Error{ErrorKind::Timeout, kWaitTimeout, "WAIT_TIMEOUT",
                 std::string(what) + ": no answer within " + durationText(deadline) +
                     "; it was abandoned"};
}

Error abandonedOnCancel(std::string_view what)
{
    return Error{ErrorKind::Cancelled, kErrorCancelled, "ERROR_CANCELLED",
                 std::string(what) + ": cancelled; the call was abandoned"};
}

PendingCalls::PendingCalls()
{
    for (std::size_t i = 0; i < kCallKinds; ++i)
        m_deadlines[i] = defaultDeadline(static_cast<CallKind>(i));
}

std::chrono::milliseconds PendingCalls::deadline(CallKind kind) const
{
    std::lock_guard lock(m_mutex);
    return m_deadlines[indexOf(kind)];
}

void PendingCalls::setDeadline(CallKind kind, std::chrono::milliseconds deadline)
{
    std::lock_guard lock(m_mutex);
    m_deadlines[indexOf(kind)] = deadline;
}

std::stop_token PendingCalls::stopToken() const
{
    std::lock_guard lock(m_mutex);
    return m_stop.get_token();
}

void PendingCalls::cancel()
{
    std::lock_guard lock(m_mutex);
    m_stop.request_stop();
    if (!m_shutDown)
        m_stop = std::stop_source();
}

void PendingCalls::shutDown()
{
    {
        std::lock_guard lock(m_mutex);
        m_shutDown = true;
    }
    cancel();
}

std::optional<Error> PendingCalls::await(CallKind kind, std::string_view what,
                                         std::function<void()> work) const
{
    std::chrono::milliseconds deadline{};
    std::stop_token stop;
    {
        std::lock_guard lock(m_mutex);
        deadline = m_deadlines[indexOf(kind)];
        stop = m_stop.get_token();
    }
    if (stop.stop_requested())
        return abandonedOnCancel(what);

    auto outcome = std::make_shared<Outcome>();
    const auto until = std::chrono::steady_clock::now() + deadline;
    try {
        std::thread([outcome, work = std::move(work)]() mutable {
            std::exception_ptr failure;
            try {
                work();
            } catch (...) {
                failure = std::current_exception();
            }
            // What the call owns (a socket, say) is let go before its caller hears of it.
            work = nullptr;
            {
                std::lock_guard lock(outcome->mutex);
                outcome->done = true;
                outcome->failure = failure;
            }
            outcome->returned.notify_all();
        }).detach();
    } catch (const std::system_error& error) {
        // Made here instead, it could block the caller for good.
        return Error::make(ErrorKind::Unavailable, std::string(what) +
                                                       ": not made, no thread could be started "
                                                       "to wait for it (" +
                                                       error.what() + ")");
    }

    std::unique_lock lock(outcome->mutex);
    if (outcome->returned.wait_until(lock, stop, until, [&] { return outcome->done; })) {
        if (outcome->failure)
            std::rethrow_exception(outcome->failure);
        return std::nullopt;
    }
    return stop.stop_requested() ? abandonedOnCancel(what) : abandonedAfter(what, deadline);
}

} // namespace portolan::win32
