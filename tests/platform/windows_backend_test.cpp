// SPDX-License-Identifier: GPL-3.0-or-later
// WindowsBackend against a scripted Win32Api: what it passes to Windows, byte for byte, and
// what it makes of every answer Windows documents. Runs natively and under Wine alike.
#include "platform/inetaddress.h"
#include "platform/nativecodes.h"
#include "platform/windows/windowsbackend.h"

#include <doctest/doctest.h>

#include <cstring>
#include <map>
#include <mutex>
#include <set>
#include <string>
#include <vector>

using namespace portolan;
namespace w = portolan::win32;

namespace {

// The error of a result for a failure message; empty when it succeeded (doctest evaluates
// the message even on success when asked to log successes, -s).
template <typename R> std::string why(const R& result)
{
    return result.ok() ? std::string() : result.error().describe();
}

thread_local int t_lastError = 0; // WSAGetLastError is per thread

std::vector<std::uint8_t> bytesOf(const void* data, std::size_t size)
{
    const auto* p = static_cast<const std::uint8_t*>(data);
    return std::vector<std::uint8_t>(p, p + size);
}

// A Windows that records every call and answers as scripted. Its persistent-reservation
// functions keep real state, reading the start port the way Windows does (network order).
class FakeWindows
{
public:
    struct ReserveCall
    {
        std::string function;
        std::uint16_t startPort; // as passed
        std::uint16_t numberOfPorts;
        friend bool operator==(const ReserveCall&, const ReserveCall&) = default;
    };
    struct IoctlCall
    {
        w::SocketHandle socket;
        std::uint32_t code;
        std::vector<std::uint8_t> in;
        std::uint32_t outSize;
        bool outNull;
    };
    struct BindCall
    {
        w::SocketHandle socket;
        std::vector<std::uint8_t> address;
    };

    // Scripted answers.
    std::uint32_t reserveAnswer = 0; // the Win32 code the six functions return
    std::uint64_t nextToken = 0x1122334455667788ULL;
    int ioctlError = 0; // WSA code for every IOCTL; 0 = success
    w::InetPortReservationInstance acquireAnswer{{hostToNetwork(50100), 10}, 0xA1B2C3D4E5F6ULL};
    std::map<std::uint16_t, int> bindErrors; // port -> WSA code
    int socketError = 0;                     // socket() fails with this when set
    w::ProcessOutput netshAnswer;
    std::map<std::string, std::string> netshOutputs; // last argument -> output
    std::uint32_t registryError = 0;
    std::map<std::string, std::vector<w::RegistryValue>> registry;
    std::vector<std::uint8_t> tcp4, tcp6, udp4, udp6; // GetExtended*Table answers

    // Recorded calls.
    std::vector<ReserveCall> reserveCalls;
    std::vector<IoctlCall> ioctls;
    std::vector<BindCall> binds;
    std::vector<std::vector<std::string>> netshCalls;
    std::set<w::SocketHandle> open;
    int closed = 0;

    // What Windows holds after the calls: (function protocol, start as Windows read it, count).
    std::map<std::pair<std::string, std::pair<std::uint16_t, std::uint16_t>>, std::uint64_t>
        reserved;

