// SPDX-License-Identifier: GPL-3.0-or-later
// Calls into Windows that never answer, against a scripted Win32Api whose registry, HCN and
// IOCTLs hang until the test lets them go: each ends in a Timeout naming the call at its
// deadline, or in Cancelled when the backend's pending calls are ended; the abandoned call,
// finishing later, changes nothing. The deadlines here are short so that the tests are quick;
// a cancel case keeps the default one, so a cancel that did not work shows up as a Timeout.
#include "platform/windows/blockingcall.h"
#include "windows_fake.h"

#include <stdexcept>
#include <thread>

using namespace portolan;
using namespace portolan::testing;
using namespace std::chrono_literals;

namespace {

const char* const kExcludedTcp = "\nProtocol tcp Port Exclusion Ranges\n\nStart Port    End Port\n"
                                 "----------    --------\n      5000        5009     *\n"
                                 "\n* - Administered port exclusions.\n";

std::string tcpKey()
{
    return std::string(WindowsBackend::registryKey(Protocol::Tcp));
}

// A machine with one persistent block, 5000-5009, in the registry and in netsh.
void withOneBlock(FakeWindows& windows)
{
    windows.registry[tcpKey()] = {{"13880a00", 3, {0x12, 0x00, 0xff, 0xff}}};
    windows.netshOutputs["protocol=tcp"] = kExcludedTcp;
}

void checkTimeout(const Error& error, const std::string& call, const std::string& limit)
{
    CHECK(error.kind == ErrorKind::Timeout);
    CHECK(error.code == 258);
    CHECK(error.name == "WAIT_TIMEOUT");
    CHECK_MESSAGE(contains(error.message, call), error.message);
    CHECK_MESSAGE(contains(error.message, "no answer within " + limit + "; it was abandoned"),
                  error.message);
}

// `call` made on another thread and, once `hung` calls scripted to hang have begun, ended by
// `end`: the call's answer.
template <typename Call, typename End>
std::invoke_result_t<Call&> endedWhileHung(FakeWindows& windows, int hung, Call call, End end)
{
    std::optional<std::invoke_result_t<Call&>> answer;
    std::thread caller([&] { answer.emplace(call()); });
    windows.waitForHungCalls(hung);
    end();
    caller.join();
    return std::move(*answer);
}

void checkCancelled(const Error& error, const std::string& call)
{
    CHECK(error.kind == ErrorKind::Cancelled);
    CHECK(error.code == 1223);
    CHECK(error.name == "ERROR_CANCELLED");
    CHECK_MESSAGE(contains(error.message, call), error.message);
}

} // namespace

// --- the helper on its own -----------------------------------------------------------------------

TEST_CASE("a call that answers in time gives its answer, and what it throws reaches its caller")
{
    win32::PendingCalls calls;
    auto answer = calls.run(win32::CallKind::Registry, "adding", [] { return 40 + 2; });
    REQUIRE(answer.ok());
    CHECK(answer.value() == 42);
    CHECK_THROWS_AS((void)calls.run(win32::CallKind::Registry, "failing",
                                    []() -> int { throw std::runtime_error("no memory"); }),
                    std::runtime_error);
}

TEST_CASE("each kind of call has its own deadline, named in whole seconds or milliseconds")
{
    win32::PendingCalls calls;
    CHECK(calls.deadline(win32::CallKind::Registry) == 10s);
    CHECK(calls.deadline(win32::CallKind::Hcn) == 15s);
    CHECK(calls.deadline(win32::CallKind::Ioctl) == 10s);
    CHECK(calls.deadline(win32::CallKind::Netsh) == 30s);
    calls.setDeadline(win32::CallKind::Hcn, 1500ms);
    CHECK(calls.deadline(win32::CallKind::Hcn) == 1500ms);
    CHECK(calls.deadline(win32::CallKind::Registry) == 10s);
    CHECK(win32::abandonedAfter("reading X", 10s).message ==
          "reading X: no answer within 10 s; it was abandoned");
    CHECK(win32::abandonedAfter("reading X", 1500ms).message ==
          "reading X: no answer within 1500 ms; it was abandoned");
}

