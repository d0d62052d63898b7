// SPDX-License-Identifier: GPL-3.0-or-later
// The netsh output readers, over output in each language users have published.
#include "platform/netshparser.h"

#include <doctest/doctest.h>

#include <string>
#include <vector>

using namespace portolan;
using netsh::ExcludedRange;

namespace {

// The error of a result for a failure message; empty when it succeeded (doctest evaluates
// the message even on success when asked to log successes, -s).
template <typename R> std::string why(const R& result)
{
    return result.ok() ? std::string() : result.error().describe();
}

struct ExcludedSample
{
    const char* name;
    const char* source; // where the sample comes from
    std::string text;
    std::vector<ExcludedRange> rows;
};

// Windows 10 with Hyper-V, as quoted in the Stack Overflow question "What is Administered
// port exclusions in windows 10?" (also on developerload.com and w3toppers.com).
const char* const kEnglishHyperV = R"(
Protocol tcp Port Exclusion Ranges

Start Port    End Port
----------    --------
      5357        5357
      9800        9800
     49671       49770
     50000       50059     *
     61117       61216

* - Administered port exclusions.

)";

std::vector<ExcludedSample> excludedSamples()
{
    return {
        {"English, Hyper-V",
         "Stack Overflow question",
         kEnglishHyperV,
         {{5357, 5357, false},
          {9800, 9800, false},
          {49671, 49770, false},
          {50000, 50059, true},
          {61117, 61216, false}}},
        {"English, CRLF line ends",
         "the same sample as netsh writes it to a pipe",
         [] {
             std::string text;
             for (char c : std::string(kEnglishHyperV)) {
                 if (c == '\n')
                     text += '\r';
                 text += c;
             }
             return text;
         }(),
         {{5357, 5357, false},
          {9800, 9800, false},
          {49671, 49770, false},
          {50000, 50059, true},
          {61117, 61216, false}}},
        // A GitHub Actions runner: no blank lines, every line padded with blanks.
        {"English, CI runner",
         "open-telemetry/opentelemetry-collector-contrib pull request #10872",
         "Protocol tcp Port Exclusion Ranges\n"
         "Start Port    End Port      \n"
         "----------    --------      \n"
         "        80          80      \n"
         "      5986        5986      \n"
         "     51417       51516      \n"
         "* - Administered port exclusions.\n",
         {{80, 80, false}, {5986, 5986, false}, {51417, 51516, false}}},
        {"German",
         "a German blog post on Docker and Hyper-V blocking port 50000",
         "Portausschlussbereiche für das Protokoll \"tcp\"\n"
         "\n"
         "Startport      Endport\n"
         "----------    --------\n"
         "     28380       28380\n"
         "     28385       28385\n"
         "     49708       49807\n"
         "     50000       50000     *\n"
         "     50001       50100\n"
         "\n"
         "* - Verwaltete Portausschlüsse.\n",
         {{28380, 28380, false},
          {28385, 28385, false},
          {49708, 49807, false},
          {50000, 50000, true},
          {50001, 50100, false}}},
        // The German sample again as netsh's bytes in code page 850 before decoding
        // ("ü" is 0x81): labels are never read, so undecoded text parses alike.
        {"German, code page 850 bytes",
         "the German sample, encoded as the console does",
         "Portausschlussbereiche f\x81r das Protokoll \"tcp\"\r\n\r\n"
         "Startport      Endport\r\n"
         "----------    --------\r\n"
         "     50000       50000     *\r\n\r\n"
         "* - Verwaltete Portausschl\x81sse.\r\n",
         {{50000, 50000, true}}},
        {"French",
         "notes on Docker Desktop and Hyper-V on a French Windows 10",
         "Protocole tcp Plages d’exclusion de ports\n"
         "\n"
         "Port de début    Port de fin\n"
         "-------------    -----------\n"
         "        80          80\n"
         "      1587        1686\n"
         "      2380        2479\n"
         "     50000       50059     *\n"
         "\n"
         "* - Exclusions de ports administrés.\n",
         {{80, 80, false}, {1587, 1686, false}, {2380, 2479, false}, {50000, 50059, true}}},
        // A French blog post quoting the table with the footer straight under the rows.
        {"French, footer under the rows",
         "a French blog post on WinNAT",
         "Port de début    Port de fin\n"
         "-------------    -----------\n"
         "     44660       44759\n"
         "     50000       50059     *\n"
         "* - Exclusions de ports administrés.\n",
         {{44660, 44759, false}, {50000, 50059, true}}},
        {"Portuguese (Brazil)",
         "a WSL helper's test of a Brazilian Windows",
         "\n"
         "Protocolo tcp Intervalos de Exclusão de Porta\n"
         "\n"
         "Porta Inicial    Porta Final\n"
         "----------    --------\n"
         "      5357        5357\n"
         "      8883        8883\n"
         "     47277       47376\n"
         "     50000       50059     *\n"
         "     55245       55344\n"
         "\n"
         "* - Exclusões de porta administradas.\n",
         {{5357, 5357, false},
          {8883, 8883, false},
          {47277, 47376, false},
          {50000, 50059, true},
          {55245, 55344, false}}},
        // Nothing excluded: the headings and the footer only (layout as above, no sample).
        {"English, nothing excluded",
         "constructed from the layout above",
         "\nProtocol udp Port Exclusion Ranges\n\nStart Port    End Port\n"
         "----------    --------\n\n* - Administered port exclusions.\n\n",
         {}},
        {"UTF-8 file with a byte order mark",
         "a sample saved by Notepad",
         "\xEF\xBB\xBFProtocol tcp Port Exclusion Ranges\n\nStart Port    End Port\n"
         "----------    --------\n     50000       50059     *\n",
         {{50000, 50059, true}}},
        // Whatever follows the footer (a prompt, another command) is not part of the table.
        {"text after the footer",
         "a console transcript",
         "Start Port    End Port\n----------    --------\n      5357        5357\n\n"
         "* - Administered port exclusions.\n\nC:\\Users\\dev> netstat -ano\n",
         {{5357, 5357, false}}},
    };
}

} // namespace