    Win32Api api(bool withPersistent = true)
    {
        Win32Api api;
        if (withPersistent) {
            api.createPersistentTcpPortReservation = reserve("CreatePersistentTcpPortReservation");
            api.createPersistentUdpPortReservation = reserve("CreatePersistentUdpPortReservation");
            api.lookupPersistentTcpPortReservation = reserve("LookupPersistentTcpPortReservation");
            api.lookupPersistentUdpPortReservation = reserve("LookupPersistentUdpPortReservation");
            api.deletePersistentTcpPortReservation = remove("DeletePersistentTcpPortReservation");
            api.deletePersistentUdpPortReservation = remove("DeletePersistentUdpPortReservation");
        }
        api.socket = [this](int, int, int) -> w::SocketHandle {
            std::lock_guard lock(m_mutex);
            if (socketError != 0) {
                t_lastError = socketError;
                return w::kInvalidSocket;
            }
            const w::SocketHandle handle = m_nextSocket++;
            open.insert(handle);
            return handle;
        };
        api.closeSocket = [this](w::SocketHandle handle) {
            std::lock_guard lock(m_mutex);
            open.erase(handle);
            ++closed;
            return 0;
        };
        api.bind = [this](w::SocketHandle handle, const void* address, int length) {
            std::lock_guard lock(m_mutex);
            binds.push_back({handle, bytesOf(address, static_cast<std::size_t>(length))});
            const auto* bytes = static_cast<const std::uint8_t*>(address);
            const auto port = static_cast<std::uint16_t>((bytes[2] << 8) | bytes[3]);
            if (auto found = bindErrors.find(port); found != bindErrors.end()) {
                t_lastError = found->second;
                return w::kSocketError;
            }
            m_bound[handle] = std::vector<std::uint8_t>(bytes, bytes + length);
            if (port == 0) { // the system picks one
                m_bound[handle][2] = 0xc3;
                m_bound[handle][3] = 0x51; // 50001
            }
            return 0;
        };
        api.getSockName = [this](w::SocketHandle handle, void* address, int* length) {
            std::lock_guard lock(m_mutex);
            const auto& bound = m_bound[handle];
            std::memcpy(address, bound.data(), bound.size());
            *length = static_cast<int>(bound.size());
            return 0;
        };
        api.wsaIoctl = [this](w::SocketHandle handle, std::uint32_t code, const void* in,
                              std::uint32_t inSize, void* out, std::uint32_t outSize,
                              std::uint32_t* returned) {
            std::lock_guard lock(m_mutex);
            ioctls.push_back({handle, code, bytesOf(in, inSize), outSize, out == nullptr});
            if (ioctlError != 0) {
                t_lastError = ioctlError;
                return w::kSocketError;
            }
            if (code == w::kSioAcquirePortReservation && out) {
                std::memcpy(out, &acquireAnswer, sizeof acquireAnswer);
                *returned = sizeof acquireAnswer;
            }
            return 0;
        };
        api.wsaGetLastError = [] { return t_lastError; };
        api.getExtendedTcpTable = [this](void* table, std::uint32_t* size, int family,
                                         std::uint32_t tableClass) {
            CHECK(tableClass == w::kTcpTableOwnerPidAll);
            return answerTable(family == w::kAfInet ? tcp4 : tcp6, table, size);
        };
        api.getExtendedUdpTable = [this](void* table, std::uint32_t* size, int family,
                                         std::uint32_t tableClass) {
            CHECK(tableClass == w::kUdpTableOwnerPid);
            return answerTable(family == w::kAfInet ? udp4 : udp6, table, size);
        };
        api.processImageName = [](std::uint32_t pid) {
            return pid == 100 ? std::string("node.exe") : std::string();
        };
        api.isElevated = [] { return true; };
        api.tickCount64 = [] { return std::uint64_t(3'600'000); };       // up one hour
        api.unixTimeMs = [] { return std::int64_t(1'700'000'000'400); }; // 2023-11-14
        api.hostName = [] { return std::string("DEVBOX"); };
        api.formatMessage = [](std::uint32_t code) {
            return "System text for " + std::to_string(code) + ".\r\n";
        };
        api.readRegistryValues = [this](std::string_view key, std::vector<w::RegistryValue>& out) {
            if (registryError != 0)
                return registryError;
            out = registry[std::string(key)];
            return std::uint32_t(0);
        };
        api.runNetsh = [this](const std::vector<std::string>& arguments) {
            std::lock_guard lock(m_mutex);
            netshCalls.push_back(arguments);
            w::ProcessOutput answer = netshAnswer;
            if (auto found = netshOutputs.find(arguments.back()); found != netshOutputs.end())
                answer.output = found->second;
            return answer;
        };
        return api;
    }

private:
    Win32Api::ReserveFunction reserve(std::string function)
    {
        return [this, function](std::uint16_t start, std::uint16_t count, std::uint64_t* token) {
            std::lock_guard lock(m_mutex);
            reserveCalls.push_back({function, start, count});
            if (reserveAnswer != 0)
                return reserveAnswer;
            // Windows reads the start port in network order.
            const auto key = std::pair(function.substr(function.find("Persistent") + 10, 3),
                                       std::pair(networkToHost(start), count));
            if (function.rfind("Create", 0) == 0) {
                reserved[key] = nextToken;
                *token = nextToken;
                return std::uint32_t(0);
            }
            auto found = reserved.find(key);
            if (found == reserved.end())
                return std::uint32_t(native::kErrorNotFound);
            *token = found->second;
            return std::uint32_t(0);
        };
    }

