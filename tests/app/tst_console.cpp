// SPDX-License-Identifier: GPL-3.0-or-later
// The console's command line and start-up, run as a user would: the options of every mode
// (window, --import, --export: one parser) and their messages, the message on a machine
// without a display, --screenshot without a display, and --import without a window.

#include "consoleoptions.h"

#include <QColor>
#include <QDir>
#include <QFile>
#include <QImage>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QProcessEnvironment>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

#ifndef PORTOLAN_CONSOLE_EXE
#error "PORTOLAN_CONSOLE_EXE must name the portolan executable"
#endif
#ifndef PORTOLAN_SOURCE_DIR
#error "PORTOLAN_SOURCE_DIR must name the source tree"
#endif

using namespace portolan::console;

namespace {

struct Run
{
    int exitCode = -1;
    QString out;
    QString err;
};

// The environment of a machine with no display at all.
QProcessEnvironment headless()
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.remove(QStringLiteral("DISPLAY"));
    env.remove(QStringLiteral("WAYLAND_DISPLAY"));
    env.remove(QStringLiteral("QT_QPA_PLATFORM"));
    return env;
}

Run runConsole(const QStringList& args, const QProcessEnvironment& env = headless(),
               int timeoutMs = 60000)
{
    QProcess process;
    process.setProcessEnvironment(env);
    process.start(QStringLiteral(PORTOLAN_CONSOLE_EXE), args);
    Run run;
    if (!process.waitForStarted(10000) || !process.waitForFinished(timeoutMs)) {
        process.kill();
        process.waitForFinished(5000);
        run.err = QStringLiteral("did not finish: ") + process.errorString();
        return run;
    }
    run.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -2;
    run.out = QString::fromLocal8Bit(process.readAllStandardOutput());
    run.err = QString::fromLocal8Bit(process.readAllStandardError());
    return run;
}

// The real backend of this build: --scenario and --state must be refused with it.
#ifdef Q_OS_WIN
const QString kRealBackend = QStringLiteral("windows");
#else
const QString kRealBackend = QStringLiteral("linux");
#endif

QString scenario(const char* name)
{
    return QStringLiteral(PORTOLAN_SOURCE_DIR "/resources/scenarios/") + QLatin1String(name);
}

} // namespace

class ConsoleTest : public QObject
{
    Q_OBJECT

private slots:
    void badOptionsNameTheOptionAndTheAllowedValues_data();
    void badOptionsNameTheOptionAndTheAllowedValues();
    void goodOptionsAreAccepted();
    void noDisplaySaysWhatToDoInstead();
    void badOptionsFailBeforeTheDisplayCheck();
    void badOptionsChangeNoFile_data();
    void badOptionsChangeNoFile();
    void helpAndVersionNeedNoDisplay();
    void screenshotRendersTheWindowWithoutADisplay();
    void screenshotOfAnUnknownStateFails();
    void importWorksWithoutADisplay();
    void importRefusalIsJsonWithJson();
};

