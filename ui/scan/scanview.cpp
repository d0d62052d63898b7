// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/scan/scanview.h"

#include "ui/formsupport.h"
#include "ui/probes/probetext.h"
#include "ui/probes/probewidgets.h"
#include "ui/scan/scanrunmodel.h"

#include "model/services/explanations.h"
#include "model/services/lastscans.h"
#include "model/services/probeservice.h"

#include "platform/types.h"

#include <QCheckBox>
#include <QComboBox>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QKeySequence>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QProgressBar>
#include <QPushButton>
#include <QShortcut>
#include <QTableView>
#include <QTextDocument>
#include <QVBoxLayout>

#include <array>

namespace portolan::ui {

ScanView::ScanView(ProbeService& probes, QWidget* parent)
    : QWidget(parent), m_probes(probes), m_model(new ScanRunModel(this))
{
    m_protocol = protocolCombo(this);
    m_protocol->setObjectName(QStringLiteral("scanProtocol"));
    m_family = familyCombo(this);
    m_family->setObjectName(QStringLiteral("scanFamily"));
    m_address = addressCombo(this, 14);
    m_address->setObjectName(QStringLiteral("scanAddress"));
    // "Could a server take this port?": an exclusive bind to the wildcard by default.
    m_address->setCurrentText(QStringLiteral("0.0.0.0"));
    m_range = new QLineEdit(QStringLiteral("1-65535"), this);
    m_range->setObjectName(QStringLiteral("scanRange"));
    m_range->setPlaceholderText(tr("FIRST-LAST or one port"));
    m_range->setMinimumWidth(
        m_range->fontMetrics().horizontalAdvance(QStringLiteral("00000-00000")) + 24);
    m_start = new QPushButton(tr("&Start scan"), this);
    m_start->setObjectName(QStringLiteral("scanStart"));
    m_start->setToolTip(tr("Start the scan (Enter)"));
    m_cancel = new QPushButton(tr("Cancel"), this);
    m_cancel->setObjectName(QStringLiteral("scanCancel"));
    m_cancel->setToolTip(tr("Stop the scan and keep the ports probed so far (Esc)"));
    m_errors = makeErrorLabel(this);
    m_errors->setObjectName(QStringLiteral("scanErrors"));

    auto* form = new QHBoxLayout;
    form->addWidget(buddyLabel(tr("&Protocol"), m_protocol, this));
    form->addWidget(m_protocol);
    form->addSpacing(8);
    form->addWidget(buddyLabel(tr("&Family"), m_family, this));
    form->addWidget(m_family);
    form->addSpacing(8);
    form->addWidget(buddyLabel(tr("&Address"), m_address, this));
    m_address->setMinimumWidth(
        m_address->fontMetrics().horizontalAdvance(QStringLiteral("0000:0000:0000:0000")) + 40);
    form->addWidget(m_address);
    form->addSpacing(8);
    form->addWidget(buddyLabel(tr("P&orts"), m_range, this));
    form->addWidget(m_range);
    form->addStretch(1);

    m_progress = new QProgressBar(this);
    m_progress->setObjectName(QStringLiteral("scanProgress"));
    m_progress->setRange(0, 1);
    m_progress->setValue(0);
    m_progress->setTextVisible(false);
    m_progressText = new QLabel(tr("Not started."), this);
    m_progressText->setObjectName(QStringLiteral("scanProgressText"));
    m_progressText->setMinimumWidth(
        m_progressText->fontMetrics().horizontalAdvance(tr("65,535 of 65,535 ports")) + 8);
    auto* progressRow = new QHBoxLayout;
    progressRow->addWidget(m_progress, 1);
    progressRow->addWidget(m_progressText);
    // Beside the progress rather than after the fields: the fields' row stays narrow enough
    // for a 1024-pixel-wide remote session in every language.
    progressRow->addWidget(m_start);
    progressRow->addWidget(m_cancel);

    m_hideFree = new QCheckBox(tr("&Hide free runs"), this);
    m_hideFree->setObjectName(QStringLiteral("scanHideFree"));

    m_table = new QTableView(this);
    m_table->setObjectName(QStringLiteral("scanRuns"));
    m_table->setModel(m_model);
    setUpRunTable(m_table);
    m_table->setColumnWidth(ScanRunModel::PortsColumn, 140);
    m_table->setColumnWidth(ScanRunModel::CountColumn, 80);
    m_table->setColumnWidth(ScanRunModel::OutcomeColumn, 120);
    m_table->setColumnWidth(ScanRunModel::CodeColumn, 220);

    m_summary = summaryLabel(this);
    m_summary->setObjectName(QStringLiteral("scanSummary"));
    m_status = mutedLabel(tr("Each scan is recorded in the history."), this);
    m_status->setObjectName(QStringLiteral("scanStatus"));

    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_errors);
    layout->addLayout(progressRow);
    layout->addWidget(m_summary);
    layout->addWidget(m_hideFree);
    layout->addWidget(m_table, 1);
    layout->addWidget(m_status);

