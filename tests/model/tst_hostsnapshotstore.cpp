// SPDX-License-Identifier: GPL-3.0-or-later
// The host snapshots of a fleet: kept dated and once each, what changed between two snapshots
// of a host, and which hosts forbid a port.
#include "storetestsupport.h"

#include <QTemporaryDir>

using namespace portolan;
using namespace portolan::testing;

namespace {

QDateTime at(const char* iso)
{
    return QDateTime::fromString(QString::fromLatin1(iso), Qt::ISODate);
}

SnapshotBlock runtime(int start, int count, const char* owner, Protocol p = Protocol::Tcp)
{
    return {p,
            PortRange{std::uint16_t(start), std::uint16_t(count)},
            false,
            0,
            QString::fromUtf8(owner),
            QStringLiteral("scenario")};
}

SnapshotBlock persistent(int start, int count, quint64 token = 7)
{
    return {
        Protocol::Tcp, PortRange{std::uint16_t(start), std::uint16_t(count)}, true, token, {}, {}};
}

HostSnapshotRecord snapshotOf(const QString& host, const char* gathered,
                              QList<SnapshotBlock> blocks, int dynamicStart = 49152)
{
    HostSnapshotRecord r;
    r.host = host;
    r.gatheredAt = at(gathered);
    r.bootTime = at("2026-12-01T08:00:00Z");
    r.osFamily = QStringLiteral("windows");
    r.osName = QStringLiteral("Windows 11 Pro");
    r.backend = QStringLiteral("simulated");
    r.tcpDynamic = PortRange{std::uint16_t(dynamicStart), std::uint16_t(65536 - dynamicStart)};
    r.udpDynamic = PortRange{49152, 16384};
    r.blocks = std::move(blocks);
    // The document stands for the JSON: what makes two snapshots the same.
    r.document = host + QString::fromLatin1(gathered) + QString::number(r.blocks.size());
    return r;
}

struct Fixture
{
    QTemporaryDir dir;
    std::unique_ptr<Store> store;
    Fixture()
    {
        DatabaseOptions options;
        options.path = dir.filePath(QStringLiteral("fleet.sqlite"));
        options.localHost = QStringLiteral("local");
        store = std::move(Store::open(options)).value();
    }
    HostSnapshotStore& snapshots() { return store->snapshots(); }
};

} // namespace

class HostSnapshotStoreTest : public QObject
{
    Q_OBJECT

private slots:
    void sameSnapshotTwiceAddsNothing()
    {
        Fixture f;
        const HostSnapshotRecord one =
            snapshotOf(QStringLiteral("BUILD-01"), "2026-12-07T09:00:00Z",
                       {persistent(5037, 1), runtime(2869, 500, "Windows NAT (WinNAT)")});
        auto first = f.snapshots().add(one);
        QVERIFY_OK(first);
        QVERIFY(first->added);
        auto second = f.snapshots().add(one);
        QVERIFY_OK(second);
        QVERIFY(!second->added);
        QCOMPARE(second->id, first->id);
        auto hosts = f.snapshots().hosts();
        QVERIFY_OK(hosts);
        QCOMPARE(hosts->size(), 1);
        QCOMPARE(hosts->constFirst().snapshotCount, 1);
        QCOMPARE(hosts->constFirst().latest.persistentCount, 1);
        QCOMPARE(hosts->constFirst().latest.runtimeCount, 1);
        auto stored = f.snapshots().snapshot(first->id);
        QVERIFY_OK(stored);
        QCOMPARE(stored->blocks, one.blocks);
        QCOMPARE(stored->document, one.document);
    }

    // Older snapshots imported after newer ones: the newest stays the host's latest, and each
    // snapshot's changes are against the one gathered just before it.
    void changesFollowGatheringOrder_data()
    {
        QTest::addColumn<QList<int>>("order"); // indexes into the three snapshots below
        QTest::newRow("in order") << QList<int>{0, 1, 2};
        QTest::newRow("newest first") << QList<int>{2, 1, 0};
        QTest::newRow("middle last") << QList<int>{0, 2, 1};
    }
    void changesFollowGatheringOrder()
    {
        QFETCH(QList<int>, order);
        Fixture f;
        const QString host = QStringLiteral("HYPERV-03");
        const QList<HostSnapshotRecord> three{
            snapshotOf(host, "2026-12-05T09:00:00Z",
                       {persistent(5037, 1), persistent(41000, 10), runtime(2869, 500, "WinNAT")}),
            snapshotOf(host, "2026-12-06T09:00:00Z",
                       {persistent(5037, 1), persistent(41000, 10), runtime(2869, 500, "WinNAT")}),
            snapshotOf(host, "2026-12-07T09:00:00Z",
                       {persistent(5037, 1), runtime(7990, 500, "WinNAT"),
                        runtime(50000, 100, "Host Network Service")},
                       1024),
        };
        for (int i : order)
            QVERIFY_OK(f.snapshots().add(three[i]));
        auto hosts = f.snapshots().hosts();
        QVERIFY_OK(hosts);
        QCOMPARE(hosts->size(), 1);
        const HostSnapshotRecord& latest = hosts->constFirst().latest;
        QCOMPARE(latest.gatheredAt, at("2026-12-07T09:00:00Z"));
        QCOMPARE(hosts->constFirst().snapshotCount, 3);
        QVERIFY(dynamicRangeLow(latest));
        QCOMPARE(latest.changes.moved.size(), 1);
        QCOMPARE(latest.changes.moved.constFirst().from.start, 2869);
        QCOMPARE(latest.changes.moved.constFirst().to.start, 7990);
        QCOMPARE(latest.changes.missingPersistent(), 1);
        QCOMPARE(latest.changes.appeared.size(), 1);
        QCOMPARE(latest.changes.appeared.constFirst().owner,
                 QStringLiteral("Host Network Service"));

        auto history = f.snapshots().history(host);
        QVERIFY_OK(history);
        QCOMPARE(history->size(), 3);
        QVERIFY(history->at(1).changes.isEmpty()); // the middle one equals the first
        auto previous = f.snapshots().previous(latest.id);
        QVERIFY_OK(previous);
        QVERIFY(previous->has_value());
        QCOMPARE(previous->value().gatheredAt, at("2026-12-06T09:00:00Z"));
    }

