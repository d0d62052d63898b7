// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/store/records.h"

#include "platform/backend.h"
#include "platform/error.h"

#include <QCoreApplication>
#include <QString>

#include <optional>

// One-line explanations of native codes in the context where they happened, so that the
// console, the history and the reports use the same words. Every text is translatable.
namespace portolan {

class Explanations
{
    Q_DECLARE_TR_FUNCTIONS(Explanations)

public:
    // What a native code means for the step it came from, in one line:
    // WSAEACCES on a bind: "another process's runtime reservation holds this port (Hyper-V,
    // WinNAT…)"; ERROR_SHARING_VIOLATION on a create: "a port of the block is in use, or the
    // block overlaps an existing reservation". Empty when nothing useful can be said.
    static QString forError(const Error& error, std::optional<StepKind> step = {});
    // The explanation of a stored step: its error if any, else what its outcome means.
    static QString forStep(const ProbeStepRecord& step);
    // What a bind outcome means ("free: the bind succeeded", ...).
    static QString forOutcome(BindOutcome outcome, std::int64_t code = 0);
    // "Conflict (ERROR_SHARING_VIOLATION, 32): <message>" — the error as one translated line.
    static QString errorLine(const Error& error);
    static QString kindName(ErrorKind kind); // "Conflict", "Access denied", ...
    // Translated names for enumerations shown in the console.
    static QString protocolName(Protocol protocol);      // "TCP", "UDP"
    static QString sourceName(ReservationSource source); // "created", "looked up", ...
    static QString stateName(ReservationState state);    // "present", "missing", "unverified"
    static QString actionName(AuditAction action);       // "create", "delete", ...
    static QString probeKindName(ProbeKind kind);        // "acquire and release", ...
    static QString stepKindName(StepKind kind);          // "open socket", ...
    static QString outcomeName(BindOutcome outcome);     // "free", "in use", ...
    static QString rangeText(const PortRange& range);    // "5000–5019", "5000"
    static QString tokenText(quint64 token);             // "0x1a2b3c", "—" for none
};

} // namespace portolan
