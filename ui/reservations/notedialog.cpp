// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/reservations/notedialog.h"

#include "model/services/explanations.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace portolan::ui {

NoteDialog::NoteDialog(const ReservationRecord& record, QWidget* parent) : QDialog(parent)
{
    setWindowTitle(tr("Edit note"));
    setObjectName(QStringLiteral("noteDialog"));
    auto* layout = new QVBoxLayout(this);
    auto* label = new QLabel(tr("&Note of the %1 reservation %2 (host %3):")
                                 .arg(Explanations::protocolName(record.protocol),
                                      Explanations::rangeText(record.range()), record.host),
                             this);
    label->setWordWrap(true);
    layout->addWidget(label);
    m_note = new QLineEdit(record.note, this);
    m_note->setObjectName(QStringLiteral("note"));
    m_note->setPlaceholderText(tr("owner and purpose"));
    m_note->setClearButtonEnabled(true);
    m_note->selectAll();
    label->setBuddy(m_note);
    layout->addWidget(m_note);
    auto* hint = new QLabel(tr("The change is recorded in the audit log with the old text."), this);
    hint->setWordWrap(true);
    layout->addWidget(hint);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this);
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    resize(520, sizeHint().height());
}

QString NoteDialog::note() const
{
    return m_note->text().trimmed();
}

} // namespace portolan::ui