    Win32Api::DeleteFunction remove(std::string function)
    {
        return [this, function](std::uint16_t start, std::uint16_t count) {
            std::lock_guard lock(m_mutex);
            reserveCalls.push_back({function, start, count});
            if (reserveAnswer != 0)
                return reserveAnswer;
            const auto key = std::pair(function.substr(function.find("Persistent") + 10, 3),
                                       std::pair(networkToHost(start), count));
            return std::uint32_t(reserved.erase(key) ? 0 : native::kErrorNotFound);
        };
    }

    static std::uint32_t answerTable(const std::vector<std::uint8_t>& table, void* out,
                                     std::uint32_t* size)
    {
        if (!out || *size < table.size()) {
            *size = static_cast<std::uint32_t>(table.size());
            return w::kErrorInsufficientBuffer;
        }
        std::memcpy(out, table.data(), table.size());
        return 0;
    }

    std::mutex m_mutex;
    w::SocketHandle m_nextSocket = 0x100;
    std::map<w::SocketHandle, std::vector<std::uint8_t>> m_bound;
};

template <typename Row> std::vector<std::uint8_t> table(const std::vector<Row>& rows)
{
    std::vector<std::uint8_t> bytes(w::kTableRowsOffset + rows.size() * sizeof(Row));
    const auto count = static_cast<std::uint32_t>(rows.size());
    std::memcpy(bytes.data(), &count, sizeof count);
    if (!rows.empty())
        std::memcpy(bytes.data() + w::kTableRowsOffset, rows.data(), rows.size() * sizeof(Row));
    return bytes;
}

// A port as the tables store it: network order in the first two bytes of a DWORD.
void setPort(std::uint8_t* field, std::uint16_t port)
{
    field[0] = static_cast<std::uint8_t>(port >> 8);
    field[1] = static_cast<std::uint8_t>(port & 0xff);
    field[2] = field[3] = 0;
}

std::unique_ptr<Socket> openTcp(Backend& backend)
{
    auto socket = backend.openSocket(SocketSpec::forProtocol(Protocol::Tcp));
    REQUIRE(socket.ok());
    return std::move(socket.value());
}

bool contains(const std::string& text, const std::string& part)
{
    return text.find(part) != std::string::npos;
}

} // namespace

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

// --- bind probes and scans -------------------------------------------------------------------

TEST_CASE("bind probes classify Winsock's answers")
{
    FakeWindows windows;
    windows.bindErrors = {{5001, static_cast<int>(native::kWsaEaddrinuse)},
                          {5002, static_cast<int>(native::kWsaEacces)},
                          {5003, static_cast<int>(native::kWsaEaddrnotavail)}};
    WindowsBackend backend(windows.api());
    struct Case
    {
        std::uint16_t port;
        BindOutcome outcome;
        const char* name;
    };
    const Case cases[] = {
        {5000, BindOutcome::Free, ""},
        {5001, BindOutcome::InUse, "WSAEADDRINUSE"}, // 10048
        // 10013 with no reservation known to cover the port: another account's or an
        // exclusive socket (docs/windows-semantics.md#bind-errors), not a reservation.
        {5002, BindOutcome::Denied, "WSAEACCES"},
        {5003, BindOutcome::Other, "WSAEADDRNOTAVAIL"},
    };
    for (const auto& c : cases) {
        CAPTURE(c.port);
        const auto result =
            backend.bindProbe(BindTarget{Protocol::Tcp, AddressFamily::IPv4, "127.0.0.1", c.port});
        CHECK(result.outcome == c.outcome);
        if (c.outcome == BindOutcome::Free) {
            CHECK(result.boundPort == c.port);
        } else {
            REQUIRE(result.error.has_value());
            CHECK(result.error->name == c.name);
        }
    }
    CHECK(windows.open.empty()); // every probe socket closed again
}

