// SPDX-License-Identifier: GPL-3.0-or-later
#include "error.h"

#include <string>

namespace portolan {

std::string_view toString(ErrorKind kind)
{
    switch (kind) {
    case ErrorKind::AccessDenied: return "AccessDenied";
    case ErrorKind::InvalidArgument: return "InvalidArgument";
    case ErrorKind::Conflict: return "Conflict";
    case ErrorKind::NotFound: return "NotFound";
    case ErrorKind::Unsupported: return "Unsupported";
    case ErrorKind::Cancelled: return "Cancelled";
    case ErrorKind::Timeout: return "Timeout";
    case ErrorKind::Interrupted: return "Interrupted";
    case ErrorKind::Unavailable: return "Unavailable";
    case ErrorKind::IoError: return "IoError";
    case ErrorKind::Internal: return "Internal";
    }
    return "Internal";
}

std::string_view remedy(ErrorKind kind)
{
    switch (kind) {
    case ErrorKind::AccessDenied:
        return "Run it again as an administrator (Windows: an elevated prompt; Linux: root).";
    case ErrorKind::InvalidArgument:
        return "Correct the value named in the message and try again.";
    case ErrorKind::Conflict:
        return "Choose another block, or stop what holds these ports first.";
    case ErrorKind::NotFound:
        return "Check the protocol, start and count: they must match the reservation exactly.";
    case ErrorKind::Unsupported:
        return "This system cannot do it; use a backend or machine that can.";
    case ErrorKind::Cancelled: return "Nothing more was done; start it again when ready.";
    case ErrorKind::Timeout: return "The system did not answer in time; try again.";
    case ErrorKind::Interrupted: return "The call was interrupted; try again.";
    case ErrorKind::Unavailable: return "Check that the network stack is up and try again.";
    case ErrorKind::IoError: return "Check the file named in the message and its permissions.";
    case ErrorKind::Internal: return "This is a bug in Portolan; please report it.";
    }
    return "";
}

std::string Error::describe() const
{
    std::string text(toString(kind));
    if (!name.empty() || code != 0) {
        text += " (";
        if (!name.empty()) {
            text += name;
            text += ", ";
        }
        text += std::to_string(code);
        text += ')';
    }
    text += ": ";
    text += message;
    return text;
}

} // namespace portolan
