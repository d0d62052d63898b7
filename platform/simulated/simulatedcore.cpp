// SPDX-License-Identifier: GPL-3.0-or-later
#include "simulatedcore.h"

#include "simulatedfiles.h"

#include "../text.h"

#include <algorithm>
#include <chrono>
#include <unordered_set>

namespace portolan::simulated {

namespace {

std::uint64_t splitmix64(std::uint64_t x)
{
    x += 0x9E3779B97F4A7C15ull;
    x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9ull;
    x = (x ^ (x >> 27)) * 0x94D049BB133111EBull;
    return x ^ (x >> 31);
}

// Whether a persistent, runtime or own block already holds `token`.
bool tokenInUse(const SimulatedMachine& machine, const std::vector<OwnBlock>& own, Token token)
{
    const auto same = [token](const auto& b) { return b.token == token; };
    return std::any_of(machine.persistent.begin(), machine.persistent.end(), same) ||
           std::any_of(machine.runtime.begin(), machine.runtime.end(), same) ||
           std::any_of(own.begin(), own.end(), same);
}

// The next token of the machine's deterministic sequence that `inUse` does not reject.
template <typename InUse> Token nextToken(SimulatedMachine& machine, InUse inUse)
{
    // Deterministic for a scenario, so that tests and demos repeat; different per boot.
    const std::uint64_t seed = fnv1a64(machine.scenarioHash);
    for (;;) {
        machine.tokenCounter = nextCounter(machine.tokenCounter);
        const std::uint64_t counter = machine.tokenCounter;
        const Token token = splitmix64(seed ^ (machine.bootCounter * 0xD1B54A32D192ED03ull) ^
                                       (counter * 0x9E3779B97F4A7C15ull));
        if (token != kNoToken && !inUse(token))
            return token;
    }
}

// Gives every block of the machine without a token a new one. The tokens in use are
// gathered once, so that a machine of n blocks gets its tokens in O(n) rather than O(n^2).
void fillMissingTokens(SimulatedMachine& machine)
{
    std::unordered_set<Token> used;
    used.reserve(machine.persistent.size() + machine.runtime.size());
    for (const auto& b : machine.persistent)
        used.insert(b.token);
    for (const auto& b : machine.runtime)
        used.insert(b.token);
    const auto fill = [&](Token& token) {
        if (token != kNoToken)
            return;
        token = nextToken(machine, [&used](Token t) { return used.contains(t); });
        used.insert(token);
    };
    for (auto& b : machine.persistent)
        fill(b.token);
    for (auto& b : machine.runtime)
        fill(b.token);
}

} // namespace

bool blockFits(std::uint32_t start, std::uint32_t count)
{
    return start != 0 && count != 0 && start + count - 1 <= 65535;
}

std::string rangeText(std::uint32_t start, std::uint32_t count)
{
    return "start " + std::to_string(start) + ", count " + std::to_string(count);
}

std::int64_t nowSeconds()
{
    return std::chrono::duration_cast<std::chrono::seconds>(
               std::chrono::system_clock::now().time_since_epoch())
        .count();
}

Core::Core(SimulatedMachine machine, std::string stateFile)
    : m_machine(std::move(machine)), m_stateFile(std::move(stateFile))
{
    refreshCaches();
}

Result<void> Core::writeState()
{
    std::lock_guard lock(m_mutex);
    return writeStateFile(m_machine);
}

// ---------------------------------------------------------------------------------------
// Queries

bool Core::isElevated() const
{
    std::lock_guard lock(m_mutex);
    return m_machine.elevated;
}

std::string Core::hostName() const
{
    std::lock_guard lock(m_mutex);
    return m_machine.hostName;
}

OsInfo Core::osInfo() const
{
    std::lock_guard lock(m_mutex);
    return m_machine.os;
}

Result<std::int64_t> Core::bootTime()
{
    std::lock_guard lock(m_mutex);
    if (auto code = takeFailure(SimulatedCall::BootTime))
        return native::windowsError(*code, "reading the boot time");
    return m_machine.bootTime;
}

Result<std::vector<ReservedBlock>> Core::listReservations(std::optional<Protocol> protocol)
{
    std::lock_guard lock(m_mutex);
    if (auto code = takeFailure(SimulatedCall::ListReservations))
        return native::windowsError(*code, "listing port reservations");
    std::vector<ReservedBlock> blocks;
    for (const auto& b : m_machine.persistent)
        if (!protocol || b.protocol == *protocol)
            blocks.push_back(ReservedBlock{b.protocol, b.range, true, b.token, {}});
    // Another process's runtime token is not visible, as on Windows.
    for (const auto& b : m_machine.runtime)
        if (!protocol || b.protocol == *protocol)
            blocks.push_back(
                ReservedBlock{b.protocol, b.range, false, kNoToken, b.owner, "scenario"});
    for (const auto& b : m_own)
        if (!protocol || b.protocol == *protocol)
            blocks.push_back(
                ReservedBlock{b.protocol, b.range, false, b.token, selfLabel(), "this process"});
    std::sort(blocks.begin(), blocks.end(), [](const ReservedBlock& a, const ReservedBlock& b) {
        if (a.protocol != b.protocol)
            return a.protocol < b.protocol;
        return a.range.start < b.range.start;
    });
    return blocks;
}

Result<std::vector<Listener>> Core::listeners(std::optional<Protocol> protocol)
{
    std::lock_guard lock(m_mutex);
    if (auto code = takeFailure(SimulatedCall::Listeners))
        return native::windowsError(*code, "listing listeners");
    std::vector<Listener> out;
    for (const auto& l : m_machine.listeners)
        if (!protocol || l.protocol == *protocol)
            out.push_back(l);
    return out;
}

Result<PortRange> Core::dynamicRange(Protocol protocol)
{
    std::lock_guard lock(m_mutex);
    if (auto code = takeFailure(SimulatedCall::DynamicRange))
        return native::windowsError(*code, "reading the dynamic port range");
    return m_machine.dynamicRange(protocol);
}

// ---------------------------------------------------------------------------------------
// Control

Result<void> Core::seed(SimulatedMachine machine)
{
    std::lock_guard lock(m_mutex);
    if (auto written = commit(std::move(machine)); !written)
        return written;
    killSockets();
    m_ephemeralCursor = {};
    return {};
}

SimulatedMachine Core::machine() const
{
    std::lock_guard lock(m_mutex);
    return m_machine;
}

std::string Core::stateFile() const
{
    std::lock_guard lock(m_mutex);
    return m_stateFile;
}

Result<void> Core::restartElevated(const std::string& program,
                                   const std::vector<std::string>& arguments)
{
    std::lock_guard lock(m_mutex);
    m_restarts.push_back({program, arguments});
    const auto code = takeFailure(SimulatedCall::RestartElevated);
    if (!code)
        return {};
    constexpr std::int64_t kErrorCancelled = 1223;
    if (*code == kErrorCancelled) {
        return Error{ErrorKind::Cancelled, *code, "ERROR_CANCELLED",
                     "the administrator prompt was declined; Portolan keeps running without "
                     "elevation"};
    }
    return native::windowsError(*code, "ShellExecuteEx(runas)");
}

std::vector<SimulatedRestart> Core::restartRequests() const
{
    std::lock_guard lock(m_mutex);
    return m_restarts;
}

void Core::failNextCall(SimulatedCall call, std::int64_t code)
{
    std::lock_guard lock(m_mutex);
    m_failures[call].push_back(code);
}

void Core::clearFailures()
{
    std::lock_guard lock(m_mutex);
    m_failures.clear();
}

Result<void> Core::setElevated(bool elevated)
{
    std::lock_guard lock(m_mutex);
    SimulatedMachine candidate = m_machine;
    candidate.elevated = elevated;
    return commit(std::move(candidate));
}

Result<void> Core::reboot()
{
    std::lock_guard lock(m_mutex);
    SimulatedMachine candidate = m_machine;
    candidate.bootCounter = nextCounter(candidate.bootCounter);
    candidate.bootTime = std::min(kMaxBootTime, std::max(nowSeconds(), candidate.bootTime + 1));
    // Every token changes; blocks keep their identity (protocol, start, count).
    for (auto& b : candidate.persistent)
        b.token = kNoToken;
    for (auto& b : candidate.runtime)
        b.token = kNoToken;
    fillMissingTokens(candidate);
    if (auto written = commit(std::move(candidate)); !written)
        return written;
    killSockets();
    m_ephemeralCursor = {};
    return {};
}

Result<void> Core::addListener(const Listener& listener)
{
    std::lock_guard lock(m_mutex);
    const auto address = parseIpAddress(listener.address);
    if (!address)
        return Error::make(ErrorKind::InvalidArgument,
                           "listener address \"" + listener.address +
                               "\" is not an IP address; allowed: an IPv4 or IPv6 literal");
    if (listener.port == 0)
        return Error::make(ErrorKind::InvalidArgument,
                           "listener port 0 is out of range; allowed 1-65535");
    Listener l = listener;
    l.family = address->family;
    l.address = address->toString();
    SimulatedMachine candidate = m_machine;
    candidate.listeners.push_back(std::move(l));
    return commit(std::move(candidate));
}

Result<void> Core::removeListener(Protocol protocol, std::uint16_t port)
{
    std::lock_guard lock(m_mutex);
    SimulatedMachine candidate = m_machine;
    const auto removed = std::erase_if(candidate.listeners, [&](const Listener& l) {
        return l.protocol == protocol && l.port == port;
    });
    if (removed == 0)
        return Error::make(ErrorKind::NotFound, "no " + std::string(toString(protocol)) +
                                                    " listener on port " + std::to_string(port));
    return commit(std::move(candidate));
}

Result<Token> Core::addServiceBlock(const SimulatedServiceBlock& block)
{
    std::lock_guard lock(m_mutex);
    if (!blockFits(block.range.start, block.range.count))
        return Error::make(ErrorKind::InvalidArgument,
                           "service block " + rangeText(block.range.start, block.range.count) +
                               " is invalid; allowed: start 1-65535, count 1-65535, ending "
                               "at 65535 at the latest");
    if (block.owner.empty())
        return Error::make(ErrorKind::InvalidArgument,
                           "a service block needs an owner, e.g. \"Windows NAT (WinNAT)\"");
    if (overlapsAny(m_machine.persistent, block.protocol, block.range) ||
        overlapsAny(m_machine.runtime, block.protocol, block.range) ||
        overlapsAny(m_own, block.protocol, block.range))
        return Error::make(ErrorKind::Conflict,
                           "service block " + std::string(toString(block.protocol)) + " " +
                               toString(block.range) + " overlaps a reserved block");
    SimulatedMachine candidate = m_machine;
    SimulatedServiceBlock b = block;
    if (b.token != kNoToken) {
        if (tokenInUse(candidate, m_own, b.token))
            return Error::make(ErrorKind::InvalidArgument,
                               "token " + text::tokenHex(b.token) + " is already in use");
    } else {
        b.token = newToken(candidate, m_own);
    }
    const Token token = b.token;
    candidate.runtime.push_back(std::move(b));
    if (auto written = commit(std::move(candidate)); !written)
        return written.error();
    return token;
}

Result<void> Core::removeServiceBlock(Protocol protocol, PortRange range)
{
    std::lock_guard lock(m_mutex);
    SimulatedMachine candidate = m_machine;
    const auto removed = std::erase_if(candidate.runtime, [&](const SimulatedServiceBlock& b) {
        return b.protocol == protocol && b.range == range;
    });
    if (removed == 0)
        return Error::make(ErrorKind::NotFound, "no service block " +
                                                    std::string(toString(protocol)) + " " +
                                                    rangeText(range.start, range.count));
    return commit(std::move(candidate));
}

Result<void> Core::setDynamicRange(Protocol protocol, PortRange range)
{
    std::lock_guard lock(m_mutex);
    if (!blockFits(range.start, range.count) || range.count < kMinDynamicRangeCount)
        return Error::make(ErrorKind::InvalidArgument,
                           "dynamic range " + rangeText(range.start, range.count) +
                               " is invalid; allowed: start 1-65535, count 255-65535, ending "
                               "at 65535 at the latest");
    SimulatedMachine candidate = m_machine;
    candidate.dynamicRange(protocol) = range;
    if (auto written = commit(std::move(candidate)); !written)
        return written;
    m_ephemeralCursor = {};
    return {};
}

void Core::assignMissingTokens(SimulatedMachine& machine)
{
    fillMissingTokens(machine);
}

// ---------------------------------------------------------------------------------------
// Private helpers (mutex held)

std::optional<std::int64_t> Core::takeFailure(SimulatedCall call)
{
    const auto found = m_failures.find(call);
    if (found == m_failures.end() || found->second.empty())
        return std::nullopt;
    const std::int64_t code = found->second.front();
    found->second.pop_front();
    return code;
}

Result<void> Core::commit(SimulatedMachine candidate)
{
    if (auto written = writeStateFile(candidate); !written)
        return written;
    m_machine = std::move(candidate);
    refreshCaches();
    return {};
}

Result<void> Core::writeStateFile(const SimulatedMachine& machine) const
{
    if (m_stateFile == ":memory:")
        return {};
    return writeTextFileAtomically(m_stateFile, machineToText(machine));
}

void Core::refreshCaches()
{
    m_listenerAddresses.clear();
    m_listenerAddresses.reserve(m_machine.listeners.size());
    for (const auto& l : m_machine.listeners)
        m_listenerAddresses.push_back(parseIpAddress(l.address).value_or(IpAddress{}));
    m_listenerIndex.rebuild(m_machine.listeners);
    for (Protocol p : {Protocol::Tcp, Protocol::Udp}) {
        m_persistentIndex[std::size_t(p)].rebuild(m_machine.persistent, p);
        m_runtimeIndex[std::size_t(p)].rebuild(m_machine.runtime, p);
    }
    m_localAddresses.clear();
    for (const auto& a : m_machine.addresses)
        if (auto parsed = parseIpAddress(a))
            m_localAddresses.push_back(*parsed);
}

void Core::killSockets()
{
    for (auto& [id, socket] : m_sockets)
        socket.dead = true;
    m_own.clear();
}

Token Core::newToken(SimulatedMachine& machine, const std::vector<OwnBlock>& own)
{
    // One token: a pass over the blocks per candidate is cheaper than gathering them.
    return nextToken(machine, [&](Token t) { return tokenInUse(machine, own, t); });
}

} // namespace portolan::simulated
