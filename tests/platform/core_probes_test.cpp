// SPDX-License-Identifier: GPL-3.0-or-later
#include "platform/nativecodes.h"
#include "platform/probes.h"
#include "platform/text.h"

#include <doctest/doctest.h>

#include <string>
#include <vector>

using namespace portolan;

namespace {

// A scripted backend: just enough to drive the probe plans through each branch.
struct Script
{
    std::optional<Error> openError;
    std::optional<Error> acquireError;
    std::optional<Error> lookupError;
    std::optional<Error> associateError;
    std::optional<Error> bindError;
    std::uint16_t boundPort = 5003; // what getsockname answers
    std::vector<std::string> calls;
};

class ScriptedSocket final : public Socket
{
public:
    explicit ScriptedSocket(Script& script) : m_script(script) {}
    ~ScriptedSocket() override { m_script.calls.push_back("close"); }

    Result<ReservedBlock> acquireReservation(PortRange range) override
    {
        m_script.calls.push_back("acquire " + toString(range));
        if (m_script.acquireError)
            return *m_script.acquireError;
        return ReservedBlock{Protocol::Tcp, PortRange{5000, 10}, false, 0xabcdef, ""};
    }
    Result<void> associateReservation(Token token) override
    {
        m_script.calls.push_back("associate " + std::to_string(token));
        if (m_script.associateError)
            return *m_script.associateError;
        return {};
    }
    Result<void> releaseReservation(Token token) override
    {
        m_script.calls.push_back("release " + std::to_string(token));
        return {};
    }
    Result<void> bind(std::string_view address, std::uint16_t port) override
    {
        m_script.calls.push_back("bind " + std::string(address) + ":" + std::to_string(port));
        if (m_script.bindError)
            return *m_script.bindError;
        return {};
    }
    Result<std::uint16_t> localPort() const override { return m_script.boundPort; }

private:
    Script& m_script;
};

class ScriptedBackend final : public Backend
{
public:
    explicit ScriptedBackend(Script& script) : m_script(script) {}
    std::string_view name() const override { return "scripted"; }
    Capabilities capabilities() const override { return {}; }
    bool isElevated() const override { return true; }
    std::string hostName() const override { return "test"; }
    Result<std::int64_t> bootTime() const override { return std::int64_t{0}; }
    Result<ReservedBlock> createPersistent(Protocol, PortRange) override { return unsupported(); }
    Result<ReservedBlock> lookupPersistent(Protocol protocol, PortRange range) override
    {
        m_script.calls.push_back("lookup " + toString(range));
        if (m_script.lookupError)
            return *m_script.lookupError;
        return ReservedBlock{protocol, range, true, 77, ""};
    }
    Result<void> deletePersistent(Protocol, PortRange) override { return unsupported(); }
    Result<std::vector<ReservedBlock>> listReservations(std::optional<Protocol>) override
    {
        return unsupported();
    }
    Result<std::unique_ptr<Socket>> openSocket(const SocketSpec&) override
    {
        m_script.calls.push_back("open");
        if (m_script.openError)
            return *m_script.openError;
        return std::unique_ptr<Socket>(std::make_unique<ScriptedSocket>(m_script));
    }
    Result<PortRange> dynamicRange(Protocol) override { return unsupported(); }
    Result<std::vector<Listener>> listeners(std::optional<Protocol>) override
    {
        return unsupported();
    }

private:
    static Error unsupported() { return Error::make(ErrorKind::Unsupported, "scripted"); }
    Script& m_script;
};

std::vector<ProbeStepKind> kinds(const ProbeReport& report)
{
    std::vector<ProbeStepKind> out;
    for (const auto& step : report.steps)
        out.push_back(step.kind);
    return out;
}

} // namespace

TEST_CASE("tokens read as 0x and hexadecimal digits, without leading zeros")
{
    CHECK(text::tokenHex(0xabcdef) == "0xabcdef");
    CHECK(text::tokenHex(0x7e51a3c0) == "0x7e51a3c0");
    CHECK(text::tokenHex(0x9000000000000001ULL) == "0x9000000000000001");
    CHECK(text::tokenHex(0xffffffffffffffffULL) == "0xffffffffffffffff");
    CHECK(text::tokenHex(1) == "0x1");
}

