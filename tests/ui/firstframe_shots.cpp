// SPDX-License-Identifier: GPL-3.0-or-later
// Renders the main window while the system is still being read, and after, to PNG files:
//   firstframe_shots [OUTPUT_DIR]   (default: shots)
// -> main-reading-system.png (the first frame: the database's inventory, "Reading the
//    system…", the Discover button's tooltip saying why it is disabled) and
//    main-reading-system-done.png (the same window once the system has answered).
// The simulated developer machine sits behind the gate of tests/support/slowbackend.h, which
// this program opens between the two pictures. Run with QT_QPA_PLATFORM=offscreen.

#include "firstframefixture.h"

#include "ui/mainwindow.h"

#include "model/store/inventorystore.h"

#include <QApplication>
#include <QDialog>
#include <QDir>
#include <QHelpEvent>
#include <QPainter>
#include <QTest>
#include <QToolBar>
#include <QToolTip>

#include <algorithm>
#include <cstdio>

using namespace portolan;
using namespace portolan::ui;

namespace {

// The window, with the tooltip of `button` painted under it where a desktop shows it.
QPixmap withToolTip(QWidget& window, QWidget* button)
{
    // Only the help event, no mouse over the button: hovering would put the action's status
    // tip over the status bar's message.
    const QPoint at = button->rect().center();
    QHelpEvent help(QEvent::ToolTip, at, button->mapToGlobal(at));
    QApplication::sendEvent(button, &help);
    QTest::qWait(300);
    QPixmap shot = window.grab();
    for (QWidget* top : QApplication::topLevelWidgets()) {
        if (top->inherits("QTipLabel") && top->isVisible()) {
            const QPixmap tip = top->grab();
            const QPoint below = button->mapTo(&window, QPoint(at.x(), button->height() + 4));
            const QPoint pos(std::min(below.x(), shot.width() - tip.width() - 2), below.y());
            QPainter painter(&shot);
            painter.drawPixmap(pos, tip);
        }
    }
    QToolTip::hideText();
    return shot;
}

bool save(const QPixmap& shot, const QString& path)
{
    if (!shot.save(path)) {
        std::fprintf(stderr, "cannot write %s\n", qPrintable(path));
        return false;
    }
    std::printf("%s\n", qPrintable(path));
    return true;
}

} // namespace

int main(int argc, char** argv)
{
    if (!qEnvironmentVariableIsSet("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    QApplication::setFont(QFont(QStringLiteral("DejaVu Sans"), 9)); // as portolan --screenshot
    const QString dir = argc > 1 ? QString::fromLocal8Bit(argv[1]) : QStringLiteral("shots");
    if (!QDir().mkpath(dir)) {
        std::fprintf(stderr, "cannot create %s\n", qPrintable(dir));
        return 1;
    }
    auto gated = shelltest::GatedConsole::make();
    if (!gated)
        return 1;
    shelltest::Console& console = *gated->console;
    // What an earlier start left in the database: the inventory the first frame shows.
    for (const quint16 start : {quint16(5037), quint16(8000)}) {
        ReservationRecord record;
        record.host = console.reservations->host();
        record.protocol = Protocol::Tcp;
        record.start = start;
        record.count = start == 8000 ? 10 : 1;
        record.source = ReservationSource::Discovered;
        record.state = ReservationState::Present;
        record.token = 0x2a0000 + start;
        if (!console.store->inventory().upsert(record)) {
            std::fprintf(stderr, "cannot store the inventory\n");
            return 1;
        }
    }

    MainWindow window(*console.store, *console.reservations, *console.probes);
    window.resize(1280, 800);
    window.show();
    window.start();
    if (!QTest::qWaitForWindowExposed(&window))
        return 1;
    QTest::qWait(200); // layouts and the first paint; the system is still held at the gate
    auto* toolBar = window.findChild<QToolBar*>(QStringLiteral("mainToolBar"));
    QWidget* discover =
        toolBar ? toolBar->widgetForAction(window.action(QStringLiteral("discover"))) : nullptr;
    if (!discover || gated->slow->returned() != 0) {
        std::fprintf(stderr, "the window is not in its reading state\n");
        return 1;
    }
    bool ok = save(withToolTip(window, discover),
                   QDir(dir).filePath(QStringLiteral("main-reading-system.png")));

    gated->slow->open();
    if (!QTest::qWaitFor([&window] { return window.firstRefreshDone(); }, 15000) ||
        !console.settle()) {
        std::fprintf(stderr, "the system did not answer\n");
        return 1;
    }
    QTest::qWait(200);
    ok = save(window.grab(), QDir(dir).filePath(QStringLiteral("main-reading-system-done.png"))) &&
         ok;
    return ok ? 0 : 1;
}
