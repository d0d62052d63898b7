// SPDX-License-Identifier: GPL-3.0-or-later
// The port map and the panels that explain a port, a bind failure or an error stay readable in
// a light and in a dark palette: every text they draw keeps a WCAG 2 contrast ratio of at least
// 4.5:1 against what is behind it.
//
// A widget is rendered through a paint engine that draws everything but the text onto an
// image and notes each text with its colour and place; the text is then measured against the
// image under it, so hatches, bands and label boxes count as the user sees them.

#include "portmapfixture.h"
#include "textlessdevice.h"
#include "tst_mainwindow_fixture.h"

#include "ui/colorscheme.h"
#include "ui/elevation.h"
#include "ui/formsupport.h"
#include "ui/icons.h"
#include "ui/portmap/portmappage.h"
#include "ui/portmap/portmapwidget.h"
#include "ui/statusbarinfo.h"
#include "ui/toneitemdelegate.h"

#include "model/itemmodels/modelroles.h"

#include <QApplication>
#include <QLabel>
#include <QLineEdit>
#include <QStandardItemModel>
#include <QTableView>
#include <QTest>
#include <QVBoxLayout>

#include <iterator>

using namespace portolan;
using namespace portolan::ui;
using portolan::shelltest::Console;

namespace {

using namespace portolan::uitest;

void usePalette(const QString& name)
{
    QApplication::setStyle(QStringLiteral("Fusion"));
    QApplication::setPalette(name == QLatin1String("dark") ? darkPalette() : lightPalette());
}

void addPalettes()
{
    QTest::addColumn<QString>("palette");
    QTest::newRow("light") << QStringLiteral("light");
    QTest::newRow("dark") << QStringLiteral("dark");
}

} // namespace

class TestPalette : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void paletteFromEnvironment_data();
    void paletteFromEnvironment();
    void portMapTextIsReadable_data();
    void portMapTextIsReadable();
    void schemeColorsAreReadable_data();
    void schemeColorsAreReadable();
    void bindFailureExplanationIsReadable_data() { addPalettes(); }
    void bindFailureExplanationIsReadable();
    void tonedRowsAreReadable_data() { addPalettes(); }
    void tonedRowsAreReadable();
    void elevationIsReadable_data() { addPalettes(); }
    void elevationIsReadable();
    void fieldErrorsAreReadable_data() { addPalettes(); }
    void fieldErrorsAreReadable();
    void iconsStandOutFromADarkWindow_data();
    void iconsStandOutFromADarkWindow();
};

void TestPalette::init()
{
    QApplication::setFont(QFont(QStringLiteral("DejaVu Sans"), 9));
}

void TestPalette::paletteFromEnvironment_data()
{
    QTest::addColumn<QByteArray>("value");
    QTest::addColumn<bool>("dark");
    QTest::addColumn<QString>("problem");
    QTest::newRow("dark") << QByteArray("dark") << true << QString();
    QTest::newRow("light") << QByteArray("light") << false << QString();
    QTest::newRow("unset") << QByteArray() << true << QString(); // the dark one stays
    QTest::newRow("unknown") << QByteArray("sepia") << true
                             << QStringLiteral("PORTOLAN_PALETTE: 'sepia' is not a palette; "
                                               "allowed: dark, light");
}

// PORTOLAN_PALETTE picks the palette (screenshots use it); a wrong value changes nothing.
void TestPalette::paletteFromEnvironment()
{
    QFETCH(QByteArray, value);
    QFETCH(bool, dark);
    QFETCH(QString, problem);
    usePalette(QStringLiteral("dark"));
    if (value.isEmpty())
        qunsetenv("PORTOLAN_PALETTE");
    else
        qputenv("PORTOLAN_PALETTE", value);
    QCOMPARE(applyPaletteFromEnvironment(), problem);
    qunsetenv("PORTOLAN_PALETTE");
    QCOMPARE(isDark(QApplication::palette()), dark);
    QCOMPARE(QApplication::palette().color(QPalette::Window),
             (dark ? darkPalette() : lightPalette()).color(QPalette::Window));
}

void TestPalette::portMapTextIsReadable_data()
{
    QTest::addColumn<QString>("palette");
    QTest::addColumn<int>("first");
    QTest::addColumn<int>("last");
    QTest::addColumn<int>("current");
    QTest::addColumn<bool>("select");
    // The views of scripts/screenshot-portmap: every kind of label the map has (block labels
    // inside and above the lanes, the dynamic range, listeners, scan words, cells, axis).
    const struct
    {
        const char* name;
        int first;
        int last;
        int current;
        bool select;
    } views[] = {
        {"overview", 0, 65535, 3000, false},           {"2800-3400", 2800, 3400, 3000, false},
        {"around 3000", 2980, 3019, 3000, false},      {"cells", 2994, 3005, 3000, false},
        {"listeners", 5000, 8100, 5173, false},        {"HNS selected", 49900, 50200, 50030, true},
        {"dynamic range", 48000, 65535, 60000, false},
    };
    for (const char* palette : {"light", "dark"}) {
        for (const auto& v : views) {
            QTest::addRow("%s, %s", palette, v.name)
                << QString::fromLatin1(palette) << v.first << v.last << v.current << v.select;
        }
    }
}

