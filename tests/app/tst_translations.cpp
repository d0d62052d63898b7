// SPDX-License-Identifier: GPL-3.0-or-later
// The Portuguese (Brazil) console: the translation compiled into the executable is found and
// installed for a Portuguese locale, chosen by --lang or by the system's locale variables, and
// the texts a user reads change; English stays English. That every entry is translated is
// checked by the ctest translations_complete (scripts/update-translations --check).

#include "translations.h"

#include "model/services/explanations.h"
#include "model/store/store.h"
#include "platform/error.h"
#include "ui/errorpresenter.h"

#include <QApplication>
#include <QProcess>
#include <QProcessEnvironment>
#include <QTest>
#include <QTranslator>

#ifndef PORTOLAN_CONSOLE_EXE
#error "PORTOLAN_CONSOLE_EXE must name the portolan executable"
#endif

using namespace portolan;
using namespace portolan::console;

namespace {

struct Run
{
    int exitCode = -1;
    QString err;
};

// The console run with only these locale variables set (and no display).
Run runWithLocale(const QStringList& args, const QList<QPair<QString, QString>>& locale)
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    for (const char* name : {"LANG", "LANGUAGE", "LC_ALL", "LC_MESSAGES", "DISPLAY",
                             "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"})
        env.remove(QLatin1String(name));
    for (const auto& [name, value] : locale)
        env.insert(name, value);
    QProcess process;
    process.setProcessEnvironment(env);
    process.start(QStringLiteral(PORTOLAN_CONSOLE_EXE), args);
    Run run;
    if (!process.waitForFinished(60000)) {
        process.kill();
        process.waitForFinished(5000);
        return run;
    }
    run.exitCode = process.exitCode();
    run.err = QString::fromUtf8(process.readAllStandardError());
    return run;
}

} // namespace

class TranslationsTest : public QObject
{
    Q_OBJECT

private slots:
    void cleanup();
    void portugueseLocaleGetsPortugueseTexts_data();
    void portugueseLocaleGetsPortugueseTexts();
    void englishStaysEnglish();
    void pluralsFollowTheCount();
    void systemLocaleVariablesChooseTheLanguage_data();
    void systemLocaleVariablesChooseTheLanguage();
    void unknownLanguageIsRefusedWithTheAllowedValues();
};

void TranslationsTest::cleanup()
{
    for (QTranslator* translator : qApp->findChildren<QTranslator*>()) {
        QCoreApplication::removeTranslator(translator);
        delete translator;
    }
    QLocale::setDefault(QLocale::c());
}

void TranslationsTest::portugueseLocaleGetsPortugueseTexts_data()
{
    QTest::addColumn<QString>("forced");
    QTest::newRow("--lang pt_BR") << QStringLiteral("pt_BR");
}

void TranslationsTest::portugueseLocaleGetsPortugueseTexts()
{
    QFETCH(QString, forced);
    const QString installed = installTranslations(*qApp, consoleLocale(forced), true);
    QCOMPARE(installed, QStringLiteral("pt_BR"));
    // A Q_OBJECT class of ui/, and classes of ui/ and model/ that use Q_DECLARE_TR_FUNCTIONS:
    // their runtime contexts must be the ones lupdate wrote into the .ts.
    QCOMPARE(QCoreApplication::translate("portolan::ui::MainWindow", "&File"),
             QStringLiteral("&Arquivo"));
    QCOMPARE(ui::ErrorPresenter::kindText(ErrorKind::Conflict), QStringLiteral("Conflito"));
    QCOMPARE(ui::ErrorPresenter::remedyText(ErrorKind::AccessDenied),
             QStringLiteral("Execute o Portolan como administrador (Windows: um processo com "
                            "elevação; Linux: root) e tente novamente."));
    QCOMPARE(Explanations::kindName(ErrorKind::AccessDenied), QStringLiteral("Acesso negado"));
    // The store's messages (StoreText) reach the start-up error box.
    DatabaseOptions options;
    options.path = QStringLiteral("/nonexistent-portolan-folder/portolan.sqlite");
    const auto store = Store::open(options);
    QVERIFY(!store);
    const QString message = QString::fromStdString(store.error().message);
    QVERIFY2(message.startsWith(QStringLiteral("Não foi possível abrir o banco de dados")),
             qPrintable(message));
    // Qt's own buttons, when Debian's qt6-translations-l10n is installed.
    const QString cancel = QCoreApplication::translate("QPlatformTheme", "Cancel");
    if (cancel == QLatin1String("Cancel"))
        qWarning("Qt's qtbase_pt_BR.qm was not found: standard buttons stay English");
    else
        QCOMPARE(cancel, QStringLiteral("Cancelar"));
}

