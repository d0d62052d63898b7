// SPDX-License-Identifier: GPL-3.0-or-later
#include "nativecodes.h"

#include <cerrno>
#include <cstring>
#include <string>

namespace portolan::native {
namespace {

struct WindowsCode
{
    std::int64_t code;
    std::string_view name;
    ErrorKind kind;
    std::string_view text; // FormatMessage's English text
};

constexpr WindowsCode kWindowsCodes[] = {
    {kNoError, "NO_ERROR", ErrorKind::Internal, "The operation completed successfully."},
    {kErrorAccessDenied, "ERROR_ACCESS_DENIED", ErrorKind::AccessDenied, "Access is denied."},
    {kErrorSharingViolation, "ERROR_SHARING_VIOLATION", ErrorKind::Conflict,
     "The process cannot access the file because it is being used by another process."},
    {kErrorNotSupported, "ERROR_NOT_SUPPORTED", ErrorKind::Unsupported,
     "The request is not supported."},
    {kErrorInvalidParameter, "ERROR_INVALID_PARAMETER", ErrorKind::InvalidArgument,
     "The parameter is incorrect."},
    {kErrorCallNotImplemented, "ERROR_CALL_NOT_IMPLEMENTED", ErrorKind::Unsupported,
     "This function is not supported on this system."},
    {kErrorProcNotFound, "ERROR_PROC_NOT_FOUND", ErrorKind::Unsupported,
     "The specified procedure could not be found."},
    {kErrorNotFound, "ERROR_NOT_FOUND", ErrorKind::NotFound, "Element not found."},
    {kErrorDependentServicesRunning, "ERROR_DEPENDENT_SERVICES_RUNNING", ErrorKind::Conflict,
     "A stop control has been sent to a service that other running services are dependent on."},
    {kErrorInvalidServiceControl, "ERROR_INVALID_SERVICE_CONTROL", ErrorKind::InvalidArgument,
     "The requested control is not valid for this service."},
    {kErrorServiceRequestTimeout, "ERROR_SERVICE_REQUEST_TIMEOUT", ErrorKind::Timeout,
     "The service did not respond to the start or control request in a timely fashion."},
    {kErrorServiceAlreadyRunning, "ERROR_SERVICE_ALREADY_RUNNING", ErrorKind::Conflict,
     "An instance of the service is already running."},
    {kErrorServiceDisabled, "ERROR_SERVICE_DISABLED", ErrorKind::Unavailable,
     "The service cannot be started, either because it is disabled or because it has no enabled "
     "devices associated with it."},
    {kErrorServiceDoesNotExist, "ERROR_SERVICE_DOES_NOT_EXIST", ErrorKind::NotFound,
     "The specified service does not exist as an installed service."},
    {kErrorServiceCannotAcceptCtrl, "ERROR_SERVICE_CANNOT_ACCEPT_CTRL", ErrorKind::Unavailable,
     "The service cannot accept control messages at this time."},
    {kErrorServiceNotActive, "ERROR_SERVICE_NOT_ACTIVE", ErrorKind::Conflict,
     "The service has not been started."},
    {kErrorServiceMarkedForDelete, "ERROR_SERVICE_MARKED_FOR_DELETE", ErrorKind::Unavailable,
     "The specified service has been marked for deletion."},
    {kWsaOperationAborted, "WSA_OPERATION_ABORTED", ErrorKind::Cancelled,
     "The I/O operation has been aborted because of either a thread exit or an application "
     "request."},
    {kWsaIoPending, "WSA_IO_PENDING", ErrorKind::Unavailable,
     "Overlapped I/O operation is in progress."},
    {kWsaEintr, "WSAEINTR", ErrorKind::Interrupted,
     "A blocking operation was interrupted by a call to WSACancelBlockingCall."},
    {kWsaEacces, "WSAEACCES", ErrorKind::AccessDenied,
     "An attempt was made to access a socket in a way forbidden by its access permissions."},
    {kWsaEfault, "WSAEFAULT", ErrorKind::InvalidArgument,
     "The system detected an invalid pointer address in attempting to use a pointer argument "
     "in a call."},
    {kWsaEinval, "WSAEINVAL", ErrorKind::InvalidArgument, "An invalid argument was supplied."},
    {kWsaEinprogress, "WSAEINPROGRESS", ErrorKind::Unavailable,
     "A blocking operation is currently executing."},
    {kWsaEnotsock, "WSAENOTSOCK", ErrorKind::InvalidArgument,
     "An operation was attempted on something that is not a socket."},
    {kWsaEprototype, "WSAEPROTOTYPE", ErrorKind::InvalidArgument,
     "A protocol was specified in the socket function call that does not support the semantics "
     "of the socket type requested."},
    {kWsaEprotonosupport, "WSAEPROTONOSUPPORT", ErrorKind::Unsupported,
     "The requested protocol has not been configured into the system, or no implementation for "
     "it exists."},
    {kWsaEsocktnosupport, "WSAESOCKTNOSUPPORT", ErrorKind::Unsupported,
     "The support for the specified socket type does not exist in this address family."},
    {kWsaEopnotsupp, "WSAEOPNOTSUPP", ErrorKind::Unsupported,
     "The attempted operation is not supported for the type of object referenced."},
    {kWsaEafnosupport, "WSAEAFNOSUPPORT", ErrorKind::Unsupported,
     "An address incompatible with the requested protocol was used."},
    {kWsaEaddrinuse, "WSAEADDRINUSE", ErrorKind::Conflict,
     "Only one usage of each socket address (protocol/network address/port) is normally "
     "permitted."},
    {kWsaEaddrnotavail, "WSAEADDRNOTAVAIL", ErrorKind::InvalidArgument,
     "The requested address is not valid in its context."},
    {kWsaEnetdown, "WSAENETDOWN", ErrorKind::Unavailable,
     "A socket operation encountered a dead network."},
    {kWsaEnobufs, "WSAENOBUFS", ErrorKind::Conflict,
     "An operation on a socket could not be performed because the system lacked sufficient "
     "buffer space or because a queue was full."},
    {kWsaNotInitialised, "WSANOTINITIALISED", ErrorKind::Internal,
     "Either the application has not called WSAStartup, or WSAStartup failed."},
};

const WindowsCode* findWindows(std::int64_t code)
{
    for (const auto& entry : kWindowsCodes) {
        if (entry.code == code)
            return &entry;
    }
    return nullptr;
}

struct ErrnoCode
{
    int code;
    std::string_view name;
    ErrorKind kind;
};

const ErrnoCode kErrnoCodes[] = {
    {EPERM, "EPERM", ErrorKind::AccessDenied},
    {ENOENT, "ENOENT", ErrorKind::NotFound},
    {EINTR, "EINTR", ErrorKind::Interrupted},
    {EIO, "EIO", ErrorKind::IoError},
    {EBADF, "EBADF", ErrorKind::InvalidArgument},
    {EAGAIN, "EAGAIN", ErrorKind::Unavailable},
    {ENOMEM, "ENOMEM", ErrorKind::Internal},
    {EACCES, "EACCES", ErrorKind::AccessDenied},
    {EFAULT, "EFAULT", ErrorKind::InvalidArgument},
    {EBUSY, "EBUSY", ErrorKind::Conflict},
    {EEXIST, "EEXIST", ErrorKind::Conflict},
    {ENOTDIR, "ENOTDIR", ErrorKind::IoError},
    {EISDIR, "EISDIR", ErrorKind::IoError},
    {EINVAL, "EINVAL", ErrorKind::InvalidArgument},
    {EMFILE, "EMFILE", ErrorKind::Unavailable},
    {ENFILE, "ENFILE", ErrorKind::Unavailable},
    {EFBIG, "EFBIG", ErrorKind::IoError},
    {ENOSPC, "ENOSPC", ErrorKind::IoError},
    {EROFS, "EROFS", ErrorKind::IoError},
    {ERANGE, "ERANGE", ErrorKind::InvalidArgument},
    {ENOSYS, "ENOSYS", ErrorKind::Unsupported},
    {ENOTSUP, "ENOTSUP", ErrorKind::Unsupported},
#if EOPNOTSUPP != ENOTSUP
    {EOPNOTSUPP, "EOPNOTSUPP", ErrorKind::Unsupported},
#endif
    {ENOTSOCK, "ENOTSOCK", ErrorKind::InvalidArgument},
    {EPROTONOSUPPORT, "EPROTONOSUPPORT", ErrorKind::Unsupported},
    {EPROTOTYPE, "EPROTOTYPE", ErrorKind::InvalidArgument},
    {EAFNOSUPPORT, "EAFNOSUPPORT", ErrorKind::Unsupported},
    {EADDRINUSE, "EADDRINUSE", ErrorKind::Conflict},
    {EADDRNOTAVAIL, "EADDRNOTAVAIL", ErrorKind::InvalidArgument},
    {ENETDOWN, "ENETDOWN", ErrorKind::Unavailable},
    {ENOBUFS, "ENOBUFS", ErrorKind::Unavailable},
    {ETIMEDOUT, "ETIMEDOUT", ErrorKind::Timeout},
    {ECANCELED, "ECANCELED", ErrorKind::Cancelled},
};

std::string joinContext(std::string_view context, std::string_view text)
{
    std::string message(context);
    if (!message.empty())
        message += ": ";
    message += text;
    return message;
}

} // namespace

std::string_view windowsErrorName(std::int64_t code)
{
    const auto* entry = findWindows(code);
    return entry ? entry->name : std::string_view{};
}

std::string_view windowsErrorText(std::int64_t code)
{
    const auto* entry = findWindows(code);
    return entry ? entry->text : std::string_view{};
}

ErrorKind windowsErrorKind(std::int64_t code)
{
    const auto* entry = findWindows(code);
    return entry ? entry->kind : ErrorKind::Internal;
}

Error windowsError(std::int64_t code, std::string_view context)
{
    Error error;
    error.kind = windowsErrorKind(code);
    error.code = code;
    error.name = std::string(windowsErrorName(code));
    std::string_view text = windowsErrorText(code);
    error.message = joinContext(context, text.empty() ? "unknown Windows error "
                                                            + std::to_string(code)
                                                      : std::string(text));
    return error;
}

std::string_view errnoName(int code)
{
    for (const auto& entry : kErrnoCodes) {
        if (entry.code == code)
            return entry.name;
    }
    return {};
}

ErrorKind errnoKind(int code)
{
    for (const auto& entry : kErrnoCodes) {
        if (entry.code == code)
            return entry.kind;
    }
    return ErrorKind::Internal;
}

Error posixError(int code, std::string_view context)
{
    Error error;
    error.kind = errnoKind(code);
    error.code = code;
    error.name = std::string(errnoName(code));
    error.message = joinContext(context, std::strerror(code));
    return error;
}

} // namespace portolan::native