    connect(m_start, &QPushButton::clicked, this, &ScanView::startScan);
    connect(m_cancel, &QPushButton::clicked, this, &ScanView::cancelScan);
    connect(m_range, &QLineEdit::textChanged, this, &ScanView::updateEnabled);
    connect(m_range, &QLineEdit::returnPressed, this, &ScanView::startScan);
    connect(m_address->lineEdit(), &QLineEdit::returnPressed, this, &ScanView::startScan);
    connect(m_address, &QComboBox::currentTextChanged, this, [this] {
        syncFamily(m_address, m_family);
        updateEnabled();
    });
    connect(m_hideFree, &QCheckBox::toggled, m_model, &ScanRunModel::setHideFree);

    auto* enter = new QShortcut(QKeySequence(Qt::Key_Return), this);
    enter->setContext(Qt::WidgetWithChildrenShortcut);
    connect(enter, &QShortcut::activated, this, &ScanView::startScan);
    auto* keypadEnter = new QShortcut(QKeySequence(Qt::Key_Enter), this);
    keypadEnter->setContext(Qt::WidgetWithChildrenShortcut);
    connect(keypadEnter, &QShortcut::activated, this, &ScanView::startScan);
    auto* escape = new QShortcut(QKeySequence(Qt::Key_Escape), this);
    escape->setContext(Qt::WidgetWithChildrenShortcut);
    connect(escape, &QShortcut::activated, this, &ScanView::cancelScan);

    connect(&m_probes, &ProbeService::scanProgress, this, &ScanView::onProgress);
    connect(&m_probes, &ProbeService::scanRunsSettled, this,
            [this](OperationId id, const std::vector<ScanRun>& runs) {
                if (id != 0 && id == m_current)
                    m_model->appendRuns(runs);
            });
    connect(&m_probes, &ProbeService::finished, this, &ScanView::onFinished);
    connect(&m_probes, &ProbeService::failed, this, &ScanView::onFailed);
    connect(&m_probes, &ProbeService::recordFailed, this, &ScanView::onRecordFailed);
    connect(&m_probes, &ProbeService::busyChanged, this, &ScanView::updateEnabled);

    updateEnabled();
}

ScanView::~ScanView() = default;

void ScanView::setRequest(const ScanRequest& request)
{
    m_protocol->setCurrentIndex(m_protocol->findData(int(request.protocol)));
    m_address->setCurrentText(QString::fromStdString(request.address));
    m_family->setCurrentIndex(m_family->findData(int(request.family)));
    m_range->setText(request.first == request.last
                         ? QString::number(request.first)
                         : QStringLiteral("%1-%2").arg(request.first).arg(request.last));
}

