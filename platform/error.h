// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <variant>

namespace portolan {

// What went wrong, in terms a caller can act on. The native code and its name say exactly
// which call failed how; the kind says what the user can do about it.
enum class ErrorKind : std::uint8_t {
    AccessDenied,    // needs elevation / root
    InvalidArgument, // bad start, count, token, address, buffer
    Conflict,        // port in use, block overlaps another reservation
    NotFound,        // no reservation with exactly this (start, count)
    Unsupported,     // this system or backend cannot do it
    Cancelled,
    Timeout,
    Interrupted,
    Unavailable, // network down, service not running
    IoError,     // files: state, scenario, sysctl.d, /proc
    Internal,
};

std::string_view toString(ErrorKind kind);
// One sentence on what the user can do about an error of this kind.
std::string_view remedy(ErrorKind kind);

struct Error
{
    ErrorKind kind = ErrorKind::Internal;
    std::int64_t code = 0; // native code (Win32, Winsock or errno); 0 when none
    std::string name;      // symbolic name of the native code: ERROR_NOT_FOUND, WSAEACCES, EPERM
    std::string message;   // a sentence a person understands

    static Error make(ErrorKind kind, std::string message)
    {
        return Error{kind, 0, {}, std::move(message)};
    }

    // "Conflict (ERROR_SHARING_VIOLATION, 32): the block overlaps ..."
    std::string describe() const;
};

template <typename T>
class [[nodiscard]] Result
{
public:
    Result(T value) : m_state(std::in_place_index<0>, std::move(value)) {}
    Result(Error error) : m_state(std::in_place_index<1>, std::move(error)) {}

    bool ok() const { return m_state.index() == 0; }
    explicit operator bool() const { return ok(); }

    T& value() & { return std::get<0>(m_state); }
    const T& value() const& { return std::get<0>(m_state); }
    T&& value() && { return std::get<0>(std::move(m_state)); }
    T* operator->() { return &value(); }
    const T* operator->() const { return &value(); }

    const Error& error() const { return std::get<1>(m_state); }

private:
    std::variant<T, Error> m_state;
};

template <>
class [[nodiscard]] Result<void>
{
public:
    Result() = default;
    Result(Error error) : m_error(std::move(error)) {}

    bool ok() const { return !m_error.has_value(); }
    explicit operator bool() const { return ok(); }
    const Error& error() const { return *m_error; }

private:
    std::optional<Error> m_error;
};

} // namespace portolan
