// SPDX-License-Identifier: GPL-3.0-or-later
#include "netshparser.h"

#include "text.h"

#include <algorithm>
#include <string>

// Layouts, from netsh output that users published (labels differ, the layout does not):
//   English  "Protocol tcp Port Exclusion Ranges" / "Start Port    End Port" /
//            "* - Administered port exclusions."  (the Stack Overflow question "What is
//            Administered port exclusions in windows 10?"; open-telemetry/
//            opentelemetry-collector-contrib pull request #10872, with trailing blanks)
//   German   "Portausschlussbereiche für das Protokoll \"tcp\"" / "Startport      Endport" /
//            "* - Verwaltete Portausschlüsse."
//   French   "Protocole tcp Plages d’exclusion de ports" / "Port de début    Port de fin" /
//            "* - Exclusions de ports administrés."
//   Portuguese (Brazil) "Protocolo tcp Intervalos de Exclusão de Porta" /
//            "Porta Inicial    Porta Final" / "* - Exclusões de porta administradas."
// and for dynamicport "Start Port      : 49152" / "Number of Ports : 16384", French
// "Port de démarrage   :" / "Nombre de ports     :" (DataDog/datadog-agent,
// pkg/network/event_windows_test.go), German "Startport :" / "Anzahl von Ports :", Portuguese
// "Porta Inicial :" / "Número de Portas :". tests/platform/netsh_parser_test.cpp holds the
// samples and says where each came from.
namespace portolan::netsh {
namespace {

using text::isBlank;
using text::isDigit;
using text::trim;
using text::words;

struct Line
{
    std::size_t number = 0; // 1-based
    std::string_view text;  // without the line break and surrounding blanks
};

std::vector<Line> splitLines(std::string_view text)
{
    // A file saved by Notepad starts with a UTF-8 byte order mark.
    if (text.substr(0, 3) == "\xEF\xBB\xBF")
        text.remove_prefix(3);
    std::vector<Line> lines;
    std::size_t number = 1;
    while (true) {
        const std::size_t end = text.find('\n');
        lines.push_back(Line{number++, trim(text.substr(0, end))});
        if (end == std::string_view::npos)
            break;
        text.remove_prefix(end + 1);
    }
    return lines;
}

bool isDashes(std::string_view text)
{
    bool dash = false;
    for (char c : text) {
        if (c == '-')
            dash = true;
        else if (!isBlank(c))
            return false;
    }
    return dash;
}

// What a person sees of an offending line, shortened so that a binary file stays readable.
std::string quoted(std::string_view text)
{
    constexpr std::size_t kMax = 60;
    std::string out = "'";
    out += text.substr(0, kMax);
    if (text.size() > kMax)
        out += "...";
    out += "'";
    return out;
}

// Where a complaint about missing lines points: the last line with text on it.
std::size_t lastTextLine(const std::vector<Line>& lines)
{
    for (auto line = lines.rbegin(); line != lines.rend(); ++line) {
        if (!line->text.empty())
            return line->number;
    }
    return 1;
}

Error lineError(std::size_t number, const std::string& what)
{
    return Error::make(ErrorKind::InvalidArgument, "line " + std::to_string(number) + ": " + what);
}

std::string rowShape()
{
    return "expected a row 'START END' or 'START END *' with ports 1-65535";
}

Result<ExcludedRange> parseRow(const Line& line)
{
    const auto parts = words(line.text);
    if (parts.size() < 2 || parts.size() > 3 || (parts.size() == 3 && parts[2] != "*"))
        return lineError(line.number, rowShape() + ", got " + quoted(line.text));
    const auto start = text::parseDigits(parts[0], 6);
    const auto end = text::parseDigits(parts[1], 6);
    if (!start || !end)
        return lineError(line.number, rowShape() + ", got " + quoted(line.text));
    if (*start < 1 || *start > 65535) {
        return lineError(line.number,
                         "start port " + std::string(parts[0]) + " is outside 1-65535");
    }
    if (*end < 1 || *end > 65535)
        return lineError(line.number, "end port " + std::string(parts[1]) + " is outside 1-65535");
    if (*end < *start) {
        return lineError(line.number, "end port " + std::string(parts[1]) +
                                          " comes before start port " + std::string(parts[0]));
    }
    return ExcludedRange{static_cast<std::uint16_t>(*start), static_cast<std::uint16_t>(*end),
                         parts.size() == 3};
}

bool asciiEqualsIgnoreCase(std::string_view a, std::string_view b)
{
    if (a.size() != b.size())
        return false;
    for (std::size_t i = 0; i < a.size(); ++i) {
        char x = a[i];
        char y = b[i];
        if (x >= 'A' && x <= 'Z')
            x = static_cast<char>(x - 'A' + 'a');
        if (y >= 'A' && y <= 'Z')
            y = static_cast<char>(y - 'A' + 'a');
        if (x != y)
            return false;
    }
    return true;
}

} // namespace

Result<std::vector<ExcludedRange>> parseExcludedPortRanges(std::string_view text)
{
    const auto lines = splitLines(text);
    std::vector<ExcludedRange> rows;
    bool sawDashes = false;
    bool sawText = false;
    for (const Line& line : lines) {
        if (line.text.empty())
            continue;
        sawText = true;
        if (line.text.front() == '*') {
            if (!sawDashes)
                break; // reported below: a footer without a table
            return rows;
        }
        if (isDashes(line.text)) {
            // Some builds underline the title as well as the column headings.
            if (!rows.empty())
                return lineError(line.number, "a line of dashes after the rows");
            sawDashes = true;
            continue;
        }
        // A first word with a digit in it is meant as a row ("5000", "-5000", "5e3").
        const auto first = words(line.text).front();
        if (std::any_of(first.begin(), first.end(), isDigit)) {
            if (!sawDashes) {
                return lineError(line.number,
                                 "a row before the line of dashes under the column headings");
            }
            auto row = parseRow(line);
            if (!row)
                return row.error();
            rows.push_back(row.value());
            continue;
        }
        // Heading words, in whatever language; none may appear among the rows.
        if (!rows.empty())
            return lineError(line.number, rowShape() + ", got " + quoted(line.text));
    }
    if (!sawText)
        return lineError(1, "the text is empty; expected the output of "
                            "'netsh int ipv4 show excludedportrange'");
    if (!sawDashes) {
        return lineError(lastTextLine(lines),
                         "no line of dashes under the column headings; expected the output of "
                         "'netsh int ipv4 show excludedportrange'");
    }
    return rows;
}

std::optional<Protocol> excludedPortRangesProtocol(std::string_view text)
{
    std::optional<Protocol> found;
    for (const Line& line : splitLines(text)) {
        if (isDashes(line.text))
            break;
        for (std::string_view word : words(line.text)) {
            // German quotes it: Protokoll "tcp".
            while (!word.empty() && (word.front() == '"' || word.front() == '\''))
                word.remove_prefix(1);
            while (!word.empty() && (word.back() == '"' || word.back() == '\''))
                word.remove_suffix(1);
            std::optional<Protocol> named;
            if (asciiEqualsIgnoreCase(word, "tcp"))
                named = Protocol::Tcp;
            else if (asciiEqualsIgnoreCase(word, "udp"))
                named = Protocol::Udp;
            if (named && found && *named != *found)
                return std::nullopt;
            if (named)
                found = named;
        }
    }
    return found;
}

Result<PortRange> parseDynamicPortRange(std::string_view text)
{
    const auto lines = splitLines(text);
    std::optional<std::uint32_t> start;
    std::size_t startLine = 0;
    for (const Line& line : lines) {
        const std::size_t colon = line.text.rfind(':');
        if (colon == std::string_view::npos)
            continue;
        const std::string_view valueText = trim(line.text.substr(colon + 1));
        const auto value = text::parseDigits(valueText, 6);
        if (!value) {
            // A "label : value" line whose value is not a number is not part of the answer
            // (netsh's own error messages contain colons too), unless it sits where the
            // numbers belong.
            if (start && !valueText.empty() && isDigit(valueText.front())) {
                return lineError(line.number,
                                 "the number of ports " + quoted(valueText) + " is not a number");
            }
            continue;
        }
        if (!start) {
            if (*value < 1 || *value > 65535) {
                return lineError(line.number,
                                 "start port " + std::string(valueText) + " is outside 1-65535");
            }
            start = value;
            startLine = line.number;
            continue;
        }
        if (*value < 1 || *value > 65535) {
            return lineError(line.number,
                             "number of ports " + std::string(valueText) + " is outside 1-65535");
        }
        if (*start + *value - 1 > 65535) {
            return lineError(line.number, "start port " + std::to_string(*start) + " and " +
                                              std::string(valueText) +
                                              " ports run past port 65535");
        }
        return PortRange{static_cast<std::uint16_t>(*start), static_cast<std::uint16_t>(*value)};
    }
    if (!start) {
        return lineError(lastTextLine(lines), "no 'Start Port : N' line; expected the output of "
                                              "'netsh int ipv4 show dynamicport'");
    }
    return lineError(lastTextLine(lines), "no 'Number of Ports : N' line after the start port "
                                          "on line " +
                                              std::to_string(startLine));
}

} // namespace portolan::netsh
