// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/reservations/newreservationdialog.h"

#include "ui/elevation.h"
#include "ui/errorpresenter.h"
#include "ui/reservations/blockinput.h"

#include "model/services/diagnoseservice.h"
#include "model/services/explanations.h"

#include <QDialogButtonBox>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QStyle>
#include <QTimer>
#include <QVBoxLayout>

#include <algorithm>

namespace portolan::ui {
namespace {

QIcon findingIcon(const QStyle* style, Severity severity)
{
    return style->standardIcon(severity == Severity::Blocking ? QStyle::SP_MessageBoxCritical
                                                              : QStyle::SP_MessageBoxWarning);
}

} // namespace

NewReservationDialog::NewReservationDialog(ReservationService& service, QWidget* parent)
    : QDialog(parent), m_service(service)
{
    setWindowTitle(tr("New persistent reservation"));
    setObjectName(QStringLiteral("newReservationDialog"));

    auto* layout = new QVBoxLayout(this);

    m_banner = new ElevationBanner(*service.backend(), this);
    m_banner->setReason(service.backend()->name() == "linux"
                            ? tr("Creating a persistent reservation needs root, and Portolan is "
                                 "not running as root: the system will refuse it.")
                            : tr("Creating a persistent reservation needs an elevated "
                                 "administrator, and Portolan is not running elevated: "
                                 "Windows will refuse it."));
    layout->addWidget(m_banner);

    auto* intro = new QLabel(tr("Reserves a block of ports on %1 so that no program is given "
                                "them automatically. Explicit binds to them still work.")
                                 .arg(service.host()),
                             this);
    intro->setWordWrap(true);
    layout->addWidget(intro);

    m_input = new BlockInput(this);
    m_note = new QLineEdit(this);
    m_note->setObjectName(QStringLiteral("note"));
    m_note->setPlaceholderText(tr("owner and purpose, e.g. \"adb server, pinned for the team\""));
    auto* noteLabel = new QLabel(tr("&Note:"), this);
    noteLabel->setBuddy(m_note);
    m_input->grid()->addWidget(noteLabel, 5, 0);
    m_input->grid()->addWidget(m_note, 5, 1, 1, 2);
    m_findFree = new QPushButton(tr("&Find a free block"), this);
    m_findFree->setObjectName(QStringLiteral("findFreeBlock"));
    m_findFree->setToolTip(tr("The nearest block of this many ports outside every reservation, "
                              "listener and the dynamic range, confirmed by bind probes"));
    m_findStatus = new QLabel(this);
    m_findStatus->setObjectName(QStringLiteral("findFreeStatus"));
    m_findStatus->setWordWrap(true);
    m_input->grid()->addWidget(m_findFree, 6, 1);
    m_input->grid()->addWidget(m_findStatus, 6, 2);
    m_diagnose = new DiagnoseService(service.backend(), nullptr, this);
    connect(m_findFree, &QPushButton::clicked, this, &NewReservationDialog::findFreeBlock);
    connect(m_diagnose, &DiagnoseService::suggested, this,
            [this](OperationId id, const diagnose::Suggestion& found) {
                if (id != m_suggestId)
                    return;
                m_suggestId = 0;
                m_findFree->setEnabled(true);
                m_input->setRange(found.block);
                m_findStatus->setText(
                    tr("%1 is free: %n bind probe(s) succeeded.", nullptr, int(found.probes))
                        .arg(Explanations::rangeText(found.block)));
                emit freeBlockFound(found.block);
            });
    connect(m_diagnose, &DiagnoseService::failed, this, [this](OperationId id, const Error& e) {
        if (id != m_suggestId)
            return;
        m_suggestId = 0;
        m_findFree->setEnabled(true);
        m_findStatus->setText(tr("No free block found: %1").arg(Explanations::errorLine(e)));
        emit freeBlockFound(std::nullopt);
    });
    layout->addWidget(m_input);

    auto* checkLabel = new QLabel(tr("Pre-flight check:"), this);
    QFont bold = checkLabel->font();
    bold.setBold(true);
    checkLabel->setFont(bold);
    layout->addWidget(checkLabel);
    m_findings = new QListWidget(this);
    m_findings->setObjectName(QStringLiteral("findings"));
    m_findings->setWordWrap(true);
    m_findings->setMinimumHeight(72);
    m_findings->setMaximumHeight(150);
    m_findings->setSelectionMode(QAbstractItemView::NoSelection);
    m_findings->setFocusPolicy(Qt::TabFocus);
    checkLabel->setBuddy(m_findings);
    layout->addWidget(m_findings);

    m_blocked = new QLabel(this);
    m_blocked->setObjectName(QStringLiteral("blocked"));
    m_blocked->setWordWrap(true);
    m_blocked->setVisible(false);
    layout->addWidget(m_blocked);

    // The refusal: icon, the explanation in words, the native code beside it, the remedy.
    m_refusalBox = new QFrame(this);
    m_refusalBox->setObjectName(QStringLiteral("refusal"));
    static_cast<QFrame*>(m_refusalBox)->setFrameShape(QFrame::StyledPanel);
    auto* refusalLayout = new QHBoxLayout(m_refusalBox);
    m_refusalIcon = new QLabel(m_refusalBox);
    m_refusalIcon->setAlignment(Qt::AlignTop);
    const int iconSize = style()->pixelMetric(QStyle::PM_MessageBoxIconSize);
    m_refusalIcon->setPixmap(
        style()->standardIcon(QStyle::SP_MessageBoxCritical).pixmap(iconSize, iconSize));
    refusalLayout->addWidget(m_refusalIcon);
    m_refusal = new QLabel(m_refusalBox);
    m_refusal->setObjectName(QStringLiteral("refusalText"));
    m_refusal->setWordWrap(true);
    m_refusal->setTextInteractionFlags(Qt::TextSelectableByMouse);
    refusalLayout->addWidget(m_refusal, 1);
    m_code = new QLabel(m_refusalBox);
    m_code->setObjectName(QStringLiteral("nativeCode"));
    m_code->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_code->setAlignment(Qt::AlignTop | Qt::AlignRight);
    QFont mono(QStringLiteral("DejaVu Sans Mono"));
    mono.setStyleHint(QFont::Monospace);
    m_code->setFont(mono);
    refusalLayout->addWidget(m_code);
    m_refusalBox->setVisible(false);
    layout->addWidget(m_refusalBox);
    layout->addStretch(1);

    m_buttons = new QDialogButtonBox(this);
    m_create = m_buttons->addButton(tr("&Create"), QDialogButtonBox::AcceptRole);
    m_create->setObjectName(QStringLiteral("create"));
    m_create->setDefault(true);
    m_protect = m_buttons->addButton(tr("Prot&ect ports…"), QDialogButtonBox::ActionRole);
    m_protect->setObjectName(QStringLiteral("protect"));
    m_protect->setToolTip(tr("Stop the service that holds these ports, reserve them and start "
                             "the service again"));
    m_protect->setVisible(false);
    connect(m_protect, &QPushButton::clicked, this, [this] {
        if (m_report)
            emit protectRequested(m_report->protocol, m_report->range);
    });
    m_buttons->addButton(QDialogButtonBox::Cancel);
    layout->addWidget(m_buttons);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_create, &QPushButton::clicked, this, &NewReservationDialog::startCreate);

