// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "../nativecodes.h"

#include <cstdint>

// The simulated port pool's rules that are not in Microsoft's documentation, in one place.
namespace portolan::simulated {

// --- Rules that come from observation, not from Microsoft's documentation (docs/windows-semantics.md#simulator-choices) ---
// Each is a named constant so that a Windows trace proving otherwise is a one-line fix.

// An explicit bind to a port of another process's runtime block (HNS, WinNAT) fails with
// WSAEACCES 10013 although nothing listens there.
inline constexpr std::int64_t kBindInsideServiceBlockCode = native::kWsaEacces;
// An explicit bind to a port of a persistent ("administered") reservation succeeds.
inline constexpr bool kBindInsidePersistentAllowed = true;
// A runtime acquire overlapping a persistent reservation fails with WSAEADDRINUSE 10048.
inline constexpr std::int64_t kAcquireOverPersistentCode = native::kWsaEaddrinuse;
// A runtime acquire overlapping another runtime block, a listener or a bound socket.
inline constexpr std::int64_t kAcquireOverInUseCode = native::kWsaEaddrinuse;
// CreatePersistent*PortReservation over a block a service holds at runtime fails with
// ERROR_SHARING_VIOLATION, as reported when pinning a port while WinNAT runs.
inline constexpr bool kPersistentCreateConflictsWithRuntimeBlocks = true;

// --- Choices where Windows documents nothing and nothing has been observed ---

// bind(addr, 0) on a socket associated with a reservation whose every port is bound.
// WSAENOBUFS is what Windows answers when the ephemeral range is exhausted, so the same
// allocator running out of a reserved block most likely answers it too.
inline constexpr std::int64_t kBlockExhaustedCode = native::kWsaEnobufs;
// bind(addr, 0) without association when no port of the dynamic range is free.
inline constexpr std::int64_t kEphemeralExhaustedCode = native::kWsaEnobufs;
// SIO_ACQUIRE_PORT_RESERVATION with start 0 when no free block of that size is left in the
// dynamic range.
inline constexpr std::int64_t kAcquireNoRoomCode = native::kWsaEnobufs;
// What the public raw iphlpapi functions answer when the state file cannot be written
// (ERROR_WRITE_FAULT); the Backend methods report the IoError itself instead.
inline constexpr std::uint32_t kStateWriteFailedCode = 29;

} // namespace portolan::simulated
