// SPDX-License-Identifier: GPL-3.0-or-later
#include "consoletwin.h"

namespace portolan::consoletwin {

std::wstring programBeside(std::wstring_view twin)
{
    const std::size_t slash = twin.find_last_of(L"\\/");
    const std::size_t dot = twin.find_last_of(L'.');
    std::wstring program(twin);
    if (dot != std::wstring_view::npos && (slash == std::wstring_view::npos || dot > slash))
        program.resize(dot);
    return program + L".exe";
}

std::wstring childCommandLine(std::wstring_view program, std::wstring_view typed)
{
    // "CommandLineToArgvW" / "Parsing C++ command-line arguments": the program name is taken
    // literally up to the closing quote when it starts with one, else up to the first space
    // or tab; no escapes apply to it.
    std::size_t at = 0;
    if (!typed.empty() && typed.front() == L'"') {
        const std::size_t close = typed.find(L'"', 1);
        at = close == std::wstring_view::npos ? typed.size() : close + 1;
    } else {
        while (at < typed.size() && typed[at] != L' ' && typed[at] != L'\t')
            ++at;
    }
    return L"\"" + std::wstring(program) + L"\"" + std::wstring(typed.substr(at));
}

} // namespace portolan::consoletwin