void TranslationsTest::englishStaysEnglish()
{
    QCOMPARE(installTranslations(*qApp, consoleLocale(QStringLiteral("en")), true),
             QStringLiteral("en"));
    QCOMPARE(ui::ErrorPresenter::kindText(ErrorKind::Conflict), QStringLiteral("Conflict"));
    QCOMPARE(QCoreApplication::translate("portolan::ui::MainWindow", "&File"),
             QStringLiteral("&File"));
}

void TranslationsTest::pluralsFollowTheCount()
{
    installTranslations(*qApp, consoleLocale(QStringLiteral("pt_BR")), true);
    const char* context = "portolan::ui::ReservationsView";
    QCOMPARE(QCoreApplication::translate(context, "%n reservation(s)", nullptr, 1),
             QStringLiteral("1 reserva"));
    QCOMPARE(QCoreApplication::translate(context, "%n reservation(s)", nullptr, 7),
             QStringLiteral("7 reservas"));
}

void TranslationsTest::systemLocaleVariablesChooseTheLanguage_data()
{
    using Env = QList<QPair<QString, QString>>;
    QTest::addColumn<Env>("locale");
    QTest::addColumn<bool>("portuguese");
    QTest::newRow("LANG=pt_BR.UTF-8") << Env{{"LANG", "pt_BR.UTF-8"}} << true;
    QTest::newRow("LC_ALL=pt_BR.UTF-8 over LANG=C")
        << Env{{"LANG", "C.UTF-8"}, {"LC_ALL", "pt_BR.UTF-8"}} << true;
    QTest::newRow("LANGUAGE=pt_BR with LANG=en_US")
        << Env{{"LANG", "en_US.UTF-8"}, {"LANGUAGE", "pt_BR:en"}} << true;
    QTest::newRow("LANG=en_US.UTF-8") << Env{{"LANG", "en_US.UTF-8"}} << false;
    QTest::newRow("nothing set") << Env{} << false;
}

void TranslationsTest::systemLocaleVariablesChooseTheLanguage()
{
    using Env = QList<QPair<QString, QString>>;
    QFETCH(Env, locale);
    QFETCH(bool, portuguese);
#ifdef Q_OS_WIN
    // Windows has no LC_ALL or LANGUAGE: the language is the user's setting, which Wine
    // derives from LANG alone.
    for (const auto& variable : locale) {
        if (variable.first != QLatin1String("LANG"))
            QSKIP("LC_ALL and LANGUAGE are Unix locale variables; Windows does not read them");
    }
#endif
    // --import without a file: a usage error, printed before any window or database in the
    // system's language.
    const Run run = runWithLocale({QStringLiteral("--import")}, locale);
    QCOMPARE(run.exitCode, 1);
    const QString expected = portuguese ? QStringLiteral("a opção '--import' precisa de um valor")
                                        : QStringLiteral("option '--import' needs a value");
    QVERIFY2(run.err.contains(expected), qPrintable(run.err));
}

void TranslationsTest::unknownLanguageIsRefusedWithTheAllowedValues()
{
    const Run run = runWithLocale({QStringLiteral("--lang"), QStringLiteral("fr")}, {});
    QCOMPARE(run.exitCode, 1);
    QVERIFY2(run.err.contains(QStringLiteral("--lang: 'fr' is not a language of the console; "
                                             "allowed: en, pt_BR")),
             qPrintable(run.err));
}

QTEST_MAIN(TranslationsTest)
#include "tst_translations.moc"
