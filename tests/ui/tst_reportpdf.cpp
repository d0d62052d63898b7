// SPDX-License-Identifier: GPL-3.0-or-later
// The PDF report: its text, as pdftotext extracts it, against a golden file of the
// fixed scenario (a byte-for-byte golden would break on the creation date and document ID Qt
// writes); its structure (one A4 document with the title); the port map it draws; and the
// console's Export report action, which writes on a worker thread and reports failure clearly.
//
// Goldens: tests/golden/report-<scenario>.pdf.txt; PORTOLAN_UPDATE_GOLDEN=1 rewrites them.

#include "../model/reportfixture.h"

#include "ui/mainwindow.h"
#include "ui/reports/reportexporter.h"
#include "ui/reports/reportpdf.h"

#include "model/services/probeservice.h"
#include "model/services/reservationservice.h"

#include <algorithm>

#include <QAction>
#include <QApplication>
#include <QDialog>
#include <QProcess>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QTest>

using namespace portolan;
using namespace portolan::testing;

namespace {

struct Extracted
{
    QString skipReason;
    QString text;
};

Extracted pdfToText(const QByteArray& pdf, const QStringList& options = {})
{
    const QString tool = QStandardPaths::findExecutable(QStringLiteral("pdftotext"));
    if (tool.isEmpty())
        return {QStringLiteral("pdftotext (poppler-utils) is not installed"), {}};
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("report.pdf"));
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return {QStringLiteral("cannot write a temporary file"), {}};
    file.write(pdf);
    file.close();
    QProcess process;
    process.start(tool, QStringList(options) << path << QStringLiteral("-"));
    process.waitForFinished(60000);
    return {{}, QString::fromUtf8(process.readAllStandardOutput())};
}

// Line breaks and page breaks depend on the font's metrics; the words and their order do not.
QString normalised(const QString& text)
{
    QString out = text;
    out.replace(QChar(0x0C), QLatin1Char(' '));
    return out.simplified().replace(QStringLiteral(" "), QStringLiteral("\n"));
}

} // namespace

class ReportPdfTest : public QObject
{
    Q_OBJECT

private slots:
    void golden_data()
    {
        QTest::addColumn<bool>("hostile");
        QTest::newRow("report-plain.pdf.txt") << false;
        QTest::newRow("report-hostile.pdf.txt") << true;
    }

    void golden()
    {
        QFETCH(bool, hostile);
        ReportFixture fixture;
        const QString problem = fixture.setUp(hostile);
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
        auto data = fixture.gather();
        QVERIFY_OK(data);
        auto pdf = ui::ReportPdf::render(data.value());
        QVERIFY_OK(pdf);
        QVERIFY(pdf->startsWith("%PDF-"));
        const Extracted extracted = pdfToText(pdf.value());
        if (!extracted.skipReason.isEmpty())
            QSKIP(qPrintable(extracted.skipReason));
        // One word per line, so that a difference names the word.
        compareGolden(QString::fromLatin1(QTest::currentDataTag()),
                      normalised(extracted.text).toUtf8() + '\n');
    }

    // What a reader of the PDF must find, independent of the golden: the title as the
    // document's title, A4 pages, every block of the scenario, the notes as text.
    void structure()
    {
        ReportFixture fixture;
        QVERIFY(fixture.setUp(true).isEmpty());
        auto data = fixture.gather();
        QVERIFY_OK(data);
        auto pdf = ui::ReportPdf::render(data.value());
        QVERIFY_OK(pdf);
        const QString info = QStandardPaths::findExecutable(QStringLiteral("pdfinfo"));
        if (info.isEmpty())
            QSKIP("pdfinfo (poppler-utils) is not installed");
        QTemporaryDir dir;
        QVERIFY_OK(ReportWriter::writeFile(dir.filePath(QStringLiteral("r.pdf")), pdf.value()));
        QProcess process;
        process.start(info, {dir.filePath(QStringLiteral("r.pdf"))});
        QVERIFY(process.waitForFinished(30000));
        const QString out = QString::fromUtf8(process.readAllStandardOutput());
        for (const char* pattern :
             {"Title:\\s+Port reservations of DEV-WORKSTATION\n", "Creator:\\s+Portolan\n",
              "Page size:\\s+595 x 842 pts \\(A4\\)"}) {
            QVERIFY2(QRegularExpression(QLatin1String(pattern)).match(out).hasMatch(),
                     qPrintable(QLatin1String(pattern) + QStringLiteral(" in\n") + out));
        }
        // Table cells wrap long words, so the words are compared without white space.
        QString text = pdfToText(pdf.value(), {QStringLiteral("-raw")}).text;
        text.remove(QRegularExpression(QStringLiteral("\\s")));
        for (const QString& expected :
             {QStringLiteral("2869–3368"), QStringLiteral("50000–50059"),
              QStringLiteral("8000–8009"), QStringLiteral("Windows NAT (WinNAT)"),
              QStringLiteral("<script>alert(1)</script>"), QStringLiteral("=HYPERLINK("),
              QStringLiteral("page 1 of")})
            QVERIFY2(text.contains(QString(expected).remove(QLatin1Char(' '))),
                     qPrintable(expected + QStringLiteral(" in\n") + text));
    }

