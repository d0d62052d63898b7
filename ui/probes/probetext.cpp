// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/probes/probetext.h"

#include "model/services/runtext.h"

#include <QLocale>
#include <QPainter>
#include <QPixmap>

namespace portolan::ui {

QString ProbeText::codeText(const std::string& name, std::int64_t code)
{
    if (name.empty() && code == 0)
        return {};
    if (name.empty())
        return QString::number(code);
    if (code == 0)
        return QString::fromStdString(name);
    return QStringLiteral("%1 (%2)").arg(QString::fromStdString(name)).arg(code);
}

QString ProbeText::codeText(const std::optional<Error>& error)
{
    return error ? codeText(error->name, error->code) : QString();
}

QString ProbeText::durationText(std::int64_t us)
{
    return RunText::durationText(us);
}

QString ProbeText::spanText(std::uint32_t first, std::uint32_t last)
{
    if (first == last)
        return QString::number(first);
    return QStringLiteral("%1–%2").arg(first).arg(last);
}

QString ProbeText::countText(std::uint64_t value)
{
    return QLocale().toString(qulonglong(value));
}

QColor ProbeText::outcomeColor(BindOutcome outcome)
{
    switch (outcome) {
    case BindOutcome::Free:
        return {196, 232, 217};
    case BindOutcome::InUse:
        return {240, 228, 66};
    case BindOutcome::Denied:
        return {204, 121, 167};
    case BindOutcome::Forbidden:
        return {213, 94, 0};
    case BindOutcome::Other:
        return {185, 185, 185};
    }
    return {185, 185, 185};
}

QColor ProbeText::okColor()
{
    return {0, 158, 115};
}

QIcon ProbeText::squareIcon(const QColor& fill)
{
    QPixmap pixmap(12, 12);
    pixmap.fill(Qt::transparent);
    QPainter p(&pixmap);
    p.setPen(fill.darker(160));
    p.setBrush(fill);
    p.drawRect(0, 0, 11, 11);
    p.end();
    return QIcon(pixmap);
}

QIcon ProbeText::outcomeIcon(BindOutcome outcome)
{
    return squareIcon(outcomeColor(outcome));
}

} // namespace portolan::ui