void TestPalette::portMapTextIsReadable()
{
    QFETCH(QString, palette);
    QFETCH(int, first);
    QFETCH(int, last);
    QFETCH(int, current);
    QFETCH(bool, select);
    usePalette(palette);
    PortMapWidget map;
    map.setData(fixture::developerMachine());
    map.resize(1280, 340);
    map.showRange(quint16(first), quint16(last));
    map.setCurrentPort(Protocol::Tcp, quint16(current));
    if (select)
        map.selectBlock(fixture::runtimeBlock(Protocol::Udp, 50000, 60, fixture::kHns));
    int checked = 0;
    const QStringList problems = unreadableTexts(&map, {}, &checked);
    QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QLatin1Char('\n'))));
    QVERIFY2(checked >= 15, qPrintable(QString::number(checked))); // legend, lanes, axis, status
}

// The console's own text colours on the palette's backgrounds, also those no test renders.
void TestPalette::schemeColorsAreReadable_data()
{
    QTest::addColumn<QString>("palette");
    QTest::addColumn<int>("color");
    QTest::addColumn<int>("background");
    const struct
    {
        const char* name;
        SchemeColor color;
    } texts[] = {
        {"ok", SchemeColor::OkText},           {"warning", SchemeColor::WarningText},
        {"error", SchemeColor::ErrorText},     {"muted", SchemeColor::MutedText},
        {"invalid", SchemeColor::InvalidText},
    };
    const struct
    {
        const char* name;
        QPalette::ColorRole role;
    } backgrounds[] = {
        {"window", QPalette::Window},
        {"base", QPalette::Base},
        {"alternate base", QPalette::AlternateBase},
    };
    for (const char* palette : {"light", "dark"}) {
        for (const auto& t : texts) {
            for (const auto& b : backgrounds) {
                QTest::addRow("%s, %s on %s", palette, t.name, b.name)
                    << QString::fromLatin1(palette) << int(t.color) << int(b.role);
            }
        }
    }
}

void TestPalette::schemeColorsAreReadable()
{
    QFETCH(QString, palette);
    QFETCH(int, color);
    QFETCH(int, background);
    const QPalette p = palette == QLatin1String("dark") ? darkPalette() : lightPalette();
    const QColor text = schemeColor(SchemeColor(color), p);
    const QColor behind = p.color(QPalette::ColorRole(background));
    QVERIFY2(contrast(text, behind) >= kMinimumContrast,
             qPrintable(QStringLiteral("%1 on %2: %3:1")
                            .arg(text.name(), behind.name())
                            .arg(contrast(text, behind), 0, 'f', 2)));
}

// The Port map page after "Test bind" on TCP 3000: the map, the port's explanation and the
// bind's failure with its code, as the user reads why 3000 fails.
void TestPalette::bindFailureExplanationIsReadable()
{
    QFETCH(QString, palette);
    usePalette(palette);
    auto console = Console::make();
    QVERIFY(console);
    PortMapPage page(*console->probes);
    page.resize(1280, 700);
    PortMapData data = fixture::developerMachine();
    page.map()->setData(data);
    page.map()->showRange(2800, 3400);
    page.map()->setCurrentPort(Protocol::Tcp, 3000);
    page.probeCurrentPort();
    QTRY_VERIFY_WITH_TIMEOUT(page.bindResultLabel()->text().contains(QStringLiteral("WSAEACCES")),
                             10000);
    page.show();
    QVERIFY(QTest::qWaitForWindowExposed(&page));
    for (QWidget* panel :
         {static_cast<QWidget*>(page.map()), static_cast<QWidget*>(page.explanationLabel()),
          static_cast<QWidget*>(page.bindResultLabel())}) {
        int checked = 0;
        const QStringList problems = unreadableTexts(
            &page, QRect(panel->mapTo(&page, QPoint(0, 0)), panel->size()), &checked);
        QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QLatin1Char('\n'))));
        QVERIFY2(checked >= 2, qPrintable(panel->objectName()));
    }
}

