// SPDX-License-Identifier: GPL-3.0-or-later
// Help > About: the version, the license, and the third-party components with their notices,
// read from the notices file built into the program.

#include "ui/aboutdialog.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QLabel>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QRegularExpression>
#include <QTest>

using portolan::ui::AboutDialog;

class AboutDialogTest : public QObject
{
    Q_OBJECT

private slots:
    void showsTheVersionAndTheLicense();
    void listsEveryComponentWithItsLicense_data();
    void listsEveryComponentWithItsLicense();
    void selectingAComponentShowsItsNotice();
    void parsesTheNoticesFormat_data();
    void parsesTheNoticesFormat();
    void describesTheBackendInWords_data();
    void describesTheBackendInWords();
};

void AboutDialogTest::describesTheBackendInWords_data()
{
    QTest::addColumn<QString>("id");
    QTest::addColumn<QString>("shown");
    QTest::newRow("simulated") << QStringLiteral("simulated")
                               << QStringLiteral("Simulated Windows machine (simulated)");
    QTest::newRow("windows") << QStringLiteral("windows") << QStringLiteral("Windows (windows)");
    QTest::newRow("linux") << QStringLiteral("linux") << QStringLiteral("Linux (linux)");
    QTest::newRow("unknown id alone") << QStringLiteral("scripted") << QStringLiteral("scripted");
}

void AboutDialogTest::describesTheBackendInWords()
{
    QFETCH(QString, id);
    QFETCH(QString, shown);
    const std::string name = id.toStdString();
    QCOMPARE(AboutDialog::backendDescription(name), shown);
}

void AboutDialogTest::showsTheVersionAndTheLicense()
{
    AboutDialog dialog(QStringLiteral("Backend: simulated\nHost: DEV-01"));
    const auto* version = dialog.findChild<QLabel*>(QStringLiteral("version"));
    QVERIFY(version);
    QVERIFY2(QRegularExpression(QStringLiteral("Portolan \\d+\\.\\d+\\.\\d+"))
                 .match(version->text())
                 .hasMatch(),
             qPrintable(version->text()));
    const auto* license = dialog.findChild<QLabel*>(QStringLiteral("license"));
    QVERIFY(license);
    QVERIFY2(license->text().contains(QStringLiteral("GPL-3.0-or-later")),
             qPrintable(license->text()));
    const auto* details = dialog.findChild<QLabel*>(QStringLiteral("details"));
    QVERIFY(details);
    QVERIFY(details->text().contains(QStringLiteral("DEV-01")));
    QVERIFY(!AboutDialog().findChild<QLabel*>(QStringLiteral("details"))); // none given, none shown
}

void AboutDialogTest::listsEveryComponentWithItsLicense_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("license");
    QTest::newRow("Portolan") << "Portolan "
                              << "GPL-3.0-or-later";
    QTest::newRow("Qt") << "Qt 6.4.2"
                        << "LGPL-3.0-only";
    QTest::newRow("FreeType") << "FreeType"
                              << "FTL";
    QTest::newRow("HarfBuzz") << "HarfBuzz"
                              << "MIT";
    QTest::newRow("PCRE2") << "PCRE2"
                           << "BSD-3-Clause";
    QTest::newRow("zlib") << "zlib"
                          << "Zlib";
    QTest::newRow("libpng") << "libpng"
                            << "libpng-2.0";
    QTest::newRow("double-conversion") << "double-conversion"
                                       << "BSD-3-Clause";
    QTest::newRow("MD4C") << "MD4C"
                          << "MIT";
    QTest::newRow("SQLite") << "SQLite"
                            << "blessing";
    QTest::newRow("nlohmann/json") << "nlohmann/json"
                                   << "MIT";
    QTest::newRow("winpthreads") << "MinGW-w64 winpthreads"
                                 << "MIT";
    QTest::newRow("MinGW-w64 runtime") << "MinGW-w64 runtime"
                                       << "ZPL-2.1";
}

