// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Renders a widget with its text left out and lists the text it drew, so that each text can be
// measured against what is really under it (tst_palette).

#include <QImage>
#include <QPaintDevice>
#include <QPaintEngine>
#include <QPainter>
#include <QPainterPath>
#include <QStringList>
#include <QTextItem>
#include <QWidget>

#include <cmath>
#include <map>
#include <vector>

namespace portolan::uitest {

inline constexpr double kMinimumContrast = 4.5;

// WCAG 2: relative luminance of an sRGB colour, and the ratio of two.
inline double luminance(const QColor& c)
{
    auto channel = [](double v) {
        v /= 255.0;
        return v <= 0.04045 ? v / 12.92 : std::pow((v + 0.055) / 1.055, 2.4);
    };
    return 0.2126 * channel(c.red()) + 0.7152 * channel(c.green()) + 0.0722 * channel(c.blue());
}

inline double contrast(const QColor& a, const QColor& b)
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
inline std::vector<QColor> backgroundsOf(const QImage& image, const QRect& rect)
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
inline QStringList unreadableTexts(QWidget* widget, const QRect& area = {}, int* checked = nullptr)
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

} // namespace portolan::uitest