// --- the registry --------------------------------------------------------------------------------

TEST_CASE("a registry read that does not answer fails the discovery with a Timeout naming the key")
{
    FakeWindows windows;
    withOneBlock(windows);
    windows.registryHangs = true;
    WindowsBackend backend(windows.api());
    backend.setDeadline(win32::CallKind::Registry, 50ms);

    auto blocks = backend.listReservations(Protocol::Tcp);
    REQUIRE_FALSE(blocks.ok());
    checkTimeout(blocks.error(), "reading the registry key HKLM\\" + tcpKey(), "50 ms");
    // Reported, not hidden behind netsh's answer, and no netsh run added to the wait.
    CHECK(windows.netshCalls.empty());

    // The abandoned read answers later, into its own copy: the next discovery is as usual.
    windows.release();
    windows.registryHangs = false;
    blocks = backend.listReservations(Protocol::Tcp);
    REQUIRE_MESSAGE(blocks.ok(), why(blocks));
    REQUIRE(blocks->size() == 1);
    CHECK(blocks->at(0).range == PortRange{5000, 10});
}

TEST_CASE("a hung Host Network Service key fails the discovery with a Timeout naming hns\\State")
{
    FakeWindows windows;
    withOneBlock(windows);
    windows.registryHangsOn = std::string(WindowsBackend::kHnsStateKey);
    WindowsBackend backend(windows.api());
    backend.setDeadline(win32::CallKind::Registry, 50ms);

    auto blocks = backend.listReservations(Protocol::Tcp);
    REQUIRE_FALSE(blocks.ok());
    checkTimeout(blocks.error(),
                 "reading the registry key HKLM\\SYSTEM\\CurrentControlSet\\Services\\hns\\State",
                 "50 ms");
}

TEST_CASE("a hung registry read is cancelled at once by cancelPendingCalls, and later ones run")
{
    FakeWindows windows;
    withOneBlock(windows);
    windows.registryHangs = true;
    WindowsBackend backend(windows.api()); // the default deadline, 10 s

    auto blocks = endedWhileHung(
        windows, 1, [&] { return backend.listReservations(Protocol::Tcp); },
        [&] { backend.cancelPendingCalls(); });
    REQUIRE_FALSE(blocks.ok());
    checkCancelled(blocks.error(), "reading the registry key HKLM\\" + tcpKey());

    windows.release();
    windows.registryHangs = false;
    blocks = backend.listReservations(Protocol::Tcp);
    CHECK_MESSAGE(blocks.ok(), why(blocks));
}

TEST_CASE("beginShutdown ends a hung registry read, and later reads answer Cancelled unmade")
{
    FakeWindows windows;
    withOneBlock(windows);
    windows.registryHangs = true;
    WindowsBackend backend(windows.api());

    auto blocks = endedWhileHung(
        windows, 1, [&] { return backend.listReservations(Protocol::Tcp); },
        [&] { backend.beginShutdown(); });
    REQUIRE_FALSE(blocks.ok());
    checkCancelled(blocks.error(), "registry key");

    windows.release();
    windows.registryHangs = false;
    const int reads = windows.registryReads;
    blocks = backend.listReservations(Protocol::Tcp);
    REQUIRE_FALSE(blocks.ok());
    checkCancelled(blocks.error(), "registry key");
    CHECK(windows.registryReads == reads);
}

// --- HCN -----------------------------------------------------------------------------------------

TEST_CASE("a Host Network Service that does not answer HCN fails the discovery with a Timeout")
{
    FakeWindows windows;
    withOneBlock(windows);
    windows.hcnHangs = true;
    WindowsBackend backend(windows.api());
    backend.setDeadline(win32::CallKind::Hcn, 50ms);

    auto blocks = backend.listReservations(Protocol::Tcp);
    REQUIRE_FALSE(blocks.ok());
    checkTimeout(blocks.error(), "HcnEnumerateGuestNetworkPortReservations", "50 ms");
    CHECK_MESSAGE(contains(blocks.error().message, "Host Network Service"), blocks.error().message);

    // A later discovery asks HCN again and names the owner from what it answers.
    windows.release();
    windows.hcnHangs = false;
    blocks = backend.listReservations(Protocol::Tcp);
    REQUIRE_MESSAGE(blocks.ok(), why(blocks));
    CHECK(blocks->at(0).ownerEvidence == "administered by netsh");
}

