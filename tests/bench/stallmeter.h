// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The event loop's longest stall, and the small helpers of the benchmarks that show the
// console while it works (stallbench, searchbench).

#include <QElapsedTimer>
#include <QEventLoop>
#include <QLocale>
#include <QObject>
#include <QString>
#include <QTimer>

#include <algorithm>
#include <cstdio>

namespace portolan::bench {

// The longest time between two ticks of a 1 ms timer: how long the event loop was unable to
// run anything (paint, react to a key) at its worst.
class StallMeter : public QObject
{
public:
    StallMeter()
    {
        m_timer.setTimerType(Qt::PreciseTimer);
        m_timer.setInterval(1);
        connect(&m_timer, &QTimer::timeout, this, &StallMeter::tick);
    }

    void start()
    {
        m_longestNs = 0;
        m_ticks = 0;
        m_over16 = 0;
        m_over50 = 0;
        m_clock.start();
        m_last = 0;
        m_timer.start();
    }
    void stop()
    {
        tick(); // the gap up to now counts too
        m_timer.stop();
        m_durationNs = m_clock.nsecsElapsed();
    }

    double longestMs() const { return double(m_longestNs) / 1e6; }
    double seconds() const { return double(m_durationNs) / 1e9; }
    qint64 ticks() const { return m_ticks; }
    qint64 over16() const { return m_over16; }
    qint64 over50() const { return m_over50; }

private:
    void tick()
    {
        const qint64 now = m_clock.nsecsElapsed();
        const qint64 gap = now - m_last;
        m_last = now;
        ++m_ticks;
        m_longestNs = std::max(m_longestNs, gap);
        if (gap > 16'000'000)
            ++m_over16;
        if (gap > 50'000'000)
            ++m_over50;
    }

    QTimer m_timer;
    QElapsedTimer m_clock;
    qint64 m_last = 0;
    qint64 m_longestNs = 0;
    qint64 m_durationNs = 0;
    qint64 m_ticks = 0;
    qint64 m_over16 = 0;
    qint64 m_over50 = 0;
};

// Runs the event loop for `ms` milliseconds.
inline void runFor(int ms)
{
    QEventLoop loop;
    QTimer::singleShot(ms, &loop, &QEventLoop::quit);
    loop.exec();
}

inline QString ms(double value)
{
    return QLocale::c().toString(value, 'f', 1) + QStringLiteral(" ms");
}

// One line of the report on stdout, at once.
inline void say(const QString& line)
{
    std::printf("%s\n", line.toUtf8().constData());
    std::fflush(stdout);
}

} // namespace portolan::bench
