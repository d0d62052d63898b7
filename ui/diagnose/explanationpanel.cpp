// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/diagnose/explanationpanel.h"

#include "ui/diagnose/explanationtext.h"

#include "model/services/diagnoseservice.h"
#include "model/services/explanations.h"

#include <QLabel>
#include <QVBoxLayout>

namespace portolan::ui {

ExplanationPanel::ExplanationPanel(DiagnoseService& service, QWidget* parent)
    : QFrame(parent), m_service(service)
{
    setObjectName(QStringLiteral("explanationPanel"));
    setFrameShape(QFrame::StyledPanel);
    auto* layout = new QVBoxLayout(this);
    m_title = new QLabel(tr("<b>Why?</b>"), this);
    m_cause = new QLabel(this);
    m_cause->setObjectName(QStringLiteral("explanationCause"));
    m_cause->setWordWrap(true);
    m_cause->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_remedies = new QLabel(this);
    m_remedies->setObjectName(QStringLiteral("explanationRemedies"));
    m_remedies->setWordWrap(true);
    m_remedies->setTextFormat(Qt::RichText);
    m_remedies->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(m_title);
    layout->addWidget(m_cause);
    layout->addWidget(m_remedies);
    setVisible(false);

    connect(&m_service, &DiagnoseService::explained, this, &ExplanationPanel::onExplained);
    connect(&m_service, &DiagnoseService::failed, this, &ExplanationPanel::onFailed);
}

void ExplanationPanel::explain(const diagnose::WhyRequest& request)
{
    m_explanation.reset();
    m_cause->setText(tr("Finding out why…"));
    m_remedies->clear();
    setVisible(true);
    m_pending = m_service.explain(request);
}

void ExplanationPanel::clear()
{
    m_pending = 0;
    m_explanation.reset();
    setVisible(false);
}

void ExplanationPanel::onExplained(OperationId id, const diagnose::Explanation& explanation)
{
    if (id != m_pending)
        return;
    m_pending = 0;
    m_explanation = explanation;
    m_cause->setText(ExplanationText::cause(explanation));
    if (explanation.remedies.empty()) {
        m_remedies->setText(tr("Nothing to do."));
    } else {
        QString html = tr("<b>Remedies, cheapest first:</b>") + QStringLiteral("<ol>");
        for (const auto& remedy : explanation.remedies)
            html += QStringLiteral("<li>%1<br><i>%2</i></li>")
                        .arg(ExplanationText::remedy(explanation, remedy).toHtmlEscaped(),
                             ExplanationText::cost(remedy).toHtmlEscaped());
        m_remedies->setText(html + QStringLiteral("</ol>"));
    }
    emit explanationShown(explanation);
}

void ExplanationPanel::onFailed(OperationId id, const Error& error)
{
    if (id != m_pending)
        return;
    m_pending = 0;
    m_cause->setText(tr("Could not find out why: %1").arg(Explanations::errorLine(error)));
    m_remedies->clear();
}

} // namespace portolan::ui
