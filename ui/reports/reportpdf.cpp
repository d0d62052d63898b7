// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/reports/reportpdf.h"

#include <QAbstractTextDocumentLayout>
#include <QBuffer>
#include <QFont>
#include <QFontMetricsF>
#include <QPageLayout>
#include <QPageSize>
#include <QPainter>
#include <QPdfWriter>
#include <QTextBlock>
#include <QTextCursor>
#include <QTextDocument>
#include <QTextTable>
#include <QUrl>

#include <algorithm>
#include <cmath>
#include <limits>

namespace portolan::ui {
namespace {

constexpr int kResolution = 300;           // dots per inch of the PDF's coordinate space
constexpr double kFooterHeightInch = 0.25; // room for "page n of m"
constexpr double kPdfMapFontSize = 15;     // drawing units of the 1000-unit-wide map

QColor colour(const char* hex)
{
    return QColor(QLatin1String(hex));
}

void fillHatched(QPainter& p, const QRectF& r, const QColor& base, const QColor& lines,
                 Qt::BrushStyle style, const QColor& outline, double scale)
{
    p.fillRect(r, base);
    QBrush hatch(lines, style);
    // Pattern brushes are 8 device pixels a tile: scale them with the drawing.
    hatch.setTransform(
        QTransform::fromScale(std::max(1.0, scale / 1.5), std::max(1.0, scale / 1.5)));
    p.fillRect(r, hatch);
    p.setPen(QPen(outline, std::max(1.0, scale * 0.8)));
    p.setBrush(Qt::NoBrush);
    p.drawRect(r);
}

// Moves row `row` of `table`, whose top is at `top`, to the start of the next page by growing
// the bottom padding of the row above it by what is left of the page (in the document's
// 96-dpi units); the layout is redone when the format changes.
void pushRowToNextPage(QTextTable& table, int row, double top, double pageHeight,
                       double deviceScale)
{
    const double push = ((std::floor(top / pageHeight) + 1) * pageHeight - top + 4) / deviceScale;
    for (int c = 0; c < table.columns(); ++c) {
        QTextTableCell above = table.cellAt(row - 1, c);
        QTextTableCellFormat format = above.format().toTableCellFormat();
        const double current = format.hasProperty(QTextFormat::TableCellBottomPadding)
                                   ? format.bottomPadding()
                                   : table.format().cellPadding();
        format.setBottomPadding(current + push);
        above.setFormat(format);
    }
}

// QTextDocument splits a table row across pages when it does not fit. A row short enough for
// one page is instead pushed to the next one, by growing the bottom padding of the row above
// it until the row starts below the page boundary; the layout is redone after each change.
void keepRowsTogether(QTextDocument& document, double pageHeight, double deviceScale)
{
    QAbstractTextDocumentLayout* layout = document.documentLayout();
    auto pageOf = [pageHeight](double y) { return int(std::floor(y / pageHeight)); };
    for (int pass = 0; pass < 200; ++pass) {
        bool changed = false;
        const QList<QTextFrame*> frames = document.rootFrame()->childFrames();
        for (QTextFrame* frame : frames) {
            auto* table = qobject_cast<QTextTable*>(frame);
            if (!table)
                continue;
            const int headers = table->format().headerRowCount();
            for (int r = std::max(1, headers); r < table->rows() && !changed; ++r) {
                double top = std::numeric_limits<double>::max();
                double bottom = std::numeric_limits<double>::lowest();
                for (int c = 0; c < table->columns(); ++c) {
                    const QTextTableCell cell = table->cellAt(r, c);
                    for (QTextBlock b = cell.firstCursorPosition().block();
                         b.isValid() && b.position() <= cell.lastCursorPosition().position();
                         b = b.next()) {
                        const QRectF rect = layout->blockBoundingRect(b);
                        top = std::min(top, rect.top());
                        bottom = std::max(bottom, rect.bottom());
                    }
                }
                if (top > bottom || pageOf(top) == pageOf(bottom - 1) ||
                    bottom - top > pageHeight / 2)
                    continue;
                pushRowToNextPage(*table, r, top, pageHeight, deviceScale);
                changed = true;
            }
            if (changed)
                break;
        }
        if (!changed)
            return;
    }
}

// The last non-blank block before `block` (the blank ones are the spacers between sections).
QTextBlock previousContent(QTextBlock block)
{
    for (block = block.previous(); block.isValid(); block = block.previous()) {
        const QString text = block.text().trimmed();
        if (!text.isEmpty() && text != QString(QChar::Nbsp))
            return block;
    }
    return {};
}

// The closing sentence of the report must not stand alone on a last page: when it starts on a
// page after the content before it (or is split across two), the last row of that table goes
// with it — or, for a table of one row or a paragraph, the section from its title on.
void keepFooterWithContent(QTextDocument& document, double pageHeight, double deviceScale)
{
    QAbstractTextDocumentLayout* layout = document.documentLayout();
    auto pageOf = [pageHeight](double y) { return int(std::floor(y / pageHeight)); };
    for (int pass = 0; pass < 4; ++pass) {
        QTextBlock footer = document.lastBlock();
        if (footer.text().trimmed().isEmpty() || footer.text().trimmed() == QString(QChar::Nbsp))
            footer = previousContent(footer);
        const QTextBlock before = previousContent(footer);
        if (!footer.isValid() || !before.isValid())
            return;
        const QRectF footerRect = layout->blockBoundingRect(footer);
        const QRectF beforeRect = layout->blockBoundingRect(before);
        const int page = pageOf(footerRect.top());
        if (page == pageOf(beforeRect.bottom() - 1) && page == pageOf(footerRect.bottom() - 1))
            return;
        QTextTable* table = QTextCursor(before).currentTable();
        const int headers = table ? table->format().headerRowCount() : 0;
        if (table && table->rows() - headers >= 2) {
            // The last row still before the footer's page goes to that page.
            const int last = table->rows() - 1;
            const double top =
                layout->blockBoundingRect(table->cellAt(last, 0).firstCursorPosition().block())
                    .top();
            pushRowToNextPage(*table, last, top, pageHeight, deviceScale);
            continue;
        }
        // The section's title starts a page, and the rest follows it.
        const QTextBlock title =
            previousContent(table ? table->firstCursorPosition().block() : before);
        if (!title.isValid())
            return;
        QTextCursor cursor(title);
        QTextBlockFormat format = cursor.blockFormat();
        if (format.pageBreakPolicy() & QTextFormat::PageBreak_AlwaysBefore)
            return;
        format.setPageBreakPolicy(QTextFormat::PageBreak_AlwaysBefore);
        cursor.setBlockFormat(format);
    }
}

struct Prepared
{
    double pageWidth = 0;
    double pageHeight = 0;
    double footer = 0;
};

// Lays the report out on the writer's pages: the map image, the rich text, the rows kept
// whole and the closing sentence kept with what comes before it.
Prepared prepare(QTextDocument& document, QPdfWriter& writer, const ReportData& data)
{
    writer.setResolution(kResolution);
    writer.setPageLayout(QPageLayout(QPageSize(QPageSize::A4), QPageLayout::Portrait,
                                     QMarginsF(14, 14, 14, 12), QPageLayout::Millimeter));
    writer.setTitle(data.title);
    writer.setCreator(QStringLiteral("Portolan"));

    Prepared p;
    p.pageWidth = writer.width();
    p.footer = kFooterHeightInch * kResolution;
    p.pageHeight = writer.height() - p.footer;

    document.documentLayout()->setPaintDevice(&writer);
    QFont font(QStringLiteral("DejaVu Sans"));
    font.setPointSizeF(8);
    document.setDefaultFont(font);
    document.setPageSize(QSizeF(p.pageWidth, p.pageHeight));
    document.setDocumentMargin(0);
    // The map fills the text width: drawn at the page's resolution, shown at its device
    // pixel ratio so that QTextDocument's 96-dpi image scaling lands on exactly that width.
    const int mapWidth = int(p.pageWidth) - 8;
    // On paper the map is 18 cm wide: larger labels than on a screen keep them legible.
    QImage map = ReportPdf::mapImage(data, mapWidth, kPdfMapFontSize);
    map.setDevicePixelRatio(double(kResolution) / 96.0);
    document.addResource(QTextDocument::ImageResource, QUrl(QStringLiteral("portolan:portmap")),
                         map);
    document.setHtml(QString::fromUtf8(reportHtml(data, HtmlFlavor::RichText)));
    keepRowsTogether(document, p.pageHeight, double(kResolution) / 96.0);
    keepFooterWithContent(document, p.pageHeight, double(kResolution) / 96.0);
    return p;
}

} // namespace

void ReportPdf::paintMap(QPainter& p, const ReportMapLayout& layout, const QRectF& target)
{
    const double s = target.width() / layout.width;
    auto rect = [&](const QRectF& r) {
        return QRectF(target.x() + r.x() * s, target.y() + r.y() * s, r.width() * s,
                      r.height() * s);
    };
    auto point = [&](const QPointF& pt) {
        return QPointF(target.x() + pt.x() * s, target.y() + pt.y() * s);
    };
    p.save();
    p.setRenderHint(QPainter::Antialiasing);
    p.setRenderHint(QPainter::TextAntialiasing);
    for (const ReportMapShape& shape : layout.shapes) {
        switch (shape.kind) {
        case ReportMapShape::Kind::Track:
            p.fillRect(rect(shape.rect), colour("#f4f4f4"));
            p.setPen(QPen(colour("#999999"), std::max(1.0, s)));
            p.setBrush(Qt::NoBrush);
            p.drawRect(rect(shape.rect));
            break;
        case ReportMapShape::Kind::Dynamic: {
            p.fillRect(rect(shape.rect), colour("#dde6ee"));
            QPen pen(colour("#6b7f93"), std::max(1.0, s));
            pen.setStyle(Qt::DashLine);
            p.setPen(pen);
            p.setBrush(Qt::NoBrush);
            p.drawRect(rect(shape.rect));
            break;
        }
        case ReportMapShape::Kind::Persistent:
            fillHatched(p, rect(shape.rect), colour("#0072b2"), colour("#8cc0e0"), Qt::BDiagPattern,
                        colour("#00466e"), s);
            break;
        case ReportMapShape::Kind::Runtime:
            fillHatched(p, rect(shape.rect), colour("#e69f00"), colour("#fbe3b0"), Qt::FDiagPattern,
                        colour("#8a5f00"), s);
            break;
        case ReportMapShape::Kind::Leader:
        case ReportMapShape::Kind::Tick:
            p.setPen(QPen(shape.kind == ReportMapShape::Kind::Leader ? colour("#555555")
                                                                     : colour("#333333"),
                          std::max(1.0, s)));
            p.drawLine(QLineF(point(shape.line.p1()), point(shape.line.p2())));
            break;
        case ReportMapShape::Kind::Text: {
            QFont font(QStringLiteral("DejaVu Sans"));
            font.setPixelSize(std::max(1, qRound(shape.fontSize * s)));
            font.setBold(shape.bold);
            p.setFont(font);
            p.setPen(colour("#1a1a1a"));
            const double w = QFontMetricsF(font).horizontalAdvance(shape.text);
            QPointF at = point(shape.at);
            if (shape.anchor == ReportMapShape::Anchor::Middle)
                at.rx() -= w / 2;
            else if (shape.anchor == ReportMapShape::Anchor::End)
                at.rx() -= w;
            p.drawText(at, shape.text);
            break;
        }
        }
    }
    p.restore();
}

QImage ReportPdf::mapImage(const ReportData& data, int widthPx, double fontSize)
{
    const ReportMapLayout layout = layoutReportMap(data, fontSize);
    const int height = qCeil(layout.height * widthPx / layout.width);
    QImage image(widthPx, height, QImage::Format_ARGB32_Premultiplied);
    image.fill(Qt::white);
    QPainter painter(&image);
    paintMap(painter, layout, QRectF(0, 0, widthPx, height));
    painter.end();
    return image;
}

QList<QStringList> ReportPdf::pageTexts(const ReportData& data)
{
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    QPdfWriter writer(&buffer);
    QTextDocument document;
    const Prepared p = prepare(document, writer, data);
    QList<QStringList> pages(document.pageCount());
    QAbstractTextDocumentLayout* layout = document.documentLayout();
    for (QTextBlock b = document.begin(); b.isValid(); b = b.next()) {
        const QString text = b.text().trimmed();
        if (text.isEmpty() || text == QString(QChar::Nbsp))
            continue;
        const int page = int(std::floor(layout->blockBoundingRect(b).top() / p.pageHeight));
        if (page >= 0 && page < pages.size())
            pages[page] << text;
    }
    return pages;
}

Result<QByteArray> ReportPdf::render(const ReportData& data)
{
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    QPdfWriter writer(&buffer);
    QTextDocument document;
    const Prepared prepared = prepare(document, writer, data);
    const double pageWidth = prepared.pageWidth;
    const double pageHeight = prepared.pageHeight;
    const double footer = prepared.footer;

    const int pages = document.pageCount();
    QPainter painter;
    if (!painter.begin(&writer))
        return Error{ErrorKind::IoError, 0, {}, tr("The PDF could not be started.").toStdString()};
    QFont footerFont(QStringLiteral("DejaVu Sans"));
    footerFont.setPointSizeF(7.5);
    for (int page = 0; page < pages; ++page) {
        if (page > 0)
            writer.newPage();
        painter.save();
        painter.translate(0, -page * pageHeight);
        document.drawContents(&painter, QRectF(0, page * pageHeight, pageWidth, pageHeight));
        painter.restore();
        painter.setFont(footerFont);
        painter.setPen(QColor(0x55, 0x55, 0x55));
        const QRectF footerRect(0, pageHeight, pageWidth, footer);
        const QString pageText = tr("page %1 of %2").arg(page + 1).arg(pages);
        const QFontMetricsF metrics(footerFont, &writer);
        const QString left = metrics.elidedText(
            tr("%1 · %2").arg(data.title, data.generatedAt.toUTC().toString(
                                              QStringLiteral("yyyy-MM-dd HH:mm 'UTC'"))),
            Qt::ElideRight, pageWidth - metrics.horizontalAdvance(pageText) - 0.3 * kResolution);
        painter.drawText(footerRect, Qt::AlignLeft | Qt::AlignBottom, left);
        painter.drawText(footerRect, Qt::AlignRight | Qt::AlignBottom, pageText);
    }
    painter.end();
    buffer.close();
    return bytes;
}

Result<void> exportReport(const ReportData& data, ReportFormat format, const QString& path)
{
    Result<QByteArray> bytes =
        format == ReportFormat::Pdf ? ReportPdf::render(data) : ReportWriter::render(data, format);
    if (!bytes)
        return bytes.error();
    return ReportWriter::writeFile(path, bytes.value());
}

} // namespace portolan::ui
