// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/probes/probeform.h"

#include "ui/formsupport.h"
#include "ui/probes/probewidgets.h"

#include <QComboBox>
#include <QGridLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>

#include <algorithm>

namespace portolan::ui {
namespace {

constexpr int kRunColumn = 4;

} // namespace

ProbeForm::ProbeForm(const QString& title, const QString& name, int columns, QWidget* parent)
    : QGroupBox(title, parent), m_name(name), m_grid(new QGridLayout(this)), m_columns(columns)
{
    m_errors = makeErrorLabel(this);
    m_errors->setObjectName(name + QStringLiteral("Errors"));
}

void ProbeForm::addNote(const QString& text)
{
    QLabel* note = mutedLabel(text, this);
    note->setWordWrap(true);
    m_grid->addWidget(note, m_row, 0, 1, m_columns);
    nextRow();
}

void ProbeForm::addField(QWidget* label, QWidget* field, int span, int stretch)
{
    m_grid->addWidget(label, m_row, m_column);
    m_grid->addWidget(field, m_row, m_column + 1, 1, span);
    m_grid->setColumnStretch(m_column + 1, stretch);
    m_column += 1 + span;
    watch(field);
}

void ProbeForm::addField(const QString& label, QWidget* field, int span, int stretch)
{
    addField(buddyLabel(label, field, this), field, span, stretch);
}

QPushButton* ProbeForm::addRunButton(const QString& text)
{
    m_run = new QPushButton(text, this);
    m_run->setObjectName(m_name + QStringLiteral("Run"));
    connect(m_run, &QPushButton::clicked, this, &ProbeForm::runRequested);
    // Beside the last fields when there is room, else on a row of its own at the right.
    int at = std::min(kRunColumn, m_columns - 1);
    if (m_column > at) {
        nextRow();
        at = std::max(0, m_columns - 2); // two columns: a long caption does not widen one
    }
    m_grid->addWidget(m_run, m_row, at, 1, m_columns - at);
    nextRow();
    // The error line closes the form; whatever room is left goes below it.
    m_grid->addWidget(m_errors, m_row, 0, 1, m_columns);
    m_grid->setRowStretch(m_row + 1, 1);
    return m_run;
}

void ProbeForm::nextRow()
{
    ++m_row;
    m_column = 0;
}

void ProbeForm::showErrors(const QStringList& errors)
{
    ui::showErrors(m_errors, errors);
}

void ProbeForm::watch(QWidget* field)
{
    if (auto* edit = qobject_cast<QLineEdit*>(field)) {
        connect(edit, &QLineEdit::textChanged, this, &ProbeForm::changed);
        connect(edit, &QLineEdit::returnPressed, this, &ProbeForm::runRequested);
        return;
    }
    auto* combo = qobject_cast<QComboBox*>(field);
    if (!combo || !combo->isEditable())
        return; // a choice from a list is always valid
    connect(combo, &QComboBox::currentTextChanged, this, [this, combo] {
        if (m_family)
            syncFamily(combo, m_family);
        emit changed();
    });
    connect(combo->lineEdit(), &QLineEdit::returnPressed, this, &ProbeForm::runRequested);
}

} // namespace portolan::ui