TEST_CASE("a bind refused inside a runtime block netsh lists is forbidden, naming the block")
{
    FakeWindows windows;
    windows.netshOutputs["protocol=tcp"] =
        "\nProtocol tcp Port Exclusion Ranges\n\nStart Port    End Port\n"
        "----------    --------\n     49671       49770\n\n* - Administered port exclusions.\n";
    windows.bindErrors = {{49700, static_cast<int>(native::kWsaEacces)},
                          {5002, static_cast<int>(native::kWsaEacces)}};
    WindowsBackend backend(windows.api());
    const auto inside =
        backend.bindProbe(BindTarget{Protocol::Tcp, AddressFamily::IPv4, "127.0.0.1", 49700});
    CHECK(inside.outcome == BindOutcome::Forbidden);
    CHECK_FALSE(inside.holder.owner.empty());
    CHECK(inside.holder.pid == -1);
    const auto outside =
        backend.bindProbe(BindTarget{Protocol::Tcp, AddressFamily::IPv4, "127.0.0.1", 5002});
    CHECK(outside.outcome == BindOutcome::Denied);
    CHECK(outside.holder.owner.empty());
}

TEST_CASE("bind passes a SOCKADDR_IN in network order")
{
    FakeWindows windows;
    WindowsBackend backend(windows.api());
    auto socket = openTcp(backend);
    REQUIRE(socket->bind("127.0.0.1", 5000).ok());
    REQUIRE(windows.binds.size() == 1);
    const std::vector<std::uint8_t> expected{2, 0, 0x13, 0x88, 127, 0, 0, 1,
                                             0, 0, 0,    0,    0,   0, 0, 0};
    CHECK(windows.binds[0].address == expected);
    auto port = socket->localPort();
    REQUIRE(port.ok());
    CHECK(port.value() == 5000);
}

TEST_CASE("bind to port 0 reports the port the system chose")
{
    FakeWindows windows;
    WindowsBackend backend(windows.api());
    auto socket = openTcp(backend);
    REQUIRE(socket->bind("0.0.0.0", 0).ok());
    CHECK(socket->localPort().value() == 50001);
}

TEST_CASE("bind on an IPv6 socket passes a SOCKADDR_IN6 with Windows' AF_INET6 (23)")
{
    FakeWindows windows;
    WindowsBackend backend(windows.api());
    auto socket = backend.openSocket(SocketSpec::forProtocol(Protocol::Tcp, AddressFamily::IPv6));
    REQUIRE(socket.ok());
    REQUIRE(socket.value()->bind("::1", 5000).ok());
    const auto& address = windows.binds.at(0).address;
    REQUIRE(address.size() == 28);
    CHECK(address[0] == 23);
    CHECK(address[1] == 0);
    CHECK(address[2] == 0x13);
    CHECK(address[3] == 0x88);
    CHECK(address[23] == 1); // ::1
}

TEST_CASE("an address the socket's family cannot take is refused before Winsock sees it")
{
    FakeWindows windows;
    WindowsBackend backend(windows.api());
    auto v4 = openTcp(backend);
    for (const char* address : {"localhost", "::1", "127.0.0.256", "127.0.0.01", "1.2.3"}) {
        CAPTURE(address);
        auto bound = v4->bind(address, 5000);
        REQUIRE_FALSE(bound.ok());
        CHECK(bound.error().kind == ErrorKind::InvalidArgument);
    }
    auto v6 = backend.openSocket(SocketSpec::forProtocol(Protocol::Tcp, AddressFamily::IPv6));
    REQUIRE(v6.ok());
    for (const char* address : {"127.0.0.1", "1::2::3", "fe80::1%3", "12345::1"}) {
        CAPTURE(address);
        CHECK_FALSE(v6.value()->bind(address, 5000).ok());
    }
    CHECK(windows.binds.empty());
}

TEST_CASE("a socket that cannot be opened reports Winsock's error")
{
    FakeWindows windows;
    windows.socketError = static_cast<int>(native::kWsaEafnosupport);
    WindowsBackend backend(windows.api());
    auto socket = backend.openSocket(SocketSpec::forProtocol(Protocol::Tcp, AddressFamily::IPv6));
    REQUIRE_FALSE(socket.ok());
    CHECK(socket.error().name == "WSAEAFNOSUPPORT");
    CHECK(socket.error().kind == ErrorKind::Unsupported);
}

