// SPDX-License-Identifier: GPL-3.0-or-later
// portolan.com passes the arguments on exactly as they were typed, to portolan.exe beside it.
#include "consoletwin.h"

#include <doctest/doctest.h>

using portolan::consoletwin::childCommandLine;
using portolan::consoletwin::programBeside;

TEST_CASE("the program beside the twin has its name with .exe")
{
    CHECK(programBeside(L"C:\\Program Files\\Portolan\\portolan.com") ==
          L"C:\\Program Files\\Portolan\\portolan.exe");
    CHECK(programBeside(L"C:\\a.b\\portolan") == L"C:\\a.b\\portolan.exe");
}

TEST_CASE("the arguments follow the program, quoted or not, exactly as typed")
{
    const std::wstring exe = L"C:\\Program Files\\Portolan\\portolan.exe";
    const std::wstring quoted = L"\"" + exe + L"\"";
    CHECK(childCommandLine(exe, L"portolan --version") == quoted + L" --version");
    CHECK(childCommandLine(exe, L"\"C:\\Program Files\\Portolan\\portolan.com\" --import "
                                L"\"C:\\x y\\\u6F22.txt\"") ==
          quoted + L" --import \"C:\\x y\\\u6F22.txt\"");
    CHECK(childCommandLine(exe, L"portolan") == quoted);
    CHECK(childCommandLine(exe, L"portolan\t--help") == quoted + L"\t--help");
    // Backslashes and quotes inside the arguments are left for portolan.exe to parse.
    CHECK(childCommandLine(exe, L"portolan --title \"a \\\"b\\\"\"") ==
          quoted + L" --title \"a \\\"b\\\"\"");
}
