// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "platform/backend.h"

#include <cstdint>
#include <memory>
#include <string>

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

} // namespace portolan::test
