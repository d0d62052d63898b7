// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "consoledevice.h"

#include <cstddef>
#include <streambuf>
#include <string>

namespace portolan {

// A stream buffer that takes UTF-8 and hands it to a ConsoleDevice: converted to UTF-16 for a
// Windows console, unchanged for everything else. A character split across two writes of the
// stream (its buffer filled up in the middle of one) is held back until it is complete, so that
// the console never sees half of it.
class ConsoleWriter : public std::streambuf
{
public:
    explicit ConsoleWriter(ConsoleDevice& device);
    ~ConsoleWriter() override;
    ConsoleWriter(const ConsoleWriter&) = delete;
    ConsoleWriter& operator=(const ConsoleWriter&) = delete;

    // Writes even an unfinished last character (as U+FFFD on a console): nothing more comes.
    void finish();

protected:
    int_type overflow(int_type ch) override;
    std::streamsize xsputn(const char* data, std::streamsize size) override;
    int sync() override;

private:
    bool flushComplete(bool all);

    ConsoleDevice& m_device;
    bool m_utf16;
    std::string m_pending;
    static constexpr std::size_t kBufferSize = 4096;
};

} // namespace portolan
