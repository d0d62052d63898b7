// SPDX-License-Identifier: GPL-3.0-or-later
// The user guide built into the console: F1 opens it in a window of its own (one, not
// modal) in the language of the installed translation, with its pictures, its links between
// pages working from the keyboard, and keyboard scrolling; About keeps its place without F1.
#include "mainwindowstart.h"
#include "tst_mainwindow_fixture.h"

#include "ui/help/guidewindow.h"
#include "ui/mainwindow.h"

#include <QAction>
#include <QDialog>
#include <QScrollBar>
#include <QSettings>
#include <QStandardPaths>
#include <QTextBlock>
#include <QTextBrowser>
#include <QTextDocument>
#include <QTextFragment>
#include <QTextImageFormat>
#include <QTranslator>

using namespace portolan;
using namespace portolan::ui;
using portolan::shelltest::Console;

namespace {

// Stands for the Portuguese translation: it answers only the guide's language key, which is
// all the guide window asks of it.
class PortugueseGuideTranslator : public QTranslator
{
public:
    bool isEmpty() const override { return false; }
    QString translate(const char* context, const char* source, const char* disambiguation,
                      int n) const override
    {
        Q_UNUSED(disambiguation);
        Q_UNUSED(n);
        if (QByteArray(context) == "portolan::ui::GuideWindow" && QByteArray(source) == "en")
            return QStringLiteral("pt_BR");
        return {};
    }
};

QString firstHeading(const QTextDocument* document)
{
    for (QTextBlock block = document->begin(); block.isValid(); block = block.next()) {
        if (block.blockFormat().headingLevel() == 1)
            return block.text();
    }
    return {};
}

QStringList imageNames(const QTextDocument* document)
{
    QStringList names;
    for (QTextBlock block = document->begin(); block.isValid(); block = block.next()) {
        for (auto it = block.begin(); !it.atEnd(); ++it) {
            const QTextCharFormat format = it.fragment().charFormat();
            if (format.isImageFormat())
                names << format.toImageFormat().name();
        }
    }
    return names;
}

GuideWindow* guideOf(QWidget* window)
{
    return window->findChild<GuideWindow*>(QString(), Qt::FindDirectChildrenOnly);
}

} // namespace

class GuideTest : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void f1OpensTheGuideInTheInstalledLanguage_data();
    void f1OpensTheGuideInTheInstalledLanguage();
    void everyPictureOfTheGuideIsBuiltIn_data();
    void everyPictureOfTheGuideIsBuiltIn();
    void linksBetweenPagesFollowFromTheKeyboard();
    void aboutStaysInTheHelpMenuWithoutF1();

private:
    std::unique_ptr<Console> m_console;
};

void GuideTest::initTestCase()
{
    portolan::shelltest::isolateSettings("tst_guide");
    m_console = Console::make();
    QVERIFY(m_console);
}

void GuideTest::f1OpensTheGuideInTheInstalledLanguage_data()
{
    QTest::addColumn<bool>("portuguese");
    QTest::addColumn<QString>("heading");
    QTest::addColumn<QString>("file");
    QTest::newRow("English") << false << QStringLiteral("Portolan user guide")
                             << QStringLiteral("guide.md");
    QTest::newRow("pt_BR") << true << QString::fromUtf8("Guia do usuário do Portolan")
                           << QStringLiteral("guide.pt_BR.md");
}

