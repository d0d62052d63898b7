// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace portolan::ui {
class MainWindow;
}

namespace portolan::console {

struct ScreenshotRequest
{
    QString file;
    QString view;   // empty: the view the window opened on
    QString state;  // the view's prepareScreenshot(state)
    QString dialog; // a dialog drawn over the window
    bool seed = false; // run seedDemo() after the first refresh
};

inline constexpr int kScreenshotWidth = 1280;
inline constexpr int kScreenshotHeight = 800;

// Waits for the window's first refresh, prepares the view or dialog, renders it and writes
// the PNG. Returns an empty string on success, else what went wrong. Runs the event loop
// while it waits, so the services' answers arrive.
QString takeScreenshot(ui::MainWindow& window, const ScreenshotRequest& request);

} // namespace portolan::console
