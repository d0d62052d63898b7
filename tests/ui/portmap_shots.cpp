// SPDX-License-Identifier: GPL-3.0-or-later
// Renders the port map with the developer machine's facts to PNG files:
//   portmap_shots [OUTPUT_DIR [WIDTH HEIGHT]]   (default: shots 1280 340)
// Used by scripts/screenshot-portmap; run with QT_QPA_PLATFORM=offscreen on a headless machine.
// PORTOLAN_PALETTE=dark draws them in the dark palette (ui/colorscheme.h).

#include "portmapfixture.h"

#include "ui/colorscheme.h"
#include "ui/portmap/portmapwidget.h"

#include <QApplication>
#include <QDir>
#include <QHelpEvent>
#include <QPainter>
#include <QTest>
#include <QToolTip>

#include <algorithm>
#include <cstdio>

using namespace portolan;
using namespace portolan::ui;

int main(int argc, char** argv)
{
    if (!qEnvironmentVariableIsSet("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    QApplication::setFont(QFont(QStringLiteral("DejaVu Sans"), 9));
    if (const QString problem = applyPaletteFromEnvironment(); !problem.isEmpty()) {
        std::fprintf(stderr, "%s\n", qPrintable(problem));
        return 1;
    }
    const QString dir = argc > 1 ? QString::fromLocal8Bit(argv[1]) : QStringLiteral("shots");
    if (!QDir().mkpath(dir)) {
        std::fprintf(stderr, "cannot create %s\n", qPrintable(dir));
        return 1;
    }

    PortMapWidget w;
    w.setData(fixture::developerMachine());
    const int width = argc > 3 ? QString::fromLocal8Bit(argv[2]).toInt() : 1280;
    const int height = argc > 3 ? QString::fromLocal8Bit(argv[3]).toInt() : 340;
    if (width < 100 || height < 100) {
        std::fprintf(stderr, "usage: portmap_shots [OUTPUT_DIR [WIDTH HEIGHT]]\n");
        return 1;
    }
    w.resize(width, height);
    w.show();
    if (!QTest::qWaitForWindowExposed(&w))
        return 1;
    w.activateWindow();
    w.setFocus();
    QTest::qWait(50);

    struct Shot
    {
        const char* name;
        quint16 first;
        quint16 last;
        Protocol protocol; // the current port, which the status line explains
        quint16 current;
    };
    const Shot shots[] = {
        {"portmap-overview.png", 0, 65535, Protocol::Tcp, 3000},
        {"portmap-2800-3400.png", 2800, 3400, Protocol::Tcp, 3000},
        {"portmap-3000.png", 2980, 3019, Protocol::Tcp, 3000},
        {"portmap-cells.png", 2994, 3005, Protocol::Tcp, 3000},
        {"portmap-5000-8100.png", 5000, 8100, Protocol::Tcp, 5173},
    };
    int status = 0;
    for (const Shot& shot : shots) {
        w.showRange(shot.first, shot.last);
        w.setCurrentPort(shot.protocol, shot.current);
        const QString path = QDir(dir).filePath(QString::fromLatin1(shot.name));
        if (!w.grab().save(path)) {
            std::fprintf(stderr, "cannot write %s\n", qPrintable(path));
            status = 1;
            continue;
        }
        std::printf("%s\n", qPrintable(path));
    }
    // Hovering port 3000 in the 2800-3400 view: the widget with its tooltip painted on top.
    {
        w.showRange(2800, 3400);
        w.setCurrentPort(Protocol::Tcp, 3000);
        const QPoint at = w.pointForPort(Protocol::Tcp, 3000) + QPoint(0, 20);
        QTest::mouseMove(&w, at);
        QHelpEvent help(QEvent::ToolTip, at, w.mapToGlobal(at));
        QApplication::sendEvent(&w, &help);
        QTest::qWait(300);
        QPixmap shot = w.grab();
        for (QWidget* top : QApplication::topLevelWidgets()) {
            if (top->inherits("QTipLabel") && top->isVisible()) {
                // Where a desktop would show it: under the mouse (the offscreen screen is
                // smaller than the widget, so the tip's own position is clamped oddly).
                const QPixmap tip = top->grab();
                const QPoint pos(std::min(at.x() + 4, shot.width() - tip.width() - 2), at.y() + 18);
                QPainter painter(&shot);
                painter.drawPixmap(pos, tip);
            }
        }
        const QString path = QDir(dir).filePath(QStringLiteral("portmap-tooltip.png"));
        if (shot.save(path))
            std::printf("%s\n", qPrintable(path));
        else
            status = 1;
        QToolTip::hideText();
    }
    // Clicking a block selects it (the console then selects its inventory row).
    w.showRange(49900, 50200);
    w.setCurrentPort(Protocol::Udp, 50030);
    QTest::mouseClick(&w, Qt::LeftButton, {}, w.pointForPort(Protocol::Udp, 50030));
    const QString path = QDir(dir).filePath(QStringLiteral("portmap-selected-hns.png"));
    if (w.grab().save(path))
        std::printf("%s\n", qPrintable(path));
    else
        status = 1;
    return status;
}
