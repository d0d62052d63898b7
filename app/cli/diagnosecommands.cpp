// SPDX-License-Identifier: GPL-3.0-or-later
// why, suggest, dynamic-range set: explaining a refused bind, finding ports that will work,
// and moving the dynamic range.
#include "session.h"

#include "output.h"

#include "platform/diagnose/suggest.h"
#include "platform/diagnose/why.h"
#include "platform/dynamicrange.h"

namespace portolan::cli {

namespace {

Json optionalPort(const std::optional<std::uint16_t>& port)
{
    return port ? Json(*port) : Json();
}

Json remedyJson(const diagnose::Explanation& e, const diagnose::Remedy& remedy, int rank)
{
    Json value = Json::object();
    value["rank"] = rank;
    value["kind"] = std::string(toString(remedy.kind));
    value["port"] = optionalPort(remedy.port);
    value["service"] = remedy.service.empty() ? Json() : Json(remedy.service);
    value["owner"] = remedy.owner.empty() ? Json() : Json(remedy.owner);
    value["pid"] = pidJson(remedy.pid);
    value["command"] = remedy.command.empty() ? Json() : Json(remedy.command);
    value["needsElevation"] = remedy.needsElevation;
    value["text"] = diagnose::describeRemedy(e, remedy);
    value["cost"] = diagnose::describeCost(remedy);
    return value;
}

Json blockJson(const ReservedBlock& block)
{
    Json value = rangeJson(block.protocol, block.range);
    value["persistent"] = block.persistent;
    value["owner"] = block.owner.empty() ? Json() : Json(block.owner);
    value["evidence"] = block.ownerEvidence.empty() ? Json() : Json(block.ownerEvidence);
    return value;
}

// A platform limit names "start" or "count"; the user typed START and COUNT.
std::string withArgumentName(std::string message)
{
    for (const auto& [field, argument] :
         {std::pair<std::string_view, std::string_view>{"start:", "START:"}, {"count:", "COUNT:"}})
        if (message.starts_with(field))
            return std::string(argument) + message.substr(field.size());
    return message;
}

} // namespace

int Session::why()
{
    diagnose::WhyRequest request{*m_inv.protocol, m_inv.port, m_inv.family, m_inv.address};
    auto explained = diagnose::explainPort(m_backend, request, m_env.stop);
    if (!explained)
        return fail(explained.error());
    const diagnose::Explanation& e = explained.value();

    m_doc["protocol"] = std::string(toString(request.protocol));
    m_doc["address"] = e.request.address;
    m_doc["port"] = request.port;
    m_doc["outcome"] = std::string(toString(e.probe.outcome));
    m_doc["cause"] = std::string(toString(e.cause));
    m_doc["bindError"] = e.probe.error ? errorJson(*e.probe.error) : Json();
    m_doc["holder"] = holderJson(e.probe.holder);
    m_doc["block"] = e.block ? blockJson(*e.block) : Json();
    m_doc["listener"] = e.listener ? listenerJson(*e.listener) : Json();
    Json range;
    if (e.dynamicRange) {
        range = rangeJson(request.protocol, *e.dynamicRange);
        range["inside"] = e.inDynamicRange;
    }
    m_doc["dynamicRange"] = std::move(range);
    m_doc["nearestFree"] = optionalPort(e.nearestFree);
    m_doc["explanation"] = diagnose::describeCause(e);
    Json remedies = Json::array();
    int rank = 0;
    for (const auto& remedy : e.remedies)
        remedies.push_back(remedyJson(e, remedy, ++rank));
    m_doc["remedies"] = std::move(remedies);

    if (!json()) {
        m_out << diagnose::describeCause(e) << '\n';
        if (e.nearestFree)
            m_out << "Nearest free port: " << *e.nearestFree << '\n';
        if (!e.remedies.empty())
            m_out << "Remedies, cheapest first:\n";
        rank = 0;
        for (const auto& remedy : e.remedies) {
            m_out << "  " << ++rank << ". " << diagnose::describeRemedy(e, remedy) << '\n';
            m_out << "     Cost: " << diagnose::describeCost(remedy) << '\n';
        }
    }
    return kExitOk;
}

int Session::suggest()
{
    diagnose::SuggestRequest request;
    request.protocol = *m_inv.protocol;
    request.count = m_inv.count;
    if (m_inv.near != 0)
        request.near = m_inv.near;
    auto found = diagnose::suggestBlock(m_backend, request, m_env.stop);
    if (!found)
        return fail(found.error());
    const diagnose::Suggestion& suggestion = found.value();
    m_doc["block"] = rangeJson(request.protocol, suggestion.block);
    m_doc["near"] = request.near;
    m_doc["probes"] = suggestion.probes;
    m_doc["dynamicRange"] =
        suggestion.dynamicRange ? rangeJson(request.protocol, *suggestion.dynamicRange) : Json();
    if (!json()) {
        m_out << toString(request.protocol) << ' ' << blockText(suggestion.block) << '\n';
        m_out << "  outside every reservation, listener and the dynamic range";
        if (suggestion.dynamicRange)
            m_out << " (" << toString(*suggestion.dynamicRange) << ")";
        m_out << "; " << suggestion.probes << " bind probes succeeded\n";
    }
    return kExitOk;
}

int Session::setDynamicRange()
{
    const Protocol protocol = *m_inv.protocol;
    auto changed = m_backend.changeDynamicRange(protocol, m_inv.range);
    if (!changed) {
        Error error = changed.error();
        if (error.kind != ErrorKind::InvalidArgument)
            return fail(error);
        // A value outside this system's limits is a usage error: it names the argument, and
        // nothing was changed.
        Error usage = Error::make(ErrorKind::InvalidArgument, withArgumentName(error.message));
        m_doc["ok"] = false;
        m_doc["error"] = errorJson(usage);
        m_doc["error"]["usage"] = usageLine(m_inv.commandName);
        if (!json())
            m_err << "portolan-cli: " << usage.message << '\n'
                  << usageLine(m_inv.commandName) << "Try 'portolan-cli " << m_inv.commandName
                  << " --help' for more information.\n";
        return kExitUsage;
    }
    const DynamicRangeChange& change = changed.value();
    Json protocols = Json::array();
    for (Protocol each : change.protocols)
        protocols.push_back(std::string(toString(each)));
    m_doc["protocols"] = std::move(protocols);
    m_doc["before"] = startCountJson(change.before);
    m_doc["before"]["end"] = change.before.end();
    m_doc["after"] = startCountJson(change.after);
    m_doc["after"]["end"] = change.after.end();
    Json notes = Json::array();
    for (const auto& note : change.notes)
        notes.push_back(note);
    m_doc["notes"] = std::move(notes);
    if (!json()) {
        for (Protocol each : change.protocols)
            m_out << toString(each) << " dynamic range: " << dynamicrange::describe(change.before)
                  << " -> " << dynamicrange::describe(change.after) << '\n';
        for (const auto& note : change.notes)
            m_out << "  " << note << '\n';
    }
    return kExitOk;
}

} // namespace portolan::cli
