// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/services/preflight.h"
#include "model/services/reservationservice.h"

#include <QDialog>

#include <optional>

class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QPushButton;
class QTimer;

namespace portolan {
class DiagnoseService;
}

namespace portolan::ui {

class BlockInput;
class ElevationBanner;

// New persistent reservation: protocol, start, count or end, note. The input is validated as
// it is typed; a valid block is checked by the service's pre-flight (overlap with which
// block, a listener with its process, inside the dynamic range, needs elevation) and the
// findings are listed before anything is done. A blocking finding disables Create and says
// why. A create the system refuses is explained in words with the native code beside it and
// what to do; the dialog stays open so the user can change the block.
class NewReservationDialog : public QDialog
{
    Q_OBJECT

public:
    // How long typing must pause before the pre-flight runs.
    static constexpr int kPreflightDelayMs = 250;

    explicit NewReservationDialog(ReservationService& service, QWidget* parent = nullptr);

    void setBlock(Protocol protocol, PortRange range);
    void setNote(const QString& note);

    BlockInput* blockInput() const { return m_input; }
    QLineEdit* noteEdit() const { return m_note; }
    QPushButton* createButton() const { return m_create; }
    // Shown when a service's runtime block covers the block.
    QPushButton* protectButton() const { return m_protect; }
    QListWidget* findingsList() const { return m_findings; }
    // Why Create is disabled, or empty.
    QLabel* blockedLabel() const { return m_blocked; }
    // The refusal of the last create: explanation, native code and remedy.
    QLabel* refusalLabel() const { return m_refusal; }
    QLabel* nativeCodeLabel() const { return m_code; }
    ElevationBanner* elevationBanner() const { return m_banner; }
    // "Find a free block": fills start and count with the nearest block of the count typed
    // (1 without one) that no reservation, listener or dynamic range touches, confirmed by
    // bind probes; the search runs off the GUI thread.
    QPushButton* findFreeButton() const { return m_findFree; }
    QLabel* findFreeStatus() const { return m_findStatus; }
    bool searching() const { return m_suggestId != 0; }

    // The pre-flight shown for the current input (none while typing or invalid).
    const std::optional<PreflightReport>& preflight() const { return m_report; }
    // The last create's outcome.
    const std::optional<ReservationOutcome>& outcome() const { return m_outcome; }
    bool waiting() const { return m_preflightId != 0 || m_createId != 0; }

signals:
    void preflightShown(const portolan::PreflightReport& report);
    void createFinished(const portolan::ReservationOutcome& outcome);
    // The search for a free block ended: the block filled in, or nothing (the status says why).
    void freeBlockFound(const std::optional<portolan::PortRange>& block);
    // "Protect ports…": a service's runtime block covers the block.
    void protectRequested(portolan::Protocol protocol, portolan::PortRange range);

private:
    void inputChanged();
    void runPreflight();
    void onPreflight(OperationId id, const PreflightReport& report);
    void onFailed(OperationId id, ReservationOperation operation, const Error& error);
    void onFinished(const ReservationOutcome& outcome);
    void showFindings(const PreflightReport& report);
    void showMessageInList(const QString& text);
    void showRefusal(const ReservationOutcome& outcome);
    void clearRefusal();
    void startCreate();
    void updateButtons();
    void findFreeBlock();

    ReservationService& m_service;
    BlockInput* m_input = nullptr;
    QLineEdit* m_note = nullptr;
    ElevationBanner* m_banner = nullptr;
    QListWidget* m_findings = nullptr;
    QLabel* m_blocked = nullptr;
    QWidget* m_refusalBox = nullptr;
    QLabel* m_refusalIcon = nullptr;
    QLabel* m_refusal = nullptr;
    QLabel* m_code = nullptr;
    QDialogButtonBox* m_buttons = nullptr;
    QPushButton* m_create = nullptr;
    QPushButton* m_protect = nullptr;
    QTimer* m_delay = nullptr;

    OperationId m_preflightId = 0;
    Protocol m_preflightProtocol = Protocol::Tcp;
    PortRange m_preflightRange;
    std::optional<PreflightReport> m_report;
    OperationId m_createId = 0;
    DiagnoseService* m_diagnose = nullptr;
    QPushButton* m_findFree = nullptr;
    QLabel* m_findStatus = nullptr;
    OperationId m_suggestId = 0;
    std::optional<ReservationOutcome> m_outcome;
};

} // namespace portolan::ui
