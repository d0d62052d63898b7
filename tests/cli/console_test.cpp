// SPDX-License-Identifier: GPL-3.0-or-later
// What portolan-cli's text looks like on its way out: UTF-16 through WriteConsoleW to a
// console (a fake here stands in for it), the UTF-8 bytes unchanged to a file or a pipe, and
// file names outside every ANSI code page opened as the user typed them.
#include "cli.h"

#include "platform/process/consoledevice.h"
#include "platform/process/consolewriter.h"
#include "platform/process/utf8.h"

#include <doctest/doctest.h>

#include <atomic>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <ostream>
#include <sstream>
#include <string>
#include <vector>

namespace portolan {
namespace {

// Records every call a ConsoleWriter makes, as WriteConsoleW or as bytes.
class FakeConsole final : public ConsoleDevice
{
public:
    explicit FakeConsole(bool console, bool utf16 = true) : m_console(console), m_utf16(utf16) {}

    bool isConsole() const override { return m_console; }
    bool wantsUtf16() const override { return m_utf16; }
    bool writeUtf16(std::u16string_view text) override
    {
        wideCalls.emplace_back(text);
        return !refuse;
    }
    bool writeBytes(std::string_view bytes) override
    {
        byteCalls.emplace_back(bytes);
        return !refuse;
    }

    std::u16string wide() const
    {
        std::u16string all;
        for (const auto& call : wideCalls)
            all += call;
        return all;
    }
    std::string bytes() const
    {
        std::string all;
        for (const auto& call : byteCalls)
            all += call;
        return all;
    }

    std::vector<std::u16string> wideCalls;
    std::vector<std::string> byteCalls;
    bool refuse = false;

private:
    bool m_console;
    bool m_utf16;
};

const std::string kName = "\xE6\xBC\xA2\xE5\xAD\x97-\xD0\xB6\xCE\x94.json"; // 漢字-жΔ.json
const std::u16string kWideName = u"\u6F22\u5B57-\u0436\u0394.json";

} // namespace

TEST_CASE("a console gets the text as UTF-16 through WriteConsoleW, never as bytes")
{
    FakeConsole console(true);
    {
        ConsoleWriter writer(console);
        std::ostream out(&writer);
        out << "state " << kName << " \xF0\x9F\x9A\xA2\n" << std::flush; // U+1F6A2, a pair
    }
    CHECK(console.byteCalls.empty());
    CHECK(console.wide() == u"state " + kWideName + u" \U0001F6A2\n");
}

TEST_CASE("a file or a pipe gets the UTF-8 bytes unchanged")
{
    FakeConsole redirected(false);
    {
        ConsoleWriter writer(redirected);
        std::ostream out(&writer);
        out << "portolan-cli: " << kName << '\n';
    }
    CHECK(redirected.wideCalls.empty());
    CHECK(redirected.bytes() == "portolan-cli: " + kName + "\n");
}

TEST_CASE("a POSIX terminal reads UTF-8 itself: bytes")
{
    FakeConsole terminal(true, false);
    {
        ConsoleWriter writer(terminal);
        std::ostream(&writer) << kName;
    }
    CHECK(terminal.wideCalls.empty());
    CHECK(terminal.bytes() == kName);
}

TEST_CASE("a character cut in two by a flush reaches the console whole")
{
    FakeConsole console(true);
    ConsoleWriter writer(console);
    std::ostream out(&writer);
    out << kName.substr(0, 2) << std::flush; // the first two of the three bytes of 漢
    CHECK(console.wide().empty());
    out << kName.substr(2) << std::flush;
    CHECK(console.wide() == kWideName);
    for (const auto& call : console.wideCalls)
        CHECK(call.find(u'\uFFFD') == std::u16string::npos);
}

TEST_CASE("long text goes to the console in pieces that never split a surrogate pair")
{
    FakeConsole console(true);
    std::string text;
    for (int i = 0; i < 5000; ++i)
        text += "a\xF0\x9F\x9A\xA2"; // 5000 x (1 + 2 UTF-16 units)
    {
        ConsoleWriter writer(console);
        std::ostream(&writer) << text;
    }
    REQUIRE(console.wideCalls.size() > 1);
    for (const auto& call : console.wideCalls) {
        CHECK(call.size() <= 8192);
        CHECK_FALSE((call.back() >= 0xD800 && call.back() <= 0xDBFF));
    }
    CHECK(console.wide() == utf8::toUtf16(text));
}

TEST_CASE("a console that refuses the text fails the stream")
{
    FakeConsole console(true);
    console.refuse = true;
    ConsoleWriter writer(console);
    std::ostream out(&writer);
    out << "x" << std::flush;
    CHECK(out.bad());
}

TEST_CASE("UTF-8 and UTF-16 convert both ways; bad input becomes U+FFFD")
{
    CHECK(utf8::toUtf16(kName) == kWideName);
    CHECK(utf8::fromUtf16(kWideName) == kName);
    CHECK(utf8::fromUtf16(u"\U0001F6A2") == "\xF0\x9F\x9A\xA2");
    CHECK(utf8::toUtf16("a\xFF"
                        "b") == u"a\uFFFD"
                                "b");
    CHECK(utf8::toUtf16("\xC0\xAF") == u"\uFFFD\uFFFD");           // overlong "/"
    CHECK(utf8::toUtf16("\xED\xA0\x80") == u"\uFFFD\uFFFD\uFFFD"); // an encoded surrogate
    CHECK(utf8::fromUtf16(std::u16string(1, char16_t(0xD800))) == "\xEF\xBF\xBD");
    CHECK(utf8::completePrefix("ab\xE6\xBC") == 2);
    CHECK(utf8::completePrefix("ab\xE6\xBC\xA2") == 5);
    CHECK(utf8::completePrefix("ab\xFF") == 3);
}

TEST_CASE("a state file whose name no ANSI code page holds is created and read back")
{
    static std::atomic<int> serial{0};
    const auto dir = std::filesystem::temp_directory_path() /
                     ("portolan-console-test-" +
                      std::to_string(std::chrono::steady_clock::now().time_since_epoch().count()) +
                      "-" + std::to_string(serial++));
    std::filesystem::create_directories(dir);
    const std::string state = utf8::fromPath(dir) + "/" + kName;

    std::ostringstream out;
    std::ostringstream err;
    const std::vector<std::string> create = {"--backend", "simulated", "--state", state,
                                             "create",    "tcp",       "50100",   "4"};
    CHECK(cli::runCli(create, out, err) == 0);
    INFO(err.str());
    // The file has exactly the name given, in UTF-16 where the system keeps names so.
    CHECK(std::filesystem::exists(dir / std::filesystem::path(kWideName)));

    std::ostringstream out2;
    std::ostringstream err2;
    const std::vector<std::string> lookup = {"--backend", "simulated", "--state", state,
                                             "lookup",    "tcp",       "50100",   "4"};
    CHECK(cli::runCli(lookup, out2, err2) == 0);

    std::error_code ignored;
    std::filesystem::remove_all(dir, ignored);
}

} // namespace portolan
