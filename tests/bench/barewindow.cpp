// The start-up benchmark's yardstick (tests/bench/startup-bench): a bare Qt Widgets window of
// the console's size, started and measured exactly like `portolan --exit-after-first-paint`.
// Prints the same line at its first painted frame, then quits.
#include <QApplication>
#include <QFont>
#include <QTimer>
#include <QWidget>

#include <chrono>
#include <cstdio>

#include <sys/resource.h>

namespace {

class FirstPaint : public QObject
{
public:
    FirstPaint(QWidget* window, std::chrono::steady_clock::time_point started)
        : m_window(window), m_started(started)
    {
    }

protected:
    bool eventFilter(QObject* watched, QEvent* event) override
    {
        if (!m_seen && event->type() == QEvent::Paint && watched->isWidgetType()
            && static_cast<QWidget*>(watched)->window() == m_window) {
            m_seen = true;
            QTimer::singleShot(0, this, [this] {
                const auto now = std::chrono::steady_clock::now();
                rusage usage{};
                getrusage(RUSAGE_SELF, &usage);
                std::printf("first_paint_ms=%.2f first_paint_steady_ns=%lld peak_rss_kib=%ld\n",
                            std::chrono::duration<double, std::milli>(now - m_started).count(),
                            static_cast<long long>(std::chrono::duration_cast<std::chrono::nanoseconds>(
                                                       now.time_since_epoch())
                                                       .count()),
                            usage.ru_maxrss);
                std::fflush(stdout);
                QCoreApplication::exit(0);
            });
        }
        return false;
    }

private:
    QWidget* m_window;
    std::chrono::steady_clock::time_point m_started;
    bool m_seen = false;
};

} // namespace

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
    FirstPaint watcher(&window, started);
    app.installEventFilter(&watcher);
    window.show();
    return app.exec();
}
