// SPDX-License-Identifier: GPL-3.0-or-later
// WindowsBackend against a scripted Win32Api: what it passes to Windows, byte for byte, and
// what it makes of every answer Windows documents. Runs natively and under Wine alike.
#include "windows_fake.h"

using namespace portolan;
using namespace portolan::testing;

// --- the byte order of the start port: the classic bug ---------------------------------------

TEST_CASE("a persistent reservation covers the ports the user asked for, not byte-swapped ones")
{
    // Windows reads StartPort in network order. Passed in host order, 5000 (0x1388) would
    // arrive as 0x8813 = 34835 and reserve 34835-34844 without any error.
    FakeWindows windows;
    WindowsBackend backend(windows.api());

    auto created = backend.createPersistent(Protocol::Tcp, PortRange{5000, 10});
    REQUIRE(created.ok());
    CHECK(created->range == PortRange{5000, 10});
    CHECK(windows.reserved.count({"Tcp", {5000, 10}}) == 1);
    CHECK(windows.reserved.count({"Tcp", {34835, 10}}) == 0);

    auto looked = backend.lookupPersistent(Protocol::Tcp, PortRange{5000, 10});
    REQUIRE(looked.ok());
    CHECK(looked->token == created->token);
    REQUIRE(backend.deletePersistent(Protocol::Tcp, PortRange{5000, 10}).ok());
    CHECK(windows.reserved.empty());
}

TEST_CASE("all six persistent functions get the start port in network byte order")
{
    FakeWindows windows;
    WindowsBackend backend(windows.api());
    struct Case
    {
        Protocol protocol;
        PortRange range;
        std::uint16_t wireStart; // what Windows must receive
    };
    const Case cases[] = {
        {Protocol::Tcp, {5000, 10}, 0x8813},                                    // 0x1388
        {Protocol::Udp, {5000, 10}, 0x8813}, {Protocol::Tcp, {258, 1}, 0x0201}, // 0x0102
        {Protocol::Udp, {65535, 1}, 0xffff}, {Protocol::Tcp, {1, 65535}, 0x0100},
    };
    for (const auto& c : cases) {
        CAPTURE(c.range.start);
        windows.reserveCalls.clear();
        (void)backend.createPersistent(c.protocol, c.range);
        (void)backend.lookupPersistent(c.protocol, c.range);
        (void)backend.deletePersistent(c.protocol, c.range);
        const std::string p = c.protocol == Protocol::Tcp ? "Tcp" : "Udp";
        const std::vector<FakeWindows::ReserveCall> expected{
            {"CreatePersistent" + p + "PortReservation", c.wireStart, c.range.count},
            {"LookupPersistent" + p + "PortReservation", c.wireStart, c.range.count},
            {"DeletePersistent" + p + "PortReservation", c.wireStart, c.range.count},
        };
        CHECK(windows.reserveCalls == expected);
    }
}

TEST_CASE("a bad range reaches Windows unchanged and fails the way Windows says")
{
    FakeWindows windows;
    windows.reserveAnswer = native::kErrorInvalidParameter;
    WindowsBackend backend(windows.api());
    auto created = backend.createPersistent(Protocol::Tcp, PortRange{65530, 10});
    REQUIRE_FALSE(created.ok());
    CHECK(created.error().kind == ErrorKind::InvalidArgument);
    CHECK(created.error().name == "ERROR_INVALID_PARAMETER");
    REQUIRE(windows.reserveCalls.size() == 1);
    CHECK(windows.reserveCalls[0].numberOfPorts == 10);
}

// --- runtime reservations: IOCTL codes and buffers -------------------------------------------