std::optional<ScanRequest> ScanView::checkInput()
{
    QStringList errors;
    auto span = parsePortSpan(m_range->text().trimmed().toStdString(), "ports");
    setFieldError(m_range, span ? QString() : errorText(span.error()));
    if (!span)
        errors << errorText(span.error());
    QString address;
    if (const QString error = checkAddress(
            m_address, tr("address: an address is required, e.g. 127.0.0.1 or ::1"), &address);
        !error.isEmpty())
        errors.prepend(error);
    showErrors(m_errors, errors);
    if (!errors.isEmpty())
        return std::nullopt;
    ScanRequest request;
    request.protocol = protocolOf(m_protocol);
    request.family = familyOf(m_family);
    request.address = address.toStdString();
    request.sharing = probeSharing(request.family, request.address);
    request.first = span->start;
    request.last = quint16(span->end());
    return request;
}

void ScanView::updateEnabled()
{
    const bool scanning = m_current != 0;
    const bool valid = checkInput().has_value();
    m_start->setEnabled(!scanning && !m_probes.busy() && valid);
    m_cancel->setEnabled(scanning && !m_cancelRequested);
    for (QWidget* field : std::array<QWidget*, 4>{m_protocol, m_family, m_address, m_range})
        field->setEnabled(!scanning);
    if (m_focusStart && m_start->isEnabled()) {
        m_focusStart = false;
        if (isActiveWindow())
            m_start->setFocus(Qt::OtherFocusReason);
    }
}

void ScanView::startScan()
{
    if (m_current != 0 || m_probes.busy())
        return;
    const auto request = checkInput();
    if (!request)
        return;
    m_model->clear();
    m_summary->clear();
    m_cancelRequested = false;
    const quint32 total = quint32(request->last) - request->first + 1;
    m_progress->setRange(0, int(total));
    m_progress->setValue(0);
    m_progressText->setText(tr("0 of %1 ports").arg(ProbeText::countText(total)));
    m_status->setText(tr("Scanning %1 %2 %3…")
                          .arg(Explanations::protocolName(request->protocol),
                               QString::fromStdString(request->address),
                               ProbeText::spanText(request->first, request->last)));
    m_elapsed.start();
    m_current = m_probes.runScan(*request);
    updateEnabled();
    // The fields are disabled now: keep the keyboard on Cancel, which Esc also presses.
    if (m_cancel->isEnabled())
        m_cancel->setFocus(Qt::OtherFocusReason);
}

void ScanView::cancelScan()
{
    if (m_current == 0 || m_cancelRequested)
        return;
    m_cancelRequested = true;
    m_probes.cancel();
    m_status->setText(tr("Cancelling…"));
    updateEnabled();
}

void ScanView::onProgress(OperationId id, quint32 done, quint32 total)
{
    if (id != m_current || m_current == 0)
        return;
    if (m_progress->maximum() != int(total))
        m_progress->setMaximum(int(total));
    m_progress->setValue(int(done));
    m_progressText->setText(
        tr("%1 of %2 ports").arg(ProbeText::countText(done), ProbeText::countText(total)));
}

void ScanView::onFinished(OperationId id, const ProbeRunRecord& run)
{
    if (id != m_current || m_current == 0)
        return;
    if (run.kind != ProbeKind::Scan) // cannot happen: ids are unique
        return;
    ScanResult result = portolan::scanResultFromRun(run);
    const qint64 elapsedUs = run.durationUs > 0 ? run.durationUs : m_elapsed.nsecsElapsed() / 1000;
    const quint32 total = quint32(result.request.last) - result.request.first + 1;
    m_progress->setMaximum(int(total));
    m_progress->setValue(int(result.probed));
    m_progressText->setText(
        tr("%1 of %2 ports").arg(ProbeText::countText(result.probed), ProbeText::countText(total)));
    m_model->setRuns(result.runs);
    m_summary->setText(summaryFor(result, elapsedUs));
    m_status->setText(run.id != 0 ? tr("Recorded in the history as run %1.").arg(run.id)
                                  : tr("Not recorded in the history."));
    m_last = result;
    finishScan();
    emit scanFinished(result);
    notifyScreenshot();
}

