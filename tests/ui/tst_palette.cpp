// The port map and the panels that explain a port, a bind failure or an error stay readable in
// a light and in a dark palette: every text they draw keeps a WCAG 2 contrast ratio of at least
// 4.5:1 against what is behind it.
//
// A widget is rendered through a paint engine that draws everything but the text onto an
// image and notes each text with its colour and place; the text is then measured against the
// image under it, so hatches, bands and label boxes count as the user sees them.

#include "portmapfixture.h"
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
#include <QPaintDevice>
#include <QPaintEngine>
#include <QPainter>
#include <QPainterPath>
#include <QStandardItemModel>
#include <QStyle>
#include <QTableView>
#include <QTest>
#include <QTextItem>
#include <QVBoxLayout>

#include <cmath>
#include <iterator>
#include <map>
#include <memory>

using namespace portolan;
using namespace portolan::ui;
using portolan::shelltest::Console;

namespace {

constexpr double kMinimumContrast = 4.5;

// WCAG 2: relative luminance of an sRGB colour, and the ratio of two.
double luminance(const QColor& c)
{
    auto channel = [](double v) {
        v /= 255.0;
        return v <= 0.04045 ? v / 12.92 : std::pow((v + 0.055) / 1.055, 2.4);
    };
    return 0.2126 * channel(c.red()) + 0.7152 * channel(c.green()) + 0.0722 * channel(c.blue());
}

double contrast(const QColor& a, const QColor& b)
{
    const double la = luminance(a);
    const double lb = luminance(b);
    return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

struct DrawnText
{
    QString text;
    QColor color;
    QRect rect; // the glyphs' ink, in device pixels
};

// Draws everything except text onto an image, through a plain QPainter, and lists the text.
// Where a text went is found by drawing it alone on a second, transparent image: a QLabel's
// rich text arrives as glyphs without characters or positions of their own.
class TextlessEngine : public QPaintEngine
{
public:
    explicit TextlessEngine(QImage* image)
        : QPaintEngine(AllFeatures), m_image(image),
          m_textLayer(image->size(), QImage::Format_ARGB32_Premultiplied)
    {
    }

    std::vector<DrawnText> texts;

    bool begin(QPaintDevice*) override
    {
        m_textLayer.fill(Qt::transparent);
        return m_painter.begin(m_image) && m_textPainter.begin(&m_textLayer);
    }
    bool end() override { return m_textPainter.end() && m_painter.end(); }
    Type type() const override { return User; }

    void updateState(const QPaintEngineState& s) override
    {
        follow(m_painter, s);
        follow(m_textPainter, s);
    }

    void drawRects(const QRectF* rects, int count) override { m_painter.drawRects(rects, count); }
    void drawLines(const QLineF* lines, int count) override { m_painter.drawLines(lines, count); }
    void drawEllipse(const QRectF& r) override { m_painter.drawEllipse(r); }
    void drawPath(const QPainterPath& path) override { m_painter.drawPath(path); }
    void drawPoints(const QPointF* points, int count) override
    {
        m_painter.drawPoints(points, count);
    }
    void drawPolygon(const QPointF* points, int count, PolygonDrawMode mode) override
    {
        if (mode == PolylineMode)
            m_painter.drawPolyline(points, count);
        else
            m_painter.drawPolygon(points, count,
                                  mode == WindingMode ? Qt::WindingFill : Qt::OddEvenFill);
    }
    void drawPixmap(const QRectF& r, const QPixmap& pm, const QRectF& sr) override
    {
        m_painter.drawPixmap(r, pm, sr);
    }
    void drawImage(const QRectF& r, const QImage& image, const QRectF& sr,
                   Qt::ImageConversionFlags) override
    {
        m_painter.drawImage(r, image, sr);
    }
    void drawTiledPixmap(const QRectF& r, const QPixmap& pm, const QPointF& offset) override
    {
        m_painter.drawTiledPixmap(r, pm, offset);
    }

    void drawTextItem(const QPointF& p, const QTextItem& item) override
    {
        m_textPainter.drawTextItem(p, item);
        const QRect ink = takeInk();
        if (!ink.isEmpty())
            texts.push_back({item.text(), m_painter.pen().color(), ink});
    }

private:
    static void follow(QPainter& painter, const QPaintEngineState& s)
    {
        const DirtyFlags dirty = s.state();
        if (dirty & DirtyTransform)
            painter.setTransform(s.transform());
        if (dirty & DirtyPen)
            painter.setPen(s.pen());
        if (dirty & DirtyBrush)
            painter.setBrush(s.brush());
        if (dirty & DirtyBrushOrigin)
            painter.setBrushOrigin(s.brushOrigin());
        if (dirty & DirtyFont)
            painter.setFont(s.font());
        if (dirty & DirtyBackground)
            painter.setBackground(s.backgroundBrush());
        if (dirty & DirtyBackgroundMode)
            painter.setBackgroundMode(s.backgroundMode());
        if (dirty & DirtyHints)
            painter.setRenderHints(s.renderHints());
        if (dirty & DirtyCompositionMode)
            painter.setCompositionMode(s.compositionMode());
        if (dirty & DirtyOpacity)
            painter.setOpacity(s.opacity());
        if (dirty & DirtyClipRegion)
            painter.setClipRegion(s.clipRegion(), s.clipOperation());
        if (dirty & DirtyClipPath)
            painter.setClipPath(s.clipPath(), s.clipOperation());
        if (dirty & DirtyClipEnabled)
            painter.setClipping(s.isClipEnabled());
    }

    // The box of what the last text left on the text layer, which is cleared again.
    QRect takeInk()
    {
        QRect ink;
        for (int y = 0; y < m_textLayer.height(); ++y) {
            const auto* line = reinterpret_cast<const QRgb*>(m_textLayer.constScanLine(y));
            for (int x = 0; x < m_textLayer.width(); ++x) {
                if (qAlpha(line[x]) > 0)
                    ink |= QRect(x, y, 1, 1);
            }
        }
        if (!ink.isEmpty()) {
            m_textPainter.save();
            m_textPainter.resetTransform();
            m_textPainter.setClipping(false);
            m_textPainter.setCompositionMode(QPainter::CompositionMode_Source);
            m_textPainter.fillRect(ink, Qt::transparent);
            m_textPainter.restore();
        }
        return ink;
    }

    QImage* m_image;
    QImage m_textLayer;
    QPainter m_painter;
    QPainter m_textPainter;
};

class TextlessDevice : public QPaintDevice
{
public:
    explicit TextlessDevice(QSize size)
        : m_image(size, QImage::Format_ARGB32_Premultiplied), m_engine(&m_image)
    {
        m_image.fill(Qt::magenta); // anything left unpainted shows up in the failures
    }

    QPaintEngine* paintEngine() const override { return &m_engine; }
    const QImage& image() const { return m_image; }
    const std::vector<DrawnText>& texts() const { return m_engine.texts; }

protected:
    int metric(PaintDeviceMetric metric) const override
    {
        switch (metric) {
        case PdmWidth:
            return m_image.width();
        case PdmHeight:
            return m_image.height();
        case PdmWidthMM:
            return m_image.widthMM();
        case PdmHeightMM:
            return m_image.heightMM();
        case PdmNumColors:
            return m_image.colorCount();
        case PdmDepth:
            return m_image.depth();
        case PdmDpiX:
            return m_image.logicalDpiX();
        case PdmDpiY:
            return m_image.logicalDpiY();
        case PdmPhysicalDpiX:
            return m_image.physicalDpiX();
        case PdmPhysicalDpiY:
            return m_image.physicalDpiY();
        case PdmDevicePixelRatio:
            return 1;
        case PdmDevicePixelRatioScaled:
            return int(devicePixelRatioFScale());
        }
        return 0;
    }

private:
    QImage m_image;
    mutable TextlessEngine m_engine;
};

// Every colour that makes up at least a tenth of the area behind a text: thin lines (a grid,
// a dashed edge) do not count, a hatch under a translucent label box does.
std::vector<QColor> backgroundsOf(const QImage& image, const QRect& rect)
{
    std::map<QRgb, int> counts;
    int total = 0;
    const QRect inside = rect & image.rect();
    for (int y = inside.top(); y <= inside.bottom(); ++y) {
        for (int x = inside.left(); x <= inside.right(); ++x) {
            ++counts[image.pixel(x, y)];
            ++total;
        }
    }
    std::vector<QColor> colors;
    for (const auto& [rgb, count] : counts) {
        if (count * 10 >= total)
            colors.push_back(QColor::fromRgb(rgb));
    }
    return colors;
}

// The texts of `widget` (or only those inside `area`, in widget coordinates) that are not
// readable, one line each.
QStringList unreadableTexts(QWidget* widget, const QRect& area = {}, int* checked = nullptr)
{
    TextlessDevice device(widget->size());
    widget->render(&device);
    QStringList problems;
    int count = 0;
    for (const DrawnText& t : device.texts()) {
        if (area.isValid() && !area.intersects(t.rect))
            continue;
        ++count;
        for (const QColor& background : backgroundsOf(device.image(), t.rect)) {
            const double ratio = contrast(t.color, background);
            if (ratio < kMinimumContrast)
                problems << QStringLiteral("'%1' at (%2,%3) %4 on %5: %6:1")
                                .arg(t.text)
                                .arg(t.rect.x())
                                .arg(t.rect.y())
                                .arg(t.color.name(), background.name())
                                .arg(ratio, 0, 'f', 2);
        }
    }
    if (checked)
        *checked = count;
    return problems;
}

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
    void darkIsTold_data() { addPalettes(); }
    void darkIsTold();
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

void TestPalette::darkIsTold()
{
    QFETCH(QString, palette);
    usePalette(palette);
    QCOMPARE(isDark(QApplication::palette()), palette == QLatin1String("dark"));
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
                                 "discover",     "import",   "zoom in", "zoom out", "refresh"};
    static_assert(std::size(names) == std::size_t(IconKind::Refresh) + 1);
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
