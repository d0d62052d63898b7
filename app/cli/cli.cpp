#include "cli.h"

#include "commandline.h"
#include "output.h"

#include "platform/json.h"
#include "platform/probes.h"
#include "platform/types.h"

#include <algorithm>
#include <array>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <iomanip>
#include <mutex>
#include <ostream>
#include <sstream>

namespace portolan::cli {

int exitCodeFor(ErrorKind kind)
{
    switch (kind) {
    case ErrorKind::AccessDenied:
        return kExitAccessDenied;
    case ErrorKind::NotFound:
        return kExitNotFound;
    case ErrorKind::Unsupported:
        return kExitUnsupported;
    case ErrorKind::Cancelled:
        return kExitCancelled;
    default:
        return kExitFailed;
    }
}

namespace {

// The block the system check looks up. Any block does: "not found" proves the call works.
constexpr PortRange kSystemCheckLookup{50000, 10};
// The block the system check acquires: 10 ports wherever the system likes.
constexpr PortRange kSystemCheckAcquire{0, 10};

constexpr std::string_view kNotSupported = "not supported on this system";

// One run of one command: where it prints, and the JSON document it builds.
class Session
{
public:
    Session(const Invocation& inv, Backend& backend, std::ostream& out, std::ostream& err,
            const Environment& env)
        : m_inv(inv), m_backend(backend), m_out(out), m_err(err), m_env(env),
          m_doc(json::Object{})
    {
        m_doc.set("ok", true);
        m_doc.set("command", std::string(commandName(inv.command)));
        m_doc.set("backend", std::string(backend.name()));
    }

    int run();
    const json::Value& document() const { return m_doc; }

private:
    bool json() const { return m_inv.json; }

    // Reports a failed operation: JSON "ok": false + "error", or on stderr the error, what
    // else is known about it, and one line of what to do.
    int fail(const Error& error, const std::vector<std::string>& details = {})
    {
        m_doc.set("ok", false);
        m_doc.set("error", errorJson(error));
        if (!json()) {
            m_err << "portolan-cli: " << describeError(error) << '\n';
            for (const auto& line : details)
                m_err << "  " << line << '\n';
            m_err << "  " << remedy(error.kind) << '\n';
        }
        return exitCodeFor(error.kind);
    }

    int list();
    int persistent();
    int acquire();
    int bind();
    int scan();
    int dynamicRange();
    int listeners();
    int probe();
    int probePlan();
    int systemCheck();

    std::vector<std::string> explainConflict(Protocol protocol, const PortRange& range);

