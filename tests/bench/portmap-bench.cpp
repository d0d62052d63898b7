// SPDX-License-Identifier: GPL-3.0-or-later
// What the port map does with a machine's snapshot, timed on its own: fill the data from the
// backend's lists, normalize it, build both lanes' drawing layers and explain the current
// port, as PortMapPage::setSnapshot and PortMapWidget::setData do. The snapshot comes from a
// simulated scenario (loaded once, not timed). Prints the best of REPEAT builds and the mean
// time of one explanation (describe) over ports spread across the TCP space. It never fails
// on the figures; tests/bench/scenario-bench runs it.
//
// Usage: portmap-bench SCENARIO [REPEAT]
//   -> blocks=N listeners=M build_ms=... describe_us=...

#include "ui/portmap/portmapdata.h"

#include "platform/simulated/simulatedbackend.h"

#include <QCoreApplication>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>

using namespace portolan;
using namespace portolan::ui;

namespace {

double msSince(std::chrono::steady_clock::time_point start)
{
    return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start)
        .count();
}

} // namespace

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    if (argc < 2 || argc > 3) {
        std::fprintf(stderr, "usage: portmap-bench SCENARIO [REPEAT]\n");
        return 2;
    }
    const int repeat = argc == 3 ? std::max(1, std::atoi(argv[2])) : 3;
    auto opened = SimulatedBackend::open(
        SimulatedOptions{argv[1], std::string(SimulatedBackend::kMemoryState)});
    if (!opened) {
        std::fprintf(stderr, "portmap-bench: %s\n", opened.error().message.c_str());
        return 1;
    }
    SimulatedBackend& backend = *opened.value();
    const auto blocks = backend.listReservations(std::nullopt);
    const auto listeners = backend.listeners(std::nullopt);
    const auto tcpRange = backend.dynamicRange(Protocol::Tcp);
    const auto udpRange = backend.dynamicRange(Protocol::Udp);
    if (!blocks || !listeners || !tcpRange || !udpRange) {
        std::fprintf(stderr, "portmap-bench: the simulated machine did not answer\n");
        return 1;
    }

    double bestBuildMs = 1e300;
    std::size_t checksum = 0; // keeps the work from being optimized away
    PortMapData data;
    for (int i = 0; i < repeat; ++i) {
        const auto start = std::chrono::steady_clock::now();
        PortMapData next = data; // the page starts from the map's current data
        next.tcp.dynamicRange = tcpRange.value();
        next.udp.dynamicRange = udpRange.value();
        next.setReservations(blocks.value());
        next.setListeners(listeners.value());
        next.normalize();
        const LaneLayers tcpLayers = buildLaneLayers(next.tcp);
        const LaneLayers udpLayers = buildLaneLayers(next.udp);
        const quint16 current =
            next.tcp.blocks.empty() ? quint16(1) : next.tcp.blocks.front().range.start;
        const PortInfo info = next.describe(Protocol::Tcp, current);
        bestBuildMs = std::min(bestBuildMs, msSince(start));
        checksum += tcpLayers.boundaries.size() + udpLayers.boundaries.size() +
                    std::size_t(info.explanation.size());
        data = std::move(next);
    }

    constexpr int kDescribes = 1000;
    const auto start = std::chrono::steady_clock::now();
    for (int i = 0; i < kDescribes; ++i) {
        const auto port = quint16(1 + (i * 65.534));
        checksum += std::size_t(data.describe(Protocol::Tcp, port).summary.size());
    }
    const double describeUs = msSince(start) * 1000.0 / kDescribes;

    std::printf("blocks=%zu listeners=%zu build_ms=%.2f describe_us=%.2f checksum=%zu\n",
                blocks->size(), listeners->size(), bestBuildMs, describeUs, checksum);
    return 0;
}