    m_delay = new QTimer(this);
    m_delay->setSingleShot(true);
    m_delay->setInterval(kPreflightDelayMs);
    connect(m_delay, &QTimer::timeout, this, &NewReservationDialog::runPreflight);

    connect(m_input, &BlockInput::changed, this, &NewReservationDialog::inputChanged);
    connect(&m_service, &ReservationService::preflightFinished, this,
            &NewReservationDialog::onPreflight);
    connect(&m_service, &ReservationService::operationFailed, this,
            &NewReservationDialog::onFailed);
    connect(&m_service, &ReservationService::operationFinished, this,
            &NewReservationDialog::onFinished);

    m_input->startEdit()->setFocus();
    inputChanged();
    resize(720, qMax(440, layout->totalHeightForWidth(720)));
}

void NewReservationDialog::findFreeBlock()
{
    diagnose::SuggestRequest request;
    request.protocol = m_input->protocol();
    bool countOk = false;
    const uint count = m_input->countEdit()->text().toUInt(&countOk);
    request.count = m_input->range()                          ? m_input->range()->count
                    : countOk && count >= 1 && count <= 64512 ? quint16(count)
                                                              : quint16(1);
    bool startOk = false;
    const uint start = m_input->startEdit()->text().toUInt(&startOk);
    if (startOk && start >= 1 && start <= 65535)
        request.near = quint16(start);
    m_findFree->setEnabled(false);
    m_findStatus->setText(tr("Searching…"));
    m_suggestId = m_diagnose->suggest(request);
}

