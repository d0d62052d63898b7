// SPDX-License-Identifier: GPL-3.0-or-later
#include "output.h"

#include "platform/text.h"
#include "platform/types.h"

#include <algorithm>

namespace portolan::cli {

Table::Table(std::vector<std::string> header) : m_header(std::move(header)) {}

void Table::add(std::vector<std::string> row)
{
    row.resize(m_header.size());
    m_rows.push_back(std::move(row));
}

void Table::print(std::ostream& out) const
{
    std::vector<std::size_t> widths(m_header.size());
    auto measure = [&widths](const std::vector<std::string>& row) {
        for (std::size_t i = 0; i < row.size(); ++i)
            widths[i] = std::max(widths[i], row[i].size());
    };
    measure(m_header);
    for (const auto& row : m_rows)
        measure(row);

    auto printRow = [&](const std::vector<std::string>& row) {
        std::string line;
        for (std::size_t i = 0; i < row.size(); ++i) {
            line += row[i];
            if (i + 1 < row.size())
                line += std::string(widths[i] - row[i].size() + 2, ' ');
        }
        line.erase(line.find_last_not_of(' ') + 1);
        out << line << '\n';
    };
    printRow(m_header);
    for (const auto& row : m_rows)
        printRow(row);
}

std::string tokenText(Token token)
{
    return text::tokenHex(token);
}

std::string tokenJson(Token token)
{
    return std::to_string(token);
}

std::string nativeSuffix(const Error& error)
{
    if (!error.name.empty())
        return "(" + error.name + ", " + std::to_string(error.code) + ")";
    if (error.code != 0)
        return "(code " + std::to_string(error.code) + ")";
    return {};
}

std::string describeError(const Error& error)
{
    std::string text = std::string(toString(error.kind)) + ": " + error.message;
    if (auto suffix = nativeSuffix(error); !suffix.empty())
        text += " " + suffix;
    return text;
}

std::string blockText(const PortRange& range)
{
    return toString(range) + " (" + std::to_string(range.count) +
           (range.count == 1 ? " port)" : " ports)");
}

std::string orDash(const std::string& text)
{
    return text.empty() ? "-" : text;
}

Json errorJson(const Error& error)
{
    Json value = Json::object();
    value["kind"] = std::string(toString(error.kind));
    value["code"] = error.code;
    value["name"] = error.name;
    value["message"] = error.message;
    return value;
}

Json reservationJson(const ReservedBlock& block, const std::string& host)
{
    Json value = rangeJson(block.protocol, block.range);
    value["persistent"] = block.persistent;
    value["token"] = tokenJson(block.token);
    value["owner"] = block.owner;
    value["host"] = host;
    return value;
}

Json rangeJson(Protocol protocol, const PortRange& range)
{
    Json value = Json::object();
    value["protocol"] = std::string(toString(protocol));
    value["start"] = range.start;
    value["end"] = range.count == 0 ? range.start : range.end();
    value["count"] = range.count;
    return value;
}

Json startCountJson(const PortRange& range)
{
    Json value = Json::object();
    value["start"] = range.start;
    value["count"] = range.count;
    return value;
}

Json probeStepJson(const ProbeStep& step)
{
    Json value = Json::object();
    value["step"] = std::string(toString(step.kind));
    value["ok"] = step.ok;
    value["detail"] = step.detail;
    value["duration_us"] = static_cast<std::int64_t>(step.duration.count());
    if (step.error)
        value["error"] = errorJson(*step.error);
    return value;
}

Json listenerJson(const Listener& listener)
{
    Json value = Json::object();
    value["protocol"] = std::string(toString(listener.protocol));
    value["family"] = std::string(toString(listener.family));
    value["address"] = listener.address;
    value["port"] = listener.port;
    value["pid"] = pidJson(listener.pid);
    value["process"] = listener.process;
    return value;
}

Json holderJson(const Holder& holder)
{
    if (holder.empty())
        return Json();
    Json value = Json::object();
    if (!holder.owner.empty()) {
        value["owner"] = holder.owner;
        value["evidence"] = holder.evidence;
        return value;
    }
    if (holder.timeWait && holder.process.empty()) {
        value["state"] = "time-wait";
        return value;
    }
    value["pid"] = pidJson(holder.pid);
    value["process"] = holder.process;
    if (!holder.address.empty())
        value["address"] = holder.address;
    return value;
}

Json pidJson(std::int64_t pid)
{
    return pid < 0 ? Json() : Json(pid);
}

Json failureJson(const std::string& command, Json error)
{
    Json document = Json::object();
    document["ok"] = false;
    document["command"] = command;
    document["error"] = std::move(error);
    return document;
}

void printJson(std::ostream& out, const Json& document)
{
    if (!document.is_object() || document.contains("schema")) {
        out << dumpJson(document) << '\n';
        return;
    }
    Json versioned = Json::object();
    versioned["schema"] = kJsonSchema;
    for (const auto& [key, value] : document.items())
        versioned[key] = value;
    out << dumpJson(versioned) << '\n';
}

} // namespace portolan::cli
