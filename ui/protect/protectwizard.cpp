// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/protect/protectwizard.h"

#include "model/services/explanations.h"

#include <QCheckBox>
#include <QComboBox>
#include <QCoreApplication>
#include <QFormLayout>
#include <QLabel>
#include <QListWidget>
#include <QProgressBar>
#include <QSpinBox>
#include <QStyle>
#include <QVBoxLayout>

namespace portolan::ui {

namespace {

// What stopping the services the backends know breaks, in the words they report it, so that
// the wizard can say it in the user's language.
const char* const kBreaks[] = {
    QT_TRANSLATE_NOOP("portolan::ui::ProtectWizard", "WSL 2 port forwarding and container NAT"),
    QT_TRANSLATE_NOOP("portolan::ui::ProtectWizard",
                      "Hyper-V virtual switches, WSL 2 and container networking"),
};

QString breaksText(const std::string& breaks)
{
    for (const char* known : kBreaks)
        if (breaks == known)
            return QCoreApplication::translate("portolan::ui::ProtectWizard", known);
    return QString::fromStdString(breaks);
}

QString blockText(Protocol protocol, PortRange range)
{
    return ProtectWizard::tr("%1 %2").arg(Explanations::protocolName(protocol),
                                          QString::fromStdString(toString(range)));
}

QString blocksText(const std::vector<ReservedBlock>& blocks)
{
    QStringList list;
    for (const auto& b : blocks)
        list.append(blockText(b.protocol, b.range));
    return list.isEmpty() ? ProtectWizard::tr("none") : list.join(QStringLiteral(", "));
}

QString serviceText(const ServiceInfo& s)
{
    return ProtectWizard::tr("%1 (%2)").arg(QString::fromStdString(s.displayName),
                                            QString::fromStdString(s.name));
}

QString stepTitle(protect::StepKind kind)
{
    switch (kind) {
    case protect::StepKind::Plan:
        return ProtectWizard::tr("Plan");
    case protect::StepKind::StopService:
        return ProtectWizard::tr("Stop the service");
    case protect::StepKind::CreateReservation:
        return ProtectWizard::tr("Create the persistent reservation");
    case protect::StepKind::StartService:
        return ProtectWizard::tr("Start the service again");
    case protect::StepKind::Verify:
        break;
    }
    return ProtectWizard::tr("Verify");
}

} // namespace

class ProtectPlanPage : public QWizardPage
{
public:
    explicit ProtectPlanPage(ProtectWizard* wizard) : QWizardPage(wizard), m_wizard(wizard) {}
    bool isComplete() const override { return m_wizard->planReady(); }

private:
    ProtectWizard* m_wizard;
};

class ProtectResultPage : public QWizardPage
{
public:
    explicit ProtectResultPage(ProtectWizard* wizard) : QWizardPage(wizard), m_wizard(wizard) {}
    void initializePage() override { m_wizard->startRun(); }
    bool isComplete() const override { return m_wizard->m_outcome.has_value(); }

private:
    ProtectWizard* m_wizard;
};

ProtectWizard::ProtectWizard(ProtectService& service, QWidget* parent)
    : QWizard(parent), m_service(service)
{
    setObjectName(QStringLiteral("protectWizard"));
    setWindowTitle(tr("Protect ports"));
    setWizardStyle(QWizard::ClassicStyle);
    setOption(QWizard::NoBackButtonOnLastPage);
    setOption(QWizard::NoCancelButtonOnLastPage);

    auto* plan = new ProtectPlanPage(this);
    m_planPage = plan;
    plan->setTitle(tr("Pin ports that a service holds"));
    plan->setSubTitle(tr("Nothing is changed until you choose Protect."));
    plan->setCommitPage(true);
    plan->setButtonText(QWizard::CommitButton, tr("&Protect"));
    auto* planLayout = new QVBoxLayout(plan);
    auto* form = new QFormLayout;
    m_protocol = new QComboBox(plan);
    m_protocol->addItem(Explanations::protocolName(Protocol::Tcp), int(Protocol::Tcp));
    m_protocol->addItem(Explanations::protocolName(Protocol::Udp), int(Protocol::Udp));
    m_start = new QSpinBox(plan);
    m_start->setRange(1, 65535);
    m_start->setValue(3000);
    m_count = new QSpinBox(plan);
    m_count->setRange(1, 65535);
    form->addRow(tr("Pr&otocol:"), m_protocol);
    form->addRow(tr("&Start:"), m_start);
    form->addRow(tr("&Count:"), m_count);
    planLayout->addLayout(form);
    m_plan = new QLabel(plan);
    m_plan->setObjectName(QStringLiteral("protectPlan"));
    m_plan->setWordWrap(true);
    planLayout->addWidget(m_plan);
    m_warning = new QLabel(plan);
    m_warning->setObjectName(QStringLiteral("protectWarning"));
    m_warning->setWordWrap(true);
    m_warning->setFrameShape(QFrame::StyledPanel);
    m_warning->setContentsMargins(8, 8, 8, 8);
    planLayout->addWidget(m_warning);
    m_consent = new QCheckBox(plan);
    m_consent->setObjectName(QStringLiteral("protectConsent"));
    planLayout->addWidget(m_consent);
    planLayout->addStretch(1);
    addPage(plan);

    auto* result = new ProtectResultPage(this);
    m_resultPage = result;
    result->setTitle(tr("Protecting the ports"));
    auto* resultLayout = new QVBoxLayout(result);
    m_progress = new QProgressBar(result);
    resultLayout->addWidget(m_progress);
    m_steps = new QListWidget(result);
    m_steps->setObjectName(QStringLiteral("protectSteps"));
    m_steps->setWordWrap(true);
    resultLayout->addWidget(m_steps, 1);
    m_verification = new QLabel(result);
    m_verification->setObjectName(QStringLiteral("protectVerification"));
    m_verification->setWordWrap(true);
    resultLayout->addWidget(m_verification);
    addPage(result);

    connect(m_protocol, &QComboBox::currentIndexChanged, this, &ProtectWizard::replan);
    connect(m_start, &QSpinBox::valueChanged, this, &ProtectWizard::replan);
    connect(m_count, &QSpinBox::valueChanged, this, &ProtectWizard::replan);
    connect(m_consent, &QCheckBox::toggled, plan, &QWizardPage::completeChanged);
    connect(&m_service, &ProtectService::planned, this, &ProtectWizard::showPlan);
    connect(&m_service, &ProtectService::stepFinished, this, &ProtectWizard::addStep);
    connect(&m_service, &ProtectService::finished, this, &ProtectWizard::showOutcome);
    resize(620, 480);
    replan();
}

void ProtectWizard::setBlock(Protocol protocol, PortRange range)
{
    const QSignalBlocker a(m_protocol), b(m_start), c(m_count);
    m_protocol->setCurrentIndex(protocol == Protocol::Tcp ? 0 : 1);
    m_start->setValue(range.start);
    m_count->setValue(range.count);
    replan();
}

bool ProtectWizard::planReady() const
{
    if (m_planRequests > 0 || !m_current)
        return false;
    return !m_current->holder || m_consent->isChecked();
}

void ProtectWizard::replan()
{
    m_current.reset();
    m_consent->setChecked(false);
    m_plan->setText(tr("Reading the services and reservations…"));
    m_warning->hide();
    m_consent->hide();
    ++m_planRequests;
    emit m_planPage->completeChanged();
    m_service.plan(Protocol(m_protocol->currentData().toInt()),
                   PortRange{std::uint16_t(m_start->value()), std::uint16_t(m_count->value())});
}

void ProtectWizard::showPlan(const std::optional<protect::Plan>& plan,
                             const std::optional<Error>& error)
{
    if (--m_planRequests > 0)
        return; // a newer request is on its way
    m_current = plan;
    if (!plan) {
        m_plan->setText(tr("These ports cannot be protected: %1")
                            .arg(QString::fromStdString(error ? error->message : std::string())));
    } else if (!plan->holder) {
        m_plan->setText(tr("No service's block covers %1. Protect creates the persistent "
                           "reservation; no service is stopped.")
                            .arg(blockText(plan->request.protocol, plan->request.range)));
    } else {
        const ServiceInfo& holder = *plan->holder;
        const QString target = blockText(plan->request.protocol, plan->request.range);
        m_plan->setText(tr("%1 lies in the runtime block %2, held by %3. Protect stops the "
                           "service, creates the persistent reservation %1 and starts the "
                           "service again; Windows then places its blocks elsewhere.")
                            .arg(target, blocksText(plan->covering), serviceText(holder)));
        const QString breaks =
            holder.breaks.empty() ? tr("what depends on it") : breaksText(holder.breaks);
        m_warning->setText(
            tr("<b>Warning:</b> while %1 is stopped, %2 stop working. Running WSL 2 "
               "distributions and containers lose their forwarded ports until the service "
               "runs again, a few seconds later.")
                .arg(QString::fromStdString(holder.displayName), breaks));
        m_warning->show();
        m_consent->setText(tr("Stop %1 for the time it takes").arg(serviceText(holder)));
        m_consent->show();
    }
    emit m_planPage->completeChanged();
    emit planShown();
}

void ProtectWizard::startRun()
{
    if (m_running || !m_current)
        return;
    m_running = true;
    m_outcome.reset();
    m_steps->clear();
    m_verification->clear();
    const bool stops = m_current->holder.has_value();
    m_progress->setRange(0, stops ? 5 : 3);
    m_progress->setValue(0);
    m_service.run(m_current->request.protocol, m_current->request.range,
                  stops ? QString::fromStdString(m_current->holder->name) : QString());
}

void ProtectWizard::addStep(const protect::Step& step)
{
    if (!m_running)
        return;
    auto* item = new QListWidgetItem(
        style()->standardIcon(step.ok ? QStyle::SP_DialogApplyButton
                                      : QStyle::SP_MessageBoxCritical),
        tr("%1 — %2").arg(stepTitle(step.kind), QString::fromStdString(step.request)), m_steps);
    item->setToolTip(QString::fromStdString(step.detail));
    m_progress->setValue(m_progress->value() + 1);
}

void ProtectWizard::showOutcome(const protect::Outcome& outcome)
{
    if (!m_running)
        return;
    m_running = false;
    m_outcome = outcome;
    m_progress->setValue(m_progress->maximum());
    const QString target =
        m_current ? blockText(m_current->request.protocol, m_current->request.range) : QString();
    QStringList lines;
    lines.append(outcome.reserved ? tr("✔ The persistent reservation %1 stands.").arg(target)
                                  : tr("✘ There is no reservation %1.").arg(target));
    if (m_current && m_current->holder) {
        const QString name = QString::fromStdString(m_current->holder->displayName);
        lines.append(outcome.serviceRunning
                         ? tr("✔ %1 runs again.").arg(name)
                         : tr("✘ %1 does not run: start it yourself "
                              "(net start %2).")
                               .arg(name, QString::fromStdString(m_current->holder->name)));
        lines.append(tr("Its blocks now: %1.").arg(blocksText(outcome.serviceBlocks)));
    }
    if (outcome.error)
        lines.append(tr("It failed: %1").arg(QString::fromStdString(outcome.error->describe())));
    m_verification->setText(lines.join(QLatin1Char('\n')));
    emit m_resultPage->completeChanged();
    emit protectFinished(outcome);
}

} // namespace portolan::ui
