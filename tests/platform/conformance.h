// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "platform/backend.h"

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

// The behavioural suite every backend runs (tests/platform/conformance.cpp). Each backend's
// test executable links that file with its own makeConformanceFixture().
namespace portolan::test {

class ConformanceFixture
{
public:
    virtual ~ConformanceFixture() = default;

    virtual Backend& backend() = 0;

    // Makes (protocol, port) busy on 127.0.0.1 as a listener would (a real listening socket, or
    // a simulated one) until releasePort or the fixture's end. False if this fixture cannot.
    virtual bool occupyPort(Protocol protocol, std::uint16_t port) = 0;
    virtual void releasePort(Protocol protocol, std::uint16_t port) = 0;

    // Puts a socket of another program on (protocol, address, port), bound with `sharing`,
    // under the caller's account or another one, until releasePort. False, with the reason in
    // `why`, where this fixture cannot set that up.
    virtual bool occupyAs(Protocol protocol, const std::string& address, std::uint16_t port,
                          SocketSharing sharing, bool sameUser, std::string* why)
    {
        (void)protocol, (void)address, (void)port, (void)sharing, (void)sameUser;
        *why = description() + ": cannot place sockets with options or of another account";
        return false;
    }

    // Switches the caller's elevation; false if this fixture cannot (real backends).
    virtual bool setElevated(bool elevated) = 0;

    // A port range the tests may use freely: nothing listens there, nothing reserves it, and it
    // lies outside the dynamic range.
    virtual PortRange freeBlock() const = 0;

    // Why tests needing something this fixture lacks are skipped, printed once.
    virtual std::string description() const = 0;
};

// Defined once per backend test executable.
std::unique_ptr<ConformanceFixture> makeConformanceFixture();

// Ends nothing by itself: records that the running test case could not run on this backend,
// prints why, and makes the executable exit 77 (ctest's "skipped") when every case it ran was
// skipped and none failed. The caller returns right after.
void skipCase(std::string_view reason);

} // namespace portolan::test
