// SPDX-License-Identifier: GPL-3.0-or-later
// The port map's facts and explanations: what a user reads when asking why a bind fails.

#include "portmapfixture.h"

#include "ui/portmap/portmapdata.h"

#include <QCoreApplication>
#include <QTest>
#include <QTranslator>

using namespace portolan;
using namespace portolan::ui;

Q_DECLARE_METATYPE(std::vector<portolan::ui::PortSpan>)

// Enums of namespace portolan are compared as int: ADL finds portolan::toString (which returns
// std::string_view) before QTest's, and QCOMPARE then does not compile.

namespace {

const QString kDash = QStringLiteral("\u2013");

QString range(int first, int last)
{
    return QStringLiteral("%1%2%3").arg(first).arg(kDash).arg(last);
}

std::vector<PortSpan> alternating(quint32 first, quint32 last)
{
    std::vector<PortSpan> spans;
    for (quint32 p = first; p <= last; p += 2)
        spans.push_back({quint16(p), quint16(p)});
    return spans;
}

// Marks every string of the PortMapData context, to prove the explanations are translatable.
class MarkingTranslator : public QTranslator
{
public:
    QString translate(const char* context, const char* source, const char* = nullptr,
                      int = -1) const override
    {
        if (QByteArray(context) == "PortMapData")
            return QStringLiteral("[pt]") + QString::fromUtf8(source);
        return {};
    }
    bool isEmpty() const override { return false; }
};

} // namespace

class TestPortMapData : public QObject
{
    Q_OBJECT

private slots:
    void developerMachine_data();
    void developerMachine();
    void port3000SentenceIsTheOneUsersRead();
    void scanAndFactsDisagree_data();
    void scanAndFactsDisagree();
    void decisiveBlockIsTheRuntimeOne();
    void setScanReplacesOnlyItsProtocol();
    void unsortedInputIsDescribedTheSame();
    void blocksAreOrderedByStartThenCount_data();
    void blocksAreOrderedByStartThenCount();
    void explanationsAreTranslatable();
    void spanOfClampsAtTheEndOfThePortSpace();
    void mergeSpans_data();
    void mergeSpans();
    void coalesceForDisplay_data();
    void coalesceForDisplay();
    void laneLayersSeparateTheLayers();
};