void ScanView::onFailed(OperationId id, const Error& error)
{
    if (id != m_current || m_current == 0)
        return;
    m_summary->setText(
        tr("<b>Not scanned:</b> %1").arg(Explanations::errorLine(error).toHtmlEscaped()));
    m_status->setText(tr("Nothing was recorded."));
    m_progress->setValue(0);
    m_progressText->setText(tr("Not started."));
    finishScan();
    notifyScreenshot();
}

void ScanView::onRecordFailed(OperationId id, const Error& error)
{
    Q_UNUSED(id);
    m_status->setText(tr("The scan could not be recorded in the history: %1")
                          .arg(Explanations::errorLine(error)));
}

void ScanView::finishScan()
{
    const bool hadFocus = m_cancel->hasFocus();
    m_current = 0;
    m_cancelRequested = false;
    updateEnabled();
    // Start is enabled once the service reports it is idle (right after the result).
    m_focusStart = hadFocus || !focusWidget() || !focusWidget()->isEnabled();
    updateEnabled();
}

void ScanView::notifyScreenshot()
{
    if (m_screenshotPending) {
        m_screenshotPending = false;
        emit screenshotReady();
    }
}

bool ScanView::prepareScreenshot(const QString& state)
{
    ScanRequest request;
    if (state == QLatin1String("2800-3400")) {
        request.first = 2800;
        request.last = 3400;
    } else if (state != QLatin1String("full")) {
        return false;
    }
    setRequest(request);
    m_screenshotPending = true;
    startScan();
    if (!isScanning())
        m_screenshotPending = false;
    return isScanning();
}

QString ScanView::summaryText() const
{
    QTextDocument document;
    document.setHtml(m_summary->text());
    return document.toPlainText();
}

QString ScanView::summaryFor(const ScanResult& result, qint64 elapsedUs) const
{
    std::array<quint64, 5> ports{};
    for (const ScanRun& run : result.runs)
        ports[std::size_t(run.outcome)] += quint32(run.last) - run.first + 1;
    const quint32 total = quint32(result.request.last) - result.request.first + 1;
    const QString duration = ProbeText::durationText(elapsedUs);
    QString head;
    if (result.cancelled) {
        const QString probedSpan =
            result.runs.empty()
                ? tr("none")
                : ProbeText::spanText(result.runs.front().first, result.runs.back().last);
        head = tr("<b>Cancelled</b> after %1 of %2 ports (%3) in %4")
                   .arg(ProbeText::countText(result.probed), ProbeText::countText(total),
                        probedSpan, duration);
    } else {
        head = tr("<b>Complete:</b> %1 ports of %2 %3 probed in %4")
                   .arg(ProbeText::countText(result.probed),
                        Explanations::protocolName(result.request.protocol),
                        QString::fromStdString(result.request.address).toHtmlEscaped(), duration);
    }
    auto part = [&](BindOutcome outcome, const QString& words) {
        // The table's squares, a shade darker so the pale ones read on the window colour.
        const QColor color = ProbeText::outcomeColor(outcome).darker(125);
        return QStringLiteral("<span style=\"color:%1\">&#9632;</span> %2")
            .arg(color.name(), words.arg(ProbeText::countText(ports[std::size_t(outcome)])));
    };
    return tr("%1 — %2, %3, %4, %5, %6 (%7 runs).")
        .arg(head, part(BindOutcome::Free, tr("%1 free")),
             part(BindOutcome::InUse, tr("%1 in use")), part(BindOutcome::Denied, tr("%1 denied")),
             part(BindOutcome::Forbidden, tr("%1 forbidden")),
             part(BindOutcome::Other, tr("%1 other")))
        .arg(ProbeText::countText(result.runs.size()));
}

} // namespace portolan::ui
