// SPDX-License-Identifier: GPL-3.0-or-later
// The port map as a user drives it: click, zoom, pan, keyboard, tooltip, rendering.

#include "portmapfixture.h"

#include "ui/portmap/portmapwidget.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QHelpEvent>
#include <QImage>
#include <QSignalSpy>
#include <QTest>
#include <QToolTip>
#include <QWheelEvent>

#include <memory>
#include <set>

using namespace portolan;
using namespace portolan::ui;

// Enums of namespace portolan are compared as int: ADL finds portolan::toString (which returns
// std::string_view) before QTest's, and QCOMPARE then does not compile.

namespace {

const ReservedBlock kWinNatBlock =
    fixture::runtimeBlock(Protocol::Tcp, 2869, 500, fixture::kWinNat);

std::unique_ptr<PortMapWidget> makeWidget(QSize size = {1280, 300})
{
    auto w = std::make_unique<PortMapWidget>();
    w->setData(fixture::developerMachine());
    w->resize(size);
    return w;
}

PortSpan span(quint16 first, quint16 last)
{
    return {first, last};
}

} // namespace

class TestPortMapWidget : public QObject
{
    Q_OBJECT

private slots:
    void clickOnPort3000SelectsWinNatBlock();
    void clickOnBlocks_data();
    void clickOnBlocks();
    void clickOnFreePortEmitsNoBlock();
    void dragPansInsteadOfClicking();
    void zoomsDownToSinglePorts();
    void showRangeAndShowAll();
    void wheelZoomKeepsThePortUnderTheMouse();
    void keyboardPans();
    void keyboardJumpsBetweenFacts();
    void keyboardZoomAndActivate();
    void currentPortIsAnnounced();
    void tooltipExplainsPort3000();
    void selectBlockShowsIt();
    void renderingShowsTheLayers();
    void focusIsVisible();
    void largeInputsStaySmooth();
};

void TestPortMapWidget::clickOnPort3000SelectsWinNatBlock()
{
    auto w = makeWidget();
    w->show();
    QVERIFY(QTest::qWaitForWindowExposed(w.get()));
    QCOMPARE(w->visibleSpan(), span(0, 65535));

    QSignalSpy blocks(w.get(), &PortMapWidget::blockActivated);
    QSignalSpy ports(w.get(), &PortMapWidget::portActivated);
    const QPoint at = w->pointForPort(Protocol::Tcp, 3000);
    QTest::mouseClick(w.get(), Qt::LeftButton, {}, at);

    QCOMPARE(ports.count(), 1);
    QCOMPARE(int(ports.at(0).at(0).value<Protocol>()), int(Protocol::Tcp));
    const auto clicked = ports.at(0).at(1).value<quint16>();
    QVERIFY2(kWinNatBlock.range.contains(clicked), qPrintable(QString::number(clicked)));
    QCOMPARE(blocks.count(), 1);
    const auto block = blocks.at(0).at(0).value<ReservedBlock>();
    QVERIFY(block == kWinNatBlock);
    QCOMPARE(block.range.start, quint16(2869));
    QCOMPARE(block.range.end(), 3368u);
    QVERIFY(w->selectedBlock() == kWinNatBlock);
    QCOMPARE(w->currentPort(), clicked);
}

void TestPortMapWidget::clickOnBlocks_data()
{
    QTest::addColumn<int>("first");
    QTest::addColumn<int>("last");
    QTest::addColumn<int>("protocol");
    QTest::addColumn<int>("port");
    QTest::addColumn<int>("blockStart");
    QTest::addColumn<bool>("persistent");
    QTest::newRow("persistent 8000-8009") << 7990 << 8020 << int(Protocol::Tcp) << 8005 << 8000 << true;
    QTest::newRow("HNS on UDP") << 49900 << 50200 << int(Protocol::Udp) << 50030 << 50000 << false;
    QTest::newRow("HNS on TCP, single-port zoom") << 50055 << 50066 << int(Protocol::Tcp) << 50059
                                                  << 50000 << false;
    QTest::newRow("pinned adb port") << 5030 << 5045 << int(Protocol::Tcp) << 5037 << 5037 << true;
}