void TestPortMapData::developerMachine_data()
{
    QTest::addColumn<Protocol>("protocol");
    QTest::addColumn<int>("port");
    QTest::addColumn<PortVerdict>("verdict");
    QTest::addColumn<QStringList>("contains");
    QTest::addColumn<QStringList>("absent");

    const Protocol tcp = Protocol::Tcp;
    const Protocol udp = Protocol::Udp;
    const QString winnat = QStringLiteral("Windows NAT (WinNAT)");
    const QString hns = QStringLiteral("Host Network Service (Hyper-V)");
    const QString eacces = QStringLiteral("WSAEACCES (10013)");
    const QString inuse = QStringLiteral("WSAEADDRINUSE (10048)");
    const QString persistentRule = QStringLiteral("explicit binds still work; automatic ones skip it");

    QTest::newRow("tcp 3000 in WinNAT's runtime block")
        << tcp << 3000 << PortVerdict::Forbidden
        << QStringList{range(2869, 3368), winnat, eacces, "although nothing listens there",
                       "The last scan confirmed it: WSAEACCES (10013)."}
        << QStringList{"dynamic range"};
    QTest::newRow("tcp 2869, first port of the block")
        << tcp << 2869 << PortVerdict::Forbidden << QStringList{range(2869, 3368), winnat}
        << QStringList{};
    QTest::newRow("tcp 3368, last port of the block")
        << tcp << 3368 << PortVerdict::Forbidden << QStringList{range(2869, 3368), winnat}
        << QStringList{};
    QTest::newRow("tcp 2868, just before the block")
        << tcp << 2868 << PortVerdict::Free
        << QStringList{"TCP 2868 is free", "The last scan bound it successfully."}
        << QStringList{"2869", "WinNAT"};
    QTest::newRow("tcp 3369, just after the block")
        << tcp << 3369 << PortVerdict::Free << QStringList{"TCP 3369 is free"}
        << QStringList{"WinNAT", "10013"};
    QTest::newRow("tcp 50030 in HNS's block inside the dynamic range")
        << tcp << 50030 << PortVerdict::Forbidden
        << QStringList{range(50000, 50059), hns, eacces, "It lies in the dynamic range " + range(49152, 65535)}
        << QStringList{};
    QTest::newRow("udp 50030 in HNS's block, never scanned")
        << udp << 50030 << PortVerdict::Forbidden
        << QStringList{"UDP 50030 is forbidden", range(50000, 50059), hns, eacces}
        << QStringList{"scan"};
    QTest::newRow("tcp 5173 where node.exe listens")
        << tcp << 5173 << PortVerdict::InUse
        << QStringList{"TCP 5173 is in use by node.exe (pid 14236) on 0.0.0.0", inuse}
        << QStringList{"10013", "reservation"};
    QTest::newRow("tcp 5432 with an IPv4 and an IPv6 listener")
        << tcp << 5432 << PortVerdict::InUse
        << QStringList{"postgres.exe (pid 6124) on 0.0.0.0 and postgres.exe (pid 6124) on ::"}
        << QStringList{};
    QTest::newRow("tcp 5037 pinned and used by adb")
        << tcp << 5037 << PortVerdict::InUse
        << QStringList{"adb.exe (pid 11840) on 127.0.0.1", inuse,
                       "A persistent reservation 5037 also covers it", persistentRule}
        << QStringList{"10013"};
    QTest::newRow("tcp 8005 in a persistent reservation")
        << tcp << 8005 << PortVerdict::Reserved
        << QStringList{"TCP 8005 is reserved by the persistent reservation " + range(8000, 8009),
                       persistentRule}
        << QStringList{"10013", "10048"};
    QTest::newRow("tcp 49151, just below the dynamic range")
        << tcp << 49151 << PortVerdict::Free << QStringList{"TCP 49151 is free"}
        << QStringList{"dynamic"};
    QTest::newRow("tcp 49152, first dynamic port")
        << tcp << 49152 << PortVerdict::Dynamic
        << QStringList{"lies in the dynamic range " + range(49152, 65535)} << QStringList{};
    QTest::newRow("tcp 65535, last port")
        << tcp << 65535 << PortVerdict::Dynamic << QStringList{"TCP 65535"} << QStringList{};
    QTest::newRow("tcp 49664 lsass in the dynamic range")
        << tcp << 49664 << PortVerdict::InUse
        << QStringList{"lsass.exe (pid 1004)", "It lies in the dynamic range"} << QStringList{};
    QTest::newRow("udp 5353 svchost")
        << udp << 5353 << PortVerdict::InUse
        << QStringList{"UDP 5353 is in use by svchost.exe (pid 2232)"} << QStringList{"scan"};
    QTest::newRow("udp 3000 is not tcp 3000")
        << udp << 3000 << PortVerdict::Free << QStringList{"UDP 3000 is free"}
        << QStringList{"WinNAT", "scan"};
    QTest::newRow("port 0 is the wildcard")
        << tcp << 0 << PortVerdict::Free << QStringList{"lets the system choose"} << QStringList{};
}

void TestPortMapData::developerMachine()
{
    QFETCH(Protocol, protocol);
    QFETCH(int, port);
    QFETCH(PortVerdict, verdict);
    QFETCH(QStringList, contains);
    QFETCH(QStringList, absent);

    const PortMapData data = fixture::developerMachine();
    const PortInfo info = data.describe(protocol, quint16(port));
    QCOMPARE(info.verdict, verdict);
    QCOMPARE(data.verdict(protocol, quint16(port)), verdict);
    QVERIFY(!info.summary.isEmpty());
    for (const QString& text : contains)
        QVERIFY2(info.explanation.contains(text),
                 qPrintable(QStringLiteral("missing \"%1\" in: %2").arg(text, info.explanation)));
    for (const QString& text : absent)
        QVERIFY2(!info.explanation.contains(text),
                 qPrintable(QStringLiteral("unexpected \"%1\" in: %2").arg(text, info.explanation)));
}

