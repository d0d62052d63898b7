// SPDX-License-Identifier: GPL-3.0-or-later
// The store's parts as the services and item models will use them: what goes in comes back
// out, windows page through everything exactly once, filters filter, a run is all or nothing.
#include "storetestsupport.h"

#include <QTemporaryDir>
#include <QThread>

using namespace portolan;
using namespace portolan::testing;

namespace {

const QDateTime kStart(QDate(2024, 5, 1), QTime(8, 0), Qt::UTC);

// A store on a temporary file with a clock the test moves.
struct Fixture
{
    QTemporaryDir dir;
    QDateTime now = kStart;
    std::unique_ptr<Store> store;

    Fixture()
    {
        DatabaseOptions options;
        options.path = dir.filePath(QStringLiteral("portolan.sqlite"));
        options.localHost = QStringLiteral("local-host");
        options.clock = [this] { return now; };
        auto opened = Store::open(options);
        if (opened.ok())
            store = std::move(opened).value();
    }
};

ProbeRunRecord makeRun(const QString& host, ProbeKind kind, const QDateTime& at, int index)
{
    ProbeRunRecord run;
    run.actor = Actor{host, QStringLiteral("user%1").arg(index % 3), index % 2 == 0};
    run.kind = kind;
    run.startedAt = at;
    run.durationUs = 1000 + index;
    run.protocol = index % 2 ? Protocol::Udp : Protocol::Tcp;
    run.spec = SocketSpec::forProtocol(run.protocol,
                                       index % 4 ? AddressFamily::IPv4 : AddressFamily::IPv6);
    run.address = QStringLiteral("127.0.0.%1").arg(index % 250 + 1);
    run.requested = PortRange{quint16(40000 + index), quint16(1 + index % 7)};
    run.granted = index % 3 ? run.requested : PortRange{};
    run.token = index % 3 ? 0x8000000000000000ULL + quint64(index) : 0;
    if (index % 5 == 0)
        run.allocatedPort = quint16(40000 + index);
    run.ok = index % 4 != 3;
    run.cancelled = index % 11 == 0;
    run.summary = QStringLiteral("run number %1 on %2").arg(index).arg(host);
    run.parameters = QStringLiteral("{\"index\":%1}").arg(index);
    for (int i = 0; i < 1 + index % 4; ++i) {
        ProbeStepRecord step;
        step.seq = i;
        step.kind = StepKind(i % 10);
        step.ok = !(run.ok == false && i == index % 4);
        step.durationUs = 10 * i;
        step.detail = QStringLiteral("step %1").arg(i);
        step.firstPort = quint16(40000 + i);
        step.lastPort = quint16(40010 + i);
        if (i % 2)
            step.outcome = BindOutcome(i % 4);
        step.holder = i == 2 ? QStringLiteral("vmcompute.exe") : QString();
        if (!step.ok)
            step.error = Error{ErrorKind::Conflict, 10048, "WSAEADDRINUSE",
                               "Only one usage of each socket address is normally permitted."};
        run.steps.append(step);
    }
    run.stepCount = int(run.steps.size());
    return run;
}

constexpr int kSearchRuns = 120;

} // namespace

