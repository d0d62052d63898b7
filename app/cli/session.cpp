// SPDX-License-Identifier: GPL-3.0-or-later
#include "session.h"

#include "output.h"

namespace portolan::cli {

Session::Session(const Invocation& inv, Backend& backend, std::ostream& out, std::ostream& err,
                 const Environment& env)
    : m_inv(inv), m_backend(backend), m_out(out), m_err(err), m_env(env), m_doc(Json::object())
{
    m_doc["ok"] = true;
    m_doc["command"] = std::string(commandName(inv.command));
    m_doc["backend"] = std::string(backend.name());
}

int Session::fail(const Error& error, const std::vector<std::string>& details)
{
    m_doc["ok"] = false;
    m_doc["error"] = errorJson(error);
    if (!json()) {
        m_err << "portolan-cli: " << describeError(error) << '\n';
        for (const auto& line : details)
            m_err << "  " << line << '\n';
        m_err << "  " << remedy(error.kind) << '\n';
    }
    return exitCodeFor(error.kind);
}

void Session::show(const Table& table, std::string_view whenEmpty)
{
    if (json())
        return;
    if (!table.empty())
        table.print(m_out);
    else if (!whenEmpty.empty())
        m_out << whenEmpty << '\n';
}

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
        return m_inv.formWord == "set" ? setDynamicRange() : dynamicRange();
    case Command::Why:
        return why();
    case Command::Suggest:
        return suggest();
    case Command::Listeners:
        return listeners();
    case Command::Probe:
        return m_inv.plan == ProbePlan::SystemCheck ? systemCheck() : probePlan();
    case Command::Snapshot:
        return snapshot();
    case Command::Apply:
        return apply();
    case Command::Check:
        return check();
    case Command::Protect:
        return protect();
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

} // namespace portolan::cli
