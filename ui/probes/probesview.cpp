// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/probes/probesview.h"

#include "ui/diagnose/explanationpanel.h"

#include "ui/formsupport.h"
#include "ui/probes/livestepmodel.h"
#include "ui/probes/probeform.h"
#include "ui/probes/probewidgets.h"

#include "model/services/explanations.h"
#include "model/services/probeservice.h"

#include "platform/types.h"

#include <QApplication>
#include <QButtonGroup>
#include <QComboBox>
#include <QGridLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QTableView>
#include <QTextDocument>
#include <QVBoxLayout>

namespace portolan::ui {
namespace {

template <typename Widget> Widget* named(Widget* widget, const char* name)
{
    widget->setObjectName(QLatin1String(name));
    return widget;
}

// The start and count fields checked as the platform checks a range of that kind: the field
// the error names is marked.
Result<PortRange> checkRange(QLineEdit* start, QLineEdit* count, RangeKind kind)
{
    auto range = parsePortRange(start->text().trimmed().toStdString(),
                                count->text().trimmed().toStdString(), kind);
    const bool startBad = !range && errorField(range.error()) == QLatin1String("start");
    setFieldError(start, startBad ? errorText(range.error()) : QString());
    setFieldError(count, !range && !startBad ? errorText(range.error()) : QString());
    return range;
}

// A requested runtime block: start 0 lets the system choose where it lies.
QString requestText(const PortRange& range)
{
    if (range.start == 0)
        return ProbesView::tr("%1 ports, wherever the system chooses").arg(range.count);
    return Explanations::rangeText(range);
}

} // namespace

ProbesView::ProbesView(ProbeService& probes, QWidget* parent)
    : QWidget(parent), m_probes(probes), m_steps(new LiveStepModel(this))
{
    auto* groups = new QGridLayout;
    groups->addWidget(buildSample1(), 0, 0);
    groups->addWidget(buildSample2(), 0, 1);
    groups->addWidget(buildCustom(), 1, 0);
    groups->addWidget(buildBind(), 1, 1);
    groups->setColumnStretch(0, 1);
    groups->setColumnStretch(1, 1);
    for (ProbeForm* form : {m_sample1, m_sample2, m_custom, m_bind})
        connect(form, &ProbeForm::changed, this, &ProbesView::validateAll);

    m_title = new QLabel(tr("Steps"), this);
    QFont bold = m_title->font();
    bold.setBold(true);
    m_title->setFont(bold);

    m_table = new QTableView(this);
    m_table->setObjectName(QStringLiteral("probeSteps"));
    m_table->setModel(m_steps);
    setUpRunTable(m_table);
    m_table->setColumnWidth(LiveStepModel::StepColumn, 125);
    m_table->setColumnWidth(LiveStepModel::ResultColumn, 95);
    m_table->setColumnWidth(LiveStepModel::CodeColumn, 165);
    m_table->setColumnWidth(LiveStepModel::DurationColumn, 75);
    m_table->setColumnWidth(LiveStepModel::DetailColumn, 370);
    m_title->setBuddy(m_table);

    m_summary = summaryLabel(this);
    m_summary->setObjectName(QStringLiteral("probeSummary"));
    m_summary->setMinimumHeight(m_summary->fontMetrics().lineSpacing() * 2 + 4);
    m_summary->setAlignment(Qt::AlignLeft | Qt::AlignTop);

    m_status = mutedLabel(tr("Each run is recorded in the history."), this);
    m_status->setWordWrap(true);
    m_status->setObjectName(QStringLiteral("probeStatus"));

    auto* layout = new QVBoxLayout(this);
    layout->addLayout(groups);
    layout->addSpacing(4);
    // The verdict right under the title, then the calls that led to it.
    layout->addWidget(m_title);
    layout->addWidget(m_summary);
    layout->addWidget(m_table, 1);
    layout->addWidget(m_status);

    connect(&m_probes, &ProbeService::stepFinished, this, &ProbesView::onStep);
    connect(&m_probes, &ProbeService::finished, this, &ProbesView::onFinished);
    connect(&m_probes, &ProbeService::failed, this, &ProbesView::onFailed);
    connect(&m_probes, &ProbeService::recordFailed, this, &ProbesView::onRecordFailed);
    connect(&m_probes, &ProbeService::busyChanged, this, &ProbesView::updateEnabled);

    validateAll();
}

ProbesView::~ProbesView() = default;

ProbeForm* ProbesView::buildSample1()
{
    m_sample1 =
        new ProbeForm(tr("Sample 1: acquire → release"), QStringLiteral("sample1"), 4, this);
    ProbeForm* form = m_sample1;
    m_s1Family = named(new QComboBox(form), "sample1Family");
    m_s1Family->addItem(tr("IPv4 (AF_INET)"), int(AddressFamily::IPv4));
    m_s1Family->addItem(tr("IPv6 (AF_INET6)"), int(AddressFamily::IPv6));
    m_s1Type = named(new QComboBox(form), "sample1Type");
    m_s1Type->addItem(tr("stream"), int(SocketType::Stream));
    m_s1Type->addItem(tr("dgram"), int(SocketType::Datagram));
    m_s1Type->addItem(tr("raw"), int(SocketType::Raw));
    m_s1Protocol = named(new QComboBox(form), "sample1Protocol");
    m_s1Protocol->addItem(tr("TCP (6)"), 6);
    m_s1Protocol->addItem(tr("UDP (17)"), 17);
    m_s1Start = named(numberEdit(QStringLiteral("0"), form), "sample1Start");
    m_s1Start->setPlaceholderText(tr("0 = any"));
    m_s1Count = named(numberEdit(QStringLiteral("10"), form), "sample1Count");

    form->addNote(tr("Opens a socket, acquires a runtime reservation of (start, "
                     "count) — start 0 lets the system choose — and releases it by "
                     "its token."));
    form->addField(tr("&Family"), m_s1Family);
    form->addField(tr("T&ype"), m_s1Type);
    form->nextRow();
    form->addField(tr("Pro&tocol"), m_s1Protocol);
    form->nextRow();
    form->addField(tr("&Start"), m_s1Start);
    form->addField(tr("C&ount"), m_s1Count);
    form->addRunButton(tr("Run sample &1"));
    connect(form, &ProbeForm::runRequested, this, &ProbesView::runSample1);
    return form;
}

ProbeForm* ProbesView::buildSample2()
{
    m_sample2 = new ProbeForm(tr("Sample 2: lookup → associate → bind → getsockname"),
                              QStringLiteral("sample2"), 4, this);
    ProbeForm* form = m_sample2;
    m_s2Start = named(numberEdit(QStringLiteral("5000"), form), "sample2Start");
    m_s2Count = named(numberEdit(QStringLiteral("20"), form), "sample2Count");

    form->addNote(tr("Looks up the persistent TCP reservation (start, count), "
                     "associates a socket with its token, binds to port 0 and "
                     "reads the port the system allocated: it must lie inside the "
                     "block."));
    form->addField(tr("St&art"), m_s2Start);
    form->addField(tr("Cou&nt"), m_s2Count);
    form->addRunButton(tr("Run sample &2"));
    // Until the user edits the block, it follows the first persistent TCP block known.
    for (QLineEdit* edit : {m_s2Start, m_s2Count})
        connect(edit, &QLineEdit::textEdited, this, [this] { m_s2Edited = true; });
    connect(form, &ProbeForm::runRequested, this, &ProbesView::runSample2);
    return form;
}

ProbeForm* ProbesView::buildCustom()
{
    m_custom = new ProbeForm(tr("Custom probe: acquire or look up, associate, bind"),
                             QStringLiteral("custom"), 4, this);
    ProbeForm* form = m_custom;
    m_cProtocol = named(protocolCombo(form), "customProtocol");
    m_cFamily = named(familyCombo(form), "customFamily");
    m_cAddress = named(addressCombo(form, 12), "customAddress");
    auto* useRange = named(new QRadioButton(tr("&Range"), form), "customUseRange");
    useRange->setChecked(true);
    m_cUseToken = named(new QRadioButton(tr("To&ken"), form), "customUseToken");
    auto* modes = new QButtonGroup(form);
    modes->addButton(useRange);
    modes->addButton(m_cUseToken);
    m_cStart = named(numberEdit(QStringLiteral("0"), form), "customStart");
    m_cStart->setPlaceholderText(tr("0 = any"));
    m_cCount = named(numberEdit(QStringLiteral("10"), form), "customCount");
    m_cToken = named(new QLineEdit(form), "customToken");
    m_cToken->setPlaceholderText(tr("0x… or decimal"));
    m_cStart->setAccessibleName(tr("Range start"));
    m_cCount->setAccessibleName(tr("Range count"));
    m_cToken->setAccessibleName(tr("Token"));

    form->addField(tr("Protoco&l"), m_cProtocol);
    form->addField(tr("Fa&mily"), m_cFamily);
    form->nextRow();
    form->addField(tr("A&ddress"), m_cAddress, 3);
    form->followAddress(m_cFamily);
    form->nextRow();
    form->addField(useRange, m_cStart);
    form->addField(tr("Co&unt"), m_cCount);
    form->nextRow();
    form->addField(m_cUseToken, m_cToken, 3);
    form->addRunButton(tr("Run &custom probe"));

    // Typing into a field of a mode selects that mode.
    connect(m_cToken, &QLineEdit::textEdited, m_cUseToken,
            [this] { m_cUseToken->setChecked(true); });
    for (QLineEdit* edit : {m_cStart, m_cCount})
        connect(edit, &QLineEdit::textEdited, useRange, [useRange] { useRange->setChecked(true); });
    connect(m_cUseToken, &QRadioButton::toggled, this, &ProbesView::validateAll);
    connect(form, &ProbeForm::runRequested, this, &ProbesView::runCustom);
    return form;
}

ProbeForm* ProbesView::buildBind()
{
    m_bind = new ProbeForm(tr("Bind probe: one port"), QStringLiteral("bind"), 4, this);
    ProbeForm* form = m_bind;
    m_bProtocol = named(protocolCombo(form), "bindProtocol");
    m_bFamily = named(familyCombo(form), "bindFamily");
    m_bAddress = named(addressCombo(form, 12), "bindAddress");
    m_bPort = named(numberEdit(QStringLiteral("0"), form), "bindPort");
    m_bPort->setPlaceholderText(tr("0 = any"));

    form->addNote(tr("Binds a fresh socket to the port and closes it again: shows "
                     "whether a server could listen there, and who holds the port "
                     "when it cannot (port 0 lets the system choose)."));
    form->addField(tr("Proto&col"), m_bProtocol);
    form->addField(tr("Famil&y"), m_bFamily);
    form->nextRow();
    form->addField(tr("Addr&ess"), m_bAddress, 3);
    form->followAddress(m_bFamily);
    form->nextRow();
    form->addField(tr("&Port"), m_bPort);
    form->addRunButton(tr("&Bind"));
    connect(form, &ProbeForm::runRequested, this, &ProbesView::runBindProbe);
    return form;
}

void ProbesView::setReservations(std::vector<ReservedBlock> blocks)
{
    m_blocks = std::move(blocks);
    if (!m_s2Edited) {
        for (const ReservedBlock& b : m_blocks) {
            if (b.persistent && b.protocol == Protocol::Tcp && b.range.count > 0) {
                m_s2Start->setText(QString::number(b.range.start));
                m_s2Count->setText(QString::number(b.range.count));
                break;
            }
        }
    }
    validateAll();
}

// ---- validation ----------------------------------------------------------------------------

std::optional<ProbesView::Sample1Input> ProbesView::checkSample1()
{
    auto range = checkRange(m_s1Start, m_s1Count, RangeKind::Runtime);
    m_sample1->showErrors(range ? QStringList() : QStringList{errorText(range.error())});
    if (!range)
        return std::nullopt;
    SocketSpec spec;
    spec.family = AddressFamily(m_s1Family->currentData().toInt());
    spec.type = SocketType(m_s1Type->currentData().toInt());
    spec.protocol = m_s1Protocol->currentData().toInt();
    return Sample1Input{spec, range.value()};
}

std::optional<PortRange> ProbesView::checkSample2()
{
    auto range = checkRange(m_s2Start, m_s2Count, RangeKind::Persistent);
    m_sample2->showErrors(range ? QStringList() : QStringList{errorText(range.error())});
    if (!range)
        return std::nullopt;
    return range.value();
}

std::optional<ProbesView::CustomInput> ProbesView::checkCustom()
{
    const bool tokenMode = m_cUseToken->isChecked();
    m_cProtocol->setEnabled(!tokenMode);
    m_cFamily->setEnabled(!tokenMode);
    m_cAddress->setEnabled(!tokenMode);

    CustomInput input;
    QString rangeError;
    QString tokenError;
    QString addressError;
    if (tokenMode) {
        setFieldError(m_cStart, {});
        setFieldError(m_cCount, {});
        setFieldError(m_cAddress, {});
        auto token = parseToken(m_cToken->text(), "token");
        if (!token) {
            tokenError = errorText(token.error());
        } else {
            for (const ReservedBlock& b : m_blocks)
                if (b.persistent && b.token == token.value())
                    input.tokenBlock = b;
            if (!input.tokenBlock) {
                tokenError = tr("token: no persistent reservation with token %1 is known to "
                                "the console; look the block up (Reservations) or use its range")
                                 .arg(Explanations::tokenText(token.value()));
            } else if (input.tokenBlock->protocol != Protocol::Tcp) {
                tokenError = tr("token: %1 is a UDP reservation; associating by token is probed "
                                "on TCP, as in sample 2")
                                 .arg(Explanations::tokenText(token.value()));
            } else {
                input.range = input.tokenBlock->range;
            }
        }
    } else {
        auto range = checkRange(m_cStart, m_cCount, RangeKind::Runtime);
        if (range)
            input.range = range.value();
        else
            rangeError = errorText(range.error());
        addressError =
            checkAddress(m_cAddress, tr("address: an address is required, e.g. 127.0.0.1 or ::1"),
                         &input.address);
        input.spec = SocketSpec::forProtocol(protocolOf(m_cProtocol), familyOf(m_cFamily));
    }
    setFieldError(m_cToken, tokenError);
    QStringList errors;
    for (const QString& e : {addressError, rangeError, tokenError})
        if (!e.isEmpty())
            errors << e;
    m_custom->showErrors(errors);
    if (!errors.isEmpty())
        return std::nullopt;
    return input;
}

std::optional<BindTarget> ProbesView::checkBind()
{
    QStringList errors;
    QString address;
    if (const QString error = checkAddress(
            m_bAddress, tr("address: an address is required, e.g. 127.0.0.1 or ::1"), &address);
        !error.isEmpty())
        errors << error;
    auto port = parsePort(m_bPort->text().trimmed().toStdString(), "port", true);
    setFieldError(m_bPort, port ? QString() : errorText(port.error()));
    if (!port)
        errors << errorText(port.error());
    m_bind->showErrors(errors);
    if (!errors.isEmpty())
        return std::nullopt;
    BindTarget target;
    target.protocol = protocolOf(m_bProtocol);
    target.family = familyOf(m_bFamily);
    target.address = address.toStdString();
    target.sharing = probeSharing(target.family, target.address);
    target.port = port.value();
    return target;
}

void ProbesView::validateAll()
{
    updateEnabled();
}

void ProbesView::updateEnabled()
{
    const bool idle = m_current == 0 && !m_probes.busy();
    m_sample1->runButton()->setEnabled(idle && checkSample1().has_value());
    m_sample2->runButton()->setEnabled(idle && checkSample2().has_value());
    m_custom->runButton()->setEnabled(idle && checkCustom().has_value());
    m_bind->runButton()->setEnabled(idle && checkBind().has_value());
    // The button that started a run lost the focus when it was disabled: give it back once
    // the service is idle again (it reports that after the run's result).
    if (idle && m_focusBefore) {
        if (m_focusBefore->isEnabled() && m_focusBefore->isVisible() && isActiveWindow())
            m_focusBefore->setFocus(Qt::OtherFocusReason);
        m_focusBefore = nullptr;
    }
}

// ---- running -------------------------------------------------------------------------------

void ProbesView::runSample1()
{
    const auto input = checkSample1();
    if (!input)
        return;
    const QString what = tr("Sample 1 (acquire → release) of %1").arg(requestText(input->range));
    launch(what, [&] { return m_probes.runAcquireRelease(input->spec, input->range); });
}

void ProbesView::runSample2()
{
    const auto range = checkSample2();
    if (!range)
        return;
    launch(
        tr("Sample 2 (lookup → associate → bind) of TCP %1").arg(Explanations::rangeText(*range)),
        [&] { return m_probes.runLookupAssociate(*range); });
}

void ProbesView::runCustom()
{
    const auto input = checkCustom();
    if (!input)
        return;
    if (input->tokenBlock) {
        launch(tr("Custom probe: token %1 (TCP %2)")
                   .arg(Explanations::tokenText(input->tokenBlock->token),
                        Explanations::rangeText(input->range)),
               [&] { return m_probes.runLookupAssociate(input->range); });
        return;
    }
    launch(tr("Custom probe: %1 %2 on %3")
               .arg(Explanations::protocolName(*input->spec.transport()), requestText(input->range),
                    input->address),
           [&] {
               return m_probes.runAcquireAssociateBind(input->spec, input->range, input->address);
           });
}

void ProbesView::runBindProbe()
{
    const auto target = checkBind();
    if (!target)
        return;
    launch(tr("Bind probe: %1 %2 port %3")
               .arg(Explanations::protocolName(target->protocol),
                    QString::fromStdString(target->address))
               .arg(target->port),
           [&] { return m_probes.runBindProbe(*target); });
}

void ProbesView::launch(const QString& what, const std::function<OperationId()>& start)
{
    if (m_current != 0 || m_probes.busy())
        return;
    QWidget* focus = QApplication::focusWidget();
    m_focusBefore = focus && isAncestorOf(focus) ? focus : nullptr;
    m_steps->clear();
    m_title->setText(what);
    m_summary->setText(tr("<i>Running…</i>"));
    m_status->setText(tr("Running."));
    m_launching = true;
    const OperationId id = start();
    m_launching = false;
    m_current = id;
    updateEnabled();
}

void ProbesView::onStep(OperationId id, const ProbeStepRecord& step)
{
    if (id != m_current || m_current == 0)
        return;
    m_steps->append(step);
    m_table->scrollToBottom();
}

void ProbesView::onFinished(OperationId id, const ProbeRunRecord& run)
{
    if (id != m_current || m_current == 0)
        return;
    // The recorded steps are the same calls, now with the run's facts (granted block, token,
    // holder) their details are worded from.
    m_steps->setRun(run);
    m_summary->setText(summaryFor(run, m_blocks));
    explainRun(run);
    m_status->setText(run.id != 0 ? tr("Recorded in the history as run %1.").arg(run.id)
                                  : tr("Not recorded in the history."));
    finishRun();
    emit runFinished(run);
    notifyScreenshot();
}

void ProbesView::onFailed(OperationId id, const Error& error)
{
    if (id != m_current || m_current == 0)
        return;
    m_summary->setText(
        tr("<b>Not run:</b> %1").arg(Explanations::errorLine(error).toHtmlEscaped()));
    m_status->setText(tr("Nothing was recorded."));
    finishRun();
    notifyScreenshot();
}

void ProbesView::onRecordFailed(OperationId id, const Error& error)
{
    // Arrives right after finished() for the same id, when the history could not store it.
    Q_UNUSED(id);
    if (m_status)
        m_status->setText(tr("The run could not be recorded in the history: %1")
                              .arg(Explanations::errorLine(error)));
}

void ProbesView::setDiagnoseService(DiagnoseService* service)
{
    if (m_explanation || !service)
        return;
    m_explanation = new ExplanationPanel(*service, this);
    auto* box = static_cast<QVBoxLayout*>(layout());
    box->insertWidget(box->indexOf(m_summary) + 1, m_explanation);
}

void ProbesView::explainRun(const ProbeRunRecord& run)
{
    if (!m_explanation)
        return;
    if (run.kind != ProbeKind::BindProbe || run.ok || run.requested.start == 0) {
        m_explanation->clear();
        return;
    }
    m_explanation->explain(
        {run.protocol, run.requested.start, run.spec.family, run.address.toStdString()});
}

void ProbesView::finishRun()
{
    m_current = 0;
    updateEnabled();
}

void ProbesView::notifyScreenshot()
{
    if (m_screenshotPending) {
        m_screenshotPending = false;
        emit screenshotReady();
    }
}

bool ProbesView::prepareScreenshot(const QString& state)
{
    if (state == QLatin1String("sample1")) {
        m_s1Start->setText(QStringLiteral("0"));
        m_s1Count->setText(QStringLiteral("10"));
        m_screenshotPending = true;
        runSample1();
    } else if (state == QLatin1String("sample2") || state == QLatin1String("sample2-5037")) {
        // "sample2-5037": the developer machine's first persistent block, whose only port
        // adb.exe listens on, so the run fails and names it.
        const bool adb = state.endsWith(QLatin1String("5037"));
        m_s2Start->setText(adb ? QStringLiteral("5037") : QStringLiteral("8000"));
        m_s2Count->setText(adb ? QStringLiteral("1") : QStringLiteral("10"));
        m_screenshotPending = true;
        runSample2();
    } else if (state.startsWith(QLatin1String("bind")) && state.size() > 4 &&
               state.mid(4).toUShort() != 0) {
        // "bind3000": a TCP bind probe of 127.0.0.1 and that port.
        m_bProtocol->setCurrentIndex(m_bProtocol->findData(int(Protocol::Tcp)));
        m_bAddress->setCurrentText(QStringLiteral("127.0.0.1"));
        m_bPort->setText(state.mid(4));
        m_screenshotPending = true;
        runBindProbe();
        m_bPort->setFocus(Qt::OtherFocusReason);
    } else {
        return false;
    }
    if (!isRunning())
        m_screenshotPending = false;
    return isRunning();
}

QString ProbesView::summaryText() const
{
    QTextDocument document;
    document.setHtml(m_summary->text());
    return document.toPlainText();
}

} // namespace portolan::ui
