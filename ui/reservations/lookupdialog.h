// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/services/reservationservice.h"

#include <QDialog>

#include <QList>

#include <optional>
#include <utility>

class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QPushButton;

namespace portolan::ui {

class BlockInput;

// Looks up the persistent reservation made with exactly (protocol, start, count) and shows
// its token in hex, selectable and with a Copy button. Tokens may change at every boot, so
// the lookup also refreshes the inventory row (the service does that).
class LookupDialog : public QDialog
{
    Q_OBJECT

public:
    explicit LookupDialog(ReservationService& service, QWidget* parent = nullptr);

    void setBlock(Protocol protocol, PortRange range);
    // The persistent blocks known (the machine's and the inventory's), so that a failed
    // lookup of a port inside one of them can name the block to look up instead.
    void setKnownBlocks(QList<std::pair<Protocol, PortRange>> blocks);
    // The known block of that protocol that contains `range.start` but is not `range`.
    std::optional<PortRange> containingBlock(Protocol protocol, PortRange range) const;
    // Runs the lookup at once (the block must be valid); used when opened from a row.
    void lookUp();

    BlockInput* blockInput() const { return m_input; }
    QPushButton* lookupButton() const { return m_lookup; }
    QLineEdit* tokenEdit() const { return m_token; }
    QPushButton* copyButton() const { return m_copy; }
    QLabel* resultLabel() const { return m_result; }
    QLabel* nativeCodeLabel() const { return m_code; }
    const std::optional<ReservationOutcome>& outcome() const { return m_outcome; }

signals:
    void lookupFinished(const portolan::ReservationOutcome& outcome);

private:
    void onFinished(const ReservationOutcome& outcome);
    void updateButtons();

    ReservationService& m_service;
    BlockInput* m_input = nullptr;
    QPushButton* m_lookup = nullptr;
    QLineEdit* m_token = nullptr;
    QPushButton* m_copy = nullptr;
    QLabel* m_result = nullptr;
    QLabel* m_code = nullptr;
    QDialogButtonBox* m_buttons = nullptr;
    QList<std::pair<Protocol, PortRange>> m_known;
    OperationId m_id = 0;
    std::optional<ReservationOutcome> m_outcome;
};

} // namespace portolan::ui
