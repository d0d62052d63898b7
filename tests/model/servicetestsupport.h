// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Helpers shared by the services', models' and import tests: a temporary store, the simulated
// backend from a scenario, and a backend wrapper that counts (and can hold) the calls.

#include "model/store/store.h"

#include "platform/simulated/simulatedbackend.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

#include <atomic>
#include <condition_variable>
#include <memory>
#include <mutex>

#ifndef PORTOLAN_SOURCE_DIR
#error "PORTOLAN_SOURCE_DIR must name the source tree"
#endif

namespace portolan::testing {

inline QString scenarioPath(const char* name)
{
    return QStringLiteral(PORTOLAN_SOURCE_DIR "/resources/scenarios/") + QLatin1String(name);
}

inline std::unique_ptr<SimulatedBackend> openSimulated(const char* scenario)
{
    auto opened = SimulatedBackend::open(SimulatedOptions{
        scenarioPath(scenario).toStdString(), std::string(SimulatedBackend::kMemoryState)});
    if (!opened) {
        qWarning("%s", opened.error().describe().c_str());
        return nullptr;
    }
    return std::move(opened.value());
}

inline std::unique_ptr<Store> openStore(const QTemporaryDir& dir, const QString& localHost,
                                        const QString& name = QStringLiteral("portolan.sqlite"))
{
    DatabaseOptions options;
    options.path = dir.filePath(name);
    options.localHost = localHost;
    auto store = Store::open(options);
    if (!store) {
        qWarning("%s", store.error().describe().c_str());
        return nullptr;
    }
    return std::move(store.value());
}

// Forwards every call to a real backend, counting the persistent ones and noting the thread
// they ran on. A test can hold createPersistent until it releases the gate.
class RecordingBackend final : public Backend
{
public:
    explicit RecordingBackend(std::unique_ptr<SimulatedBackend> inner) : m_inner(std::move(inner)) {}

    SimulatedBackend& inner() { return *m_inner; }
    SimulatedControl& control() { return *m_inner; }

    std::atomic<int> creates{0};
    std::atomic<int> lookups{0};
    std::atomic<int> deletes{0};
    std::atomic<QThread*> lastCallThread{nullptr};

    void holdCreates()
    {
        std::lock_guard lock(m_mutex);
        m_held = true;
    }
    void releaseCreates()
    {
        {
            std::lock_guard lock(m_mutex);
            m_held = false;
        }
        m_cv.notify_all();
    }

    std::string_view name() const override { return m_inner->name(); }
    Capabilities capabilities() const override { return m_inner->capabilities(); }
    bool isElevated() const override { return m_inner->isElevated(); }
    std::string hostName() const override { return m_inner->hostName(); }
    Result<std::int64_t> bootTime() const override { return m_inner->bootTime(); }
    Result<ReservedBlock> createPersistent(Protocol protocol, PortRange range) override
    {
        lastCallThread = QThread::currentThread();
        {
            std::unique_lock lock(m_mutex);
            m_cv.wait(lock, [this] { return !m_held; });
        }
        ++creates;
        return m_inner->createPersistent(protocol, range);
    }
    Result<ReservedBlock> lookupPersistent(Protocol protocol, PortRange range) override
    {
        lastCallThread = QThread::currentThread();
        ++lookups;
        return m_inner->lookupPersistent(protocol, range);
    }
    Result<void> deletePersistent(Protocol protocol, PortRange range) override
    {
        lastCallThread = QThread::currentThread();
        ++deletes;
        return m_inner->deletePersistent(protocol, range);
    }
    Result<std::vector<ReservedBlock>> listReservations(std::optional<Protocol> protocol) override
    {
        return m_inner->listReservations(protocol);
    }
    Result<std::unique_ptr<Socket>> openSocket(const SocketSpec& spec) override
    {
        return m_inner->openSocket(spec);
    }
    BindProbeResult bindProbe(const BindTarget& target) override { return m_inner->bindProbe(target); }
    Result<ScanResult> scan(const ScanRequest& request, const ScanProgress& progress,
                            std::stop_token stop) override
    {
        lastCallThread = QThread::currentThread();
        return m_inner->scan(request, progress, stop);
    }
    Result<PortRange> dynamicRange(Protocol protocol) override { return m_inner->dynamicRange(protocol); }
    Result<std::vector<Listener>> listeners(std::optional<Protocol> protocol) override
    {
        return m_inner->listeners(protocol);
    }

private:
    std::unique_ptr<SimulatedBackend> m_inner;
    std::mutex m_mutex;
    std::condition_variable m_cv;
    bool m_held = false;
};

// Waits until `spy` has caught a signal whose first argument satisfies `pick`, and returns
// that argument list. Fails the test (empty list) after the timeout.
template <typename Pick>
QList<QVariant> waitFor(QSignalSpy& spy, Pick pick, int timeoutMs = 10000)
{
    QElapsedTimer timer;
    timer.start();
    qsizetype seen = 0;
    while (true) {
        for (; seen < spy.size(); ++seen) {
            if (pick(spy.at(seen)))
                return spy.at(seen);
        }
        const qint64 left = timeoutMs - timer.elapsed();
        if (left <= 0 || !spy.wait(int(left)))
            break;
    }
    for (; seen < spy.size(); ++seen) {
        if (pick(spy.at(seen)))
            return spy.at(seen);
    }
    return {};
}

} // namespace portolan::testing