void TestPortMapData::port3000SentenceIsTheOneUsersRead()
{
    const PortInfo info = fixture::developerMachine().describe(Protocol::Tcp, 3000);
    QVERIFY(info.explanation.startsWith(
        QStringLiteral("TCP 3000 is forbidden: a runtime reservation 2869\u20133368 held by Windows "
                       "NAT (WinNAT) covers it, so any bind fails with WSAEACCES (10013) although "
                       "nothing listens there.")));
    QCOMPARE(info.summary,
             QStringLiteral("TCP 3000: forbidden \u2014 runtime reservation 2869\u20133368 held by "
                            "Windows NAT (WinNAT)"));
    QVERIFY(info.inDynamicRange == false);
    QCOMPARE(info.runtimeBlocks.size(), std::size_t(1));
    QVERIFY(info.scanRun.has_value());
    QCOMPARE(int(info.scanRun->outcome), int(BindOutcome::Forbidden));
    QCOMPARE(info.scanRun->first, quint16(2869));
    QCOMPARE(info.scanRun->last, quint16(3368));
    QVERIFY(info.listeners.empty());
}

void TestPortMapData::scanAndFactsDisagree_data()
{
    QTest::addColumn<int>("style"); // ErrorCodeStyle
    QTest::addColumn<int>("port");
    QTest::addColumn<PortVerdict>("verdict");
    QTest::addColumn<QStringList>("contains");

    const int windows = int(ErrorCodeStyle::Windows);
    const int posix = int(ErrorCodeStyle::Posix);
    QTest::newRow("scan refused, nothing known")
        << windows << 7000 << PortVerdict::Forbidden
        << QStringList{"TCP 7000 is forbidden: the last scan's bind failed with WSAEACCES (10013), "
                       "and no known reservation explains it.",
                       "The scan names wslhost.exe as the holder."};
    QTest::newRow("scan in use, no listener known")
        << windows << 7001 << PortVerdict::InUse
        << QStringList{"TCP 7001 is in use: the last scan's bind failed with WSAEADDRINUSE (10048), "
                       "although no listener is known there."};
    QTest::newRow("runtime block the scan found free")
        << windows << 7100 << PortVerdict::Forbidden
        << QStringList{"runtime reservation 7100\u20137109 held by an unknown process",
                       "The last scan bound it successfully, so these facts may have changed since."};
    // WSAEACCES where no reservation covers the port: a socket holds it, not a reservation.
    QTest::newRow("scan denied, no reservation")
        << windows << 7500 << PortVerdict::InUse
        << QStringList{"TCP 7500 is denied: the last scan's bind failed with WSAEACCES (10013) "
                       "and no reservation covers the port",
                       "syncd.exe. Stop that program or choose another port."};
    QTest::newRow("scan failed otherwise")
        << windows << 7200 << PortVerdict::Free
        << QStringList{"The last scan's bind failed with WSAEADDRNOTAVAIL (10049)."};
    QTest::newRow("outside the scanned span")
        << windows << 9000 << PortVerdict::Free << QStringList{"The last scan did not cover it."};
    QTest::newRow("linux listener names errno")
        << posix << 7300 << PortVerdict::InUse
        << QStringList{"so another bind fails with EADDRINUSE (98)."};
    QTest::newRow("linux privileged port")
        << posix << 80 << PortVerdict::Forbidden
        << QStringList{"EACCES (13)", "Ports below 1024 need root"};
    QTest::newRow("linux reserved ports behave like persistent ones")
        << posix << 7401 << PortVerdict::Reserved
        << QStringList{"explicit binds still work; automatic ones skip it"};
}

