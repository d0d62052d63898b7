// SPDX-License-Identifier: GPL-3.0-or-later
// Elevation in the console, on the simulated developer machine made not elevated: the New
// and Delete dialogs say so once, and "Restart as administrator" (File menu, the dialogs'
// banner) asks the backend to start the same program again with the same arguments, closing
// the console only when that worked.
#include "mainwindowstart.h"
#include "tst_mainwindow_fixture.h"

#include "ui/elevation.h"
#include "ui/mainwindow.h"
#include "ui/reservations/blockinput.h"
#include "ui/reservations/deletedialog.h"
#include "ui/reservations/newreservationdialog.h"

#include <QAction>
#include <QLabel>
#include <QListWidget>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QPushButton>
#include <QSettings>
#include <QStandardPaths>
#include <QTextDocumentFragment>

using namespace portolan;
using namespace portolan::ui;
using portolan::shelltest::Console;
using portolan::shelltest::Started;
using portolan::shelltest::startWindow;
using portolan::shelltest::typeText;

namespace {

constexpr std::int64_t kErrorCancelled = 1223;

bool saysNotElevated(const QString& text)
{
    // Labels may hold rich text; what the user reads is the plain text.
    const QString plain = QTextDocumentFragment::fromHtml(text).toPlainText();
    return plain.contains(QLatin1String("elevat"), Qt::CaseInsensitive);
}

// The texts shown in `dialog` that say elevation is missing: labels and list entries.
QStringList elevationWarnings(const QWidget* dialog)
{
    QStringList found;
    for (const QLabel* label : dialog->findChildren<QLabel*>()) {
        if (label->isVisible() && saysNotElevated(label->text()))
            found << label->text();
    }
    for (const QListWidget* list : dialog->findChildren<QListWidget*>()) {
        if (!list->isVisible())
            continue;
        for (int i = 0; i < list->count(); ++i) {
            if (saysNotElevated(list->item(i)->text()))
                found << list->item(i)->text();
        }
    }
    return found;
}

Started startNotElevated()
{
    return startWindow("developer.json",
                       [](Console& console) { return console.control->setElevated(false).ok(); });
}

QStringList expectedArguments()
{
    return QCoreApplication::arguments().mid(1);
}

std::vector<std::string> toStd(const QStringList& list)
{
    std::vector<std::string> out;
    for (const QString& s : list)
        out.push_back(s.toStdString());
    return out;
}

} // namespace

class ElevationTest : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void newDialogSaysItOnce_data();
    void newDialogSaysItOnce();
    void deleteDialogSaysItOnce_data();
    void deleteDialogSaysItOnce();
    void restartActionIsInTheFileMenuWithAShield();
    void restartActionRelaunchesWithTheSameArgumentsAndCloses();
    void declinedRestartKeepsTheWindowAndSaysWhy();
    void bannerButtonRestartsThroughTheSameCall();
    void restartActionIsOffWhenElevated();
};

void ElevationTest::initTestCase()
{
    portolan::shelltest::isolateSettings("tst_elevation");
}

void ElevationTest::newDialogSaysItOnce_data()
{
    QTest::addColumn<bool>("create");
    QTest::newRow("before creating") << false;
    QTest::newRow("after the system refused") << true;
}

void ElevationTest::newDialogSaysItOnce()
{
    QFETCH(bool, create);
    auto console = Console::make();
    QVERIFY(console);
    QVERIFY(console->control->setElevated(false).ok());
    NewReservationDialog dialog(*console->reservations);
    dialog.show();
    dialog.blockInput()->setProtocol(Protocol::Tcp);
    typeText(dialog.blockInput()->startEdit(), QStringLiteral("7000"));
    typeText(dialog.blockInput()->countEdit(), QStringLiteral("20"));
    QVERIFY(QTest::qWaitFor([&dialog] { return dialog.preflight().has_value(); }, 10000));
    QVERIFY(dialog.preflight()->has(FindingKind::NeedsElevation));
    if (create) {
        QSignalSpy finished(&dialog, &NewReservationDialog::createFinished);
        QTest::mouseClick(dialog.createButton(), Qt::LeftButton);
        QVERIFY(finished.wait(10000));
        QVERIFY(!dialog.outcome()->ok);
        QCOMPARE(dialog.nativeCodeLabel()->text(), QStringLiteral("ERROR_ACCESS_DENIED (5)"));
        QVERIFY(dialog.refusalLabel()->isVisible());
        // The system's own words are kept, one hover away.
        QVERIFY(dialog.refusalLabel()->toolTip().contains(QLatin1String("ERROR_ACCESS_DENIED")));
    }
    const QStringList warnings = elevationWarnings(&dialog);
    QVERIFY2(warnings.size() == 1, qPrintable(warnings.join(QLatin1String("\n---\n"))));
    QCOMPARE(warnings.first(), dialog.elevationBanner()->textLabel()->text());
    QVERIFY(dialog.elevationBanner()->restartButton()->isVisible());
}

void ElevationTest::deleteDialogSaysItOnce_data()
{
    QTest::addColumn<bool>("remove");
    QTest::newRow("before deleting") << false;
    QTest::newRow("after the system refused") << true;
}

