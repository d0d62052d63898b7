// SPDX-License-Identifier: GPL-3.0-or-later
// The shared behavioural suite on the simulated backend: a clean machine (the built-in
// scenario) kept in memory, with listeners and elevation switched through SimulatedControl.
#include "conformance.h"

#include "platform/simulated/simulatedbackend.h"

#include <set>
#include <stdexcept>
#include <utility>

namespace portolan::test {

namespace {

class SimulatedConformanceFixture final : public ConformanceFixture
{
public:
    SimulatedConformanceFixture()
    {
        auto opened = SimulatedBackend::open(
            SimulatedOptions{{}, std::string(SimulatedBackend::kMemoryState)});
        if (!opened)
            throw std::runtime_error(opened.error().describe());
        m_backend = std::move(opened.value());
    }

    Backend& backend() override { return *m_backend; }

    bool occupyPort(Protocol protocol, std::uint16_t port) override
    {
        if (m_occupied.count({protocol, port}))
            return true;
        Listener listener;
        listener.protocol = protocol;
        listener.address = "127.0.0.1";
        listener.port = port;
        listener.pid = 4711;
        listener.process = "conformance-listener.exe";
        if (!m_backend->addListener(listener))
            return false;
        m_occupied.insert({protocol, port});
        return true;
    }

    bool occupyAs(Protocol protocol, const std::string& address, std::uint16_t port,
                  SocketSharing sharing, bool sameUser, std::string*) override
    {
        releasePort(protocol, port);
        Listener listener;
        listener.protocol = protocol;
        listener.address = address;
        listener.port = port;
        listener.pid = 4712;
        listener.process = "conformance-first-bind.exe";
        listener.sharing = sharing;
        listener.user = sameUser ? m_backend->machine().selfUser : "conformance-other-user";
        if (!m_backend->addListener(listener))
            return false;
        m_occupied.insert({protocol, port});
        return true;
    }

    void releasePort(Protocol protocol, std::uint16_t port) override
    {
        if (m_occupied.erase({protocol, port}))
            (void)m_backend->removeListener(protocol, port);
    }

    bool setElevated(bool elevated) override { return m_backend->setElevated(elevated).ok(); }

    PortRange freeBlock() const override
    {
        // Nothing of the clean machine lives there, and it is below the dynamic range.
        return PortRange{20000, 100};
    }

    std::string description() const override
    {
        return "simulated backend, built-in clean machine, state in memory";
    }

private:
    std::unique_ptr<SimulatedBackend> m_backend;
    std::set<std::pair<Protocol, std::uint16_t>> m_occupied;
};

} // namespace

std::unique_ptr<ConformanceFixture> makeConformanceFixture()
{
    return std::make_unique<SimulatedConformanceFixture>();
}

} // namespace portolan::test
