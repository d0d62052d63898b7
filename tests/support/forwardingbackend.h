// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// A Backend that passes every call to another one: the base of the test decorators that
// change a few calls (tests/support/slowbackend.h) and leave the rest alone.

#include "platform/backend.h"

#include <memory>
#include <utility>

namespace portolan::testsupport {

class ForwardingBackend : public Backend
{
public:
    explicit ForwardingBackend(std::shared_ptr<Backend> inner) : m_inner(std::move(inner)) {}

    Backend& inner() const { return *m_inner; }

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
    BindProbeResult bindProbe(const BindTarget& target) override
    {
        return m_inner->bindProbe(target);
    }
    Result<ScanResult> scan(const ScanRequest& request, const ScanProgress& progress,
                            std::stop_token stop) override
    {
        return m_inner->scan(request, progress, std::move(stop));
    }
    Result<PortRange> dynamicRange(Protocol protocol) override
    {
        return m_inner->dynamicRange(protocol);
    }
    Result<DynamicRangeChange> changeDynamicRange(Protocol protocol, PortRange range) override
    {
        return m_inner->changeDynamicRange(protocol, range);
    }
    Result<std::vector<Listener>> listeners(std::optional<Protocol> protocol) override
    {
        return m_inner->listeners(protocol);
    }
    Result<void> restartElevated(const std::string& program,
                                 const std::vector<std::string>& arguments) override
    {
        return m_inner->restartElevated(program, arguments);
    }
    void beginShutdown() override { m_inner->beginShutdown(); }
    void cancelPendingCalls() override { m_inner->cancelPendingCalls(); }

private:
    std::shared_ptr<Backend> m_inner;
};

} // namespace portolan::testsupport
