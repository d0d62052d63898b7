// SPDX-License-Identifier: GPL-3.0-or-later
#include "windowsbackend.h"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cstring>

// Who holds a reserved block, from the sources that name one (docs/windows-semantics.md
// #service-ranges): the Host Network Service's own settings in the registry, the Host Compute
// Network API's list of guest network port reservations, and netsh's '*'.
namespace portolan {
namespace {

constexpr std::uint32_t kRegSz = 1;
constexpr std::uint32_t kRegDword = 4;
constexpr std::string_view kHostNetworkService = "Host Network Service";

// A number as the registry holds it: a REG_DWORD, or a REG_SZ of decimal digits (UTF-16LE),
// which is what PowerShell's New-ItemProperty writes when no -PropertyType is given.
std::optional<std::uint32_t> numberValue(const std::vector<win32::RegistryValue>& values,
                                         std::string_view name)
{
    const auto found = std::find_if(values.begin(), values.end(), [&](const auto& value) {
        return value.name.size() == name.size() &&
               std::equal(name.begin(), name.end(), value.name.begin(), [](char a, char b) {
                   return std::tolower(static_cast<unsigned char>(a)) ==
                          std::tolower(static_cast<unsigned char>(b));
               });
    });
    if (found == values.end())
        return std::nullopt;
    if (found->type == kRegDword && found->data.size() == 4) {
        std::uint32_t number = 0;
        std::memcpy(&number, found->data.data(), 4);
        return number;
    }
    if (found->type == kRegSz) {
        std::string digits;
        for (std::size_t i = 0; i + 1 < found->data.size(); i += 2) {
            const char16_t c = static_cast<char16_t>(found->data[i] | (found->data[i + 1] << 8));
            if (c == 0)
                break;
            digits += c < 0x80 ? static_cast<char>(c) : '?';
        }
        std::uint32_t number = 0;
        const auto [end, error] =
            std::from_chars(digits.data(), digits.data() + digits.size(), number);
        if (error == std::errc() && end == digits.data() + digits.size() && !digits.empty())
            return number;
    }
    return std::nullopt;
}

// [first, last], both inclusive, as the sources name ranges.
struct Span
{
    std::uint32_t first = 0;
    std::uint32_t last = 0;
    bool covers(PortRange range) const
    {
        return range.count != 0 && first <= range.start &&
               std::uint32_t(range.start) + range.count - 1 <= last;
    }
};

std::optional<Span> spanOf(std::optional<std::uint32_t> start, std::optional<std::uint32_t> count)
{
    if (!start || !count || *start == 0 || *count == 0 || *start > 65535 ||
        *start + std::uint64_t(*count) - 1 > 65535)
        return std::nullopt;
    return Span{*start, *start + *count - 1};
}

// The ranges the Host Network Service is set to reserve for `protocol`, from the values of its
// State key: its excluded port range (unless EnableExcludedPortRange is 0; reported for TCP,
// so checked against both protocols) and its preallocated TCP or UDP range.
std::vector<Span> hnsRanges(const std::vector<win32::RegistryValue>& values, Protocol protocol)
{
    std::vector<Span> spans;
    if (numberValue(values, "EnableExcludedPortRange").value_or(1) != 0) {
        if (auto span = spanOf(numberValue(values, "ExcludedPortRangeStartPort"),
                               numberValue(values, "ExcludedPortRangePortCount")))
            spans.push_back(*span);
    }
    const std::string prefix =
        std::string("PreallocatePortRange") + (protocol == Protocol::Tcp ? "TCP" : "UDP");
    if (auto span = spanOf(numberValue(values, prefix + "StartPort"),
                           numberValue(values, prefix + "PortCount")))
        spans.push_back(*span);
    return spans;
}

// The guest network port reservations HCN lists for `protocol`.
std::vector<Span> hcnRanges(const std::vector<win32::HcnPortRangeEntry>& entries, Protocol protocol)
{
    const std::uint32_t wanted =
        protocol == Protocol::Tcp ? win32::kHcnPortProtocolTcp : win32::kHcnPortProtocolUdp;
    std::vector<Span> spans;
    for (const auto& entry : entries) {
        if ((entry.protocol & wanted) == 0 || entry.startingPort == 0 ||
            entry.endingPort < entry.startingPort)
            continue;
        spans.push_back(Span{entry.startingPort, entry.endingPort});
    }
    return spans;
}

bool anyCovers(const std::vector<Span>& spans, PortRange range)
{
    return std::any_of(spans.begin(), spans.end(),
                       [range](const Span& span) { return span.covers(range); });
}

} // namespace

Result<void> WindowsBackend::nameOwners(Protocol protocol, std::vector<ReservedBlock>& blocks,
                                        const std::vector<PortRange>& administered) const
{
    if (blocks.empty())
        return {};
    // A source that fails names no owner; one that does not answer fails the discovery, as a
    // hung netsh does.
    std::vector<Span> hns;
    if (m_api->readRegistryValues) {
        auto read = readRegistry(kHnsStateKey);
        if (!read)
            return read.error();
        if (read.value().code == 0)
            hns = hnsRanges(read.value().values, protocol);
    }
    std::vector<Span> hcn;
    if (m_api->enumerateGuestNetworkPortReservations) {
        struct Listed
        {
            std::int32_t result = 0; // an HRESULT
            std::vector<win32::HcnPortRangeEntry> entries;
        };
        auto listed = m_calls->run(win32::CallKind::Hcn,
                                   "asking the Host Network Service for its port reservations "
                                   "(HcnEnumerateGuestNetworkPortReservations)",
                                   [api = m_api] {
                                       Listed out;
                                       out.result =
                                           api->enumerateGuestNetworkPortReservations(out.entries);
                                       return out;
                                   });
        if (!listed)
            return listed.error();
        if (listed.value().result >= 0) // SUCCEEDED(hr)
            hcn = hcnRanges(listed.value().entries, protocol);
    }
    for (auto& block : blocks) {
        // The sources that name a service first; the '*' says only that an administrator
        // (or a service on one's behalf) made the exclusion.
        if (anyCovers(hns, block.range)) {
            block.owner = kHostNetworkService;
            block.ownerEvidence = "HNS registry";
        } else if (anyCovers(hcn, block.range)) {
            block.owner = kHostNetworkService;
            block.ownerEvidence = "HCN";
        } else if (std::find(administered.begin(), administered.end(), block.range) !=
                   administered.end()) {
            block.owner = "administrator";
            block.ownerEvidence = "administered by netsh";
        } else {
            block.owner.clear();
            block.ownerEvidence = "unknown";
        }
    }
    return {};
}

} // namespace portolan
