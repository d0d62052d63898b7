// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "bindrules.h"
#include "error.h"
#include "types.h"

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <stop_token>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

namespace portolan {

// What a backend can do on this system. A call outside its capabilities answers Unsupported.
struct Capabilities
{
    bool persistentReservations = false; // create / lookup / delete
    bool persistentTokens = false;       // lookup returns a token (not on Linux)
    bool discoverReservations = false;   // listReservations finds blocks made elsewhere
    bool runtimeReservations = false;    // acquire / associate / release
    bool bindProbe = false;
    bool listeners = false;
    bool dynamicRange = false;
    bool changeDynamicRange = false; // changeDynamicRange: netsh on Windows, sysctl on Linux
    bool services = false; // services / stopService / startService
};

// What a change of the dynamic range did. On Windows one protocol's range changes (for IPv4
// and IPv6 together); Linux has one range for TCP and UDP, so both are named there.
struct DynamicRangeChange
{
    std::vector<Protocol> protocols; // the protocols whose range is now `after`
    PortRange before;
    PortRange after;
    // What the user should know, in English: "Linux has one range ...", the parity warning,
    // "blocks move at the next boot".
    std::vector<std::string> notes;
};

// A reserved block as a backend can see it: a persistent reservation, or a runtime one held
// by some process (Hyper-V's HNS, WinNAT, ...).
struct ReservedBlock
{
    Protocol protocol = Protocol::Tcp;
    PortRange range;
    bool persistent = true;
    Token token = kNoToken; // known only for persistent blocks on backends with tokens
    std::string owner;      // service or process holding a runtime block, when known
    // How the owner is known: "HNS registry", "HCN", "administered by netsh", "scenario";
    // empty when there is no owner, "unknown" when a block has none that anything names.
    std::string ownerEvidence;
    friend bool operator==(const ReservedBlock&, const ReservedBlock&) = default;
};

// The operating system a backend speaks for, as a host snapshot names it.
struct OsInfo
{
    std::string family = "unknown"; // "windows", "linux", "unknown"
    std::string name;               // "Windows 11 Pro", "Debian GNU/Linux 12 (bookworm)"
    std::string version;            // "10.0.22631", the kernel release on Linux
    friend bool operator==(const OsInfo&, const OsInfo&) = default;
};

// Where a service stands, as the Service Control Manager reports it.
enum class ServiceState : std::uint8_t
{
    Stopped,
    Starting, // SERVICE_START_PENDING
    Stopping, // SERVICE_STOP_PENDING
    Running,
    Other, // paused, or pending a pause or continue
};
std::string_view toString(ServiceState state); // "stopped", "starting", ...

// A service that holds (or may hold) runtime port reservations: WinNAT, the Host Network
// Service. Stopping it frees its blocks; starting it takes blocks again, not necessarily at
// the same place (docs/windows-semantics.md#services).
struct ServiceInfo
{
    std::string name;        // the service's key name: "winnat", what "net stop" takes
    std::string displayName; // "Windows NAT (WinNAT)"; the owner named on its blocks
    ServiceState state = ServiceState::Stopped;
    std::int64_t pid = -1;             // -1 when stopped or unknown
    std::vector<ReservedBlock> blocks; // the runtime blocks it holds now
    std::string breaks;                // what stops working while it is stopped; empty when unknown
    friend bool operator==(const ServiceInfo&, const ServiceInfo&) = default;
};

struct Listener
{
    Protocol protocol = Protocol::Tcp;
    AddressFamily family = AddressFamily::IPv4;
    std::string address; // "0.0.0.0", "127.0.0.1", "::"
    std::uint16_t port = 0;
    std::int64_t pid = -1; // -1 when unknown
    std::string process;   // empty when unknown
    // How the socket shares its address, and the account it runs under. Only the simulator
    // knows them; a real backend leaves the defaults ("default", no user).
    SocketSharing sharing = SocketSharing::Default;
    std::string user;
};

enum class BindOutcome : std::uint8_t
{
    Free,      // the bind succeeded
    InUse,     // WSAEADDRINUSE / EADDRINUSE: something is bound there
    Denied,    // WSAEACCES with no reservation covering the port: another account's socket,
               // or an exclusive one (docs/windows-semantics.md#bind-table)
    Forbidden, // WSAEACCES / EACCES where a reservation (or a system rule) covers the port
    Other,     // any other error (address not available, ...)
};
// "free", "in-use", "denied", "forbidden", "other"
std::string_view toString(BindOutcome outcome);

// Who holds a port: a process (pid and name), the owner of a reservation covering it (and how
// that owner is known), or closed TCP connections still in TIME_WAIT (pid 0 on Windows).
struct Holder
{
    std::int64_t pid = -1; // -1 when unknown
    std::string process;
    std::string owner;    // a reservation's owner: "Windows NAT (WinNAT)", "administered"
    std::string evidence; // how the owner is known: "HNS registry", "scenario", ...
    bool timeWait = false;
    std::string address; // where the holding socket is bound, when known ("0.0.0.0")