    const Invocation& m_inv;
    Backend& m_backend;
    std::ostream& m_out;
    std::ostream& m_err;
    const Environment& m_env;
    json::Value m_doc;
};

int Session::run()
{
    switch (m_inv.command) {
    case Command::List:
        return list();
    case Command::Create:
    case Command::Lookup:
    case Command::Delete:
        return persistent();
    case Command::Acquire:
        return acquire();
    case Command::Bind:
        return bind();
    case Command::Scan:
        return scan();
    case Command::DynamicRange:
        return dynamicRange();
    case Command::Listeners:
        return listeners();
    case Command::Probe:
        return probe();
    case Command::None:
        break;
    }
    return kExitUsage;
}

std::vector<Protocol> protocolsOf(const std::optional<Protocol>& protocol)
{
    if (protocol)
        return {*protocol};
    return {Protocol::Tcp, Protocol::Udp};
}

std::string orDash(const std::string& text)
{
    return text.empty() ? "-" : text;
}

int Session::list()
{
    auto result = m_backend.listReservations(m_inv.protocol);
    if (!result.ok())
        return fail(result.error());
    auto blocks = std::move(result).value();
    std::stable_sort(blocks.begin(), blocks.end(), [](const auto& a, const auto& b) {
        if (a.protocol != b.protocol)
            return a.protocol < b.protocol;
        return a.range.start < b.range.start;
    });

    std::string host = m_backend.hostName();
    json::Value reservations{json::Array{}};
    Table table({"PROTOCOL", "START", "END", "COUNT", "KIND", "TOKEN", "OWNER"});
    for (const auto& block : blocks) {
        reservations.push(reservationJson(block, host));
        table.add({std::string(toString(block.protocol)), std::to_string(block.range.start),
                   std::to_string(block.range.end()), std::to_string(block.range.count),
                   block.persistent ? "persistent" : "runtime",
                   block.token == kNoToken ? "-" : tokenText(block.token), orDash(block.owner)});
    }
    m_doc.set("host", host);
    m_doc.set("reservations", std::move(reservations));
    if (!json()) {
        if (table.empty())
            m_out << "no persistent reservations found\n";
        else
            table.print(m_out);
    }
    return kExitOk;
}

// On ERROR_SHARING_VIOLATION the system does not say whether the block overlaps a reservation
// or a port is in use (domain §1): look at what can be seen and tell the user which it was.
std::vector<std::string> Session::explainConflict(Protocol protocol, const PortRange& range)
{
    json::Value conflicts{json::Array{}};
    std::vector<std::string> lines;
    if (auto blocks = m_backend.listReservations(protocol); blocks.ok()) {
        for (const auto& block : blocks.value()) {
            if (!block.range.overlaps(range))
                continue;
            json::Value entry = reservationJson(block, m_backend.hostName());
            entry.set("reason", "reservation");
            conflicts.push(std::move(entry));
            lines.push_back("overlaps the " + std::string(block.persistent ? "persistent" : "runtime")
                            + " reservation " + toString(block.range)
                            + (block.owner.empty() ? "" : " held by " + block.owner));
        }
    }
    if (auto listeners = m_backend.listeners(protocol); listeners.ok()) {
        for (const auto& listener : listeners.value()) {
            if (!range.contains(listener.port))
                continue;
            json::Value entry{json::Object{}};
            entry.set("reason", "listener");
            entry.set("port", static_cast<unsigned>(listener.port));
            entry.set("address", listener.address);
            entry.set("pid", listener.pid < 0 ? json::Value{} : json::Value{listener.pid});
            entry.set("process", listener.process);
            conflicts.push(std::move(entry));
            std::string who = listener.process.empty() ? "a process" : listener.process;
            if (listener.pid >= 0)
                who += " (pid " + std::to_string(listener.pid) + ")";
            lines.push_back("port " + std::to_string(listener.port) + " on " + listener.address
                            + " is in use by " + who);
        }
    }
    m_doc.set("conflicts", std::move(conflicts));
    return lines;
}

int Session::persistent()
{
    Protocol protocol = *m_inv.protocol;
    const PortRange& range = m_inv.range;
    std::string what = "persistent " + std::string(toString(protocol)) + " reservation "
                       + blockText(range);

    if (m_inv.command == Command::Delete) {
        auto result = m_backend.deletePersistent(protocol, range);
        if (!result.ok())
            return fail(result.error());
        json::Value reservation = rangeJson(protocol, range);
        reservation.set("persistent", true);
        m_doc.set("reservation", std::move(reservation));
        if (!json())
            m_out << "deleted " << what << '\n';
        return kExitOk;
    }

    bool create = m_inv.command == Command::Create;
    auto result = create ? m_backend.createPersistent(protocol, range)
                         : m_backend.lookupPersistent(protocol, range);
    if (!result.ok()) {
        if (create && result.error().kind == ErrorKind::Conflict)
            return fail(result.error(), explainConflict(protocol, range));
        return fail(result.error());
    }
    const ReservedBlock& block = result.value();
    m_doc.set("reservation", reservationJson(block, m_backend.hostName()));
    if (!json()) {
        m_out << (create ? "created " : "found ") << "persistent " << toString(block.protocol)
              << " reservation " << blockText(block.range) << ", token "
              << (block.token == kNoToken ? "- (this system has no tokens)"
                                          : tokenText(block.token))
              << '\n';
    }
    return kExitOk;
}

int Session::acquire()
{
    Protocol protocol = *m_inv.protocol;
    auto acquired = RuntimeReservation::acquire(m_backend, SocketSpec::forProtocol(protocol),
                                                m_inv.range);
    if (!acquired.ok())
        return fail(acquired.error());
    RuntimeReservation& reservation = acquired.value();

    ReservedBlock block{protocol, reservation.range(), false, reservation.token(), {}};
    m_doc.set("reservation", reservationJson(block, m_backend.hostName()));
    m_doc.set("hold_seconds", m_inv.holdSeconds);
    if (!json()) {
        // Flushed at once: whoever runs "--hold" waits for this line to use the reservation.
        m_out << "acquired runtime " << toString(protocol) << " reservation "
              << blockText(reservation.range()) << ", token " << tokenText(reservation.token())
              << std::endl;
    }

    bool cancelled = false;
    if (m_inv.holdSeconds > 0) {
        if (!json()) {
            m_out << "holding it for " << m_inv.holdSeconds << " s; Ctrl-C releases it early"
                  << std::endl;
        }
        std::mutex mutex;
        std::condition_variable_any wakeUp;
        std::unique_lock lock(mutex);
        wakeUp.wait_for(lock, m_env.stop, std::chrono::seconds(m_inv.holdSeconds),
                        [] { return false; });
        cancelled = m_env.stop.stop_requested();
    }

    auto released = reservation.release();
    m_doc.set("released", released.ok());
    if (!released.ok())
        return fail(released.error());
    if (!json())
        m_out << "released " << toString(protocol) << " reservation " << toString(block.range)
              << '\n';
    if (cancelled) {
        return fail(Error::make(ErrorKind::Cancelled,
                                "interrupted while holding the reservation; it was released"));
    }
    return kExitOk;
}

int Session::bind()
{
    BindTarget target{*m_inv.protocol, m_inv.family, m_inv.address, m_inv.port};
    BindProbeResult result = m_backend.bindProbe(target);

    std::string where = m_inv.family == AddressFamily::IPv6
                            ? "[" + m_inv.address + "]:" + std::to_string(m_inv.port)
                            : m_inv.address + ":" + std::to_string(m_inv.port);
    m_doc.set("protocol", std::string(toString(target.protocol)));
    m_doc.set("address", m_inv.address);
    m_doc.set("port", static_cast<unsigned>(m_inv.port));
    m_doc.set("outcome", std::string(toString(result.outcome)));
    m_doc.set("bound_port", static_cast<unsigned>(result.boundPort));
    m_doc.set("holder", result.holder);

    if (result.outcome == BindOutcome::Free) {
        if (!json()) {
            m_out << "bind " << toString(target.protocol) << ' ' << where << ": free";
            if (m_inv.port == 0)
                m_out << " (the system chose port " << result.boundPort << ")";
            m_out << '\n';
        }
        return kExitOk;
    }

    Error error = result.error.value_or(
        Error::make(ErrorKind::Internal, "the bind failed without an error"));
    m_doc.set("ok", false);
    m_doc.set("error", errorJson(error));
    if (!json()) {
        m_out << "bind " << toString(target.protocol) << ' ' << where << ": "
              << toString(result.outcome) << '\n';
        m_out << "  error:  " << (error.name.empty() ? "" : error.name + " ")
              << (error.code != 0 ? "(" + std::to_string(error.code) + "): " : "")
              << error.message << '\n';
        if (!result.holder.empty())
            m_out << "  holder: " << result.holder << '\n';
    }
    return error.kind == ErrorKind::Unsupported ? kExitUnsupported : kExitFailed;
}

std::string codeText(const ScanRun& run)
{
    if (run.code == 0 && run.codeName.empty())
        return "-";
    if (run.codeName.empty())
        return std::to_string(run.code);
    return run.codeName + " " + std::to_string(run.code);
}

int Session::scan()
{
    ScanRequest request;
    request.protocol = *m_inv.protocol;
    request.family = m_inv.family;
    request.address = m_inv.address;
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
    constexpr std::array kOutcomes{BindOutcome::Free, BindOutcome::InUse, BindOutcome::Forbidden,
                                   BindOutcome::Other};
    std::array<std::uint32_t, kOutcomes.size()> counts{};

    json::Value runs{json::Array{}};
    Table table({"FIRST", "LAST", "PORTS", "OUTCOME", "CODE", "HOLDER"});
    for (const auto& run : scan.runs) {
        std::uint32_t ports = std::uint32_t(run.last) - run.first + 1;
        counts[static_cast<std::size_t>(run.outcome)] += ports;
        json::Value entry{json::Object{}};
        entry.set("first", static_cast<unsigned>(run.first));
        entry.set("last", static_cast<unsigned>(run.last));
        entry.set("outcome", std::string(toString(run.outcome)));
        entry.set("code", run.code);
        entry.set("name", run.codeName);
        entry.set("holder", run.holder);
        runs.push(std::move(entry));
        table.add({std::to_string(run.first), std::to_string(run.last), std::to_string(ports),
                   std::string(toString(run.outcome)), codeText(run), orDash(run.holder)});
    }

    json::Value summary{json::Object{}};
    std::ostringstream summaryText;
    summaryText << "summary: " << scan.probed << " of " << total << " ports probed in "
                << std::fixed << std::setprecision(2) << seconds << " s:";
    for (std::size_t i = 0; i < kOutcomes.size(); ++i) {
        summary.set(std::string(toString(kOutcomes[i])), counts[i]);
        summaryText << (i == 0 ? " " : ", ") << counts[i] << ' ' << toString(kOutcomes[i]);
    }

    m_doc.set("protocol", std::string(toString(request.protocol)));
    m_doc.set("address", request.address);
    m_doc.set("first", static_cast<unsigned>(request.first));
    m_doc.set("last", static_cast<unsigned>(request.last));
    m_doc.set("probed", scan.probed);
    m_doc.set("cancelled", scan.cancelled);
    m_doc.set("seconds", seconds);
    m_doc.set("runs", std::move(runs));
    m_doc.set("summary", std::move(summary));

    if (!json()) {
        m_out << "scan " << toString(request.protocol) << ' ' << request.address << ' '
              << request.first << '-' << request.last << '\n';
        table.print(m_out);
        m_out << summaryText.str() << '\n';
    }
    if (scan.cancelled) {
        return fail(Error::make(ErrorKind::Cancelled,
                                "the scan was stopped after " + std::to_string(scan.probed)
                                    + " of " + std::to_string(total)
                                    + " ports; the result above is partial"));
    }
    return kExitOk;
}

int Session::dynamicRange()
{
    json::Value ranges{json::Array{}};
    Table table({"PROTOCOL", "START", "END", "COUNT"});
    std::optional<Error> firstError;
    for (Protocol protocol : protocolsOf(m_inv.protocol)) {
        auto range = m_backend.dynamicRange(protocol);
        if (!range.ok()) {
            if (!firstError)
                firstError = range.error();
            continue;
        }
        ranges.push(rangeJson(protocol, range.value()));
        table.add({std::string(toString(protocol)), std::to_string(range->start),
                   std::to_string(range->end()), std::to_string(range->count)});
    }
    m_doc.set("ranges", std::move(ranges));
    if (!json() && !table.empty())
        table.print(m_out);
    return firstError ? fail(*firstError) : kExitOk;
}

int Session::listeners()
{
    auto result = m_backend.listeners(m_inv.protocol);
    if (!result.ok())
        return fail(result.error());
    auto listeners = std::move(result).value();
    std::stable_sort(listeners.begin(), listeners.end(), [](const auto& a, const auto& b) {
        if (a.protocol != b.protocol)
            return a.protocol < b.protocol;
        if (a.port != b.port)
            return a.port < b.port;
        return a.address < b.address;
    });

    json::Value array{json::Array{}};
    Table table({"PROTOCOL", "ADDRESS", "PORT", "PID", "PROCESS"});
    for (const auto& listener : listeners) {
        json::Value entry{json::Object{}};
        entry.set("protocol", std::string(toString(listener.protocol)));
        entry.set("family", std::string(toString(listener.family)));
        entry.set("address", listener.address);
        entry.set("port", static_cast<unsigned>(listener.port));
        entry.set("pid", listener.pid < 0 ? json::Value{} : json::Value{listener.pid});
        entry.set("process", listener.process);
        array.push(std::move(entry));
        table.add({std::string(toString(listener.protocol)), listener.address,
                   std::to_string(listener.port),
                   listener.pid < 0 ? "-" : std::to_string(listener.pid),
                   orDash(listener.process)});
    }
    m_doc.set("listeners", std::move(array));
    if (!json()) {
        if (table.empty())
            m_out << "no listeners found\n";
        else
            table.print(m_out);
    }
    return kExitOk;
}

int Session::probe()
{
    return m_inv.plan == ProbePlan::SystemCheck ? systemCheck() : probePlan();
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
    return "family " + std::string(toString(spec.family)) + ", type "
           + std::string(toString(spec.type)) + ", protocol " + std::to_string(spec.protocol);
}

const Error* firstFailure(const ProbeReport& report)
{
    for (const auto& step : report.steps) {
        if (!step.ok && step.error)
            return &*step.error;
    }
    return nullptr;
}

int Session::probePlan()
{
    bool acquireRelease = m_inv.plan == ProbePlan::AcquireRelease;
    if (!json()) {
        m_out << "probe " << (acquireRelease ? "acquire-release: " + specText(m_inv.spec) + ", "
                                             : std::string("lookup-associate: tcp, "))
              << "start " << m_inv.range.start << ", count " << m_inv.range.count << std::endl;
    }
    ProbeStepCallback onStep;
    if (!json())
        onStep = [this](const ProbeStep& step) { m_out << stepLine(step) << std::endl; };

    ProbeReport report = acquireRelease
                             ? runAcquireRelease(m_backend, m_inv.spec, m_inv.range, onStep)
                             : runLookupAssociate(m_backend, m_inv.range, onStep);

    json::Value steps{json::Array{}};
    for (const auto& step : report.steps)
        steps.push(probeStepJson(step));
    m_doc.set("plan", report.plan);
    m_doc.set("family", std::string(toString(report.spec.family)));
    m_doc.set("type", std::string(toString(report.spec.type)));
    m_doc.set("protocol", report.spec.protocol);
    json::Value requested{json::Object{}};
    requested.set("start", static_cast<unsigned>(report.requested.start));
    requested.set("count", static_cast<unsigned>(report.requested.count));
    m_doc.set("requested", std::move(requested));
    json::Value granted{json::Object{}};
    granted.set("start", static_cast<unsigned>(report.granted.start));
    granted.set("count", static_cast<unsigned>(report.granted.count));
    m_doc.set("granted", std::move(granted));
    m_doc.set("token", tokenText(report.token));
    m_doc.set("allocated_port", report.allocatedPort
                                    ? json::Value{static_cast<unsigned>(*report.allocatedPort)}
                                    : json::Value{});
    m_doc.set("steps", std::move(steps));

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
    if (const Error* error = firstFailure(report))
        return fail(*error);
    return fail(Error::make(ErrorKind::Internal, "the probe failed without an error"));
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
        json::Value steps;
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
            check.error = result.error.value_or(
                Error::make(ErrorKind::Internal, "the bind failed without an error"));
        checks.push_back(std::move(check));
    }
    {
        ProbeReport report = runAcquireRelease(m_backend, SocketSpec::forProtocol(Protocol::Tcp),
                                               kSystemCheckAcquire);
        Check check{"acquire-release", "tcp 0 10"};
        check.ok = report.ok;
        if (report.ok) {
            check.detail = "granted " + toString(report.granted) + ", token "
                           + tokenText(report.token) + ", released";
        } else if (const Error* error = firstFailure(report)) {
            check.error = *error;
        } else {
            check.error = Error::make(ErrorKind::Internal, "the probe failed without an error");
        }
        check.steps = json::Value{json::Array{}};
        for (const auto& step : report.steps)
            check.steps.push(probeStepJson(step));
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
    json::Value array{json::Array{}};
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
            text = "supported: no reservation " + toString(kSystemCheckLookup) + " "
                   + nativeSuffix(*check.error);
        } else {
            verdict = "failed";
            text = "failed: " + describeError(*check.error);
            allAnswered = false;
        }
        json::Value entry{json::Object{}};
        entry.set("check", check.name);
        entry.set("target", check.target);
        entry.set("result", verdict);
        entry.set("supported", verdict != "not-supported");
        entry.set("detail", check.detail);
        if (check.error)
            entry.set("error", errorJson(*check.error));
        if (!check.steps.isNull())
            entry.set("steps", check.steps);
        array.push(std::move(entry));
        table.add({check.name, check.target, text});
    }