TEST_CASE("acquire sends INET_PORT_RANGE (4 bytes, network order) and reads a 16-byte instance")
{
    FakeWindows windows;
    WindowsBackend backend(windows.api());
    auto socket = openTcp(backend);

    auto block = socket->acquireReservation(PortRange{5000, 10});
    REQUIRE(block.ok());
    REQUIRE(windows.ioctls.size() == 1);
    const auto& call = windows.ioctls[0];
    CHECK(call.code == 0x98000064u); // SIO_ACQUIRE_PORT_RESERVATION
    // 5000 = 0x1388: its high byte first on the wire, then NumberOfPorts as a plain USHORT.
    CHECK(call.in == std::vector<std::uint8_t>{0x13, 0x88, 0x0a, 0x00});
    CHECK(call.outSize == 16);
    CHECK_FALSE(call.outNull);
    // The granted start comes back in network order too.
    CHECK(block->range == PortRange{50100, 10});
    CHECK(block->token == 0xA1B2C3D4E5F6ULL);
    CHECK_FALSE(block->persistent);
    CHECK(block->protocol == Protocol::Tcp);
}

TEST_CASE("a wildcard acquire passes start 0 and reports the block the system chose")
{
    FakeWindows windows;
    WindowsBackend backend(windows.api());
    auto socket = backend.openSocket(SocketSpec::forProtocol(Protocol::Udp));
    REQUIRE(socket.ok());
    auto block = socket.value()->acquireReservation(PortRange{0, 10});
    REQUIRE(block.ok());
    CHECK(windows.ioctls[0].in == std::vector<std::uint8_t>{0x00, 0x00, 0x0a, 0x00});
    CHECK(block->range == PortRange{50100, 10});
    CHECK(block->protocol == Protocol::Udp);
}

TEST_CASE("associate and release send the acquired token (8 bytes) and expect no output")
{
    FakeWindows windows;
    WindowsBackend backend(windows.api());
    auto holder = openTcp(backend);
    auto user = openTcp(backend);

    auto block = holder->acquireReservation(PortRange{5000, 10});
    REQUIRE(block.ok());
    REQUIRE(user->associateReservation(block->token).ok());
    REQUIRE(holder->releaseReservation(block->token).ok());

    REQUIRE(windows.ioctls.size() == 3);
    const auto token = bytesOf(&block->token, sizeof block->token);
    const auto& associate = windows.ioctls[1];
    CHECK(associate.code == 0x98000066u); // SIO_ASSOCIATE_PORT_RESERVATION
    CHECK(associate.in == token);
    CHECK(associate.outSize == 0);
    CHECK(associate.outNull);
    CHECK(associate.socket != windows.ioctls[0].socket); // on the second socket
    const auto& release = windows.ioctls[2];
    CHECK(release.code == 0x98000065u); // SIO_RELEASE_PORT_RESERVATION
    CHECK(release.in == token);
    CHECK(release.outSize == 0);
    CHECK(release.socket == windows.ioctls[0].socket);
}

TEST_CASE("token 0 names no reservation")
{
    FakeWindows windows;
    WindowsBackend backend(windows.api());
    auto socket = openTcp(backend);

    SUBCASE("associate and release refuse it without asking Windows")
    {
        auto associated = socket->associateReservation(kNoToken);
        REQUIRE_FALSE(associated.ok());
        CHECK(associated.error().kind == ErrorKind::InvalidArgument);
        auto released = socket->releaseReservation(kNoToken);
        REQUIRE_FALSE(released.ok());
        CHECK(released.error().kind == ErrorKind::InvalidArgument);
        CHECK(windows.ioctls.empty());
    }
    SUBCASE("an acquire answered with token 0 is not a reservation")
    {
        windows.acquireAnswer.token = 0;
        auto block = socket->acquireReservation(PortRange{5000, 10});
        REQUIRE_FALSE(block.ok());
        CHECK(block.error().kind == ErrorKind::Internal);
    }
    SUBCASE("a lookup answered with token 0 finds nothing")
    {
        windows.nextToken = 0;
        REQUIRE(backend.createPersistent(Protocol::Tcp, PortRange{5000, 10}).ok());
        auto looked = backend.lookupPersistent(Protocol::Tcp, PortRange{5000, 10});
        REQUIRE_FALSE(looked.ok());
        CHECK(looked.error().kind == ErrorKind::NotFound);
    }
}