void ConsoleTest::badOptionsNameTheOptionAndTheAllowedValues_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QString>("message"); // a part of the error that must be there

    QTest::newRow("unknown backend") << QStringList{"--backend", "foo"}
                                     << "--backend: 'foo' is not a backend; allowed: ";
    QTest::newRow("backend without value") << QStringList{"--backend"}
                                           << "option '--backend' needs a value; allowed: windows, linux, simulated";
    QTest::newRow("empty backend") << QStringList{"--backend="}
                                   << "--backend: the value is empty";
    QTest::newRow("unknown option") << QStringList{"--bogus"} << "unknown option '--bogus'; allowed:";
    QTest::newRow("a command") << QStringList{"list"} << "unexpected argument 'list'";
    QTest::newRow("scenario with the real backend") << QStringList{"--backend", kRealBackend, "--scenario", "x.json"}
                                         << "--scenario applies only to the simulated backend";
    QTest::newRow("state with the real backend") << QStringList{"--backend", kRealBackend, "--state", "x.json"}
                                      << "--state applies only to the simulated backend";
    QTest::newRow("twice") << QStringList{"--db", "a", "--db", "b"} << "option '--db' is given twice";
    QTest::newRow("flag with value") << QStringList{"--version=1"} << "option '--version' takes no value";
    QTest::newRow("view without screenshot") << QStringList{"--screenshot-view", "portmap"}
                                             << "--screenshot-view needs --screenshot FILE";
    QTest::newRow("unknown view") << QStringList{"--screenshot", "x.png", "--screenshot-view", "map"}
                                  << "--screenshot-view: 'map' is not a view; allowed: reservations, portmap, probes, scan, history";
    QTest::newRow("unknown dialog") << QStringList{"--screenshot", "x.png", "--screenshot-dialog", "x"}
                                    << "--screenshot-dialog: 'x' is not a dialog; allowed: new,";
    QTest::newRow("state without view") << QStringList{"--screenshot", "x.png", "--screenshot-state", "s"}
                                        << "--screenshot-state needs --screenshot-view NAME";
    // More of the bad-input matrix (docs/bad-input.md).
    QTest::newRow("unknown language") << QStringList{"--lang", "xx"}
                                      << "--lang: 'xx' is not a language of the console; allowed: en, pt_BR";
    QTest::newRow("empty scenario") << QStringList{"--scenario="}
                                    << "--scenario: the value is empty; allowed: a JSON scenario file";
    QTest::newRow("state without value") << QStringList{"--state"}
                                         << "option '--state' needs a value; allowed: a state file";
    QTest::newRow("empty database") << QStringList{"--db="}
                                    << "--db: the value is empty; allowed: a database file";
    QTest::newRow("Qt option without value") << QStringList{"-platform"}
                                             << "option '-platform' needs a value";
    QTest::newRow("seed without screenshot") << QStringList{"--screenshot-seed"}
                                             << "--screenshot-seed needs --screenshot FILE";
    QTest::newRow("dialog and state") << QStringList{"--screenshot", "x.png", "--screenshot-view", "portmap",
                                                     "--screenshot-dialog", "new", "--screenshot-state", "s"}
                                      << "--screenshot-dialog and --screenshot-state cannot be combined";
    QTest::newRow("first paint and screenshot") << QStringList{"--exit-after-first-paint", "--screenshot", "x.png"}
                                                << "--exit-after-first-paint and --screenshot cannot be combined";
    // --import and --export share the parser: the same errors, and an option of one mode is
    // refused in another, naming what that mode allows.
    QTest::newRow("import option without import") << QStringList{"--protocol", "udp"}
                                                  << "--protocol needs --import FILE";
    QTest::newRow("export option without export") << QStringList{"--format=csv"}
                                                  << "--format needs --export FILE";
    QTest::newRow("shared option without either") << QStringList{"--host", "X"}
                                                  << "--host needs --import FILE or --export FILE";
    QTest::newRow("import and export") << QStringList{"--import", "a.txt", "--export", "b.csv"}
                                       << "--import and --export cannot be combined";
    QTest::newRow("window option with import") << QStringList{"--import", "a.txt", "--screenshot", "x.png"}
                                               << "--screenshot cannot be combined with --import; allowed with "
                                                  "--import: --db, --lang, --import, --protocol, --json, --host";
    QTest::newRow("unknown option with import") << QStringList{"--import=a.txt", "--frobnicate"}
                                                << "unknown option '--frobnicate'; allowed: --db, --lang, "
                                                   "--import, --protocol, --json, --host, --version, --help";
    QTest::newRow("import without file") << QStringList{"--import"}
                                         << "option '--import' needs a value; allowed: a report file to read";
    QTest::newRow("host without value") << QStringList{"--import", "a.txt", "--host", "--protocol", "tcp"}
                                        << "option '--host' needs a value; allowed: a host name";
    QTest::newRow("unknown protocol") << QStringList{"--import", "a.txt", "--protocol", "sctp"}
                                      << "--protocol: 'sctp' is not a protocol; allowed: tcp, udp";
    QTest::newRow("import twice") << QStringList{"--import", "a.txt", "--import", "b.txt"}
                                  << "option '--import' is given twice";
    QTest::newRow("json with value") << QStringList{"--import", "a.txt", "--json=yes"}
                                     << "option '--json' takes no value";
    QTest::newRow("unknown format") << QStringList{"--export", "r.csv", "--format", "xls"}
                                    << "--format: 'xls' is not a report format; allowed: csv, json, html, pdf";
    QTest::newRow("export without a known extension") << QStringList{"--export", "r.txt"}
                                                      << "--export: 'r.txt' does not end in .csv, .json, .html or .pdf";
    QTest::newRow("audit out of range") << QStringList{"--export", "r.csv", "--audit=10001"}
                                        << "--audit: '10001' is not a number of entries; allowed: 0-10000";
    QTest::newRow("local time") << QStringList{"--export", "r.csv", "--generated-at", "2025-03-10T09:00:00"}
                                << "--generated-at: '2025-03-10T09:00:00' is not a time with its offset";
    QTest::newRow("no backend and a scenario") << QStringList{"--export", "r.csv", "--no-backend", "--scenario", "s.json"}
                                               << "--no-backend cannot be combined with --backend, --scenario or --state";
    QTest::newRow("export with an unknown backend") << QStringList{"--export", "r.csv", "--backend", "foo"}
                                                    << "--backend: 'foo' is not a backend; allowed: ";
}