class StoreTest : public QObject
{
    Q_OBJECT

private slots:
    void inventoryKeepsWhatItLearns()
    {
        Fixture f;
        QVERIFY(f.store);
        InventoryStore& inventory = f.store->inventory();
        ReservationRecord block;
        block.protocol = Protocol::Tcp;
        block.start = 5000;
        block.count = 20;
        block.token = 0x1122334455667788ULL;
        block.source = ReservationSource::Created;
        block.state = ReservationState::Present;
        block.verifiedAt = kStart;
        block.note = QStringLiteral("CI runners");
        auto first = inventory.upsert(block);
        QVERIFY_OK(first);
        QVERIFY(first->id > 0);
        QCOMPARE(first->host, QStringLiteral("local-host"));
        QCOMPARE(first->createdAt, kStart);
        QCOMPARE(first->note, QStringLiteral("CI runners"));

        // Seen again by discovery, later, without a token or a note: what was known stays.
        f.now = kStart.addSecs(3600);
        ReservationRecord seen = block;
        seen.token = 0;
        seen.note.clear();
        seen.source = ReservationSource::Discovered;
        seen.state = ReservationState::Missing;
        seen.verifiedAt = f.now;
        auto second = inventory.upsert(seen);
        QVERIFY_OK(second);
        QCOMPARE(second->id, first->id);
        QCOMPARE(second->source, ReservationSource::Created);
        QCOMPARE(second->createdAt, kStart);
        QCOMPARE(second->token, 0x1122334455667788ULL);
        QCOMPARE(second->state, ReservationState::Missing);
        QCOMPARE(second->verifiedAt, f.now);
        QCOMPARE(second->note, QStringLiteral("CI runners"));

        QVERIFY_OK(inventory.setNote(first->id, QStringLiteral("CI runners — ask Dana")));
        f.now = kStart.addSecs(7200);
        QVERIFY_OK(inventory.setVerified(first->id, ReservationState::Present, 0x99ULL));
        auto third = inventory.get(first->id);
        QCOMPARE(third->note, QStringLiteral("CI runners — ask Dana"));
        QCOMPARE(third->token, 0x99ULL);
        QCOMPARE(third->state, ReservationState::Present);
        QCOMPARE(third->verifiedAt, f.now);

        QCOMPARE(inventory.count().value(), 1);
        QVERIFY_OK(inventory.remove(first->id));
        QCOMPARE(inventory.count().value(), 0);
        QCOMPARE(shown(inventory.remove(first->id).error().kind), shown(ErrorKind::NotFound));
        QCOMPARE(shown(inventory.get(first->id).error().kind), shown(ErrorKind::NotFound));
        QCOMPARE(shown(inventory.setNote(first->id, QStringLiteral("x")).error().kind),
                 shown(ErrorKind::NotFound));
        QVERIFY(!inventory.find({}, Protocol::Tcp, PortRange{5000, 20}).value().has_value());
    }

    void inventoryFilters()
    {
        Fixture f;
        QVERIFY(f.store);
        const struct
        {
            const char* host;
            Protocol protocol;
            quint16 start;
            ReservationState state;
            const char* note;
        } rows[] = {
            {"a", Protocol::Tcp, 5000, ReservationState::Present, "100% reserved for build_farm"},
            {"a", Protocol::Udp, 5000, ReservationState::Missing, "100 percent"},
            {"b", Protocol::Tcp, 6000, ReservationState::Present, "buildXfarm"},
            {"b", Protocol::Tcp, 7000, ReservationState::Unverified, ""},
        };
        for (const auto& row : rows) {
            ReservationRecord record;
            record.host = QString::fromLatin1(row.host);
            record.protocol = row.protocol;
            record.start = row.start;
            record.count = 10;
            record.state = row.state;
            record.note = QString::fromUtf8(row.note);
            QVERIFY_OK(f.store->inventory().upsert(record));
        }
        auto starts = [&](const InventoryFilter& filter) {
            QList<int> values;
            const auto records = f.store->inventory().list(filter);
            for (const ReservationRecord& r : records.value())
                values.append(r.start + (r.protocol == Protocol::Udp ? 1 : 0));
            return values;
        };
        QCOMPARE(starts({}), (QList<int>{5000, 5001, 6000, 7000}));
        QCOMPARE(starts({QStringLiteral("b"), {}, {}, {}}), (QList<int>{6000, 7000}));
        QCOMPARE(starts({{}, Protocol::Udp, {}, {}}), (QList<int>{5001}));
        QCOMPARE(starts({{}, {}, ReservationState::Present, {}}), (QList<int>{5000, 6000}));
        // % and _ are literal characters of the text, not wildcards.
        QCOMPARE(starts({{}, {}, {}, QStringLiteral("100%")}), (QList<int>{5000}));
        QCOMPARE(starts({{}, {}, {}, QStringLiteral("build_farm")}), (QList<int>{5000}));
        QCOMPARE(starts({{}, {}, {}, QStringLiteral("BUILD")}), (QList<int>{5000, 6000}));
        QCOMPARE(f.store->inventory().count({QStringLiteral("a"), {}, {}, {}}).value(), 2);

        // A boot of host a: its present rows become unverified, b's stay.
        QCOMPARE(f.store->inventory().markUnverified(QStringLiteral("a")).value(), 1);
        QCOMPARE(starts({{}, {}, ReservationState::Present, {}}), (QList<int>{6000}));
    }