TEST_CASE("RuntimeReservation over the windows backend releases its token on destruction")
{
    FakeWindows windows;
    WindowsBackend backend(windows.api());
    {
        auto reservation = RuntimeReservation::acquire(
            backend, SocketSpec::forProtocol(Protocol::Tcp), PortRange{5000, 10});
        REQUIRE(reservation.ok());
        CHECK(reservation->token() == 0xA1B2C3D4E5F6ULL);
    }
    REQUIRE(windows.ioctls.size() == 2);
    CHECK(windows.ioctls[1].code == w::kSioReleasePortReservation);
    CHECK(windows.open.empty()); // and closes its socket
}

// --- errors ------------------------------------------------------------------------------------

namespace {
struct CodeCase
{
    std::int64_t code;
    ErrorKind kind;
    const char* name;
};
} // namespace

TEST_CASE("every documented iphlpapi result maps to its kind and symbolic name")
{
    const CodeCase cases[] = {
        {native::kErrorAccessDenied, ErrorKind::AccessDenied, "ERROR_ACCESS_DENIED"},
        {native::kErrorInvalidParameter, ErrorKind::InvalidArgument, "ERROR_INVALID_PARAMETER"},
        {native::kErrorSharingViolation, ErrorKind::Conflict, "ERROR_SHARING_VIOLATION"},
        {native::kErrorNotFound, ErrorKind::NotFound, "ERROR_NOT_FOUND"},
    };
    for (const auto& c : cases) {
        CAPTURE(c.name);
        FakeWindows windows;
        windows.reserveAnswer = static_cast<std::uint32_t>(c.code);
        WindowsBackend backend(windows.api());
        for (Protocol protocol : {Protocol::Tcp, Protocol::Udp}) {
            const Error errors[] = {
                backend.createPersistent(protocol, PortRange{5000, 10}).error(),
                backend.lookupPersistent(protocol, PortRange{5000, 10}).error(),
                backend.deletePersistent(protocol, PortRange{5000, 10}).error(),
            };
            for (const Error& error : errors) {
                CHECK(error.kind == c.kind);
                CHECK(error.code == c.code);
                CHECK(error.name == c.name);
                // The sentence is the system's own (FormatMessage), after the call it answers.
                CHECK_MESSAGE(contains(error.message, "PortReservation(start 5000, count 10): "
                                                      "System text for " +
                                                          std::to_string(c.code) + "."),
                              error.message);
            }
        }
    }
}

TEST_CASE("NO_ERROR is success for every persistent call")
{
    FakeWindows windows;
    WindowsBackend backend(windows.api());
    for (Protocol protocol : {Protocol::Tcp, Protocol::Udp}) {
        CHECK(backend.createPersistent(protocol, PortRange{6000, 5}).ok());
        CHECK(backend.lookupPersistent(protocol, PortRange{6000, 5}).ok());
        CHECK(backend.deletePersistent(protocol, PortRange{6000, 5}).ok());
    }
}

TEST_CASE("every documented IOCTL error maps to its kind and symbolic name")
{
    const CodeCase cases[] = {
        {native::kWsaEinval, ErrorKind::InvalidArgument, "WSAEINVAL"},
        {native::kWsaEopnotsupp, ErrorKind::Unsupported, "WSAEOPNOTSUPP"},
        {native::kWsaEfault, ErrorKind::InvalidArgument, "WSAEFAULT"},
        {native::kWsaEinprogress, ErrorKind::Unavailable, "WSAEINPROGRESS"},
        {native::kWsaEintr, ErrorKind::Interrupted, "WSAEINTR"},
        {native::kWsaEnetdown, ErrorKind::Unavailable, "WSAENETDOWN"},
        {native::kWsaEnotsock, ErrorKind::InvalidArgument, "WSAENOTSOCK"},
        {native::kWsaIoPending, ErrorKind::Unavailable, "WSA_IO_PENDING"},
        {native::kWsaOperationAborted, ErrorKind::Cancelled, "WSA_OPERATION_ABORTED"},
        {native::kWsaEacces, ErrorKind::AccessDenied, "WSAEACCES"},     // persistent token
        {native::kWsaEaddrinuse, ErrorKind::Conflict, "WSAEADDRINUSE"}, // overlaps persistent
    };
    for (const auto& c : cases) {
        CAPTURE(c.name);
        FakeWindows windows;
        windows.ioctlError = static_cast<int>(c.code);
        WindowsBackend backend(windows.api());
        auto socket = openTcp(backend);
        const Error errors[] = {
            socket->acquireReservation(PortRange{5000, 10}).error(),
            socket->associateReservation(0x42).error(),
            socket->releaseReservation(0x42).error(),
        };
        for (const Error& error : errors) {
            CHECK(error.kind == c.kind);
            CHECK(error.code == c.code);
            CHECK(error.name == c.name);
            CHECK_MESSAGE(contains(error.message, "System text for " + std::to_string(c.code)),
                          error.message);
        }
    }
}