void NewReservationDialog::setBlock(Protocol protocol, PortRange range)
{
    m_input->setProtocol(protocol);
    m_input->setRange(range);
}

void NewReservationDialog::setNote(const QString& note)
{
    m_note->setText(note);
}

void NewReservationDialog::inputChanged()
{
    m_report.reset();
    m_preflightId = 0; // a late answer for older input is ignored
    clearRefusal();
    if (m_input->range()) {
        showMessageInList(tr("Checking %1 %2…")
                              .arg(Explanations::protocolName(m_input->protocol()),
                                   Explanations::rangeText(*m_input->range())));
        m_delay->start();
    } else {
        m_delay->stop();
        showMessageInList(tr("Enter a valid block to check it against the reservations, the "
                             "listening programs and the dynamic range."));
    }
    updateButtons();
}

void NewReservationDialog::runPreflight()
{
    if (!m_input->range())
        return;
    m_preflightProtocol = m_input->protocol();
    m_preflightRange = *m_input->range();
    m_preflightId = m_service.preflight(m_preflightProtocol, m_preflightRange);
    updateButtons();
}

void NewReservationDialog::onPreflight(OperationId id, const PreflightReport& report)
{
    if (id == 0 || id != m_preflightId)
        return;
    m_preflightId = 0;
    m_report = report;
    showFindings(report);
    updateButtons();
    emit preflightShown(report);
}

void NewReservationDialog::onFailed(OperationId id, ReservationOperation, const Error& error)
{
    if (id == 0 || id != m_preflightId)
        return;
    m_preflightId = 0;
    // The check could not be made; the service checks again before it creates, so Create
    // stays possible, with the reason shown.
    PreflightReport empty;
    empty.protocol = m_preflightProtocol;
    empty.range = m_preflightRange;
    empty.problems << ErrorPresenter::present(error).toPlainText();
    m_report = empty;
    showFindings(empty);
    updateButtons();
    emit preflightShown(empty);
}

void NewReservationDialog::showMessageInList(const QString& text)
{
    m_findings->clear();
    auto* item = new QListWidgetItem(style()->standardIcon(QStyle::SP_MessageBoxInformation), text);
    item->setFlags(Qt::ItemIsEnabled);
    m_findings->addItem(item);
}

void NewReservationDialog::showFindings(const PreflightReport& report)
{
    m_findings->clear();
    m_protect->setVisible(std::ranges::any_of(report.findings, [](const PreflightFinding& f) {
        return f.kind == FindingKind::OverlapKnownReservation && f.block && !f.block->persistent;
    }));
    // The banner at the top says it, once, with the way out: not again among the findings.
    const bool bannerShown = m_banner->refresh();
    bool listed = false;
    for (const PreflightFinding& finding : report.findings) {
        if (bannerShown && finding.kind == FindingKind::NeedsElevation)
            continue;
        listed = true;
        auto* item = new QListWidgetItem(findingIcon(style(), finding.severity), finding.text);
        item->setData(Qt::UserRole, int(finding.kind));
        item->setData(Qt::UserRole + 1, int(finding.severity));
        item->setFlags(Qt::ItemIsEnabled);
        item->setToolTip(finding.severity == Severity::Blocking
                             ? tr("Blocks the create")
                             : tr("A warning: the create is still possible"));
        m_findings->addItem(item);
    }
    for (const QString& problem : report.problems) {
        auto* item = new QListWidgetItem(style()->standardIcon(QStyle::SP_MessageBoxInformation),
                                         tr("Could not be checked: %1").arg(problem));
        item->setFlags(Qt::ItemIsEnabled);
        m_findings->addItem(item);
    }
    if (!listed) {
        auto* item = new QListWidgetItem(
            style()->standardIcon(QStyle::SP_DialogApplyButton),
            tr("No conflict found: no known reservation overlaps %1 %2, no program listens on it, "
               "and it lies outside the dynamic range.")
                .arg(Explanations::protocolName(report.protocol),
                     Explanations::rangeText(report.range)));
        item->setFlags(Qt::ItemIsEnabled);
        m_findings->insertItem(0, item);
    }
}

