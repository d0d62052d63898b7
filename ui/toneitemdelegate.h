// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QColor>
#include <QIcon>
#include <QPalette>
#include <QString>
#include <QStyledItemDelegate>

namespace portolan::ui {

// Draws the models' ToneRole ("ok", "warning", "error", "muted"): the model layer has no
// QtGui, so a row's colour is decided here. Every cell of a muted row is greyed; the cells of
// `markedColumn` (the result) also get a coloured square and coloured text.
class ToneItemDelegate : public QStyledItemDelegate
{
    Q_OBJECT

public:
    explicit ToneItemDelegate(QObject* parent = nullptr, int markedColumn = -1);

    void setMarkedColumn(int column) { m_markedColumn = column; }
    int markedColumn() const { return m_markedColumn; }

    // The tone's text colour for that palette; invalid for an unknown tone.
    static QColor toneColor(const QString& tone, const QPalette& palette);

protected:
    void initStyleOption(QStyleOptionViewItem* option, const QModelIndex& index) const override;

private:
    QIcon iconFor(const QString& tone) const;

    int m_markedColumn = -1;
    mutable QIcon m_ok;
    mutable QIcon m_warning;
    mutable QIcon m_error;
    mutable QIcon m_muted;
};

} // namespace portolan::ui