TEST_CASE("WSAEOPNOTSUPP from the IOCTLs says the system cannot do it")
{
    FakeWindows windows;
    windows.ioctlError = static_cast<int>(native::kWsaEopnotsupp);
    WindowsBackend backend(windows.api());
    auto socket = openTcp(backend);
    auto block = socket->acquireReservation(PortRange{5000, 10});
    REQUIRE_FALSE(block.ok());
    CHECK(block.error().kind == ErrorKind::Unsupported);
    CHECK(block.error().message ==
          "SIO_ACQUIRE_PORT_RESERVATION(start 5000, count 10): not supported on this system "
          "(System text for 10045.)");
}

TEST_CASE("without the iphlpapi functions every persistent call is Unsupported")
{
    FakeWindows windows;
    WindowsBackend backend(windows.api(/*withPersistent=*/false));
    for (Protocol protocol : {Protocol::Tcp, Protocol::Udp}) {
        const Error errors[] = {
            backend.createPersistent(protocol, PortRange{5000, 10}).error(),
            backend.lookupPersistent(protocol, PortRange{5000, 10}).error(),
            backend.deletePersistent(protocol, PortRange{5000, 10}).error(),
        };
        for (const Error& error : errors) {
            CHECK(error.kind == ErrorKind::Unsupported);
            CHECK(error.code == native::kErrorProcNotFound);
            CHECK(error.name == "ERROR_PROC_NOT_FOUND");
            CHECK_MESSAGE(contains(error.message, "not supported on this system (iphlpapi.dll "
                                                  "has no "),
                          error.message);
        }
    }
    CHECK_FALSE(backend.capabilities().persistentReservations);
    CHECK_FALSE(backend.capabilities().persistentTokens);
}

TEST_CASE("a present function that answers ERROR_CALL_NOT_IMPLEMENTED is Unsupported too")
{
    FakeWindows windows;
    windows.reserveAnswer = native::kErrorCallNotImplemented;
    WindowsBackend backend(windows.api());
    auto created = backend.createPersistent(Protocol::Udp, PortRange{5000, 10});
    REQUIRE_FALSE(created.ok());
    CHECK(created.error().kind == ErrorKind::Unsupported);
    CHECK(created.error().name == "ERROR_CALL_NOT_IMPLEMENTED");
    CHECK(created.error().message ==
          "CreatePersistentUdpPortReservation(start 5000, count 10): not supported on this "
          "system (System text for 120.)");
}

TEST_CASE("without a system text the English one from nativecodes is used")
{
    FakeWindows windows;
    windows.reserveAnswer = native::kErrorSharingViolation;
    Win32Api api = windows.api();
    api.formatMessage = [](std::uint32_t) { return std::string(); };
    WindowsBackend backend(std::move(api));
    auto created = backend.createPersistent(Protocol::Tcp, PortRange{5000, 10});
    REQUIRE_FALSE(created.ok());
    CHECK(created.error().message ==
          "CreatePersistentTcpPortReservation(start 5000, count 10): The process cannot access "
          "the file because it is being used by another process.");
}

// --- restarting elevated: ShellExecuteExW "runas" ---------------------------------------------