    bool empty() const;
    // "node.exe (pid 14236)", "pid 4", "Windows NAT (WinNAT)",
    // "a closed TCP connection (TIME_WAIT)"; empty when nothing is known.
    std::string describe() const;
    friend bool operator==(const Holder&, const Holder&) = default;

    static Holder ofProcess(std::int64_t pid, std::string process, std::string address = {});
    static Holder ofReservation(const ReservedBlock& block);
    static Holder ofTimeWait();
};

struct BindTarget
{
    Protocol protocol = Protocol::Tcp;
    AddressFamily family = AddressFamily::IPv4;
    std::string address = "127.0.0.1";
    std::uint16_t port = 0; // 0 = let the system choose
    SocketSharing sharing = SocketSharing::Default;
};

struct BindProbeResult
{
    BindOutcome outcome = BindOutcome::Other;
    std::uint16_t boundPort = 0; // the port actually bound (getsockname) when Free
    std::optional<Error> error;  // set unless Free
    Holder holder;               // who holds the port, when the backend knows
    // A free bind to a specific address: the wildcard listener that takes the port's traffic
    // on every other address (docs/windows-semantics.md#bind-probe).
    Holder shadowedBy;
};

// What a scan answers by default: "could a server take this port?" — the family's wildcard
// with an exclusive bind, which fails whenever anything holds the port.
std::string_view wildcardAddress(AddressFamily family); // "0.0.0.0", "::"
// The option a probe of `address` binds with: exclusive on the wildcard ("could a server take
// this port?"), none on an address the user chose (what a plain program there would get).
SocketSharing probeSharing(AddressFamily family, std::string_view address);

struct ScanRequest
{
    Protocol protocol = Protocol::Tcp;
    AddressFamily family = AddressFamily::IPv4;
    std::string address = "0.0.0.0";
    std::uint16_t first = 1;
    std::uint16_t last = 65535;
    unsigned threads = 0; // 0 = one per hardware thread
    SocketSharing sharing = SocketSharing::Exclusive;
};

// Consecutive ports with the same outcome, native code and holder.
struct ScanRun
{
    std::uint16_t first = 0;
    std::uint16_t last = 0;
    BindOutcome outcome = BindOutcome::Free;
    std::int64_t code = 0;
    std::string codeName;
    Holder holder;
    Holder shadowedBy;
    friend bool operator==(const ScanRun&, const ScanRun&) = default;
};

struct ScanResult
{
    ScanRequest request;
    std::vector<ScanRun> runs; // ascending, covering [first, last] (or up to where it stopped)
    std::uint32_t probed = 0;
    bool cancelled = false;
};

// What a scan reports while it runs, from any of its threads but never concurrently: the
// ports done of the total, and, for a caller that shows runs as they come, the runs from the
// start of the range that are settled (each port once, ascending; a run may continue in the
// next report, so the receiver joins equal neighbours).
class ScanProgress
{
public:
    using Count = std::function<void(std::uint32_t done, std::uint32_t total)>;
    using Runs = std::function<void(const std::vector<ScanRun>& settled)>;

    ScanProgress() = default;
    template <class F>
    requires std::is_invocable_v<F&, std::uint32_t, std::uint32_t> ScanProgress(F count)
        : m_count(std::move(count))
    {
    }
    ScanProgress(Count count, Runs runs) : m_count(std::move(count)), m_runs(std::move(runs)) {}

    void operator()(std::uint32_t done, std::uint32_t total) const
    {
        if (m_count)
            m_count(done, total);
    }
    void settled(const std::vector<ScanRun>& runs) const
    {
        if (m_runs)
            m_runs(runs);
    }
    bool wantsRuns() const { return bool(m_runs); }
    explicit operator bool() const { return m_count || m_runs; }

private:
    Count m_count;
    Runs m_runs;
};

// One socket of the backend's system, with the calls the probes need. Closing (destroying)
// it ends every runtime reservation acquired through it.
class Socket
{
public:
    virtual ~Socket() = default;

    // SIO_ACQUIRE_PORT_RESERVATION: the granted range (start chosen when 0) and its token.
    virtual Result<ReservedBlock> acquireReservation(PortRange range) = 0;
    // SIO_ASSOCIATE_PORT_RESERVATION: must come before bind.
    virtual Result<void> associateReservation(Token token) = 0;
    // SIO_RELEASE_PORT_RESERVATION: only a runtime reservation this process acquired.
    virtual Result<void> releaseReservation(Token token) = 0;
    // SO_REUSEADDR / SO_EXCLUSIVEADDRUSE before bind. Backends without it answer Unsupported
    // for anything but Default.
    virtual Result<void> setSharing(SocketSharing sharing);
    virtual Result<void> bind(std::string_view address, std::uint16_t port) = 0;
    // getsockname: the local port after bind.
    virtual Result<std::uint16_t> localPort() const = 0;
};

// The one interface the rest of the product talks to. Implementations are thread-safe: the
// services call them from worker threads and scans probe ports concurrently.
class Backend
{
public:
    virtual ~Backend() = default;