void TestPortMapData::scanAndFactsDisagree()
{
    QFETCH(int, style);
    QFETCH(int, port);
    QFETCH(PortVerdict, verdict);
    QFETCH(QStringList, contains);

    PortMapData data;
    data.codeStyle = ErrorCodeStyle(style);
    ReservedBlock unknownRuntime = fixture::runtimeBlock(Protocol::Tcp, 7100, 10, "");
    data.tcp.blocks = {unknownRuntime, fixture::persistentBlock(Protocol::Tcp, 7400, 5)};
    data.tcp.listeners = {fixture::listener(Protocol::Tcp, "0.0.0.0", 7300, 42, "nginx")};
    auto run = [](quint16 first, quint16 last, BindOutcome outcome, std::int64_t code,
                  const char* name, const char* holder = "") {
        ScanRun r;
        r.first = first;
        r.last = last;
        r.outcome = outcome;
        r.code = code;
        r.codeName = name;
        r.holder.process = holder; // what describe() gives back
        return r;
    };
    const bool posixStyle = data.codeStyle == ErrorCodeStyle::Posix;
    data.tcp.scanRuns = {
        run(80, 80, BindOutcome::Forbidden, posixStyle ? 13 : 10013, posixStyle ? "EACCES" : "WSAEACCES"),
        run(81, 6999, BindOutcome::Free, 0, ""),
        run(7000, 7000, BindOutcome::Forbidden, 10013, "WSAEACCES", "wslhost.exe"),
        run(7001, 7001, BindOutcome::InUse, 10048, "WSAEADDRINUSE"),
        run(7002, 7199, BindOutcome::Free, 0, ""),
        run(7200, 7200, BindOutcome::Other, 10049, "WSAEADDRNOTAVAIL"),
        run(7201, 7299, BindOutcome::Free, 0, ""),
        run(7300, 7300, BindOutcome::InUse, 98, "EADDRINUSE"),
        run(7301, 7499, BindOutcome::Free, 0, ""),
        run(7500, 7500, BindOutcome::Denied, 10013, "WSAEACCES", "syncd.exe"),
        run(7501, 7999, BindOutcome::Free, 0, ""),
    };

    const PortInfo info = data.describe(Protocol::Tcp, quint16(port));
    QCOMPARE(info.verdict, verdict);
    for (const QString& text : contains)
        QVERIFY2(info.explanation.contains(text),
                 qPrintable(QStringLiteral("missing \"%1\" in: %2").arg(text, info.explanation)));
}

void TestPortMapData::decisiveBlockIsTheRuntimeOne()
{
    PortMapData data;
    const ReservedBlock persistent = fixture::persistentBlock(Protocol::Tcp, 3000, 1);
    const ReservedBlock runtime = fixture::runtimeBlock(Protocol::Tcp, 2869, 500, fixture::kWinNat);
    data.tcp.blocks = {persistent, runtime};
    const PortInfo inBoth = data.describe(Protocol::Tcp, 3000);
    QCOMPARE(inBoth.verdict, PortVerdict::Forbidden);
    QVERIFY(inBoth.block() == runtime);
    QVERIFY(inBoth.explanation.contains("A persistent reservation 3000 also covers it"));
    QVERIFY(data.describe(Protocol::Tcp, 2900).block() == runtime);
    QVERIFY(!data.describe(Protocol::Tcp, 4000).block().has_value());

    data.tcp.blocks = {persistent};
    QVERIFY(data.describe(Protocol::Tcp, 3000).block() == persistent);
}

void TestPortMapData::setScanReplacesOnlyItsProtocol()
{
    PortMapData data = fixture::developerMachine();
    const std::size_t tcpRuns = data.tcp.scanRuns.size();
    ScanResult udpScan;
    udpScan.request.protocol = Protocol::Udp;
    udpScan.runs = {ScanRun{50000, 50059, BindOutcome::Forbidden, 10013, "WSAEACCES", {}}};
    data.setScan(udpScan);
    QCOMPARE(data.tcp.scanRuns.size(), tcpRuns);
    QCOMPARE(data.udp.scanRuns.size(), std::size_t(1));
    QVERIFY(data.describe(Protocol::Udp, 50010).explanation.contains("The last scan confirmed it"));
    QVERIFY(data.describe(Protocol::Udp, 4000).explanation.contains("The last scan did not cover it."));
}

void TestPortMapData::unsortedInputIsDescribedTheSame()
{
    PortMapData sorted = fixture::developerMachine();
    PortMapData shuffled = sorted;
    std::reverse(shuffled.tcp.blocks.begin(), shuffled.tcp.blocks.end());
    std::reverse(shuffled.tcp.listeners.begin(), shuffled.tcp.listeners.end());
    std::reverse(shuffled.tcp.scanRuns.begin(), shuffled.tcp.scanRuns.end());
    shuffled.normalize();
    for (quint16 port : {quint16(3000), quint16(5037), quint16(5432), quint16(50001), quint16(8009)})
        QCOMPARE(shuffled.describe(Protocol::Tcp, port).explanation,
                 sorted.describe(Protocol::Tcp, port).explanation);
}

