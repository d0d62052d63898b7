// SPDX-License-Identifier: GPL-3.0-or-later
// The bad-input matrix of the model's entry points (docs/bad-input.md): ReservationService
// create, lookup and delete with ranges no system call accepts, and the import of malformed
// netsh text into a database that already holds rows. Each is refused with InvalidArgument and
// a message that names the field and the allowed values, the system is never called, and
// nothing changes: not the machine, not the inventory, and the audit log gains only the one
// failed row that records the refusal.

#include "servicetestsupport.h"
#include "storetestsupport.h"

#include "model/import/importer.h"
#include "model/services/reservationservice.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace portolan;
using namespace portolan::testing;

class BadInputTest : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    int m_serial = 0;

    std::unique_ptr<Store> openFreshStore()
    {
        return openStore(m_dir, QStringLiteral("CONSOLE-HOST"),
                         QStringLiteral("badinput-%1.sqlite").arg(++m_serial));
    }

    static QList<ReservationRecord> inventoryOf(Store& store)
    {
        auto rows = store.inventory().list();
        return rows ? rows.value() : QList<ReservationRecord>{};
    }
    static QList<AuditRecord> auditOf(Store& store)
    {
        auto rows = store.audit().entries({}, 1000);
        return rows ? rows.value() : QList<AuditRecord>{};
    }