void GuideTest::f1OpensTheGuideInTheInstalledLanguage()
{
    QFETCH(bool, portuguese);
    QFETCH(QString, heading);
    QFETCH(QString, file);
    PortugueseGuideTranslator translator;
    if (portuguese)
        QVERIFY(QCoreApplication::installTranslator(&translator));
    MainWindow window(*m_console->store, *m_console->reservations, *m_console->probes);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QVERIFY(!guideOf(&window));

    QTest::keyClick(&window, Qt::Key_F1);
    GuideWindow* guide = guideOf(&window);
    QVERIFY(guide);
    QTRY_VERIFY(guide->isVisible());
    QVERIFY(guide->isWindow());
    QVERIFY(!guide->isModal());
    QCOMPARE(guide->browser()->source().fileName(), file);
    QCOMPARE(firstHeading(guide->browser()->document()), heading);

    // Keyboard scrolling: the guide is longer than its window.
    QScrollBar* bar = guide->browser()->verticalScrollBar();
    QTRY_VERIFY(bar->maximum() > 0);
    QCOMPARE(bar->value(), 0);
    QTest::keyClick(guide->browser(), Qt::Key_PageDown);
    QVERIFY(bar->value() > 0);

    // F1 again brings the same window back instead of a second one.
    guide->close();
    QTest::keyClick(&window, Qt::Key_F1);
    QTRY_VERIFY(guide->isVisible());
    QCOMPARE(window.findChildren<GuideWindow*>().size(), 1);
    // The console stays usable beside it.
    QVERIFY(window.isEnabled());
    if (portuguese)
        QCoreApplication::removeTranslator(&translator);
}

void GuideTest::everyPictureOfTheGuideIsBuiltIn_data()
{
    QTest::addColumn<QString>("file");
    QTest::newRow("English") << QStringLiteral("guide.md");
    QTest::newRow("pt_BR") << QStringLiteral("guide.pt_BR.md");
}

void GuideTest::everyPictureOfTheGuideIsBuiltIn()
{
    QFETCH(QString, file);
    GuideBrowser browser;
    browser.setSource(QUrl(QStringLiteral("qrc:/guide/") + file), QTextDocument::MarkdownResource);
    const QStringList names = imageNames(browser.document());
    QVERIFY(names.size() >= 8); // every view and dialog it describes, shown
    for (const QString& name : names) {
        const QUrl url = browser.source().resolved(QUrl(name));
        const QVariant image = browser.loadResource(QTextDocument::ImageResource, url);
        QVERIFY2(image.canConvert<QImage>() && !image.value<QImage>().isNull(), qPrintable(name));
        // Shrunk to a readable width rather than scrolled sideways.
        QVERIFY(image.value<QImage>().width() <= GuideBrowser::kMaxImageWidth);
    }
}

void GuideTest::linksBetweenPagesFollowFromTheKeyboard()
{
    QWidget owner;
    GuideWindow* guide = GuideWindow::showFor(&owner);
    QTextBrowser* browser = guide->browser();
    QCOMPARE(browser->source().fileName(), QStringLiteral("guide.md"));
    QTest::keyClick(browser, Qt::Key_Tab); // the first link: the Portuguese page
    QTest::keyClick(browser, Qt::Key_Return);
    QTRY_COMPARE(browser->source().fileName(), QStringLiteral("guide.pt_BR.md"));
    QCOMPARE(firstHeading(browser->document()), QString::fromUtf8("Guia do usuário do Portolan"));
    // And back.
    QTest::keyClick(browser, Qt::Key_Tab);
    QTest::keyClick(browser, Qt::Key_Return);
    QTRY_COMPARE(browser->source().fileName(), QStringLiteral("guide.md"));
    QVERIFY(browser->openExternalLinks()); // the web opens in the browser, not here
}

void GuideTest::aboutStaysInTheHelpMenuWithoutF1()
{
    MainWindow window(*m_console->store, *m_console->reservations, *m_console->probes);
    QCOMPARE(window.action(QStringLiteral("userGuide"))->shortcut(), QKeySequence(Qt::Key_F1));
    QVERIFY(window.action(QStringLiteral("about"))->shortcut().isEmpty());
    for (QAction* a : window.actions()) {
        if (a->objectName() != QLatin1String("userGuide"))
            QVERIFY2(!a->shortcuts().contains(QKeySequence(Qt::Key_F1)),
                     qPrintable(a->objectName()));
    }
}

int main(int argc, char** argv)
{
    if (!qEnvironmentVariableIsSet("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    GuideTest test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_guide.moc"
