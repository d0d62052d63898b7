// SPDX-License-Identifier: GPL-3.0-or-later
#include "linuxbackend.h"

#include "../nativecodes.h"
#include "../scanner.h"
#include "../text.h"
#include "linuxsocket.h"
#include "osrelease.h"
#include "portset.h"
#include "procnet.h"
#include "reservationfile.h"
#include "sysfiles.h"

#include <algorithm>
#include <cerrno>
#include <charconv>
#include <climits>
#include <cstring>
#include <sys/stat.h>
#include <thread>
#include <tuple>
#include <unistd.h>
#include <unordered_map>

namespace portolan {

using namespace linuxos;

namespace {

constexpr std::string_view kForeignOwner = "sysctl (not created by Portolan)";
constexpr std::string_view kInactiveOwner =
    "Portolan (recorded, but not active in the kernel's list)";
constexpr std::uint32_t kDefaultUnprivilegedPortStart = 1024;

// Threads for a scan, measured on the 2-core build machine: whole-range TCP scan of 127.0.0.1
// inside a private network namespace, median of 7 runs on an idle machine, against a
// single-threaded socket/bind/close loop (0.46 s): 1 thread 1.01x, 2 threads 0.62x, 3 threads
// 0.64x, 4 threads 0.64x, 8 threads 0.63x. The probes scale with cores and gain nothing
// beyond them (the fd table and the bind hash are shared), so: one thread per core, at least
// two, and a cap so that a big machine does not contend on the kernel's locks for nothing.
constexpr unsigned kMinScanThreads = 2;
constexpr unsigned kMaxScanThreads = 8;

std::string describe(Protocol protocol, PortRange range)
{
    return std::string(toString(protocol)) + " " + toString(range);
}

// The state both operations start from: what Portolan recorded and what the kernel applies.
struct ReservationState
{
    ReservationFile file;
    PortSet kernel;