private slots:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    void serviceRefusesInvalidRanges_data()
    {
        QTest::addColumn<QString>("operation"); // create, lookup, delete
        QTest::addColumn<int>("start");
        QTest::addColumn<int>("count");
        QTest::addColumn<QStringList>("messageHas"); // the field and its allowed values

        const struct
        {
            const char* name;
            int start;
            int count;
            QStringList messageHas;
        } ranges[] = {
            {"start 0", 0, 10, {"start port", "between 1 and 65535", "it is 0"}},
            {"count 0", 5000, 0, {"number of ports", "at least 1", "it is 0"}},
            {"runs past 65535",
             65530,
             10,
             {"65530–65539", "runs past port 65535", "at most 6 ports"}},
            {"start 65535, count 65535", 65535, 65535, {"runs past port 65535", "at most 1 ports"}},
        };
        for (const char* operation : {"create", "lookup", "delete"}) {
            for (const auto& range : ranges) {
                QTest::newRow(qPrintable(QStringLiteral("%1: %2").arg(QLatin1String(operation),
                                                                      QLatin1String(range.name))))
                    << QString::fromLatin1(operation) << range.start << range.count
                    << range.messageHas;
            }
        }
    }

    void serviceRefusesInvalidRanges()
    {
        QFETCH(QString, operation);
        QFETCH(int, start);
        QFETCH(int, count);
        QFETCH(QStringList, messageHas);

        auto store = openFreshStore();
        QVERIFY(store);
        auto simulated = openSimulated("developer.json");
        QVERIFY(simulated);
        auto backend = std::make_shared<RecordingBackend>(std::move(simulated));
        ReservationService service(backend, *store);

        // Something to protect: a reservation made through the service, in the inventory.
        QSignalSpy finished(&service, &ReservationService::operationFinished);
        const OperationId made =
            service.create(Protocol::Tcp, PortRange{6000, 10}, QStringLiteral("mine"));
        auto madeArgs = waitFor(finished, [made](const QList<QVariant>& a) {
            return qvariant_cast<ReservationOutcome>(a.at(0)).id == made;
        });
        QVERIFY(!madeArgs.isEmpty());
        QVERIFY(qvariant_cast<ReservationOutcome>(madeArgs.at(0)).ok);

        const auto inventoryBefore = inventoryOf(*store);
        const auto auditBefore = auditOf(*store);
        const std::string machineBefore = backend->control().stateDocument().dump();
        const int creates = backend->creates, lookups = backend->lookups,
                  deletes = backend->deletes;
        QCOMPARE(inventoryBefore.size(), 1);

        const PortRange range{quint16(start), quint16(count)};
        OperationId id = 0;
        if (operation == QLatin1String("create"))
            id = service.create(Protocol::Tcp, range, QStringLiteral("bad"));
        else if (operation == QLatin1String("lookup"))
            id = service.lookup(Protocol::Tcp, range);
        else
            id = service.remove(Protocol::Tcp, range);
        auto args = waitFor(finished, [id](const QList<QVariant>& a) {
            return qvariant_cast<ReservationOutcome>(a.at(0)).id == id;
        });
        QVERIFY(!args.isEmpty());
        const auto outcome = qvariant_cast<ReservationOutcome>(args.at(0));

        QVERIFY(!outcome.ok);
        QVERIFY(outcome.error);
        QCOMPARE(shown(outcome.error->kind), QStringLiteral("InvalidArgument"));
        for (const QString& part : messageHas)
            QVERIFY2(outcome.message.contains(part),
                     qPrintable(outcome.message + " lacks " + part));

        // The system was not asked, and nothing changed on the machine or in the inventory.
        QCOMPARE(backend->creates.load(), creates);
        QCOMPARE(backend->lookups.load(), lookups);
        QCOMPARE(backend->deletes.load(), deletes);
        QCOMPARE(backend->control().stateDocument().dump(), machineBefore);
        QCOMPARE(inventoryOf(*store), inventoryBefore);
        // The audit log keeps the earlier rows and records the refusal, not called.
        const auto auditAfter = auditOf(*store);
        QCOMPARE(auditAfter.size(), auditBefore.size() + 1);
        for (const AuditRecord& old : auditBefore)
            QVERIFY(auditAfter.contains(old));
        const AuditRecord& refusal = auditAfter.first(); // newest first
        QVERIFY(!auditBefore.contains(refusal));
        QVERIFY(!refusal.ok);
        QVERIFY(refusal.error);
        QCOMPARE(shown(refusal.error->kind), QStringLiteral("InvalidArgument"));
        QVERIFY2(refusal.request.contains(QStringLiteral("not called")),
                 qPrintable(refusal.request));
        QCOMPARE(refusal.start, range.start);
        QCOMPARE(refusal.count, range.count);
    }

    void malformedNetshImportChangesNothing_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("messageHas"); // the line and what is allowed there

        const QString head = QStringLiteral("Protocol tcp Port Exclusion Ranges\n\n"
                                            "Start Port    End Port\n"
                                            "----------    --------\n"
                                            "      7000        7009     *\n");
        QTest::newRow("start 0") << head + QStringLiteral("         0          10     *\n")
                                 << "line 6: start port 0 is outside 1-65535";
        QTest::newRow("end 65536") << head + QStringLiteral("     65530       65536\n")
                                   << "line 6: end port 65536 is outside 1-65535";
        QTest::newRow("end before start") << head + QStringLiteral("      5009        5000\n")
                                          << "line 6: end port 5000 comes before start port 5009";
        QTest::newRow("letters")
            << head + QStringLiteral("      5000        abc\n")
            << "line 6: expected a row 'START END' or 'START END *' with ports 1-65535";
        QTest::newRow("negative")
            << head + QStringLiteral("     -5000        5000\n")
            << "line 6: expected a row 'START END' or 'START END *' with ports 1-65535";
        QTest::newRow("a stray mark")
            << head + QStringLiteral("      5000        5009     x\n") << "line 6: expected a row";
        QTest::newRow("German, bad row")
            << QStringLiteral(
                   "Portausschlussbereiche für das Protokoll \"tcp\"\n\nStartport      Endport\n"
                   "----------    --------\n     50000       70000     *\n")
            << "line 5: end port 70000 is outside 1-65535";
        QTest::newRow("no table") << QStringLiteral("Der Befehl wurde nicht gefunden.\n")
                                  << "line 1: no line of dashes";
        QTest::newRow("empty") << QString() << "line 1: the text is empty";
    }

    void malformedNetshImportChangesNothing()
    {
        QFETCH(QString, text);
        QFETCH(QString, messageHas);

        auto store = openFreshStore();
        QVERIFY(store);
        // A good import first, so that there are rows and audit entries to protect.
        Importer importer(*store);
        const QString good = QStringLiteral("Protocol tcp Port Exclusion Ranges\n\n"
                                            "Start Port    End Port\n"
                                            "----------    --------\n"
                                            "      8000        8009     *\n"
                                            "     50000       50059\n\n"
                                            "* - Administered port exclusions.\n");
        ImportOptions options;
        options.host = QStringLiteral("BUILD-01");
        auto first = importer.import(good, options);
        QVERIFY2(first.ok(), first.ok() ? "" : first.error().message.c_str());
        const auto inventoryBefore = inventoryOf(*store);
        const auto auditBefore = auditOf(*store);
        QVERIFY(!inventoryBefore.isEmpty());

        auto summary = importer.import(text, options);
        QVERIFY(!summary.ok());
        QCOMPARE(shown(summary.error().kind), QStringLiteral("InvalidArgument"));
        QVERIFY2(str(summary.error().message).contains(messageHas),
                 summary.error().message.c_str());
        QCOMPARE(inventoryOf(*store), inventoryBefore);
        QCOMPARE(auditOf(*store), auditBefore);
    }
};

QTEST_GUILESS_MAIN(BadInputTest)

#include "tst_badinput.moc"