void AboutDialogTest::listsEveryComponentWithItsLicense()
{
    QFETCH(QString, name);
    QFETCH(QString, license);
    AboutDialog dialog;
    QListWidget* list = dialog.componentList();
    QAbstractItemModelTester tester(list->model(),
                                    QAbstractItemModelTester::FailureReportingMode::QtTest);
    const QList<QListWidgetItem*> found = list->findItems(name, Qt::MatchStartsWith);
    QCOMPARE(found.size(), 1);
    QVERIFY2(found.first()->text().contains(QStringLiteral(" — ") + license),
             qPrintable(found.first()->text()));
}

void AboutDialogTest::selectingAComponentShowsItsNotice()
{
    AboutDialog dialog;
    QListWidget* list = dialog.componentList();
    QVERIFY(list->count() > 10);
    // Portolan itself first, with the GPL's text.
    QCOMPARE(list->currentRow(), 0);
    QVERIFY(
        dialog.noticeView()->toPlainText().contains(QStringLiteral("GNU GENERAL PUBLIC LICENSE")));
    // Qt: the LGPL, and where its source is.
    list->setCurrentItem(list->findItems(QStringLiteral("Qt 6.4.2"), Qt::MatchStartsWith).first());
    const QString qt = dialog.noticeView()->toPlainText();
    QVERIFY(qt.contains(QStringLiteral("GNU LESSER GENERAL PUBLIC LICENSE")));
    QVERIFY(qt.contains(QStringLiteral("qt6-base 6.4.2+dfsg")));
    QVERIFY(qt.contains(QStringLiteral("scripts/build-qt-windows")));
    QVERIFY(!qt.contains(QStringLiteral("Component: FreeType"))); // its own notice only
    // The last one reaches the end of the file.
    list->setCurrentRow(list->count() - 1);
    QVERIFY(dialog.noticeView()->toPlainText().contains(
        QStringLiteral("Runtime Library Exception 3.1")));
}

void AboutDialogTest::parsesTheNoticesFormat_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QStringList>("names");
    QTest::addColumn<QStringList>("notices");
    const QString rule = QString(78, QLatin1Char('='));
    const QString dashes = QString(78, QLatin1Char('-'));
    QTest::newRow("two components")
        << QStringLiteral(
               "Intro\n\n%1\nComponent: A 1\nLicense: MIT\nShipped-In: Windows installer\n%2\n\n"
               "Notice of A.\n\n%1\nComponent: B 2\nLicense: Zlib\nShipped-In: Debian "
               "package\n%2\n\n"
               "Notice of B.\n")
               .arg(rule, dashes)
        << QStringList{"A 1", "B 2"} << QStringList{"Notice of A.", "Notice of B."};
    QTest::newRow("no headers") << QStringLiteral("Just text\n") << QStringList{} << QStringList{};
    QTest::newRow("a header without its License line")
        << QStringLiteral("%1\nComponent: A\nShipped-In: x\n%2\n\nA\n").arg(rule, dashes)
        << QStringList{} << QStringList{};
}

void AboutDialogTest::parsesTheNoticesFormat()
{
    QFETCH(QString, text);
    QFETCH(QStringList, names);
    QFETCH(QStringList, notices);
    const QList<AboutDialog::Component> components = AboutDialog::parseNotices(text);
    QStringList parsedNames;
    QStringList parsedNotices;
    for (const AboutDialog::Component& component : components) {
        parsedNames << component.name;
        parsedNotices << component.notice;
    }
    QCOMPARE(parsedNames, names);
    QCOMPARE(parsedNotices, notices);
}

int main(int argc, char** argv)
{
    // The ctest preset sets QT_QPA_PLATFORM=offscreen; a caller's choice wins.
    if (!qEnvironmentVariableIsSet("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    AboutDialogTest test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_aboutdialog.moc"
