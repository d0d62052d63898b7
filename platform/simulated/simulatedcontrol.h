// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "../backend.h"
#include "../error.h"
#include "../jsonvalue.h"
#include "../types.h"
#include "simulatedmachine.h"

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace portolan {

// The calls of the simulated machine whose next invocation a test can make fail.
enum class SimulatedCall : std::uint8_t
{
    CreatePersistent, // CreatePersistent{Tcp,Udp}PortReservation
    LookupPersistent,
    DeletePersistent,
    ListReservations,
    OpenSocket, // socket()
    Acquire,    // SIO_ACQUIRE_PORT_RESERVATION
    Associate,  // SIO_ASSOCIATE_PORT_RESERVATION
    Release,    // SIO_RELEASE_PORT_RESERVATION
    Bind,
    LocalPort, // getsockname()
    DynamicRange,
    Listeners,
    BootTime,
    RestartElevated, // ShellExecuteEx "runas"; ERROR_CANCELLED (1223) is a declined prompt
    Services,        // EnumServicesStatusEx / QueryServiceStatusEx
    StopService,     // ControlService(SERVICE_CONTROL_STOP)
    StartService,    // StartService
};
std::string_view toString(SimulatedCall call); // "create-persistent", "acquire", ...

// A request to start the program again elevated, as Backend::restartElevated received it.
struct SimulatedRestart
{
    std::string program;
    std::vector<std::string> arguments;
    friend bool operator==(const SimulatedRestart&, const SimulatedRestart&) = default;
};

// Test-only control of the simulated machine, kept apart from Backend so that product code
// never sees it (reach it with dynamic_cast<SimulatedControl*> on a simulated backend).
// Every edit is validated like a scenario (bad input changes nothing) and written to the
// state file before it takes effect; a failed write changes nothing either.
class SimulatedControl
{
public:
    virtual ~SimulatedControl() = default;

    // Replaces the whole machine with a scenario's: boot counter 1, fresh tokens; sockets of
    // this process stop working (WSAENOTSOCK), as after a reboot.
    virtual Result<void> seed(const Json& scenario) = 0;
    // A copy of the machine as it is now (what the state file holds).
    virtual SimulatedMachine machine() const = 0;
    // The state document written to the state file.
    virtual Json stateDocument() const = 0;
    // ":memory:" or the state file's path.
    virtual std::string stateFile() const = 0;

    // The next invocation of `call` answers `code` (a Win32 or Winsock code) and does nothing
    // else. Several failures for one call are used in the order given.
    virtual void failNextCall(SimulatedCall call, std::int64_t code) = 0;
    virtual void clearFailures() = 0;

    virtual Result<void> setElevated(bool elevated) = 0;
    // Every restartElevated request so far, the declined ones too, oldest first. The simulated
    // machine starts nothing: a request answers success unless a failure was injected.
    virtual std::vector<SimulatedRestart> restartRequests() const = 0;
    // New boot time (strictly later than the last), new tokens for every persistent and
    // service block; blocks keep their (protocol, start, count). Sockets of this process die.
    virtual Result<void> reboot() = 0;

    // A listener of another process. The family is taken from the address.
    virtual Result<void> addListener(const Listener& listener) = 0;
    // Removes every listener on (protocol, port); NotFound if there was none.
    virtual Result<void> removeListener(Protocol protocol, std::uint16_t port) = 0;
    // A runtime block held by a service; returns its token (generated when block.token is 0).
    // Conflict if it overlaps a persistent or another service block.
    virtual Result<Token> addServiceBlock(const SimulatedServiceBlock& block) = 0;
    // Exact (protocol, start, count) only; NotFound otherwise.
    virtual Result<void> removeServiceBlock(Protocol protocol, PortRange range) = 0;
    // As "netsh int ipv4 set dynamicport": at least 255 ports, ending at 65535 at the latest.
    virtual Result<void> setDynamicRange(Protocol protocol, PortRange range) = 0;
};

} // namespace portolan
