// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/store/records.h"

#include <QCoreApplication>
#include <QString>

// The words of the history, made when shown from what a row stores (kinds, protocols, ports,
// codes, holders), so that every row reads in the language the console speaks now, also rows
// recorded under another language or before these words existed. The English text a row keeps
// (ProbeRunRecord::summary, ProbeStepRecord::detail) is what the full-text search finds; it is
// shown only where a row lacks the facts (a step reported live, before its run is known).
namespace portolan {

class RunText
{
    Q_DECLARE_TR_FUNCTIONS(RunText)

public:
    // One line for a run: "acquire and release TCP 5000–5009: granted 5000–5009, token 0x1a",
    // "lookup and associate TCP 5037: failed at bind (WSAENOBUFS (10055)), 5037 held by
    // adb.exe (pid 11840)", "scan TCP 0.0.0.0 2800–3400: 101 free, ...". Uses the run's steps
    // when loaded, else its digest.
    static QString summary(const ProbeRunRecord& run);
    // What a step did, from the step and its run: "granted 5000–5009, token 0x1a",
    // "found block 5037, token 0x2b", "allocated port 5037", "3000–3004: forbidden". `run`
    // may be a run still in progress (only its kind known): then the stored text is shown.
    static QString stepDetail(const ProbeStepRecord& step, const ProbeRunRecord& run);
    // An audit row's request: the API call of a create, delete or lookup as sent; a note
    // change or an inventory removal in words.
    static QString auditRequest(const AuditRecord& record);
    // "850 µs", "1.2 ms", "3.04 s"; "—" for a step that is not timed on its own (a scan's
    // runs: the scan is timed as a whole).
    static QString durationText(qint64 microseconds, bool timed = true);
    // "WSAENOBUFS (10055)", the number alone without a name, the error kind without either.
    static QString codeText(const Error& error);
};

} // namespace portolan