TEST_CASE("a hung HCN call is cancelled by cancelPendingCalls")
{
    FakeWindows windows;
    withOneBlock(windows);
    windows.hcnHangs = true;
    WindowsBackend backend(windows.api());

    const auto blocks = endedWhileHung(
        windows, 1, [&] { return backend.listReservations(Protocol::Tcp); },
        [&] { backend.cancelPendingCalls(); });
    REQUIRE_FALSE(blocks.ok());
    checkCancelled(blocks.error(), "HcnEnumerateGuestNetworkPortReservations");
}

// --- the runtime-reservation IOCTLs -------------------------------------------------------------

TEST_CASE("a runtime-reservation IOCTL that does not answer is a Timeout naming the IOCTL")
{
    FakeWindows windows;
    windows.ioctlHangs = true;
    WindowsBackend backend(windows.api());
    backend.setDeadline(win32::CallKind::Ioctl, 50ms);
    auto socket = openTcp(backend);

    checkTimeout(socket->acquireReservation(PortRange{5000, 10}).error(),
                 "acquiring a runtime reservation with "
                 "SIO_ACQUIRE_PORT_RESERVATION(start 5000, count 10)",
                 "50 ms");
    checkTimeout(socket->associateReservation(0x42).error(),
                 "SIO_ASSOCIATE_PORT_RESERVATION(token 0x42)", "50 ms");
    checkTimeout(socket->releaseReservation(0x42).error(),
                 "releasing a runtime reservation with SIO_RELEASE_PORT_RESERVATION(token 0x42)",
                 "50 ms");

    // Closing the socket while its IOCTLs still run would break Winsock's rule: it stays open
    // until the last abandoned call returned, and is closed then.
    windows.waitForHungCalls(3);
    socket.reset();
    CHECK(windows.open.size() == 1);
    windows.release();
    windows.waitForAllClosed();
    CHECK(windows.closedDuringIoctl == 0);
    CHECK(windows.ioctls.size() == 3);
}

TEST_CASE("an abandoned acquire that succeeds later leaves nothing held once its socket is gone")
{
    FakeWindows windows;
    windows.ioctlHangs = true;
    WindowsBackend backend(windows.api());
    backend.setDeadline(win32::CallKind::Ioctl, 50ms);

    auto reservation = RuntimeReservation::acquire(backend, SocketSpec::forProtocol(Protocol::Tcp),
                                                   PortRange{5000, 10});
    REQUIRE_FALSE(reservation.ok());
    CHECK(reservation.error().kind == ErrorKind::Timeout);
    windows.release(); // the acquire now succeeds, on a socket nobody holds but its call
    windows.waitForAllClosed();
    CHECK(windows.closedDuringIoctl == 0);
    REQUIRE(windows.ioctls.size() == 1); // and nothing released a token it never reported
}

TEST_CASE("a hung IOCTL is cancelled by cancelPendingCalls and by beginShutdown")
{
    FakeWindows windows;
    windows.ioctlHangs = true;
    WindowsBackend backend(windows.api());
    auto socket = openTcp(backend);

    const auto block = endedWhileHung(
        windows, 1,
        [&] {
            return socket->acquireReservation(PortRange{5000, 10});
        },
        [&] { backend.cancelPendingCalls(); });
    REQUIRE_FALSE(block.ok());
    checkCancelled(block.error(), "SIO_ACQUIRE_PORT_RESERVATION(start 5000, count 10)");

    const auto released = endedWhileHung(
        windows, 2, [&] { return socket->releaseReservation(0x42); },
        [&] { backend.beginShutdown(); });
    REQUIRE_FALSE(released.ok());
    checkCancelled(released.error(), "SIO_RELEASE_PORT_RESERVATION(token 0x42)");

    // After the shutdown an IOCTL is not even issued.
    windows.release();
    const auto issued = windows.ioctls.size();
    auto associated = socket->associateReservation(0x42);
    REQUIRE_FALSE(associated.ok());
    checkCancelled(associated.error(), "SIO_ASSOCIATE_PORT_RESERVATION(token 0x42)");
    CHECK(windows.ioctls.size() == issued);
}

