// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/services/reservationservice.h" // OperationId

#include "platform/diagnose/why.h"
#include "platform/error.h"

#include <QFrame>

#include <optional>

class QLabel;

namespace portolan {
class DiagnoseService;
}

namespace portolan::ui {

// Why a bind failed, where the user met the failure: the cause in words (the covering block,
// its owner and evidence; the listener and its process; another account's socket; the
// dynamic range), then the remedies, cheapest first, each with what it costs. The work runs
// in the DiagnoseService, off the GUI thread.
class ExplanationPanel : public QFrame
{
    Q_OBJECT

public:
    explicit ExplanationPanel(DiagnoseService& service, QWidget* parent = nullptr);

    // Probes (protocol, address, port) again and explains the outcome; shows the panel.
    void explain(const diagnose::WhyRequest& request);
    // Hides the panel and forgets a pending explanation.
    void clear();

    bool waiting() const { return m_pending != 0; }
    const std::optional<diagnose::Explanation>& explanation() const { return m_explanation; }
    QLabel* causeLabel() const { return m_cause; }
    QLabel* remediesLabel() const { return m_remedies; }

signals:
    void explanationShown(const portolan::diagnose::Explanation& explanation);

private:
    void onExplained(OperationId id, const diagnose::Explanation& explanation);
    void onFailed(OperationId id, const Error& error);

    DiagnoseService& m_service;
    QLabel* m_title = nullptr;
    QLabel* m_cause = nullptr;
    QLabel* m_remedies = nullptr;
    OperationId m_pending = 0;
    std::optional<diagnose::Explanation> m_explanation;
};

} // namespace portolan::ui
