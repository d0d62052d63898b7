// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/reservations/deletedialog.h"

#include "ui/elevation.h"
#include "ui/errorpresenter.h"

#include "model/services/explanations.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QStyle>
#include <QVBoxLayout>

namespace portolan::ui {

DeleteDialog::DeleteDialog(ReservationService& service, const ReservationRecord& record,
                           QWidget* parent)
    : QDialog(parent), m_service(service), m_record(record)
{
    m_onSystem = record.host.isEmpty() || record.host == service.host();
    setWindowTitle(m_onSystem ? tr("Delete reservation") : tr("Remove from the inventory"));
    setObjectName(QStringLiteral("deleteDialog"));
    auto* layout = new QVBoxLayout(this);

    m_banner = new ElevationBanner(*service.backend(), this);
    m_banner->setReason(service.backend()->name() == "linux"
                            ? tr("Deleting a persistent reservation needs root, and Portolan is "
                                 "not running as root: the system will refuse it.")
                            : tr("Deleting a persistent reservation needs an elevated "
                                 "administrator, and Portolan is not running elevated: "
                                 "Windows will refuse it."));
    if (m_onSystem)
        m_banner->refresh();
    else
        m_banner->setVisible(false);
    layout->addWidget(m_banner);

    auto* top = new QHBoxLayout;
    auto* icon = new QLabel(this);
    const int size = style()->pixelMetric(QStyle::PM_MessageBoxIconSize);
    icon->setPixmap(style()->standardIcon(QStyle::SP_MessageBoxQuestion).pixmap(size, size));
    icon->setAlignment(Qt::AlignTop);
    top->addWidget(icon);
    auto* texts = new QVBoxLayout;
    m_question = new QLabel(question(), this);
    m_question->setObjectName(QStringLiteral("question"));
    m_question->setWordWrap(true);
    QFont bold = m_question->font();
    bold.setBold(true);
    bold.setPointSizeF(bold.pointSizeF() * 1.1);
    m_question->setFont(bold);
    texts->addWidget(m_question);

    auto* details = new QFormLayout;
    details->addRow(tr("Host:"), new QLabel(record.host.isEmpty() ? service.host() : record.host));
    details->addRow(tr("Ports:"), new QLabel(tr("%n port(s)", nullptr, record.count)));
    details->addRow(tr("Token:"), new QLabel(Explanations::tokenText(record.token)));
    details->addRow(tr("Source:"), new QLabel(Explanations::sourceName(record.source)));
    auto* note = new QLabel(record.note.isEmpty() ? tr("(no note)") : record.note);
    note->setWordWrap(true);
    details->addRow(tr("Note:"), note);
    texts->addLayout(details);

    auto* consequence = new QLabel(
        m_onSystem
            ? tr("Programs may then be given these ports automatically again. Explicit binds are "
                 "not affected. The delete is recorded in the audit log.")
            : tr("This row describes host %1, not this machine: only the inventory row is "
                 "removed; nothing is changed on %1.")
                  .arg(record.host),
        this);
    consequence->setWordWrap(true);
    texts->addWidget(consequence);
    top->addLayout(texts, 1);
    layout->addLayout(top);

    auto* refusalRow = new QHBoxLayout;
    m_refusal = new QLabel(this);
    m_refusal->setObjectName(QStringLiteral("refusalText"));
    m_refusal->setWordWrap(true);
    m_refusal->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_refusal->setVisible(false);
    m_code = new QLabel(this);
    m_code->setObjectName(QStringLiteral("nativeCode"));
    QFont mono(QStringLiteral("DejaVu Sans Mono"));
    mono.setStyleHint(QFont::Monospace);
    m_code->setFont(mono);
    m_code->setAlignment(Qt::AlignTop | Qt::AlignRight);
    refusalRow->addWidget(m_refusal, 1);
    refusalRow->addWidget(m_code);
    layout->addLayout(refusalRow);

    m_buttons = new QDialogButtonBox(this);
    m_delete = m_buttons->addButton(m_onSystem ? tr("&Delete") : tr("&Remove from inventory"),
                                    QDialogButtonBox::DestructiveRole);
    m_delete->setObjectName(QStringLiteral("delete"));
    m_delete->setIcon(style()->standardIcon(QStyle::SP_TrashIcon));
    m_cancel = m_buttons->addButton(QDialogButtonBox::Cancel);
    // A destructive action is never the default: Enter cancels.
    m_delete->setAutoDefault(false);
    m_cancel->setDefault(true);
    m_cancel->setFocus();
    layout->addWidget(m_buttons);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_delete, &QPushButton::clicked, this, &DeleteDialog::startDelete);
    connect(&m_service, &ReservationService::operationFinished, this, &DeleteDialog::onFinished);
    resize(560, qMax(200, layout->totalHeightForWidth(560)));
}

QString DeleteDialog::question() const
{
    const QString protocol = Explanations::protocolName(m_record.protocol);
    const QString range = Explanations::rangeText(m_record.range());
    if (m_onSystem)
        return tr("Delete the persistent %1 reservation %2?").arg(protocol, range);
    return tr("Remove the %1 reservation %2 of host %3 from the inventory?")
        .arg(protocol, range, m_record.host);
}

void DeleteDialog::startDelete()
{
    if (m_id != 0)
        return;
    m_refusal->setVisible(false);
    m_code->clear();
    m_delete->setEnabled(false);
    m_id = m_onSystem ? m_service.remove(m_record.protocol, m_record.range())
                      : m_service.forget(m_record.id);
}

void DeleteDialog::onFinished(const ReservationOutcome& outcome)
{
    if (outcome.id == 0 || outcome.id != m_id)
        return;
    m_id = 0;
    m_outcome = outcome;
    emit deleteFinished(outcome);
    if (outcome.ok) {
        accept();
        return;
    }
    m_delete->setEnabled(true);
    QString html =
        QStringLiteral("<b>%1</b><br>%2")
            .arg(tr("Nothing was deleted.").toHtmlEscaped(), outcome.message.toHtmlEscaped());
    m_refusal->setToolTip({});
    if (outcome.error) {
        const ErrorPresentation shown = ErrorPresenter::present(*outcome.error);
        if (shown.needsElevation && m_onSystem && m_banner->refresh()) {
            // The banner above says that elevation is missing and how to get it: once.
            html = QStringLiteral("<b>%1</b><br>%2")
                       .arg(tr("Nothing was deleted.").toHtmlEscaped(),
                            tr("The message at the top of this dialog says why and what to do.")
                                .toHtmlEscaped());
            m_refusal->setToolTip(outcome.message);
        } else {
            html += QStringLiteral("<br><i>%1</i>").arg(shown.whatToDo.toHtmlEscaped());
        }
        if (outcome.error->kind == ErrorKind::NotFound && m_record.id != 0) {
            // Already gone from the system: what is left to do is forgetting the row.
            html += QStringLiteral("<br>%1").arg(
                tr("The reservation no longer exists on this machine; the row stays in the "
                   "inventory, marked missing, until you remove it.")
                    .toHtmlEscaped());
            m_onSystem = false;
            m_delete->setText(tr("&Remove from inventory"));
        }
        m_code->setText(shown.nativeCode);
        m_code->setToolTip(shown.kind);
    }
    m_refusal->setText(html);
    m_refusal->setVisible(true);
    const int needed = qMax(layout()->totalHeightForWidth(width()), sizeHint().height());
    if (needed > height())
        resize(width(), needed);
}

} // namespace portolan::ui
