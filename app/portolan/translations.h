// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QLocale>
#include <QString>
#include <QStringList>

class QCoreApplication;

// The console's languages: English (the source texts) and Portuguese (Brazil), from
// resources/translations/*.ts compiled into the executable. Qt's own texts (the standard
// buttons of message boxes and dialogs) come from Qt's qtbase_*.qm when installed.
namespace portolan::console {

// The values --lang accepts: "en", "pt_BR".
QStringList consoleLanguages();

// The locale whose language the console speaks: `forced` (a value of --lang) when given,
// else the system's (LC_ALL, LC_MESSAGES, LANG and LANGUAGE on Unix; the user's UI language
// on Windows). Any Portuguese locale gets the Brazilian translation.
QLocale consoleLocale(const QString& forced);

// Loads and installs the console's and Qt's translators for `locale` into the running
// application; with --lang also makes `locale` the default for numbers and dates. Returns the
// language actually installed ("pt_BR"), or "en" when the texts stay English. Call once,
// after the Q(Core)Application exists.
QString installTranslations(QCoreApplication& app, const QLocale& locale, bool forced);

} // namespace portolan::console
