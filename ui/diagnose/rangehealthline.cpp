// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/diagnose/rangehealthline.h"

#include "model/services/diagnoseservice.h"
#include "model/services/explanations.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace portolan::ui {

RangeHealthLine::RangeHealthLine(DiagnoseService& service, QWidget* parent)
    : QFrame(parent), m_service(service)
{
    setObjectName(QStringLiteral("rangeHealthLine"));
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 2, 6, 2);
    layout->setSpacing(2);

    auto* line = new QHBoxLayout;
    m_text = new QLabel(tr("Dynamic range: reading…"), this);
    m_text->setObjectName(QStringLiteral("rangeHealthText"));
    m_text->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_restore = new QPushButton(tr("Restore Windows' default"), this);
    m_restore->setObjectName(QStringLiteral("restoreDynamicRange"));
    m_restore->setVisible(false);
    line->addWidget(m_text, 1);
    line->addWidget(m_restore);
    layout->addLayout(line);

    // Asked in the line itself, so that nothing modal stands between the user and the window.
    m_question = new QWidget(this);
    auto* question = new QHBoxLayout(m_question);
    question->setContentsMargins(0, 0, 0, 0);
    m_warning = new QLabel(
        tr("Windows' default is 49152–65535 for TCP and UDP. Services such as WinNAT and HNS "
           "take their blocks again at the next boot, so blocks move then. Needs an elevated "
           "administrator."),
        m_question);
    m_warning->setObjectName(QStringLiteral("restoreWarning"));
    m_warning->setWordWrap(true);
    m_confirm = new QPushButton(tr("Restore"), m_question);
    m_confirm->setObjectName(QStringLiteral("confirmRestore"));
    m_cancel = new QPushButton(tr("Cancel"), m_question);
    m_cancel->setObjectName(QStringLiteral("cancelRestore"));
    question->addWidget(m_warning, 1);
    question->addWidget(m_confirm);
    question->addWidget(m_cancel);
    m_question->setVisible(false);
    layout->addWidget(m_question);

    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("restoreStatus"));
    m_status->setWordWrap(true);
    m_status->setVisible(false);
    layout->addWidget(m_status);

    connect(m_restore, &QPushButton::clicked, this, &RangeHealthLine::askRestore);
    connect(m_confirm, &QPushButton::clicked, this, &RangeHealthLine::restore);
    connect(m_cancel, &QPushButton::clicked, this, &RangeHealthLine::cancelRestore);
    connect(&m_service, &DiagnoseService::rangeHealthRead, this,
            [this](OperationId id, const RangeHealth& health) {
                if (id == m_pending)
                    showHealth(health);
            });
    connect(&m_service, &DiagnoseService::rangeRestored, this,
            [this](OperationId id, const RangeHealth& health) {
                if (id != m_pending)
                    return;
                m_status->setText(tr("The dynamic range is Windows' default again. Blocks "
                                     "held by services may move at the next boot."));
                m_status->setVisible(true);
                showHealth(health);
                emit restoreFinished(true);
            });
    connect(&m_service, &DiagnoseService::failed, this, &RangeHealthLine::onFailed);
}

void RangeHealthLine::refresh()
{
    m_restoring = false;
    m_pending = m_service.readRangeHealth();
}

void RangeHealthLine::askRestore()
{
    m_question->setVisible(true);
    m_confirm->setFocus();
}

void RangeHealthLine::cancelRestore()
{
    m_question->setVisible(false);
}

void RangeHealthLine::restore()
{
    m_question->setVisible(false);
    m_restore->setEnabled(false);
    m_status->setText(tr("Restoring Windows' default…"));
    m_status->setVisible(true);
    m_restoring = true;
    m_pending = m_service.restoreDefaultRange();
}

void RangeHealthLine::showHealth(const RangeHealth& health)
{
    m_pending = 0;
    m_restoring = false;
    m_health = health;
    m_text->setText(health.line());
    m_restore->setVisible(health.canRestore());
    m_restore->setEnabled(true);
    emit healthShown(health);
}

void RangeHealthLine::onFailed(OperationId id, const Error& error)
{
    if (id != m_pending)
        return;
    m_pending = 0;
    m_restore->setEnabled(true);
    if (m_restoring) {
        m_restoring = false;
        m_status->setText(tr("Not restored: %1").arg(Explanations::errorLine(error)));
        m_status->setVisible(true);
        emit restoreFinished(false);
    }
}

} // namespace portolan::ui
