// SPDX-License-Identifier: GPL-3.0-or-later
// create, lookup, delete (persistent reservations) and acquire (a runtime one).
#include "session.h"

#include "output.h"

#include <chrono>
#include <condition_variable>
#include <mutex>

namespace portolan::cli {

// On ERROR_SHARING_VIOLATION the system does not say whether the block overlaps a reservation
// or a port is in use: look at what can be seen and tell the user which it was.
std::vector<std::string> Session::explainConflict(Protocol protocol, const PortRange& range)
{
    Json conflicts = Json::array();
    std::vector<std::string> lines;
    if (auto blocks = m_backend.listReservations(protocol); blocks.ok()) {
        for (const auto& block : blocks.value()) {
            if (!block.range.overlaps(range))
                continue;
            Json entry = reservationJson(block, m_backend.hostName());
            entry["reason"] = "reservation";
            conflicts.push_back(std::move(entry));
            lines.push_back("overlaps the " +
                            std::string(block.persistent ? "persistent" : "runtime") +
                            " reservation " + toString(block.range) +
                            (block.owner.empty() ? "" : " held by " + block.owner));
        }
    }
    if (auto listeners = m_backend.listeners(protocol); listeners.ok()) {
        for (const auto& listener : listeners.value()) {
            if (!range.contains(listener.port))
                continue;
            Json entry = Json::object();
            entry["reason"] = "listener";
            entry["port"] = listener.port;
            entry["address"] = listener.address;
            entry["pid"] = pidJson(listener.pid);
            entry["process"] = listener.process;
            conflicts.push_back(std::move(entry));
            std::string who = listener.process.empty() ? "a process" : listener.process;
            if (listener.pid >= 0)
                who += " (pid " + std::to_string(listener.pid) + ")";
            lines.push_back("port " + std::to_string(listener.port) + " on " + listener.address +
                            " is in use by " + who);
        }
    }
    m_doc["conflicts"] = std::move(conflicts);
    return lines;
}

int Session::persistent()
{
    Protocol protocol = *m_inv.protocol;
    const PortRange& range = m_inv.range;

    if (m_inv.command == Command::Delete) {
        auto result = m_backend.deletePersistent(protocol, range);
        if (!result.ok())
            return fail(result.error());
        Json reservation = rangeJson(protocol, range);
        reservation["persistent"] = true;
        m_doc["reservation"] = std::move(reservation);
        if (!json()) {
            m_out << "deleted persistent " << toString(protocol) << " reservation "
                  << blockText(range) << '\n';
        }
        return kExitOk;
    }

    bool create = m_inv.command == Command::Create;
    auto result = create ? m_backend.createPersistent(protocol, range)
                         : m_backend.lookupPersistent(protocol, range);
    if (!result.ok()) {
        if (create && result.error().kind == ErrorKind::Conflict)
            return fail(result.error(), explainConflict(protocol, range));
        return fail(result.error());
    }
    const ReservedBlock& block = result.value();
    m_doc["reservation"] = reservationJson(block, m_backend.hostName());
    if (!json()) {
        m_out << (create ? "created " : "found ") << "persistent " << toString(block.protocol)
              << " reservation " << blockText(block.range) << ", token "
              << (block.token == kNoToken ? "- (this system has no tokens)"
                                          : tokenText(block.token))
              << '\n';
    }
    return kExitOk;
}

int Session::acquire()
{
    Protocol protocol = *m_inv.protocol;
    auto acquired =
        RuntimeReservation::acquire(m_backend, SocketSpec::forProtocol(protocol), m_inv.range);
    if (!acquired.ok())
        return fail(acquired.error());
    RuntimeReservation& reservation = acquired.value();

    ReservedBlock block{protocol, reservation.range(), false, reservation.token(), {}};
    m_doc["reservation"] = reservationJson(block, m_backend.hostName());
    m_doc["hold_seconds"] = m_inv.holdSeconds;
    if (!json()) {
        // Flushed at once: whoever runs "--hold" waits for this line to use the reservation.
        m_out << "acquired runtime " << toString(protocol) << " reservation "
              << blockText(reservation.range()) << ", token " << tokenText(reservation.token())
              << std::endl;
    }

    bool cancelled = false;
    if (m_inv.holdSeconds > 0) {
        if (!json()) {
            m_out << "holding it for " << m_inv.holdSeconds << " s; Ctrl-C releases it early"
                  << std::endl;
        }
        std::mutex mutex;
        std::condition_variable_any wakeUp;
        std::unique_lock lock(mutex);
        wakeUp.wait_for(lock, m_env.stop, std::chrono::seconds(m_inv.holdSeconds),
                        [] { return false; });
        cancelled = m_env.stop.stop_requested();
    }

    auto released = reservation.release();
    m_doc["released"] = released.ok();
    if (!released.ok())
        return fail(released.error());
    if (!json())
        m_out << "released " << toString(protocol) << " reservation " << toString(block.range)
              << '\n';
    if (cancelled) {
        return fail(Error::make(ErrorKind::Cancelled,
                                "interrupted while holding the reservation; it was released"));
    }
    return kExitOk;
}

} // namespace portolan::cli