TEST_CASE("excludedportrange output parses by its layout in every language")
{
    for (const auto& sample : excludedSamples()) {
        SUBCASE(sample.name)
        {
            CAPTURE(sample.source);
            const auto rows = netsh::parseExcludedPortRanges(sample.text);
            REQUIRE_MESSAGE(rows.ok(), why(rows));
            CHECK(rows.value() == sample.rows);
        }
    }
}

TEST_CASE("a row's range counts both end ports")
{
    CHECK(ExcludedRange{50000, 50059, true}.range() == PortRange{50000, 60});
    CHECK(ExcludedRange{5357, 5357, false}.range() == PortRange{5357, 1});
    CHECK(ExcludedRange{1, 65535, false}.range() == PortRange{1, 65535});
}

TEST_CASE("malformed excludedportrange text names the line and yields no rows")
{
    struct Case
    {
        const char* name;
        std::string text;
        const char* message; // the start of the error message
    };
    const std::string head = "Protocol tcp Port Exclusion Ranges\n\nStart Port    End Port\n"
                             "----------    --------\n"; // rows start on line 5
    const Case cases[] = {
        {"empty", "", "line 1: the text is empty"},
        {"blank lines only", "\n  \r\n\n", "line 1: the text is empty"},
        {"not netsh output", "hello\nworld\n", "line 2: no line of dashes"},
        {"Wine's netsh error", "Command not found\n", "line 1: no line of dashes"},
        {"a row before the dashes", "Start Port    End Port\n  5000  5009\n----------\n",
         "line 2: a row before the line of dashes"},
        {"a word where the end port belongs", head + "      5000       abc\n",
         "line 5: expected a row 'START END' or 'START END *'"},
        {"a stray column", head + "      5000       5009     x\n", "line 5: expected a row"},
        {"four columns", head + "      5000       5009     *   *\n", "line 5: expected a row"},
        {"one column", head + "      5000\n", "line 5: expected a row"},
        {"a port past 65535", head + "     70000       70009\n",
         "line 5: start port 70000 is outside 1-65535"},
        {"an end past 65535", head + "     65530       65536\n",
         "line 5: end port 65536 is outside 1-65535"},
        {"port 0", head + "         0          10\n", "line 5: start port 0 is outside 1-65535"},
        {"end before start", head + "      5009        5000\n",
         "line 5: end port 5000 comes before start port 5009"},
        {"a negative port", head + "     -5000        5000\n", "line 5: expected a row"},
        {"text between rows", head + "      5000        5009\nStart Port\n      6000        6009\n",
         "line 6: expected a row"},
        {"dashes between rows", head + "      5000        5009\n--------\n",
         "line 6: a line of dashes after the rows"},
        {"bad row after good ones",
         head + "      5000        5009\n      6000        6009\n"
                "      7000        x\n",
         "line 7: expected a row"},
    };
    for (const auto& c : cases) {
        SUBCASE(c.name)
        {
            const auto rows = netsh::parseExcludedPortRanges(c.text);
            REQUIRE_FALSE(rows.ok());
            CHECK(rows.error().kind == ErrorKind::InvalidArgument);
            CHECK_MESSAGE(rows.error().message.rfind(c.message, 0) == 0, rows.error().message);
        }
    }
}

