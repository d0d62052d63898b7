#include "ui/probes/probesview.h"

#include "ui/formsupport.h"
#include "ui/probes/livestepmodel.h"
#include "ui/probes/probetext.h"

#include "model/services/explanations.h"
#include "model/services/probeservice.h"

#include "platform/types.h"

#include <QApplication>
#include <QButtonGroup>
#include <QComboBox>
#include <QGridLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QTableView>
#include <QTextDocument>
#include <QVBoxLayout>

namespace portolan::ui {
namespace {

QString html(const QString& text)
{
    return text.toHtmlEscaped();
}

QString qs(const std::string& text)
{
    return QString::fromStdString(text);
}

QComboBox* protocolCombo(QWidget* parent)
{
    auto* combo = new QComboBox(parent);
    combo->addItem(QStringLiteral("TCP"), int(Protocol::Tcp));
    combo->addItem(QStringLiteral("UDP"), int(Protocol::Udp));
    return combo;
}

QComboBox* familyCombo(QWidget* parent)
{
    auto* combo = new QComboBox(parent);
    combo->addItem(QStringLiteral("IPv4"), int(AddressFamily::IPv4));
    combo->addItem(QStringLiteral("IPv6"), int(AddressFamily::IPv6));
    return combo;
}

QComboBox* addressCombo(QWidget* parent)
{
    auto* combo = new QComboBox(parent);
    combo->setEditable(true);
    combo->setInsertPolicy(QComboBox::NoInsert);
    for (const char* address : {"127.0.0.1", "0.0.0.0", "::1", "::"})
        combo->addItem(QString::fromLatin1(address));
    combo->setMinimumContentsLength(12);
    return combo;
}

QLineEdit* numberEdit(const QString& text, QWidget* parent, int width = 7)
{
    auto* edit = new QLineEdit(text, parent);
    edit->setMaxLength(24);
    const int chars = edit->fontMetrics().horizontalAdvance(QString(width, QLatin1Char('0')));
    edit->setMinimumWidth(chars + 16);
    return edit;
}

QLabel* buddyLabel(const QString& text, QWidget* buddy, QWidget* parent)
{
    auto* label = new QLabel(text, parent);
    label->setBuddy(buddy);
    return label;
}

QLabel* noteLabel(const QString& text, QWidget* parent)
{
    auto* label = new QLabel(text, parent);
    label->setWordWrap(true);
    QPalette palette = label->palette();
    palette.setColor(QPalette::WindowText, palette.color(QPalette::PlaceholderText));
    label->setPalette(palette);
    return label;
}

Protocol protocolOf(const QComboBox* combo)
{
    return Protocol(combo->currentData().toInt());
}

AddressFamily familyOf(const QComboBox* combo)
{
    return AddressFamily(combo->currentData().toInt());
}

// A requested runtime block: start 0 lets the system choose where it lies.
QString requestText(const PortRange& range)
{
    if (range.start == 0)
        return ProbesView::tr("%1 ports, wherever the system chooses").arg(range.count);
    return Explanations::rangeText(range);
}

// The runtime block (else persistent) of `protocol` that covers `port`.
const ReservedBlock* blockAt(const std::vector<ReservedBlock>& blocks, Protocol protocol,
                             quint16 port)
{
    const ReservedBlock* found = nullptr;
    for (const ReservedBlock& b : blocks) {
        if (b.protocol != protocol || !b.range.contains(port))
            continue;
        if (!b.persistent)
            return &b;
        if (!found)
            found = &b;
    }
    return found;
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

    m_title = new QLabel(tr("Steps"), this);
    QFont bold = m_title->font();
    bold.setBold(true);
    m_title->setFont(bold);

    m_table = new QTableView(this);
    m_table->setObjectName(QStringLiteral("probeSteps"));
    m_table->setModel(m_steps);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setAlternatingRowColors(true);
    m_table->setWordWrap(false);
    m_table->verticalHeader()->hide();
    m_table->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 8);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->horizontalHeader()->setHighlightSections(false);
    m_table->setColumnWidth(LiveStepModel::StepColumn, 125);
    m_table->setColumnWidth(LiveStepModel::ResultColumn, 95);
    m_table->setColumnWidth(LiveStepModel::CodeColumn, 165);
    m_table->setColumnWidth(LiveStepModel::DurationColumn, 75);
    m_table->setColumnWidth(LiveStepModel::DetailColumn, 370);
    m_title->setBuddy(m_table);

