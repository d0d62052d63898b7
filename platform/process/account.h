// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <string>

// The account this process runs under, as the operating system names it. One implementation
// file per OS (process/account_*.cpp, picked by CMake).
namespace portolan {

// Windows: GetUserNameW ("ana"); POSIX: the password database's entry of the effective user
// id, else that id in decimal ("1000") when the database has no entry (a container). Empty
// only when the system cannot tell at all. Unlike USER or USERNAME, which any parent process
// may leave out or set to anything, this names the account whose rights the process has: what
// an audit entry must record.
std::string currentAccountName();

} // namespace portolan
