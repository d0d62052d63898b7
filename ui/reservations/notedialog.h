// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/store/records.h"

#include <QDialog>

class QLineEdit;

namespace portolan::ui {

// Edits the note of an inventory row (owner, purpose). The caller sends the change through
// ReservationService::setNote, which records the old and the new text in the audit log.
class NoteDialog : public QDialog
{
    Q_OBJECT

public:
    explicit NoteDialog(const ReservationRecord& record, QWidget* parent = nullptr);

    QString note() const;
    QLineEdit* noteEdit() const { return m_note; }

private:
    QLineEdit* m_note = nullptr;
};

} // namespace portolan::ui
