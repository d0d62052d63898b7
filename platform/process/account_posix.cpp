// SPDX-License-Identifier: GPL-3.0-or-later
// The account of the running process on POSIX systems: the effective user id, named by the
// password database (getpwuid_r, which also reads LDAP or systemd-homed entries through NSS).
#include "account.h"

#include <pwd.h>
#include <unistd.h>

#include <vector>

namespace portolan {

std::string currentAccountName()
{
    const uid_t uid = geteuid();
    long size = sysconf(_SC_GETPW_R_SIZE_MAX);
    if (size <= 0)
        size = 16384;
    std::vector<char> buffer(static_cast<std::size_t>(size));
    passwd entry{};
    passwd* found = nullptr;
    if (getpwuid_r(uid, &entry, buffer.data(), buffer.size(), &found) == 0 && found &&
        found->pw_name && *found->pw_name)
        return found->pw_name;
    return std::to_string(uid);
}

} // namespace portolan
