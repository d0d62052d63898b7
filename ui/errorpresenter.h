// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "platform/error.h"

#include <QCoreApplication>
#include <QString>

#include <optional>

namespace portolan {
enum class StepKind : quint8;
}

namespace portolan::ui {

// What the console shows for an Error: the kind in words, what happened, what the user can
// do about it, and the native code beside it ("ERROR_SHARING_VIOLATION (32)") so that an
// administrator can search for it or compare it with netsh and the event log.
struct ErrorPresentation
{
    QString kind;       // "Conflict", translated: "Conflict", "Needs elevation", ...
    QString what;       // the error's sentence, plus the explanation for the step when known
    QString whatToDo;   // one sentence: the remedy for this kind
    QString nativeCode; // "ERROR_SHARING_VIOLATION (32)", "WSAEACCES (10013)"; empty when none
    bool needsElevation = false; // AccessDenied: the caller may offer to restart elevated

    // Plain text, several lines: kind — native code, what, what to do.
    QString toPlainText() const;
    // The same as rich text for a QLabel (escaped).
    QString toHtml() const;
};

class ErrorPresenter
{
    Q_DECLARE_TR_FUNCTIONS(ErrorPresenter)

public:
    // `context` is an optional lead-in ("The reservation was not created."); the step, when
    // given, lets the explanation say what the code means there (a bind's 10013, ...).
    static ErrorPresentation present(const Error& error, const QString& context = {},
                                     std::optional<StepKind> step = {});

    static QString kindText(ErrorKind kind);
    static QString remedyText(ErrorKind kind);
    // "ERROR_SHARING_VIOLATION (32)", "(32)" without a name, "" without a code.
    static QString nativeCodeText(const Error& error);
};

} // namespace portolan::ui