void ElevationTest::deleteDialogSaysItOnce()
{
    QFETCH(bool, remove);
    auto console = Console::make();
    QVERIFY(console);
    console->reservations->discover();
    QVERIFY(console->settle());
    auto row = console->store->inventory().find(
        QString::fromStdString(console->backend->hostName()), Protocol::Tcp, PortRange{8000, 10});
    QVERIFY(row.ok() && row.value().has_value());
    QVERIFY(console->control->setElevated(false).ok());
    DeleteDialog dialog(*console->reservations, *row.value());
    dialog.show();
    if (remove) {
        QSignalSpy finished(&dialog, &DeleteDialog::deleteFinished);
        QTest::mouseClick(dialog.deleteButton(), Qt::LeftButton);
        QVERIFY(finished.wait(10000));
        QVERIFY(!dialog.outcome()->ok);
        QCOMPARE(dialog.nativeCodeLabel()->text(), QStringLiteral("ERROR_ACCESS_DENIED (5)"));
        QVERIFY(dialog.refusalLabel()->isVisible());
    }
    const QStringList warnings = elevationWarnings(&dialog);
    QVERIFY2(warnings.size() == 1, qPrintable(warnings.join(QLatin1String("\n---\n"))));
    QCOMPARE(warnings.first(), dialog.elevationBanner()->textLabel()->text());
}

void ElevationTest::restartActionIsInTheFileMenuWithAShield()
{
    Started s = startNotElevated();
    QVERIFY(s.window);
    QAction* restart = s.window->action(QStringLiteral("restartElevated"));
    QVERIFY(restart);
    QVERIFY(!restart->icon().isNull());
    QVERIFY(restart->text().contains(QLatin1Char('&')));
    QMenu* file = s.window->menuBar()->actions().first()->menu();
    QVERIFY(file);
    QVERIFY(file->actions().contains(restart));
    QTRY_VERIFY(restart->isEnabled());
}

void ElevationTest::restartActionRelaunchesWithTheSameArgumentsAndCloses()
{
    Started s = startNotElevated();
    QVERIFY(s.window);
    QAction* restart = s.window->action(QStringLiteral("restartElevated"));
    QTRY_VERIFY(restart->isEnabled());
    restart->trigger();
    const std::vector<SimulatedRestart> requests = s.console->control->restartRequests();
    QCOMPARE(requests.size(), std::size_t(1));
    QCOMPARE(QString::fromStdString(requests[0].program), QCoreApplication::applicationFilePath());
    QVERIFY(requests[0].arguments == toStd(expectedArguments()));
    QTRY_VERIFY(!s.window->isVisible()); // the elevated copy took over
}

void ElevationTest::declinedRestartKeepsTheWindowAndSaysWhy()
{
    Started s = startNotElevated();
    QVERIFY(s.window);
    s.console->control->failNextCall(SimulatedCall::RestartElevated, kErrorCancelled);
    QAction* restart = s.window->action(QStringLiteral("restartElevated"));
    QTRY_VERIFY(restart->isEnabled());
    restart->trigger();
    QCOMPARE(s.console->control->restartRequests().size(), std::size_t(1));
    auto* box = s.window->findChild<QMessageBox*>(QStringLiteral("restartRefused"));
    QVERIFY(box);
    QTRY_VERIFY(box->isVisible());
    QVERIFY2(box->informativeText().contains(QLatin1String("declined")),
             qPrintable(box->informativeText()));
    QVERIFY(s.window->isVisible());
    box->accept();
    QVERIFY(s.window->isVisible());
    QVERIFY(restart->isEnabled()); // it may be tried again
}

void ElevationTest::bannerButtonRestartsThroughTheSameCall()
{
    auto console = Console::make();
    QVERIFY(console);
    QVERIFY(console->control->setElevated(false).ok());
    QWidget owner;
    owner.show();
    auto* dialog = new NewReservationDialog(*console->reservations, &owner);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->show();
    ElevationBanner* banner = dialog->elevationBanner();
    QVERIFY(banner->isVisible());
    QSignalSpy requested(banner, &ElevationBanner::restartRequested);
    QTest::mouseClick(banner->restartButton(), Qt::LeftButton);
    QCOMPARE(requested.count(), 1);
    const std::vector<SimulatedRestart> requests = console->control->restartRequests();
    QCOMPARE(requests.size(), std::size_t(1));
    QVERIFY(requests[0].arguments == toStd(expectedArguments()));
    QTRY_VERIFY(!owner.isVisible());
}

void ElevationTest::restartActionIsOffWhenElevated()
{
    Started s = startWindow(); // the developer machine is elevated
    QVERIFY(s.window);
    QAction* restart = s.window->action(QStringLiteral("restartElevated"));
    QTRY_VERIFY(!restart->isEnabled());
    QVERIFY(restart->toolTip().contains(QLatin1String("already running elevated")));
    restart->trigger(); // a disabled action does nothing
    QVERIFY(s.console->control->restartRequests().empty());
}

int main(int argc, char** argv)
{
    if (!qEnvironmentVariableIsSet("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    ElevationTest test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_elevation.moc"