void ConsoleTest::badOptionsNameTheOptionAndTheAllowedValues()
{
    QFETCH(QStringList, args);
    QFETCH(QString, message);
    const ParsedOptions parsed = parseConsoleOptions(args);
    QVERIFY(!parsed.options);
    QVERIFY2(parsed.error.contains(message), qPrintable(parsed.error));

    // The program says the same, with a pointer to --help, and exits 1.
    const Run run = runConsole(args);
    QCOMPARE(run.exitCode, 1);
    QVERIFY2(run.err.startsWith(QStringLiteral("portolan: ") + parsed.error), qPrintable(run.err));
    QVERIFY(run.err.contains(QStringLiteral("Try 'portolan --help'")));
}

void ConsoleTest::goodOptionsAreAccepted()
{
    const ParsedOptions parsed = parseConsoleOptions(
        {"--scenario", "dev.json", "--state=s.json", "--db", "x.sqlite", "--screenshot", "o.png",
         "--screenshot-view", "portmap", "--screenshot-state", "3000", "-platform", "offscreen"});
    QVERIFY2(parsed.options, qPrintable(parsed.error));
    QCOMPARE(parsed.options->backend, QStringLiteral("simulated")); // implied by --scenario
    QCOMPARE(parsed.options->scenarioFile, QStringLiteral("dev.json"));
    QCOMPARE(parsed.options->stateFile, QStringLiteral("s.json"));
    QCOMPARE(parsed.options->databaseFile, QStringLiteral("x.sqlite"));
    QCOMPARE(parsed.options->screenshotView, QStringLiteral("portmap"));
    QCOMPARE(parsed.options->screenshotState, QStringLiteral("3000"));
    QVERIFY(parsed.options->qtPlatformGiven);
    QVERIFY(parseConsoleOptions({}).options.has_value());

    // --name=value and --name value are the same, for every mode.
    const ParsedOptions exported = parseConsoleOptions(
        {"--export=r.pdf", "--db=x.sqlite", "--audit", "5", "--generated-at=2025-03-10T09:00:00Z",
         "--host", "WIN-A", "--title=Title", "--no-backend", "--lang", "pt_BR"});
    QVERIFY2(exported.options, qPrintable(exported.error));
    QCOMPARE(exported.options->mode, ConsoleMode::Export);
    QCOMPARE(exported.options->file, QStringLiteral("r.pdf"));
    QCOMPARE(exported.options->format, portolan::ReportFormat::Pdf); // from the extension
    QCOMPARE(exported.options->databaseFile, QStringLiteral("x.sqlite"));
    QCOMPARE(exported.options->auditLimit, 5);
    QCOMPARE(exported.options->generatedAt,
             QDateTime(QDate(2025, 3, 10), QTime(9, 0), Qt::UTC));
    QCOMPARE(exported.options->host, QStringLiteral("WIN-A"));
    QCOMPARE(exported.options->title, QStringLiteral("Title"));
    QVERIFY(exported.options->noBackend);
    QCOMPARE(exported.options->language, QStringLiteral("pt_BR"));
    const ParsedOptions imported =
        parseConsoleOptions({"--import", "r.txt", "--protocol=udp", "--json", "--db", "x.sqlite"});
    QVERIFY2(imported.options, qPrintable(imported.error));
    QCOMPARE(imported.options->file, QStringLiteral("r.txt"));
    QCOMPARE(imported.options->protocol, std::optional<portolan::Protocol>(portolan::Protocol::Udp));
    QVERIFY(imported.options->json);
    // --scenario implies the simulated backend for the report too.
    QCOMPARE(parseConsoleOptions({"--export", "r.csv", "--scenario", "s.json"}).options->backend,
             QStringLiteral("simulated"));
    // Help and version win over the mode.
    QVERIFY(parseConsoleOptions({"--import", "r.txt", "--help"}).options->help);
    QCOMPARE(parseConsoleOptions({"--import", "report.txt", "--host", "X"}).options->mode,
             ConsoleMode::Import);
}