void TestPortMapWidget::clickOnBlocks()
{
    QFETCH(int, first);
    QFETCH(int, last);
    QFETCH(int, protocol);
    QFETCH(int, port);
    QFETCH(int, blockStart);
    QFETCH(bool, persistent);

    auto w = makeWidget();
    w->showRange(quint16(first), quint16(last));
    QSignalSpy blocks(w.get(), &PortMapWidget::blockActivated);
    QSignalSpy ports(w.get(), &PortMapWidget::portActivated);
    QTest::mouseClick(w.get(), Qt::LeftButton, {}, w->pointForPort(Protocol(protocol), quint16(port)));

    QCOMPARE(ports.count(), 1);
    QCOMPARE(int(ports.at(0).at(0).value<Protocol>()), int(Protocol(protocol)));
    QCOMPARE(ports.at(0).at(1).value<quint16>(), quint16(port)); // zoomed in: exactly that port
    QCOMPARE(blocks.count(), 1);
    const auto block = blocks.at(0).at(0).value<ReservedBlock>();
    QCOMPARE(int(block.protocol), int(Protocol(protocol)));
    QCOMPARE(int(block.range.start), blockStart);
    QCOMPARE(block.persistent, persistent);
}

void TestPortMapWidget::clickOnFreePortEmitsNoBlock()
{
    auto w = makeWidget();
    w->showRange(3990, 4010);
    QSignalSpy blocks(w.get(), &PortMapWidget::blockActivated);
    QSignalSpy ports(w.get(), &PortMapWidget::portActivated);
    QTest::mouseClick(w.get(), Qt::LeftButton, {}, w->pointForPort(Protocol::Tcp, 4000));
    QCOMPARE(ports.count(), 1);
    QCOMPARE(ports.at(0).at(1).value<quint16>(), quint16(4000));
    QCOMPARE(blocks.count(), 0);
    QVERIFY(!w->selectedBlock().has_value());

    // Outside the lanes (legend, axis) nothing is activated.
    QTest::mouseClick(w.get(), Qt::LeftButton, {}, QPoint(w->width() / 2, 3));
    QTest::mouseClick(w.get(), Qt::LeftButton, {}, QPoint(2, w->laneRect(Protocol::Tcp).center().y()));
    QCOMPARE(ports.count(), 1);
}

void TestPortMapWidget::dragPansInsteadOfClicking()
{
    auto w = makeWidget();
    w->showRange(2900, 3099);
    QSignalSpy ports(w.get(), &PortMapWidget::portActivated);
    const QPoint start = w->pointForPort(Protocol::Tcp, 3000);
    QTest::mousePress(w.get(), Qt::LeftButton, {}, start);
    QTest::mouseMove(w.get(), start + QPoint(-60, 0));
    QTest::mouseMove(w.get(), start + QPoint(-300, 0));
    QTest::mouseRelease(w.get(), Qt::LeftButton, {}, start + QPoint(-300, 0));
    QCOMPARE(ports.count(), 0);
    const PortSpan shown = w->visibleSpan();
    QVERIFY2(shown.first > 2900, qPrintable(QString::number(shown.first)));
    QCOMPARE(w->viewPorts(), 200.0); // panning never zooms
}

void TestPortMapWidget::zoomsDownToSinglePorts()
{
    auto w = makeWidget();
    w->setCurrentPort(Protocol::Tcp, 3000);
    for (int i = 0; i < 20; ++i)
        w->zoomIn();
    QCOMPARE(w->viewPorts(), PortMapWidget::kMinVisiblePorts);
    const PortSpan shown = w->visibleSpan();
    QVERIFY(shown.count() <= 13);
    QVERIFY(shown.contains(3000));
    // Each port is a cell: a click lands on exactly the port drawn there.
    for (quint16 port = shown.first + 1; port < shown.last; ++port) {
        const auto hit = w->portAt(w->pointForPort(Protocol::Tcp, port));
        QVERIFY(hit.has_value());
        QCOMPARE(hit->second, port);
    }
    for (int i = 0; i < 20; ++i)
        w->zoomOut();
    QCOMPARE(w->visibleSpan(), span(0, 65535));
}