TEST_CASE("a scan folds the probes into runs")
{
    FakeWindows windows;
    windows.bindErrors = {{5003, static_cast<int>(native::kWsaEaddrinuse)},
                          {5004, static_cast<int>(native::kWsaEacces)},
                          {5005, static_cast<int>(native::kWsaEacces)}};
    WindowsBackend backend(windows.api());
    ScanRequest request;
    request.first = 5000;
    request.last = 5009;
    request.threads = 3;
    auto result = backend.scan(request, {}, {});
    REQUIRE(result.ok());
    REQUIRE(result->runs.size() == 4);
    CHECK(result->runs[0].first == 5000);
    CHECK(result->runs[0].last == 5002);
    CHECK(result->runs[0].outcome == BindOutcome::Free);
    CHECK(result->runs[1].first == 5003);
    CHECK(result->runs[1].outcome == BindOutcome::InUse);
    CHECK(result->runs[1].code == 10048);
    CHECK(result->runs[2].first == 5004);
    CHECK(result->runs[2].last == 5005);
    CHECK(result->runs[2].outcome == BindOutcome::Denied); // no reservation covers them
    CHECK(result->runs[2].codeName == "WSAEACCES");
    CHECK(result->runs[3].first == 5006);
    CHECK(result->runs[3].last == 5009);
    CHECK(windows.open.empty());
}

// --- listeners ---------------------------------------------------------------------------------

TEST_CASE("listeners: LISTEN TCP and all UDP endpoints, ports out of network order")
{
    FakeWindows windows;
    w::MibTcpRowOwnerPid listening{};
    listening.state = w::kMibTcpStateListen;
    const std::uint8_t loopback[4] = {127, 0, 0, 1};
    std::memcpy(listening.localAddress, loopback, 4);
    setPort(listening.localPort, 5000);
    listening.owningPid = 100;
    w::MibTcpRowOwnerPid established = listening;
    established.state = 5; // MIB_TCP_STATE_ESTAB
    setPort(established.localPort, 5555);
    windows.tcp4 = table(std::vector{listening, established});

    w::MibTcp6RowOwnerPid listening6{};
    listening6.state = w::kMibTcpStateListen;
    setPort(listening6.localPort, 5001);
    listening6.owningPid = 200;
    windows.tcp6 = table(std::vector{listening6});

    w::MibUdpRowOwnerPid dns{};
    setPort(dns.localPort, 53);
    dns.owningPid = 0; // unknown owner, as Wine reports the host's sockets
    windows.udp4 = table(std::vector{dns});
    windows.udp6 = table(std::vector<w::MibUdp6RowOwnerPid>{});

    WindowsBackend backend(windows.api());
    auto all = backend.listeners(std::nullopt);
    REQUIRE_MESSAGE(all.ok(), why(all));
    REQUIRE(all->size() == 3);
    const Listener& tcp = all->at(0);
    CHECK(tcp.protocol == Protocol::Tcp);
    CHECK(tcp.address == "127.0.0.1");
    CHECK(tcp.port == 5000);
    CHECK(tcp.pid == 100);
    CHECK(tcp.process == "node.exe");
    const Listener& tcp6 = all->at(1);
    CHECK(tcp6.family == AddressFamily::IPv6);
    CHECK(tcp6.address == "::");
    CHECK(tcp6.port == 5001);
    CHECK(tcp6.process.empty());
    const Listener& udp = all->at(2);
    CHECK(udp.protocol == Protocol::Udp);
    CHECK(udp.address == "0.0.0.0");
    CHECK(udp.port == 53);
    CHECK(udp.pid == -1);
    CHECK(udp.process.empty());

    auto udpOnly = backend.listeners(Protocol::Udp);
    REQUIRE(udpOnly.ok());
    CHECK(udpOnly->size() == 1);
}

TEST_CASE("a table whose row count exceeds its buffer is an error, not a read past the end")
{
    FakeWindows windows;
    auto bytes = table(std::vector<w::MibTcpRowOwnerPid>(1));
    const std::uint32_t lie = 1000;
    std::memcpy(bytes.data(), &lie, sizeof lie);
    windows.tcp4 = bytes;
    WindowsBackend backend(windows.api());
    auto all = backend.listeners(Protocol::Tcp);
    REQUIRE_FALSE(all.ok());
    CHECK(all.error().kind == ErrorKind::Internal);
}

// --- discovery: registry and netsh -----------------------------------------------------------