    void tokensRoundTrip_data()
    {
        QTest::addColumn<quint64>("token");
        QTest::newRow("none") << quint64(0);
        QTest::newRow("one") << quint64(1);
        QTest::newRow("2^63 - 1") << quint64(0x7FFFFFFFFFFFFFFFULL);
        QTest::newRow("2^63") << quint64(0x8000000000000000ULL);
        QTest::newRow("2^64 - 1") << quint64(0xFFFFFFFFFFFFFFFFULL);
        QTest::newRow("high bit pattern") << quint64(0xFEDCBA9876543210ULL);
    }

    void tokensRoundTrip()
    {
        QFETCH(quint64, token);
        Fixture f;
        QVERIFY(f.store);
        ReservationRecord block;
        block.start = 5000;
        block.count = 1;
        block.token = token;
        QCOMPARE(f.store->inventory().upsert(block)->token, token);

        AuditRecord entry;
        entry.token = token;
        auto entryId = f.store->audit().append(entry);
        QCOMPARE(f.store->audit().entry(entryId.value())->token, token);

        ProbeRunRecord run;
        run.token = token;
        auto runId = f.store->probeRuns().record(run);
        QCOMPARE(f.store->probeRuns().run(runId.value())->token, token);
    }

    void auditEntriesComeBackWhole()
    {
        Fixture f;
        QVERIFY(f.store);
        AuditRecord entry;
        entry.at = kStart.addMSecs(123);
        entry.actor = Actor{QStringLiteral("host-é"), QStringLiteral("DOMAIN\\admin"), true};
        entry.action = AuditAction::Create;
        entry.protocol = Protocol::Udp;
        entry.start = 65535;
        entry.count = 1;
        entry.request = QStringLiteral("CreatePersistentUdpPortReservation(65535, 1)");
        entry.ok = false;
        entry.detail = QStringLiteral("note: 'x' -> \"y\"");
        entry.error = Error{ErrorKind::Conflict, 32, "ERROR_SHARING_VIOLATION",
                            "The block overlaps; it's in use."};
        auto id = f.store->audit().append(entry);
        QVERIFY_OK(id);
        entry.id = id.value();
        QVERIFY(f.store->audit().entry(id.value()).value() == entry);
        QCOMPARE(shown(f.store->audit().entry(id.value() + 1).error().kind),
                 shown(ErrorKind::NotFound));
    }

