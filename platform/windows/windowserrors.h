// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "../error.h"
#include "../types.h"
#include "win32api.h"

#include <cstdint>
#include <string>
#include <string_view>

// How the windows backend turns Win32 and Winsock codes into Errors, shared by its files.
// Whatever the system cannot do is worded the same way everywhere: "<call>: not supported on
// this system (<why>)".
namespace portolan::win32 {

// The sentence for a code in the user's language from FormatMessage when the system has one,
// else nativecodes' English one; empty for a code neither knows.
std::string errorText(const Win32Api& api, std::int64_t code);
// A Win32/Winsock code as an Error: kind and symbolic name from nativecodes, the sentence from
// errorText.
Error windowsFailure(const Win32Api& api, std::int64_t code, std::string_view context);
// An iphlpapi function this system lacks (GetProcAddress found nothing).
Error missingFunction(const Win32Api& api, std::string_view function, std::string_view context);
Error unsupported(std::string_view context, std::string_view why);
// The failure of the Winsock call just made, from WSAGetLastError.
Error lastSocketError(const Win32Api& api, std::string_view context);

// "(start 5000, count 10)", the arguments of a call in its context.
std::string rangeArguments(PortRange range);

} // namespace portolan::win32
