// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "platform/backend.h"
#include "platform/error.h"
#include "platform/jsonvalue.h"
#include "platform/probes.h"

#include <ostream>
#include <string>
#include <vector>

// How portolan-cli shows things: aligned tables for people, one JSON object for scripts.
namespace portolan::cli {

// Columns separated by two spaces, each as wide as its widest cell, no trailing blanks.
class Table
{
public:
    explicit Table(std::vector<std::string> header);
    void add(std::vector<std::string> row);
    bool empty() const { return m_rows.empty(); }
    void print(std::ostream& out) const;

private:
    std::vector<std::string> m_header;
    std::vector<std::vector<std::string>> m_rows;
};

// The version of the --json documents, at the top of each as "schema". Raised whenever a
// field changes meaning or shape (2: "denied" outcome, holders as objects); docs/cli.md.
inline constexpr int kJsonSchema = 2;

// A token in the text people read: "0x7e51a3c0" (platform/text.h), as the console shows it.
std::string tokenText(Token token);
// A token in JSON: a decimal string, since a JSON reader using doubles would round 64-bit
// values; "0" when the system has no token.
std::string tokenJson(Token token);
// "(WSAEACCES, 10013)", "(code 7)" or "" when the error carries no native code.
std::string nativeSuffix(const Error& error);
// "<Kind>: <message> (<NAME>, <code>)"
std::string describeError(const Error& error);
// "50000-50009 (10 ports)"
std::string blockText(const PortRange& range);

// "-" for an empty cell.
std::string orDash(const std::string& text);

// {"kind","code","name","message"}
Json errorJson(const Error& error);
// The list format the console's importer reads:
// {"protocol","start","end","count","persistent","token","owner","host"}.
Json reservationJson(const ReservedBlock& block, const std::string& host);
// {"protocol","start","end","count"}
Json rangeJson(Protocol protocol, const PortRange& range);
// {"start","count"}
Json startCountJson(const PortRange& range);
Json probeStepJson(const ProbeStep& step);
// {"pid","process"}, {"owner","evidence"} or {"state":"time-wait"}; null when nobody is known.
// "address" is added when the holder's bound address is known.
Json holderJson(const Holder& holder);
// {"protocol","family","address","port","pid","process"}
Json listenerJson(const Listener& listener);
// A process id, null when the system did not tell.
Json pidJson(std::int64_t pid);
// The document of a run that failed before any command ran: {"ok": false, "command", "error"}.
Json failureJson(const std::string& command, Json error);

// The one line a --json run prints, "schema" first.
void printJson(std::ostream& out, const Json& document);

} // namespace portolan::cli