    // The report's closing sentence never stands alone on a page: it stays with the last
    // rows above it. More audit entries move that sentence across page breaks; at each count,
    // every page holds something besides it.
    void noPageHoldsOnlyTheFooter_data()
    {
        QTest::addColumn<int>("extraAudit");
        // About a page and a half of rows: the sentence crosses the page break on the way.
        for (int n = 0; n <= 48; ++n)
            QTest::newRow(qPrintable(QStringLiteral("%1 more audit entries").arg(n))) << n;
    }

    void noPageHoldsOnlyTheFooter()
    {
        QFETCH(int, extraAudit);
        ReportFixture fixture;
        QVERIFY(fixture.setUp(false).isEmpty());
        auto data = fixture.gather();
        QVERIFY_OK(data);
        for (int i = 0; i < extraAudit; ++i) {
            AuditRecord a;
            a.id = 100 + i;
            a.at = kReportNow.addSecs(-3600 - 60 * i);
            a.actor = Actor{QStringLiteral("DEV-WORKSTATION"), QStringLiteral("ana"), true};
            a.action = AuditAction::Lookup;
            a.start = quint16(6000 + i);
            a.count = 1;
            a.request = QStringLiteral("LookupPersistentTcpPortReservation(%1, 1)").arg(6000 + i);
            a.ok = true;
            data->audit.append(a);
        }
        const QList<QStringList> pages = ui::ReportPdf::pageTexts(data.value());
        QVERIFY(!pages.isEmpty());
        QVERIFY2(pages.back().last().startsWith(QStringLiteral("Portolan report format")),
                 qPrintable(pages.back().join(QLatin1Char('|'))));
        for (qsizetype p = 0; p < pages.size(); ++p) {
            QStringList content = pages[p];
            content.removeIf([](const QString& text) {
                return text.startsWith(QStringLiteral("Portolan report format"));
            });
            QVERIFY2(!content.isEmpty(), qPrintable(QStringLiteral("page %1 of %2 holds only the "
                                                                   "closing sentence")
                                                        .arg(p + 1)
                                                        .arg(pages.size())));
        }
    }

    // The same, as a PDF reader sees the plain report: each page has more than the page's
    // footer and the closing sentence.
    void plainReportPagesHoldContent()
    {
        ReportFixture fixture;
        QVERIFY(fixture.setUp(false).isEmpty());
        auto data = fixture.gather();
        QVERIFY_OK(data);
        auto pdf = ui::ReportPdf::render(data.value());
        QVERIFY_OK(pdf);
        const int pages = int(ui::ReportPdf::pageTexts(data.value()).size());
        QVERIFY(pages >= 2); // listeners and the last scan take a second page
        for (int p = 1; p <= pages; ++p) {
            const Extracted page =
                pdfToText(pdf.value(), {QStringLiteral("-f"), QString::number(p),
                                        QStringLiteral("-l"), QString::number(p)});
            if (!page.skipReason.isEmpty())
                QSKIP(qPrintable(page.skipReason));
            QString text = page.text.simplified();
            QVERIFY2(text.contains(QStringLiteral("page %1 of %2").arg(p).arg(pages)),
                     qPrintable(text));
            text.remove(QStringLiteral("page %1 of %2").arg(p).arg(pages));
            text.remove(
                QStringLiteral("Port reservations of DEV-WORKSTATION · 2025-03-10 09:00 UTC"));
            text.remove(QRegularExpression(QStringLiteral("Portolan report format .*gave it")));
            QVERIFY2(!text.trimmed().isEmpty(), qPrintable(QStringLiteral("page %1").arg(p)));
        }
    }