    // Ports of the kernel's list that no recorded block explains.
    PortSet foreign() const
    {
        PortSet ports = kernel;
        for (const RecordedBlock& block : file.blocks) {
            PortSet own;
            own.add(block.range);
            ports.remove(own);
        }
        return ports;
    }
    const RecordedBlock* find(Protocol protocol, PortRange range) const
    {
        for (const RecordedBlock& block : file.blocks)
            if (block.protocol == protocol && block.range == range)
                return &block;
        return nullptr;
    }
    // Why `verb` (lookup, delete) finds no block: the exact block is needed; an overlapping
    // one Portolan made is named.
    std::string notFound(std::string_view verb, Protocol protocol, PortRange range) const
    {
        std::string message = "no reservation " + describe(protocol, range) +
                              " made by Portolan; " + std::string(verb) +
                              " needs the exact start and count used when it was created";
        for (const RecordedBlock& block : file.blocks)
            if (block.protocol == protocol && block.range.overlaps(range)) {
                message += " (Portolan has " + describe(block.protocol, block.range) + ")";
                break;
            }
        return message;
    }
};

Result<ReservationState> readState(const std::string& kernelPath, const std::string& filePath)
{
    ReservationState state;
    auto kernelText = readFile(kernelPath);
    if (!kernelText) {
        Error error = kernelText.error();
        if (error.code == ENOENT)
            error.message = kernelPath +
                            " does not exist: this kernel has no net.ipv4.ip_local_reserved_ports "
                            "(Linux 2.6.35 or later is needed)";
        return error;
    }
    auto kernel = PortSet::parse(kernelText.value(), kernelPath);
    if (!kernel)
        return kernel.error();
    state.kernel = std::move(kernel.value());
    auto fileText = readFileIfPresent(filePath);
    if (!fileText)
        return fileText.error();
    auto file = parseReservationFile(fileText.value(), filePath);
    if (!file)
        return file.error();
    state.file = std::move(file.value());
    return state;
}

// The state an operation on one persistent block starts from, once the block is valid.
Result<ReservationState> readStateFor(PortRange range, const std::string& kernelPath,
                                      const std::string& filePath)
{
    if (auto valid = validatePortRange(range, RangeKind::Persistent); !valid)
        return errnoError(ErrorKind::InvalidArgument, EINVAL, valid.error().message);
    return readState(kernelPath, filePath);
}

// Applies a change: the kernel's list first (the write that needs root, so a refusal changes
// nothing), then the record file; if the file cannot be written the kernel's list is put
// back, so that the two never disagree. With no block left the file is removed: it has
// nothing of Portolan's to apply at boot any more.
Result<void> commitState(const std::string& kernelPath, const std::string& filePath,
                         const PortSet& oldKernel, const PortSet& newKernel,
                         const std::vector<RecordedBlock>& blocks)
{
    const bool kernelChanged = newKernel != oldKernel;
    if (kernelChanged) {
        if (auto written = writeFileInPlace(kernelPath, newKernel.format() + "\n"); !written)
            return written.error();
    }
    Result<void> saved;
    if (blocks.empty()) {
        if (::unlink(filePath.c_str()) != 0 && errno != ENOENT) {
            const int code = errno;
            const bool denied = code == EACCES || code == EPERM || code == EROFS;
            saved = errnoError(denied ? ErrorKind::AccessDenied : ErrorKind::IoError, code,
                               "cannot remove " + filePath + ": " + std::strerror(code) +
                                   (denied ? "; changing port reservations needs root: run "
                                             "Portolan as root (sudo)"
                                           : "; check the folder and try again"));
        }
    } else {
        saved = writeFileAtomically(filePath, formatReservationFile(blocks, newKernel));
    }
    if (saved || !kernelChanged)
        return saved;
    Error error = saved.error();
    auto restored = writeFileInPlace(kernelPath, oldKernel.format() + "\n");
    error.message += restored
                         ? "; the kernel's list was restored, nothing changed"
                         : "; restoring the kernel's list failed too (" + restored.error().message +
                               "): compare it with the sysctl.d file";
    return error;
}

Result<std::uint32_t> readNumberFile(const std::string& path)
{
    auto text = readFile(path);
    if (!text)
        return text.error();
    std::string_view value = text.value();
    while (!value.empty() && (value.back() == '\n' || value.back() == ' '))
        value.remove_suffix(1);
    std::uint32_t number = 0;
    const auto [end, ec] = std::from_chars(value.data(), value.data() + value.size(), number);
    if (ec != std::errc() || end != value.data() + value.size())
        return errnoError(ErrorKind::IoError, EINVAL,
                          path + ": \"" + std::string(value) + "\" is not a number");
    return number;
}

// The port's holder for a scan: the process of a socket on it, preferring a listener of the
// scanned family.
std::unordered_map<std::uint16_t, Holder> holdersByPort(const SocketSnapshot& snapshot,
                                                        AddressFamily family)
{
    std::unordered_map<std::uint16_t, std::pair<int, Holder>> best;
    for (const SocketEntry& entry : snapshot.sockets) {
        if (entry.port == 0)
            continue;
        const auto process = snapshot.processes.find(entry.inode);
        Holder holder;
        if (process != snapshot.processes.end() && process->second.pid >= 0)
            holder = Holder::ofProcess(process->second.pid, process->second.name, entry.address);
        else if (entry.protocol == Protocol::Tcp && entry.state == kTcpTimeWaitState)
            holder = Holder::ofTimeWait();
        if (holder.empty())
            continue;
        const int rank = (isListening(entry) ? 2 : 0) + (entry.family == family ? 1 : 0);
        auto it = best.find(entry.port);
        if (it == best.end() || rank > it->second.first)
            best[entry.port] = {rank, std::move(holder)};
    }
    std::unordered_map<std::uint16_t, Holder> holders;
    for (auto& [port, ranked] : best)
        holders.emplace(port, std::move(ranked.second));
    return holders;
}

std::uint32_t unprivilegedPortStart(const std::string& procRoot)
{
    // Absent before Linux 4.11, where 1024 was fixed.
    auto value = readNumberFile(procRoot + "/sys/net/ipv4/ip_unprivileged_port_start");
    return value ? value.value() : kDefaultUnprivilegedPortStart;
}

Holder privilegedPortsHolder(std::uint32_t unprivilegedStart)
{
    Holder holder;
    holder.evidence = "net.ipv4.ip_unprivileged_port_start";
    holder.owner =
        "ports below " + std::to_string(unprivilegedStart) +
        " need root (net.ipv4.ip_unprivileged_port_start = " + std::to_string(unprivilegedStart) +
        ")";
    return holder;
}

} // namespace

unsigned LinuxBackend::defaultScanThreads()
{
    return std::clamp(std::thread::hardware_concurrency(), kMinScanThreads, kMaxScanThreads);
}

LinuxBackend::LinuxBackend(LinuxOptions options)
    : m_options(std::move(options)),
      m_reservedPortsPath(m_options.procRoot + "/sys/net/ipv4/ip_local_reserved_ports"),
      m_reservationFilePath(m_options.sysctlDir + "/" + std::string(kReservationFileName))
{
}

Result<std::unique_ptr<LinuxBackend>> LinuxBackend::open(const LinuxOptions& options)
{
    LinuxOptions resolved = options;
    if (resolved.procRoot.empty())
        resolved.procRoot = LinuxOptions{}.procRoot;
    if (resolved.sysctlDir.empty())
        resolved.sysctlDir = LinuxOptions{}.sysctlDir;
    while (resolved.procRoot.size() > 1 && resolved.procRoot.back() == '/')
        resolved.procRoot.pop_back();
    while (resolved.sysctlDir.size() > 1 && resolved.sysctlDir.back() == '/')
        resolved.sysctlDir.pop_back();
    struct stat info
    {
    };
    const int found = ::stat(resolved.procRoot.c_str(), &info);
    if (found != 0 || !S_ISDIR(info.st_mode)) {
        const int code = found != 0 ? errno : ENOTDIR;
        return errnoError(ErrorKind::IoError, code,
                          "proc root " + resolved.procRoot +
                              " is not a readable folder; mount /proc or give the folder "
                              "of a proc tree");
    }
    return std::unique_ptr<LinuxBackend>(new LinuxBackend(std::move(resolved)));
}

Capabilities LinuxBackend::capabilities() const
{
    Capabilities caps;
    caps.persistentReservations = true;
    caps.persistentTokens = false;
    caps.discoverReservations = true;
    caps.runtimeReservations = false;
    caps.bindProbe = true;
    caps.listeners = true;
    caps.dynamicRange = true;
    return caps;
}

bool LinuxBackend::isElevated() const
{
    return ::geteuid() == 0;
}

std::string LinuxBackend::hostName() const
{
    char name[HOST_NAME_MAX + 1] = {};
    if (::gethostname(name, sizeof name - 1) != 0)
        return "localhost";
    return name;
}

OsInfo LinuxBackend::osInfo() const
{
    return linuxos::linuxOsInfo(m_options.osRelease);
}

Result<std::int64_t> LinuxBackend::bootTime() const
{
    const std::string path = m_options.procRoot + "/stat";
    auto text = readFile(path);
    if (!text)
        return text.error();
    for (const std::string_view line : text::split(text.value(), '\n')) {
        if (!line.starts_with("btime "))
            continue;
        std::string_view value = line.substr(6);
        while (!value.empty() && value.front() == ' ')
            value.remove_prefix(1);
        std::int64_t seconds = 0;
        const auto [end, ec] = std::from_chars(value.data(), value.data() + value.size(), seconds);
        if (ec == std::errc() && seconds > 0)
            return seconds;
        break;
    }
    return errnoError(ErrorKind::IoError, EINVAL,
                      path + " has no \"btime SECONDS\" line; the boot time is unknown (is "
                             "the proc file system mounted there?)");
}

Result<ReservedBlock> LinuxBackend::createPersistent(Protocol protocol, PortRange range)
{
    std::lock_guard lock(m_mutex);
    auto state = readStateFor(range, m_reservedPortsPath, m_reservationFilePath);
    if (!state)
        return state.error();
    const std::string wanted = describe(protocol, range);

    for (const RecordedBlock& block : state->file.blocks) {
        if (block.protocol != protocol || !block.range.overlaps(range))
            continue;
        std::string message = "the block " + wanted + " overlaps the reservation " +
                              describe(block.protocol, block.range) +
                              " that Portolan created (recorded in " + m_reservationFilePath + ")";
        if (!state->kernel.containsAll(block.range))
            message += ", which is not active in the kernel's list right now (run `sysctl "
                       "--system` as root to apply the file, or delete it and create it again)";
        else
            message += block.range == range ? "; it already exists"
                                            : "; delete it first or choose another block";
        return errnoError(ErrorKind::Conflict, EEXIST, std::move(message));
    }

    const PortSet taken = state->foreign().intersection(range);
    if (!taken.empty())
        return errnoError(ErrorKind::Conflict, EEXIST,
                          "the block " + wanted + " overlaps ports " + taken.format() +
                              " already in net.ipv4.ip_local_reserved_ports (" +
                              m_reservedPortsPath +
                              ") that were not reserved by Portolan; choose another block or "
                              "remove them from the sysctl setting that adds them");

    auto snapshot = readSockets(m_options.procRoot, protocol, true, range);
    if (!snapshot)
        return snapshot.error();
    std::vector<const SocketEntry*> busy;
    for (const SocketEntry& entry : snapshot->sockets)
        if (range.contains(entry.port))
            busy.push_back(&entry);
    if (!busy.empty()) {
        std::sort(busy.begin(), busy.end(),
                  [](const SocketEntry* a, const SocketEntry* b) { return a->port < b->port; });
        const SocketEntry& first = *busy.front();
        const auto process = snapshot->processes.find(first.inode);
        std::string who =
            describeProcess(process == snapshot->processes.end() ? nullptr : &process->second);
        if (who.empty())
            who = isElevated() ? "a process" : "a process (run as root to see which)";
        std::string message = "port " + std::to_string(first.port) + " of the block " + wanted +
                              " is in use: " + who + " " +
                              (protocol == Protocol::Tcp ? "listens on " : "is bound to ") +
                              formatEndpoint(first.address, first.family, first.port);
        std::size_t others = 0;
        for (const SocketEntry* entry : busy)
            others += entry->port != first.port ? 1 : 0;
        if (others > 0)
            message += " (and " + std::to_string(others) + " more socket(s) in the block)";
        message += "; stop it or choose another block";
        return errnoError(ErrorKind::Conflict, EADDRINUSE, std::move(message));
    }

    PortSet kernel = state->kernel;
    kernel.add(range);
    std::vector<RecordedBlock> blocks = state->file.blocks;
    blocks.push_back(RecordedBlock{protocol, range});
    if (auto committed =
            commitState(m_reservedPortsPath, m_reservationFilePath, state->kernel, kernel, blocks);
        !committed)
        return committed.error();
    return ReservedBlock{protocol, range, true, kNoToken, {}};
}

Result<ReservedBlock> LinuxBackend::lookupPersistent(Protocol protocol, PortRange range)
{
    std::lock_guard lock(m_mutex);
    auto state = readStateFor(range, m_reservedPortsPath, m_reservationFilePath);
    if (!state)
        return state.error();
    if (state->find(protocol, range)) {
        if (state->kernel.containsAll(range))
            return ReservedBlock{protocol, range, true, kNoToken, {}};
        return errnoError(ErrorKind::NotFound, ENOENT,
                          "the reservation " + describe(protocol, range) + " is recorded in " +
                              m_reservationFilePath + " but not active in the kernel's list (" +
                              m_reservedPortsPath +
                              "), e.g. after a boot that did not apply the file; run "
                              "`sysctl --system` as root, or delete and create it again");
    }
    std::string message = state->notFound("lookup", protocol, range);
    if (state->foreign().containsAny(range))
        message += "; ports of it are in net.ipv4.ip_local_reserved_ports, but were not "
                   "reserved by Portolan";
    return errnoError(ErrorKind::NotFound, ENOENT, std::move(message));
}

Result<void> LinuxBackend::deletePersistent(Protocol protocol, PortRange range)
{
    std::lock_guard lock(m_mutex);
    auto state = readStateFor(range, m_reservedPortsPath, m_reservationFilePath);
    if (!state)
        return state.error();
    if (!state->find(protocol, range))
        return errnoError(ErrorKind::NotFound, ENOENT, state->notFound("delete", protocol, range));

    std::vector<RecordedBlock> blocks;
    PortSet stillRecorded;
    for (const RecordedBlock& block : state->file.blocks) {
        if (block.protocol == protocol && block.range == range)
            continue;
        blocks.push_back(block);
        stillRecorded.add(block.range);
    }
    // Ports another block (e.g. the same ports for the other protocol) still needs stay.
    PortSet release;
    release.add(range);
    release.remove(stillRecorded);
    PortSet kernel = state->kernel;
    kernel.remove(release);

    return commitState(m_reservedPortsPath, m_reservationFilePath, state->kernel, kernel, blocks);
}

Result<std::vector<ReservedBlock>> LinuxBackend::listReservations(std::optional<Protocol> protocol)
{
    std::lock_guard lock(m_mutex);
    auto state = readState(m_reservedPortsPath, m_reservationFilePath);
    if (!state)
        return state.error();
    std::vector<ReservedBlock> blocks;
    for (const RecordedBlock& block : state->file.blocks) {
        if (protocol && *protocol != block.protocol)
            continue;
        const bool active = state->kernel.containsAll(block.range);
        blocks.push_back(ReservedBlock{block.protocol, block.range, true, kNoToken,
                                       active ? std::string() : std::string(kInactiveOwner)});
    }
    for (const PortRange& range : toRanges(state->foreign().spans()))
        for (const Protocol p : {Protocol::Tcp, Protocol::Udp})
            if (!protocol || *protocol == p)
                blocks.push_back(
                    ReservedBlock{p, range, true, kNoToken, std::string(kForeignOwner)});
    std::sort(blocks.begin(), blocks.end(), [](const ReservedBlock& a, const ReservedBlock& b) {
        return std::tuple(a.range.start, a.range.count, a.protocol) <
               std::tuple(b.range.start, b.range.count, b.protocol);
    });
    return blocks;
}

Result<std::unique_ptr<Socket>> LinuxBackend::openSocket(const SocketSpec& spec)
{
    return openLinuxSocket(spec);
}

BindProbeResult LinuxBackend::bindProbe(const BindTarget& target)
{
    auto address = parseSocketAddress(target.address, target.family);
    if (!address) {
        BindProbeResult result;
        result.outcome = BindOutcome::Other;
        result.error = address.error();
        return result;
    }
    const SocketSpec spec = SocketSpec::forProtocol(target.protocol, target.family);
    BindProbeResult result = probeBind(address.value(), target.address, socketType(spec.type),
                                       spec.protocol, target.port);
    // Who is in the way, looked up only when something is: the free path stays lean.
    if (result.outcome == BindOutcome::InUse && target.port != 0) {
        if (auto snapshot = readSockets(m_options.procRoot, target.protocol, false,
                                        PortRange{target.port, 1})) {
            const auto holders = holdersByPort(snapshot.value(), target.family);
            if (const auto it = holders.find(target.port); it != holders.end())
                result.holder = it->second;
        }
    } else if (result.outcome == BindOutcome::Forbidden && target.port != 0 && !isElevated()) {
        const std::uint32_t unprivilegedStart = unprivilegedPortStart(m_options.procRoot);
        if (target.port < unprivilegedStart)
            result.holder = privilegedPortsHolder(unprivilegedStart);
    }
    return result;
}

Result<ScanResult> LinuxBackend::scan(const ScanRequest& request, const ScanProgress& progress,
                                      std::stop_token stop)
{
    if (request.first == 0 || request.last < request.first)
        return errnoError(ErrorKind::InvalidArgument, EINVAL,
                          "range: " + std::to_string(request.first) + "-" +
                              std::to_string(request.last) +
                              " is not a scan range; allowed: FIRST-LAST with "
                              "1 <= FIRST <= LAST <= 65535");
    auto address = parseSocketAddress(request.address, request.family);
    if (!address)
        return address.error();

    // One snapshot of who holds what, taken before the probes: a scan answers for one moment.
    std::unordered_map<std::uint16_t, Holder> holders;
    const PortRange scanned{request.first, std::uint16_t(request.last - request.first + 1)};
    if (auto snapshot = readSockets(m_options.procRoot, request.protocol, false, scanned))
        holders = holdersByPort(snapshot.value(), request.family);
    const std::uint32_t unprivilegedStart = unprivilegedPortStart(m_options.procRoot);
    const bool elevated = isElevated();
    const Holder privilegedHolder = privilegedPortsHolder(unprivilegedStart);

    ScanRequest effective = request;
    if (effective.threads == 0)
        effective.threads = defaultScanThreads();
    const SocketSpec spec = SocketSpec::forProtocol(request.protocol, request.family);
    const int type = socketType(spec.type);
    const SocketAddress& parsed = address.value();
    const std::string_view addressText = request.address;
    auto probe = [&](std::uint16_t port) {
        BindProbeResult result = probeBind(parsed, addressText, type, spec.protocol, port);
        if (result.outcome == BindOutcome::InUse) {
            if (const auto it = holders.find(port); it != holders.end())
                result.holder = it->second;
        } else if (result.outcome == BindOutcome::Forbidden && !elevated &&
                   port < unprivilegedStart) {
            result.holder = privilegedHolder;
        }
        return result;
    };
    ScanResult result = scanPorts(effective, probe, progress, std::move(stop));
    result.request = request;
    return result;
}

Result<PortRange> LinuxBackend::dynamicRange(Protocol)
{
    // One setting for TCP and UDP alike.
    const std::string path = m_options.procRoot + "/sys/net/ipv4/ip_local_port_range";
    auto text = readFile(path);
    if (!text)
        return text.error();
    std::string_view rest = text.value();
    std::uint32_t bounds[2] = {};
    for (std::uint32_t& bound : bounds) {
        while (!rest.empty() && (rest.front() == ' ' || rest.front() == '\t'))
            rest.remove_prefix(1);
        const auto [end, ec] = std::from_chars(rest.data(), rest.data() + rest.size(), bound);
        if (ec != std::errc())
            bound = 0;
        rest.remove_prefix(std::size_t(end - rest.data()));
    }
    while (!rest.empty() && (rest.front() == '\n' || rest.front() == ' '))
        rest.remove_prefix(1);
    if (!rest.empty() || bounds[0] == 0 || bounds[1] < bounds[0] || bounds[1] > 65535)
        return errnoError(ErrorKind::IoError, EINVAL,
                          path + ": \"" + text.value() +
                              "\" is not two ports \"FIRST LAST\" with 1 <= FIRST <= LAST <= "
                              "65535; check the net.ipv4.ip_local_port_range setting");
    return PortRange{std::uint16_t(bounds[0]), std::uint16_t(bounds[1] - bounds[0] + 1)};
}

Result<std::vector<Listener>> LinuxBackend::listeners(std::optional<Protocol> protocol)
{
    return readListeners(m_options.procRoot, protocol);
}

} // namespace portolan