// --- the capabilities probe ----------------------------------------------------------------------

TEST_CASE("a capabilities probe whose IOCTL hangs reports no runtime reservations and keeps that")
{
    FakeWindows windows;
    windows.ioctlHangs = true;
    windows.ioctlError = static_cast<int>(native::kWsaEinval); // the answer, once let go
    windows.netshOutputs["tcp"] = "Start Port      : 49152\nNumber of Ports : 16384\n";
    WindowsBackend backend(windows.api());
    backend.setDeadline(win32::CallKind::Ioctl, 50ms);

    Capabilities caps = backend.capabilities();
    CHECK_FALSE(caps.runtimeReservations);
    CHECK(caps.dynamicRange); // the rest of the probe went on
    CHECK(caps.discoverReservations);

    // The late answer says the IOCTLs exist; the remembered capabilities do not change.
    windows.release();
    windows.waitForAllClosed();
    CHECK(windows.closedDuringIoctl == 0);
    CHECK_FALSE(backend.capabilities().runtimeReservations);
}

TEST_CASE("a capabilities probe cancelled in its IOCTL is not remembered")
{
    FakeWindows windows;
    windows.ioctlHangs = true;
    windows.ioctlError = static_cast<int>(native::kWsaEinval);
    WindowsBackend backend(windows.api());

    const Capabilities caps = endedWhileHung(
        windows, 1, [&] { return backend.capabilities(); }, [&] { backend.cancelPendingCalls(); });
    CHECK_FALSE(caps.runtimeReservations);

    windows.release();
    windows.ioctlHangs = false;
    CHECK(backend.capabilities().runtimeReservations); // probed again
}

// --- the Service Control Manager -----------------------------------------------------------------

TEST_CASE("a Service Control Manager that does not answer a stop is a Timeout naming the call")
{
    FakeWindows windows;
    windows.services["winnat"] = {"Windows NAT Driver"};
    // The late answer is a refusal, so that the abandoned call ends with it: a stop that went
    // through would go on asking the fake for the service's state after the test.
    windows.services["winnat"].stopError = std::uint32_t(native::kErrorServiceRequestTimeout);
    windows.serviceHangs = true;
    WindowsBackend backend(windows.api());
    backend.setDeadline(win32::CallKind::Service, 50ms);

    const auto stopped = backend.stopService("winnat");
    REQUIRE_FALSE(stopped.ok());
    checkTimeout(stopped.error(), "ControlService(SERVICE_CONTROL_STOP) (winnat)", "50 ms");

    // Once the abandoned stop has answered, the next question is answered as usual.
    windows.release();
    const auto listed = backend.services();
    REQUIRE_MESSAGE(listed.ok(), why(listed));
    CHECK(listed->size() == 1);
}

TEST_CASE("listing the services while the Service Control Manager hangs is a Timeout naming one")
{
    FakeWindows windows;
    windows.services["winnat"] = {"Windows NAT Driver"};
    windows.serviceHangs = true;
    WindowsBackend backend(windows.api());
    backend.setDeadline(win32::CallKind::Service, 50ms);

    const auto listed = backend.services();
    REQUIRE_FALSE(listed.ok());
    checkTimeout(listed.error(), "asking for the service", "50 ms");
    windows.release();
}

TEST_CASE("a hung start of a service is cancelled by cancelPendingCalls")
{
    FakeWindows windows;
    windows.services["winnat"] = {"Windows NAT Driver", w::kServiceStopped};
    windows.services["winnat"].startError = std::uint32_t(native::kErrorServiceRequestTimeout);
    windows.serviceHangs = true;
    WindowsBackend backend(windows.api()); // the default deadline, 60 s

    const auto started = endedWhileHung(
        windows, 1, [&] { return backend.startService("winnat"); },
        [&] { backend.cancelPendingCalls(); });
    REQUIRE_FALSE(started.ok());
    checkCancelled(started.error(), "StartService (winnat)");
    windows.release();
}