void TestPortMapWidget::showRangeAndShowAll()
{
    auto w = makeWidget();
    QSignalSpy changed(w.get(), &PortMapWidget::visibleRangeChanged);
    w->showRange(2800, 3400);
    QCOMPARE(w->visibleSpan(), span(2800, 3400));
    QCOMPARE(changed.count(), 1);
    QCOMPARE(changed.at(0).at(0).value<quint16>(), quint16(2800));
    QCOMPARE(changed.at(0).at(1).value<quint16>(), quint16(3400));
    w->showRange(3019, 2980); // reversed arguments are the same range
    QCOMPARE(w->visibleSpan(), span(2980, 3019));
    w->showRange(3000, 3000); // too narrow: the narrowest view, centred
    QCOMPARE(w->viewPorts(), PortMapWidget::kMinVisiblePorts);
    QVERIFY(w->visibleSpan().contains(3000));
    w->showRange(65530, 65535); // at the end: the view stops at 65535
    QCOMPARE(w->visibleSpan().last, quint16(65535));
    w->showAll();
    QCOMPARE(w->visibleSpan(), span(0, 65535));
}

void TestPortMapWidget::wheelZoomKeepsThePortUnderTheMouse()
{
    auto w = makeWidget();
    const QPoint at = w->pointForPort(Protocol::Tcp, 3000);
    const quint16 before = w->portAt(at)->second;
    for (int i = 0; i < 6; ++i) {
        QWheelEvent wheel(at, w->mapToGlobal(at), QPoint(), QPoint(0, 120), Qt::NoButton,
                          Qt::NoModifier, Qt::NoScrollPhase, false);
        QApplication::sendEvent(w.get(), &wheel);
    }
    QVERIFY(w->viewPorts() < 65536.0 / 3);
    const quint16 after = w->portAt(at)->second;
    QVERIFY2(std::abs(int(after) - int(before)) <= 60,
             qPrintable(QStringLiteral("%1 -> %2").arg(before).arg(after)));
    QVERIFY(w->visibleSpan().contains(3000));
}

void TestPortMapWidget::keyboardPans()
{
    auto w = makeWidget();
    w->showRange(2980, 3019);
    w->setCurrentPort(Protocol::Tcp, 3000);
    const PortSpan start = w->visibleSpan();

    for (int i = 0; i < 40; ++i)
        QTest::keyClick(w.get(), Qt::Key_Right);
    QCOMPARE(w->currentPort(), quint16(3040));
    PortSpan shown = w->visibleSpan();
    QVERIFY2(shown.first > start.first, qPrintable(QString::number(shown.first)));
    QVERIFY(shown.contains(3040));
    QCOMPARE(shown.count(), start.count());

    QTest::keyClick(w.get(), Qt::Key_Right, Qt::ShiftModifier); // a quarter of the view
    QCOMPARE(w->visibleSpan().first, quint16(shown.first + 10));

    QTest::keyClick(w.get(), Qt::Key_PageUp);
    QVERIFY(w->visibleSpan().first < shown.first);

    QTest::keyClick(w.get(), Qt::Key_Home);
    QCOMPARE(w->currentPort(), quint16(0));
    QCOMPARE(w->visibleSpan().first, quint16(0));
    QTest::keyClick(w.get(), Qt::Key_Left); // stays at the edge
    QCOMPARE(w->visibleSpan().first, quint16(0));
    QTest::keyClick(w.get(), Qt::Key_End);
    QCOMPARE(w->currentPort(), quint16(65535));
    QCOMPARE(w->visibleSpan().last, quint16(65535));
    QCOMPARE(w->visibleSpan().count(), start.count());
}

void TestPortMapWidget::keyboardJumpsBetweenFacts()
{
    auto w = makeWidget();
    w->setCurrentPort(Protocol::Tcp, 2000);
    QTest::keyClick(w.get(), Qt::Key_Right, Qt::ControlModifier);
    QCOMPARE(w->currentPort(), quint16(2869)); // where WinNAT's block starts
    QTest::keyClick(w.get(), Qt::Key_Right, Qt::ControlModifier);
    QCOMPARE(w->currentPort(), quint16(3369)); // first port after it
    QTest::keyClick(w.get(), Qt::Key_Left, Qt::ControlModifier);
    QCOMPARE(w->currentPort(), quint16(2869));

    QTest::keyClick(w.get(), Qt::Key_Down);
    QCOMPARE(int(w->currentProtocol()), int(Protocol::Udp));
    QCOMPARE(w->currentPort(), quint16(2869));
    QTest::keyClick(w.get(), Qt::Key_Right, Qt::ControlModifier);
    QCOMPARE(w->currentPort(), quint16(5353)); // UDP's next fact: svchost's listener
    QTest::keyClick(w.get(), Qt::Key_Up);
    QCOMPARE(int(w->currentProtocol()), int(Protocol::Tcp));
}

