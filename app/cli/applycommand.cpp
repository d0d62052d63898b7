// SPDX-License-Identifier: GPL-3.0-or-later
// apply: persistent reservations brought to a desired state (platform/snapshot/desiredstate.h).
#include "session.h"

#include "output.h"

namespace portolan::cli {

namespace {

Json actionJson(const ApplyAction& action)
{
    Json value = Json::object();
    value["action"] = std::string(toString(action.kind));
    value["protocol"] = std::string(toString(action.protocol));
    value["start"] = action.range.start;
    value["end"] = action.range.end();
    value["count"] = action.range.count;
    value["field"] = action.field;
    value["result"] = std::string(toString(action.outcome));
    value["token"] = action.token == kNoToken ? Json() : Json(tokenJson(action.token));
    value["error"] = action.error ? errorJson(*action.error) : Json();
    value["explanation"] = action.explanation;
    return value;
}

} // namespace

// One JSON object on stdout whatever the mode, because configuration tools read "changed"
// from it; in text mode a refusal is explained on stderr as well.
int Session::apply()
{
    const ApplyReport report = applyDesiredState(m_backend, *m_inv.desired, m_inv.checkOnly);
    m_doc["check"] = m_inv.checkOnly;
    m_doc["changed"] = report.changed();
    Json actions = Json::array();
    for (const ApplyAction& action : report.actions)
        actions.push_back(actionJson(action));
    m_doc["actions"] = std::move(actions);
    Json unchanged = Json::array();
    for (const DesiredReservation& r : report.unchanged) {
        Json value = rangeJson(r.protocol, r.range);
        value["state"] = r.present ? "present" : "absent";
        value["field"] = r.field;
        unchanged.push_back(std::move(value));
    }
    m_doc["unchanged"] = std::move(unchanged);

    int code = kExitOk;
    if (report.error) {
        std::vector<std::string> details;
        for (const ApplyAction& action : report.actions) {
            const std::string block = std::string(toString(action.protocol)) + " " +
                                      toString(action.range) + " (" + action.field + ")";
            if (action.outcome == ApplyAction::Outcome::Failed && action.error)
                details.push_back(std::string(toString(action.kind)) + " " + block +
                                  " refused: " + describeError(*action.error));
            else if (action.outcome == ApplyAction::Outcome::Undone)
                details.push_back(std::string(toString(action.kind)) + " " + block +
                                  " undone: the run changes nothing");
            for (const std::string& line : action.explanation)
                details.push_back("  " + line);
        }
        code = fail(*report.error, details);
    }
    if (!json()) {
        printJson(m_out, m_doc);
        m_printedDocument = true;
    }
    return code;
}

} // namespace portolan::cli
