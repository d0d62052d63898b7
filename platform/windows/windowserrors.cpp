// SPDX-License-Identifier: GPL-3.0-or-later
#include "windowserrors.h"

#include "../nativecodes.h"
#include "../text.h"

namespace portolan::win32 {

std::string errorText(const Win32Api& api, std::int64_t code)
{
    std::string text;
    if (api.formatMessage)
        text = text::trim(api.formatMessage(static_cast<std::uint32_t>(code)));
    if (text.empty())
        text = native::windowsErrorText(code);
    return text;
}

Error windowsFailure(const Win32Api& api, std::int64_t code, std::string_view context)
{
    Error error = native::windowsError(code, context);
    const std::string text = errorText(api, code);
    if (error.kind == ErrorKind::Unsupported) {
        error.message = std::string(context) + ": not supported on this system" +
                        (text.empty() ? std::string() : " (" + text + ")");
    } else if (!text.empty()) {
        error.message = std::string(context) + ": " + text;
    }
    return error;
}

Error missingFunction(const Win32Api& api, std::string_view function, std::string_view context)
{
    Error error = windowsFailure(api, native::kErrorProcNotFound, context);
    error.kind = ErrorKind::Unsupported;
    error.message = std::string(context) + ": not supported on this system (iphlpapi.dll has no " +
                    std::string(function) + ")";
    return error;
}

Error unsupported(std::string_view context, std::string_view why)
{
    return Error::make(ErrorKind::Unsupported, std::string(context) +
                                                   ": not supported on this system (" +
                                                   std::string(why) + ")");
}

Error lastSocketError(const Win32Api& api, std::string_view context)
{
    const int code = api.wsaGetLastError ? api.wsaGetLastError() : 0;
    return windowsFailure(api, code, context);
}

std::string rangeArguments(PortRange range)
{
    return "(start " + std::to_string(range.start) + ", count " + std::to_string(range.count) + ")";
}

} // namespace portolan::win32