    void auditWindowsAndFilters()
    {
        Fixture f;
        QVERIFY(f.store);
        // 130 entries; every three share a time, so paging must break ties by id.
        for (int i = 0; i < 130; ++i) {
            AuditRecord entry;
            entry.at = kStart.addSecs(i / 3);
            entry.actor.host = i % 2 ? QStringLiteral("odd") : QStringLiteral("even");
            entry.action = AuditAction(i % 4);
            entry.ok = i % 5 != 0;
            entry.request = QStringLiteral("request %1").arg(i);
            entry.start = quint16(1000 + i);
            entry.count = 1;
            QVERIFY_OK(f.store->audit().append(entry));
        }
        QList<qint64> seen;
        std::optional<PageKey> key;
        for (;;) {
            auto page = f.store->audit().entries({}, 50, key);
            QVERIFY_OK(page);
            if (page->isEmpty())
                break;
            QVERIFY(page->size() <= 50);
            for (const AuditRecord& entry : page.value())
                seen.append(entry.id);
            key = PageKey{page->constLast().at, page->constLast().id};
        }
        QList<qint64> expected;
        for (qint64 id = 130; id >= 1; --id)
            expected.append(id);
        QCOMPARE(seen, expected);

        AuditFilter deletes;
        deletes.action = AuditAction::Delete;
        QCOMPARE(f.store->audit().count(deletes).value(), 33);
        AuditFilter failedOdd;
        failedOdd.host = QStringLiteral("odd");
        failedOdd.ok = false;
        QCOMPARE(f.store->audit().count(failedOdd).value(), 13);
        AuditFilter text;
        text.text = QStringLiteral("\"request 12\"");
        QCOMPARE(f.store->audit().count(text).value(), 11); // 12, 120..129
        text.text = QStringLiteral("odd 1005");             // the host, and a port in the block
        const auto oddPort = f.store->audit().count(text);
        QVERIFY_OK(oddPort);
        QCOMPARE(oddPort.value(), 1);
        text.text = QStringLiteral("even 1005");
        QCOMPARE(f.store->audit().count(text).value(), 0);
        AuditFilter window;
        window.from = kStart.addSecs(10);
        window.to = kStart.addSecs(12);
        auto inWindow = f.store->audit().entries(window, 100);
        QCOMPARE(inWindow->size(), 6);
        QCOMPARE(inWindow->constFirst().id, 36);
        QCOMPARE(inWindow->constLast().id, 31);
    }

    void probeRunsComeBackWhole_data()
    {
        QTest::addColumn<int>("index");
        for (int i = 0; i < 12; ++i)
            QTest::addRow("run %d", i) << i;
    }

    void probeRunsComeBackWhole()
    {
        QFETCH(int, index);
        Fixture f;
        QVERIFY(f.store);
        ProbeRunRecord run =
            makeRun(QStringLiteral("h"), ProbeKind(index % 5), kStart.addMSecs(index), index);
        auto id = f.store->probeRuns().record(run);
        QVERIFY2(id.ok(), id.ok() ? "" : id.error().describe().c_str());
        run.id = id.value();
        auto stored = f.store->probeRuns().run(id.value());
        QVERIFY_OK(stored);
        QVERIFY(stored.value() == run);
        // In lists, the same run without its steps.
        auto listed = f.store->probeRuns().runs({}, 10);
        QCOMPARE(listed->size(), 1);
        run.steps.clear();
        QVERIFY(listed->constFirst() == run);
    }

    // A run is stored with all its steps or not at all; so is a batch.
    void runIsAllOrNothing()
    {
        Fixture f;
        QVERIFY(f.store);
        {
            auto connection = f.store->database().connection();
            QSqlQuery query(connection.value());
            QVERIFY(query.exec(
                QStringLiteral("CREATE TEMP TRIGGER refuse_boom BEFORE INSERT ON probe_step WHEN "
                               "NEW.detail = 'boom' "
                               "BEGIN SELECT RAISE(ABORT, 'refused by the test'); END")));
        }
        ProbeRunRecord good = makeRun(QStringLiteral("h"), ProbeKind::AcquireRelease, kStart, 3);
        ProbeRunRecord bad = good;
        bad.steps[1].detail = QStringLiteral("boom");

        auto failed = f.store->probeRuns().record(bad);
        QVERIFY(!failed.ok());
        QVERIFY(str(failed.error().message).contains(QStringLiteral("refused by the test")));
        QCOMPARE(f.store->probeRuns().count().value(), 0);

        auto batch = f.store->probeRuns().recordMany({good, good, bad, good});
        QVERIFY(!batch.ok());
        QCOMPARE(f.store->probeRuns().count().value(), 0);
        RawDatabase raw(f.store->database().path());
        QCOMPARE(raw.scalar(QStringLiteral("SELECT count(*) FROM probe_step")).toInt(), 0);

        auto ids = f.store->probeRuns().recordMany({good, good});
        QVERIFY_OK(ids);
        QCOMPARE(ids->size(), 2);
        QCOMPARE(f.store->probeRuns().count().value(), 2);
    }

