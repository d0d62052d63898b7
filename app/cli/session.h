// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "cli.h"
#include "commandline.h"
#include "output.h"

#include "platform/backend.h"
#include "platform/jsonvalue.h"

#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

// One run of one command: where it prints, and the JSON document it builds. The commands are
// defined by group: listingcommands.cpp, reservationcommands.cpp, probecommands.cpp,
// diagnosecommands.cpp.
namespace portolan::cli {

class Session
{
public:
    Session(const Invocation& inv, Backend& backend, std::ostream& out, std::ostream& err,
            const Environment& env);

    int run();
    const Json& document() const { return m_doc; }
    // The command printed its own document (snapshot): no --json envelope follows.
    bool printedDocument() const { return m_printedDocument; }

private:
    bool json() const { return m_inv.json; }

    // Reports a failed operation: JSON "ok": false + "error", or on stderr the error, what
    // else is known about it, and one line of what to do.
    int fail(const Error& error, const std::vector<std::string>& details = {});
    // Prints the table in text mode, or `whenEmpty` (if any) when it has no rows.
    void show(const Table& table, std::string_view whenEmpty);

    int list();
    int dynamicRange();
    int setDynamicRange();
    int why();
    int suggest();
    int listeners();

    int persistent();
    int acquire();
    std::vector<std::string> explainConflict(Protocol protocol, const PortRange& range);

    int bind();
    int scan();
    int probePlan();
    int systemCheck();

    int snapshot();
    int apply();
    int check();
    int protect();

    const Invocation& m_inv;
    Backend& m_backend;
    std::ostream& m_out;
    std::ostream& m_err;
    const Environment& m_env;
    Json m_doc;
    bool m_printedDocument = false;
};

// Both protocols unless the command line named one.
std::vector<Protocol> protocolsOf(const std::optional<Protocol>& protocol);

} // namespace portolan::cli
