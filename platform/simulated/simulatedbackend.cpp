// SPDX-License-Identifier: GPL-3.0-or-later
#include "simulatedbackend.h"

#include "../inetaddress.h"
#include "../nativecodes.h"
#include "../scanner.h"
#include "simulatedcore.h"
#include "simulatedfiles.h"

#include <cstdlib>
#include <filesystem>

namespace portolan {

using simulated::Core;

std::string_view toString(SimulatedCall call)
{
    switch (call) {
    case SimulatedCall::CreatePersistent:
        return "create-persistent";
    case SimulatedCall::LookupPersistent:
        return "lookup-persistent";
    case SimulatedCall::DeletePersistent:
        return "delete-persistent";
    case SimulatedCall::ListReservations:
        return "list-reservations";
    case SimulatedCall::OpenSocket:
        return "open-socket";
    case SimulatedCall::Acquire:
        return "acquire";
    case SimulatedCall::Associate:
        return "associate";
    case SimulatedCall::Release:
        return "release";
    case SimulatedCall::Bind:
        return "bind";
    case SimulatedCall::LocalPort:
        return "local-port";
    case SimulatedCall::DynamicRange:
        return "dynamic-range";
    case SimulatedCall::Listeners:
        return "listeners";
    case SimulatedCall::BootTime:
        return "boot-time";
    case SimulatedCall::RestartElevated:
        return "restart-elevated";
    case SimulatedCall::Services:
        return "services";
    case SimulatedCall::StopService:
        return "stop-service";
    case SimulatedCall::StartService:
        return "start-service";
    }
    return "unknown";
}

namespace {

class SimulatedSocket final : public Socket
{
public:
    SimulatedSocket(std::shared_ptr<Core> core, std::uint64_t id)
        : m_core(std::move(core)), m_id(id)
    {
    }
    ~SimulatedSocket() override { m_core->closeSocket(m_id); }