void TestPortMapData::blocksAreOrderedByStartThenCount_data()
{
    // Owners in the order the backend listed their blocks; a-c share 5000 and b, c also the
    // count, so they stay in the order they came in; d is the one block below them.
    QTest::addColumn<QStringList>("listed");
    QTest::addColumn<QStringList>("ordered");
    QTest::addColumn<QString>("namedAt5007"); // the owner the explanation of port 5007 names
    QTest::newRow("already in order")
        << QStringList{"d", "a", "b", "c", "e"} << QStringList{"d", "a", "b", "c", "e"} << "b";
    QTest::newRow("reversed") << QStringList{"e", "c", "b", "a", "d"}
                              << QStringList{"d", "a", "c", "b", "e"} << "c";
    QTest::newRow("the shorter block first, ties as listed")
        << QStringList{"c", "e", "b", "d", "a"} << QStringList{"d", "a", "c", "b", "e"} << "c";
}

void TestPortMapData::blocksAreOrderedByStartThenCount()
{
    QFETCH(QStringList, listed);
    QFETCH(QStringList, ordered);
    QFETCH(QString, namedAt5007);
    const auto blockOf = [](const QString& owner) {
        const QByteArray name = owner.toUtf8();
        if (owner == "a")
            return fixture::runtimeBlock(Protocol::Tcp, 5000, 5, "a");
        if (owner == "d")
            return fixture::runtimeBlock(Protocol::Tcp, 3000, 100, "d");
        if (owner == "e")
            return fixture::runtimeBlock(Protocol::Tcp, 6000, 1, "e");
        return fixture::runtimeBlock(Protocol::Tcp, 5000, 10, name.constData());
    };
    const auto ownersOf = [](const std::vector<ReservedBlock>& blocks) {
        QStringList owners;
        for (const ReservedBlock& block : blocks)
            owners << QString::fromStdString(block.owner);
        return owners;
    };
    PortMapData data;
    for (const QString& owner : listed)
        data.tcp.blocks.push_back(blockOf(owner));
    QCOMPARE(ownersOf(buildLaneLayers(data.tcp).blocks), ordered);
    data.normalize();
    QCOMPARE(ownersOf(data.tcp.blocks), ordered);
    QVERIFY(data.describe(Protocol::Tcp, 5007)
                .summary.endsWith(QStringLiteral("held by ") + namedAt5007));
}

void TestPortMapData::explanationsAreTranslatable()
{
    MarkingTranslator translator;
    QCoreApplication::installTranslator(&translator);
    const PortInfo info = fixture::developerMachine().describe(Protocol::Tcp, 3000);
    QCoreApplication::removeTranslator(&translator);
    QVERIFY2(info.explanation.startsWith("[pt]"), qPrintable(info.explanation));
    QVERIFY(info.summary.startsWith("[pt]"));
    QVERIFY(verdictText(PortVerdict::Forbidden) == QStringLiteral("forbidden"));
}

void TestPortMapData::spanOfClampsAtTheEndOfThePortSpace()
{
    QVERIFY(!spanOf(PortRange{5000, 0}).has_value());
    QCOMPARE(*spanOf(PortRange{65500, 100}), (PortSpan{65500, 65535}));
    QCOMPARE(*spanOf(PortRange{2869, 500}), (PortSpan{2869, 3368}));
    QCOMPARE(PortMapData::rangeText(PortRange{5037, 1}), QStringLiteral("5037"));
    QCOMPARE(PortMapData::spanText(PortSpan{0, 65535}), range(0, 65535));
}