    void findNamesTheHostsAndTheBlocks_data()
    {
        QTest::addColumn<QString>("protocol");
        QTest::addColumn<int>("port");
        QTest::addColumn<QStringList>("expected"); // host:start:owner
        QTest::newRow("tcp 8080, WinNAT and a wide HNS block")
            << QStringLiteral("tcp") << 8080
            << QStringList{QStringLiteral("A:7990:WinNAT"), QStringLiteral("C:7000:HNS")};
        QTest::newRow("tcp 5037, persistent")
            << QStringLiteral("tcp") << 5037 << QStringList{QStringLiteral("B:5037:")};
        QTest::newRow("udp 8080, nobody") << QStringLiteral("udp") << 8080 << QStringList{};
        QTest::newRow("tcp 2869, only in an older snapshot")
            << QStringLiteral("tcp") << 2869 << QStringList{};
        QTest::newRow("tcp 65535, last port of a block")
            << QStringLiteral("tcp") << 65535 << QStringList{QStringLiteral("B:65000:")};
    }
    void findNamesTheHostsAndTheBlocks()
    {
        QFETCH(QString, protocol);
        QFETCH(int, port);
        QFETCH(QStringList, expected);
        Fixture f;
        QVERIFY_OK(f.snapshots().add(snapshotOf(QStringLiteral("A"), "2026-12-06T09:00:00Z",
                                                {runtime(2869, 500, "WinNAT")})));
        QVERIFY_OK(f.snapshots().add(snapshotOf(QStringLiteral("A"), "2026-12-07T09:00:00Z",
                                                {runtime(7990, 500, "WinNAT")})));
        QVERIFY_OK(f.snapshots().add(snapshotOf(QStringLiteral("B"), "2026-12-07T09:00:00Z",
                                                {persistent(5037, 1), persistent(65000, 536)})));
        QVERIFY_OK(f.snapshots().add(snapshotOf(QStringLiteral("C"), "2026-12-07T09:00:00Z",
                                                {runtime(7000, 20000, "HNS")})));
        auto found = f.snapshots().find(*parseProtocol(protocol.toStdString()), port);
        QVERIFY_OK(found);
        QStringList got;
        for (const PortHolder& h : found.value())
            got << QStringLiteral("%1:%2:%3")
                       .arg(h.host)
                       .arg(h.block.range.start)
                       .arg(h.block.owner);
        QCOMPARE(got.join(QLatin1Char(' ')), expected.join(QLatin1Char(' ')));
    }

    // A failing snapshot in a batch (a block the schema refuses) leaves nothing behind.
    void batchIsAllOrNothing()
    {
        Fixture f;
        HostSnapshotRecord bad =
            snapshotOf(QStringLiteral("B"), "2026-12-07T09:00:00Z", {persistent(65000, 1000)});
        auto added = f.snapshots().addMany(
            {snapshotOf(QStringLiteral("A"), "2026-12-07T09:00:00Z", {persistent(5037, 1)}), bad});
        QVERIFY(!added.ok());
        QCOMPARE(f.snapshots().hosts()->size(), 0);
    }

    void bootSnapshotIsFoundWithinTheTolerance()
    {
        Fixture f;
        HostSnapshotRecord boot = snapshotOf(QStringLiteral("local"), "2026-12-07T09:00:00Z", {});
        boot.origin = SnapshotOrigin::Boot;
        auto added = f.snapshots().add(boot);
        QVERIFY_OK(added);
        auto same = f.snapshots().bootSnapshot(QStringLiteral("local"), boot.bootTime.addSecs(1));
        QVERIFY_OK(same);
        QCOMPARE(same->value_or(0), added->id);
        auto other =
            f.snapshots().bootSnapshot(QStringLiteral("local"), boot.bootTime.addSecs(3600));
        QVERIFY_OK(other);
        QVERIFY(!other->has_value());
    }

    void watchedPortsAreReplacedAsAWhole()
    {
        Fixture f;
        QCOMPARE(f.snapshots().watchedPorts()->size(), 0); // empty by default
        const QList<WatchedPort> ports{{Protocol::Tcp, 3000}, {Protocol::Tcp, 8080}};
        QVERIFY_OK(f.snapshots().setWatchedPorts(ports));
        QCOMPARE(f.snapshots().watchedPorts().value(), ports);
        QVERIFY_OK(f.snapshots().setWatchedPorts({{Protocol::Udp, 5173}}));
        QCOMPARE(f.snapshots().watchedPorts().value(), (QList<WatchedPort>{{Protocol::Udp, 5173}}));
    }
};

QTEST_GUILESS_MAIN(HostSnapshotStoreTest)
#include "tst_hostsnapshotstore.moc"
