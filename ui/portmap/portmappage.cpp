// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/portmap/portmappage.h"

#include "ui/errorpresenter.h"
#include "ui/icons.h"
#include "ui/portmap/portmapwidget.h"

#include "model/services/explanations.h"
#include "model/services/probeservice.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QToolButton>
#include <QVBoxLayout>

#include <algorithm>

namespace portolan::ui {

PortMapPage::PortMapPage(ProbeService& probes, QWidget* parent) : QWidget(parent), m_probes(probes)
{
    setObjectName(QStringLiteral("portMapPage"));
    auto* layout = new QVBoxLayout(this);

    auto* tools = new QHBoxLayout;
    // The console's own icons, as the View menu's zoom actions have: the style's standard
    // icons are looked up in the desktop's icon themes, which costs more than the rest of the
    // page and would delay the console's first window.
    auto makeTool = [this](const QString& text, const QString& tip, IconKind kind) {
        auto* button = new QToolButton(this);
        button->setText(text);
        button->setToolTip(tip);
        button->setIcon(icon(kind));
        button->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
        button->setAutoRaise(true);
        return button;
    };
    m_zoomIn = makeTool(tr("Zoom in"), tr("Zoom in around the current port (+, Ctrl++)"),
                        IconKind::ZoomIn);
    m_zoomOut = makeTool(tr("Zoom out"), tr("Zoom out (−, Ctrl+−)"), IconKind::ZoomOut);
    m_showAll = makeTool(tr("All ports"), tr("Show 0–65535 (Ctrl+0)"), IconKind::Refresh);
    auto* goLabel = new QLabel(tr("&Go to port:"), this);
    m_goTo = new QLineEdit(this);
    m_goTo->setObjectName(QStringLiteral("goToPort"));
    m_goTo->setPlaceholderText(tr("e.g. 3000"));
    m_goTo->setMaximumWidth(120);
    goLabel->setBuddy(m_goTo);
    m_bind = new QPushButton(tr("Test &bind on the current port"), this);
    m_bind->setObjectName(QStringLiteral("testBind"));
    m_bind->setToolTip(tr("Binds a socket to 127.0.0.1 on the current port and reports what the "
                          "system answers; the run is recorded in the history."));
    tools->addWidget(m_zoomIn);
    tools->addWidget(m_zoomOut);
    tools->addWidget(m_showAll);
    tools->addSpacing(16);
    tools->addWidget(goLabel);
    tools->addWidget(m_goTo);
    tools->addStretch(1);
    tools->addWidget(m_bind);
    layout->addLayout(tools);

    m_map = new PortMapWidget(this);
    m_map->setObjectName(QStringLiteral("portMap"));
    layout->addWidget(m_map, 1);

    m_problems = new QLabel(this);
    m_problems->setWordWrap(true);
    m_problems->setVisible(false);
    layout->addWidget(m_problems);

    // Framed, selectable paragraphs in the palette's colours (tests/ui/tst_palette.cpp).
    auto makePanel = [this](const QString& name) {
        auto* panel = new QLabel(this);
        panel->setObjectName(name);
        panel->setWordWrap(true);
        panel->setTextInteractionFlags(Qt::TextSelectableByMouse);
        panel->setFrameShape(QFrame::StyledPanel);
        panel->setMargin(6);
        return panel;
    };
    m_explanation = makePanel(QStringLiteral("portExplanation"));
    m_explanation->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    m_explanation->setMinimumHeight(m_explanation->fontMetrics().height() * 3 + 16);
    layout->addWidget(m_explanation);

    m_bindResult = makePanel(QStringLiteral("bindResult"));
    m_bindResult->setVisible(false);
    layout->addWidget(m_bindResult);

    connect(m_zoomIn, &QToolButton::clicked, m_map, &PortMapWidget::zoomIn);
    connect(m_zoomOut, &QToolButton::clicked, m_map, &PortMapWidget::zoomOut);
    connect(m_showAll, &QToolButton::clicked, m_map, &PortMapWidget::showAll);
    connect(m_goTo, &QLineEdit::returnPressed, this, &PortMapPage::goToPort);
    connect(m_bind, &QPushButton::clicked, this, &PortMapPage::probeCurrentPort);
    connect(m_map, &PortMapWidget::currentPortChanged, this, &PortMapPage::updateExplanation);
    connect(m_map, &PortMapWidget::blockActivated, this, &PortMapPage::blockActivated);
    connect(&m_probes, &ProbeService::finished, this, &PortMapPage::onProbeFinished);
    connect(&m_probes, &ProbeService::failed, this, &PortMapPage::onProbeFailed);
    connect(&m_probes, &ProbeService::busyChanged, this,
            [this](bool busy) { m_bind->setEnabled(!busy); });

    setFocusProxy(m_map);
    updateExplanation();
}

const PortMapData& PortMapPage::data() const
{
    return m_map->data();
}

void PortMapPage::setSnapshot(const MachineSnapshot& snapshot,
                              const QList<ReservationRecord>& inventory, ErrorCodeStyle style)
{
    PortMapData data = m_map->data(); // keeps the last scans
    data.codeStyle = style;
    data.tcp.dynamicRange = snapshot.tcpDynamicRange;
    data.udp.dynamicRange = snapshot.udpDynamicRange;
    std::vector<ReservedBlock> blocks = snapshot.blocks;
    // Rows of this host the backend did not list (Linux cannot tell blocks apart; a create
    // made since) are still reservations the user knows about.
    for (const ReservationRecord& row : inventory) {
        if (row.host != snapshot.host || row.state == ReservationState::Missing)
            continue;
        const bool listed =
            std::any_of(blocks.begin(), blocks.end(), [&row](const ReservedBlock& b) {
                return b.persistent && b.protocol == row.protocol && b.range == row.range();
            });
        if (!listed)
            blocks.push_back(ReservedBlock{row.protocol, row.range(), true, row.token, {}});
    }
    data.setReservations(blocks);
    data.setListeners(snapshot.listeners);
    m_map->setData(std::move(data));
    if (!m_placedCursor) {
        // Port 0 explains nothing; the first reserved TCP block is what people come for.
        m_placedCursor = true;
        const auto& tcp = m_map->data().tcp.blocks;
        auto first = std::find_if(tcp.begin(), tcp.end(),
                                  [](const ReservedBlock& b) { return !b.persistent; });
        if (first == tcp.end())
            first = tcp.begin();
        if (first != tcp.end())
            m_map->setCurrentPort(Protocol::Tcp, first->range.start);
    }
    m_problems->setText(snapshot.problems.join(QLatin1Char('\n')));
    m_problems->setVisible(!snapshot.problems.isEmpty());
    updateExplanation();
}

void PortMapPage::setScan(const ScanResult& result)
{
    PortMapData data = m_map->data();
    data.setScan(result);
    m_map->setData(std::move(data));
    updateExplanation();
}

void PortMapPage::restoreScan(const ScanResult& result)
{
    const ProtocolFacts& facts =
        result.request.protocol == Protocol::Tcp ? m_map->data().tcp : m_map->data().udp;
    if (facts.scanRuns.empty() && !result.runs.empty())
        setScan(result);
}

void PortMapPage::goToPort()
{
    const Result<std::uint16_t> port =
        parsePort(m_goTo->text().trimmed().toStdString(), "port", true);
    if (!port) {
        m_goTo->setToolTip(QString::fromStdString(port.error().message));
        m_goTo->selectAll();
        return;
    }
    m_goTo->setToolTip({});
    const quint16 p = port.value();
    m_map->showRange(quint16(std::max(0, int(p) - 20)), quint16(std::min(65535, int(p) + 19)));
    m_map->setCurrentPort(m_map->currentProtocol(), p);
    m_map->setFocus();
}

void PortMapPage::updateExplanation()
{
    const PortInfo info = m_map->currentInfo();
    m_explanation->setText(
        QStringLiteral("<b>%1</b><br>%2")
            .arg(info.summary.toHtmlEscaped(), info.explanation.toHtmlEscaped()));
    m_bind->setText(
        tr("Test &bind on %1 %2").arg(PortMapData::protocolText(info.protocol)).arg(info.port));
    // A bind result speaks of one port: once the cursor leaves it, it would be read as the
    // answer for the new one.
    if (m_probeId == 0 && (info.protocol != m_probeProtocol || info.port != m_probePort))
        m_bindResult->setVisible(false);
    // Nor may "Go to port" keep naming a port the cursor has left.
    if (!m_goTo->hasFocus() && m_goTo->text().trimmed() != QString::number(info.port))
        m_goTo->clear();
}

void PortMapPage::probeCurrentPort()
{
    if (m_probes.busy())
        return;
    BindTarget target;
    target.protocol = m_map->currentProtocol();
    target.family = AddressFamily::IPv4;
    target.address = "127.0.0.1";
    target.port = m_map->currentPort();
    m_probeProtocol = target.protocol;
    m_probePort = target.port;
    m_bindResult->setText(tr("Binding 127.0.0.1:%1…").arg(target.port));
    m_bindResult->setVisible(true);
    m_probeId = m_probes.runBindProbe(target);
}

void PortMapPage::onProbeFinished(OperationId id, const ProbeRunRecord& run)
{
    if (id == 0 || id != m_probeId)
        return;
    m_probeId = 0;
    const QString where =
        tr("Bind %1 127.0.0.1:%2").arg(PortMapData::protocolText(m_probeProtocol)).arg(m_probePort);
    if (run.steps.isEmpty()) {
        m_bindResult->setText(tr("%1: %2").arg(where, run.summary));
        return;
    }
    const ProbeStepRecord& step = run.steps.constLast();
    const QString outcome = step.outcome ? Explanations::outcomeName(*step.outcome)
                                         : (step.ok ? tr("ok") : tr("failed"));
    QString html =
        QStringLiteral("<b>%1 → %2</b>").arg(where.toHtmlEscaped(), outcome.toHtmlEscaped());
    if (step.error) {
        html += QStringLiteral(" &nbsp;<code>%1</code>")
                    .arg(ErrorPresenter::nativeCodeText(*step.error).toHtmlEscaped());
    }
    const QString why = Explanations::forStep(step);
    if (!why.isEmpty())
        html += QStringLiteral("<br>%1").arg(why.toHtmlEscaped());
    if (!step.holder.isEmpty())
        html += QStringLiteral("<br>%1").arg(tr("Held by %1.").arg(step.holder).toHtmlEscaped());
    const PortInfo info = m_map->data().describe(m_probeProtocol, m_probePort);
    if (info.block() && !info.block()->persistent) {
        html += QStringLiteral("<br>%1").arg(
            tr("The map shows why: the runtime reservation %1 held by %2 covers this port.")
                .arg(PortMapData::rangeText(info.block()->range),
                     PortMapData::ownerText(*info.block()))
                .toHtmlEscaped());
    }
    m_bindResult->setText(html);
}

void PortMapPage::onProbeFailed(OperationId id, const Error& error)
{
    if (id == 0 || id != m_probeId)
        return;
    m_probeId = 0;
    m_bindResult->setText(
        ErrorPresenter::present(error, tr("The bind probe did not run.")).toHtml());
}

} // namespace portolan::ui
