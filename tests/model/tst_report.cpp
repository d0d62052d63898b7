// SPDX-License-Identifier: GPL-3.0-or-later
// Reservation reports: the CSV, JSON and HTML writers against
// golden files of a fixed scenario (tests/model/reportfixture.h), the JSON against its schema,
// export -> import without loss, and notes that try formula or script injection.
//
// Goldens: tests/golden/report-<scenario>.<format>; PORTOLAN_UPDATE_GOLDEN=1 rewrites them.

#include "reportfixture.h"

#include "model/import/importer.h"
#include "model/reports/reportwriters.h"

#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace portolan;
using namespace portolan::testing;

Q_DECLARE_METATYPE(portolan::ReportFormat)

namespace {

// RFC 4180 reader, strict: for checking what a spreadsheet would see in each cell.
QList<QStringList> parseCsv(const QString& text, QString* error)
{
    QList<QStringList> rows;
    QStringList row;
    QString cell;
    bool quoted = false;
    bool cellStarted = false;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text[i];
        if (quoted) {
            if (c == QLatin1Char('"')) {
                if (i + 1 < text.size() && text[i + 1] == QLatin1Char('"')) {
                    cell += c;
                    ++i;
                } else {
                    quoted = false;
                }
            } else {
                cell += c;
            }
            continue;
        }
        if (c == QLatin1Char('"') && !cellStarted) {
            quoted = true;
            cellStarted = true;
        } else if (c == QLatin1Char(',')) {
            row << cell;
            cell.clear();
            cellStarted = false;
        } else if (c == QLatin1Char('\r')) {
            if (i + 1 >= text.size() || text[i + 1] != QLatin1Char('\n')) {
                *error = QStringLiteral("bare CR at %1").arg(i);
                return {};
            }
            row << cell;
            rows << row;
            row.clear();
            cell.clear();
            cellStarted = false;
            ++i;
        } else if (c == QLatin1Char('"')) {
            *error = QStringLiteral("quote inside an unquoted cell at %1").arg(i);
            return {};
        } else {
            cell += c;
            cellStarted = true;
        }
    }
    if (quoted)
        *error = QStringLiteral("unterminated quoted cell");
    if (!cell.isEmpty() || !row.isEmpty())
        rows << (row << cell);
    return rows;
}

// What Excel, LibreOffice Calc and Google Sheets would run as a formula (or a DDE command).
bool spreadsheetWouldExecute(const QString& cell)
{
    static const QRegularExpression trigger(
        QStringLiteral("^[\\s\\x{00A0}\\x{3000}]*[=+\\-@\\x{FF1D}\\x{FF0B}\\x{FF0D}\\x{FF20}]"));
    if (cell.startsWith(QLatin1Char('\t')) || cell.startsWith(QLatin1Char('\r')))
        return true;
    return trigger.match(cell).hasMatch();
}

QString python()
{
    return QStandardPaths::findExecutable(QStringLiteral("python3"));
}

// Validates with the jsonschema package. Returns "" when valid, "unavailable: ..." when it
// cannot run, else the validator's complaint.
QString validateWithSchema(const QByteArray& document)
{
    if (python().isEmpty())
        return QStringLiteral("unavailable: python3 is not installed");
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("report.json"));
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return QStringLiteral("unavailable: cannot write %1").arg(path);
    file.write(document);
    file.close();
    const char* script = R"py(
import json, sys
try:
    import jsonschema
except ImportError:
    print("unavailable: python3-jsonschema is not installed (scripts/install-deps)")
    sys.exit(3)
schema = json.load(open(sys.argv[1], encoding="utf-8"))
snapshot = json.load(open(sys.argv[3], encoding="utf-8"))
cls = jsonschema.validators.validator_for(schema)
cls.check_schema(schema)
# The report embeds the host snapshot by reference; it is given here, never fetched.
try:
    from referencing import Registry, Resource
    validator = cls(schema, registry=Registry().with_resource(
        snapshot["$id"], Resource.from_contents(snapshot)))
except ImportError:
    validator = cls(schema, resolver=jsonschema.RefResolver.from_schema(
        schema, store={snapshot["$id"]: snapshot}))
errors = sorted(validator.iter_errors(json.load(open(sys.argv[2], encoding="utf-8"))), key=str)
for e in errors:
    print("/".join(str(p) for p in e.absolute_path) + ": " + e.message)