void ConsoleTest::noDisplaySaysWhatToDoInstead()
{
#ifdef Q_OS_WIN
    QSKIP("Windows always has a desktop: the no-display advice is for X11/Wayland machines");
#endif
    QTemporaryDir dir;
    const Run run = runConsole({"--scenario", scenario("developer.json"), "--state",
                                dir.filePath("state.json"), "--db", dir.filePath("db.sqlite")});
    QCOMPARE(run.exitCode, 2);
    for (const char* part : {"no display found", "xvfb-run -a portolan", "QT_QPA_PLATFORM=vnc",
                             "port 5900", "portolan --screenshot out.png"})
        QVERIFY2(run.err.contains(QLatin1String(part)), qPrintable(run.err));
    // Not Qt's own message.
    QVERIFY2(!run.err.contains(QStringLiteral("platform plugin")), qPrintable(run.err));
    QVERIFY(!run.err.contains(QStringLiteral("xcb")));
    // Nothing was created.
    QVERIFY(!QFile::exists(dir.filePath("db.sqlite")));
}

void ConsoleTest::badOptionsFailBeforeTheDisplayCheck()
{
    const Run run = runConsole({"--backend", "foo"});
    QCOMPARE(run.exitCode, 1);
    QVERIFY(!run.err.contains(QStringLiteral("no display")));
}

void ConsoleTest::badOptionsChangeNoFile_data()
{
    badOptionsNameTheOptionAndTheAllowedValues_data();
}

// Every bad option row again, with a state file and a database given: the console refuses
// before it opens either, so both stay byte for byte as they were and nothing is created.
void ConsoleTest::badOptionsChangeNoFile()
{
    QFETCH(QStringList, args);
    QTemporaryDir dir;
    const QString state = dir.filePath(QStringLiteral("state.json"));
    const QString db = dir.filePath(QStringLiteral("db.sqlite"));
    for (const QString& path : {state, db}) {
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("contents before the run\n");
    }
    const QStringList files = QDir(dir.path()).entryList(QDir::Files);

    // Options given twice are the row's own problem; the others get --db and --state added.
    QStringList all = args;
    if (!args.contains(QStringLiteral("--db")) && !args.contains(QStringLiteral("--db=")))
        all << QStringLiteral("--db") << db;
    if (!args.join(QLatin1Char(' ')).contains(QStringLiteral("--state"))
        && !args.contains(kRealBackend))
        all << QStringLiteral("--state") << state;
    const Run run = runConsole(all);
    QCOMPARE(run.exitCode, 1);
    for (const QString& path : {state, db}) {
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(file.readAll(), QByteArray("contents before the run\n"));
    }
    QCOMPARE(QDir(dir.path()).entryList(QDir::Files), files);
}

void ConsoleTest::helpAndVersionNeedNoDisplay()
{
    const Run help = runConsole({"--help"});
    QCOMPARE(help.exitCode, 0);
    QVERIFY(help.out.startsWith(QStringLiteral("Usage: portolan")));
    // One parser's help: the window's options, and --import's and --export's.
    for (const char* option : {"--backend <windows|linux|simulated>", "--scenario", "--state", "--db",
                               "--lang <en|pt_BR>", "--screenshot", "--import", "--protocol <tcp|udp>",
                               "--json", "--export", "--format <csv|json|html|pdf>", "--audit",
                               "--generated-at", "--no-backend", "-h, --help", "--version",
                               "Exit codes:"})
        QVERIFY2(help.out.contains(QLatin1String(option)), option);
    const Run version = runConsole({"--version"});
    QCOMPARE(version.exitCode, 0);
    QVERIFY(version.out.startsWith(QStringLiteral("portolan ")));
}