void TestPortMapWidget::keyboardZoomAndActivate()
{
    auto w = makeWidget();
    w->setCurrentPort(Protocol::Tcp, 3000);
    QTest::keyClick(w.get(), Qt::Key_Plus);
    QCOMPARE(w->viewPorts(), 32768.0);
    QVERIFY(w->visibleSpan().contains(3000));
    QTest::keyClick(w.get(), Qt::Key_Minus);
    QCOMPARE(w->viewPorts(), 65536.0);
    w->showRange(2990, 3010);
    QTest::keyClick(w.get(), Qt::Key_0, Qt::ControlModifier);
    QCOMPARE(w->visibleSpan(), span(0, 65535));

    QSignalSpy blocks(w.get(), &PortMapWidget::blockActivated);
    QSignalSpy ports(w.get(), &PortMapWidget::portActivated);
    QTest::keyClick(w.get(), Qt::Key_Return);
    QCOMPARE(ports.count(), 1);
    QCOMPARE(ports.at(0).at(1).value<quint16>(), quint16(3000));
    QCOMPARE(blocks.count(), 1);
    QVERIFY(blocks.at(0).at(0).value<ReservedBlock>() == kWinNatBlock);
    QTest::keyClick(w.get(), Qt::Key_Escape);
    QVERIFY(!w->selectedBlock().has_value());
}

void TestPortMapWidget::currentPortIsAnnounced()
{
    auto w = makeWidget();
    QSignalSpy spy(w.get(), &PortMapWidget::currentPortChanged);
    w->setCurrentPort(Protocol::Tcp, 3000);
    QCOMPARE(spy.count(), 1);
    const QString text = spy.at(0).at(0).toString();
    QVERIFY(text.contains("2869") && text.contains("WinNAT") && text.contains("10013"));
    QCOMPARE(w->accessibleDescription(), text);
    QVERIFY(!w->accessibleName().isEmpty());

    QTest::keyClick(w.get(), Qt::Key_Right); // moves away from 3000: a new explanation
    QCOMPARE(spy.count(), 2);
    w->setCurrentPort(w->currentProtocol(), w->currentPort()); // no move, no signal
    QCOMPARE(spy.count(), 2);
    w->setData(fixture::developerMachine(false)); // new facts: announced again
    QCOMPARE(spy.count(), 3);
}

void TestPortMapWidget::tooltipExplainsPort3000()
{
    auto w = makeWidget();
    w->show();
    QVERIFY(QTest::qWaitForWindowExposed(w.get()));
    const QPoint at = w->pointForPort(Protocol::Tcp, 3000);
    const QString text = w->toolTipAt(at);
    QVERIFY2(text.contains("2869") && text.contains("WinNAT") && text.contains("10013"),
             qPrintable(text));
    QVERIFY(w->toolTipAt(QPoint(w->width() / 2, 2)).isEmpty());

    QHelpEvent help(QEvent::ToolTip, at, w->mapToGlobal(at));
    QApplication::sendEvent(w.get(), &help);
    QTRY_VERIFY(QToolTip::isVisible());
    QVERIFY(QToolTip::text().contains("10013"));
    QToolTip::hideText();
}

void TestPortMapWidget::selectBlockShowsIt()
{
    auto w = makeWidget();
    const ReservedBlock hns = fixture::runtimeBlock(Protocol::Udp, 50000, 60, fixture::kHns);
    w->selectBlock(hns);
    QVERIFY(w->selectedBlock() == hns);
    const PortSpan shown = w->visibleSpan();
    QVERIFY(shown.first <= 50000 && shown.last >= 50059);
    QVERIFY(shown.count() < 200);
    QCOMPARE(int(w->currentProtocol()), int(Protocol::Udp));
    QCOMPARE(w->currentPort(), quint16(50000));
}

