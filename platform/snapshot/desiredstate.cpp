// SPDX-License-Identifier: GPL-3.0-or-later
#include "desiredstate.h"

#include "jsonfields.h"

#include <algorithm>

namespace portolan {

namespace {

using namespace jsonfields;

std::string blockName(Protocol protocol, PortRange range)
{
    return std::string(toString(protocol)) + " " + toString(range);
}

DesiredState readDesired(const Json& doc)
{
    const Fields top(doc, "", {"reservations"});
    const Json& list = top.array("reservations");
    DesiredState desired;
    for (std::size_t i = 0; i < list.size(); ++i) {
        const Fields f(list[i], top.item("reservations", i), {"protocol", "start", "count"},
                       {"state"});
        DesiredReservation r;
        r.field = f.path();
        r.protocol = f.protocol("protocol");
        r.range = f.range(false);
        if (f.has("state"))
            r.present = f.choice("state", {"present", "absent"}) == 0;
        // Two entries about the same ports would make the order of the list decide.
        for (const DesiredReservation& earlier : desired.reservations)
            if (earlier.protocol == r.protocol && earlier.range.overlaps(r.range))
                refuse(r.field, blockName(r.protocol, r.range) + " overlaps " + earlier.field +
                                    " (" + blockName(earlier.protocol, earlier.range) +
                                    "); allowed: entries whose blocks do not overlap");
        desired.reservations.push_back(std::move(r));
    }
    return desired;
}

// What covers the ports of a block the system refused, or would refuse, to reserve.
std::vector<std::string> coverage(const std::vector<ReservedBlock>& blocks,
                                  const std::vector<Listener>& listeners, Protocol protocol,
                                  PortRange range)
{
    std::vector<std::string> lines;
    for (const ReservedBlock& b : blocks) {
        if (b.protocol != protocol || !b.range.overlaps(range) ||
            (b.persistent && b.range == range))
            continue;
        if (b.persistent) {
            lines.push_back("overlaps the persistent reservation " + blockName(protocol, b.range) +
                            "; delete it first or ask for exactly that block");
            continue;
        }
        const std::string owner = b.owner.empty() ? "an unknown owner" : b.owner;
        lines.push_back("held by the runtime reservation " + blockName(protocol, b.range) + " of " +
                        owner + (b.ownerEvidence.empty() ? "" : " (" + b.ownerEvidence + ")"));
        lines.push_back("pin the ports while the service is stopped: portolan-cli protect " +
                        std::string(toString(protocol)) + " " + std::to_string(range.start) + " " +
                        std::to_string(range.count));
    }
    for (const Listener& l : listeners)
        if (l.protocol == protocol && range.contains(l.port))
            lines.push_back("port " + std::to_string(l.port) + " on " + l.address +
                            " is in use by " + (l.process.empty() ? "a process" : l.process) +
                            (l.pid >= 0 ? " (pid " + std::to_string(l.pid) + ")" : ""));
    return lines;
}

struct Machine
{
    std::vector<ReservedBlock> blocks;
    std::vector<Listener> listeners;
};

Machine readMachine(Backend& backend)
{
    Machine m;
    if (auto blocks = backend.listReservations(std::nullopt))
        m.blocks = std::move(blocks.value());
    if (backend.capabilities().listeners)
        if (auto listeners = backend.listeners(std::nullopt))
            m.listeners = std::move(listeners.value());
    return m;
}

// Undoes what this run did, newest first: created blocks are deleted, deleted ones created
// again. What cannot be undone stays "done" and is named in the explanation.
void undo(Backend& backend, std::vector<ApplyAction>& actions)
{
    for (auto it = actions.rbegin(); it != actions.rend(); ++it) {
        if (it->outcome != ApplyAction::Outcome::Done)
            continue;
        if (it->kind == ApplyAction::Kind::Create) {
            if (auto undone = backend.deletePersistent(it->protocol, it->range)) {
                it->outcome = ApplyAction::Outcome::Undone;
                it->token = kNoToken;
            } else {
                it->explanation.push_back("could not be deleted again: " +
                                          undone.error().describe());
            }
        } else if (auto undone = backend.createPersistent(it->protocol, it->range)) {
            it->outcome = ApplyAction::Outcome::Undone;
            it->token = undone.value().token;
            it->explanation.push_back("created again; its token changed");
        } else {
            it->explanation.push_back("could not be created again: " + undone.error().describe());
        }
    }
}

// Runs the actions of one kind in order; false (and everything done undone) on a refusal.
bool runActions(Backend& backend, ApplyReport& report, ApplyAction::Kind kind)
{
    for (ApplyAction& action : report.actions) {
        if (action.kind != kind)
            continue;
        Result<void> outcome;
        if (kind == ApplyAction::Kind::Create) {
            auto created = backend.createPersistent(action.protocol, action.range);
            if (created)
                action.token = created.value().token;
            else
                outcome = created.error();
        } else {
            outcome = backend.deletePersistent(action.protocol, action.range);
        }
        if (outcome) {
            action.outcome = ApplyAction::Outcome::Done;
            continue;
        }
        action.outcome = ApplyAction::Outcome::Failed;
        action.error = outcome.error();
        if (outcome.error().kind == ErrorKind::Conflict) {
            const Machine machine = readMachine(backend);
            action.explanation =
                coverage(machine.blocks, machine.listeners, action.protocol, action.range);
        }
        report.error = outcome.error();
        report.error->message = action.field + " (" + blockName(action.protocol, action.range) +
                                "): " + outcome.error().message;
        undo(backend, report.actions);
        for (ApplyAction& rest : report.actions)
            if (rest.outcome == ApplyAction::Outcome::Planned)
                rest.outcome = ApplyAction::Outcome::NotRun;
        return false;
    }
    return true;
}

} // namespace

Result<DesiredState> desiredStateFromJson(std::string_view text, std::string_view source)
{
    auto doc = parseJson(text);
    if (!doc)
        return Error::make(ErrorKind::InvalidArgument, std::string(source) +
                                                           ": (document): " + doc.error().message +
                                                           "; allowed: a whole JSON document");
    try {
        return readDesired(doc.value());
    } catch (const Refusal& refusal) {
        return Error::make(ErrorKind::InvalidArgument,
                           std::string(source) + ": " + refusal.field + ": " + refusal.text);
    }
}

std::string_view toString(ApplyAction::Kind kind)
{
    return kind == ApplyAction::Kind::Create ? "create" : "delete";
}

std::string_view toString(ApplyAction::Outcome outcome)
{
    switch (outcome) {
    case ApplyAction::Outcome::Planned:
        return "planned";
    case ApplyAction::Outcome::Done:
        return "done";
    case ApplyAction::Outcome::Failed:
        return "failed";
    case ApplyAction::Outcome::Undone:
        return "undone";
    case ApplyAction::Outcome::NotRun:
        break;
    }
    return "not-run";
}

bool ApplyReport::changed() const
{
    if (checkOnly)
        return !actions.empty();
    return std::any_of(actions.begin(), actions.end(), [](const ApplyAction& a) {
        return a.outcome == ApplyAction::Outcome::Done;
    });
}

ApplyReport applyDesiredState(Backend& backend, const DesiredState& desired, bool checkOnly)
{
    ApplyReport report;
    report.checkOnly = checkOnly;
    std::vector<ApplyAction> deletes;
    for (const DesiredReservation& r : desired.reservations) {
        auto found = backend.lookupPersistent(r.protocol, r.range);
        if (!found && found.error().kind != ErrorKind::NotFound) {
            report.error = found.error();
            report.error->message = r.field + " (" + blockName(r.protocol, r.range) +
                                    "): looking it up failed: " + found.error().message;
            return report;
        }
        if (bool(found) == r.present) {
            report.unchanged.push_back(r);
            continue;
        }
        ApplyAction action;
        action.kind = r.present ? ApplyAction::Kind::Create : ApplyAction::Kind::Delete;
        action.protocol = r.protocol;
        action.range = r.range;
        action.field = r.field;
        (r.present ? report.actions : deletes).push_back(std::move(action));
    }
    report.actions.insert(report.actions.end(), deletes.begin(), deletes.end());

    // A create that something already covers would fail after other changes were made: refuse
    // it before any, with what covers it.
    const Machine machine = readMachine(backend);
    for (ApplyAction& action : report.actions) {
        if (action.kind != ApplyAction::Kind::Create)
            continue;
        action.explanation = coverage(machine.blocks, {}, action.protocol, action.range);
        if (action.explanation.empty())
            continue;
        const auto holder =
            std::find_if(machine.blocks.begin(), machine.blocks.end(), [&](auto& b) {
                return b.protocol == action.protocol && b.range.overlaps(action.range);
            });
        std::string who = holder->persistent      ? "the persistent reservation "
                          : holder->owner.empty() ? "a runtime reservation "
                                                  : holder->owner + "'s runtime reservation ";
        action.outcome = ApplyAction::Outcome::Failed;
        action.error = Error::make(ErrorKind::Conflict,
                                   action.field + " (" + blockName(action.protocol, action.range) +
                                       "): the ports are held by " + who + toString(holder->range) +
                                       "; allowed: ports no other reservation covers");
        if (!report.error)
            report.error = action.error;
    }
    if (report.error) {
        for (ApplyAction& action : report.actions)
            if (action.outcome == ApplyAction::Outcome::Planned)
                action.outcome = ApplyAction::Outcome::NotRun;
        return report;
    }
    if (checkOnly)
        return report;
    if (runActions(backend, report, ApplyAction::Kind::Create))
        runActions(backend, report, ApplyAction::Kind::Delete);
    return report;
}

} // namespace portolan