void ConsoleTest::screenshotRendersTheWindowWithoutADisplay()
{
    QTemporaryDir dir;
    const QString png = dir.filePath("main.png");
    const Run run = runConsole({"--scenario", scenario("developer.json"), "--state",
                                dir.filePath("state.json"), "--db", dir.filePath("db.sqlite"),
                                "--screenshot", png});
    QVERIFY2(run.exitCode == 0, qPrintable(run.err));
    QImage image(png);
    QVERIFY(!image.isNull());
    QCOMPARE(image.size(), QSize(1280, 800));
    // Not blank: a window with text, icons and a table has many colours, and the discovered
    // reservations make it past the first refresh (rows drawn in the table's area).
    QSet<QRgb> colours;
    for (int y = 0; y < image.height(); y += 3)
        for (int x = 0; x < image.width(); x += 3)
            colours.insert(image.pixel(x, y));
    QVERIFY2(colours.size() > 50, qPrintable(QString::number(colours.size())));
    // And the console opened the database and discovered the machine's blocks in it.
    QVERIFY(QFile::exists(dir.filePath("db.sqlite")));
}

void ConsoleTest::screenshotOfAnUnknownStateFails()
{
    QTemporaryDir dir;
    const Run run = runConsole({"--scenario", scenario("developer.json"), "--state",
                                dir.filePath("state.json"), "--db", dir.filePath("db.sqlite"),
                                "--screenshot", dir.filePath("x.png"), "--screenshot-view",
                                "reservations", "--screenshot-state", "no-such-state"});
    QCOMPARE(run.exitCode, 4);
    QVERIFY2(run.err.contains(QStringLiteral("no-such-state")), qPrintable(run.err));
    QVERIFY(!QFile::exists(dir.filePath("x.png")));
}

void ConsoleTest::importWorksWithoutADisplay()
{
    QTemporaryDir dir;
    QFile report(dir.filePath("netsh.txt"));
    QVERIFY(report.open(QIODevice::WriteOnly | QIODevice::Text));
    report.write("\nProtocol tcp Port Exclusion Ranges\n\n"
                 "Start Port    End Port\n"
                 "----------    --------\n"
                 "      5037        5037     *\n"
                 "     50000       50059\n\n"
                 "* - Administered port exclusions.\n\n");
    report.close();
    const Run run = runConsole({"--db", dir.filePath("db.sqlite"), "--import", report.fileName(),
                                "--host", "BUILD-01", "--json"});
    QVERIFY2(run.exitCode == 0, qPrintable(run.err + run.out));
    QVERIFY2(run.out.contains(QStringLiteral("\"ok\":true")), qPrintable(run.out));
    QVERIFY(run.out.contains(QStringLiteral("BUILD-01")));
}

// With --json even a refused command line answers in JSON, on stdout, and creates nothing.
void ConsoleTest::importRefusalIsJsonWithJson()
{
    QTemporaryDir dir;
    const Run run = runConsole({"--db", dir.filePath("db.sqlite"), "--import", "a.txt", "--host",
                                "--json"});
    QCOMPARE(run.exitCode, 1);
    QVERIFY2(run.err.isEmpty(), qPrintable(run.err));
    const QJsonObject doc = QJsonDocument::fromJson(run.out.toUtf8()).object();
    QCOMPARE(doc.value(QStringLiteral("ok")).toBool(true), false);
    const QJsonObject error = doc.value(QStringLiteral("error")).toObject();
    QCOMPARE(error.value(QStringLiteral("kind")).toString(), QStringLiteral("InvalidArgument"));
    QCOMPARE(error.value(QStringLiteral("message")).toString(),
             QStringLiteral("option '--host' needs a value; allowed: a host name"));
    QVERIFY(!QFile::exists(dir.filePath("db.sqlite")));
}

QTEST_GUILESS_MAIN(ConsoleTest)

#include "tst_console.moc"