void NewReservationDialog::updateButtons()
{
    const bool creating = m_createId != 0;
    m_input->setReadOnly(creating);
    m_note->setReadOnly(creating);
    QString why;
    if (creating)
        why = tr("Creating…");
    else if (!m_input->range())
        why.clear(); // the field errors say it
    else if (!m_report)
        why = tr("Create is available once the pre-flight check has answered.");
    else if (m_report->blocked())
        why = m_report->blocking().size() == 1
                  ? tr("Create is disabled by the problem marked above.")
                  : tr("Create is disabled by the %n problems marked above.", nullptr,
                       int(m_report->blocking().size()));
    m_create->setEnabled(!creating && m_input->range() && m_report && !m_report->blocked());
    m_blocked->setText(why);
    m_blocked->setVisible(!why.isEmpty());
    m_banner->refresh();
}

void NewReservationDialog::startCreate()
{
    if (!m_create->isEnabled() || !m_input->range())
        return;
    clearRefusal();
    m_outcome.reset();
    m_createId = m_service.create(m_input->protocol(), *m_input->range(), m_note->text());
    updateButtons();
}

void NewReservationDialog::onFinished(const ReservationOutcome& outcome)
{
    if (outcome.id == 0 || outcome.id != m_createId)
        return;
    m_createId = 0;
    m_outcome = outcome;
    emit createFinished(outcome);
    if (outcome.ok) {
        accept();
        return;
    }
    if (outcome.preflight) {
        m_report = outcome.preflight;
        showFindings(*outcome.preflight);
    }
    showRefusal(outcome);
    updateButtons();
}

void NewReservationDialog::clearRefusal()
{
    m_refusalBox->setVisible(false);
    m_refusal->clear();
    m_code->clear();
}

void NewReservationDialog::showRefusal(const ReservationOutcome& outcome)
{
    QString html = QStringLiteral("<b>%1</b>")
                       .arg(outcome.refusedByPreflight
                                ? tr("Refused before calling the system.").toHtmlEscaped()
                                : tr("The system refused the reservation.").toHtmlEscaped());
    m_refusal->setToolTip({});
    const std::optional<ErrorPresentation> shown =
        outcome.error ? std::optional(ErrorPresenter::present(*outcome.error)) : std::nullopt;
    if (shown) {
        m_code->setText(shown->nativeCode);
        m_code->setToolTip(shown->kind);
    }
    if (shown && shown->needsElevation && m_banner->refresh()) {
        // The banner above already says that elevation is missing and how to get it; the
        // system's own words stay one hover away.
        html += QStringLiteral("<br>%1").arg(
            tr("Nothing was created: the message at the top of this dialog says why and what "
               "to do.")
                .toHtmlEscaped());
        m_refusal->setToolTip(outcome.message);
    } else {
        html += QStringLiteral("<br>") + outcome.message.toHtmlEscaped();
        if (shown)
            html += QStringLiteral("<br><i>%1</i>").arg(shown->whatToDo.toHtmlEscaped());
    }
    m_refusal->setText(html);
    m_refusalBox->setVisible(true);
    // Grow rather than clip the explanation.
    const int needed = qMax(layout()->totalHeightForWidth(width()), sizeHint().height());
    if (needed > height())
        resize(width(), needed);
}

} // namespace portolan::ui
