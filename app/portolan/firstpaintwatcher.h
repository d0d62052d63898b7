// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>

#include <chrono>

class QWidget;

namespace portolan::console {

// The start-up benchmark's probe (tests/bench/startup-bench), installed as an event filter on
// the application: once the event that painted the first frame of `window` has been handled,
// prints "first_paint_ms=... first_paint_steady_ns=... peak_rss_kib=..." on stdout (the time
// since `started`) and quits the application. `portolan --exit-after-first-paint` and the
// bench's bare window both use it, so that the two figures are measured the same way.
class FirstPaintWatcher : public QObject
{
public:
    FirstPaintWatcher(QWidget* window, std::chrono::steady_clock::time_point started);

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    QWidget* m_window;
    std::chrono::steady_clock::time_point m_started;
    bool m_seen = false;
};

} // namespace portolan::console