    // The IOCTL's INET_PORT_RANGE carries the start in network byte order.
    Result<ReservedBlock> acquireReservation(PortRange range) override
    {
        return m_core->acquire(m_id, hostToNetwork(range.start), range.count);
    }
    Result<void> associateReservation(Token token) override
    {
        return m_core->associate(m_id, token);
    }
    Result<void> releaseReservation(Token token) override { return m_core->release(m_id, token); }
    Result<void> setSharing(SocketSharing sharing) override
    {
        return m_core->setSharing(m_id, sharing);
    }
    Result<void> bind(std::string_view address, std::uint16_t port) override
    {
        return m_core->bind(m_id, address, port);
    }
    Result<std::uint16_t> localPort() const override { return m_core->localPort(m_id); }

private:
    std::shared_ptr<Core> m_core;
    std::uint64_t m_id;
};

std::string apiContext(std::string_view verb, Protocol protocol, PortRange range)
{
    return std::string(verb) + "Persistent" + (protocol == Protocol::Tcp ? "Tcp" : "Udp") +
           "PortReservation (start " + std::to_string(range.start) + ", count " +
           std::to_string(range.count) + ")";
}

bool isMemory(const std::string& stateFile)
{
    return stateFile == SimulatedBackend::kMemoryState;
}

// A scenario document turned into a freshly booted machine.
Result<SimulatedMachine> seedMachine(const Json& document, std::string_view scenarioText,
                                     const std::string& source)
{
    auto machine = simulated::machineFromJson(document, "scenario " + source);
    if (!machine)
        return machine.error();
    SimulatedMachine m = std::move(machine).value();
    m.scenarioHash = simulated::hashScenarioText(scenarioText);
    m.seededFrom = source;
    m.bootCounter = 1;
    m.tokenCounter = 0;
    if (!findMember(document, "bootTime"))
        m.bootTime = simulated::nowSeconds();
    Core::assignMissingTokens(m);
    return m;
}

Error stateFileError(const std::string& path, std::string text)
{
    return Error::make(ErrorKind::IoError,
                       "state file " + path + ": " + text +
                           " (delete the file or choose another state file to start over)");
}

// The scenario's text turned into a freshly booted machine. Its JSON tree lives only as long
// as this call: on a big machine it is several times the size of the machine itself.
Result<SimulatedMachine> seedFromText(std::string_view scenarioText, const std::string& source)
{
    auto document = parseJson(scenarioText);
    if (!document)
        return Error::make(ErrorKind::InvalidArgument,
                           "scenario " + source + ": " + document.error().message);
    return seedMachine(document.value(), scenarioText, source);
}

// The machine of an existing state file; its text and JSON tree end with this call.
Result<SimulatedMachine> loadStateFile(const std::string& stateFile)
{
    auto text = simulated::readTextFile(stateFile, "state file");
    if (!text)
        return text.error();
    auto stateDocument = parseJson(text.value());
    if (!stateDocument)
        return stateFileError(stateFile, stateDocument.error().message);
    std::string().swap(text.value());
    const Json* state = findMember(stateDocument.value(), "state");
    const Json* format = state ? findMember(*state, "format") : nullptr;
    // Never overwrite a file that is not ours: the path may be a typo for something else.
    if (!format || !format->is_string() ||
        format->get_ref<const std::string&>() != simulated::kStateFormat)
        return stateFileError(stateFile, "not a Portolan simulated state file, so it is left "
                                         "as it is");
    auto loaded = simulated::machineFromJson(stateDocument.value(), "state file " + stateFile);
    if (!loaded)
        return Error::make(ErrorKind::IoError,
                           loaded.error().message +
                               " (delete the file or choose another state file to start over)");
    return loaded;
}

} // namespace

SimulatedBackend::SimulatedBackend(std::shared_ptr<Core> core) : m_core(std::move(core)) {}
SimulatedBackend::~SimulatedBackend() = default;

Result<std::unique_ptr<SimulatedBackend>> SimulatedBackend::open(const SimulatedOptions& options)
{
    const std::string stateFile =
        options.stateFile.empty() ? defaultStatePath() : options.stateFile;
    if (options.scenarioFile.empty())
        return openFrom(std::string(simulated::builtInScenarioText()), "built-in clean machine",
                        false, stateFile);
    auto text = simulated::readTextFile(options.scenarioFile, "scenario file");
    if (!text)
        return text.error();
    return openFrom(std::move(text).value(), options.scenarioFile, true, stateFile);
}

Result<std::unique_ptr<SimulatedBackend>> SimulatedBackend::fromScenarioText(std::string_view text,
                                                                             std::string stateFile)
{
    return openFrom(std::string(text), "(in memory)", true, std::move(stateFile));
}

Result<std::unique_ptr<SimulatedBackend>> SimulatedBackend::fromScenario(const Json& scenario,
                                                                         std::string stateFile)
{
    return openFrom(dumpJson(scenario, 2), "(in memory)", true, std::move(stateFile));
}

Result<std::unique_ptr<SimulatedBackend>> SimulatedBackend::openFrom(std::string scenarioText,
                                                                     std::string source,
                                                                     bool scenarioGiven,
                                                                     std::string stateFile)
{
    // The scenario is validated completely before the state file is looked at, so that a bad
    // scenario never touches an existing state.
    auto seeded = seedFromText(scenarioText, source);
    if (!seeded)
        return seeded.error();
    std::string().swap(scenarioText); // its hash is all the machine needs of it now

    if (stateFile.empty())
        stateFile = defaultStatePath();
    if (isMemory(stateFile)) {
        auto core = std::make_shared<Core>(std::move(seeded).value(), stateFile);
        return std::unique_ptr<SimulatedBackend>(new SimulatedBackend(std::move(core)));
    }

    if (simulated::fileExists(stateFile)) {
        auto loaded = loadStateFile(stateFile);
        if (!loaded)
            return loaded.error();
        if (!scenarioGiven || loaded->scenarioHash == seeded->scenarioHash) {
            seeded.value() = SimulatedMachine{}; // not needed: the state is the machine
            SimulatedMachine machine = std::move(loaded).value();
            const auto before = machine.tokenCounter;
            Core::assignMissingTokens(machine);
            const bool generated = machine.tokenCounter != before;
            auto core = std::make_shared<Core>(std::move(machine), stateFile);
            if (generated)
                if (auto written = core->writeState(); !written)
                    return written.error();
            return std::unique_ptr<SimulatedBackend>(new SimulatedBackend(std::move(core)));
        }
        // Seeded from another scenario (or another version of it): start the machine anew.
    }
    auto core = std::make_shared<Core>(std::move(seeded).value(), stateFile);
    if (auto written = core->writeState(); !written)
        return written.error();
    return std::unique_ptr<SimulatedBackend>(new SimulatedBackend(std::move(core)));
}

std::string SimulatedBackend::defaultStatePath()
{
    return defaultStatePathFor(std::getenv("LOCALAPPDATA"), std::getenv("XDG_STATE_HOME"),
                               std::getenv("HOME"));
}

std::string SimulatedBackend::defaultStatePathFor(const char* localAppData,
                                                  const char* xdgStateHome, const char* home)
{
    namespace fs = std::filesystem;
    auto set = [](const char* v) { return v != nullptr && *v != '\0'; };
    if (set(localAppData))
        return (fs::path(localAppData) / "Portolan" / "simulated-state.json").string();
    if (set(xdgStateHome))
        return (fs::path(xdgStateHome) / "portolan" / "simulated-state.json").string();
    if (set(home))
        return (fs::path(home) / ".local" / "state" / "portolan" / "simulated-state.json").string();
    return "portolan-simulated-state.json";
}

// --- Backend ------------------------------------------------------------------------------

Capabilities SimulatedBackend::capabilities() const
{
    Capabilities c;
    c.persistentReservations = true;
    c.persistentTokens = true;
    c.discoverReservations = true;
    c.runtimeReservations = true;
    c.bindProbe = true;
    c.listeners = true;
    c.dynamicRange = true;
    c.changeDynamicRange = true;
    c.services = true;
    return c;
}

bool SimulatedBackend::isElevated() const
{
    return m_core->isElevated();
}
std::string SimulatedBackend::hostName() const
{
    return m_core->hostName();
}
OsInfo SimulatedBackend::osInfo() const
{
    return m_core->osInfo();
}
Result<std::int64_t> SimulatedBackend::bootTime() const
{
    return m_core->bootTime();
}

Result<ReservedBlock> SimulatedBackend::createPersistent(Protocol protocol, PortRange range)
{
    Token token = kNoToken;
    std::optional<Error> ioError;
    const auto code = m_core->createPersistent(protocol, hostToNetwork(range.start), range.count,
                                               &token, &ioError);
    if (ioError)
        return *ioError;
    if (code != native::kNoError)
        return native::windowsError(code, apiContext("Create", protocol, range));
    return ReservedBlock{protocol, range, true, token, {}};
}

Result<ReservedBlock> SimulatedBackend::lookupPersistent(Protocol protocol, PortRange range)
{
    Token token = kNoToken;
    const auto code =
        m_core->lookupPersistent(protocol, hostToNetwork(range.start), range.count, &token);
    if (code != native::kNoError)
        return native::windowsError(code, apiContext("Lookup", protocol, range));
    return ReservedBlock{protocol, range, true, token, {}};
}

Result<void> SimulatedBackend::deletePersistent(Protocol protocol, PortRange range)
{
    std::optional<Error> ioError;
    const auto code =
        m_core->deletePersistent(protocol, hostToNetwork(range.start), range.count, &ioError);
    if (ioError)
        return *ioError;
    if (code != native::kNoError)
        return native::windowsError(code, apiContext("Delete", protocol, range));
    return {};
}

Result<std::vector<ReservedBlock>>
SimulatedBackend::listReservations(std::optional<Protocol> protocol)
{
    return m_core->listReservations(protocol);
}

Result<std::unique_ptr<Socket>> SimulatedBackend::openSocket(const SocketSpec& spec)
{
    auto id = m_core->openSocket(spec);
    if (!id)
        return id.error();
    return std::unique_ptr<Socket>(new SimulatedSocket(m_core, id.value()));
}

BindProbeResult SimulatedBackend::bindProbe(const BindTarget& target)
{
    return m_core->probe(target);
}

Result<ScanResult> SimulatedBackend::scan(const ScanRequest& request, const ScanProgress& progress,
                                          std::stop_token stop)
{
    if (request.first == 0 || request.last < request.first)
        return Backend::scan(request, progress, std::move(stop)); // its range error
    // The machine knows every holder itself: each port is one probe of the core.
    BindTarget base{request.protocol, request.family, request.address, 0, request.sharing};
    return scanPorts(
        request,
        [this, &base](std::uint16_t port) {
            BindTarget target = base;
            target.port = port;
            return m_core->probe(target);
        },
        progress, std::move(stop));
}

Result<PortRange> SimulatedBackend::dynamicRange(Protocol protocol)
{
    return m_core->dynamicRange(protocol);
}

Result<DynamicRangeChange> SimulatedBackend::changeDynamicRange(Protocol protocol, PortRange range)
{
    return m_core->changeDynamicRange(protocol, range);
}

Result<std::vector<Listener>> SimulatedBackend::listeners(std::optional<Protocol> protocol)
{
    return m_core->listeners(protocol);
}

// --- iphlpapi ABI ---------------------------------------------------------------------------

std::uint32_t SimulatedBackend::createPersistentTcpPortReservation(std::uint16_t startPort,
                                                                   std::uint16_t numberOfPorts,
                                                                   std::uint64_t* token)
{
    return m_core->createPersistent(Protocol::Tcp, startPort, numberOfPorts, token, nullptr);
}

std::uint32_t SimulatedBackend::createPersistentUdpPortReservation(std::uint16_t startPort,
                                                                   std::uint16_t numberOfPorts,
                                                                   std::uint64_t* token)
{
    return m_core->createPersistent(Protocol::Udp, startPort, numberOfPorts, token, nullptr);
}

std::uint32_t SimulatedBackend::lookupPersistentTcpPortReservation(std::uint16_t startPort,
                                                                   std::uint16_t numberOfPorts,
                                                                   std::uint64_t* token)
{
    return m_core->lookupPersistent(Protocol::Tcp, startPort, numberOfPorts, token);
}

std::uint32_t SimulatedBackend::lookupPersistentUdpPortReservation(std::uint16_t startPort,
                                                                   std::uint16_t numberOfPorts,
                                                                   std::uint64_t* token)
{
    return m_core->lookupPersistent(Protocol::Udp, startPort, numberOfPorts, token);
}

std::uint32_t SimulatedBackend::deletePersistentTcpPortReservation(std::uint16_t startPort,
                                                                   std::uint16_t numberOfPorts)
{
    return m_core->deletePersistent(Protocol::Tcp, startPort, numberOfPorts, nullptr);
}

std::uint32_t SimulatedBackend::deletePersistentUdpPortReservation(std::uint16_t startPort,
                                                                   std::uint16_t numberOfPorts)
{
    return m_core->deletePersistent(Protocol::Udp, startPort, numberOfPorts, nullptr);
}

// --- SimulatedControl -----------------------------------------------------------------------

Result<void> SimulatedBackend::seed(const Json& scenario)
{
    const std::string text = dumpJson(scenario, 2);
    auto machine = seedMachine(scenario, text, "(seed)");
    if (!machine)
        return machine.error();
    return m_core->seed(std::move(machine).value());
}

SimulatedMachine SimulatedBackend::machine() const
{
    return m_core->machine();
}

Json SimulatedBackend::stateDocument() const
{
    return simulated::machineToJson(m_core->machine());
}

std::string SimulatedBackend::stateFile() const
{
    return m_core->stateFile();
}

void SimulatedBackend::failNextCall(SimulatedCall call, std::int64_t code)
{
    m_core->failNextCall(call, code);
}

void SimulatedBackend::clearFailures()
{
    m_core->clearFailures();
}
Result<void> SimulatedBackend::setElevated(bool elevated)
{
    return m_core->setElevated(elevated);
}
Result<void> SimulatedBackend::restartElevated(const std::string& program,
                                               const std::vector<std::string>& arguments)
{
    return m_core->restartElevated(program, arguments);
}
std::vector<SimulatedRestart> SimulatedBackend::restartRequests() const
{
    return m_core->restartRequests();
}
Result<void> SimulatedBackend::reboot()
{
    return m_core->reboot();
}
Result<void> SimulatedBackend::addListener(const Listener& listener)
{
    return m_core->addListener(listener);
}
Result<void> SimulatedBackend::removeListener(Protocol protocol, std::uint16_t port)
{
    return m_core->removeListener(protocol, port);
}
Result<Token> SimulatedBackend::addServiceBlock(const SimulatedServiceBlock& block)
{
    return m_core->addServiceBlock(block);
}
Result<void> SimulatedBackend::removeServiceBlock(Protocol protocol, PortRange range)
{
    return m_core->removeServiceBlock(protocol, range);
}
Result<void> SimulatedBackend::setDynamicRange(Protocol protocol, PortRange range)
{
    return m_core->setDynamicRange(protocol, range);
}

} // namespace portolan