void TestPortMapWidget::renderingShowsTheLayers()
{
    auto w = makeWidget({1280, 300});
    const QImage image = w->grab().toImage();
    QCOMPARE(image.size(), QSize(1280, 300));

    // Most pixels of a short column through a port's reservations track are "warm" (the
    // runtime layer's orange and brown) when a service's block covers it.
    auto warmAt = [](const QImage& img, QPoint at) {
        int warm = 0;
        for (int dy = -20; dy <= 20; ++dy) {
            const QRgb px = img.pixel(at + QPoint(0, dy));
            warm += qRed(px) - qBlue(px) > 60 ? 1 : 0;
        }
        return warm > 25;
    };
    // TCP 3000 is WinNAT's block, UDP 3000 is free.
    QVERIFY(warmAt(image, w->pointForPort(Protocol::Tcp, 3000)));
    QVERIFY(!warmAt(image, w->pointForPort(Protocol::Udp, 3000)));
    QVERIFY(!warmAt(image, w->pointForPort(Protocol::Tcp, 4000)));
    // HNS holds 50000-50059 on both protocols.
    w->showRange(49990, 50100);
    w->setCurrentPort(Protocol::Tcp, 50090); // the cursor elsewhere
    const QImage zoomed = w->grab().toImage();
    QVERIFY(warmAt(zoomed, w->pointForPort(Protocol::Tcp, 50010)));
    QVERIFY(warmAt(zoomed, w->pointForPort(Protocol::Udp, 50010)));
    QVERIFY(!warmAt(zoomed, w->pointForPort(Protocol::Udp, 50080)));

    std::set<QRgb> colors;
    for (int y = 0; y < image.height(); y += 3)
        for (int x = 0; x < image.width(); x += 3)
            colors.insert(image.pixel(x, y));
    QVERIFY2(colors.size() > 8, qPrintable(QString::number(colors.size())));
}

void TestPortMapWidget::focusIsVisible()
{
    auto w = makeWidget();
    w->setCurrentPort(Protocol::Tcp, 3000);
    w->show();
    QVERIFY(QTest::qWaitForWindowExposed(w.get()));
    w->clearFocus();
    QTRY_VERIFY(!w->hasFocus());
    const QImage unfocused = w->grab().toImage();
    w->activateWindow();
    w->setFocus();
    QTRY_VERIFY(w->hasFocus());
    const QImage focused = w->grab().toImage();
    QVERIFY(focused != unfocused);
    QCOMPARE(w->focusPolicy(), Qt::StrongFocus);
}

void TestPortMapWidget::largeInputsStaySmooth()
{
    PortMapData data;
    data.tcp.dynamicRange = PortRange{1024, 64512};
    for (quint32 start = 1; start + 5 < 65536; start += 13)
        data.tcp.blocks.push_back(
            fixture::runtimeBlock(Protocol::Tcp, quint16(start), 5, start % 2 ? "svc" : ""));
    for (quint32 p = 1; p <= 65535; ++p) {
        ScanRun run;
        run.first = run.last = quint16(p);
        run.outcome = p % 3 == 0 ? BindOutcome::Forbidden : p % 3 == 1 ? BindOutcome::Free
                                                                         : BindOutcome::InUse;
        data.tcp.scanRuns.push_back(run);
        if (p % 7 == 0)
            data.tcp.listeners.push_back(fixture::listener(Protocol::Tcp, "0.0.0.0", quint16(p), p, "x"));
    }
    QVERIFY(data.tcp.blocks.size() > 5000);

    PortMapWidget w;
    w.resize(1280, 300);
    QElapsedTimer timer;
    timer.start();
    w.setData(std::move(data));
    const qint64 setDataMs = timer.restart();
    for (int i = 0; i < 5; ++i) {
        w.showAll();
        (void)w.grab();
        w.showRange(30000, 31000);
        (void)w.grab();
        w.showRange(30000, 30030);
        (void)w.grab();
    }
    const qint64 paintMs = timer.elapsed();
    qInfo("large input: setData %lld ms, 15 frames %lld ms", setDataMs, paintMs);
    // An optimized build takes 1-4 ms a frame here, a Debug build with sanitizers ~40 ms. The
    // bounds leave room for a loaded machine and still catch text measured per block or per
    // listener (~250 ms a frame optimized).
#if defined(__SANITIZE_ADDRESS__) || !defined(NDEBUG)
    constexpr qint64 slack = 4;
#else
    constexpr qint64 slack = 1;
#endif
    QVERIFY2(setDataMs < 1000 * slack, qPrintable(QString::number(setDataMs)));
    QVERIFY2(paintMs < 1000 * slack, qPrintable(QStringLiteral("15 frames took %1 ms").arg(paintMs)));
}

int main(int argc, char** argv)
{
    // The ctest preset sets QT_QPA_PLATFORM=offscreen; a caller's choice wins.
    if (!qEnvironmentVariableIsSet("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    QApplication::setFont(QFont(QStringLiteral("DejaVu Sans"), 9));
    TestPortMapWidget test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_portmapwidget.moc"