    void historyWindowsAndFilters()
    {
        Fixture f;
        QVERIFY(f.store);
        QList<ProbeRunRecord> runs;
        for (int i = 0; i < 157; ++i) {
            const QString host = i % 3 == 0 ? QStringLiteral("alpha") : QStringLiteral("beta");
            // Imported runs arrive out of time order; every two share a time.
            const int second = (i * 37) % 157 / 2;
            runs.append(makeRun(host, ProbeKind(i % 5), kStart.addSecs(second), i));
        }
        auto ids = f.store->probeRuns().recordMany(runs);
        QVERIFY_OK(ids);

        // Newest first by time, then id; every run exactly once across the pages.
        QList<QPair<QDateTime, qint64>> expected;
        for (qsizetype i = 0; i < runs.size(); ++i)
            expected.append({runs[i].startedAt, ids->at(i)});
        std::sort(expected.begin(), expected.end(), [](const auto& a, const auto& b) {
            return a.first != b.first ? a.first > b.first : a.second > b.second;
        });
        QList<QPair<QDateTime, qint64>> seen;
        std::optional<PageKey> key;
        int pages = 0;
        for (;;) {
            auto page = f.store->probeRuns().runs({}, 40, key);
            QVERIFY_OK(page);
            if (page->isEmpty())
                break;
            ++pages;
            for (const ProbeRunRecord& run : page.value()) {
                seen.append({run.startedAt, run.id});
                QVERIFY(run.steps.isEmpty());
                QCOMPARE(run.stepCount, 1 + int((run.id - 1) % 4));
            }
            key = PageKey{page->constLast().startedAt, page->constLast().id};
        }
        QCOMPARE(pages, 4);
        QCOMPARE(seen, expected);

        ProbeRunFilter alpha;
        alpha.host = QStringLiteral("alpha");
        QCOMPARE(f.store->probeRuns().count(alpha).value(), 53);
        ProbeRunFilter scans;
        scans.kind = ProbeKind::Scan;
        scans.ok = true;
        qint64 expectedScans = 0;
        for (int i = 0; i < 157; ++i)
            expectedScans += (i % 5 == 4 && i % 4 != 3) ? 1 : 0;
        QCOMPARE(f.store->probeRuns().count(scans).value(), expectedScans);
        const auto scanRuns = f.store->probeRuns().runs(scans, 1000);
        for (const ProbeRunRecord& run : scanRuns.value())
            QVERIFY(run.kind == ProbeKind::Scan && run.ok);
        ProbeRunFilter text;
        text.text = QStringLiteral("\"number 15 \"");
        QCOMPARE(f.store->probeRuns().count(text).value(), 1);
        text.text = QStringLiteral("127.0.0.7");
        QCOMPARE(f.store->probeRuns().count(text).value(), 11); // .7 and .70 to .79
        ProbeRunFilter window;
        window.from = kStart.addSecs(10);
        window.to = kStart.addSecs(20);
        QCOMPARE(f.store->probeRuns().count(window).value(), 20);
        QCOMPARE(f.store->probeRuns().hosts().value(),
                 (QStringList{QStringLiteral("alpha"), QStringLiteral("beta")}));
    }