sys.exit(1 if errors else 0)
)py";
    QProcess process;
    process.start(python(),
                  {QStringLiteral("-c"), QString::fromUtf8(script),
                   QStringLiteral(PORTOLAN_SOURCE_DIR "/resources/schemas/report.schema.json"),
                   path,
                   QStringLiteral(PORTOLAN_SOURCE_DIR "/resources/schemas/snapshot.schema.json")});
    if (!process.waitForFinished(60000))
        return QStringLiteral("unavailable: python3 did not finish");
    const QString output =
        QString::fromUtf8(process.readAllStandardOutput() + process.readAllStandardError())
            .trimmed();
    if (process.exitCode() == 3)
        return output;
    if (process.exitCode() == 0)
        return {};
    return output.isEmpty() ? QStringLiteral("invalid (no message)") : output;
}

QByteArray replaced(QByteArray text, const QByteArray& from, const QByteArray& to)
{
    const qsizetype at = text.indexOf(from);
    if (at < 0)
        return {};
    return text.replace(at, from.size(), to);
}

} // namespace

class ReportTest : public QObject
{
    Q_OBJECT

    // A report of the fixture imported into an empty database: a report, its four inventory
    // rows added, its three runtime blocks read.
    static void importsTheFixture(Store& target, const QString& text)
    {
        auto summary = Importer(target).import(text, ImportOptions{});
        QVERIFY_OK(summary);
        QCOMPARE(summary->format, ImportFormat::Report);
        QCOMPARE(summary->added, 4);
        QCOMPARE(summary->runtime, 3);
    }

private slots:
    void golden_data()
    {
        QTest::addColumn<bool>("hostile");
        QTest::addColumn<ReportFormat>("format");
        for (bool hostile : {false, true}) {
            for (ReportFormat f : {ReportFormat::Csv, ReportFormat::Json, ReportFormat::Html}) {
                const QString name =
                    QStringLiteral("report-%1.%2")
                        .arg(hostile ? QStringLiteral("hostile") : QStringLiteral("plain"),
                             toText(f));
                QTest::newRow(qPrintable(name)) << hostile << f;
            }
        }
    }

    void golden()
    {
        QFETCH(bool, hostile);
        QFETCH(ReportFormat, format);
        ReportFixture fixture;
        const QString problem = fixture.setUp(hostile);
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
        auto data = fixture.gather();
        QVERIFY_OK(data);
        auto bytes = ReportWriter::render(data.value(), format);
        QVERIFY_OK(bytes);
        compareGolden(
            QStringLiteral("report-%1.%2")
                .arg(hostile ? QStringLiteral("hostile") : QStringLiteral("plain"), toText(format)),
            bytes.value());
    }

    // What the report holds, whatever the format: the host's rows only, the machine's runtime
    // blocks and dynamic ranges, audit newest first, the fixed time.
    void gatherTakesTheHostAndTheMachine()
    {
        ReportFixture fixture;
        QVERIFY(fixture.setUp(false).isEmpty());
        auto data = fixture.gather();
        QVERIFY_OK(data);
        QCOMPARE(data->host, QStringLiteral("DEV-WORKSTATION"));
        QCOMPARE(data->backend, QStringLiteral("simulated"));
        QCOMPARE(data->generatedAt, kReportNow);
        QCOMPARE(data->reservations.size(), 4); // BUILD-SERVER's row is left out
        for (const ReservationRecord& r : data->reservations)
            QCOMPARE(r.host, QStringLiteral("DEV-WORKSTATION"));
        QCOMPARE(data->runtimeBlocks.size(), 3);
        QCOMPARE(data->runtimeBlocks[0].range.start, quint16(2869));
        QCOMPARE(data->runtimeBlocks[0].range.count, quint16(500));
        QCOMPARE(data->runtimeBlocks[0].owner, QStringLiteral("Windows NAT (WinNAT)"));
        QVERIFY(data->tcpDynamicRange.has_value());
        QCOMPARE(data->tcpDynamicRange->start, quint16(49152));
        QCOMPARE(data->audit.size(), 3);
        QVERIFY(data->audit[0].at > data->audit[1].at);
        QVERIFY(data->problems.isEmpty());

        // Without a backend: the inventory alone, no runtime blocks or ranges.
        ReportOptions options;
        options.generatedAt = kReportNow;
        options.auditLimit = 0;
        auto inventoryOnly = Report::gather(*fixture.store, nullptr, options);
        QVERIFY_OK(inventoryOnly);
        QCOMPARE(inventoryOnly->reservations.size(), 4);
        QVERIFY(inventoryOnly->runtimeBlocks.isEmpty());
        QVERIFY(!inventoryOnly->tcpDynamicRange);
        QVERIFY(inventoryOnly->audit.isEmpty());
        QVERIFY(inventoryOnly->backend.isEmpty());
    }

