// SPDX-License-Identifier: GPL-3.0-or-later
#include "probes.h"

#include "text.h"

#include <chrono>
#include <string>
#include <utility>

namespace portolan {
namespace {

std::string formatToken(Token token)
{
    return text::tokenHex(token);
}

// Records one step: times it, keeps its error, tells the caller at once.
class StepRecorder
{
public:
    StepRecorder(ProbeReport& report, const ProbeStepCallback& onStep)
        : m_report(report), m_onStep(onStep)
    {
    }

    template <typename Call> auto run(ProbeStepKind kind, Call&& call)
    {
        const auto started = std::chrono::steady_clock::now();
        auto result = call();
        ProbeStep step;
        step.kind = kind;
        step.duration = std::chrono::duration_cast<std::chrono::microseconds>(
            std::chrono::steady_clock::now() - started);
        step.ok = result.ok();
        if (!result.ok())
            step.error = result.error();
        m_report.steps.push_back(std::move(step));
        return result;
    }

    // Adds the detail to the last step and reports it.
    void finish(std::string detail = {})
    {
        ProbeStep& step = m_report.steps.back();
        step.detail = std::move(detail);
        if (m_onStep)
            m_onStep(step);
    }

    void fail(Error error, std::string detail = {})
    {
        ProbeStep& step = m_report.steps.back();
        step.ok = false;
        step.error = std::move(error);
        finish(std::move(detail));
    }

    void close(std::unique_ptr<Socket>& socket)
    {
        (void)run(ProbeStepKind::Close, [&socket]() -> Result<void> {
            socket.reset();
            return {};
        });
        finish();
    }