    m_doc.set("plan", "system-check");
    m_doc.set("host", m_backend.hostName());
    m_doc.set("elevated", m_backend.isElevated());
    m_doc.set("checks", std::move(array));
    if (!json()) {
        m_out << "system check: backend " << m_backend.name() << ", host "
              << m_backend.hostName() << ", " << (m_backend.isElevated() ? "" : "not ")
              << "elevated\n";
        table.print(m_out);
    }
    if (!allAnswered) {
        m_doc.set("ok", false);
        return kExitFailed;
    }
    return kExitOk;
}

bool wantsJson(const std::vector<std::string>& args)
{
    for (const auto& arg : args) {
        if (arg == "--")
            break;
        if (arg == "--json")
            return true;
    }
    return false;
}

void printJson(std::ostream& out, const json::Value& doc)
{
    out << doc.dump() << '\n';
}

int usageFailure(const UsageError& error, bool json, std::ostream& out, std::ostream& err)
{
    if (json) {
        json::Value doc{json::Object{}};
        doc.set("ok", false);
        doc.set("command", error.command);
        json::Value detail{json::Object{}};
        detail.set("kind", std::string(toString(ErrorKind::InvalidArgument)));
        detail.set("code", 0);
        detail.set("name", "");
        detail.set("message", error.message);
        detail.set("usage", usageLine(error.command));
        doc.set("error", std::move(detail));
        printJson(out, doc);
    } else {
        err << "portolan-cli: " << error.message << '\n' << usageLine(error.command);
        err << "Try 'portolan-cli " << (error.command.empty() ? "" : error.command + " ")
            << "--help' for more information.\n";
    }
    return kExitUsage;
}

} // namespace

