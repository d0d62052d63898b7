// SPDX-License-Identifier: GPL-3.0-or-later
#include "consolewriter.h"

#include "utf8.h"

#include <algorithm>

namespace portolan {
namespace {

// WriteConsoleW's documentation warns that a call with a large buffer may fail for lack of
// heap space in the console; pieces of this size never do.
constexpr std::size_t kConsoleChunk = 8192;

bool writeInChunks(ConsoleDevice& device, std::u16string_view text)
{
    while (!text.empty()) {
        std::size_t size = std::min(text.size(), kConsoleChunk);
        // Never split a surrogate pair between two calls.
        if (size < text.size() && text[size - 1] >= 0xD800 && text[size - 1] <= 0xDBFF)
            --size;
        if (!device.writeUtf16(text.substr(0, size)))
            return false;
        text.remove_prefix(size);
    }
    return true;
}

} // namespace

ConsoleWriter::ConsoleWriter(ConsoleDevice& device)
    : m_device(device), m_utf16(device.isConsole() && device.wantsUtf16())
{
    m_pending.reserve(kBufferSize);
}

ConsoleWriter::~ConsoleWriter()
{
    finish();
}

void ConsoleWriter::finish()
{
    flushComplete(true);
}

bool ConsoleWriter::flushComplete(bool all)
{
    if (m_pending.empty())
        return true;
    if (!m_utf16) {
        const bool ok = m_device.writeBytes(m_pending);
        m_pending.clear();
        return ok;
    }
    const std::size_t complete = all ? m_pending.size() : utf8::completePrefix(m_pending);
    const bool ok =
        writeInChunks(m_device, utf8::toUtf16(std::string_view(m_pending).substr(0, complete)));
    m_pending.erase(0, complete);
    return ok;
}

ConsoleWriter::int_type ConsoleWriter::overflow(int_type ch)
{
    if (traits_type::eq_int_type(ch, traits_type::eof()))
        return sync() == 0 ? traits_type::not_eof(ch) : traits_type::eof();
    m_pending += traits_type::to_char_type(ch);
    if (m_pending.size() >= kBufferSize && !flushComplete(false))
        return traits_type::eof();
    return ch;
}

std::streamsize ConsoleWriter::xsputn(const char* data, std::streamsize size)
{
    m_pending.append(data, std::size_t(size));
    if (m_pending.size() >= kBufferSize && !flushComplete(false))
        return 0;
    return size;
}

int ConsoleWriter::sync()
{
    // A flush in the middle of a character keeps its beginning for the next write.
    return flushComplete(false) ? 0 : -1;
}

} // namespace portolan
