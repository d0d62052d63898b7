// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "platform/backend.h"
#include "platform/error.h"

#include <cstdint>
#include <string_view>
#include <vector>

namespace portolan::cli {

// Values of the command line's newer arguments. A refusal is InvalidArgument and reads
// "NAME: 'value' what is wrong; allowed: ...".

// "tcp", "udp:3000-3010": what snapshot --scan probes, on the family's wildcard address.
Result<ScanRequest> parseScanSpec(std::string_view text, std::string_view name);
// "3000,8080,5000-5010": the ports, ascending, each once.
Result<std::vector<std::uint16_t>> parsePortList(std::string_view text, std::string_view name);

} // namespace portolan::cli
