// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "../error.h"

#include <array>
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <stop_token>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>

// Calls into Windows that may never answer, made into errors (docs/windows-semantics.md
// #hanging-calls): the call runs on a thread of its own, and its caller stops waiting when
// the call's deadline passes or when the backend ends its pending calls. A call that did not
// answer is abandoned, never joined: its thread owns what it touches and finishes whenever
// Windows lets it.
namespace portolan::win32 {

// The kinds of call that may block, each with its own deadline. A new one (service control,
// say) is one more kind here with its default below, and its call goes through
// PendingCalls::run.
enum class CallKind : std::uint8_t
{
    Registry, // RegOpenKeyEx and RegEnumValue on HKEY_LOCAL_MACHINE
    Hcn,      // HcnEnumerateGuestNetworkPortReservations: an RPC to the Host Network Service
    Ioctl,    // WSAIoctl(SIO_*_PORT_RESERVATION), which may block indefinitely
    Netsh,    // netsh.exe: Win32Api::runNetsh ends the process itself at the deadline
    Service,  // the Service Control Manager: a stop or start and the wait for its new state
};
inline constexpr std::size_t kCallKinds = 5;

constexpr std::chrono::milliseconds defaultDeadline(CallKind kind)
{
    using std::chrono::seconds;
    switch (kind) {
    case CallKind::Registry:
        return seconds(10);
    case CallKind::Hcn:
        // Answered by another process, the Host Network Service: a little more room.
        return seconds(15);
    case CallKind::Ioctl:
        return seconds(10);
    case CallKind::Netsh:
        return seconds(30);
    case CallKind::Service:
        // A service may take its time to stop; WinNAT and HNS take a few seconds.
        return seconds(60);
    }
    return seconds(10);
}

// "10 s", or "250 ms" for a limit that is not whole seconds (a test's).
std::string durationText(std::chrono::milliseconds duration);
// "<what>: no answer within 10 s; it was abandoned" (Timeout, WAIT_TIMEOUT).
Error abandonedAfter(std::string_view what, std::chrono::milliseconds deadline);
// "<what>: cancelled; the call was abandoned" (Cancelled, ERROR_CANCELLED).
Error abandonedOnCancel(std::string_view what);

// What a backend and its sockets share about their calls that may block: the deadline of each
// kind, and the one stop source that ends every call in progress. Thread-safe.
class PendingCalls
{
public:
    PendingCalls();

    std::chrono::milliseconds deadline(CallKind kind) const;
    void setDeadline(CallKind kind, std::chrono::milliseconds deadline);
    // Requested when the calls in progress are to end; a later cancel() hands out a new one.
    std::stop_token stopToken() const;
    // Ends every call in progress (each answers Cancelled); later calls are not affected.
    void cancel();
    // Ends every call in progress, and every later one answers Cancelled without being made.
    void shutDown();

    // Makes `call` on a thread of its own and waits until it returns, the deadline of its kind
    // passes (Timeout) or the pending calls are ended (Cancelled). `call` must own - by copy or
    // shared_ptr - everything it touches: an abandoned call may return long after its caller
    // went. `what` names the call as a person reads it ("reading the registry key HKLM\...").
    // Costs one thread per call: for calls made a few times per user action, not per port.
    template <typename Call>
    Result<std::invoke_result_t<Call&>> run(CallKind kind, std::string_view what, Call call) const
    {
        using Answer = std::invoke_result_t<Call&>;
        static_assert(!std::is_void_v<Answer>, "a call answers something, if only a code");
        auto answer = std::make_shared<std::optional<Answer>>();
        std::function<void()> work = [answer, call = std::move(call)]() mutable {
            answer->emplace(call());
        };
        if (auto error = await(kind, what, std::move(work)))
            return std::move(*error);
        return std::move(**answer);
    }

private:
    // Nullopt when the work returned; rethrows what it threw.
    std::optional<Error> await(CallKind kind, std::string_view what,
                               std::function<void()> work) const;

    mutable std::mutex m_mutex; // guards what follows
    std::array<std::chrono::milliseconds, kCallKinds> m_deadlines;
    std::stop_source m_stop;
    bool m_shutDown = false; // m_stop then stays stopped
};

} // namespace portolan::win32