    // The machine's listening sockets and the host's newest scan are in every format: the
    // scan of 08:40, not the older one, the later bind probe or the other host's later scan.
    void everyFormatCarriesListenersAndTheLastScan()
    {
        ReportFixture fixture;
        QVERIFY(fixture.setUp(false).isEmpty());
        auto data = fixture.gather();
        QVERIFY_OK(data);
        QCOMPARE(data->listeners.size(), 12);
        QCOMPARE(data->listeners[0].port, quint16(135));
        QVERIFY(data->listeners.back().protocol == Protocol::Udp);
        QVERIFY(data->lastScan.has_value());
        QCOMPARE(data->lastScan->startedAt, QDateTime(QDate(2025, 3, 10), QTime(8, 40), Qt::UTC));
        QCOMPARE(data->lastScan->requested.start, quint16(2860));
        QCOMPARE(data->lastScan->requested.count, quint16(541));
        QCOMPARE(data->lastScan->steps.size(), 3);

        const QString csv = QString::fromUtf8(reportCsv(data.value()));
        QVERIFY(csv.contains(QStringLiteral(
            ",DEV-WORKSTATION,tcp,5037,5037,1,listener,,,,,,adb.exe,,127.0.0.1,11840,,\r\n")));
        QVERIFY(csv.contains(QStringLiteral(
            ",DEV-WORKSTATION,tcp,2869,3368,500,scan,,,,,2025-03-10T08:40:00.000Z,Windows NAT "
            "(WinNAT),,127.0.0.1,,forbidden,WSAEACCES 10013\r\n")));
        const QString json = QString::fromUtf8(reportJson(data.value()));
        // The machine's side is the host snapshot; its scan is the console's last scan.
        QVERIFY(json.contains(
            QStringLiteral("\"snapshot\": {\n    \"schema\": \"portolan-host-snapshot\"")));
        QVERIFY(json.contains(
            QStringLiteral("\"scan\": {\n      \"protocol\": \"tcp\",\n      "
                           "\"family\": \"ipv4\",\n      \"address\": \"127.0.0.1\",\n      "
                           "\"first\": 2860,\n      \"last\": 3400")));
        QVERIFY(json.contains(QStringLiteral("\"process\": \"adb.exe\"")));
        for (HtmlFlavor flavor : {HtmlFlavor::Browser, HtmlFlavor::RichText}) {
            const QString html = QString::fromUtf8(reportHtml(data.value(), flavor));
            for (const char* expected :
                 {"Listening sockets (12)", "adb.exe (PID 11840)", "Last scan",
                  "TCP on 127.0.0.1, ports 2860–3400 (541 ports), 2025-03-10 08:40:00 UTC, by ana.",
                  "WSAEACCES (10013)", "forbidden"})
                QVERIFY2(html.contains(QString::fromUtf8(expected)), expected);
        }

        // A host never scanned, a machine not asked: the sections say so.
        ReportOptions options;
        options.generatedAt = kReportNow;
        options.host = QStringLiteral("NEVER-SCANNED");
        auto bare = Report::gather(*fixture.store, nullptr, options);
        QVERIFY_OK(bare);
        QVERIFY(!bare->lastScan);
        QVERIFY(bare->listeners.isEmpty());
        QVERIFY(QString::fromUtf8(reportJson(bare.value()))
                    .contains(QStringLiteral("\"snapshot\": null,")));
        const QString html = QString::fromUtf8(reportHtml(bare.value()));
        QVERIFY(html.contains(QStringLiteral("The console has not scanned this host.")));
        QVERIFY(html.contains(QStringLiteral("Listening sockets (0)")));
    }

    // The audit names the account as the system does, also when the environment does not:
    // a service, a scheduled task or `env -i` starts the console without USER or USERNAME.
    void actorNamesTheAccountWithoutTheEnvironment()
    {
        ReportFixture fixture;
        QVERIFY(fixture.setUp(false).isEmpty());
        const QByteArray user = qgetenv("USER");
        const QByteArray username = qgetenv("USERNAME");
        const bool hadUser = qEnvironmentVariableIsSet("USER");
        const bool hadUsername = qEnvironmentVariableIsSet("USERNAME");
        qunsetenv("USER");
        qunsetenv("USERNAME");
        const Actor actor = Actor::local(*fixture.backend);
        if (hadUser)
            qputenv("USER", user);
        if (hadUsername)
            qputenv("USERNAME", username);
#ifndef Q_OS_WIN
        // What id(1) says, asked apart from the code under test: the name, or the number
        // when the password database has no entry for the account.
        auto id = [](const QString& option) {
            QProcess process;
            process.start(QStringLiteral("id"), {option});
            return process.waitForFinished() && process.exitCode() == 0
                       ? QString::fromLocal8Bit(process.readAllStandardOutput()).trimmed()
                       : QString();
        };
        QString expected = id(QStringLiteral("-un"));
        if (expected.isEmpty())
            expected = id(QStringLiteral("-u"));
        QCOMPARE(actor.user, expected);
#endif
        QVERIFY(!actor.user.isEmpty());

        // The report's User column shows that name, not "(elevated)" alone.
        AuditRecord entryByActor;
        entryByActor.at = kReportNow.addSecs(-60);
        entryByActor.actor = actor;
        entryByActor.actor.host = QStringLiteral("DEV-WORKSTATION");
        entryByActor.action = AuditAction::Lookup;
        entryByActor.start = 5037;
        entryByActor.count = 1;
        entryByActor.request = QStringLiteral("LookupPersistentTcpPortReservation(5037, 1)");
        entryByActor.ok = true;
        QVERIFY_OK(fixture.store->audit().append(entryByActor));
        auto data = fixture.gather();
        QVERIFY_OK(data);
        QCOMPARE(data->audit.first().actor.user, actor.user);
        const QString html = QString::fromUtf8(reportHtml(data.value()));
        const QString cell =
            actor.elevated ? QStringLiteral("<td>%1 (elevated)</td>").arg(htmlEscape(actor.user))
                           : QStringLiteral("<td>%1</td>").arg(htmlEscape(actor.user));
        QVERIFY2(html.contains(cell), qPrintable(cell));
    }

