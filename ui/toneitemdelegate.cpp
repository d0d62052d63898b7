// SPDX-License-Identifier: GPL-3.0-or-later
#include "toneitemdelegate.h"

#include "colorscheme.h"

#include "ui/probes/probetext.h"

#include "model/itemmodels/modelroles.h"

namespace portolan::ui {

ToneItemDelegate::ToneItemDelegate(QObject* parent, int markedColumn)
    : QStyledItemDelegate(parent), m_markedColumn(markedColumn)
{
}

QColor ToneItemDelegate::toneColor(const QString& tone, const QPalette& palette)
{
    // The port map's colours: free green, in use yellow, forbidden orange-red, each dark or
    // light enough to read on the palette's base.
    if (tone == QLatin1String("ok"))
        return schemeColor(SchemeColor::OkText, palette);
    if (tone == QLatin1String("warning"))
        return schemeColor(SchemeColor::WarningText, palette);
    if (tone == QLatin1String("error"))
        return schemeColor(SchemeColor::ErrorText, palette);
    if (tone == QLatin1String("muted"))
        return schemeColor(SchemeColor::MutedText, palette);
    return {};
}

QIcon ToneItemDelegate::iconFor(const QString& tone) const
{
    QIcon* icon = tone == QLatin1String("ok")        ? &m_ok
                  : tone == QLatin1String("warning") ? &m_warning
                  : tone == QLatin1String("error")   ? &m_error
                  : tone == QLatin1String("muted")   ? &m_muted
                                                     : nullptr;
    if (!icon)
        return {};
    if (icon->isNull()) {
        const QColor fill =
            tone == QLatin1String("ok")        ? ProbeText::okColor()
            : tone == QLatin1String("warning") ? ProbeText::outcomeColor(BindOutcome::InUse)
            : tone == QLatin1String("error")   ? ProbeText::outcomeColor(BindOutcome::Forbidden)
                                               : ProbeText::outcomeColor(BindOutcome::Other);
        *icon = ProbeText::squareIcon(fill);
    }
    return *icon;
}

void ToneItemDelegate::initStyleOption(QStyleOptionViewItem* option, const QModelIndex& index) const
{
    QStyledItemDelegate::initStyleOption(option, index);
    const QString tone = index.data(ToneRole).toString();
    if (tone.isEmpty())
        return;
    const bool selected = option->state & QStyle::State_Selected;
    if (tone == QLatin1String("muted") && !selected)
        option->palette.setColor(QPalette::Text, toneColor(tone, option->palette));
    if (index.column() != m_markedColumn)
        return;
    option->features |= QStyleOptionViewItem::HasDecoration;
    option->icon = iconFor(tone);
    option->decorationSize = QSize(12, 12);
    if (!selected && tone != QLatin1String("ok"))
        option->palette.setColor(QPalette::Text, toneColor(tone, option->palette));
}

} // namespace portolan::ui
