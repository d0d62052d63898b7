// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/store/records.h"
#include "model/services/reservationservice.h"

#include <QDialog>

#include <optional>

class QDialogButtonBox;
class QLabel;
class QPushButton;

namespace portolan::ui {

class ElevationBanner;

// Confirms a delete with the exact block ("Delete the persistent TCP reservation
// 5000–5019?"), then deletes it through the service and stays open to explain a refusal.
// A row of another host (imported, or gathered from elsewhere) cannot be deleted from here:
// the dialog offers to remove it from the inventory only.
class DeleteDialog : public QDialog
{
    Q_OBJECT

public:
    DeleteDialog(ReservationService& service, const ReservationRecord& record,
                 QWidget* parent = nullptr);

    // True when the row belongs to this machine, so Delete calls the system.
    bool deletesOnSystem() const { return m_onSystem; }
    // "Delete the persistent TCP reservation 5000–5019?"
    QString question() const;

    QLabel* questionLabel() const { return m_question; }
    QPushButton* deleteButton() const { return m_delete; }
    QPushButton* cancelButton() const { return m_cancel; }
    QLabel* refusalLabel() const { return m_refusal; }
    QLabel* nativeCodeLabel() const { return m_code; }
    ElevationBanner* elevationBanner() const { return m_banner; }
    const std::optional<ReservationOutcome>& outcome() const { return m_outcome; }

signals:
    void deleteFinished(const portolan::ReservationOutcome& outcome);

private:
    void startDelete();
    void onFinished(const ReservationOutcome& outcome);

    ReservationService& m_service;
    ReservationRecord m_record;
    bool m_onSystem = true;
    ElevationBanner* m_banner = nullptr;
    QLabel* m_question = nullptr;
    QLabel* m_refusal = nullptr;
    QLabel* m_code = nullptr;
    QDialogButtonBox* m_buttons = nullptr;
    QPushButton* m_delete = nullptr;
    QPushButton* m_cancel = nullptr;
    OperationId m_id = 0;
    std::optional<ReservationOutcome> m_outcome;
};

} // namespace portolan::ui