    // ---- CSV ---------------------------------------------------------------------------------

    void csvCellNeutralises_data()
    {
        QTest::addColumn<QString>("value");
        QTest::addColumn<QString>("cell");
        QTest::newRow("plain") << "adb server"
                               << "adb server";
        QTest::newRow("empty") << ""
                               << "";
        QTest::newRow("comma") << "a, b"
                               << "\"a, b\"";
        QTest::newRow("quote") << "say \"hi\""
                               << "\"say \"\"hi\"\"\"";
        QTest::newRow("newline") << "two\nlines"
                                 << "\"two\nlines\"";
        QTest::newRow("HYPERLINK") << "=HYPERLINK(\"http://x\",\"y\")"
                                   << "\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\"";
        QTest::newRow("plus") << "+cmd"
                              << "\"'+cmd\"";
        QTest::newRow("minus") << "-2+3"
                               << "\"'-2+3\"";
        QTest::newRow("at") << "@SUM(A1)"
                            << "\"'@SUM(A1)\"";
        QTest::newRow("tab") << "\t=1"
                             << "\"'\t=1\"";
        QTest::newRow("cr") << "\r=1"
                            << "\"'\r=1\"";
        QTest::newRow("leading spaces") << "   =1+1"
                                        << "\"'   =1+1\"";
        QTest::newRow("full-width equals")
            << QStringLiteral("＝1+1") << QStringLiteral("\"'＝1+1\"");
        QTest::newRow("dash inside") << "web-team"
                                     << "web-team";
        QTest::newRow("equals inside") << "a=b"
                                       << "a=b";
    }

    void csvCellNeutralises()
    {
        QFETCH(QString, value);
        QFETCH(QString, cell);
        QCOMPARE(csvCell(value), cell);
    }

