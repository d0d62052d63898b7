// SPDX-License-Identifier: GPL-3.0-or-later
// protect: pin ports that a service's runtime block covers (platform/protect/protect.h).
#include "session.h"

#include "output.h"

#include "platform/process/account.h"
#include "platform/protect/auditjournal.h"
#include "platform/protect/protect.h"

#include <chrono>

namespace portolan::cli {

namespace {

Json serviceJson(const std::optional<ServiceInfo>& service, const std::string& host)
{
    if (!service)
        return nullptr;
    Json value = Json::object();
    value["name"] = service->name;
    value["displayName"] = service->displayName;
    value["state"] = std::string(toString(service->state));
    value["pid"] = pidJson(service->pid);
    value["breaks"] = service->breaks;
    Json blocks = Json::array();
    for (const auto& b : service->blocks)
        blocks.push_back(reservationJson(b, host));
    value["blocks"] = std::move(blocks);
    return value;
}

Json stepJson(const protect::Step& step)
{
    Json value = Json::object();
    value["step"] = std::string(protect::toString(step.kind));
    value["ok"] = step.ok;
    value["request"] = step.request;
    value["detail"] = step.detail;
    value["error"] = step.error ? errorJson(*step.error) : Json(nullptr);
    return value;
}

std::int64_t nowSeconds()
{
    return std::chrono::duration_cast<std::chrono::seconds>(
               std::chrono::system_clock::now().time_since_epoch())
        .count();
}

} // namespace

int Session::protect()
{
    const protect::Request request{*m_inv.protocol, m_inv.range, m_inv.stopService};
    auto planned = protect::makePlan(m_backend, request);
    if (!planned) {
        // A value the user typed that cannot apply here is bad input: nothing was changed.
        const int code = fail(planned.error());
        return planned.error().kind == ErrorKind::InvalidArgument ? int(kExitUsage) : code;
    }
    const protect::Plan& plan = planned.value();
    const std::string host = m_backend.hostName();

    Json planDoc = rangeJson(request.protocol, request.range);
    Json covering = Json::array();
    for (const auto& b : plan.covering)
        covering.push_back(reservationJson(b, host));
    planDoc["covering"] = std::move(covering);
    planDoc["service"] = serviceJson(plan.holder, host);
    planDoc["stopService"] = plan.stop ? Json(plan.stop->name) : Json(nullptr);
    planDoc["needsConsent"] = plan.needsConsent;
    planDoc["text"] = protect::describePlan(plan);
    m_doc["plan"] = std::move(planDoc);
    m_doc["changed"] = false;

    if (plan.needsConsent) {
        const Error error{ErrorKind::InvalidArgument,
                          0,
                          {},
                          "--stop-service: " + plan.holder->displayName + " (" + plan.holder->name +
                              ") holds " + toString(request.range) + "; allowed: --stop-service " +
                              plan.holder->name + " (stopping it breaks " +
                              (plan.holder->breaks.empty() ? std::string("what depends on it")
                                                           : plan.holder->breaks) +
                              " until it runs again)"};
        if (!json())
            m_out << protect::describePlan(plan) << '\n';
        fail(error);
        return kExitUsage;
    }
    if (!m_inv.yes) {
        if (!json())
            m_out << protect::describePlan(plan) << '\n'
                  << "Nothing was changed; run it again with --yes to do it.\n";
        return kExitOk;
    }

    // Every step goes to the journal as it ends, so that a run cut short still leaves a
    // record of a stopped service.
    const std::string journal =
        m_inv.journalFile.empty() ? protect::defaultJournalPath() : m_inv.journalFile;
    std::optional<Error> journalError;
    const std::string user = currentAccountName();
    const bool elevated = m_backend.isElevated();
    const auto observer = [&](const protect::Step& step) {
        const std::int64_t at = nowSeconds();
        protect::JournalEntry entry{protect::newJournalId(at),
                                    at,
                                    host,
                                    user,
                                    elevated,
                                    "protect." + std::string(protect::toString(step.kind)),
                                    request.protocol,
                                    request.range,
                                    step.request,
                                    step.ok,
                                    step.detail,
                                    step.error};
        if (auto written = protect::appendJournal(journal, {entry}); !written && !journalError)
            journalError = written.error();
        if (!json())
            m_out << (step.ok ? "[ok]     " : "[failed] ") << protect::toString(step.kind) << ": "
                  << step.detail << '\n';
    };
    const protect::Outcome outcome = protect::run(m_backend, plan, observer);

    Json steps = Json::array();
    for (const auto& step : outcome.steps)
        steps.push_back(stepJson(step));
    m_doc["steps"] = std::move(steps);
    m_doc["changed"] = outcome.steps.size() > 1;
    m_doc["reserved"] = outcome.reserved;
    m_doc["serviceRunning"] = outcome.serviceRunning;
    Json blocks = Json::array();
    for (const auto& b : outcome.serviceBlocks)
        blocks.push_back(reservationJson(b, host));
    m_doc["serviceBlocks"] = std::move(blocks);
    m_doc["journal"] = {{"path", journal},
                        {"written", !journalError},
                        {"error", journalError ? errorJson(*journalError) : Json(nullptr)}};
    if (journalError && !json())
        m_err << "portolan-cli: warning: the audit journal was not written: "
              << describeError(*journalError) << '\n';
    if (!outcome.ok())
        return fail(*outcome.error);
    return kExitOk;
}

} // namespace portolan::cli
