// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

// Standard output and error as the program's text sees them: a console window, where Windows
// takes UTF-16 (WriteConsoleW) whatever the console's code page, or a file or pipe, which gets
// the UTF-8 bytes. One implementation file per OS (process/process_*.cpp, picked by
// CMake); tests put a fake in its place.
namespace portolan {

enum class StandardStream
{
    Out,
    Err
};

class ConsoleDevice
{
public:
    virtual ~ConsoleDevice() = default;
    // A console (Windows) or terminal (POSIX) rather than a file or a pipe.
    virtual bool isConsole() const = 0;
    // Text for a Windows console: WriteConsoleW. Only called when isConsole() and
    // wantsUtf16(). False when the console refused it.
    virtual bool writeUtf16(std::u16string_view text) = 0;
    // Bytes as they are: a file, a pipe, or a POSIX terminal (which reads UTF-8 itself).
    virtual bool writeBytes(std::string_view bytes) = 0;
    // Windows consoles want UTF-16; POSIX terminals take the bytes.
    virtual bool wantsUtf16() const = 0;
};

// The process's own standard output or error.
std::unique_ptr<ConsoleDevice> standardConsole(StandardStream stream);

// The command line without the program's name, as UTF-8: on Windows from the UTF-16 command
// line (the char** of main holds the ANSI code page there), elsewhere argv itself.
std::vector<std::string> commandLineArguments(int argc, char** argv);

} // namespace portolan
