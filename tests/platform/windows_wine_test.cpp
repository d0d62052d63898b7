// SPDX-License-Identifier: GPL-3.0-or-later
// The real windows backend under Wine, which lacks the reservation APIs: every reservation
// call must answer a clean Unsupported, while binds, scans and listeners on 127.0.0.1 work.
// On a real Windows the program skips (exit 77): there the calls would succeed.
#include "platform/nativecodes.h"
#include "platform/windows/win32text_real.h"
#include "platform/windows/windowsbackend.h"

#include <doctest/doctest.h>

// clang-format off
#include <winsock2.h>
#include <windows.h>
#include <shellapi.h>
// clang-format on

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <stop_token>
#include <string>
#include <vector>

using namespace portolan;

namespace {

// The error of a result for a failure message; empty when it succeeded (doctest evaluates
// the message even on success when asked to log successes, -s).
template <typename R> std::string why(const R& result)
{
    return result.ok() ? std::string() : result.error().describe();
}

const char* wineVersion()
{
    HMODULE ntdll = GetModuleHandleW(L"ntdll.dll");
    if (!ntdll)
        return nullptr;
    using Version = const char*(CDECL*)();
    auto function = reinterpret_cast<Version>(
        reinterpret_cast<void (*)()>(GetProcAddress(ntdll, "wine_get_version")));
    return function ? function() : nullptr;
}

// Skips the whole program unless it runs under Wine.
void requireWine()
{
    if (!wineVersion()) {
        std::printf("skipped: not running under Wine; this test checks Wine's missing APIs\n");
        std::fflush(stdout);
        std::_Exit(77);
    }
}

std::unique_ptr<Backend> backend()
{
    requireWine();
    auto created = createWindowsBackend();
    REQUIRE_MESSAGE(created.ok(), why(created));
    return std::move(created.value());
}

// A port nothing holds right now: the system picks it, and we let it go again.
std::uint16_t systemChosenPort(Protocol protocol)
{
    const SOCKET s = ::socket(AF_INET, protocol == Protocol::Tcp ? SOCK_STREAM : SOCK_DGRAM, 0);
    REQUIRE(s != INVALID_SOCKET);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    REQUIRE(::bind(s, reinterpret_cast<sockaddr*>(&address), sizeof address) == 0);
    int length = sizeof address;
    REQUIRE(::getsockname(s, reinterpret_cast<sockaddr*>(&address), &length) == 0);
    ::closesocket(s);
    return ntohs(address.sin_port);
}

class Listening
{
public:
    Listening(Protocol protocol, std::uint16_t port)
    {
        m_socket = ::socket(AF_INET, protocol == Protocol::Tcp ? SOCK_STREAM : SOCK_DGRAM, 0);
        sockaddr_in address{};
        address.sin_family = AF_INET;
        address.sin_port = htons(port);
        address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        m_ok = m_socket != INVALID_SOCKET &&
               ::bind(m_socket, reinterpret_cast<sockaddr*>(&address), sizeof address) == 0 &&
               (protocol == Protocol::Udp || ::listen(m_socket, 4) == 0);
    }
    ~Listening()
    {
        if (m_socket != INVALID_SOCKET)
            ::closesocket(m_socket);
    }
    bool ok() const { return m_ok; }

private:
    SOCKET m_socket = INVALID_SOCKET;
    bool m_ok = false;
};

} // namespace

TEST_CASE("under Wine the persistent calls answer Unsupported: iphlpapi lacks them")
{
    auto windows = backend();
    MESSAGE("Wine " << std::string(wineVersion()));
    CHECK_FALSE(windows->capabilities().persistentReservations);
    CHECK_FALSE(windows->capabilities().persistentTokens);
    for (Protocol protocol : {Protocol::Tcp, Protocol::Udp}) {
        const PortRange range{23456, 4};
        const Error errors[] = {
            windows->createPersistent(protocol, range).error(),
            windows->lookupPersistent(protocol, range).error(),
            windows->deletePersistent(protocol, range).error(),
        };
        for (const Error& error : errors) {
            CAPTURE(error.describe());
            CHECK(error.kind == ErrorKind::Unsupported);
            CHECK(error.code == native::kErrorProcNotFound);
            CHECK(error.name == "ERROR_PROC_NOT_FOUND");
            CHECK(error.message.find("not supported on this system") != std::string::npos);
        }
    }
}

