// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "../backend.h"

#include <string>
#include <string_view>

namespace portolan::linuxos {

// The distribution's name from an os-release(5) file's text: PRETTY_NAME, else NAME and
// VERSION, else "Linux". Values may be quoted with " or ' and use backslash escapes.
std::string osReleaseName(std::string_view text);

// family "linux", the distribution's name from the first of `osReleasePaths` that can be read,
// and the running kernel's release (uname) as the version.
OsInfo linuxOsInfo(const std::vector<std::string>& osReleasePaths);

} // namespace portolan::linuxos
