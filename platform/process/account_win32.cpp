// SPDX-License-Identifier: GPL-3.0-or-later
// The account of the running process on Windows: GetUserNameW names the user of the thread's
// security context (Microsoft Learn, "GetUserNameW function (winbase.h)"); an elevated process
// of the same administrator keeps that name.
#include "account.h"

#include "utf8.h"

#include <windows.h>

#include <lmcons.h>

namespace portolan {

std::string currentAccountName()
{
    wchar_t name[UNLEN + 1] = {};
    DWORD size = UNLEN + 1;
    if (!GetUserNameW(name, &size) || size == 0)
        return {};
    // size counts the terminating null.
    return utf8::fromUtf16(std::u16string_view(reinterpret_cast<const char16_t*>(name), size - 1));
}

} // namespace portolan