    // The map image shows the blocks where they are: the runtime block 50000-50059 of TCP is
    // orange, the inventory block 8000-8009 blue, the dynamic range light blue.
    void mapImageShowsTheBlocks()
    {
        ReportFixture fixture;
        QVERIFY(fixture.setUp(false).isEmpty());
        auto data = fixture.gather();
        QVERIFY_OK(data);
        const ReportMapLayout layout = layoutReportMap(data.value());
        const QImage image = ui::ReportPdf::mapImage(data.value(), 2000);
        QCOMPARE(image.width(), 2000);
        const double s = 2000 / layout.width;
        auto hueAt = [&](ReportMapShape::Kind kind, quint16 start) -> QColor {
            for (const ReportMapShape& shape : layout.shapes) {
                if (shape.kind != kind)
                    continue;
                const QPointF c = shape.rect.center() * s;
                // The first shape of this kind whose left edge is the block's start.
                const double x = 56 + start / 65536.0 * (layout.width - 10 - 56);
                if (std::abs(shape.rect.left() - x) < 0.5)
                    return image.pixelColor(c.toPoint());
            }
            return {};
        };
        const QColor runtime = hueAt(ReportMapShape::Kind::Runtime, 50000);
        QVERIFY(runtime.isValid());
        QVERIFY2(runtime.red() > 200 && runtime.blue() < 190, qPrintable(runtime.name()));
        const QColor persistent = hueAt(ReportMapShape::Kind::Persistent, 8000);
        QVERIFY(persistent.isValid());
        QVERIFY2(persistent.blue() > persistent.red() + 60, qPrintable(persistent.name()));
    }

    // File > Export report… (Ctrl+E) is there and enabled; the exporter writes off the GUI
    // thread, announces start and end in the status bar, and a failure says what to do.
    void consoleExportsOffTheGuiThread()
    {
        ReportFixture fixture;
        QVERIFY(fixture.setUp(false).isEmpty());
        std::shared_ptr<Backend> backend = std::move(fixture.backend);
        ReservationService reservations(backend, *fixture.store);
        ProbeService probes(backend, *fixture.store);
        ui::MainWindow window(*fixture.store, reservations, probes);
        QAction* action = window.action(QStringLiteral("exportReport"));
        QVERIFY(action);
        QVERIFY(action->isEnabled());
        QCOMPARE(action->shortcut(), QKeySequence(QStringLiteral("Ctrl+E")));

        auto* exporter = window.findChild<ui::ReportExporter*>(QStringLiteral("reportExporter"));
        QVERIFY(exporter);
        QSignalSpy finished(exporter, &ui::ReportExporter::finished);
        QTemporaryDir dir;
        for (ReportFormat format :
             {ReportFormat::Pdf, ReportFormat::Html, ReportFormat::Csv, ReportFormat::Json}) {
            const QString path = dir.filePath(QStringLiteral("report.") + toText(format));
            QVERIFY(exporter->start(path, format));
            QVERIFY(exporter->busy());
            QVERIFY(!exporter->start(path, format)); // one at a time
            QVERIFY(finished.wait(60000));
            const QList<QVariant> args = finished.takeFirst();
            QVERIFY2(args.at(1).toBool(), qPrintable(args.at(2).toString()));
            QVERIFY(QFileInfo(path).size() > 100);
            QVERIFY2(window.statusBar()->currentMessage().contains(QStringLiteral("Exported the")),
                     qPrintable(window.statusBar()->currentMessage()));
        }

        const QString bad = dir.filePath(QStringLiteral("missing-folder/report.pdf"));
        QVERIFY(exporter->start(bad, ReportFormat::Pdf));
        QVERIFY(finished.wait(60000));
        const QList<QVariant> args = finished.takeFirst();
        QVERIFY(!args.at(1).toBool());
        const QString message = window.statusBar()->currentMessage();
        QVERIFY2(message.contains(QStringLiteral("Export failed")) &&
                     message.contains(QStringLiteral("missing-folder")),
                 qPrintable(message));
        QVERIFY(!QFileInfo::exists(bad));
    }

    // The window-less `portolan --export` on the same scenario writes exactly the goldens: the
    // command gathers and writes what the tests check.
    void commandLineExportMatchesTheGoldens_data()
    {
        QTest::addColumn<QString>("format");
        for (const char* f : {"csv", "json", "html", "pdf"})
            QTest::newRow(f) << QString::fromLatin1(f);
    }

