// SPDX-License-Identifier: GPL-3.0-or-later
// The start-up benchmark's yardstick (tests/bench/startup-bench): a bare Qt Widgets window of
// the console's size, started and measured exactly like `portolan --exit-after-first-paint`.
// Prints the same line at its first painted frame, then quits.
#include "firstpaintwatcher.h"

#include <QApplication>
#include <QFont>
#include <QWidget>

#include <chrono>

int main(int argc, char** argv)
{
    const auto started = std::chrono::steady_clock::now();
    QApplication app(argc, argv);
    // As the console does on the offscreen platform.
    if (QGuiApplication::platformName() == QLatin1String("offscreen"))
        QApplication::setFont(QFont(QStringLiteral("DejaVu Sans"), 9));
    QWidget window;
    window.setWindowTitle(QStringLiteral("bare window"));
    window.resize(1280, 800);
    portolan::console::FirstPaintWatcher watcher(&window, started);
    app.installEventFilter(&watcher);
    window.show();
    return app.exec();
}