void TestPortMapData::mergeSpans_data()
{
    QTest::addColumn<std::vector<PortSpan>>("input");
    QTest::addColumn<std::vector<PortSpan>>("expected");
    QTest::newRow("empty") << std::vector<PortSpan>{} << std::vector<PortSpan>{};
    QTest::newRow("adjacent join")
        << std::vector<PortSpan>{{10, 19}, {20, 29}} << std::vector<PortSpan>{{10, 29}};
    QTest::newRow("gap of one stays apart")
        << std::vector<PortSpan>{{10, 19}, {21, 29}}
        << std::vector<PortSpan>{{10, 19}, {21, 29}};
    QTest::newRow("unsorted and overlapping")
        << std::vector<PortSpan>{{50, 60}, {10, 30}, {25, 40}, {55, 58}}
        << std::vector<PortSpan>{{10, 40}, {50, 60}};
    QTest::newRow("whole space") << std::vector<PortSpan>{{0, 65535}, {65535, 65535}}
                                 << std::vector<PortSpan>{{0, 65535}};
}

void TestPortMapData::mergeSpans()
{
    QFETCH(std::vector<PortSpan>, input);
    QFETCH(std::vector<PortSpan>, expected);
    QVERIFY(ui::mergeSpans(input) == expected);
}

void TestPortMapData::coalesceForDisplay_data()
{
    QTest::addColumn<std::vector<PortSpan>>("spans");
    QTest::addColumn<int>("first");
    QTest::addColumn<int>("last");
    QTest::addColumn<double>("portsPerPixel");
    QTest::addColumn<std::vector<PortSpan>>("expected");

    const std::vector<PortSpan> blocks{{100, 199}, {205, 209}, {400, 499}, {60000, 60099}};
    QTest::newRow("one port per pixel keeps every gap")
        << blocks << 0 << 65535 << 1.0 << blocks;
    QTest::newRow("gaps under a pixel join")
        << blocks << 0 << 65535 << 10.0
        << std::vector<PortSpan>{{100, 209}, {400, 499}, {60000, 60099}};
    QTest::newRow("window drops what lies outside, keeps what reaches in")
        << blocks << 150 << 450 << 1.0
        << std::vector<PortSpan>{{100, 199}, {205, 209}, {400, 499}};
    QTest::newRow("whole space at 1280 px: alternating ports are one run")
        << alternating(1, 65535) << 0 << 65535 << 65536.0 / 1280
        << std::vector<PortSpan>{{1, 65535}};
    QTest::newRow("cells: alternating ports stay apart")
        << alternating(1, 65535) << 100 << 110 << 0.05
        << std::vector<PortSpan>{{101, 101}, {103, 103}, {105, 105}, {107, 107}, {109, 109}};
    QTest::newRow("nothing in the window") << blocks << 1000 << 2000 << 1.0
                                           << std::vector<PortSpan>{};
}

void TestPortMapData::coalesceForDisplay()
{
    QFETCH(std::vector<PortSpan>, spans);
    QFETCH(int, first);
    QFETCH(int, last);
    QFETCH(double, portsPerPixel);
    QFETCH(std::vector<PortSpan>, expected);
    const std::vector<PortSpan> shown =
        ui::coalesceForDisplay(spans, quint16(first), quint16(last), portsPerPixel);
    QCOMPARE(shown.size(), expected.size());
    QVERIFY(shown == expected);
}

void TestPortMapData::laneLayersSeparateTheLayers()
{
    const PortMapData data = fixture::developerMachine();
    const LaneLayers tcp = buildLaneLayers(data.tcp);
    QVERIFY(tcp.dynamic == (PortSpan{49152, 65535}));
    QVERIFY(tcp.runtime == (std::vector<PortSpan>{{2869, 3368}, {50000, 50059}}));
    QVERIFY(tcp.persistent == (std::vector<PortSpan>{{5037, 5037}, {8000, 8009}}));
    QVERIFY(tcp.scanned);
    QVERIFY(tcp.scanForbidden == tcp.runtime);
    QCOMPARE(tcp.longestBlock, quint32(500));
    QVERIFY(std::binary_search(tcp.boundaries.begin(), tcp.boundaries.end(), 2869u));
    QVERIFY(std::binary_search(tcp.boundaries.begin(), tcp.boundaries.end(), 3369u));
    const LaneLayers udp = buildLaneLayers(data.udp);
    QVERIFY(!udp.scanned);
    QVERIFY(udp.listenerPorts == (std::vector<PortSpan>{{53, 53}, {5353, 5353}}));
}

QTEST_GUILESS_MAIN(TestPortMapData)
#include "tst_portmapdata.moc"
