// SPDX-License-Identifier: GPL-3.0-or-later
// Moving the dynamic port range through netsh: IPv4 and IPv6 together, as KB929851 describes
// (docs/windows-semantics.md#dynamic-range).
#include "windowsbackend.h"

#include "../dynamicrange.h"
#include "../nativecodes.h"
#include "windowserrors.h"

#include <string>
#include <vector>

namespace portolan {

namespace {

std::vector<std::string> setArguments(std::string_view family, Protocol protocol, PortRange range)
{
    return {"int",
            std::string(family),
            "set",
            "dynamicport",
            std::string(toString(protocol)),
            "start=" + std::to_string(range.start),
            "num=" + std::to_string(range.count)};
}

} // namespace

Result<DynamicRangeChange> WindowsBackend::changeDynamicRange(Protocol protocol, PortRange range)
{
    // netsh refuses these itself; checking first names the field and runs nothing.
    auto checked = dynamicrange::checkWindows(range.start, range.count);
    if (!checked)
        return checked.error();
    const std::string what = "netsh int ipv4 set dynamicport " + std::string(toString(protocol));
    if (!isElevated()) {
        Error error = win32::windowsFailure(*m_api, native::kErrorAccessDenied, what);
        error.kind = ErrorKind::AccessDenied;
        error.message += " Changing the dynamic range needs an elevated administrator "
                         "(Run as administrator); nothing was changed.";
        return error;
    }
    auto before = dynamicRange(protocol);
    if (!before)
        return before.error();

    if (auto v4 = runNetsh(setArguments("ipv4", protocol, range), true); !v4)
        return v4.error();
    if (auto v6 = runNetsh(setArguments("ipv6", protocol, range), true); !v6) {
        // Half a change would leave IPv4 and IPv6 handing out different ports.
        Error error = v6.error();
        auto restored = runNetsh(setArguments("ipv4", protocol, before.value()), true);
        error.message += restored ? "; the IPv4 range was put back, nothing changed"
                                  : "; putting the IPv4 range back failed too (" +
                                        restored.error().message + ")";
        return error;
    }
    auto after = dynamicRange(protocol);
    if (!after)
        return after.error();
    if (after.value() != range)
        return Error::make(ErrorKind::Internal, what + ": netsh accepted " +
                                                    dynamicrange::describe(range) + " but shows " +
                                                    dynamicrange::describe(after.value()));

    DynamicRangeChange change;
    change.protocols = {protocol};
    change.before = before.value();
    change.after = range;
    change.notes.push_back("IPv4 and IPv6 both use " + dynamicrange::describe(range) + " for " +
                           std::string(toString(protocol)));
    change.notes.push_back("services such as WinNAT and HNS take their blocks again at the next "
                           "boot; blocks may move then");
    return change;
}

} // namespace portolan
