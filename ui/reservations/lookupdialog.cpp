// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/reservations/lookupdialog.h"

#include "ui/errorpresenter.h"
#include "ui/formsupport.h"
#include "ui/reservations/blockinput.h"

#include "model/services/explanations.h"

#include <QApplication>
#include <QClipboard>
#include <QDialogButtonBox>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QStyle>
#include <QVBoxLayout>

namespace portolan::ui {

LookupDialog::LookupDialog(ReservationService& service, QWidget* parent)
    : QDialog(parent), m_service(service)
{
    setWindowTitle(tr("Look up a persistent reservation"));
    setObjectName(QStringLiteral("lookupDialog"));
    auto* layout = new QVBoxLayout(this);
    // Never smaller than the fields and messages need (see growToFit after each message).
    layout->setSizeConstraint(QLayout::SetMinimumSize);

    auto* intro = new QLabel(tr("Windows finds a persistent reservation only by the exact start "
                                "and count it was made with, never by a part of the block. "
                                "Tokens may change at every restart of the machine."),
                             this);
    intro->setWordWrap(true);
    layout->addWidget(intro);

    m_input = new BlockInput(this);
    layout->addWidget(m_input);

    m_lookup = new QPushButton(tr("&Look up"), this);
    m_lookup->setObjectName(QStringLiteral("lookup"));
    m_lookup->setDefault(true);
    m_lookup->setIcon(style()->standardIcon(QStyle::SP_FileDialogContentsView));
    auto* lookupRow = new QHBoxLayout;
    lookupRow->addStretch(1);
    lookupRow->addWidget(m_lookup);
    layout->addLayout(lookupRow);

    auto* tokenRow = new QHBoxLayout;
    auto* tokenLabel = new QLabel(tr("&Token:"), this);
    m_token = new QLineEdit(this);
    m_token->setObjectName(QStringLiteral("token"));
    m_token->setReadOnly(true);
    QFont mono(QStringLiteral("DejaVu Sans Mono"));
    mono.setStyleHint(QFont::Monospace);
    m_token->setFont(mono);
    m_token->setPlaceholderText(tr("not looked up yet"));
    tokenLabel->setBuddy(m_token);
    m_copy = new QPushButton(tr("C&opy"), this);
    m_copy->setObjectName(QStringLiteral("copy"));
    m_copy->setEnabled(false);
    tokenRow->addWidget(tokenLabel);
    tokenRow->addWidget(m_token, 1);
    tokenRow->addWidget(m_copy);
    layout->addLayout(tokenRow);

    auto* resultRow = new QHBoxLayout;
    m_result = new QLabel(this);
    m_result->setObjectName(QStringLiteral("result"));
    m_result->setWordWrap(true);
    m_result->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_result->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::MinimumExpanding);
    m_code = new QLabel(this);
    m_code->setObjectName(QStringLiteral("nativeCode"));
    m_code->setFont(mono);
    m_code->setAlignment(Qt::AlignTop | Qt::AlignRight);
    m_code->setTextInteractionFlags(Qt::TextSelectableByMouse);
    resultRow->addWidget(m_result, 1);
    resultRow->addWidget(m_code);
    layout->addLayout(resultRow);

    m_buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    layout->addWidget(m_buttons);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    connect(m_input, &BlockInput::changed, this, [this] {
        m_token->clear();
        m_copy->setEnabled(false);
        m_result->clear();
        m_code->clear();
        updateButtons();
    });
    connect(m_lookup, &QPushButton::clicked, this, &LookupDialog::lookUp);
    connect(m_copy, &QPushButton::clicked, this, [this] {
        QApplication::clipboard()->setText(m_token->text());
        m_result->setText(m_result->text() + QLatin1Char(' ') + tr("(copied)"));
    });
    connect(&m_service, &ReservationService::operationFinished, this, &LookupDialog::onFinished);

    m_input->startEdit()->setFocus();
    resize(640, qMax(260, layout->totalHeightForWidth(640) + 24));
    updateButtons();
}

void LookupDialog::setBlock(Protocol protocol, PortRange range)
{
    m_input->setProtocol(protocol);
    m_input->setRange(range);
}

void LookupDialog::setKnownBlocks(QList<std::pair<Protocol, PortRange>> blocks)
{
    m_known = std::move(blocks);
}

std::optional<PortRange> LookupDialog::containingBlock(Protocol protocol, PortRange range) const
{
    for (const auto& [knownProtocol, known] : m_known) {
        if (knownProtocol == protocol && known.contains(range.start) &&
            (known.start != range.start || known.count != range.count))
            return known;
    }
    return std::nullopt;
}

void LookupDialog::lookUp()
{
    if (!m_input->range() || m_id != 0)
        return;
    m_outcome.reset();
    m_result->setText(tr("Looking up…"));
    m_id = m_service.lookup(m_input->protocol(), *m_input->range());
    updateButtons();
}

void LookupDialog::updateButtons()
{
    m_lookup->setEnabled(m_id == 0 && m_input->range().has_value());
    m_input->setReadOnly(m_id != 0);
}

void LookupDialog::onFinished(const ReservationOutcome& outcome)
{
    if (outcome.id == 0 || outcome.id != m_id)
        return;
    m_id = 0;
    m_outcome = outcome;
    const QString block = tr("%1 %2").arg(Explanations::protocolName(outcome.protocol),
                                          Explanations::rangeText(outcome.range));
    if (outcome.ok) {
        if (outcome.token != 0) {
            m_token->setText(Explanations::tokenText(outcome.token));
            m_token->setToolTip(tr("%1 in decimal").arg(outcome.token));
            m_copy->setEnabled(true);
            m_result->setText(
                tr("%1 is reserved. Its token is valid until the machine restarts.").arg(block));
        } else {
            m_token->setText(tr("none"));
            m_copy->setEnabled(false);
            m_result->setText(tr("%1 is reserved. This system keeps no tokens for persistent "
                                 "reservations.")
                                  .arg(block));
        }
        m_code->clear();
    } else {
        m_token->clear();
        m_copy->setEnabled(false);
        // Windows finds a block only by its exact start and count: a port inside a known
        // block is the commonest reason, so say which block and what to look up.
        QString inside;
        if (const std::optional<PortRange> container =
                containingBlock(outcome.protocol, outcome.range)) {
            inside = QLatin1Char('\n') +
                     tr("%1 is inside the reservation %2 (start %3, count %4): look it up by "
                        "its first port and count.")
                         .arg(outcome.range.start)
                         .arg(Explanations::rangeText(*container))
                         .arg(container->start)
                         .arg(container->count);
        }
        if (outcome.error) {
            const ErrorPresentation shown = ErrorPresenter::present(*outcome.error);
            m_result->setText(outcome.message + inside + QLatin1Char('\n') + shown.whatToDo);
            m_code->setText(shown.nativeCode);
            m_code->setToolTip(shown.kind);
        } else {
            m_result->setText(outcome.message + inside);
        }
    }
    growToFit(this);
    updateButtons();
    emit lookupFinished(outcome);
}

} // namespace portolan::ui
