// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/services/rangehealth.h"
#include "model/services/reservationservice.h" // OperationId

#include "platform/error.h"

#include <QFrame>

#include <optional>

class QLabel;
class QPushButton;

namespace portolan {
class DiagnoseService;
}

namespace portolan::ui {

// One compact line in the main window: the dynamic range is Windows' default, or it starts low
// and these watched ports lie inside it, with "Restore Windows' default". Restoring asks first
// (blocks move at the next boot; elevation needed), then runs in the DiagnoseService.
class RangeHealthLine : public QFrame
{
    Q_OBJECT

public:
    explicit RangeHealthLine(DiagnoseService& service, QWidget* parent = nullptr);

    // Reads the range again (off the GUI thread).
    void refresh();

    const std::optional<RangeHealth>& health() const { return m_health; }
    bool waiting() const { return m_pending != 0; }
    QLabel* textLabel() const { return m_text; }
    QPushButton* restoreButton() const { return m_restore; }
    // The question shown before restoring, its two buttons, and the outcome of the last one.
    QLabel* warningLabel() const { return m_warning; }
    QPushButton* confirmButton() const { return m_confirm; }
    QPushButton* cancelButton() const { return m_cancel; }
    QLabel* statusLabel() const { return m_status; }

signals:
    void healthShown(const portolan::RangeHealth& health);
    // A restore finished: ok, or refused (the status label says why).
    void restoreFinished(bool ok);

private:
    void askRestore();
    void restore();
    void cancelRestore();
    void showHealth(const RangeHealth& health);
    void onFailed(OperationId id, const Error& error);

    DiagnoseService& m_service;
    QLabel* m_text = nullptr;
    QPushButton* m_restore = nullptr;
    QWidget* m_question = nullptr;
    QLabel* m_warning = nullptr;
    QPushButton* m_confirm = nullptr;
    QPushButton* m_cancel = nullptr;
    QLabel* m_status = nullptr;
    OperationId m_pending = 0;
    bool m_restoring = false;
    std::optional<RangeHealth> m_health;
};

} // namespace portolan::ui
