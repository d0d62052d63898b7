// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// A Backend that forwards to another one, except that the calls that can be slow on Windows —
// capabilities (its first call opens a socket, runs netsh and reads the registry) and discovery
// (listReservations, dynamicRange, listeners) — wait at a gate first: until a test opens it, or
// (the start-up benchmark) until a fixed time after the first of them began. Tests and
// benchmarks only; the product never sees it.
//
// A slow call made on the thread that created the backend (the GUI thread, in the console and
// the tests) is counted. At a gate it does not wait, so that a test sees the mistake instead
// of hanging; with a delay it waits like any other, so that the benchmark shows the cost.

#include "forwardingbackend.h"

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <memory>
#include <mutex>
#include <optional>
#include <thread>
#include <utility>

namespace portolan::testsupport {

class SlowBackend final : public ForwardingBackend
{
public:
    // Waits until open() is called.
    explicit SlowBackend(std::shared_ptr<Backend> inner) : ForwardingBackend(std::move(inner)) {}
    // Opens by itself `delay` after the first slow call began.
    SlowBackend(std::shared_ptr<Backend> inner, std::chrono::milliseconds delay)
        : ForwardingBackend(std::move(inner)), m_delay(delay)
    {
    }

    void open()
    {
        {
            std::lock_guard lock(m_mutex);
            m_open = true;
        }
        m_opened.notify_all();
    }
    // What capabilities() answers instead of the inner backend's.
    void overrideCapabilities(const Capabilities& capabilities)
    {
        std::lock_guard lock(m_mutex);
        m_capabilities = capabilities;
    }

    int waiting() const { return m_waiting.load(); }   // slow calls at the gate now
    int returned() const { return m_returned.load(); } // slow calls that have returned
    int callsFromCreatingThread() const { return m_fromCreator.load(); }

    Capabilities capabilities() const override
    {
        const Pass pass(*this);
        std::optional<Capabilities> overridden;
        {
            std::lock_guard lock(m_mutex);
            overridden = m_capabilities;
        }
        return overridden ? *overridden : ForwardingBackend::capabilities();
    }
    Result<std::vector<ReservedBlock>> listReservations(std::optional<Protocol> protocol) override
    {
        const Pass pass(*this);
        return ForwardingBackend::listReservations(protocol);
    }
    Result<PortRange> dynamicRange(Protocol protocol) override
    {
        const Pass pass(*this);
        return ForwardingBackend::dynamicRange(protocol);
    }
    Result<std::vector<Listener>> listeners(std::optional<Protocol> protocol) override
    {
        const Pass pass(*this);
        return ForwardingBackend::listeners(protocol);
    }

private:
    // One slow call: waits at the gate on entry, counts the return on exit.
    class Pass
    {
    public:
        explicit Pass(const SlowBackend& backend) : m_backend(backend) { m_backend.enter(); }
        ~Pass() { ++m_backend.m_returned; }
        Pass(const Pass&) = delete;
        Pass& operator=(const Pass&) = delete;

    private:
        const SlowBackend& m_backend;
    };

    void enter() const
    {
        if (std::this_thread::get_id() == m_creator) {
            ++m_fromCreator;
            if (!m_delay)
                return; // nobody would open the gate while this thread waits
        }
        std::unique_lock lock(m_mutex);
        if (m_delay && !m_deadline)
            m_deadline = std::chrono::steady_clock::now() + *m_delay;
        ++m_waiting;
        if (m_deadline)
            m_opened.wait_until(lock, *m_deadline, [this] { return m_open; });
        else
            m_opened.wait(lock, [this] { return m_open; });
        --m_waiting;
    }

    std::optional<std::chrono::milliseconds> m_delay;
    std::thread::id m_creator = std::this_thread::get_id();
    mutable std::mutex m_mutex;
    mutable std::condition_variable m_opened;
    mutable std::optional<std::chrono::steady_clock::time_point> m_deadline;
    bool m_open = false;
    std::optional<Capabilities> m_capabilities;
    mutable std::atomic<int> m_waiting{0};
    mutable std::atomic<int> m_returned{0};
    mutable std::atomic<int> m_fromCreator{0};
};

} // namespace portolan::testsupport
