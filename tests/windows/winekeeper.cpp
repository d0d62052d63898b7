// SPDX-License-Identifier: GPL-3.0-or-later
// winekeeper: holds a window on the Wine prefix's desktop until its server stops.
//
// Wine starts the desktop process (explorer.exe /desktop) for the first program that needs it
// and ends it a moment after the last one exits. Starting it takes seconds in a display-less
// prefix, so each test program paid that again (14 s for a test that ran 10 ms), and the
// desktop inherited that test's output pipe. scripts/wine-setup starts this program once,
// with no inherited pipes, so that the desktop stays up for every test.
#include <windows.h>

int WINAPI wWinMain(HINSTANCE instance, HINSTANCE, PWSTR, int)
{
    HWND window = CreateWindowExW(0, L"STATIC", L"portolan-wine-keeper", 0, 0, 0, 0, 0, nullptr,
                                  nullptr, instance, nullptr);
    if (!window)
        return 1;
    MSG message;
    while (GetMessageW(&message, nullptr, 0, 0) > 0)
        DispatchMessageW(&message);
    return 0;
}
