// SPDX-License-Identifier: GPL-3.0-or-later
// Import of reservation reports: netsh excludedportrange text in English, Portuguese
// (Brazil), German and French (the samples of tests/platform/netsh_parser_test.cpp), and
// portolan-cli --json list output of two machines gathered in one database. Malformed input
// names its line (or field) and imports nothing. And the window-less command
// `portolan [--db FILE] --import FILE [--host NAME] [--json]`, run in-process.

#include "servicetestsupport.h"
#include "storetestsupport.h"

#include "importcommandsupport.h"
#include "model/import/importer.h"

#include "cli.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStringDecoder>
#include <QTemporaryDir>
#include <QTest>
#include <QTextStream>

#include <sstream>

using namespace portolan;
using namespace portolan::testing;

namespace {

const char* const kEnglish = R"(
Protocol tcp Port Exclusion Ranges

Start Port    End Port
----------    --------
      5357        5357
      9800        9800
     49671       49770
     50000       50059     *
     61117       61216

* - Administered port exclusions.

)";

const char* const kGerman =
    "Portausschlussbereiche für das Protokoll \"tcp\"\n"
    "\n"
    "Startport      Endport\n"
    "----------    --------\n"
    "     28380       28380\n"
    "     28385       28385\n"
    "     49708       49807\n"
    "     50000       50000     *\n"
    "     50001       50100\n"
    "\n"
    "* - Verwaltete Portausschlüsse.\n";

const char* const kFrench =
    "Protocole udp Plages d’exclusion de ports\n"
    "\n"
    "Port de début    Port de fin\n"
    "-------------    -----------\n"
    "        80          80\n"
    "      1587        1686\n"
    "      2380        2479\n"
    "     50000       50059     *\n"
    "\n"
    "* - Exclusions de ports administrés.\n";

const char* const kPortuguese =
    "\n"
    "Protocolo tcp Intervalos de Exclusão de Porta\n"
    "\n"
    "Porta Inicial    Porta Final\n"
    "----------    --------\n"
    "      5357        5357\n"
    "      8883        8883\n"
    "     47277       47376\n"
    "     50000       50059     *\n"
    "     55245       55344\n"
    "\n"
    "* - Exclusões de porta administradas.\n";

// The French table as a blog quoted it: no heading, so no protocol.
const char* const kFrenchNoHeading =
    "Port de début    Port de fin\n"
    "-------------    -----------\n"
    "     44660       44759\n"
    "     50000       50059     *\n"
    "* - Exclusions de ports administrés.\n";

// What portolan-cli --json list prints for a scenario, optionally after some commands.
QString cliList(const QString& scenario, const QString& stateFile, const QStringList& before = {})
{
    auto run = [&](std::vector<std::string> args) {
        std::vector<std::string> all{"--scenario", scenario.toStdString(), "--state",
                                     stateFile.toStdString()};
        all.insert(all.end(), args.begin(), args.end());
        std::ostringstream out, err;
        const int code = cli::runCli(all, out, err);
        if (code != 0)
            qWarning("portolan-cli failed (%d): %s", code, err.str().c_str());
        return QString::fromStdString(out.str());
    };
    for (const QString& command : before) {
        std::vector<std::string> args;
        for (const QString& word : command.split(QLatin1Char(' ')))
            args.push_back(word.toStdString());
        run(args);
    }
    return run({"--json", "list"});
}

} // namespace

class ImportTest : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    int m_serial = 0;

    QString newPath(const QString& suffix)
    {
        return m_dir.filePath(QStringLiteral("f%1%2").arg(++m_serial).arg(suffix));
    }
    std::unique_ptr<Store> newStore()
    {
        return openStore(m_dir, QStringLiteral("CONSOLE-HOST"), QStringLiteral("db-%1.sqlite").arg(++m_serial));
    }
    QString writeFile(const QByteArray& bytes, const QString& suffix = QStringLiteral(".txt"))
    {
        const QString path = newPath(suffix);
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly))
            return {};
        file.write(bytes);
        return path;
    }

