// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "platform/diagnose/why.h"

#include <QCoreApplication>
#include <QString>

namespace portolan::ui {

// The console's words for an explanation of a bind (platform/diagnose/why.h), translated.
class ExplanationText
{
    Q_DECLARE_TR_FUNCTIONS(ExplanationText)

public:
    static QString cause(const diagnose::Explanation& explanation);
    static QString remedy(const diagnose::Explanation& explanation, const diagnose::Remedy& remedy);
    static QString cost(const diagnose::Remedy& remedy);
    // What stopping a known service breaks ("winnat", "hns"); empty for another.
    static QString breaks(const QString& service);
};

} // namespace portolan::ui