    // Every cell of the hostile export, read back as RFC 4180, is text to a
    // spreadsheet, and the note is still all there after the apostrophe.
    void csvHasNoExecutableCell()
    {
        ReportFixture fixture;
        QVERIFY(fixture.setUp(true).isEmpty());
        auto data = fixture.gather();
        QVERIFY_OK(data);
        const QByteArray bytes = reportCsv(data.value());
        QVERIFY(bytes.startsWith("\xEF\xBB\xBF"));
        QString error;
        const QList<QStringList> rows = parseCsv(QString::fromUtf8(bytes.mid(3)), &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QCOMPARE(rows.size(), 1 + 4 + 3 + 12 + 3); // header, inventory, runtime, listeners, scan
        QCOMPARE(rows[0], reportCsvHeader());
        for (const QStringList& row : rows) {
            QCOMPARE(row.size(), reportCsvHeader().size());
            for (const QString& cell : row)
                QVERIFY2(!spreadsheetWouldExecute(cell), qPrintable(cell));
        }
        const qsizetype note = reportCsvHeader().indexOf(QStringLiteral("note"));
        QCOMPARE(rows[2][note], QStringLiteral("'") + hostileNotes()[1]);
        QCOMPARE(rows[3][note], QStringLiteral("'") + hostileNotes()[2]);
        QVERIFY(rows[1][note].startsWith(QStringLiteral("'=HYPERLINK(")));
        // A holder's name comes from the system, where anyone can name a process.
        const qsizetype owner = reportCsvHeader().indexOf(QStringLiteral("owner"));
        QCOMPARE(rows[21][owner], QStringLiteral("'=cmd|' /C calc'!A0"));
        // The check above can fail: the raw notes would be executed.
        for (const QString& raw : hostileNotes().mid(0, 4))
            QVERIFY(spreadsheetWouldExecute(raw));
    }

    // ---- JSON --------------------------------------------------------------------------------

    void jsonValidatesAgainstSchema()
    {
        for (bool hostile : {false, true}) {
            ReportFixture fixture;
            QVERIFY(fixture.setUp(hostile).isEmpty());
            auto data = fixture.gather();
            QVERIFY_OK(data);
            const QString verdict = validateWithSchema(reportJson(data.value()));
            if (verdict.startsWith(QLatin1String("unavailable")))
                QSKIP(qPrintable(verdict));
            QVERIFY2(verdict.isEmpty(), qPrintable(verdict));
        }
        // An empty report (no backend, no rows) is valid too.
        ReportData empty;
        empty.title = QStringLiteral("empty");
        empty.host = QStringLiteral("h");
        empty.generatedAt = kReportNow;
        QVERIFY2(validateWithSchema(reportJson(empty)).isEmpty(),
                 qPrintable(validateWithSchema(reportJson(empty))));
    }

    // The validation can fail: documents the schema must refuse.
    void schemaRefusesInvalidDocuments_data()
    {
        QTest::addColumn<QByteArray>("from");
        QTest::addColumn<QByteArray>("to");
        QTest::newRow("newer version")
            << QByteArray("\"version\": 3") << QByteArray("\"version\": 4");
        QTest::newRow("snapshot of another version") << QByteArray("\"version\": 1,\n    \"tool\"")
                                                     << QByteArray("\"version\": 2,\n    \"tool\"");
        QTest::newRow("runtime block past 65535")
            << QByteArray("\"end\": 3368") << QByteArray("\"end\": 68000");
        QTest::newRow("listener without a port")
            << QByteArray("\"port\": 135,\n") << QByteArray("");
        QTest::newRow("unknown scan outcome")
            << QByteArray("\"outcome\": \"forbidden\"") << QByteArray("\"outcome\": \"blocked\"");
        QTest::newRow("other format")
            << QByteArray("\"portolan-report\"") << QByteArray("\"netsh\"");
        QTest::newRow("token as a number")
            << QByteArray("\"token\": \"2119279552\"") << QByteArray("\"token\": 2119279552");
        QTest::newRow("unknown state")
            << QByteArray("\"state\": \"present\"") << QByteArray("\"state\": \"gone\"");
        QTest::newRow("port 0") << QByteArray("\"start\": 5037") << QByteArray("\"start\": 0");
        QTest::newRow("local time") << QByteArray("\"createdAt\": \"2025-03-10T08:05:00.000Z\"")
                                    << QByteArray("\"createdAt\": \"2025-03-10 08:05\"");
        QTest::newRow("unknown member")
            << QByteArray("\"note\": \"adb") << QByteArray("\"colour\": \"red\", \"note\": \"adb");
        QTest::newRow("missing host")
            << QByteArray("\"host\": \"DEV-WORKSTATION\",\n  \"generatedAt\"")
            << QByteArray("\"generatedAt\"");
    }

    void schemaRefusesInvalidDocuments()
    {
        QFETCH(QByteArray, from);
        QFETCH(QByteArray, to);
        ReportFixture fixture;
        QVERIFY(fixture.setUp(false).isEmpty());
        auto data = fixture.gather();
        QVERIFY_OK(data);
        const QByteArray bad = replaced(reportJson(data.value()), from, to);
        QVERIFY2(!bad.isEmpty(), "the replaced text is not in the document");
        const QString verdict = validateWithSchema(bad);
        if (verdict.startsWith(QLatin1String("unavailable")))
            QSKIP(qPrintable(verdict));
        QVERIFY2(!verdict.isEmpty(), "the schema accepted an invalid document");
    }

    // Export, then import into an empty database: the same inventory, every field (ids are the
    // database's own and may differ). Runtime blocks are read but not stored.
    void jsonRoundTripsThroughTheImporter_data()
    {
        QTest::addColumn<bool>("hostile");
        QTest::newRow("plain") << false;
        QTest::newRow("hostile notes") << true;
    }

    void jsonRoundTripsThroughTheImporter()
    {
        QFETCH(bool, hostile);
        ReportFixture fixture;
        QVERIFY(fixture.setUp(hostile).isEmpty());
        auto data = fixture.gather();
        QVERIFY_OK(data);
        const QByteArray json = reportJson(data.value());

        QTemporaryDir dir;
        auto target = openStore(dir, QStringLiteral("ANALYST-LAPTOP"));
        QVERIFY(target);
        importsTheFixture(*target, QString::fromUtf8(json));
        if (QTest::currentTestFailed())
            return;
        Importer importer(*target);

        InventoryFilter filter;
        filter.host = QStringLiteral("DEV-WORKSTATION");
        auto exported = fixture.store->inventory().list(filter);
        auto imported = target->inventory().list();
        QVERIFY_OK(exported);
        QVERIFY_OK(imported);
        QCOMPARE(imported->size(), exported->size());
        for (qsizetype i = 0; i < exported->size(); ++i) {
            ReservationRecord a = exported->at(i);
            ReservationRecord b = imported->at(i);
            QCOMPARE(b.host, a.host);
            QCOMPARE(b.token, a.token);
            QCOMPARE(toText(b.source), toText(a.source));
            QCOMPARE(toText(b.state), toText(a.state));
            QCOMPARE(b.createdAt, a.createdAt);
            QCOMPARE(b.verifiedAt, a.verifiedAt);
            QCOMPARE(b.note, a.note);
            a.id = b.id = 0;
            QVERIFY(a == b);
        }

        // The imported inventory exports to the same document (but for ids and the title).
        ReportOptions options;
        options.generatedAt = kReportNow;
        options.host = QStringLiteral("DEV-WORKSTATION");
        options.auditLimit = 0;
        auto again = Report::gather(*target, nullptr, options);
        QVERIFY_OK(again);
        ReportData original = data.value();
        QCOMPARE(again->reservations.size(), original.reservations.size());

        // Importing the same report again changes nothing.
        auto second = importer.import(QString::fromUtf8(json), ImportOptions{});
        QVERIFY_OK(second);
        QCOMPARE(second->added, 0);
        QCOMPARE(second->updated, 4);
        auto after = target->inventory().list();
        QVERIFY_OK(after);
        QVERIFY(after.value() == imported.value());
    }

    // Reports of the earlier versions still import whole: version 1, written before the
    // listeners and the last scan were added, and version 2, written before the machine's side
    // became the host snapshot (their goldens of that time are kept in tests/golden).
    void importReadsEarlierReportVersions_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QString>("version");
        QTest::newRow("1") << QStringLiteral("report-plain.v1.json") << QStringLiteral("1");
        QTest::newRow("2") << QStringLiteral("report-plain.v2.json") << QStringLiteral("2");
    }