// The history's results: ok, warning, error and muted rows (ToneItemDelegate).
void TestPalette::tonedRowsAreReadable()
{
    QFETCH(QString, palette);
    usePalette(palette);
    QStandardItemModel model(0, 2);
    for (const char* tone : {"ok", "warning", "error", "muted"}) {
        QList<QStandardItem*> row{new QStandardItem(QStringLiteral("TCP 3000")),
                                  new QStandardItem(QString::fromLatin1(tone))};
        for (QStandardItem* item : row)
            item->setData(QString::fromLatin1(tone), ToneRole);
        model.appendRow(row);
    }
    QTableView view;
    view.setModel(&model);
    view.setAlternatingRowColors(true);
    view.setItemDelegate(new ToneItemDelegate(&view, 1));
    view.resize(400, 200);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    const QRect cells = view.viewport()->geometry();
    int checked = 0;
    const QStringList problems = unreadableTexts(&view, cells, &checked);
    QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QLatin1Char('\n'))));
    QVERIFY2(checked >= 8, qPrintable(QString::number(checked))); // 4 rows, 2 columns
}

// The status bar's "elevated" / "not elevated" and the banner that offers to restart.
void TestPalette::elevationIsReadable()
{
    QFETCH(QString, palette);
    usePalette(palette);
    for (const char* scenario : {"developer.json", "installer-range.json"}) {
        auto console = Console::make(scenario);
        QVERIFY(console);
        QWidget window;
        auto* layout = new QVBoxLayout(&window);
        auto* info = new StatusBarInfo(*console->backend, QStringLiteral("HOST"),
                                       QStringLiteral("/tmp/portolan.sqlite"), &window);
        info->setElevated(console->backend->isElevated());
        auto* banner = new ElevationBanner(*console->backend, &window);
        layout->addWidget(info);
        layout->addWidget(banner);
        window.resize(900, 160);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        const QStringList problems = unreadableTexts(&window);
        QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QLatin1Char('\n'))));
    }
}

// A form's error line and an invalid field with its text.
void TestPalette::fieldErrorsAreReadable()
{
    QFETCH(QString, palette);
    usePalette(palette);
    QWidget form;
    auto* layout = new QVBoxLayout(&form);
    auto* field = new QLineEdit(QStringLiteral("70000"), &form);
    QLabel* errors = makeErrorLabel(&form);
    layout->addWidget(field);
    layout->addWidget(errors);
    setFieldError(field, QStringLiteral("start: 70000 is not a port; allowed: 1-65535"));
    showErrors(errors, {QStringLiteral("start: 70000 is not a port; allowed: 1-65535")});
    form.resize(500, 120);
    form.show();
    QVERIFY(QTest::qWaitForWindowExposed(&form));
    int checked = 0;
    const QStringList problems = unreadableTexts(&form, {}, &checked);
    QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QLatin1Char('\n'))));
    QVERIFY2(checked >= 2, qPrintable(QString::number(checked))); // the field and the label
}

void TestPalette::iconsStandOutFromADarkWindow_data()
{
    QTest::addColumn<int>("kind");
    const char* const names[] = {"reservations", "port map", "probes",  "scan",     "history",
                                 "new",          "lookup",   "delete",  "verify",   "note",
                                 "discover",     "import",   "zoom in", "zoom out", "refresh",
                                 "fleet"};
    static_assert(std::size(names) == std::size_t(IconKind::Fleet) + 1);
    for (int kind = 0; kind < int(std::size(names)); ++kind)
        QTest::newRow(names[kind]) << kind;
}

// WCAG asks 3:1 of a graphic against what is around it. Most of what an icon draws solidly
// (edges smoothed into the background aside) reaches that on the dark window: the dark grey
// and the blue of the light icons would not.
void TestPalette::iconsStandOutFromADarkWindow()
{
    QFETCH(int, kind);
    usePalette(QStringLiteral("dark"));
    const QColor window = QApplication::palette().color(QPalette::Window);
    const QImage image =
        icon(IconKind(kind)).pixmap(48, 48).toImage().convertToFormat(QImage::Format_ARGB32);
    QCOMPARE(image.width(), 48);
    int drawn = 0;
    int standingOut = 0;
    for (int y = 0; y < image.height(); ++y) {
        for (int x = 0; x < image.width(); ++x) {
            const QRgb px = image.pixel(x, y);
            if (qAlpha(px) < 230)
                continue;
            const double a = qAlpha(px) / 255.0;
            const QColor seen(int(qRed(px) * a + window.red() * (1 - a)),
                              int(qGreen(px) * a + window.green() * (1 - a)),
                              int(qBlue(px) * a + window.blue() * (1 - a)));
            ++drawn;
            standingOut += contrast(seen, window) >= 3.0 ? 1 : 0;
        }
    }
    QVERIFY2(drawn > 100, qPrintable(QString::number(drawn)));
    QVERIFY2(standingOut * 4 >= drawn * 3,
             qPrintable(QStringLiteral("%1 of %2 pixels").arg(standingOut).arg(drawn)));
}

int main(int argc, char** argv)
{
    if (!qEnvironmentVariableIsSet("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    TestPalette test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_palette.moc"
