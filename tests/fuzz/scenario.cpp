// SPDX-License-Identifier: GPL-3.0-or-later
// Fuzz target: the simulated backend's scenario loader (what --scenario FILE reads), then a
// few calls on the machine it built.
#include "simulatedexercise.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    using namespace portolan;
    auto backend = SimulatedBackend::fromScenarioText(fuzz::asText(data, size),
                                                      std::string(SimulatedBackend::kMemoryState));
    if (!backend) {
        FUZZ_CHECK(backend.error().kind == ErrorKind::InvalidArgument);
        FUZZ_CHECK(backend.error().message.rfind("scenario ", 0) == 0);
        return 0;
    }
    fuzz::exercise(*backend.value());
    return 0;
}