    void commandLineExportMatchesTheGoldens()
    {
        QFETCH(QString, format);
        QTemporaryDir dir;
        ReportFixture fixture;
        fixture.databasePath = dir.filePath(QStringLiteral("portolan.sqlite"));
        QVERIFY(fixture.setUp(false).isEmpty());
        const QString out = dir.filePath(QStringLiteral("report.") + format);
        QProcess process;
        process.start(QStringLiteral(PORTOLAN_CONSOLE_EXE),
                      {QStringLiteral("--db"), fixture.databasePath, QStringLiteral("--scenario"),
                       QStringLiteral(PORTOLAN_SOURCE_DIR "/resources/scenarios/developer.json"),
                       QStringLiteral("--state"), dir.filePath(QStringLiteral("state.json")),
                       QStringLiteral("--generated-at"), QStringLiteral("2025-03-10T09:00:00Z"),
                       QStringLiteral("--export"), out});
        QVERIFY(process.waitForFinished(60000));
        QVERIFY2(process.exitCode() == 0, process.readAllStandardError().constData());
        QFile file(out);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray bytes = file.readAll();
        if (format == QLatin1String("pdf")) {
            const Extracted extracted = pdfToText(bytes);
            if (!extracted.skipReason.isEmpty())
                QSKIP(qPrintable(extracted.skipReason));
            QFile golden(goldenPath(QStringLiteral("report-plain.pdf.txt")));
            QVERIFY(golden.open(QIODevice::ReadOnly));
            QCOMPARE(normalised(extracted.text).toUtf8() + '\n', golden.readAll());
        } else {
            QFile golden(goldenPath(QStringLiteral("report-plain.") + format));
            QVERIFY(golden.open(QIODevice::ReadOnly));
            // Line by line, so that a failure shows the first line that differs.
            const QList<QByteArray> got = bytes.split('\n');
            const QList<QByteArray> want = golden.readAll().split('\n');
            for (qsizetype i = 0; i < std::min(got.size(), want.size()); ++i)
                QCOMPARE(got.at(i), want.at(i));
            QCOMPARE(got.size(), want.size());
        }
    }

    void commandLineRefusesAndReports_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<int>("exitCode");
        QTest::addColumn<QString>("message");
        QTest::newRow("unknown format")
            << QStringList{QStringLiteral("--format"), QStringLiteral("xls")} << 1
            << "allowed: csv, json, html, pdf";
        QTest::newRow("bad time") << QStringList{QStringLiteral("--generated-at"),
                                                 QStringLiteral("noon")}
                                  << 1 << "--generated-at";
        QTest::newRow("unwritable folder") << QStringList{QStringLiteral("--no-backend")} << 2
                                           << "Choose a folder you can write to";
    }

    void commandLineRefusesAndReports()
    {
        QFETCH(QStringList, args);
        QFETCH(int, exitCode);
        QFETCH(QString, message);
        QTemporaryDir dir;
        const QString out = exitCode == 2 ? dir.filePath(QStringLiteral("missing/report.pdf"))
                                          : dir.filePath(QStringLiteral("report.pdf"));
        QProcess process;
        process.start(QStringLiteral(PORTOLAN_CONSOLE_EXE),
                      QStringList{QStringLiteral("--db"), dir.filePath(QStringLiteral("p.sqlite")),
                                  QStringLiteral("--export"), out} +
                          args);
        QVERIFY(process.waitForFinished(60000));
        QCOMPARE(process.exitCode(), exitCode);
        const QString err = QString::fromUtf8(process.readAllStandardError());
        QVERIFY2(err.contains(message), qPrintable(err));
        QVERIFY(!QFileInfo::exists(out));
    }

    void fileNamesPickTheFormat_data()
    {
        QTest::addColumn<QString>("chosen");
        QTest::addColumn<int>("filter");
        QTest::addColumn<QString>("path");
        QTest::addColumn<QString>("format");
        QTest::newRow("extension wins") << "/tmp/r.csv" << 0 << "/tmp/r.csv"
                                        << "csv";
        QTest::newRow("htm") << "/tmp/r.htm" << 0 << "/tmp/r.htm"
                             << "html";
        QTest::newRow("no extension, JSON filter") << "/tmp/r" << 3 << "/tmp/r.json"
                                                   << "json";
        QTest::newRow("unknown extension, PDF filter") << "/tmp/r.txt" << 0 << "/tmp/r.txt.pdf"
                                                       << "pdf";
    }

    void fileNamesPickTheFormat()
    {
        QFETCH(QString, chosen);
        QFETCH(int, filter);
        QFETCH(QString, path);
        QFETCH(QString, format);
        const auto [resolved, f] =
            ui::ReportExporter::resolve(chosen, ui::ReportExporter::fileFilters().at(filter));
        QCOMPARE(resolved, path);
        QCOMPARE(toText(f), format);
    }
};

int main(int argc, char** argv)
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    QApplication::setFont(QFont(QStringLiteral("DejaVu Sans"), 9));
    ReportPdfTest test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_reportpdf.moc"
