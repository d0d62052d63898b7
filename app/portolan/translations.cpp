// SPDX-License-Identifier: GPL-3.0-or-later
#include "translations.h"

#include <QCoreApplication>
#include <QDir>
#include <QLibraryInfo>
#include <QTranslator>

namespace portolan::console {
namespace {

// The language of a translation shipped in :/i18n for `locale`, or empty for English.
QString shippedLanguage(const QLocale& locale)
{
    if (locale.language() == QLocale::Portuguese)
        return QStringLiteral("pt_BR");
    return {};
}

} // namespace

QStringList consoleLanguages()
{
    return {QStringLiteral("en"), QStringLiteral("pt_BR")};
}

QLocale consoleLocale(const QString& forced)
{
    if (!forced.isEmpty())
        return QLocale(forced);
    // QLocale::system() reads LC_ALL/LC_MESSAGES/LANG; LANGUAGE (a list, GNU gettext's
    // override) only shows in uiLanguages(), so its first entry is looked at first.
    const QLocale system = QLocale::system();
    const QStringList ui = system.uiLanguages();
    if (!ui.isEmpty() && qEnvironmentVariableIsSet("LANGUAGE"))
        return QLocale(ui.first());
    return system;
}

QString installTranslations(QCoreApplication& app, const QLocale& locale, bool forced)
{
    if (forced)
        QLocale::setDefault(locale);
    const QString language = shippedLanguage(locale);
    if (language.isEmpty())
        return QStringLiteral("en");

    auto* own = new QTranslator(&app);
    if (!own->load(QStringLiteral(":/i18n/portolan_%1.qm").arg(language))) {
        delete own;
        return QStringLiteral("en");
    }
    QCoreApplication::installTranslator(own);

    // Qt's own strings ("Cancel", "Close", ...): from Qt's translations folder, from a
    // translations folder beside the executable (windeployqt's layout), or built in (a static
    // Qt has no folder).
    const QLocale qtLocale(language);
    auto* qt = new QTranslator(&app);
    const QStringList folders{QLibraryInfo::path(QLibraryInfo::TranslationsPath),
                              QCoreApplication::applicationDirPath() +
                                  QStringLiteral("/translations"),
                              QStringLiteral(":/i18n")};
    bool loaded = false;
    for (const QString& folder : folders) {
        if (qt->load(qtLocale, QStringLiteral("qtbase"), QStringLiteral("_"), folder)) {
            loaded = true;
            break;
        }
    }
    if (loaded)
        QCoreApplication::installTranslator(qt);
    else
        delete qt;
    return language;
}

} // namespace portolan::console