TEST_CASE("restarting elevated runs the same program with runas and the arguments quoted")
{
    struct Case
    {
        std::vector<std::string> arguments;
        std::string parameters; // as CommandLineToArgvW must read them back
    };
    const Case cases[] = {
        {{}, ""},
        {{"--scenario", "developer"}, "--scenario developer"},
        {{"--db", "C:\\Users\\Ana Lima\\portolan.sqlite"},
         "--db \"C:\\Users\\Ana Lima\\portolan.sqlite\""},
        {{""}, "\"\""},
        {{"say \"hi\""}, "\"say \\\"hi\\\"\""},
        {{"C:\\dir with space\\"}, "\"C:\\dir with space\\\\\""},
        {{"a\\\\b", "a\\\"b"}, "a\\\\b \"a\\\\\\\"b\""},
        {{"Relatório São Paulo"}, "\"Relatório São Paulo\""},
    };
    for (const Case& c : cases) {
        CAPTURE(c.parameters);
        FakeWindows windows;
        WindowsBackend backend(windows.api());
        const auto done =
            backend.restartElevated("C:\\Program Files\\Portolan\\portolan.exe", c.arguments);
        CHECK_MESSAGE(done.ok(), why(done));
        REQUIRE(windows.shellCalls.size() == 1);
        CHECK(windows.shellCalls[0] ==
              FakeWindows::ShellCall{"C:\\Program Files\\Portolan\\portolan.exe", "runas",
                                     c.parameters});
    }
}

TEST_CASE("a declined UAC prompt or no elevated process keeps this one running")
{
    FakeWindows windows;
    WindowsBackend backend(windows.api());

    windows.shellAnswer = {w::kErrorCancelled, false};
    auto declined = backend.restartElevated("portolan.exe", {"--lang", "pt_BR"});
    REQUIRE_FALSE(declined.ok());
    CHECK(declined.error().kind == ErrorKind::Cancelled);
    CHECK(declined.error().name == "ERROR_CANCELLED");
    CHECK(declined.error().message.find("declined") != std::string::npos);

    windows.shellAnswer = {0, false}; // accepted, but no process handle came back
    auto noProcess = backend.restartElevated("portolan.exe", {});
    REQUIRE_FALSE(noProcess.ok());
    CHECK(noProcess.error().message.find("no elevated process") != std::string::npos);

    windows.shellAnswer = {std::uint32_t(native::kErrorAccessDenied), false};
    auto refused = backend.restartElevated("portolan.exe", {});
    REQUIRE_FALSE(refused.ok());
    CHECK(refused.error().name == "ERROR_ACCESS_DENIED");
    CHECK(refused.error().message.find("ShellExecuteEx(runas)") != std::string::npos);
    CHECK(windows.shellCalls.size() == 3);
}

TEST_CASE("without ShellExecuteExW restarting elevated is Unsupported and calls nothing")
{
    FakeWindows windows;
    Win32Api api = windows.api();
    api.shellExecute = nullptr;
    WindowsBackend backend(std::move(api));
    auto done = backend.restartElevated("portolan.exe", {});
    REQUIRE_FALSE(done.ok());
    CHECK(done.error().kind == ErrorKind::Unsupported);
    CHECK(windows.shellCalls.empty());
}

// --- the system's name and version -----------------------------------------------------------

TEST_CASE("the system is named by RtlGetVersion's build and the registry's ProductName")
{
    FakeWindows windows;
    const std::u16string product = u"Windows 10 Pro";
    std::vector<std::uint8_t> data;
    for (char16_t c : product + u'\0') {
        data.push_back(std::uint8_t(c & 0xff));
        data.push_back(std::uint8_t(c >> 8));
    }
    windows.registry["SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion"] = {
        {"ProductName", 1, data}};
    auto api = windows.api();
    api.osVersion = [](w::OsVersion& out) {
        out = {10, 0, 22631};
        return true;
    };
    // Windows 11 keeps "Windows 10" in ProductName; its build tells them apart.
    CHECK(WindowsBackend(api).osInfo() == OsInfo{"windows", "Windows 11 Pro", "10.0.22631"});
    api.osVersion = [](w::OsVersion& out) {
        out = {10, 0, 19045};
        return true;
    };
    CHECK(WindowsBackend(api).osInfo() == OsInfo{"windows", "Windows 10 Pro", "10.0.19045"});
    // Without RtlGetVersion and the registry it is still Windows, version unknown.
    api.osVersion = nullptr;
    api.readRegistryValues = nullptr;
    CHECK(WindowsBackend(api).osInfo() == OsInfo{"windows", "Windows", ""});
}