TEST_CASE("acquire-release: open, acquire, release, close, each reported as it happens")
{
    Script script;
    ScriptedBackend backend(script);
    std::vector<ProbeStepKind> live;
    const ProbeReport report =
        runAcquireRelease(backend, SocketSpec::forProtocol(Protocol::Tcp), PortRange{5000, 10},
                          [&](const ProbeStep& step) { live.push_back(step.kind); });
    using K = ProbeStepKind;
    const std::vector<K> expected = {K::OpenSocket, K::Acquire, K::Release, K::Close};
    CHECK(report.ok);
    CHECK(kinds(report) == expected);
    CHECK(live == expected);
    CHECK(report.token == 0xabcdef);
    CHECK(report.granted == PortRange{5000, 10});
    // The step names the token as everything people read does (platform/text.h).
    CHECK(report.steps[1].detail.find("token 0xabcdef") != std::string::npos);
    CHECK(script.calls ==
          std::vector<std::string>{"open", "acquire 5000-5009", "release 11259375", "close"});
}

TEST_CASE("acquire-release: a refused acquire skips the release but still closes")
{
    Script script;
    script.acquireError = native::windowsError(native::kWsaEopnotsupp, "acquire");
    ScriptedBackend backend(script);
    const ProbeReport report =
        runAcquireRelease(backend, SocketSpec::forProtocol(Protocol::Udp), PortRange{0, 5});
    using K = ProbeStepKind;
    CHECK_FALSE(report.ok);
    CHECK(kinds(report) == std::vector<K>{K::OpenSocket, K::Acquire, K::Close});
    REQUIRE(report.steps[1].error.has_value());
    CHECK(report.steps[1].error->name == "WSAEOPNOTSUPP");
    CHECK(report.token == kNoToken);
}

TEST_CASE("lookup-associate: the allocated port is checked against the block")
{
    Script script;
    ScriptedBackend backend(script);
    ProbeReport report = runLookupAssociate(backend, PortRange{5000, 10});
    using K = ProbeStepKind;
    CHECK(report.ok);
    CHECK(kinds(report) == std::vector<K>{K::Lookup, K::OpenSocket, K::Associate, K::Bind,
                                          K::GetSockName, K::Close});
    CHECK(report.allocatedPort == 5003);
    CHECK(script.calls[3] == "bind 0.0.0.0:0");

    Script outside;
    outside.boundPort = 6000;
    ScriptedBackend wrong(outside);
    report = runLookupAssociate(wrong, PortRange{5000, 10});
    CHECK_FALSE(report.ok);
    REQUIRE(report.steps[4].error.has_value());
    CHECK(report.steps[4].error->message.find("outside the reserved block 5000-5009") !=
          std::string::npos);
}

TEST_CASE("lookup-associate: not found stops after the lookup")
{
    Script script;
    script.lookupError = native::windowsError(native::kErrorNotFound, "lookup");
    ScriptedBackend backend(script);
    const ProbeReport report = runLookupAssociate(backend, PortRange{5000, 10});
    CHECK_FALSE(report.ok);
    CHECK(report.steps.size() == 1);
    CHECK(report.steps[0].error->kind == ErrorKind::NotFound);
    CHECK(script.calls == std::vector<std::string>{"lookup 5000-5009"});
}

TEST_CASE("acquire-associate-bind keeps the acquiring socket open while a second one binds")
{
    Script script;
    ScriptedBackend backend(script);
    const ProbeReport report = runAcquireAssociateBind(
        backend, SocketSpec::forProtocol(Protocol::Tcp), PortRange{0, 10}, "127.0.0.1");
    CHECK(report.ok);
    CHECK(report.allocatedPort == 5003);
    const std::vector<std::string> expected = {
        "open",  "acquire any 10 ports", "open", "associate 11259375", "bind 127.0.0.1:0",
        "close", "release 11259375",     "close"};
    CHECK(script.calls == expected);
}

TEST_CASE("a failed associate is reported with its native error and the release still runs")
{
    Script script;
    script.associateError = native::windowsError(native::kWsaEacces, "associate");
    ScriptedBackend backend(script);
    const ProbeReport report = runAcquireAssociateBind(
        backend, SocketSpec::forProtocol(Protocol::Tcp), PortRange{5000, 10}, "0.0.0.0");
    CHECK_FALSE(report.ok);
    bool released = false;
    for (const auto& step : report.steps) {
        if (step.kind == ProbeStepKind::Associate) {
            REQUIRE(step.error.has_value());
            CHECK(step.error->name == "WSAEACCES");
        }
        released = released || (step.kind == ProbeStepKind::Release && step.ok);
    }
    CHECK(released);
}