    void importReadsEarlierReportVersions()
    {
        QFETCH(QString, file);
        QFETCH(QString, version);
        QFile golden(goldenPath(file));
        QVERIFY(golden.open(QIODevice::ReadOnly));
        const QString text = QString::fromUtf8(golden.readAll());
        QVERIFY(text.contains(QStringLiteral("\"version\": %1,").arg(version)));
        QVERIFY(!text.contains(QStringLiteral("\"snapshot\"")));
        QTemporaryDir dir;
        auto target = openStore(dir, QStringLiteral("ANALYST-LAPTOP"));
        QVERIFY(target);
        importsTheFixture(*target, text);
        if (QTest::currentTestFailed())
            return;
        InventoryFilter filter;
        filter.host = QStringLiteral("DEV-WORKSTATION");
        auto imported = target->inventory().list(filter);
        QVERIFY_OK(imported);
        QCOMPARE(imported->size(), 4);
        QCOMPARE(imported->at(0).start, quint16(5037));
        QCOMPARE(imported->at(0).token, quint64(0x7e51a3c0));
        QCOMPARE(imported->at(1).token, quint64(0x9000000000000001ULL));
        QCOMPARE(imported->at(1).note, QStringLiteral("Django and friends; owner: \"web team\""));
    }

    void importRefusesBadReports_data()
    {
        QTest::addColumn<QByteArray>("from");
        QTest::addColumn<QByteArray>("to");
        QTest::addColumn<QString>("field");
        QTest::newRow("newer version")
            << QByteArray("\"version\": 3") << QByteArray("\"version\": 4")
            << "version: 4 is not supported; allowed: 1 to 3";
        QTest::newRow("version before the first")
            << QByteArray("\"version\": 3") << QByteArray("\"version\": 0")
            << "version: 0 is not supported";
        QTest::newRow("unknown source")
            << QByteArray("\"source\": \"discovered\"") << QByteArray("\"source\": \"guessed\"")
            << "reservations[0].source";
        QTest::newRow("bad time") << QByteArray("\"createdAt\": \"2025-03-10T08:05:00.000Z\"")
                                  << QByteArray("\"createdAt\": \"yesterday\"")
                                  << "reservations[0].createdAt";
        QTest::newRow("end mismatch")
            << QByteArray("\"end\": 8009,\n      \"count\"")
            << QByteArray("\"end\": 8010,\n      \"count\"") << "reservations[1].end";
        QTest::newRow("snapshot end mismatch")
            << QByteArray("\"count\": 10,\n        \"end\": 8009")
            << QByteArray("\"count\": 10,\n        \"end\": 8010")
            << "snapshot: persistent[1].end: 8010 does not agree with start 8000 and count 10";
        QTest::newRow("snapshot of another version")
            << QByteArray("\"version\": 1,\n    \"tool\"")
            << QByteArray("\"version\": 2,\n    \"tool\"") << "snapshot: version: 2 is not";
        QTest::newRow("snapshot without its runtime blocks")
            << QByteArray("\"runtime\": [") << QByteArray("\"runtimes\": [")
            << "snapshot: runtimes: unknown field";
        QTest::newRow("token not decimal")
            << QByteArray("\"token\": \"2119279552\"") << QByteArray("\"token\": \"0x7e51a3c0\"")
            << "reservations[0].token";
    }

