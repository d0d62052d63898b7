// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "../backend.h"
#include "../error.h"
#include "../jsonvalue.h"
#include "../types.h"
#include "simulatedcontrol.h"
#include "simulatedmachine.h"

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

namespace portolan {

struct SimulatedOptions
{
    std::string scenarioFile; // JSON scenario seeding the machine; empty = built-in clean machine
    std::string stateFile;    // where the machine survives between runs; ":memory:" = nowhere
};

namespace simulated {
class Core;
}

// A model of Windows' port pool (docs/windows-semantics.md), for development and tests on any OS.
// The iphlpapi layer is modelled at the ABI level (the six raw functions below take the start
// port in network byte order and answer Win32 codes); the Backend methods call them with
// htons(start), as a correct caller does.
class SimulatedBackend final : public Backend, public SimulatedControl
{
public:
    static constexpr std::string_view kMemoryState = ":memory:";

    // Reads the scenario (if any), then loads the state file when it was seeded from the same
    // scenario text, else seeds it anew and writes it. Without a scenario an existing state
    // file is loaded whatever it was seeded from. A bad scenario or state file is an error
    // naming the file and field, and nothing is written.
    static Result<std::unique_ptr<SimulatedBackend>> open(const SimulatedOptions& options);
    // The same, from a scenario already in memory.
    static Result<std::unique_ptr<SimulatedBackend>>
    fromScenarioText(std::string_view text, std::string stateFile = std::string(kMemoryState));
    static Result<std::unique_ptr<SimulatedBackend>>
    fromScenario(const Json& scenario, std::string stateFile = std::string(kMemoryState));

    // %LOCALAPPDATA%\Portolan\simulated-state.json when LOCALAPPDATA is set, else
    // $XDG_STATE_HOME/portolan/simulated-state.json, else
    // $HOME/.local/state/portolan/simulated-state.json, else a relative file name.
    static std::string defaultStatePath();
    // The rule above with the environment given (nullptr or "" = unset).
    static std::string defaultStatePathFor(const char* localAppData, const char* xdgStateHome,
                                           const char* home);

    ~SimulatedBackend() override;
    SimulatedBackend(const SimulatedBackend&) = delete;
    SimulatedBackend& operator=(const SimulatedBackend&) = delete;

    // Backend
    std::string_view name() const override { return "simulated"; }
    Capabilities capabilities() const override;
    bool isElevated() const override;
    std::string hostName() const override;
    OsInfo osInfo() const override;
    Result<std::int64_t> bootTime() const override;
    Result<ReservedBlock> createPersistent(Protocol protocol, PortRange range) override;
    Result<ReservedBlock> lookupPersistent(Protocol protocol, PortRange range) override;
    Result<void> deletePersistent(Protocol protocol, PortRange range) override;
    Result<std::vector<ReservedBlock>> listReservations(std::optional<Protocol> protocol) override;
    Result<std::unique_ptr<Socket>> openSocket(const SocketSpec& spec) override;
    // Fills holder: the service owning the runtime block, or "process (pid N)" of a listener.
    BindProbeResult bindProbe(const BindTarget& target) override;
    Result<ScanResult> scan(const ScanRequest& request, const ScanProgress& progress,
                            std::stop_token stop) override;
    Result<PortRange> dynamicRange(Protocol protocol) override;
    // As netsh int ipv4/ipv6 set dynamicport: netsh's limits, elevation, one protocol.
    Result<DynamicRangeChange> changeDynamicRange(Protocol protocol, PortRange range) override;
    Result<std::vector<Listener>> listeners(std::optional<Protocol> protocol) override;
    // The scenario's services; stopping and starting need elevation (ERROR_ACCESS_DENIED).
    Result<std::vector<ServiceInfo>> services() override;
    Result<void> stopService(std::string_view name) override;
    Result<void> startService(std::string_view name) override;
    // Windows would show the UAC prompt; the simulated machine records the request
    // (restartRequests) and answers as scripted, success by default.
    Result<void> restartElevated(const std::string& program,
                                 const std::vector<std::string>& arguments) override;

    // iphlpapi, Win32 shapes: start port in NETWORK byte order, Win32 code returned
    // (0 = NO_ERROR). A state file that cannot be written answers ERROR_WRITE_FAULT (29).
    std::uint32_t createPersistentTcpPortReservation(std::uint16_t startPort,
                                                     std::uint16_t numberOfPorts,
                                                     std::uint64_t* token);
    std::uint32_t createPersistentUdpPortReservation(std::uint16_t startPort,
                                                     std::uint16_t numberOfPorts,
                                                     std::uint64_t* token);
    std::uint32_t lookupPersistentTcpPortReservation(std::uint16_t startPort,
                                                     std::uint16_t numberOfPorts,
                                                     std::uint64_t* token);
    std::uint32_t lookupPersistentUdpPortReservation(std::uint16_t startPort,
                                                     std::uint16_t numberOfPorts,
                                                     std::uint64_t* token);
    std::uint32_t deletePersistentTcpPortReservation(std::uint16_t startPort,
                                                     std::uint16_t numberOfPorts);
    std::uint32_t deletePersistentUdpPortReservation(std::uint16_t startPort,
                                                     std::uint16_t numberOfPorts);

    // SimulatedControl
    Result<void> seed(const Json& scenario) override;
    SimulatedMachine machine() const override;
    Json stateDocument() const override;
    std::string stateFile() const override;
    void failNextCall(SimulatedCall call, std::int64_t code) override;
    void clearFailures() override;
    Result<void> setElevated(bool elevated) override;
    std::vector<SimulatedRestart> restartRequests() const override;
    Result<void> reboot() override;
    Result<void> addListener(const Listener& listener) override;
    Result<void> removeListener(Protocol protocol, std::uint16_t port) override;
    Result<Token> addServiceBlock(const SimulatedServiceBlock& block) override;
    Result<void> removeServiceBlock(Protocol protocol, PortRange range) override;
    Result<void> setDynamicRange(Protocol protocol, PortRange range) override;

private:
    explicit SimulatedBackend(std::shared_ptr<simulated::Core> core);
    static Result<std::unique_ptr<SimulatedBackend>> openFrom(std::string scenarioText,
                                                              std::string source,
                                                              bool scenarioGiven,
                                                              std::string stateFile);

    std::shared_ptr<simulated::Core> m_core; // shared with the sockets, which may outlive us
};

} // namespace portolan
