// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "backend.h"
#include "error.h"
#include "types.h"

#include <chrono>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

// Microsoft's two sample programs (docs/windows-semantics.md#microsoft-samples) as step-by-step probe plans, so that the
// CLI, the console and the history all show the same steps with the same words.
namespace portolan {

enum class ProbeStepKind : std::uint8_t {
    OpenSocket,
    Acquire,
    Lookup,
    Associate,
    Bind,
    GetSockName,
    Release,
    Close,
};
std::string_view toString(ProbeStepKind kind); // "open-socket", "acquire", ...

struct ProbeStep
{
    ProbeStepKind kind = ProbeStepKind::OpenSocket;
    bool ok = false;
    std::optional<Error> error;
    std::string detail; // "granted 50100-50109, token 0x1a2b", "allocated port 50101"
    std::chrono::microseconds duration{0};
};

struct ProbeReport
{
    std::string plan; // "acquire-release", "lookup-associate"
    SocketSpec spec;
    PortRange requested;
    PortRange granted;                  // the block acquired or looked up
    Token token = kNoToken;
    std::optional<std::uint16_t> allocatedPort; // lookup-associate: the port bind(0) received
    std::vector<ProbeStep> steps;
    bool ok = false; // every step succeeded
};

// Called as each step finishes, for live display.
using ProbeStepCallback = std::function<void(const ProbeStep&)>;

// Sample 1: open a socket, acquire (start, count), report the token, release it, close.
ProbeReport runAcquireRelease(Backend& backend, const SocketSpec& spec, PortRange range,
                              const ProbeStepCallback& onStep = {});
// Sample 2: look up the persistent TCP reservation (start, count), associate a TCP socket with
// its token, bind to INADDR_ANY port 0, getsockname; the port must lie inside the block.
ProbeReport runLookupAssociate(Backend& backend, PortRange range,
                               const ProbeStepCallback& onStep = {});
// A runtime acquire held on one socket while a second socket associates and binds, as a
// correct probe does: acquire, associate, bind, getsockname, release.
ProbeReport runAcquireAssociateBind(Backend& backend, const SocketSpec& spec, PortRange range,
                                    std::string_view address,
                                    const ProbeStepCallback& onStep = {});

} // namespace portolan
