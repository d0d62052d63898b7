#include "output.h"

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
    return toString(range) + " (" + std::to_string(range.count)
           + (range.count == 1 ? " port)" : " ports)");
}

json::Value errorJson(const Error& error)
{
    json::Value value{json::Object{}};
    value.set("kind", std::string(toString(error.kind)));
    value.set("code", error.code);
    value.set("name", error.name);
    value.set("message", error.message);
    return value;
}

json::Value reservationJson(const ReservedBlock& block, const std::string& host)
{
    json::Value value = rangeJson(block.protocol, block.range);
    value.set("persistent", block.persistent);
    value.set("token", tokenText(block.token));
    value.set("owner", block.owner);
    value.set("host", host);
    return value;
}

json::Value rangeJson(Protocol protocol, const PortRange& range)
{
    json::Value value{json::Object{}};
    value.set("protocol", std::string(toString(protocol)));
    value.set("start", static_cast<unsigned>(range.start));
    value.set("end", static_cast<unsigned>(range.count == 0 ? range.start : range.end()));
    value.set("count", static_cast<unsigned>(range.count));
    return value;
}

json::Value probeStepJson(const ProbeStep& step)
{
    json::Value value{json::Object{}};
    value.set("step", std::string(toString(step.kind)));
    value.set("ok", step.ok);
    value.set("detail", step.detail);
    value.set("duration_us", static_cast<std::int64_t>(step.duration.count()));
    if (step.error)
        value.set("error", errorJson(*step.error));
    return value;
}

} // namespace portolan::cli