TEST_CASE("registry value names decode as start (network order) and count (little endian)")
{
    struct Case
    {
        const char* name;
        std::optional<PortRange> range;
    };
    const Case cases[] = {
        {"cc570100", PortRange{52311, 1}}, // the BigFix forum's example
        {"CC570100", PortRange{52311, 1}},
        {"13886400", PortRange{5000, 100}},
        {"ffff0100", PortRange{65535, 1}},
        {"00010000", std::nullopt}, // 0 ports
        {"00000100", std::nullopt}, // port 0
        {"ffff0200", std::nullopt}, // runs past 65535
        {"cc5701", std::nullopt},
        {"cc57010000", std::nullopt},
        {"zz570100", std::nullopt},
        {"VariableId", std::nullopt},
        {"", std::nullopt},
    };
    for (const auto& c : cases) {
        CAPTURE(c.name);
        CHECK(WindowsBackend::parseRegistryValueName(c.name) == c.range);
    }
}

namespace {
const char* const kExcludedTcp = "\nProtocol tcp Port Exclusion Ranges\n\nStart Port    End Port\n"
                                 "----------    --------\n      5000        5009     *\n"
                                 "     49671       49770\n\n* - Administered port exclusions.\n";
} // namespace

TEST_CASE("listReservations: persistent blocks from the registry with tokens, runtime from netsh")
{
    FakeWindows windows;
    windows.registry[std::string(WindowsBackend::registryKey(Protocol::Tcp))] = {
        {"13880a00", 3, {0x12, 0x00, 0xff, 0xff}}, // 5000, 10 ports
        {"VariableId", 1, {}},                     // not a reservation
    };
    windows.netshOutputs["protocol=tcp"] = kExcludedTcp;
    WindowsBackend backend(windows.api());
    REQUIRE(backend.createPersistent(Protocol::Tcp, PortRange{5000, 10}).ok());

    auto blocks = backend.listReservations(Protocol::Tcp);
    REQUIRE_MESSAGE(blocks.ok(), why(blocks));
    REQUIRE(blocks->size() == 2);
    CHECK(blocks->at(0) == ReservedBlock{Protocol::Tcp, {5000, 10}, true, windows.nextToken, {}});
    CHECK(blocks->at(1) == ReservedBlock{Protocol::Tcp, {49671, 100}, false, kNoToken, {}});
    // The token was looked up with the start port in network order.
    CHECK(windows.reserveCalls.back() ==
          FakeWindows::ReserveCall{"LookupPersistentTcpPortReservation", 0x8813, 10});
    REQUIRE(windows.netshCalls.size() == 1);
    CHECK(windows.netshCalls[0] ==
          std::vector<std::string>{"int", "ipv4", "show", "excludedportrange", "protocol=tcp"});
}

TEST_CASE("listReservations falls back on netsh's '*' rows when the registry is unreadable")
{
    FakeWindows windows;
    windows.registryError = w::kErrorFileNotFound;
    windows.netshOutputs["protocol=tcp"] = kExcludedTcp;
    windows.netshOutputs["protocol=udp"] =
        "Start Port    End Port\n----------    --------\n\n* - Administered port exclusions.\n";
    WindowsBackend backend(windows.api());
    auto blocks = backend.listReservations(std::nullopt);
    REQUIRE_MESSAGE(blocks.ok(), why(blocks));
    REQUIRE(blocks->size() == 2);
    CHECK(blocks->at(0).range == PortRange{5000, 10});
    CHECK(blocks->at(0).persistent);
    CHECK(blocks->at(0).token == kNoToken); // nothing was created through the fake
    CHECK(blocks->at(1).range == PortRange{49671, 100});
    CHECK_FALSE(blocks->at(1).persistent);
}

TEST_CASE("with neither the registry nor netsh (Wine) listReservations is Unsupported")
{
    FakeWindows windows;
    windows.registryError = w::kErrorFileNotFound;
    windows.netshAnswer.output = ""; // Wine's netsh prints nothing and exits 0
    WindowsBackend backend(windows.api());
    auto blocks = backend.listReservations(Protocol::Udp);
    REQUIRE_FALSE(blocks.ok());
    CHECK(blocks.error().kind == ErrorKind::Unsupported);
    CHECK_MESSAGE(contains(blocks.error().message, "not supported on this system"),
                  blocks.error().message);
    CHECK_MESSAGE(contains(blocks.error().message, "netsh printed nothing"),
                  blocks.error().message);
}

