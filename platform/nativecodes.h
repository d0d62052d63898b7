// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "error.h"

#include <cstdint>
#include <string>
#include <string_view>

// Windows error numbers as plain constants, so that the simulated backend and the tests can
// speak Windows without <windows.h>. The windows backend static_asserts them against the SDK.
// Which call answers which code: docs/windows-semantics.md#native-codes.
namespace portolan::native {

inline constexpr std::int64_t kNoError = 0;
inline constexpr std::int64_t kErrorAccessDenied = 5;
inline constexpr std::int64_t kErrorSharingViolation = 32;
inline constexpr std::int64_t kErrorNotSupported = 50;
inline constexpr std::int64_t kErrorInvalidParameter = 87;
inline constexpr std::int64_t kErrorCallNotImplemented = 120;
inline constexpr std::int64_t kErrorProcNotFound = 127;
inline constexpr std::int64_t kErrorNotFound = 1168;
// The Service Control Manager's answers (OpenService, ControlService, StartService).
inline constexpr std::int64_t kErrorDependentServicesRunning = 1051;
inline constexpr std::int64_t kErrorInvalidServiceControl = 1052;
inline constexpr std::int64_t kErrorServiceRequestTimeout = 1053;
inline constexpr std::int64_t kErrorServiceAlreadyRunning = 1056;
inline constexpr std::int64_t kErrorServiceDisabled = 1058;
inline constexpr std::int64_t kErrorServiceDoesNotExist = 1060;
inline constexpr std::int64_t kErrorServiceCannotAcceptCtrl = 1061;
inline constexpr std::int64_t kErrorServiceNotActive = 1062;
inline constexpr std::int64_t kErrorServiceMarkedForDelete = 1072;

inline constexpr std::int64_t kWsaOperationAborted = 995;
inline constexpr std::int64_t kWsaIoPending = 997;
inline constexpr std::int64_t kWsaEintr = 10004;
inline constexpr std::int64_t kWsaEacces = 10013;
inline constexpr std::int64_t kWsaEfault = 10014;
inline constexpr std::int64_t kWsaEinval = 10022;
inline constexpr std::int64_t kWsaEinprogress = 10036;
inline constexpr std::int64_t kWsaEnotsock = 10038;
inline constexpr std::int64_t kWsaEprototype = 10041;
inline constexpr std::int64_t kWsaEprotonosupport = 10043;
inline constexpr std::int64_t kWsaEsocktnosupport = 10044;
inline constexpr std::int64_t kWsaEopnotsupp = 10045;
inline constexpr std::int64_t kWsaEafnosupport = 10047;
inline constexpr std::int64_t kWsaEaddrinuse = 10048;
inline constexpr std::int64_t kWsaEaddrnotavail = 10049;
inline constexpr std::int64_t kWsaEnetdown = 10050;
inline constexpr std::int64_t kWsaEnobufs = 10055;
inline constexpr std::int64_t kWsaNotInitialised = 10093;

// Symbolic name of a Win32 or Winsock code ("ERROR_NOT_FOUND", "WSAEACCES"); empty if unknown.
std::string_view windowsErrorName(std::int64_t code);
// The English system text for a code, as FormatMessage gives it on an English Windows.
std::string_view windowsErrorText(std::int64_t code);
ErrorKind windowsErrorKind(std::int64_t code);
// A complete Error for a Win32/Winsock code: "<context>: <system text>".
Error windowsError(std::int64_t code, std::string_view context);

// Symbolic name of an errno value ("EACCES"); empty if unknown.
std::string_view errnoName(int code);
ErrorKind errnoKind(int code);
// A complete Error for an errno value: "<context>: <strerror text>".
Error posixError(int code, std::string_view context);

} // namespace portolan::native