    m_summary = new QLabel(this);
    m_summary->setObjectName(QStringLiteral("probeSummary"));
    m_summary->setWordWrap(true);
    m_summary->setTextFormat(Qt::RichText);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    m_summary->setMinimumHeight(m_summary->fontMetrics().lineSpacing() * 2 + 4);
    m_summary->setAlignment(Qt::AlignLeft | Qt::AlignTop);

    m_status = noteLabel(tr("Each run is recorded in the history."), this);
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

QGroupBox* ProbesView::buildSample1()
{
    auto* box = new QGroupBox(tr("Sample 1: acquire → release"), this);
    m_s1Family = new QComboBox(box);
    m_s1Family->setObjectName(QStringLiteral("sample1Family"));
    m_s1Family->addItem(tr("IPv4 (AF_INET)"), int(AddressFamily::IPv4));
    m_s1Family->addItem(tr("IPv6 (AF_INET6)"), int(AddressFamily::IPv6));
    m_s1Type = new QComboBox(box);
    m_s1Type->setObjectName(QStringLiteral("sample1Type"));
    m_s1Type->addItem(tr("stream"), int(SocketType::Stream));
    m_s1Type->addItem(tr("dgram"), int(SocketType::Datagram));
    m_s1Type->addItem(tr("raw"), int(SocketType::Raw));
    m_s1Protocol = new QComboBox(box);
    m_s1Protocol->setObjectName(QStringLiteral("sample1Protocol"));
    m_s1Protocol->addItem(tr("TCP (6)"), 6);
    m_s1Protocol->addItem(tr("UDP (17)"), 17);
    m_s1Start = numberEdit(QStringLiteral("0"), box);
    m_s1Start->setObjectName(QStringLiteral("sample1Start"));
    m_s1Start->setPlaceholderText(tr("0 = any"));
    m_s1Count = numberEdit(QStringLiteral("10"), box);
    m_s1Count->setObjectName(QStringLiteral("sample1Count"));
    m_s1Run = new QPushButton(tr("Run sample &1"), box);
    m_s1Run->setObjectName(QStringLiteral("sample1Run"));
    m_s1Errors = makeErrorLabel(box);
    m_s1Errors->setObjectName(QStringLiteral("sample1Errors"));

    auto* grid = new QGridLayout(box);
    grid->addWidget(noteLabel(tr("Opens a socket, acquires a runtime reservation of (start, "
                                 "count) — start 0 lets the system choose — and releases it by "
                                 "its token."),
                              box),
                    0, 0, 1, 6);
    grid->addWidget(buddyLabel(tr("&Family"), m_s1Family, box), 1, 0);
    grid->addWidget(m_s1Family, 1, 1);
    grid->addWidget(buddyLabel(tr("T&ype"), m_s1Type, box), 1, 2);
    grid->addWidget(m_s1Type, 1, 3);
    grid->addWidget(buddyLabel(tr("Pro&tocol"), m_s1Protocol, box), 1, 4);
    grid->addWidget(m_s1Protocol, 1, 5);
    grid->addWidget(buddyLabel(tr("&Start"), m_s1Start, box), 2, 0);
    grid->addWidget(m_s1Start, 2, 1);
    grid->addWidget(buddyLabel(tr("C&ount"), m_s1Count, box), 2, 2);
    grid->addWidget(m_s1Count, 2, 3);
    grid->addWidget(m_s1Run, 2, 4, 1, 2);
    grid->addWidget(m_s1Errors, 3, 0, 1, 6);
    grid->setRowStretch(4, 1);
    grid->setColumnStretch(1, 1);
    grid->setColumnStretch(3, 1);
    grid->setColumnStretch(5, 1);

    for (QLineEdit* edit : {m_s1Start, m_s1Count}) {
        connect(edit, &QLineEdit::textChanged, this, &ProbesView::validateAll);
        connect(edit, &QLineEdit::returnPressed, this, &ProbesView::runSample1);
    }
    connect(m_s1Run, &QPushButton::clicked, this, &ProbesView::runSample1);
    return box;
}

QGroupBox* ProbesView::buildSample2()
{
    auto* box = new QGroupBox(tr("Sample 2: lookup → associate → bind → getsockname"), this);
    m_s2Start = numberEdit(QStringLiteral("5000"), box);
    m_s2Start->setObjectName(QStringLiteral("sample2Start"));
    m_s2Count = numberEdit(QStringLiteral("20"), box);
    m_s2Count->setObjectName(QStringLiteral("sample2Count"));
    m_s2Run = new QPushButton(tr("Run sample &2"), box);
    m_s2Run->setObjectName(QStringLiteral("sample2Run"));
    m_s2Errors = makeErrorLabel(box);
    m_s2Errors->setObjectName(QStringLiteral("sample2Errors"));

    auto* grid = new QGridLayout(box);
    grid->addWidget(noteLabel(tr("Looks up the persistent TCP reservation (start, count), "
                                 "associates a socket with its token, binds to port 0 and "
                                 "reads the port the system allocated: it must lie inside the "
                                 "block."),
                              box),
                    0, 0, 1, 5);
    grid->addWidget(buddyLabel(tr("St&art"), m_s2Start, box), 1, 0);
    grid->addWidget(m_s2Start, 1, 1);
    grid->addWidget(buddyLabel(tr("Cou&nt"), m_s2Count, box), 1, 2);
    grid->addWidget(m_s2Count, 1, 3);
    grid->addWidget(m_s2Run, 1, 4);
    grid->addWidget(m_s2Errors, 2, 0, 1, 5);
    grid->setRowStretch(3, 1);
    grid->setColumnStretch(1, 1);
    grid->setColumnStretch(3, 1);

    for (QLineEdit* edit : {m_s2Start, m_s2Count}) {
        connect(edit, &QLineEdit::textChanged, this, &ProbesView::validateAll);
        connect(edit, &QLineEdit::textEdited, this, [this] { m_s2Edited = true; });
        connect(edit, &QLineEdit::returnPressed, this, &ProbesView::runSample2);
    }
    connect(m_s2Run, &QPushButton::clicked, this, &ProbesView::runSample2);
    return box;
}

QGroupBox* ProbesView::buildCustom()
{
    auto* box = new QGroupBox(tr("Custom probe: acquire or look up, associate, bind"), this);
    m_cProtocol = protocolCombo(box);
    m_cProtocol->setObjectName(QStringLiteral("customProtocol"));
    m_cFamily = familyCombo(box);
    m_cFamily->setObjectName(QStringLiteral("customFamily"));
    m_cAddress = addressCombo(box);
    m_cAddress->setObjectName(QStringLiteral("customAddress"));
    m_cUseRange = new QRadioButton(tr("&Range"), box);
    m_cUseRange->setObjectName(QStringLiteral("customUseRange"));
    m_cUseRange->setChecked(true);
    m_cUseToken = new QRadioButton(tr("To&ken"), box);
    m_cUseToken->setObjectName(QStringLiteral("customUseToken"));
    auto* modes = new QButtonGroup(box);
    modes->addButton(m_cUseRange);
    modes->addButton(m_cUseToken);
    m_cStart = numberEdit(QStringLiteral("0"), box);
    m_cStart->setObjectName(QStringLiteral("customStart"));
    m_cStart->setPlaceholderText(tr("0 = any"));
    m_cCount = numberEdit(QStringLiteral("10"), box);
    m_cCount->setObjectName(QStringLiteral("customCount"));
    m_cToken = new QLineEdit(box);
    m_cToken->setObjectName(QStringLiteral("customToken"));
    m_cToken->setPlaceholderText(tr("0x… or decimal"));
    m_cRun = new QPushButton(tr("Run &custom probe"), box);
    m_cRun->setObjectName(QStringLiteral("customRun"));
    m_cErrors = makeErrorLabel(box);
    m_cErrors->setObjectName(QStringLiteral("customErrors"));

    auto* grid = new QGridLayout(box);
    grid->addWidget(buddyLabel(tr("Protoco&l"), m_cProtocol, box), 0, 0);
    grid->addWidget(m_cProtocol, 0, 1);
    grid->addWidget(buddyLabel(tr("Fa&mily"), m_cFamily, box), 0, 2);
    grid->addWidget(m_cFamily, 0, 3);
    grid->addWidget(buddyLabel(tr("A&ddress"), m_cAddress, box), 0, 4);
    grid->addWidget(m_cAddress, 0, 5);
    grid->addWidget(m_cUseRange, 1, 0);
    grid->addWidget(m_cStart, 1, 1);
    grid->addWidget(buddyLabel(tr("Co&unt"), m_cCount, box), 1, 2);
    grid->addWidget(m_cCount, 1, 3);
    grid->addWidget(m_cUseToken, 2, 0);
    grid->addWidget(m_cToken, 2, 1, 1, 3);
    grid->addWidget(m_cRun, 2, 4, 1, 2);
    grid->addWidget(m_cErrors, 3, 0, 1, 6);
    grid->setRowStretch(4, 1);
    grid->setColumnStretch(1, 1);
    grid->setColumnStretch(3, 1);
    grid->setColumnStretch(5, 2);
    m_cStart->setAccessibleName(tr("Range start"));
    m_cCount->setAccessibleName(tr("Range count"));
    m_cToken->setAccessibleName(tr("Token"));

    for (QLineEdit* edit : {m_cStart, m_cCount, m_cToken}) {
        connect(edit, &QLineEdit::textChanged, this, &ProbesView::validateAll);
        connect(edit, &QLineEdit::returnPressed, this, &ProbesView::runCustom);
    }
    connect(m_cAddress, &QComboBox::currentTextChanged, this, [this] {
        syncFamily(m_cAddress, m_cFamily);
        validateAll();
    });
    connect(m_cAddress->lineEdit(), &QLineEdit::returnPressed, this, &ProbesView::runCustom);
    // Typing into a field of a mode selects that mode.
    connect(m_cToken, &QLineEdit::textEdited, m_cUseToken,
            [this] { m_cUseToken->setChecked(true); });
    for (QLineEdit* edit : {m_cStart, m_cCount})
        connect(edit, &QLineEdit::textEdited, m_cUseRange,
                [this] { m_cUseRange->setChecked(true); });
    connect(m_cUseToken, &QRadioButton::toggled, this, &ProbesView::validateAll);
    connect(m_cRun, &QPushButton::clicked, this, &ProbesView::runCustom);
    return box;
}

QGroupBox* ProbesView::buildBind()
{
    auto* box = new QGroupBox(tr("Bind probe: one port"), this);
    m_bProtocol = protocolCombo(box);
    m_bProtocol->setObjectName(QStringLiteral("bindProtocol"));
    m_bFamily = familyCombo(box);
    m_bFamily->setObjectName(QStringLiteral("bindFamily"));
    m_bAddress = addressCombo(box);
    m_bAddress->setObjectName(QStringLiteral("bindAddress"));
    m_bPort = numberEdit(QStringLiteral("0"), box);
    m_bPort->setObjectName(QStringLiteral("bindPort"));
    m_bPort->setPlaceholderText(tr("0 = any"));
    m_bRun = new QPushButton(tr("&Bind"), box);
    m_bRun->setObjectName(QStringLiteral("bindRun"));
    m_bErrors = makeErrorLabel(box);
    m_bErrors->setObjectName(QStringLiteral("bindErrors"));

    auto* grid = new QGridLayout(box);
    grid->addWidget(noteLabel(tr("Binds a fresh socket to the port and closes it again: shows "
                                 "whether a server could listen there, and who holds the port "
                                 "when it cannot (port 0 lets the system choose)."),
                              box),
                    0, 0, 1, 6);
    grid->addWidget(buddyLabel(tr("Proto&col"), m_bProtocol, box), 1, 0);
    grid->addWidget(m_bProtocol, 1, 1);
    grid->addWidget(buddyLabel(tr("Famil&y"), m_bFamily, box), 1, 2);
    grid->addWidget(m_bFamily, 1, 3);
    grid->addWidget(buddyLabel(tr("Addr&ess"), m_bAddress, box), 1, 4);
    grid->addWidget(m_bAddress, 1, 5);
    grid->addWidget(buddyLabel(tr("&Port"), m_bPort, box), 2, 0);
    grid->addWidget(m_bPort, 2, 1);
    grid->addWidget(m_bRun, 2, 4, 1, 2);
    grid->addWidget(m_bErrors, 3, 0, 1, 6);
    grid->setRowStretch(4, 1);
    grid->setColumnStretch(1, 1);
    grid->setColumnStretch(3, 1);
    grid->setColumnStretch(5, 2);

    connect(m_bPort, &QLineEdit::textChanged, this, &ProbesView::validateAll);
    connect(m_bPort, &QLineEdit::returnPressed, this, &ProbesView::runBindProbe);
    connect(m_bAddress, &QComboBox::currentTextChanged, this, [this] {
        syncFamily(m_bAddress, m_bFamily);
        validateAll();
    });
    connect(m_bAddress->lineEdit(), &QLineEdit::returnPressed, this, &ProbesView::runBindProbe);
    connect(m_bRun, &QPushButton::clicked, this, &ProbesView::runBindProbe);
    return box;
}

void ProbesView::syncFamily(QComboBox* address, QComboBox* family)
{
    // Any address with a colon is IPv6, as in the CLI; the user may still pick the other
    // family on purpose and see the system refuse it.
    const bool v6 = address->currentText().contains(QLatin1Char(':'));
    family->setCurrentIndex(family->findData(int(v6 ? AddressFamily::IPv6 : AddressFamily::IPv4)));
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
    QStringList errors;
    QString startError;
    QString countError;
    auto range = parsePortRange(m_s1Start->text().toStdString(), m_s1Count->text().toStdString(),
                                RangeKind::Runtime);
    if (!range) {
        const QString field = errorField(range.error());
        (field == QLatin1String("start") ? startError : countError) = errorText(range.error());
        errors << errorText(range.error());
    }
    setFieldError(m_s1Start, startError);
    setFieldError(m_s1Count, countError);
    showErrors(m_s1Errors, errors);
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
    QString startError;
    QString countError;
    auto range = parsePortRange(m_s2Start->text().toStdString(), m_s2Count->text().toStdString(),
                                RangeKind::Persistent);
    if (!range)
        (errorField(range.error()) == QLatin1String("start") ? startError : countError) =
            errorText(range.error());
    setFieldError(m_s2Start, startError);
    setFieldError(m_s2Count, countError);
    showErrors(m_s2Errors, range ? QStringList() : QStringList{errorText(range.error())});
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
    QString startError;
    QString countError;
    QString tokenError;
    QString addressError;
    QStringList errors;
    bool ok = true;
    if (tokenMode) {
        auto token = parseToken(m_cToken->text(), "token");
        if (!token) {
            tokenError = errorText(token.error());
            ok = false;
        } else {
            for (const ReservedBlock& b : m_blocks)
                if (b.persistent && b.token == token.value())
                    input.tokenBlock = b;
            if (!input.tokenBlock) {
                tokenError = tr("token: no persistent reservation with token %1 is known to "
                                "the console; look the block up (Reservations) or use its range")
                                 .arg(Explanations::tokenText(token.value()));
                ok = false;
            } else if (input.tokenBlock->protocol != Protocol::Tcp) {
                tokenError = tr("token: %1 is a UDP reservation; associating by token is probed "
                                "on TCP, as in sample 2")
                                 .arg(Explanations::tokenText(token.value()));
                ok = false;
            } else {
                input.range = input.tokenBlock->range;
            }
        }
    } else {
        auto range = parsePortRange(m_cStart->text().toStdString(), m_cCount->text().toStdString(),
                                    RangeKind::Runtime);
        if (!range) {
            (errorField(range.error()) == QLatin1String("start") ? startError : countError) =
                errorText(range.error());
            ok = false;
        } else {
            input.range = range.value();
        }
        input.address = m_cAddress->currentText().trimmed();
        if (input.address.isEmpty()) {
            addressError = tr("address: an address is required, e.g. 127.0.0.1 or ::1");
            ok = false;
        }
        input.spec = SocketSpec::forProtocol(protocolOf(m_cProtocol), familyOf(m_cFamily));
    }
    setFieldError(m_cStart, startError);
    setFieldError(m_cCount, countError);
    setFieldError(m_cToken, tokenError);
    setFieldError(m_cAddress, addressError);
    for (const QString& e : {addressError, startError, countError, tokenError})
        if (!e.isEmpty())
            errors << e;
    showErrors(m_cErrors, errors);
    if (!ok)
        return std::nullopt;
    return input;
}

std::optional<BindTarget> ProbesView::checkBind()
{
    QStringList errors;
    auto port = parsePort(m_bPort->text().toStdString(), "port", true);
    setFieldError(m_bPort, port ? QString() : errorText(port.error()));
    if (!port)
        errors << errorText(port.error());
    const QString address = m_bAddress->currentText().trimmed();
    const QString addressError = address.isEmpty()
                                     ? tr("address: an address is required, e.g. 127.0.0.1 or ::1")
                                     : QString();
    setFieldError(m_bAddress, addressError);
    if (!addressError.isEmpty())
        errors.prepend(addressError);
    showErrors(m_bErrors, errors);
    if (!errors.isEmpty())
        return std::nullopt;
    BindTarget target;
    target.protocol = protocolOf(m_bProtocol);
    target.family = familyOf(m_bFamily);
    target.address = address.toStdString();
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
    m_s1Run->setEnabled(idle && checkSample1().has_value());
    m_s2Run->setEnabled(idle && checkSample2().has_value());
    m_cRun->setEnabled(idle && checkCustom().has_value());
    m_bRun->setEnabled(idle && checkBind().has_value());
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
               .arg(Explanations::protocolName(target->protocol), qs(target->address))
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
    // The recorded steps are the same calls; take them in case a live report was missed.
    if (m_steps->rowCount() != run.steps.size())
        m_steps->setSteps(run.steps);
    m_summary->setText(summaryFor(run, m_blocks));
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
    m_summary->setText(tr("<b>Not run:</b> %1").arg(html(Explanations::errorLine(error))));
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
    } else if (state == QLatin1String("sample2")) {
        m_s2Start->setText(QStringLiteral("8000"));
        m_s2Count->setText(QStringLiteral("10"));
        m_screenshotPending = true;
        runSample2();
    } else if (state == QLatin1String("bind3000")) {
        m_bProtocol->setCurrentIndex(m_bProtocol->findData(int(Protocol::Tcp)));
        m_bAddress->setCurrentText(QStringLiteral("127.0.0.1"));
        m_bPort->setText(QStringLiteral("3000"));
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

// ---- summary -------------------------------------------------------------------------------

QString ProbesView::summaryFor(const ProbeRunRecord& run, const std::vector<ReservedBlock>& blocks)
{
    const QString protocol = Explanations::protocolName(run.protocol);
    if (run.kind == ProbeKind::BindProbe && !run.steps.isEmpty()) {
        const ProbeStepRecord& step = run.steps.front();
        const quint16 port = run.requested.start;
        const BindOutcome outcome =
            step.outcome.value_or(step.ok ? BindOutcome::Free : BindOutcome::Other);
        const QString code = html(ProbeText::codeText(step.error));
        switch (outcome) {
        case BindOutcome::Free:
            if (port == 0)
                return tr("<b>Free:</b> the system chose %1 port %2 on %3; the bind succeeded.")
                    .arg(protocol)
                    .arg(step.firstPort)
                    .arg(html(run.address));
            return tr("<b>Free:</b> %1 %2 on %3 can be bound; the bind succeeded.")
                .arg(protocol)
                .arg(port)
                .arg(html(run.address));
        case BindOutcome::InUse:
            return tr("<b>In use:</b> %1 %2 on %3 is taken%4 — %5.")
                .arg(protocol)
                .arg(port)
                .arg(html(run.address),
                     step.holder.isEmpty() ? QString() : tr(" by %1").arg(html(step.holder)), code);
        case BindOutcome::Forbidden:
            if (const ReservedBlock* block = blockAt(blocks, run.protocol, port)) {
                const QString owner = !block->owner.empty()    ? qs(block->owner)
                                      : !step.holder.isEmpty() ? step.holder
                                                               : tr("an unknown process");
                const QString kind =
                    block->persistent ? tr("persistent reservation") : tr("runtime reservation");
                const QString advice =
                    block->persistent
                        ? tr("The system refused a bind inside a persistent reservation.")
                        : tr("Nothing may listen there, yet every bind fails until the service "
                             "gives the block back (it may move at the next boot): use a port "
                             "outside %1, or pin this one with a persistent reservation while "
                             "the service is stopped.")
                              .arg(Explanations::rangeText(block->range));
                return tr("<b>Forbidden:</b> %1 %2 is inside the %3 %4 held by %5 — %6. %7")
                    .arg(protocol)
                    .arg(port)
                    .arg(kind, Explanations::rangeText(block->range), html(owner), code,
                         html(advice));
            }
            return tr("<b>Forbidden:</b> %1 %2 is refused%3 — %4. %5")
                .arg(protocol)
                .arg(port)
                .arg(step.holder.isEmpty() ? QString() : tr(", held by %1").arg(html(step.holder)),
                     code,
                     html(step.error ? Explanations::forError(*step.error, StepKind::BindProbe)
                                     : QString()));
        case BindOutcome::Other:
            break;
        }
        return tr("<b>Failed:</b> %1 %2 on %3 — %4")
            .arg(protocol)
            .arg(port)
            .arg(html(run.address),
                 html(step.error ? Explanations::errorLine(*step.error) : QString()));
    }

    if (run.ok) {
        const QString granted = Explanations::rangeText(run.granted);
        switch (run.kind) {
        case ProbeKind::AcquireRelease:
            return tr("<b>OK:</b> acquired %1 %2 (token %3) and released it.")
                .arg(protocol, granted, Explanations::tokenText(run.token));
        case ProbeKind::LookupAssociate:
        case ProbeKind::AcquireAssociateBind:
            if (run.allocatedPort) {
                const bool inside = run.granted.contains(*run.allocatedPort);
                return (inside ? tr("<b>OK:</b> allocated port %1 inside %2 (token %3).")
                               : tr("<b>Wrong:</b> allocated port %1 lies OUTSIDE %2 (token %3)."))
                    .arg(*run.allocatedPort)
                    .arg(granted, Explanations::tokenText(run.token));
            }
            return tr("<b>OK:</b> %1 %2 (token %3).")
                .arg(protocol, granted, Explanations::tokenText(run.token));
        default:
            return tr("<b>OK:</b> %1").arg(html(run.summary));
        }
    }
    for (const ProbeStepRecord& step : run.steps) {
        if (step.ok)
            continue;
        QString explanation = Explanations::forStep(step);
        return tr("<b>Failed at %1:</b> %2%3")
            .arg(html(Explanations::stepKindName(step.kind)),
                 html(step.error ? Explanations::errorLine(*step.error) : step.detail),
                 explanation.isEmpty() ? QString() : QStringLiteral(" — ") + html(explanation));
    }
    return tr("<b>Failed:</b> %1").arg(html(run.summary));
}

} // namespace portolan::ui