    // What a search finds, against what a person reading every run would pick: words of three
    // characters or more anywhere in the texts (any part, any case), port numbers inside the
    // requested block or the allocated port, quoted phrases, every word required.
    void historySearch_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<int>("expected");
        const auto count = [](auto pick) {
            int n = 0;
            for (int i = 0; i < kSearchRuns; ++i)
                n += pick(i) ? 1 : 0;
            return n;
        };
        const auto holder = [](int i) { return 1 + i % 4 >= 3; }; // step 2: vmcompute.exe
        const auto failed = [](int i) { return i % 4 == 3; };
        const auto alpha = [](int i) { return i % 3 == 0; };
        const auto holdsPort = [](int i, int port) {
            return (port >= 40000 + i && port < 40000 + i + 1 + i % 7) ||
                   (i % 5 == 0 && port == 40000 + i);
        };
        QTest::newRow("a process, part of its name") << "VMCOMPUTE" << count(holder);
        QTest::newRow("an error name") << "ADDRINUSE" << count(failed);
        QTest::newRow("a host") << "alpha" << count(alpha);
        QTest::newRow("two words, both needed")
            << "alpha compute" << count([&](int i) { return alpha(i) && holder(i); });
        // Every port search also finds the one wide scan (1-65535) of host gamma.
        QTest::newRow("a port inside requested blocks")
            << "40005" << count([&](int i) { return holdsPort(i, 40005); }) + 1;
        QTest::newRow("a port only the wide scan holds") << "65535" << 1;
        QTest::newRow("a port and a host")
            << "40005 beta" << count([&](int i) { return holdsPort(i, 40005) && !alpha(i); });
        QTest::newRow("an address") << "127.0.0.7" << 11; // .7 and .70 to .79
        QTest::newRow("a quoted phrase") << "\"number 15 on\"" << 1;
        QTest::newRow("the same words unquoted: 15 is a port") << "number 15 on" << 0;
        QTest::newRow("a short word is a whole host") << "al" << 0;
        QTest::newRow("nothing like it") << "zzzz" << 0;
    }

    void historySearch()
    {
        QFETCH(QString, text);
        QFETCH(int, expected);
        Fixture f;
        QVERIFY(f.store);
        QList<ProbeRunRecord> runs;
        for (int i = 0; i < kSearchRuns; ++i)
            runs.append(makeRun(i % 3 == 0 ? QStringLiteral("alpha") : QStringLiteral("beta"),
                                ProbeKind(i % 5), kStart.addSecs(i), i));
        ProbeRunRecord wide =
            makeRun(QStringLiteral("gamma"), ProbeKind::Scan, kStart.addSecs(kSearchRuns), 7);
        wide.requested = PortRange{1, 65535};
        wide.allocatedPort.reset();
        wide.summary = QStringLiteral("a wide scan");
        wide.steps.clear();
        wide.stepCount = 0;
        runs.append(wide);
        QVERIFY_OK(f.store->probeRuns().recordMany(runs));
        ProbeRunFilter filter;
        filter.text = text;
        QCOMPARE(f.store->probeRuns().count(filter).value(), qint64(expected));
        // The page the History view shows holds the same runs, newest first.
        auto page = f.store->probeRuns().runs(filter, 1000);
        QVERIFY_OK(page);
        QCOMPARE(page->size(), expected);
        for (qsizetype i = 1; i < page->size(); ++i)
            QVERIFY(page->at(i - 1).startedAt >= page->at(i).startedAt);
        // Read in small windows, the same runs come back, each once, in the same order.
        QList<qint64> paged;
        std::optional<PageKey> key;
        for (;;) {
            auto window = f.store->probeRuns().runs(filter, 7, key);
            QVERIFY_OK(window);
            for (const ProbeRunRecord& run : window.value())
                paged.append(run.id);
            if (window->size() < 7)
                break;
            key = PageKey{window->constLast().startedAt, window->constLast().id};
        }
        QList<qint64> whole;
        for (const ProbeRunRecord& run : page.value())
            whole.append(run.id);
        QCOMPARE(paged, whole);
    }

    // The first screen of a million-run history must not read the million: each window walks
    // an index from the newest end and stops after `limit` rows.
    void windowsWalkAnIndex_data()
    {
        QTest::addColumn<ProbeRunFilter>("filter");
        QTest::addColumn<bool>("paged");
        QTest::addColumn<QString>("index");
        ProbeRunFilter none;
        ProbeRunFilter host;
        host.host = QStringLiteral("alpha");
        ProbeRunFilter kind;
        kind.kind = ProbeKind::Scan;
        ProbeRunFilter range;
        range.from = kStart;
        range.to = kStart.addDays(1);
        QTest::newRow("everything") << none << false << QStringLiteral("probe_run_started");
        QTest::newRow("everything, next page")
            << none << true << QStringLiteral("probe_run_started");
        QTest::newRow("one host") << host << false << QStringLiteral("probe_run_host");
        QTest::newRow("one host, next page") << host << true << QStringLiteral("probe_run_host");
        QTest::newRow("one kind") << kind << false << QStringLiteral("probe_run_kind");
        QTest::newRow("time range") << range << true << QStringLiteral("probe_run_started");
    }

    void windowsWalkAnIndex()
    {
        QFETCH(ProbeRunFilter, filter);
        QFETCH(bool, paged);
        QFETCH(QString, index);
        Fixture f;
        QVERIFY(f.store);
        std::optional<PageKey> key;
        if (paged)
            key = PageKey{kStart.addSecs(500), 1000};
        auto plan = f.store->probeRuns().queryPlan(filter, 50, key);
        QVERIFY_OK(plan);
        const QString text = plan->join(QLatin1Char('\n'));
        QVERIFY2(!text.contains(QStringLiteral("TEMP B-TREE")), qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral("USING INDEX ") + index) ||
                     text.contains(QStringLiteral("USING COVERING INDEX ") + index),
                 qPrintable(text));
    }

    void bootsTellWhenTokensAreStale()
    {
        Fixture f;
        QVERIFY(f.store);
        ReservationRecord present;
        present.start = 5000;
        present.count = 10;
        present.state = ReservationState::Present;
        QVERIFY_OK(f.store->inventory().upsert(present));
        ReservationRecord elsewhere = present;
        elsewhere.host = QStringLiteral("other");
        QVERIFY_OK(f.store->inventory().upsert(elsewhere));

        const qint64 boot1 = 1714550000;
        auto first = f.store->boots().observe({}, boot1);
        QVERIFY_OK(first);
        QVERIFY(first->newBoot); // never seen: the tokens are of unknown age
        QVERIFY(!first->previousBootTime);
        QCOMPARE(first->invalidated, 1);

        QVERIFY_OK(f.store->inventory().setVerified(1, ReservationState::Present, 7));
        f.now = kStart.addSecs(60);
        auto again = f.store->boots().observe({}, boot1 + 1); // jitter of an uptime-based clock
        QVERIFY(!again->newBoot);
        QCOMPARE(again->invalidated, 0);
        QCOMPARE(f.store->boots().latest({}).value()->lastSeenAt, f.now);
        QCOMPARE(f.store->boots().latest({}).value()->bootTime, boot1);

        f.now = kStart.addDays(1);
        auto rebooted = f.store->boots().observe({}, boot1 + 86000);
        QVERIFY(rebooted->newBoot);
        QCOMPARE(rebooted->previousBootTime, std::optional<qint64>(boot1));
        QCOMPARE(rebooted->invalidated, 1);
        QCOMPARE(f.store->inventory().get(1)->state, ReservationState::Unverified);
        QCOMPARE(f.store->inventory().get(1)->token, 7ULL); // kept: still the best guess
        QCOMPARE(f.store->inventory()
                     .find(QStringLiteral("other"), Protocol::Tcp, PortRange{5000, 10})
                     .value()
                     ->state,
                 ReservationState::Present);
        QCOMPARE(f.store->boots().list().value().size(), 2);
        QCOMPARE(f.store->boots().list(QStringLiteral("other")).value().size(), 0);
    }

    // Workers write on their own connections; the main thread sees their commits.
    void threadsShareTheDatabase()
    {
        Fixture f;
        QVERIFY(f.store);
        QList<QThread*> threads;
        std::atomic<int> failures{0};
        for (int t = 0; t < 4; ++t) {
            threads.append(QThread::create([&, t] {
                for (int i = 0; i < 25; ++i) {
                    if (!f.store->probeRuns()
                             .record(makeRun(QStringLiteral("t%1").arg(t), ProbeKind::BindProbe,
                                             kStart, i))
                             .ok())
                        ++failures;
                }
            }));
            threads.last()->start();
        }
        for (QThread* thread : threads) {
            QVERIFY(thread->wait(60000));
            delete thread;
        }
        QCOMPARE(failures.load(), 0);
        QCOMPARE(f.store->probeRuns().count().value(), 100);
        QCOMPARE(f.store->probeRuns().hosts().value().size(), 4);
    }

    void platformReportsAreStored()
    {
        Fixture f;
        QVERIFY(f.store);
        ProbeReport report;
        report.plan = "lookup-associate";
        report.spec = SocketSpec::forProtocol(Protocol::Tcp);
        report.requested = PortRange{5000, 20};
        report.granted = PortRange{5000, 20};
        report.token = 0xABCDEF0123456789ULL;
        report.allocatedPort = 5003;
        report.ok = true;
        for (ProbeStepKind kind :
             {ProbeStepKind::Lookup, ProbeStepKind::OpenSocket, ProbeStepKind::Associate,
              ProbeStepKind::Bind, ProbeStepKind::GetSockName, ProbeStepKind::Close}) {
            ProbeStep step;
            step.kind = kind;
            step.ok = true;
            step.duration = std::chrono::microseconds(5);
            report.steps.push_back(step);
        }
        const Actor actor{QStringLiteral("win-1"), QStringLiteral("alice"), true};
        ProbeRunRecord run = probeRunFromReport(report, actor, kStart);
        QCOMPARE(run.kind, ProbeKind::LookupAssociate);
        QCOMPARE(run.durationUs, 30);
        QVERIFY2(run.summary.contains(QStringLiteral("port 5003")), qPrintable(run.summary));
        QVERIFY2(run.summary.contains(QStringLiteral("0xabcdef0123456789")),
                 qPrintable(run.summary));
        auto id = f.store->probeRuns().record(run);
        QVERIFY_OK(id);
        run.id = id.value();
        QVERIFY(f.store->probeRuns().run(id.value()).value() == run);

        ScanResult scan;
        scan.request.protocol = Protocol::Udp;
        scan.request.first = 3000;
        scan.request.last = 3099;
        scan.runs = {{3000, 3049, BindOutcome::Free, 0, "", {}},
                     {3050, 3050, BindOutcome::InUse, 10048, "WSAEADDRINUSE",
                      Holder{.pid = 4711, .process = "dns.exe"}},
                     {3051, 3099, BindOutcome::Forbidden, 10013, "WSAEACCES", {}}};
        scan.probed = 100;
        ProbeRunRecord scanRun = probeRunFromScan(scan, actor, kStart, 5000);
        QCOMPARE(
            scanRun.summary,
            QStringLiteral(
                "scan udp 0.0.0.0 3000-3099: 50 free, 1 in use, 0 denied, 49 forbidden, 0 other"));
        QCOMPARE(scanRun.steps.size(), 3);
        QCOMPARE(scanRun.steps[1].holder, QStringLiteral("dns.exe (pid 4711)"));
        auto scanId = f.store->probeRuns().record(scanRun);
        QVERIFY_OK(scanId);
        scanRun.id = scanId.value();
        QVERIFY(f.store->probeRuns().run(scanId.value()).value() == scanRun);
    }
};

QTEST_GUILESS_MAIN(StoreTest)
#include "tst_store.moc"