TEST_CASE("under Wine the runtime IOCTLs answer Unsupported (WSAEOPNOTSUPP)")
{
    auto windows = backend();
    CHECK_FALSE(windows->capabilities().runtimeReservations);
    auto reservation = RuntimeReservation::acquire(*windows, SocketSpec::forProtocol(Protocol::Tcp),
                                                   PortRange{23456, 4});
    REQUIRE_FALSE(reservation.ok());
    CAPTURE(reservation.error().describe());
    CHECK(reservation.error().kind == ErrorKind::Unsupported);
    CHECK(reservation.error().name == "WSAEOPNOTSUPP");
    CHECK(reservation.error().message.find("SIO_ACQUIRE_PORT_RESERVATION(start 23456, count 4): "
                                           "not supported on this system") == 0);

    auto socket = windows->openSocket(SocketSpec::forProtocol(Protocol::Udp));
    REQUIRE(socket.ok());
    auto associated = socket.value()->associateReservation(0x1234);
    REQUIRE_FALSE(associated.ok());
    CHECK(associated.error().kind == ErrorKind::Unsupported);
    auto released = socket.value()->releaseReservation(0x1234);
    REQUIRE_FALSE(released.ok());
    CHECK(released.error().kind == ErrorKind::Unsupported);
}

TEST_CASE("under Wine discovery and the dynamic range answer Unsupported: netsh cannot tell")
{
    auto windows = backend();
    CHECK_FALSE(windows->capabilities().dynamicRange);
    CHECK_FALSE(windows->capabilities().discoverReservations);
    auto range = windows->dynamicRange(Protocol::Tcp);
    REQUIRE_FALSE(range.ok());
    CAPTURE(range.error().describe());
    CHECK(range.error().kind == ErrorKind::Unsupported);
    auto blocks = windows->listReservations(std::nullopt);
    REQUIRE_FALSE(blocks.ok());
    CAPTURE(blocks.error().describe());
    CHECK(blocks.error().kind == ErrorKind::Unsupported);
}

TEST_CASE("under Wine a bind probe on 127.0.0.1 tells free from in use")
{
    auto windows = backend();
    CHECK(windows->capabilities().bindProbe);
    for (Protocol protocol : {Protocol::Tcp, Protocol::Udp}) {
        CAPTURE(toString(protocol));
        const std::uint16_t port = systemChosenPort(protocol);
        const BindTarget target{protocol, AddressFamily::IPv4, "127.0.0.1", port};
        const auto free = windows->bindProbe(target);
        CHECK(free.outcome == BindOutcome::Free);
        CHECK(free.boundPort == port);

        Listening holder(protocol, port);
        REQUIRE(holder.ok());
        const auto busy = windows->bindProbe(target);
        CHECK(busy.outcome == BindOutcome::InUse);
        REQUIRE(busy.error.has_value());
        CHECK(busy.error->name == "WSAEADDRINUSE");
        CHECK(busy.error->code == 10048);
        // The owner-pid tables name the socket; Wine 8 gives every socket owner pid 0, so
        // there the process is unknown, on Windows it would be this program.
        const std::string pid = "pid " + std::to_string(GetCurrentProcessId());
        const std::string named = busy.holder.describe();
        CHECK_MESSAGE(
            (named == "a socket of an unknown process" || named.find(pid) != std::string::npos),
            named);
    }
}

TEST_CASE("under Wine a small scan on 127.0.0.1 finds the one busy port")
{
    auto windows = backend();
    const std::uint16_t busy = systemChosenPort(Protocol::Tcp);
    Listening holder(Protocol::Tcp, busy);
    REQUIRE(holder.ok());
    ScanRequest request;
    request.protocol = Protocol::Tcp;
    request.first = static_cast<std::uint16_t>(busy - 3);
    request.last = static_cast<std::uint16_t>(busy + 3);
    request.threads = 2;
    auto result = windows->scan(request, {}, {});
    REQUIRE(result.ok());
    CHECK(result->probed == 7);
    const auto inUse =
        std::find_if(result->runs.begin(), result->runs.end(),
                     [&](const ScanRun& run) { return run.first <= busy && busy <= run.last; });
    REQUIRE(inUse != result->runs.end());
    CHECK(inUse->outcome == BindOutcome::InUse);
    CHECK(inUse->first == busy);
    CHECK(inUse->last == busy);
    CHECK(inUse->codeName == "WSAEADDRINUSE");
}

