// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/probes/probewidgets.h"

#include "ui/formsupport.h"

#include <QComboBox>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QTableView>

namespace portolan::ui {

QComboBox* protocolCombo(QWidget* parent)
{
    auto* combo = new QComboBox(parent);
    combo->addItem(QStringLiteral("TCP"), int(Protocol::Tcp));
    combo->addItem(QStringLiteral("UDP"), int(Protocol::Udp));
    return combo;
}

QComboBox* familyCombo(QWidget* parent)
{
    auto* combo = new QComboBox(parent);
    combo->addItem(QStringLiteral("IPv4"), int(AddressFamily::IPv4));
    combo->addItem(QStringLiteral("IPv6"), int(AddressFamily::IPv6));
    return combo;
}

QComboBox* addressCombo(QWidget* parent, int minimumContentsLength)
{
    auto* combo = new QComboBox(parent);
    combo->setEditable(true);
    combo->setInsertPolicy(QComboBox::NoInsert);
    for (const char* address : {"127.0.0.1", "0.0.0.0", "::1", "::"})
        combo->addItem(QString::fromLatin1(address));
    combo->setMinimumContentsLength(minimumContentsLength);
    return combo;
}

QLineEdit* numberEdit(const QString& text, QWidget* parent, int width)
{
    auto* edit = new QLineEdit(text, parent);
    edit->setMaxLength(24);
    const int chars = edit->fontMetrics().horizontalAdvance(QString(width, QLatin1Char('0')));
    edit->setMinimumWidth(chars + 16);
    return edit;
}

QLabel* buddyLabel(const QString& text, QWidget* buddy, QWidget* parent)
{
    auto* label = new QLabel(text, parent);
    label->setBuddy(buddy);
    return label;
}

QLabel* mutedLabel(const QString& text, QWidget* parent)
{
    auto* label = new QLabel(text, parent);
    QPalette palette = label->palette();
    palette.setColor(QPalette::WindowText, palette.color(QPalette::PlaceholderText));
    label->setPalette(palette);
    return label;
}

QLabel* summaryLabel(QWidget* parent)
{
    auto* label = new QLabel(parent);
    label->setWordWrap(true);
    label->setTextFormat(Qt::RichText);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    return label;
}

void setUpRunTable(QTableView* table)
{
    table->setSelectionBehavior(QAbstractItemView::SelectRows);
    table->setSelectionMode(QAbstractItemView::SingleSelection);
    table->setAlternatingRowColors(true);
    table->setWordWrap(false);
    table->verticalHeader()->hide();
    table->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    table->verticalHeader()->setDefaultSectionSize(table->fontMetrics().height() + 8);
    table->horizontalHeader()->setStretchLastSection(true);
    table->horizontalHeader()->setHighlightSections(false);
}

Protocol protocolOf(const QComboBox* combo)
{
    return Protocol(combo->currentData().toInt());
}

AddressFamily familyOf(const QComboBox* combo)
{
    return AddressFamily(combo->currentData().toInt());
}

void syncFamily(const QComboBox* address, QComboBox* family)
{
    const bool v6 = address->currentText().contains(QLatin1Char(':'));
    family->setCurrentIndex(family->findData(int(v6 ? AddressFamily::IPv6 : AddressFamily::IPv4)));
}

QString checkAddress(QComboBox* address, const QString& error, QString* text)
{
    *text = address->currentText().trimmed();
    const QString message = text->isEmpty() ? error : QString();
    setFieldError(address, message);
    return message;
}

} // namespace portolan::ui