    void importRefusesBadReports()
    {
        QFETCH(QByteArray, from);
        QFETCH(QByteArray, to);
        QFETCH(QString, field);
        ReportFixture fixture;
        QVERIFY(fixture.setUp(false).isEmpty());
        auto data = fixture.gather();
        QVERIFY_OK(data);
        const QByteArray bad = replaced(reportJson(data.value()), from, to);
        QVERIFY2(!bad.isEmpty(), "the replaced text is not in the document");
        QTemporaryDir dir;
        auto target = openStore(dir, QStringLiteral("ANALYST-LAPTOP"));
        QVERIFY(target);
        auto summary = Importer(*target).import(QString::fromUtf8(bad), ImportOptions{});
        QVERIFY(!summary);
        QCOMPARE(shown(summary.error().kind), shown(ErrorKind::InvalidArgument));
        QVERIFY2(QString::fromStdString(summary.error().message).contains(field),
                 summary.error().message.c_str());
        auto rows = target->inventory().count();
        QVERIFY_OK(rows);
        QCOMPARE(rows.value(), qint64(0)); // nothing imported
    }

    // ---- HTML --------------------------------------------------------------------------------

    // By a strict reading of the HTML: the writer emits no script element and no
    // event-handler attribute at all, and every hostile note is there as escaped text.
    void htmlShowsScriptAsText()
    {
        ReportFixture fixture;
        QVERIFY(fixture.setUp(true).isEmpty());
        auto data = fixture.gather();
        QVERIFY_OK(data);
        for (HtmlFlavor flavor : {HtmlFlavor::Browser, HtmlFlavor::RichText}) {
            const QString html = QString::fromUtf8(reportHtml(data.value(), flavor));
            QVERIFY(!html.contains(QLatin1String("<script"), Qt::CaseInsensitive));
            QVERIFY(!html.contains(QLatin1String("<img src=x"), Qt::CaseInsensitive));
            static const QRegularExpression handler(QStringLiteral("<[^>]*\\son[a-z]+\\s*="),
                                                    QRegularExpression::CaseInsensitiveOption);
            QVERIFY2(!handler.match(html).hasMatch(), qPrintable(handler.match(html).captured()));
            // Every tag the writer emits is one it knows.
            static const QRegularExpression tag(QStringLiteral("<\\s*([a-zA-Z][a-zA-Z0-9]*)"));
            const QStringList allowed = {
                QStringLiteral("html"),   QStringLiteral("head"),       QStringLiteral("meta"),
                QStringLiteral("title"),  QStringLiteral("style"),      QStringLiteral("body"),
                QStringLiteral("header"), QStringLiteral("div"),        QStringLiteral("dl"),
                QStringLiteral("dt"),     QStringLiteral("dd"),         QStringLiteral("section"),
                QStringLiteral("figure"), QStringLiteral("figcaption"), QStringLiteral("svg"),
                QStringLiteral("defs"),   QStringLiteral("pattern"),    QStringLiteral("rect"),
                QStringLiteral("line"),   QStringLiteral("text"),       QStringLiteral("ul"),
                QStringLiteral("li"),     QStringLiteral("span"),       QStringLiteral("table"),
                QStringLiteral("thead"),  QStringLiteral("tbody"),      QStringLiteral("tr"),
                QStringLiteral("th"),     QStringLiteral("td"),         QStringLiteral("p"),
                QStringLiteral("footer"), QStringLiteral("b"),          QStringLiteral("br"),
                QStringLiteral("img"),    QStringLiteral("colgroup"),   QStringLiteral("col")};
            for (auto it = tag.globalMatch(html); it.hasNext();) {
                const QString name = it.next().captured(1).toLower();
                QVERIFY2(allowed.contains(name), qPrintable(name));
                if (name == QLatin1String("img"))
                    QCOMPARE(flavor, HtmlFlavor::RichText); // only the PDF's own map image
            }
            for (const QString& note : hostileNotes())
                QVERIFY2(html.contains(htmlEscape(note)), qPrintable(note));
        }
    }