TEST_CASE("under Wine listeners, host name and boot time come from the real system")
{
    auto windows = backend();
    const std::uint16_t port = systemChosenPort(Protocol::Tcp);
    Listening holder(Protocol::Tcp, port);
    REQUIRE(holder.ok());
    auto listeners = windows->listeners(Protocol::Tcp);
    REQUIRE_MESSAGE(listeners.ok(), why(listeners));
    const auto ours = std::find_if(listeners->begin(), listeners->end(), [&](const Listener& l) {
        return l.port == port && l.address == "127.0.0.1";
    });
    CHECK(ours != listeners->end());

    CHECK_FALSE(windows->hostName().empty());
    auto boot = windows->bootTime();
    REQUIRE(boot.ok());
    const auto now = static_cast<std::int64_t>(std::time(nullptr));
    CHECK(boot.value() <= now);
    CHECK(boot.value() > 946684800); // after 2000-01-01
}

TEST_CASE("the netsh runner captures a System32 program's output and exit code")
{
    // Wine's netsh is a stub that prints nothing, so the pipe is checked with cmd.exe.
    requireWine();
    REQUIRE(createWindowsBackend().ok()); // WSAStartup and the rest, as the backend does

    const auto echoed = runSystem32Program("cmd.exe", {"/c", "echo", "hello", "from", "cmd"});
    CHECK(echoed.error == 0);
    CHECK(echoed.exitCode == 0);
    CHECK(echoed.output == "hello from cmd\r\n");

    const auto failed = runSystem32Program("cmd.exe", {"/c", "exit", "3"});
    CHECK(failed.error == 0);
    CHECK(failed.exitCode == 3);

    const auto missing = runSystem32Program("no-such-program.exe", {});
    CHECK(missing.error == 2); // ERROR_FILE_NOT_FOUND
    CHECK(missing.output.empty());
}

TEST_CASE("the netsh runner ends a program that overruns its time limit, or on a stop request")
{
    requireWine();
    REQUIRE(createWindowsBackend().ok());
    const std::vector<std::string> slow{"/c", "ping", "-n", "30", "127.0.0.1"};

    const auto overran = runSystem32Program("cmd.exe", slow, std::chrono::milliseconds(300));
    CHECK(overran.error == WAIT_TIMEOUT);

    std::stop_source stop;
    stop.request_stop();
    const auto stopped =
        runSystem32Program("cmd.exe", slow, std::chrono::seconds(60), stop.get_token());
    CHECK(stopped.error == ERROR_CANCELLED);
}

TEST_CASE("the restart's parameters read back through CommandLineToArgvW as the same arguments")
{
    // What the elevated copy's C runtime and Qt will see: the real parser, not a copy of it.
    const std::vector<std::vector<std::string>> cases = {
        {"--scenario", "developer"},
        {"--db", "C:\\Users\\Ana Lima\\portolan.sqlite"},
        {""},
        {"say \"hi\""},
        {"C:\\dir with space\\"},
        {"a\\\\b", "a\\\"b", "tab\there"},
        {"Relat\xC3\xB3rio S\xC3\xA3o Paulo"},
    };
    for (const auto& arguments : cases) {
        const std::string line = "portolan.exe " + win32::commandLineParameters(arguments);
        CAPTURE(line);
        int count = 0;
        LPWSTR* parsed = CommandLineToArgvW(win32::widen(line).c_str(), &count);
        REQUIRE(parsed != nullptr);
        std::vector<std::string> back;
        for (int i = 1; i < count; ++i)
            back.push_back(win32::narrow(parsed[i]));
        LocalFree(parsed);
        CHECK(back == arguments);
    }
}
