// SPDX-License-Identifier: GPL-3.0-or-later
#include "reservationfile.h"

#include "sysfiles.h"

#include "../text.h"

#include <algorithm>
#include <cerrno>
#include <charconv>
#include <tuple>

namespace portolan::linuxos {

namespace {

constexpr std::string_view kBlockTag = "portolan-block:";

using text::trim;
using text::words;

bool parseDecimal(std::string_view text, std::int64_t& value)
{
    const auto digits = text::parseDigits(text, 6);
    if (digits)
        value = *digits;
    return digits.has_value();
}

std::optional<RecordedBlock> parseBlock(std::string_view text)
{
    const auto parts = words(text);
    if (parts.size() != 3)
        return std::nullopt;
    const auto protocol = parseProtocol(parts[0]);
    std::int64_t start = 0;
    std::int64_t count = 0;
    if (!protocol || !parseDecimal(parts[1], start) || !parseDecimal(parts[2], count))
        return std::nullopt;
    auto range = makePortRange(start, count, RangeKind::Persistent);
    if (!range)
        return std::nullopt;
    return RecordedBlock{*protocol, range.value()};
}

} // namespace

Result<ReservationFile> parseReservationFile(std::string_view text, std::string_view path)
{
    ReservationFile file;
    std::size_t lineNumber = 0;
    std::size_t pos = 0;
    while (pos < text.size()) {
        const auto newline = text.find('\n', pos);
        const std::string_view raw = text.substr(
            pos, newline == std::string_view::npos ? std::string_view::npos : newline - pos);
        pos = newline == std::string_view::npos ? text.size() : newline + 1;
        ++lineNumber;
        const std::string_view line = trim(raw);
        if (line.empty())
            continue;
        if (line.front() == '#' || line.front() == ';') {
            const std::string_view comment = trim(line.substr(1));
            if (!comment.starts_with(kBlockTag))
                continue;
            const auto block = parseBlock(comment.substr(kBlockTag.size()));
            if (!block)
                return errnoError(ErrorKind::IoError, EINVAL,
                                  std::string(path) + " line " + std::to_string(lineNumber) +
                                      ": \"" + std::string(line) +
                                      "\" is not a block record \"# portolan-block: tcp|udp "
                                      "START COUNT\"; fix or remove the line");
            if (std::find(file.blocks.begin(), file.blocks.end(), *block) == file.blocks.end())
                file.blocks.push_back(*block);
            continue;
        }
        const auto equals = line.find('=');
        if (equals == std::string_view::npos)
            continue;
        std::string key(trim(line.substr(0, equals)));
        std::replace(key.begin(), key.end(), '/', '.');
        if (key != kReservedPortsKey)
            continue;
        const std::string where = std::string(path) + " line " + std::to_string(lineNumber);
        auto list = PortSet::parse(line.substr(equals + 1), where);
        if (!list)
            return list.error();
        file.appliedList = list.value();
    }
    return file;
}

std::string formatReservationFile(std::vector<RecordedBlock> blocks, const PortSet& list)
{
    std::sort(blocks.begin(), blocks.end(), [](const RecordedBlock& a, const RecordedBlock& b) {
        return std::tuple(a.range.start, a.range.count, a.protocol) <
               std::tuple(b.range.start, b.range.count, b.protocol);
    });
    std::string text =
        "# Persistent port reservations made by Portolan. Written by Portolan: change them\n"
        "# with Portolan (or remove this file to drop them at the next boot).\n"
        "#\n"
        "# Linux keeps one reserved-port list for TCP and UDP and merges adjacent ranges when it\n"
        "# is read back, so each block Portolan created is recorded here by protocol, start and\n"
        "# count (\"portolan-block: PROTOCOL START COUNT\").\n"
        "#\n"
        "# The list below is the whole net.ipv4.ip_local_reserved_ports applied at boot: the\n"
        "# blocks recorded here plus the entries that were already in the kernel's list when\n"
        "# this file was written (reserved by someone else), so that applying this file at boot\n"
        "# does not drop them.\n";
    for (const RecordedBlock& block : blocks)
        text += "# " + std::string(kBlockTag) + " " + std::string(toString(block.protocol)) + " " +
                std::to_string(block.range.start) + " " + std::to_string(block.range.count) + "\n";
    text += std::string(kReservedPortsKey) + " = " + list.format() + "\n";
    return text;
}

} // namespace portolan::linuxos