int runCli(const std::vector<std::string>& args, std::ostream& out, std::ostream& err,
           const Environment& environment)
{
    ParseOutcome parsed = parseCommandLine(args);
    if (parsed.error)
        return usageFailure(*parsed.error, wantsJson(args), out, err);
    const Invocation& inv = *parsed.invocation;

    if (inv.help) {
        out << helpText(inv.commandName);
        return kExitOk;
    }
    if (inv.version) {
        out << versionText();
        return kExitOk;
    }

    BackendOptions options;
    options.kind = inv.backend;
    options.scenarioFile = inv.scenarioFile;
    options.stateFile = inv.stateFile;
    auto backend = environment.makeBackend ? environment.makeBackend(options)
                                           : createBackend(options);
    if (!backend.ok()) {
        const Error& error = backend.error();
        // A backend that cannot be set up from the options is a usage error: nothing ran.
        bool optionsProblem = error.kind == ErrorKind::InvalidArgument
                              || error.kind == ErrorKind::IoError
                              || error.kind == ErrorKind::NotFound;
        int code = optionsProblem ? kExitUsage : exitCodeFor(error.kind);
        if (inv.json) {
            json::Value doc{json::Object{}};
            doc.set("ok", false);
            doc.set("command", inv.commandName);
            doc.set("error", errorJson(error));
            printJson(out, doc);
        } else {
            err << "portolan-cli: " << describeError(error) << '\n';
            err << "  " << (optionsProblem ? "Check --backend, --scenario and --state."
                                           : remedy(error.kind))
                << '\n';
        }
        return code;
    }

    Session session(inv, *backend.value(), out, err, environment);
    int code = session.run();
    if (inv.json)
        printJson(out, session.document());
    out.flush();
    return code;
}

int runCli(const std::vector<std::string>& args, std::ostream& out, std::ostream& err)
{
    return runCli(args, out, err, Environment{});
}

} // namespace portolan::cli
