// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/reservations/blockinput.h"

#include "ui/formsupport.h"

#include "model/services/explanations.h"

#include <QButtonGroup>
#include <QComboBox>
#include <QDialog>
#include <QEvent>
#include <QGridLayout>
#include <QLabel>
#include <QLineEdit>
#include <QRadioButton>
#include <QRegularExpression>
#include <QStyle>

namespace portolan::ui {
namespace {

constexpr qint64 kMaxPort = 65535;

bool hasNonAsciiDigit(const QString& text)
{
    for (QChar c : text) {
        if (c.isDigit() && (c < QLatin1Char('0') || c > QLatin1Char('9')))
            return true;
    }
    return false;
}

} // namespace

QString BlockInputValidator::numberError(const QString& text, const Error& error, qint64 max)
{
    Q_UNUSED(error);
    if (text.isEmpty())
        return tr("Required: a whole number from 1 to %1.").arg(max);
    const QString shown = QStringLiteral("“%1”").arg(text);
    if (text.contains(QRegularExpression(QStringLiteral("\\s"))))
        return tr("%1 contains a space; allowed: the digits 0–9 only.").arg(shown);
    if (hasNonAsciiDigit(text))
        return tr("%1 uses digits other than 0–9; allowed: the digits 0–9 only.").arg(shown);
    if (text.startsWith(QLatin1String("0x"), Qt::CaseInsensitive))
        return tr("%1 is hexadecimal; allowed: a decimal number from 1 to %2.").arg(shown).arg(max);
    if (text.startsWith(QLatin1Char('-')) || text.startsWith(QLatin1Char('+')))
        return tr("%1 has a sign; allowed: a number from 1 to %2 without a sign.")
            .arg(shown)
            .arg(max);
    bool allAscii = true;
    for (QChar c : text)
        allAscii = allAscii && c >= QLatin1Char('0') && c <= QLatin1Char('9');
    if (allAscii) // parseNumber refused only because it is far too long
        return tr("%1 is out of range; allowed: 1–%2.").arg(shown).arg(max);
    return tr("%1 is not a whole decimal number; allowed: the digits 0–9 only.").arg(shown);
}

BlockInputCheck BlockInputValidator::check(const QString& startText, const QString& secondText,
                                           bool useEnd)
{
    // A pasted " 9300 " means 9300; a space inside a number is still refused.
    const QString start = startText.trimmed();
    const QString countOrEnd = secondText.trimmed();
    BlockInputCheck out;
    std::optional<qint64> startValue;
    const Result<std::int64_t> parsedStart = parseNumber(start.toStdString(), "start");
    if (!parsedStart) {
        out.startError = numberError(start, parsedStart.error(), kMaxPort);
    } else if (!makePortRange(parsedStart.value(), 1, RangeKind::Persistent)) {
        out.startError =
            parsedStart.value() == 0
                ? tr("Start port 0 is not allowed: a persistent block cannot start "
                     "at 0; allowed: 1–65535.")
                : tr("Start port %1 is out of range; allowed: 1–65535.").arg(parsedStart.value());
    } else {
        startValue = parsedStart.value();
    }

    QString& secondError = useEnd ? out.endError : out.countError;
    const Result<std::int64_t> parsedSecond =
        parseNumber(countOrEnd.toStdString(), useEnd ? "end" : "count");
    if (!parsedSecond) {
        secondError = numberError(countOrEnd, parsedSecond.error(), kMaxPort);
        return out;
    }
    const qint64 second = parsedSecond.value();
    if (second < 1 || second > kMaxPort) {
        secondError = useEnd ? tr("End port %1 is out of range; allowed: 1–65535.").arg(second)
                             : tr("Count %1 is out of range; allowed: 1–65535 ports.").arg(second);
        return out;
    }
    if (!startValue)
        return out;

    qint64 count = second;
    if (useEnd) {
        if (second < *startValue) {
            secondError = tr("The block would end at %1, before it starts at %2; allowed: "
                             "%2–65535.")
                              .arg(second)
                              .arg(*startValue);
            return out;
        }
        count = second - *startValue + 1;
    }
    // The platform's one check decides; the texts above only say it in the user's words.
    Result<PortRange> range = makePortRange(*startValue, count, RangeKind::Persistent);
    if (!range) {
        secondError = tr("The block %1–%2 runs past port 65535; allowed: at most %3 ports from "
                         "%1.")
                          .arg(*startValue)
                          .arg(*startValue + count - 1)
                          .arg(kMaxPort - *startValue + 1);
        return out;
    }
    out.range = range.value();
    return out;
}

BlockInput::BlockInput(QWidget* parent) : QWidget(parent)
{
    m_grid = new QGridLayout(this);
    m_grid->setContentsMargins(0, 0, 0, 0);
    m_grid->setColumnStretch(2, 1);
    m_grid->setColumnMinimumWidth(2, 260);

    m_protocol = new QComboBox(this);
    m_protocol->addItem(tr("TCP"), int(Protocol::Tcp));
    m_protocol->addItem(tr("UDP"), int(Protocol::Udp));
    auto* protocolLabel = new QLabel(tr("&Protocol:"), this);
    protocolLabel->setBuddy(m_protocol);

    m_start = new QLineEdit(this);
    m_start->setObjectName(QStringLiteral("start"));
    m_start->setPlaceholderText(tr("1–65535"));
    m_start->setMaxLength(12);
    auto* startLabel = new QLabel(tr("&Start port:"), this);
    startLabel->setBuddy(m_start);

    m_countRadio = new QRadioButton(tr("&Count:"), this);
    m_endRadio = new QRadioButton(tr("&End port:"), this);
    m_modeGroup = new QButtonGroup(this);
    m_modeGroup->addButton(m_countRadio);
    m_modeGroup->addButton(m_endRadio);
    m_countRadio->setChecked(true);
    m_count = new QLineEdit(this);
    m_count->setObjectName(QStringLiteral("count"));
    m_count->setPlaceholderText(tr("number of ports"));
    m_count->setMaxLength(12);
    m_end = new QLineEdit(this);
    m_end->setObjectName(QStringLiteral("end"));
    m_end->setPlaceholderText(tr("last port of the block"));
    m_end->setMaxLength(12);

    auto makeError = [this](const QString& name) {
        auto* label = new QLabel(this);
        label->setObjectName(name);
        label->setWordWrap(true);
        label->setTextFormat(Qt::PlainText);
        QPalette pal = label->palette();
        pal.setColor(QPalette::WindowText, QColor(0xb0, 0x1b, 0x1b));
        label->setPalette(pal);
        label->setVisible(false);
        return label;
    };
    m_startError = makeError(QStringLiteral("startError"));
    m_countError = makeError(QStringLiteral("countError"));
    m_endError = makeError(QStringLiteral("endError"));

    m_summary = new QLabel(this);
    m_summary->setObjectName(QStringLiteral("blockSummary"));

    // Wide enough for the longest hint, which says what the field is for.
    for (QLineEdit* edit : {m_start, m_count, m_end}) {
        edit->setMinimumWidth(
            qMax(110, edit->fontMetrics().horizontalAdvance(edit->placeholderText()) + 24));
    }

    m_grid->addWidget(protocolLabel, 0, 0);
    m_grid->addWidget(m_protocol, 0, 1);
    m_grid->addWidget(startLabel, 1, 0);
    m_grid->addWidget(m_start, 1, 1);
    m_grid->addWidget(m_startError, 1, 2);
    m_grid->addWidget(m_countRadio, 2, 0);
    m_grid->addWidget(m_count, 2, 1);
    m_grid->addWidget(m_countError, 2, 2);
    m_grid->addWidget(m_endRadio, 3, 0);
    m_grid->addWidget(m_end, 3, 1);
    m_grid->addWidget(m_endError, 3, 2);
    m_grid->addWidget(m_summary, 4, 1, 1, 2);

    setTabOrder(m_protocol, m_start);
    setTabOrder(m_start, m_countRadio);
    setTabOrder(m_countRadio, m_count);
    setTabOrder(m_count, m_endRadio);
    setTabOrder(m_endRadio, m_end);

    connect(m_protocol, &QComboBox::currentIndexChanged, this, &BlockInput::revalidate);
    connect(m_start, &QLineEdit::textEdited, this, &BlockInput::revalidate);
    connect(m_count, &QLineEdit::textEdited, this, &BlockInput::revalidate);
    connect(m_end, &QLineEdit::textEdited, this, &BlockInput::revalidate);
    connect(m_countRadio, &QRadioButton::toggled, this, [this](bool) {
        m_count->setReadOnly(!m_countRadio->isChecked());
        m_end->setReadOnly(m_countRadio->isChecked());
        revalidate();
    });
    m_end->setReadOnly(true);
    // Alt+C and Alt+E choose the mode and go to its field, where the number is typed.
    m_countRadio->installEventFilter(this);
    m_endRadio->installEventFilter(this);
    revalidate();
}

bool BlockInput::eventFilter(QObject* watched, QEvent* event)
{
    if (event->type() == QEvent::Shortcut && (watched == m_countRadio || watched == m_endRadio)) {
        auto* radio = static_cast<QRadioButton*>(watched);
        if (!radio->isEnabled())
            return false;
        radio->setChecked(true);
        QLineEdit* field = radio == m_countRadio ? m_count : m_end;
        field->setFocus(Qt::ShortcutFocusReason);
        field->selectAll();
        return true;
    }
    return QWidget::eventFilter(watched, event);
}

Protocol BlockInput::protocol() const
{
    return Protocol(m_protocol->currentData().toInt());
}

void BlockInput::setProtocol(Protocol protocol)
{
    m_protocol->setCurrentIndex(m_protocol->findData(int(protocol)));
}

void BlockInput::setRange(PortRange range)
{
    m_countRadio->setChecked(true);
    m_start->setText(QString::number(range.start));
    m_count->setText(QString::number(range.count));
    revalidate();
}

bool BlockInput::usesEnd() const
{
    return m_endRadio->isChecked();
}

void BlockInput::setUsesEnd(bool useEnd)
{
    (useEnd ? m_endRadio : m_countRadio)->setChecked(true);
}

void BlockInput::setReadOnly(bool readOnly)
{
    m_protocol->setEnabled(!readOnly);
    m_start->setReadOnly(readOnly);
    m_countRadio->setEnabled(!readOnly);
    m_endRadio->setEnabled(!readOnly);
    m_count->setReadOnly(readOnly || usesEnd());
    m_end->setReadOnly(readOnly || !usesEnd());
}

void BlockInput::showError(QLabel* label, QLineEdit* edit, const QString& text)
{
    label->setText(text);
    label->setVisible(!text.isEmpty());
    // The field itself says it is wrong too (and to a screen reader).
    edit->setAccessibleDescription(text);
    QPalette pal = edit->palette();
    pal.setColor(QPalette::Base, text.isEmpty() ? QColor(Qt::white) : QColor(0xfd, 0xec, 0xec));
    edit->setPalette(pal);
}

void BlockInput::revalidate()
{
    if (m_updating)
        return;
    const bool useEnd = usesEnd();
    m_check = BlockInputValidator::check(m_start->text(), useEnd ? m_end->text() : m_count->text(),
                                         useEnd);
    // Only a field the user has typed in (or must fill before the other makes sense) is
    // judged: an empty form is not a wall of red.
    QLineEdit* second = useEnd ? m_end : m_count;
    const bool startTouched =
        !m_start->text().isEmpty() || m_start->isModified() || !second->text().isEmpty();
    const bool secondTouched = !second->text().isEmpty() || second->isModified();
    showError(m_startError, m_start, startTouched ? m_check.startError : QString());
    showError(m_countError, m_count, !useEnd && secondTouched ? m_check.countError : QString());
    showError(m_endError, m_end, useEnd && secondTouched ? m_check.endError : QString());

    // The linked field shows what the chosen one implies.
    m_updating = true;
    if (m_check.range) {
        if (useEnd)
            m_count->setText(QString::number(m_check.range->count));
        else
            m_end->setText(QString::number(m_check.range->end()));
    } else {
        (useEnd ? m_count : m_end)->clear();
    }
    m_updating = false;

    if (m_check.range) {
        const PortRange r = *m_check.range;
        m_summary->setText(
            tr("%1 %2, %n port(s)", nullptr, r.count)
                .arg(Explanations::protocolName(protocol()), Explanations::rangeText(r)));
    } else {
        m_summary->setText(tr("Enter the first port and the number of ports (or the last port)."));
    }
    // An error shown beside a field may need more lines than the dialog had.
    if (auto* dialog = qobject_cast<QDialog*>(window()); dialog && dialog->isVisible())
        growToFit(dialog);
    emit changed();
}

} // namespace portolan::ui