    virtual std::string_view name() const = 0; // "windows", "linux", "simulated"
    virtual Capabilities capabilities() const = 0;
    virtual bool isElevated() const = 0;
    // The host the backend speaks for (the simulated one names the scenario's machine).
    virtual std::string hostName() const = 0;
    // When the machine last booted, in seconds since the Unix epoch. Persistent tokens may
    // change at every boot, so a new value means every token must be looked up again.
    virtual Result<std::int64_t> bootTime() const = 0;
    // The system's family, name and version; "unknown" and empty texts where the backend
    // cannot tell.
    virtual OsInfo osInfo() const { return {}; }

    virtual Result<ReservedBlock> createPersistent(Protocol protocol, PortRange range) = 0;
    virtual Result<ReservedBlock> lookupPersistent(Protocol protocol, PortRange range) = 0;
    virtual Result<void> deletePersistent(Protocol protocol, PortRange range) = 0;
    // Every block the backend can discover, persistent and runtime; all protocols if none given.
    virtual Result<std::vector<ReservedBlock>>
    listReservations(std::optional<Protocol> protocol) = 0;

    virtual Result<std::unique_ptr<Socket>> openSocket(const SocketSpec& spec) = 0;

    // One bind to (address, port) on a fresh socket, closed again before returning.
    virtual BindProbeResult bindProbe(const BindTarget& target);
    // Bind probes over [first, last] in parallel; stops early (cancelled = true) on request.
    virtual Result<ScanResult> scan(const ScanRequest& request, const ScanProgress& progress,
                                    std::stop_token stop);

    virtual Result<PortRange> dynamicRange(Protocol protocol) = 0;
    // Moves the dynamic range (platform/dynamicrange.h has each system's limits). Needs an
    // elevated administrator (Windows) or root (Linux): otherwise AccessDenied, nothing changed.
    virtual Result<DynamicRangeChange> changeDynamicRange(Protocol protocol, PortRange range);
    virtual Result<std::vector<Listener>> listeners(std::optional<Protocol> protocol) = 0;

    // The services that hold runtime port reservations, with their blocks. Stopping and
    // starting wait for the service to reach the state (or a deadline) and need elevation;
    // the defaults answer Unsupported.
    virtual Result<std::vector<ServiceInfo>> services();
    virtual Result<void> stopService(std::string_view name);
    virtual Result<void> startService(std::string_view name);

    // Starts this program again with administrator rights (Windows: the UAC prompt), with the
    // given arguments; the caller then quits. Unsupported where the system has no such thing.
    virtual Result<void> restartElevated(const std::string& program,
                                         const std::vector<std::string>& arguments);

    // The owner is closing: calls in progress that wait on another program or a driver
    // (Windows: netsh, the registry, HCN, the reservation IOCTLs) end, and later ones answer
    // Cancelled at once, so that closing never waits out a hung call.
    virtual void beginShutdown() {}
    // The user cancelled: the same calls in progress end (they answer Cancelled); later ones
    // are made as usual.
    virtual void cancelPendingCalls() {}
};

// A runtime reservation that owns its acquiring socket: released on request or when destroyed.
class RuntimeReservation
{
public:
    static Result<RuntimeReservation> acquire(Backend& backend, const SocketSpec& spec,
                                              PortRange range);

    RuntimeReservation(RuntimeReservation&&) noexcept = default;
    RuntimeReservation& operator=(RuntimeReservation&& other) noexcept;
    ~RuntimeReservation();

    PortRange range() const { return m_block.range; }
    Token token() const { return m_block.token; }
    bool held() const { return m_held; }
    Result<void> release();

private:
    RuntimeReservation(std::unique_ptr<Socket> socket, ReservedBlock block);

    std::unique_ptr<Socket> m_socket;
    ReservedBlock m_block;
    bool m_held = false;
};

// Classifies a failed bind's error as a scan or probe outcome. An access error is Forbidden
// only when a reservation (or a system rule) covers the port, Denied otherwise.
BindOutcome classifyBindError(const Error& error, bool reservationCovers);
bool isAccessError(const Error& error); // WSAEACCES, EACCES, EPERM

// The reserved block of `blocks` covering (protocol, port), if any.
const ReservedBlock* blockCovering(const std::vector<ReservedBlock>& blocks, Protocol protocol,
                                   std::uint16_t port);

} // namespace portolan
