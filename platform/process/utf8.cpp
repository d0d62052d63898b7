// SPDX-License-Identifier: GPL-3.0-or-later
#include "utf8.h"

namespace portolan::utf8 {
namespace {

constexpr char32_t kReplacement = 0xFFFD;

bool isContinuation(unsigned char byte)
{
    return (byte & 0xC0) == 0x80;
}

// The length a lead byte announces, 0 for a byte that cannot start a character.
std::size_t sequenceLength(unsigned char lead)
{
    if (lead < 0x80)
        return 1;
    if (lead >= 0xC2 && lead <= 0xDF)
        return 2;
    if (lead >= 0xE0 && lead <= 0xEF)
        return 3;
    if (lead >= 0xF0 && lead <= 0xF4)
        return 4;
    return 0;
}

struct Decoded
{
    char32_t code;
    std::size_t length; // bytes used; 1 for a bad byte
};

// One character at `at` (RFC 3629: no overlong forms, no surrogates, nothing past U+10FFFF).
Decoded decode(std::string_view text, std::size_t at)
{
    const auto lead = static_cast<unsigned char>(text[at]);
    const std::size_t length = sequenceLength(lead);
    if (length == 0 || at + length > text.size())
        return {lead < 0x80 ? char32_t(lead) : kReplacement, 1};
    if (length == 1)
        return {lead, 1};
    char32_t code = lead & (0x7F >> length);
    for (std::size_t i = 1; i < length; ++i) {
        const auto byte = static_cast<unsigned char>(text[at + i]);
        if (!isContinuation(byte))
            return {kReplacement, 1};
        code = (code << 6) | (byte & 0x3F);
    }
    static constexpr char32_t kSmallest[] = {0, 0, 0x80, 0x800, 0x10000};
    if (code < kSmallest[length] || code > 0x10FFFF || (code >= 0xD800 && code <= 0xDFFF))
        return {kReplacement, 1};
    return {code, length};
}

void append(std::string& out, char32_t code)
{
    if (code < 0x80) {
        out += char(code);
    } else if (code < 0x800) {
        out += char(0xC0 | (code >> 6));
        out += char(0x80 | (code & 0x3F));
    } else if (code < 0x10000) {
        out += char(0xE0 | (code >> 12));
        out += char(0x80 | ((code >> 6) & 0x3F));
        out += char(0x80 | (code & 0x3F));
    } else {
        out += char(0xF0 | (code >> 18));
        out += char(0x80 | ((code >> 12) & 0x3F));
        out += char(0x80 | ((code >> 6) & 0x3F));
        out += char(0x80 | (code & 0x3F));
    }
}

} // namespace

std::u16string toUtf16(std::string_view text)
{
    std::u16string out;
    out.reserve(text.size());
    for (std::size_t at = 0; at < text.size();) {
        const Decoded one = decode(text, at);
        at += one.length;
        if (one.code < 0x10000) {
            out += char16_t(one.code);
        } else {
            const char32_t rest = one.code - 0x10000;
            out += char16_t(0xD800 + (rest >> 10));
            out += char16_t(0xDC00 + (rest & 0x3FF));
        }
    }
    return out;
}

std::string fromUtf16(std::u16string_view text)
{
    std::string out;
    out.reserve(text.size());
    for (std::size_t at = 0; at < text.size(); ++at) {
        const char16_t unit = text[at];
        if (unit >= 0xD800 && unit <= 0xDBFF && at + 1 < text.size() && text[at + 1] >= 0xDC00 &&
            text[at + 1] <= 0xDFFF) {
            append(out, 0x10000 + ((char32_t(unit) - 0xD800) << 10) + (text[at + 1] - 0xDC00));
            ++at;
        } else if (unit >= 0xD800 && unit <= 0xDFFF) {
            append(out, kReplacement);
        } else {
            append(out, unit);
        }
    }
    return out;
}

std::size_t completePrefix(std::string_view text)
{
    // A character is at most 4 bytes: only the last 3 can belong to an unfinished one.
    const std::size_t from = text.size() > 3 ? text.size() - 3 : 0;
    for (std::size_t at = text.size(); at > from; --at) {
        const auto byte = static_cast<unsigned char>(text[at - 1]);
        if (isContinuation(byte))
            continue;
        const std::size_t length = sequenceLength(byte);
        if (length > 1 && (at - 1) + length > text.size()) {
            // Unfinished only if what came so far is a valid beginning.
            for (std::size_t i = at; i < text.size(); ++i) {
                if (!isContinuation(static_cast<unsigned char>(text[i])))
                    return text.size();
            }
            return at - 1;
        }
        return text.size();
    }
    return text.size();
}

std::filesystem::path toPath(std::string_view text)
{
    return std::filesystem::path(std::u8string(text.begin(), text.end()));
}

std::string fromPath(const std::filesystem::path& path)
{
    const std::u8string text = path.u8string();
    return std::string(text.begin(), text.end());
}

} // namespace portolan::utf8
