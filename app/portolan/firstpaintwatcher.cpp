// SPDX-License-Identifier: GPL-3.0-or-later
#include "firstpaintwatcher.h"

#include <QCoreApplication>
#include <QEvent>
#include <QTimer>
#include <QWidget>

#include "platform/process/processinfo.h"

#include <cstdio>

namespace portolan::console {

FirstPaintWatcher::FirstPaintWatcher(QWidget* window, std::chrono::steady_clock::time_point started)
    : m_window(window), m_started(started)
{
}

bool FirstPaintWatcher::eventFilter(QObject* watched, QEvent* event)
{
    if (!m_seen && event->type() == QEvent::Paint && watched->isWidgetType() &&
        static_cast<QWidget*>(watched)->window() == m_window) {
        m_seen = true;
        QTimer::singleShot(0, this, [this] {
            const auto now = std::chrono::steady_clock::now();
            const double ms = std::chrono::duration<double, std::milli>(now - m_started).count();
            const auto steadyNs =
                std::chrono::duration_cast<std::chrono::nanoseconds>(now.time_since_epoch());
            std::printf("first_paint_ms=%.2f first_paint_steady_ns=%lld peak_rss_kib=%lld\n", ms,
                        static_cast<long long>(steadyNs.count()), peakResidentKiB());
            std::fflush(stdout);
            QCoreApplication::exit(0);
        });
    }
    return false;
}

} // namespace portolan::console
