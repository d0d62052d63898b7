// SPDX-License-Identifier: GPL-3.0-or-later
#include "statusbarinfo.h"

#include "colorscheme.h"
#include "elevation.h"

#include <QDir>
#include <QEvent>
#include <QFrame>
#include <QHBoxLayout>
#include <QHelpEvent>
#include <QPainter>
#include <QSizeGrip>
#include <QStyleOption>
#include <QToolTip>

namespace portolan::ui {

ElidingStatusBar::ElidingStatusBar(QWidget* parent) : QStatusBar(parent)
{
    connect(this, &QStatusBar::messageChanged, this, [this] { update(); });
}

QRect ElidingStatusBar::messageRect() const
{
    // Up to the first permanent widget shown (the others are hidden under a message).
    int right = width() - 6;
    for (QWidget* child : findChildren<QWidget*>(Qt::FindDirectChildrenOnly)) {
        if (child->isVisible() && !qobject_cast<QSizeGrip*>(child))
            right = qMin(right, child->geometry().left() - 6);
    }
    return QRect(6, 0, qMax(0, right - 6), height());
}

bool ElidingStatusBar::messageElided() const
{
    const QString message = currentMessage();
    return !message.isEmpty() && fontMetrics().horizontalAdvance(message) > messageRect().width();
}

void ElidingStatusBar::paintEvent(QPaintEvent* event)
{
    const QString message = currentMessage();
    if (message.isEmpty()) {
        QStatusBar::paintEvent(event);
        return;
    }
    // QStatusBar's own painting, with the message elided instead of cut.
    QPainter painter(this);
    QStyleOption option;
    option.initFrom(this);
    style()->drawPrimitive(QStyle::PE_PanelStatusBar, &option, &painter, this);
    for (QWidget* child : findChildren<QWidget*>(Qt::FindDirectChildrenOnly)) {
        if (!child->isVisible() || qobject_cast<QSizeGrip*>(child))
            continue;
        QStyleOption frame;
        frame.rect = child->geometry().adjusted(-2, -1, 2, 1);
        frame.palette = palette();
        frame.state = QStyle::State_None;
        style()->drawPrimitive(QStyle::PE_FrameStatusBarItem, &frame, &painter, child);
    }
    const QRect rect = messageRect();
    painter.setPen(palette().windowText().color());
    painter.drawText(rect, Qt::AlignLeading | Qt::AlignVCenter | Qt::TextSingleLine,
                     fontMetrics().elidedText(message, Qt::ElideRight, rect.width()));
}

bool ElidingStatusBar::event(QEvent* event)
{
    if (event->type() == QEvent::ToolTip) {
        auto* help = static_cast<QHelpEvent*>(event);
        if (messageElided() && messageRect().contains(help->pos())) {
            QToolTip::showText(help->globalPos(), currentMessage(), this, messageRect());
            return true;
        }
    }
    return QStatusBar::event(event);
}

ElidedLabel::ElidedLabel(QWidget* parent) : QLabel(parent)
{
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
}

void ElidedLabel::setFullText(const QString& text)
{
    m_full = text;
    setToolTip(text);
    updateElided();
}

QSize ElidedLabel::minimumSizeHint() const
{
    return QSize(fontMetrics().horizontalAdvance(QStringLiteral("…/portolan.sqlite")),
                 QLabel::minimumSizeHint().height());
}

void ElidedLabel::resizeEvent(QResizeEvent* event)
{
    QLabel::resizeEvent(event);
    updateElided();
}

void ElidedLabel::updateElided()
{
    setText(fontMetrics().elidedText(m_full, Qt::ElideMiddle, qMax(width(), 40)));
}

namespace {

QFrame* separator(QWidget* parent)
{
    auto* line = new QFrame(parent);
    line->setFrameShape(QFrame::VLine);
    line->setFrameShadow(QFrame::Sunken);
    return line;
}

QString backendText(const Backend& backend)
{
    const std::string_view name = backend.name();
    if (name == "windows")
        return StatusBarInfo::tr("Windows");
    if (name == "linux")
        return StatusBarInfo::tr("Linux");
    if (name == "simulated")
        return StatusBarInfo::tr("Simulated");
    return QString::fromUtf8(name.data(), qsizetype(name.size()));
}

} // namespace

StatusBarInfo::StatusBarInfo(const Backend& backend, const QString& host,
                             const QString& databasePath, QWidget* parent)
    : QWidget(parent), m_backendRef(backend)
{
    setObjectName(QStringLiteral("statusBarInfo"));
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(8);

    m_backend = new QLabel(tr("Backend: %1").arg(backendText(backend)), this);
    m_backend->setObjectName(QStringLiteral("backend"));
    m_backend->setToolTip(backend.name() == "simulated"
                              ? tr("A simulated Windows machine from a scenario: nothing on this "
                                   "computer is changed.")
                              : tr("The real port reservations of this computer."));
    m_elevation = new QLabel(this);
    m_elevation->setObjectName(QStringLiteral("elevation"));
    m_host = new QLabel(tr("Host: %1").arg(host), this);
    m_host->setObjectName(QStringLiteral("host"));
    m_host->setToolTip(tr("The machine whose reservations are shown and changed."));
    m_database = new ElidedLabel(this);
    m_database->setObjectName(QStringLiteral("database"));
    m_database->setFullText(QDir::toNativeSeparators(databasePath));
    m_database->setToolTip(tr("Database: %1").arg(QDir::toNativeSeparators(databasePath)));
    m_database->setMinimumWidth(140);
    m_database->setMaximumWidth(360);

    layout->addWidget(m_backend);
    layout->addWidget(separator(this));
    layout->addWidget(m_elevation);
    layout->addWidget(separator(this));
    layout->addWidget(m_host);
    layout->addWidget(separator(this));
    auto* dbLabel = new QLabel(tr("Database:"), this);
    layout->addWidget(dbLabel);
    layout->addWidget(m_database, 1);
    updateElevation();
}

void StatusBarInfo::setElevated(bool elevated)
{
    m_elevated = elevated;
    updateElevation();
}

void StatusBarInfo::updateElevation()
{
    QPalette pal = m_elevation->palette();
    if (!m_elevated) {
        m_elevation->setText(QStringLiteral("◌ ") + tr("Reading the system…"));
        m_elevation->setToolTip(
            tr("Portolan is asking the backend what it can do and whether this process is "
               "elevated. The inventory below is the one stored in the database; the actions "
               "that need the answer are enabled when it arrives."));
        pal.setColor(QPalette::WindowText, palette().color(QPalette::WindowText));
        m_elevation->setPalette(pal);
        return;
    }
    const bool elevated = *m_elevated;
    const QString word = Elevation::statusText(m_backendRef, elevated);
    m_elevation->setText((elevated ? QStringLiteral("● ") : QStringLiteral("○ ")) + word);
    m_elevation->setToolTip(Elevation::statusHint(m_backendRef, elevated));
    pal.setColor(QPalette::WindowText,
                 schemeColor(elevated ? SchemeColor::OkText : SchemeColor::WarningText, palette()));
    m_elevation->setPalette(pal);
}

void StatusBarInfo::changeEvent(QEvent* event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange)
        updateElevation(); // a light or a dark variant of the colour
}

} // namespace portolan::ui
