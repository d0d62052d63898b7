// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The console's import command run in process, for the import tests.

#include "app/portolan/importcommand.h"

#include <QString>
#include <QStringList>
#include <QTextStream>

namespace portolan::testing {

struct CommandRun
{
    int code = -1;
    QString out;
    QString err;
};

// `portolan ARGS...` where ARGS hold --import.
inline CommandRun importCommand(const QStringList& args)
{
    CommandRun run;
    QTextStream out(&run.out);
    QTextStream err(&run.err);
    run.code = runImportCommand(QStringList{QStringLiteral("portolan")} + args, out, err);
    out.flush();
    err.flush();
    return run;
}

} // namespace portolan::testing