TEST_CASE("the heading names the table's protocol")
{
    CHECK(netsh::excludedPortRangesProtocol(kEnglishHyperV) == Protocol::Tcp);
    CHECK(netsh::excludedPortRangesProtocol("Portausschlussbereiche für das Protokoll \"udp\"\n"
                                            "Startport      Endport\n----------    --------\n") ==
          Protocol::Udp);
    CHECK(netsh::excludedPortRangesProtocol("Protocolo UDP Intervalos de Exclusão de Porta\n") ==
          Protocol::Udp);
    // Words below the dashes do not count, and neither does a heading naming both.
    CHECK_FALSE(netsh::excludedPortRangesProtocol("Start Port    End Port\n--------\ntcp\n"));
    CHECK_FALSE(netsh::excludedPortRangesProtocol("tcp and udp\n"));
    CHECK_FALSE(netsh::excludedPortRangesProtocol("Start Port    End Port\n"));
}

TEST_CASE("dynamicport output gives start and count whatever the labels say")
{
    struct Sample
    {
        const char* name;
        const char* source;
        const char* text;
        PortRange range;
    };
    const Sample samples[] = {
        {"English",
         "DataDog/datadog-agent pkg/network/event_windows_test.go",
         "\nProtocol tcp Dynamic Port Range\n---------------------------------\n"
         "Start Port      : 49152\nNumber of Ports : 16384",
         {49152, 16384}},
        {"English, moved by an installer",
         "a PowerShell profile's Set-DynamicPort comment",
         "Protocol tcp Dynamic Port Range\r\n---------------------------------\r\n"
         "Start Port      : 1024\r\nNumber of Ports : 64511\r\n\r\n",
         {1024, 64511}},
        {"French",
         "DataDog/datadog-agent pkg/network/event_windows_test.go",
         "\nPlage de ports dynamique du protocole tcp\n---------------------------------\n"
         "Port de démarrage   : 49152\nNombre de ports     : 16384\n",
         {49152, 16384}},
        {"German",
         "tests of two public netsh parsers (C# and Python)",
         "Protokoll tcp Dynamischer Portbereich\n---------------------------------\n"
         "Startport       : 49152\nAnzahl von Ports: 16384\n",
         {49152, 16384}},
        // The labels are from a Brazilian user's notes; the heading line is assumed.
        {"Portuguese (Brazil)",
         "a Brazilian user's notes on raising the dynamic range",
         "Protocolo tcp Intervalo de Portas Dinâmicas\n---------------------------------\n"
         "Porta Inicial      : 10000\nNúmero de Portas : 55000\n",
         {10000, 55000}},
        {"the whole port space but 0",
         "the largest range netsh can report",
         "Start Port      : 1\nNumber of Ports : 65535\n",
         {1, 65535}},
    };
    for (const auto& sample : samples) {
        SUBCASE(sample.name)
        {
            CAPTURE(sample.source);
            const auto range = netsh::parseDynamicPortRange(sample.text);
            REQUIRE_MESSAGE(range.ok(), why(range));
            CHECK(range.value() == sample.range);
        }
    }
}

TEST_CASE("malformed dynamicport text names the line")
{
    struct Case
    {
        const char* name;
        const char* text;
        const char* message;
    };
    const Case cases[] = {
        {"empty (Wine's netsh prints nothing)", "", "line 1: no 'Start Port : N' line"},
        {"netsh's own complaint",
         "The following command was not found: int ipv4 show "
         "dynamicport tcp.\n",
         "line 1: no 'Start Port : N' line"},
        {"no count", "Protocol tcp Dynamic Port Range\n------\nStart Port      : 49152\n",
         "line 3: no 'Number of Ports : N' line after the start port on line 3"},
        {"start 0", "Start Port      : 0\nNumber of Ports : 16384\n",
         "line 1: start port 0 is outside 1-65535"},
        {"start past 65535", "Start Port      : 65536\nNumber of Ports : 1\n",
         "line 1: start port 65536 is outside 1-65535"},
        {"count 0", "Start Port      : 49152\nNumber of Ports : 0\n",
         "line 2: number of ports 0 is outside 1-65535"},
        {"block past 65535", "Start Port      : 65000\nNumber of Ports : 1000\n",
         "line 2: start port 65000 and 1000 ports run past port 65535"},
        {"a count that is not a number", "Start Port      : 49152\nNumber of Ports : 16.384\n",
         "line 2: the number of ports '16.384' is not a number"},
    };
    for (const auto& c : cases) {
        SUBCASE(c.name)
        {
            const auto range = netsh::parseDynamicPortRange(c.text);
            REQUIRE_FALSE(range.ok());
            CHECK(range.error().kind == ErrorKind::InvalidArgument);
            CHECK_MESSAGE(std::string(range.error().message).rfind(c.message, 0) == 0,
                          range.error().message);
        }
    }
}
