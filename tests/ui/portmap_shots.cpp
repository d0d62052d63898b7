// Renders the port map with the developer machine's facts to PNG files:
//   portmap_shots [OUTPUT_DIR]   (default: shots)
// Used by scripts/screenshot-portmap; run with QT_QPA_PLATFORM=offscreen on a headless machine.

#include "portmapfixture.h"

#include "ui/portmapwidget.h"

#include <QApplication>
#include <QDir>
#include <QTest>

#include <cstdio>

using namespace portolan;
using namespace portolan::ui;

int main(int argc, char** argv)
{
    if (!qEnvironmentVariableIsSet("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    QApplication::setFont(QFont(QStringLiteral("DejaVu Sans"), 9));
    const QString dir = argc > 1 ? QString::fromLocal8Bit(argv[1]) : QStringLiteral("shots");
    if (!QDir().mkpath(dir)) {
        std::fprintf(stderr, "cannot create %s\n", qPrintable(dir));
        return 1;
    }

    PortMapWidget w;
    w.setData(fixture::developerMachine());
    w.resize(1280, 340);
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
    };
    const Shot shots[] = {
        {"portmap-overview.png", 0, 65535},
        {"portmap-2800-3400.png", 2800, 3400},
        {"portmap-3000.png", 2980, 3019},
    };
    int status = 0;
    for (const Shot& shot : shots) {
        w.showRange(shot.first, shot.last);
        w.setCurrentPort(Protocol::Tcp, 3000);
        const QString path = QDir(dir).filePath(QString::fromLatin1(shot.name));
        if (!w.grab().save(path)) {
            std::fprintf(stderr, "cannot write %s\n", qPrintable(path));
            status = 1;
            continue;
        }
        std::printf("%s\n", qPrintable(path));
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