TEST_CASE("dynamicRange runs netsh with fixed arguments and reads its two numbers")
{
    FakeWindows windows;
    windows.netshOutputs["udp"] = "\nProtocol udp Dynamic Port Range\n"
                                  "---------------------------------\n"
                                  "Start Port      : 49152\nNumber of Ports : 16384\n";
    WindowsBackend backend(windows.api());
    auto range = backend.dynamicRange(Protocol::Udp);
    REQUIRE_MESSAGE(range.ok(), why(range));
    CHECK(range.value() == PortRange{49152, 16384});
    CHECK(windows.netshCalls.at(0) ==
          std::vector<std::string>{"int", "ipv4", "show", "dynamicport", "udp"});
}

TEST_CASE("dynamicRange is Unsupported whenever netsh cannot tell")
{
    struct Case
    {
        const char* name;
        w::ProcessOutput answer;
        const char* why;
    };
    const Case cases[] = {
        {"netsh missing", {w::kErrorFileNotFound, 0, ""}, "netsh could not be run: System text"},
        {"netsh failed",
         {0, 1, "The following command was not found: int ipv4.\r\n"},
         "netsh exited with code 1: The following command was not found"},
        {"netsh printed nothing (Wine)", {0, 0, "\r\n"}, "netsh printed nothing"},
        {"unreadable output", {0, 0, "Ok.\r\n"}, "its output could not be read: line 1"},
    };
    for (const auto& c : cases) {
        SUBCASE(c.name)
        {
            FakeWindows windows;
            windows.netshAnswer = c.answer;
            WindowsBackend backend(windows.api());
            auto range = backend.dynamicRange(Protocol::Tcp);
            REQUIRE_FALSE(range.ok());
            CHECK(range.error().kind == ErrorKind::Unsupported);
            CHECK_MESSAGE(contains(range.error().message, "not supported on this system ("),
                          range.error().message);
            CHECK_MESSAGE(contains(range.error().message, c.why), range.error().message);
        }
    }
}

// --- machine facts and capabilities ----------------------------------------------------------

TEST_CASE("boot time is now minus the tick count, to the second")
{
    FakeWindows windows;
    WindowsBackend backend(windows.api());
    auto boot = backend.bootTime();
    REQUIRE(boot.ok());
    CHECK(boot.value() == 1'699'996'400); // 1'700'000'000.4 s - 3600 s
    CHECK(backend.hostName() == "DEVBOX");
    CHECK(backend.isElevated());
    CHECK(backend.name() == "windows");
}

TEST_CASE("capabilities follow what the system answers")
{
    SUBCASE("a full Windows")
    {
        FakeWindows windows;
        windows.ioctlError = static_cast<int>(native::kWsaEinval); // releasing token 0
        windows.netshOutputs["tcp"] = "Start Port      : 49152\nNumber of Ports : 16384\n";
        WindowsBackend backend(windows.api());
        const Capabilities caps = backend.capabilities();
        CHECK(caps.persistentReservations);
        CHECK(caps.persistentTokens);
        CHECK(caps.runtimeReservations);
        CHECK(caps.discoverReservations);
        CHECK(caps.bindProbe);
        CHECK(caps.listeners);
        CHECK(caps.dynamicRange);
        CHECK(windows.open.empty()); // the probe socket is closed
        // Probed once.
        const auto calls = windows.netshCalls.size();
        (void)backend.capabilities();
        CHECK(windows.netshCalls.size() == calls);
    }
    SUBCASE("Wine")
    {
        FakeWindows windows;
        windows.ioctlError = static_cast<int>(native::kWsaEopnotsupp);
        windows.registryError = w::kErrorFileNotFound;
        WindowsBackend backend(windows.api(/*withPersistent=*/false));
        const Capabilities caps = backend.capabilities();
        CHECK_FALSE(caps.persistentReservations);
        CHECK_FALSE(caps.runtimeReservations);
        CHECK_FALSE(caps.discoverReservations);
        CHECK_FALSE(caps.dynamicRange);
        CHECK(caps.bindProbe);
        CHECK(caps.listeners);
    }
}
