// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The main window over the shell fixture's console, started as app/portolan starts it, and
// the test-only settings the shell's tests share.

#include "tst_mainwindow_fixture.h"

#include "ui/mainwindow.h"

#include <QDialog>
#include <QSettings>
#include <QStandardPaths>

namespace portolan::shelltest {

// QSettings then writes under ~/.qttest, never the user's own configuration.
inline void isolateSettings(const char* application)
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("PortolanTest"));
    QCoreApplication::setApplicationName(QLatin1String(application));
    QSettings().clear();
}

struct Started
{
    std::unique_ptr<Console> console;
    std::unique_ptr<ui::MainWindow> window;
};

// The window shown at 1280x800 with its first refresh done (the developer machine's two
// persistent blocks discovered into the inventory). `prepare` changes the simulated machine
// before the window reads it; false leaves the console null.
inline Started startWindow(const char* scenario = "developer.json",
                           const std::function<bool(Console&)>& prepare = {})
{
    Started s;
    s.console = Console::make(scenario);
    if (!s.console)
        return s;
    if (prepare && !prepare(*s.console)) {
        s.console.reset();
        return s;
    }
    s.window = std::make_unique<ui::MainWindow>(*s.console->store, *s.console->reservations,
                                                *s.console->probes);
    s.window->resize(1280, 800);
    s.window->show();
    s.window->start();
    if (!QTest::qWaitFor([&s] { return s.window->firstRefreshDone(); }, 15000))
        s.window.reset();
    return s;
}

} // namespace portolan::shelltest