    // The same in a browser: Chromium's DOM of the page has no script or img element, and the
    // note is a text node. Skipped when Chromium is not installed (scripts/install-deps).
    void htmlInChromiumHasNoScriptElement()
    {
        QString chromium = QStandardPaths::findExecutable(QStringLiteral("chromium"));
        if (chromium.isEmpty())
            chromium = QStandardPaths::findExecutable(QStringLiteral("chromium-browser"));
        if (chromium.isEmpty())
            QSKIP("chromium is not installed (scripts/install-deps)");
        ReportFixture fixture;
        QVERIFY(fixture.setUp(true).isEmpty());
        auto data = fixture.gather();
        QVERIFY_OK(data);
        QTemporaryDir dir;
        const QString page = dir.filePath(QStringLiteral("report.html"));
        QVERIFY_OK(ReportWriter::writeFile(page, reportHtml(data.value())));
        QProcess process;
        process.start(
            chromium,
            {QStringLiteral("--headless"), QStringLiteral("--no-sandbox"),
             QStringLiteral("--disable-gpu"), QStringLiteral("--disable-quic"),
             QStringLiteral("--no-first-run"), QStringLiteral("--disable-background-networking"),
             QStringLiteral("--disable-component-update"), QStringLiteral("--disable-sync"),
             QStringLiteral("--user-data-dir=") + dir.filePath(QStringLiteral("profile")),
             QStringLiteral("--dump-dom"), QUrl::fromLocalFile(page).toString()});
        QVERIFY(process.waitForFinished(90000));
        const QString dom = QString::fromUtf8(process.readAllStandardOutput());
        QVERIFY2(dom.contains(QLatin1String("<table")),
                 qPrintable(QString::fromUtf8(process.readAllStandardError())));
        QVERIFY(!dom.contains(QLatin1String("<script"), Qt::CaseInsensitive));
        QVERIFY(!dom.contains(QLatin1String("<img"), Qt::CaseInsensitive));
        QVERIFY(!dom.contains(QLatin1String("onerror="), Qt::CaseInsensitive) ||
                dom.contains(QLatin1String("onerror=alert(2)&gt;")));
        // Serialised text nodes escape < and >: the notes are text.
        QVERIFY(dom.contains(QLatin1String("&lt;script&gt;alert(1)&lt;/script&gt;")));
        QVERIFY(dom.contains(QLatin1String("\"&gt;&lt;img src=x onerror=alert(2)&gt;")));
    }

    // The map shows every reserved block of the scenario, labelled, inside the drawing.
    void mapLabelsStayInsideAndApart()
    {
        ReportFixture fixture;
        QVERIFY(fixture.setUp(false).isEmpty());
        auto data = fixture.gather();
        QVERIFY_OK(data);
        const ReportMapLayout layout = layoutReportMap(data.value());
        int persistent = 0, runtime = 0;
        QList<QRectF> labels;
        for (const ReportMapShape& s : layout.shapes) {
            if (s.kind == ReportMapShape::Kind::Persistent)
                ++persistent;
            if (s.kind == ReportMapShape::Kind::Runtime)
                ++runtime;
            if (s.kind == ReportMapShape::Kind::Text) {
                const double w = estimatedTextWidth(s.text, s.fontSize);
                const double x = s.anchor == ReportMapShape::Anchor::Start    ? s.at.x()
                                 : s.anchor == ReportMapShape::Anchor::Middle ? s.at.x() - w / 2
                                                                              : s.at.x() - w;
                const QRectF box(x, s.at.y() - s.fontSize, w, s.fontSize * 1.2);
                QVERIFY2(box.left() >= 0 && box.right() <= layout.width && box.top() >= 0 &&
                             box.bottom() <= layout.height,
                         qPrintable(s.text));
                for (const QRectF& other : labels)
                    QVERIFY2(!box.intersects(other), qPrintable(s.text));
                labels << box;
            }
        }
        QCOMPARE(persistent, 4);
        QCOMPARE(runtime, 3);
        const QString svg = reportMapSvg(data.value());
        QVERIFY(svg.contains(QStringLiteral("2869–3368 Windows NAT (WinNAT)")));
        QVERIFY(svg.contains(QStringLiteral(">5037<")));
    }

    void writeFileFailsWithAClearError()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("no-such-folder/report.csv"));
        auto written = ReportWriter::writeFile(path, "x");
        QVERIFY(!written);
        QCOMPARE(shown(written.error().kind), shown(ErrorKind::IoError));
        const QString message = QString::fromStdString(written.error().message);
        QVERIFY2(message.contains(path) && message.contains(QLatin1String("Choose a folder")),
                 qPrintable(message));
    }
};

QTEST_GUILESS_MAIN(ReportTest)
#include "tst_report.moc"
