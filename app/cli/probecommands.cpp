// SPDX-License-Identifier: GPL-3.0-or-later
// bind, scan and probe: what the system does when a socket asks for ports.
#include "session.h"

#include "output.h"

#include "platform/probes.h"

#include <array>
#include <atomic>
#include <chrono>
#include <iomanip>
#include <sstream>

namespace portolan::cli {
namespace {

// The block the system check looks up. Any block does: "not found" proves the call works.
constexpr PortRange kSystemCheckLookup{50000, 10};
// The block the system check acquires: 10 ports wherever the system likes.
constexpr PortRange kSystemCheckAcquire{0, 10};

constexpr std::string_view kNotSupported = "not supported on this system";

Error bindError(const BindProbeResult& result)
{
    return result.error.value_or(
        Error::make(ErrorKind::Internal, "the bind failed without an error"));
}

std::string codeText(const ScanRun& run)
{
    if (run.code == 0 && run.codeName.empty())
        return "-";
    if (run.codeName.empty())
        return std::to_string(run.code);
    return run.codeName + " " + std::to_string(run.code);
}

std::string stepLine(const ProbeStep& step)
{
    std::string name(toString(step.kind));
    std::string line = "  " + name + std::string(name.size() < 13 ? 13 - name.size() : 1, ' ');
    if (step.ok) {
        line += "ok";
        if (!step.detail.empty())
            line += "      " + step.detail;
    } else if (step.error && step.error->kind == ErrorKind::Unsupported) {
        line += std::string(kNotSupported) + " " + nativeSuffix(*step.error);
    } else {
        line += "FAILED  " + (step.error ? describeError(*step.error) : step.detail);
    }
    return line;
}

std::string specText(const SocketSpec& spec)
{
    return "family " + std::string(toString(spec.family)) + ", type " +
           std::string(toString(spec.type)) + ", protocol " + std::to_string(spec.protocol);
}

// The error of the first step that failed.
Error probeError(const ProbeReport& report)
{
    for (const auto& step : report.steps) {
        if (!step.ok && step.error)
            return *step.error;
    }
    return Error::make(ErrorKind::Internal, "the probe failed without an error");
}

// What to do about a port that is not free, by outcome.
std::string_view advice(BindOutcome outcome)
{
    switch (outcome) {
    case BindOutcome::InUse:
        return "stop the holder, or choose another port";
    case BindOutcome::Denied:
        return "a socket of another account (or an exclusive one) holds the port: stop that "
               "program or choose another port; no reservation is involved";
    case BindOutcome::Forbidden:
        return "a reservation covers the port: choose a port outside the block, or stop its "
               "owner and pin the port with a persistent reservation";
    case BindOutcome::Free:
    case BindOutcome::Other:
        break;
    }
    return {};
}

std::string holderText(const Holder& holder)
{
    std::string text = holder.describe();
    if (!holder.address.empty() && holder.owner.empty())
        text += " on " + holder.address;
    return text;
}

// The reservation a holder named by its owner stands for: the block covering `port`, a runtime
// one first (WinNAT's, Hyper-V's), so the output says which ports the owner holds.
std::optional<ReservedBlock> coveringBlock(Backend& backend, Protocol protocol, std::uint16_t port)
{
    auto blocks = backend.listReservations(protocol);
    if (!blocks)
        return std::nullopt;
    std::optional<ReservedBlock> found;
    for (const ReservedBlock& block : blocks.value()) {
        if (block.range.contains(port) && (!found || (found->persistent && !block.persistent)))
            found = block;
    }
    return found;
}

} // namespace

int Session::bind()
{
    BindTarget target{*m_inv.protocol, m_inv.family, m_inv.address, m_inv.port,
                      probeSharing(m_inv.family, m_inv.address)};
    BindProbeResult result = m_backend.bindProbe(target);

    std::string where = m_inv.family == AddressFamily::IPv6
                            ? "[" + m_inv.address + "]:" + std::to_string(m_inv.port)
                            : m_inv.address + ":" + std::to_string(m_inv.port);
    m_doc["protocol"] = std::string(toString(target.protocol));
    m_doc["address"] = m_inv.address;
    m_doc["port"] = m_inv.port;
    m_doc["options"] = std::string(toString(target.sharing));
    m_doc["outcome"] = std::string(toString(result.outcome));
    m_doc["bound_port"] = result.boundPort;
    m_doc["holder"] = holderJson(result.holder);
    m_doc["shadowed_by"] = holderJson(result.shadowedBy);

    if (result.outcome == BindOutcome::Free) {
        if (!json()) {
            m_out << "bind " << toString(target.protocol) << ' ' << where << ": free";
            if (m_inv.port == 0)
                m_out << " (the system chose port " << result.boundPort << ")";
            m_out << '\n';
            if (!result.shadowedBy.empty())
                m_out << "  shadowed by: " << holderText(result.shadowedBy)
                      << " (it receives this port's traffic on every other address)\n";
        }
        return kExitOk;
    }

    Error error = bindError(result);
    m_doc["ok"] = false;
    m_doc["error"] = errorJson(error);
    if (!json()) {
        m_out << "bind " << toString(target.protocol) << ' ' << where << ": "
              << toString(result.outcome) << '\n';
        m_out << "  error:  " << (error.name.empty() ? "" : error.name + " ")
              << (error.code != 0 ? "(" + std::to_string(error.code) + "): " : "") << error.message
              << '\n';
        if (!result.holder.empty()) {
            m_out << "  holder: " << holderText(result.holder);
            if (!result.holder.owner.empty()) {
                if (auto block = coveringBlock(m_backend, target.protocol, target.port))
                    m_out << ", its " << (block->persistent ? "persistent" : "runtime")
                          << " reservation " << toString(block->range);
            }
            m_out << '\n';
        }
        if (const std::string_view todo = advice(result.outcome); !todo.empty())
            m_out << "  to do:  " << todo << '\n';
    }
    return error.kind == ErrorKind::Unsupported ? kExitUnsupported : kExitFailed;
}

int Session::scan()
{
    ScanRequest request;
    request.protocol = *m_inv.protocol;
    request.family = m_inv.family;
    request.address = m_inv.address;
    request.sharing = probeSharing(m_inv.family, m_inv.address);
    request.first = m_inv.first;
    request.last = m_inv.last;

    ScanProgress progress;
    std::atomic<int> lastShown{-1};
    if (m_env.progressToTerminal) {
        progress = [this, &lastShown](std::uint32_t done, std::uint32_t total) {
            int percent = total == 0 ? 100 : static_cast<int>(std::uint64_t(done) * 100 / total);
            if (percent == lastShown.exchange(percent))
                return;
            m_err << "\rscanning " << done << '/' << total << " ports (" << percent << "%)"
                  << std::flush;
        };
    }

    auto started = std::chrono::steady_clock::now();
    auto result = m_backend.scan(request, progress, m_env.stop);
    double seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    if (lastShown.load() >= 0)
        m_err << '\r' << std::string(48, ' ') << '\r' << std::flush;
    if (!result.ok())
        return fail(result.error());
    const ScanResult& scan = result.value();

    std::uint32_t total = std::uint32_t(request.last) - request.first + 1;
    constexpr std::array kOutcomes{BindOutcome::Free, BindOutcome::InUse, BindOutcome::Denied,
                                   BindOutcome::Forbidden, BindOutcome::Other};
    std::array<std::uint32_t, kOutcomes.size()> counts{};

    Json runs = Json::array();
    Table table({"FIRST", "LAST", "PORTS", "OUTCOME", "CODE", "HOLDER"});
    for (const auto& run : scan.runs) {
        std::uint32_t ports = std::uint32_t(run.last) - run.first + 1;
        counts[static_cast<std::size_t>(run.outcome)] += ports;
        Json entry = Json::object();
        entry["first"] = run.first;
        entry["last"] = run.last;
        entry["outcome"] = std::string(toString(run.outcome));
        entry["code"] = run.code;
        entry["name"] = run.codeName;
        entry["holder"] = holderJson(run.holder);
        entry["shadowed_by"] = holderJson(run.shadowedBy);
        runs.push_back(std::move(entry));
        std::string holder = holderText(run.holder);
        if (holder.empty() && !run.shadowedBy.empty())
            holder = "shadowed by " + holderText(run.shadowedBy);
        table.add({std::to_string(run.first), std::to_string(run.last), std::to_string(ports),
                   std::string(toString(run.outcome)), codeText(run), orDash(holder)});
    }

    Json summary = Json::object();
    std::ostringstream summaryText;
    summaryText << "summary: " << scan.probed << " of " << total << " ports probed in "
                << std::fixed << std::setprecision(2) << seconds << " s:";
    for (std::size_t i = 0; i < kOutcomes.size(); ++i) {
        summary[std::string(toString(kOutcomes[i]))] = counts[i];
        summaryText << (i == 0 ? " " : ", ") << counts[i] << ' ' << toString(kOutcomes[i]);
    }

    m_doc["protocol"] = std::string(toString(request.protocol));
    m_doc["address"] = request.address;
    m_doc["options"] = std::string(toString(request.sharing));
    m_doc["first"] = request.first;
    m_doc["last"] = request.last;
    m_doc["probed"] = scan.probed;
    m_doc["cancelled"] = scan.cancelled;
    m_doc["seconds"] = seconds;
    m_doc["runs"] = std::move(runs);
    m_doc["summary"] = std::move(summary);

    if (!json()) {
        m_out << "scan " << toString(request.protocol) << ' ' << request.address << ' '
              << request.first << '-' << request.last << '\n';
        table.print(m_out);
        m_out << summaryText.str() << '\n';
    }
    if (scan.cancelled) {
        return fail(Error::make(ErrorKind::Cancelled, "the scan was stopped after " +
                                                          std::to_string(scan.probed) + " of " +
                                                          std::to_string(total) +
                                                          " ports; the result above is partial"));
    }
    return kExitOk;
}

int Session::probePlan()
{
    bool acquireRelease = m_inv.plan == ProbePlan::AcquireRelease;
    if (!json()) {
        m_out << "probe "
              << (acquireRelease ? "acquire-release: " + specText(m_inv.spec) + ", "
                                 : std::string("lookup-associate: tcp, "))
              << "start " << m_inv.range.start << ", count " << m_inv.range.count << std::endl;
    }
    ProbeStepCallback onStep;
    if (!json())
        onStep = [this](const ProbeStep& step) { m_out << stepLine(step) << std::endl; };

    ProbeReport report = acquireRelease
                             ? runAcquireRelease(m_backend, m_inv.spec, m_inv.range, onStep)
                             : runLookupAssociate(m_backend, m_inv.range, onStep);

    Json steps = Json::array();
    for (const auto& step : report.steps)
        steps.push_back(probeStepJson(step));
    m_doc["plan"] = report.plan;
    m_doc["family"] = std::string(toString(report.spec.family));
    m_doc["type"] = std::string(toString(report.spec.type));
    m_doc["protocol"] = report.spec.protocol;
    m_doc["requested"] = startCountJson(report.requested);
    m_doc["granted"] = startCountJson(report.granted);
    m_doc["token"] = tokenJson(report.token);
    m_doc["allocated_port"] = report.allocatedPort ? Json(*report.allocatedPort) : Json();
    m_doc["steps"] = std::move(steps);

    if (report.ok) {
        if (!json()) {
            m_out << "start " << report.granted.start << ", count " << report.granted.count
                  << ", token " << tokenText(report.token);
            if (report.allocatedPort)
                m_out << ", allocated port " << *report.allocatedPort;
            m_out << '\n';
        }
        return kExitOk;
    }
    return fail(probeError(report));
}

int Session::systemCheck()
{
    struct Check
    {
        std::string name;
        std::string target;
        bool ok = false;
        std::optional<Error> error;
        std::string detail;
        Json steps;
    };
    std::vector<Check> checks;

    {
        BindTarget target{Protocol::Tcp, AddressFamily::IPv4, "127.0.0.1", 0};
        BindProbeResult result = m_backend.bindProbe(target);
        Check check{"bind", "tcp 127.0.0.1:0"};
        check.ok = result.outcome == BindOutcome::Free;
        if (check.ok)
            check.detail = "bound port " + std::to_string(result.boundPort);
        else
            check.error = bindError(result);
        checks.push_back(std::move(check));
    }
    {
        ProbeReport report = runAcquireRelease(m_backend, SocketSpec::forProtocol(Protocol::Tcp),
                                               kSystemCheckAcquire);
        Check check{"acquire-release", "tcp 0 10"};
        check.ok = report.ok;
        if (report.ok) {
            check.detail = "granted " + toString(report.granted) + ", token " +
                           tokenText(report.token) + ", released";
        } else {
            check.error = probeError(report);
        }
        check.steps = Json::array();
        for (const auto& step : report.steps)
            check.steps.push_back(probeStepJson(step));
        checks.push_back(std::move(check));
    }
    {
        auto result = m_backend.lookupPersistent(Protocol::Tcp, kSystemCheckLookup);
        Check check{"lookup", "tcp " + toString(kSystemCheckLookup)};
        check.ok = result.ok();
        if (result.ok())
            check.detail = "found, token " + tokenText(result->token);
        else
            check.error = result.error();
        checks.push_back(std::move(check));
    }

    bool allAnswered = true;
    Json array = Json::array();
    Table table({"CHECK", "TARGET", "RESULT"});
    for (const auto& check : checks) {
        std::string verdict;
        std::string text;
        if (check.ok) {
            verdict = "ok";
            text = "ok: " + check.detail;
        } else if (check.error->kind == ErrorKind::Unsupported) {
            verdict = "not-supported";
            text = std::string(kNotSupported) + " " + nativeSuffix(*check.error);
        } else if (check.name == "lookup" && check.error->kind == ErrorKind::NotFound) {
            // The call exists and answered: that is all the check wants to know.
            verdict = "not-found";
            text = "supported: no reservation " + toString(kSystemCheckLookup) + " " +
                   nativeSuffix(*check.error);
        } else {
            verdict = "failed";
            text = "failed: " + describeError(*check.error);
            allAnswered = false;
        }
        Json entry = Json::object();
        entry["check"] = check.name;
        entry["target"] = check.target;
        entry["result"] = verdict;
        entry["supported"] = verdict != "not-supported";
        entry["detail"] = check.detail;
        if (check.error)
            entry["error"] = errorJson(*check.error);
        if (!check.steps.is_null())
            entry["steps"] = check.steps;
        array.push_back(std::move(entry));
        table.add({check.name, check.target, text});
    }

    m_doc["plan"] = "system-check";
    m_doc["host"] = m_backend.hostName();
    m_doc["elevated"] = m_backend.isElevated();
    m_doc["checks"] = std::move(array);
    if (!json()) {
        m_out << "system check: backend " << m_backend.name() << ", host " << m_backend.hostName()
              << ", " << (m_backend.isElevated() ? "" : "not ") << "elevated\n";
        table.print(m_out);
    }
    if (!allAnswered) {
        m_doc["ok"] = false;
        return kExitFailed;
    }
    return kExitOk;
}

} // namespace portolan::cli
