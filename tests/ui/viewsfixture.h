// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The Probes, Scan and History views' tests: the simulated developer machine (in memory), a
// temporary database, the two services, and a backend wrapper whose bind probes can be slowed
// down and held at a port, so that a test can cancel a full scan half way every time.

#include "model/services/probeservice.h"
#include "model/services/reservationservice.h"
#include "model/store/store.h"

#include "platform/scanner.h"
#include "platform/simulated/simulatedbackend.h"

#include <QTemporaryDir>
#include <QTest>

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <memory>
#include <mutex>
#include <thread>

#ifndef PORTOLAN_SOURCE_DIR
#error "PORTOLAN_SOURCE_DIR must name the source tree"
#endif

namespace portolan::testing {

inline QString scenarioPath(const char* name)
{
    return QStringLiteral(PORTOLAN_SOURCE_DIR "/resources/scenarios/") + QLatin1String(name);
}

// Forwards to the simulated machine. Bind probes at or above the gate port wait until the
// gate opens, and every bind probe can take a little longer than the simulation does.
class GatedBackend final : public Backend
{
public:
    explicit GatedBackend(std::unique_ptr<SimulatedBackend> inner) : m_inner(std::move(inner)) {}
    ~GatedBackend() override { open(); }

    SimulatedBackend& inner() { return *m_inner; }
    SimulatedControl& control() { return *m_inner; }

    // Bind probes of ports >= port block until open() (0 = no gate).
    void closeAt(std::uint16_t port)
    {
        std::lock_guard lock(m_mutex);
        m_gate = port;
    }
    void open()
    {
        {
            std::lock_guard lock(m_mutex);
            m_gate = 0;
        }
        m_cv.notify_all();
    }
    void setProbeDelay(std::chrono::microseconds delay) { m_delayUs = int(delay.count()); }
    int waiting() const { return m_waiting; }

    std::string_view name() const override { return m_inner->name(); }
    Capabilities capabilities() const override { return m_inner->capabilities(); }
    bool isElevated() const override { return m_inner->isElevated(); }
    std::string hostName() const override { return m_inner->hostName(); }
    Result<std::int64_t> bootTime() const override { return m_inner->bootTime(); }
    Result<ReservedBlock> createPersistent(Protocol protocol, PortRange range) override
    {
        return m_inner->createPersistent(protocol, range);
    }
    Result<ReservedBlock> lookupPersistent(Protocol protocol, PortRange range) override
    {
        return m_inner->lookupPersistent(protocol, range);
    }
    Result<void> deletePersistent(Protocol protocol, PortRange range) override
    {
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
    // Scans probe every port through bindProbe below, so that the gate and the delay hold them.
    Result<ScanResult> scan(const ScanRequest& request, const ScanProgress& progress,
                            std::stop_token stop) override
    {
        if (request.first == 0 || request.last < request.first)
            return m_inner->scan(request, progress, std::move(stop)); // its range error
        const BindTarget base{request.protocol, request.family, request.address, 0,
                              request.sharing};
        return scanPorts(
            request,
            [this, &base](std::uint16_t port) {
                BindTarget target = base;
                target.port = port;
                return bindProbe(target);
            },
            progress, std::move(stop));
    }
    BindProbeResult bindProbe(const BindTarget& target) override
    {
        // A spin, not sleep_for: Windows sleeps in timer ticks (1-16 ms), a thousand times
        // the delay asked for, and the scan would crawl.
        if (const int delay = m_delayUs.load(); delay > 0) {
            const auto until = std::chrono::steady_clock::now() + std::chrono::microseconds(delay);
            while (std::chrono::steady_clock::now() < until) {
            }
        }
        {
            std::unique_lock lock(m_mutex);
            if (m_gate != 0 && target.port >= m_gate) {
                ++m_waiting;
                m_cv.wait(lock, [&] { return m_gate == 0 || target.port < m_gate; });
                --m_waiting;
            }
        }
        return m_inner->bindProbe(target);
    }
    Result<PortRange> dynamicRange(Protocol protocol) override
    {
        return m_inner->dynamicRange(protocol);
    }
    Result<std::vector<Listener>> listeners(std::optional<Protocol> protocol) override
    {
        return m_inner->listeners(protocol);
    }

private:
    std::unique_ptr<SimulatedBackend> m_inner;
    std::mutex m_mutex;
    std::condition_variable m_cv;
    std::uint16_t m_gate = 0;
    std::atomic<int> m_waiting{0};
    std::atomic<int> m_delayUs{0};
};

// Everything a view needs, on the developer machine of resources/scenarios/developer.json.
struct ViewsFixture
{
    QTemporaryDir dir;
    std::shared_ptr<GatedBackend> backend;
    std::unique_ptr<Store> store;
    std::unique_ptr<ProbeService> probes;
    std::unique_ptr<ReservationService> reservations;

    // QVERIFY inside: call as QVERIFY(fixture.open()).
    bool open(const char* scenario = "developer.json")
    {
        auto simulated = SimulatedBackend::open(SimulatedOptions{
            scenarioPath(scenario).toStdString(), std::string(SimulatedBackend::kMemoryState)});
        if (!simulated) {
            qWarning("%s", simulated.error().describe().c_str());
            return false;
        }
        backend = std::make_shared<GatedBackend>(std::move(simulated.value()));
        DatabaseOptions options;
        options.path = dir.filePath(QStringLiteral("portolan.sqlite"));
        options.localHost = QStringLiteral("DEV-WORKSTATION");
        auto opened = Store::open(options);
        if (!opened) {
            qWarning("%s", opened.error().describe().c_str());
            return false;
        }
        store = std::move(opened.value());
        probes = std::make_unique<ProbeService>(backend, *store);
        reservations = std::make_unique<ReservationService>(backend, *store);
        return true;
    }

    ~ViewsFixture()
    {
        if (backend)
            backend->open(); // a held scan must be able to end before the service waits for it
        reservations.reset();
        probes.reset();
    }

    std::vector<ReservedBlock> blocks() const
    {
        auto listed = backend->listReservations(std::nullopt);
        return listed ? listed.value() : std::vector<ReservedBlock>{};
    }

    qint64 recordedRuns() const
    {
        auto counted = store->probeRuns().count();
        return counted ? counted.value() : -1;
    }
};

// Makes the tests run without a display when nobody chose a platform.
inline void useOffscreenUnlessSet()
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
}

} // namespace portolan::testing
