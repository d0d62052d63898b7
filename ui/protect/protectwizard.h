// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/services/protectservice.h"

#include "platform/protect/protect.h"

#include <QWizard>

#include <optional>

class QCheckBox;
class QComboBox;
class QLabel;
class QListWidget;
class QProgressBar;
class QSpinBox;

namespace portolan::ui {

// "Protect ports…": pins ports that a service's runtime block covers. The first page shows the
// covering block, its service and what stopping it breaks - before anything is done - and
// asks for consent; the second runs the steps off the GUI thread (stop the service, create
// the reservation, start it again, verify), lists them as they end and shows where the
// service's blocks went. Each step is an audit row (ProtectService).
class ProtectWizard : public QWizard
{
    Q_OBJECT

public:
    enum PageId
    {
        PlanPage,
        ResultPage
    };

    ProtectWizard(ProtectService& service, QWidget* parent = nullptr);

    void setBlock(Protocol protocol, PortRange range);

    // For tests and screenshots.
    QLabel* planLabel() const { return m_plan; }
    QLabel* warningLabel() const { return m_warning; }
    QCheckBox* consentBox() const { return m_consent; }
    QListWidget* stepList() const { return m_steps; }
    QLabel* verificationLabel() const { return m_verification; }
    const std::optional<protect::Plan>& currentPlan() const { return m_current; }
    const std::optional<protect::Outcome>& outcome() const { return m_outcome; }

signals:
    void planShown();
    void protectFinished(const portolan::protect::Outcome& outcome);

private:
    friend class ProtectPlanPage;
    friend class ProtectResultPage;

    void replan();
    void showPlan(const std::optional<protect::Plan>& plan, const std::optional<Error>& error);
    void startRun();
    void addStep(const protect::Step& step);
    void showOutcome(const protect::Outcome& outcome);
    bool planReady() const;

    ProtectService& m_service;
    QComboBox* m_protocol = nullptr;
    QSpinBox* m_start = nullptr;
    QSpinBox* m_count = nullptr;
    QLabel* m_plan = nullptr;
    QLabel* m_warning = nullptr;
    QCheckBox* m_consent = nullptr;
    QListWidget* m_steps = nullptr;
    QProgressBar* m_progress = nullptr;
    QLabel* m_verification = nullptr;
    QWizardPage* m_planPage = nullptr;
    QWizardPage* m_resultPage = nullptr;
    std::optional<protect::Plan> m_current;
    std::optional<protect::Outcome> m_outcome;
    bool m_running = false;
    int m_planRequests = 0; // plans asked for and not answered yet
};

} // namespace portolan::ui