    void conclude()
    {
        m_report.ok = !m_report.steps.empty();
        for (const ProbeStep& step : m_report.steps)
            m_report.ok = m_report.ok && step.ok;
    }

private:
    ProbeReport& m_report;
    const ProbeStepCallback& m_onStep;
};

std::string describeBlock(const ReservedBlock& block)
{
    return "block " + toString(block.range) + ", token " + formatToken(block.token);
}

// Associate, bind to port 0, getsockname: the port must come from the reserved block.
void associateAndBind(StepRecorder& steps, ProbeReport& report, Socket& socket,
                      std::string_view address)
{
    auto associated = steps.run(ProbeStepKind::Associate,
                                [&] { return socket.associateReservation(report.token); });
    steps.finish("token " + formatToken(report.token));
    if (!associated)
        return;
    auto bound = steps.run(ProbeStepKind::Bind, [&] { return socket.bind(address, 0); });
    steps.finish(std::string(address) + " port 0");
    if (!bound)
        return;
    auto port = steps.run(ProbeStepKind::GetSockName, [&] { return socket.localPort(); });
    if (!port) {
        steps.finish();
        return;
    }
    report.allocatedPort = port.value();
    const std::string detail = "allocated port " + std::to_string(port.value());
    if (report.granted.contains(port.value())) {
        steps.finish(detail);
        return;
    }
    steps.fail(Error::make(ErrorKind::Internal, "port " + std::to_string(port.value()) +
                                                    " lies outside the reserved block " +
                                                    toString(report.granted)),
               detail);
}

} // namespace

std::string_view toString(ProbeStepKind kind)
{
    switch (kind) {
    case ProbeStepKind::OpenSocket:
        return "open-socket";
    case ProbeStepKind::Acquire:
        return "acquire";
    case ProbeStepKind::Lookup:
        return "lookup";
    case ProbeStepKind::Associate:
        return "associate";
    case ProbeStepKind::Bind:
        return "bind";
    case ProbeStepKind::GetSockName:
        return "getsockname";
    case ProbeStepKind::Release:
        return "release";
    case ProbeStepKind::Close:
        return "close";
    }
    return "close";
}

ProbeReport runAcquireRelease(Backend& backend, const SocketSpec& spec, PortRange range,
                              const ProbeStepCallback& onStep)
{
    ProbeReport report;
    report.plan = "acquire-release";
    report.spec = spec;
    report.requested = range;
    StepRecorder steps(report, onStep);

    auto socket = steps.run(ProbeStepKind::OpenSocket, [&] { return backend.openSocket(spec); });
    steps.finish(std::string(toString(spec.family)) + " " + std::string(toString(spec.type)) +
                 " protocol " + std::to_string(spec.protocol));
    if (!socket) {
        steps.conclude();
        return report;
    }
    std::unique_ptr<Socket> handle = std::move(socket.value());

    auto block =
        steps.run(ProbeStepKind::Acquire, [&] { return handle->acquireReservation(range); });
    if (block) {
        report.granted = block->range;
        report.token = block->token;
        steps.finish("granted " + describeBlock(block.value()));
        auto released = steps.run(ProbeStepKind::Release,
                                  [&] { return handle->releaseReservation(report.token); });
        steps.finish(released ? "released token " + formatToken(report.token) : std::string{});
    } else {
        steps.finish("requested " + toString(range));
    }
    steps.close(handle);
    steps.conclude();
    return report;
}

ProbeReport runLookupAssociate(Backend& backend, PortRange range, const ProbeStepCallback& onStep)
{
    ProbeReport report;
    report.plan = "lookup-associate";
    report.spec = SocketSpec::forProtocol(Protocol::Tcp, AddressFamily::IPv4);
    report.requested = range;
    StepRecorder steps(report, onStep);

    auto found = steps.run(ProbeStepKind::Lookup,
                           [&] { return backend.lookupPersistent(Protocol::Tcp, range); });
    if (!found) {
        steps.finish("tcp " + toString(range));
        steps.conclude();
        return report;
    }
    report.granted = found->range;
    report.token = found->token;
    steps.finish("found " + describeBlock(found.value()));

    auto socket =
        steps.run(ProbeStepKind::OpenSocket, [&] { return backend.openSocket(report.spec); });
    steps.finish("ipv4 stream tcp");
    if (!socket) {
        steps.conclude();
        return report;
    }
    std::unique_ptr<Socket> handle = std::move(socket.value());
    associateAndBind(steps, report, *handle, "0.0.0.0");
    steps.close(handle);
    steps.conclude();
    return report;
}

ProbeReport runAcquireAssociateBind(Backend& backend, const SocketSpec& spec, PortRange range,
                                    std::string_view address, const ProbeStepCallback& onStep)
{
    ProbeReport report;
    report.plan = "acquire-associate-bind";
    report.spec = spec;
    report.requested = range;
    StepRecorder steps(report, onStep);

    auto acquiring = steps.run(ProbeStepKind::OpenSocket, [&] { return backend.openSocket(spec); });
    steps.finish("acquiring socket");
    if (!acquiring) {
        steps.conclude();
        return report;
    }
    std::unique_ptr<Socket> owner = std::move(acquiring.value());
    auto block =
        steps.run(ProbeStepKind::Acquire, [&] { return owner->acquireReservation(range); });
    if (!block) {
        steps.finish("requested " + toString(range));
        steps.close(owner);
        steps.conclude();
        return report;
    }
    report.granted = block->range;
    report.token = block->token;
    steps.finish("granted " + describeBlock(block.value()));

    // A second socket of the same process consumes the reservation while the first keeps it
    // alive: associating the acquiring socket itself hides bugs the real use would show.
    auto second = steps.run(ProbeStepKind::OpenSocket, [&] { return backend.openSocket(spec); });
    steps.finish("binding socket");
    if (second) {
        std::unique_ptr<Socket> user = std::move(second.value());
        associateAndBind(steps, report, *user, address);
        steps.close(user);
    }
    auto released =
        steps.run(ProbeStepKind::Release, [&] { return owner->releaseReservation(report.token); });
    steps.finish(released ? "released token " + formatToken(report.token) : std::string{});
    steps.close(owner);
    steps.conclude();
    return report;
}

} // namespace portolan