private slots:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    void netshInEachLanguage_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("protocol");
        QTest::addColumn<QList<int>>("persistentStarts");
        QTest::addColumn<int>("runtime");
        QTest::newRow("English") << QString::fromUtf8(kEnglish) << "tcp" << QList<int>{50000} << 4;
        QTest::newRow("Portuguese (Brazil)") << QString::fromUtf8(kPortuguese) << "tcp" << QList<int>{50000} << 4;
        QTest::newRow("German") << QString::fromUtf8(kGerman) << "tcp" << QList<int>{50000} << 4;
        QTest::newRow("French") << QString::fromUtf8(kFrench) << "udp" << QList<int>{50000} << 3;
    }

    void netshInEachLanguage()
    {
        QFETCH(QString, text);
        QFETCH(QString, protocol);
        QFETCH(QList<int>, persistentStarts);
        QFETCH(int, runtime);
        auto store = newStore();
        QVERIFY(store);
        Importer importer(*store);
        ImportOptions options;
        options.host = QStringLiteral("WIN-A");
        auto summary = importer.import(text, options);
        QVERIFY2(summary.ok(), summary.ok() ? "" : summary.error().message.c_str());
        QCOMPARE(summary->format, ImportFormat::Netsh);
        QCOMPARE(summary->added, int(persistentStarts.size()));
        QCOMPARE(summary->runtime, runtime);
        QCOMPARE(summary->hosts, QStringList{QStringLiteral("WIN-A")});
        QCOMPARE(int(summary->reservations.size()), int(persistentStarts.size()) + runtime);
        for (const ImportedReservation& r : summary->reservations) {
            QCOMPARE(shown(r.protocol), protocol);
            QCOMPARE(r.stored, r.persistent);
        }

        auto rows = store->inventory().list();
        QVERIFY(rows.ok());
        QCOMPARE(int(rows->size()), int(persistentStarts.size()));
        for (int i = 0; i < rows->size(); ++i) {
            const ReservationRecord& row = rows->at(i);
            QCOMPARE(int(row.start), persistentStarts.at(i));
            QCOMPARE(row.host, QStringLiteral("WIN-A"));
            QCOMPARE(shown(row.protocol), protocol);
            QCOMPARE(row.source, ReservationSource::Imported);
            QCOMPARE(row.state, ReservationState::Present);
            QCOMPARE(row.token, quint64(0)); // netsh shows no tokens
        }

        // Importing the same report again updates, never duplicates.
        auto again = importer.import(text, options);
        QVERIFY(again.ok());
        QCOMPARE(again->added, 0);
        QCOMPARE(again->updated, int(persistentStarts.size()));
        QCOMPARE(int(store->inventory().list()->size()), int(persistentStarts.size()));
    }

    void netshWithoutHostBelongsToThisMachine()
    {
        auto store = newStore();
        QVERIFY(store);
        auto summary = Importer(*store).import(QString::fromUtf8(kEnglish), {});
        QVERIFY(summary.ok());
        QCOMPARE(store->inventory().list()->first().host, QStringLiteral("CONSOLE-HOST"));
    }

    void netshProtocolFromHeadingOrOption()
    {
        auto store = newStore();
        QVERIFY(store);
        Importer importer(*store);
        auto missing = importer.import(QString::fromUtf8(kFrenchNoHeading), {});
        QVERIFY(!missing.ok());
        QVERIFY(str(missing.error().message).contains(QStringLiteral("--protocol")));
        ImportOptions udp;
        udp.protocol = Protocol::Udp;
        auto given = importer.import(QString::fromUtf8(kFrenchNoHeading), udp);
        QVERIFY(given.ok());
        QCOMPARE(shown(store->inventory().list()->first().protocol), QStringLiteral("udp"));
        // A heading that contradicts the option is an error, not a guess.
        auto contradicted = importer.import(QString::fromUtf8(kEnglish), udp);
        QVERIFY(!contradicted.ok());
        QCOMPARE(store->inventory().list()->size(), 1);
    }

    void malformedInputImportsNothing_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("messageStart");
        const QString head = QStringLiteral("Protocol tcp Port Exclusion Ranges\n\nStart Port    End Port\n"
                                            "----------    --------\n"
                                            "      5000        5009     *\n"
                                            "      6000        6009     *\n");
        QTest::newRow("netsh: a bad row after good ones") << head + QStringLiteral("      7000        x\n")
                                                          << "line 7: expected a row";
        QTest::newRow("netsh: a port past 65535") << head + QStringLiteral("     70000       70009\n")
                                                  << "line 7: start port 70000";
        QTest::newRow("netsh: not netsh at all") << QStringLiteral("hello\nworld\n") << "line 2:";
        QTest::newRow("netsh: empty") << QString() << "line 1:";
        const QString good = QStringLiteral(
            R"({"protocol":"tcp","start":5000,"end":5009,"count":10,"persistent":true,"token":"77","owner":"","host":"A"})");
        QTest::newRow("json: a syntax error") << QStringLiteral("{\"ok\":true,\n \"reservations\": [\n  {\"protocol\" \"tcp\"}]}")
                                              << "line 3, column";
        QTest::newRow("json: start out of range")
            << QStringLiteral(R"({"ok":true,"host":"A","reservations":[%1,{"protocol":"tcp","start":70000,"count":1,"persistent":true}]})").arg(good)
            << "reservations[1].start: 70000 is out of range";
        QTest::newRow("json: bad protocol")
            << QStringLiteral(R"({"ok":true,"host":"A","reservations":[%1,{"protocol":"sctp","start":1,"count":1,"persistent":true}]})").arg(good)
            << "reservations[1].protocol";
        QTest::newRow("json: count disagrees with end")
            << QStringLiteral(R"({"ok":true,"host":"A","reservations":[{"protocol":"tcp","start":5000,"end":5009,"count":9,"persistent":true}]})")
            << "reservations[0].count";
        QTest::newRow("json: runs past 65535")
            << QStringLiteral(R"({"ok":true,"host":"A","reservations":[{"protocol":"tcp","start":65530,"count":10,"persistent":true}]})")
            << "reservations[0].end";
        QTest::newRow("json: persistent missing")
            << QStringLiteral(R"({"ok":true,"host":"A","reservations":[{"protocol":"tcp","start":5000,"count":1}]})")
            << "reservations[0].persistent: missing";
        QTest::newRow("json: token not a number")
            << QStringLiteral(R"({"ok":true,"host":"A","reservations":[{"protocol":"tcp","start":5000,"count":1,"persistent":true,"token":"0x1f"}]})")
            << "reservations[0].token";
        QTest::newRow("json: no host anywhere")
            << QStringLiteral(R"({"ok":true,"reservations":[{"protocol":"tcp","start":5000,"count":1,"persistent":true}]})")
            << "reservations[0].host: missing";
        QTest::newRow("json: a failed command's output")
            << QStringLiteral(R"({"ok":false,"command":"list","error":{"kind":"AccessDenied"}})") << "ok:";
        QTest::newRow("json: another command")
            << QStringLiteral(R"({"ok":true,"command":"scan","host":"A","runs":[]})") << "command:";
        QTest::newRow("json: reservations missing") << QStringLiteral(R"({"ok":true,"host":"A"})")
                                                    << "reservations: missing";
    }

    void malformedInputImportsNothing()
    {
        QFETCH(QString, text);
        QFETCH(QString, messageStart);
        auto store = newStore();
        QVERIFY(store);
        auto summary = Importer(*store).import(text, {});
        QVERIFY(!summary.ok());
        QCOMPARE(shown(summary.error().kind), QStringLiteral("InvalidArgument"));
        QVERIFY2(str(summary.error().message).startsWith(messageStart), summary.error().message.c_str());
        QCOMPARE(store->inventory().count().value(), qint64(0));
    }

    void cliJsonOfTwoHostsInOneDatabase()
    {
        // Two machines' reports, as portolan-cli prints them.
        const QString developer = cliList(scenarioPath("developer.json"), QStringLiteral(":memory:"));
        const QString cleanState = newPath(QStringLiteral(".json"));
        const QString clean = cliList(scenarioPath("clean.json"), cleanState,
                                      {QStringLiteral("create tcp 7000 10"), QStringLiteral("create udp 7000 5")});
        QVERIFY(developer.contains(QStringLiteral("DEV-WORKSTATION")));
        QVERIFY(clean.contains(QStringLiteral("WIN11-CLEAN")));

        auto store = newStore();
        QVERIFY(store);
        Importer importer(*store);
        auto first = importer.import(developer, {});
        QVERIFY2(first.ok(), first.ok() ? "" : first.error().message.c_str());
        QCOMPARE(first->format, ImportFormat::CliJson);
        QCOMPARE(first->added, 2);  // 5037 and 8000
        QCOMPARE(first->runtime, 3); // WinNAT, HNS tcp and udp
        auto second = importer.import(clean, {});
        QVERIFY(second.ok());
        QCOMPARE(second->added, 2);
        QCOMPARE(second->hosts, QStringList{QStringLiteral("WIN11-CLEAN")});

        auto rows = store->inventory().list();
        QVERIFY(rows.ok());
        QCOMPARE(rows->size(), 4);
        QStringList hosts;
        for (const ReservationRecord& row : rows.value()) {
            hosts << row.host;
            QCOMPARE(row.source, ReservationSource::Imported);
            QVERIFY(row.token != 0); // portolan-cli reports the tokens: they survive exactly
        }
        QCOMPARE(hosts, (QStringList{"DEV-WORKSTATION", "DEV-WORKSTATION", "WIN11-CLEAN", "WIN11-CLEAN"}));
        InventoryFilter onlyClean;
        onlyClean.host = QStringLiteral("WIN11-CLEAN");
        QCOMPARE(store->inventory().count(onlyClean).value(), qint64(2));

        // The exact 64-bit token of a block, as the developer machine reports it.
        const QJsonObject doc = QJsonDocument::fromJson(developer.toUtf8()).object();
        QString token5037;
        for (const QJsonValue& v : doc.value(QStringLiteral("reservations")).toArray()) {
            if (v.toObject().value(QStringLiteral("start")).toInt() == 5037)
                token5037 = v.toObject().value(QStringLiteral("token")).toString();
        }
        auto row5037 = store->inventory().find(QStringLiteral("DEV-WORKSTATION"), Protocol::Tcp, {5037, 1});
        QVERIFY(row5037.ok() && row5037->has_value());
        QCOMPARE(QString::number((*row5037.value()).token), token5037);

        // --host renames the report's machine.
        ImportOptions renamed;
        renamed.host = QStringLiteral("LAB-7");
        QVERIFY(importer.import(developer, renamed).ok());
        onlyClean.host = QStringLiteral("LAB-7");
        QCOMPARE(store->inventory().count(onlyClean).value(), qint64(2));
    }

    void filesInEachEncoding_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        const QString text = QString::fromUtf8(kGerman);
        QStringEncoder utf16le(QStringConverter::Utf16LE, QStringEncoder::Flag::WriteBom);
        QStringEncoder utf16be(QStringConverter::Utf16BE, QStringEncoder::Flag::WriteBom);
        QTest::newRow("UTF-8") << text.toUtf8();
        QTest::newRow("UTF-8 with BOM") << QByteArray("\xEF\xBB\xBF") + text.toUtf8();
        QTest::newRow("UTF-16LE (PowerShell >)") << QByteArray(utf16le(text));
        QTest::newRow("UTF-16BE") << QByteArray(utf16be(text));
        QTest::newRow("code page 850 bytes") << QByteArray("Portausschlussbereiche f\x81r das Protokoll \"tcp\"\r\n\r\n"
                                                            "Startport      Endport\r\n----------    --------\r\n"
                                                            "     50000       50000     *\r\n\r\n"
                                                            "* - Verwaltete Portausschl\x81sse.\r\n");
    }

    void filesInEachEncoding()
    {
        QFETCH(QByteArray, bytes);
        auto store = newStore();
        QVERIFY(store);
        const QString path = writeFile(bytes);
        auto summary = Importer(*store).importFile(path, {});
        QVERIFY2(summary.ok(), summary.ok() ? "" : summary.error().message.c_str());
        QCOMPARE(summary->added, 1);
        QCOMPARE(store->inventory().list()->first().start, quint16(50000));
    }

    void importCommandPrintsJson()
    {
        const QString db = newPath(QStringLiteral(".sqlite"));
        const QString report = writeFile(QByteArray(kEnglish));
        const CommandRun run = importCommand({QStringLiteral("--db"), db, QStringLiteral("--import"), report,
                                              QStringLiteral("--host"), QStringLiteral("WIN-A"),
                                              QStringLiteral("--json")});
        QCOMPARE(run.code, kImportExitOk);
        QVERIFY(run.err.isEmpty());
        QJsonParseError error;
        const QJsonDocument doc = QJsonDocument::fromJson(run.out.toUtf8(), &error);
        QCOMPARE(error.error, QJsonParseError::NoError);
        QVERIFY(doc.isObject());
        QCOMPARE(doc.object().value(QStringLiteral("ok")).toBool(), true);
        const QJsonArray reservations = doc.object().value(QStringLiteral("reservations")).toArray();
        QCOMPARE(reservations.size(), 5);
        const QJsonObject persistent = reservations.at(3).toObject();
        QCOMPARE(persistent.value(QStringLiteral("protocol")).toString(), QStringLiteral("tcp"));
        QCOMPARE(persistent.value(QStringLiteral("start")).toInt(), 50000);
        QCOMPARE(persistent.value(QStringLiteral("end")).toInt(), 50059);
        QCOMPARE(persistent.value(QStringLiteral("persistent")).toBool(), true);
        QCOMPARE(persistent.value(QStringLiteral("host")).toString(), QStringLiteral("WIN-A"));
        QCOMPARE(reservations.at(0).toObject().value(QStringLiteral("persistent")).toBool(), false);

        // The database now has it, and a second store opened on the file sees it.
        DatabaseOptions options;
        options.path = db;
        auto store = Store::open(options);
        QVERIFY(store.ok());
        QCOMPARE(store.value()->inventory().count().value(), qint64(1));
    }

    void importCommandPrintsText()
    {
        const QString db = newPath(QStringLiteral(".sqlite"));
        const QString report = writeFile(QByteArray(kPortuguese));
        const CommandRun run = importCommand({QStringLiteral("--import=") + report, QStringLiteral("--db=") + db});
        QCOMPARE(run.code, kImportExitOk);
        QVERIFY(run.out.contains(QStringLiteral("Imported 1 persistent reservation")));
        QVERIFY(run.out.contains(QStringLiteral("tcp  50000-50059")));
        QVERIFY(run.out.contains(QStringLiteral("runtime (not stored)")));
    }

    void importCommandExitCodes_data()
    {
        QTest::addColumn<QString>("kind"); // which arguments
        QTest::addColumn<int>("code");
        QTest::addColumn<QString>("errorHas");
        QTest::newRow("no --import") << "no-import" << kImportExitUsage << "--import FILE is required";
        QTest::newRow("unknown argument") << "unknown" << kImportExitUsage << "--frobnicate";
        QTest::newRow("--host without a value") << "host-no-value" << kImportExitUsage << "--host";
        QTest::newRow("a file that does not exist") << "missing-file" << kImportExitUsage << "cannot be read";
        QTest::newRow("malformed netsh text") << "malformed" << kImportExitMalformed << "line 5";
        QTest::newRow("a database that cannot be opened") << "bad-db" << kImportExitDatabase << "";
    }

    void importCommandExitCodes()
    {
        QFETCH(QString, kind);
        QFETCH(int, code);
        QFETCH(QString, errorHas);
        const QString db = newPath(QStringLiteral(".sqlite"));
        const QString good = writeFile(QByteArray(kEnglish));
        const QString bad = writeFile("Start Port    End Port\n----------    --------\n\n\n  5000  x\n");
        QStringList args;
        if (kind == QLatin1String("no-import"))
            args = {QStringLiteral("--db"), db};
        else if (kind == QLatin1String("unknown"))
            args = {QStringLiteral("--db"), db, QStringLiteral("--import"), good, QStringLiteral("--frobnicate")};
        else if (kind == QLatin1String("host-no-value"))
            args = {QStringLiteral("--db"), db, QStringLiteral("--import"), good, QStringLiteral("--host")};
        else if (kind == QLatin1String("missing-file"))
            args = {QStringLiteral("--db"), db, QStringLiteral("--import"), m_dir.filePath(QStringLiteral("nope.txt"))};
        else if (kind == QLatin1String("malformed"))
            args = {QStringLiteral("--db"), db, QStringLiteral("--import"), bad};
        else
            args = {QStringLiteral("--db"), m_dir.filePath(QStringLiteral("no/such/folder/x.sqlite")),
                    QStringLiteral("--import"), good};

        const CommandRun text = importCommand(args);
        QCOMPARE(text.code, code);
        QVERIFY(text.out.isEmpty());
        QVERIFY2(text.err.startsWith(QStringLiteral("portolan: ")), qPrintable(text.err));
        QVERIFY2(text.err.contains(errorHas), qPrintable(text.err));
        // Nothing imported: bad input or arguments do not even create the database.
        QVERIFY(!QFile::exists(db));

        const CommandRun json = importCommand(args + QStringList{QStringLiteral("--json")});
        QCOMPARE(json.code, code);
        const QJsonObject doc = QJsonDocument::fromJson(json.out.toUtf8()).object();
        QCOMPARE(doc.value(QStringLiteral("ok")).toBool(true), false);
        QVERIFY(doc.value(QStringLiteral("error")).toObject().contains(QStringLiteral("message")));
        QVERIFY(!QFile::exists(db));
    }

    void isImportCommandRecognisesTheOption()
    {
        QVERIFY(isImportCommand({QStringLiteral("portolan"), QStringLiteral("--import"), QStringLiteral("x")}));
        QVERIFY(isImportCommand({QStringLiteral("portolan"), QStringLiteral("--import=x")}));
        QVERIFY(!isImportCommand({QStringLiteral("portolan"), QStringLiteral("--db"), QStringLiteral("x")}));
        QVERIFY(!isImportCommand({QStringLiteral("--import")})); // args[0] is the program
    }
};

QTEST_GUILESS_MAIN(ImportTest)
#include "tst_import.moc"
