#include "icons.h"

#include <QPainter>
#include <QPainterPath>
#include <QPixmap>

namespace portolan::ui {
namespace {

// The Okabe–Ito blue of the port map, and a dark grey for outlines.
const QColor kBlue(0x00, 0x72, 0xb2);
const QColor kOrange(0xe6, 0x9f, 0x00);
const QColor kGreen(0x00, 0x9e, 0x73);
const QColor kRed(0xd5, 0x5e, 0x00);
const QColor kInk(0x33, 0x33, 0x33);

void drawMagnifier(QPainter& p, QColor color)
{
    p.setPen(QPen(color, 3, Qt::SolidLine, Qt::RoundCap));
    p.setBrush(Qt::NoBrush);
    p.drawEllipse(QRectF(5, 5, 15, 15));
    p.drawLine(QPointF(18, 18), QPointF(26, 26));
}

void draw(QPainter& p, IconKind kind)
{
    p.setRenderHint(QPainter::Antialiasing);
    switch (kind) {
    case IconKind::Reservations:
        p.setPen(Qt::NoPen);
        for (int i = 0; i < 4; ++i) {
            p.setBrush(i == 1 ? kBlue : kInk);
            p.drawRoundedRect(QRectF(4, 5 + i * 6.5, 24, 4.5), 1.5, 1.5);
        }
        break;
    case IconKind::PortMap:
        p.setPen(QPen(kInk, 1.5));
        p.setBrush(Qt::NoBrush);
        p.drawRect(QRectF(3, 6, 26, 8));
        p.drawRect(QRectF(3, 18, 26, 8));
        p.setPen(Qt::NoPen);
        p.setBrush(kBlue);
        p.drawRect(QRectF(8, 7, 5, 6));
        p.setBrush(kOrange);
        p.drawRect(QRectF(16, 7, 9, 6));
        p.drawRect(QRectF(18, 19, 7, 6));
        break;
    case IconKind::Probes: {
        QPainterPath flask;
        flask.moveTo(12, 4);
        flask.lineTo(20, 4);
        flask.moveTo(13, 4);
        flask.lineTo(13, 13);
        flask.lineTo(5, 27);
        flask.lineTo(27, 27);
        flask.lineTo(19, 13);
        flask.lineTo(19, 4);
        p.setPen(QPen(kInk, 2, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
        p.setBrush(Qt::NoBrush);
        p.drawPath(flask);
        QPainterPath liquid;
        liquid.moveTo(9.5, 20);
        liquid.lineTo(22.5, 20);
        liquid.lineTo(26, 26);
        liquid.lineTo(6, 26);
        liquid.closeSubpath();
        p.setPen(Qt::NoPen);
        p.setBrush(kGreen);
        p.drawPath(liquid);
        break;
    }
    case IconKind::Scan:
        p.setPen(QPen(kInk, 2));
        p.setBrush(Qt::NoBrush);
        p.drawEllipse(QRectF(4, 4, 24, 24));
        p.drawEllipse(QRectF(10, 10, 12, 12));
        p.setPen(Qt::NoPen);
        p.setBrush(kGreen);
        p.drawPie(QRectF(4, 4, 24, 24), 30 * 16, 50 * 16);
        break;
    case IconKind::History:
        p.setPen(QPen(kInk, 2, Qt::SolidLine, Qt::RoundCap));
        p.setBrush(Qt::NoBrush);
        p.drawEllipse(QRectF(4, 4, 24, 24));
        p.setPen(QPen(kBlue, 2.5, Qt::SolidLine, Qt::RoundCap));
        p.drawLine(QPointF(16, 16), QPointF(16, 8));
        p.drawLine(QPointF(16, 16), QPointF(22, 19));
        break;
    case IconKind::New:
        p.setPen(Qt::NoPen);
        p.setBrush(kGreen);
        p.drawRoundedRect(QRectF(13, 4, 6, 24), 2, 2);
        p.drawRoundedRect(QRectF(4, 13, 24, 6), 2, 2);
        break;
    case IconKind::Lookup:
        drawMagnifier(p, kBlue);
        break;
    case IconKind::Delete:
        p.setPen(QPen(kRed, 2, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
        p.setBrush(Qt::NoBrush);
        p.drawLine(QPointF(6, 8), QPointF(26, 8));
        p.drawLine(QPointF(13, 8), QPointF(13, 5));
        p.drawLine(QPointF(13, 5), QPointF(19, 5));
        p.drawLine(QPointF(19, 5), QPointF(19, 8));
        p.drawRoundedRect(QRectF(8, 10, 16, 18), 2, 2);
        p.drawLine(QPointF(13, 14), QPointF(13, 24));
        p.drawLine(QPointF(19, 14), QPointF(19, 24));
        break;
    case IconKind::Verify:
        p.setPen(QPen(kGreen, 4, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
        p.setBrush(Qt::NoBrush);
        p.drawPolyline(QPolygonF({QPointF(5, 17), QPointF(12, 24), QPointF(27, 8)}));
        break;
    case IconKind::Note: {
        p.setPen(QPen(kInk, 1.5));
        p.setBrush(QColor(0xff, 0xf4, 0xce));
        p.drawRect(QRectF(5, 4, 18, 24));
        p.setPen(QPen(kInk, 1.2));
        for (int y = 10; y <= 22; y += 4)
            p.drawLine(QPointF(8, y), QPointF(20, y));
        QPainterPath pencil;
        pencil.moveTo(28, 9);
        pencil.lineTo(18, 23);
        pencil.lineTo(17, 27);
        pencil.lineTo(20.5, 25);
        pencil.lineTo(30.5, 11);
        pencil.closeSubpath();
        p.setPen(QPen(kInk, 1));
        p.setBrush(kOrange);
        p.drawPath(pencil);
        break;
    }
    case IconKind::Discover:
        p.setPen(Qt::NoPen);
        p.setBrush(kOrange);
        p.drawRect(QRectF(3, 20, 10, 6));
        p.setBrush(kBlue);
        p.drawRect(QRectF(15, 20, 14, 6));
        drawMagnifier(p, kInk);
        break;
    case IconKind::Import: {
        p.setPen(QPen(kInk, 1.5));
        p.setBrush(Qt::white);
        p.drawRect(QRectF(8, 3, 18, 24));
        p.setPen(QPen(kBlue, 3, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
        p.drawLine(QPointF(3, 16), QPointF(16, 16));
        p.drawPolyline(QPolygonF({QPointF(11, 11), QPointF(16, 16), QPointF(11, 21)}));
        break;
    }
    case IconKind::ZoomIn:
    case IconKind::ZoomOut:
        drawMagnifier(p, kInk);
        p.setPen(QPen(kBlue, 2.5, Qt::SolidLine, Qt::RoundCap));
        p.drawLine(QPointF(8.5, 12.5), QPointF(16.5, 12.5));
        if (kind == IconKind::ZoomIn)
            p.drawLine(QPointF(12.5, 8.5), QPointF(12.5, 16.5));
        break;
    case IconKind::Refresh: {
        p.setPen(QPen(kBlue, 3, Qt::SolidLine, Qt::RoundCap));
        p.setBrush(Qt::NoBrush);
        p.drawArc(QRectF(6, 6, 20, 20), 60 * 16, 280 * 16);
        QPainterPath head;
        head.moveTo(26, 4);
        head.lineTo(26, 13);
        head.lineTo(17, 11);
        head.closeSubpath();
        p.setPen(Qt::NoPen);
        p.setBrush(kBlue);
        p.drawPath(head);
        break;
    }
    }
}

} // namespace

QIcon icon(IconKind kind)
{
    QIcon result;
    for (int size : {16, 24, 32, 48}) {
        QPixmap pixmap(size, size);
        pixmap.fill(Qt::transparent);
        QPainter p(&pixmap);
        p.scale(size / 32.0, size / 32.0);
        draw(p, kind);
        p.end();
        result.addPixmap(pixmap);
    }
    return result;
}

} // namespace portolan::ui
