// SPDX-License-Identifier: GPL-3.0-or-later
#include "viewstack.h"

#include <QEvent>
#include <QFrame>
#include <QHBoxLayout>
#include <QListWidget>
#include <QScrollArea>
#include <QStackedWidget>

namespace portolan::ui {

namespace {

constexpr int kIconSize = 24;

} // namespace

ViewStack::ViewStack(QWidget* parent) : QWidget(parent)
{
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);

    m_sidebar = new QListWidget(this);
    m_sidebar->setObjectName(QStringLiteral("sidebar"));
    m_sidebar->setIconSize(QSize(kIconSize, kIconSize));
    m_sidebar->setSpacing(2);
    m_sidebar->setFrameShape(QFrame::NoFrame);
    tintSidebar();

    m_stack = new QStackedWidget(this);
    m_stack->setObjectName(QStringLiteral("views"));

    layout->addWidget(m_sidebar);
    auto* line = new QFrame(this);
    line->setFrameShape(QFrame::VLine);
    line->setFrameShadow(QFrame::Sunken);
    layout->addWidget(line);
    layout->addWidget(m_stack, 1);

    connect(m_sidebar, &QListWidget::currentRowChanged, this, [this](int row) {
        if (row < 0)
            return;
        page(row);
        m_stack->setCurrentIndex(row);
        emit currentChanged(row);
    });
}

void ViewStack::tintSidebar()
{
    // A shade off the window, so the sidebar reads as a place of its own.
    QPalette pal = m_sidebar->palette();
    pal.setColor(QPalette::Base, palette().color(QPalette::Window).darker(104));
    m_sidebar->setPalette(pal);
}

void ViewStack::changeEvent(QEvent* event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange)
        tintSidebar();
}

void ViewStack::addRow(const QIcon& icon, const QString& text, const QString& tip)
{
    auto* entry = new QListWidgetItem(icon, text, m_sidebar);
    entry->setToolTip(tip);
    entry->setSizeHint(QSize(0, 36));
    m_widestText = qMax(m_widestText, m_sidebar->fontMetrics().horizontalAdvance(text));
    m_sidebar->setFixedWidth(m_widestText + kIconSize + 40);
}

void ViewStack::addPage(const QIcon& icon, const QString& text, const QString& tip, QWidget* page)
{
    addRow(icon, text, tip);
    m_pages.push_back({page, {}});
    m_stack->addWidget(page);
}

void ViewStack::addLazyPage(const QIcon& icon, const QString& text, const QString& tip,
                            Factory make)
{
    addRow(icon, text, tip);
    auto* placeholder = new QWidget(m_stack);
    m_pages.push_back({placeholder, std::move(make)});
    m_stack->addWidget(placeholder);
}

int ViewStack::currentIndex() const
{
    return m_stack->currentIndex();
}

void ViewStack::setCurrentIndex(int index)
{
    page(index);
    m_sidebar->setCurrentRow(index);
    m_stack->setCurrentIndex(index);
}

QWidget* ViewStack::page(int index)
{
    Page& slot = m_pages.at(std::size_t(index));
    if (!slot.make)
        return slot.widget;
    const Factory make = std::move(slot.make);
    slot.make = nullptr;
    QWidget* made = make(m_stack);
    const bool wasCurrent = m_stack->currentIndex() == index;
    QWidget* placeholder = slot.widget;
    // A form wider or taller than a small screen (a 1024x700 remote session, longer words in
    // another language) scrolls instead of pushing the window past the screen's edge.
    auto* scroller = new QScrollArea(m_stack);
    scroller->setObjectName(made->objectName() + QStringLiteral("Scroller"));
    scroller->setFrameShape(QFrame::NoFrame);
    scroller->setWidgetResizable(true);
    scroller->setWidget(made);
    m_stack->insertWidget(index, scroller);
    m_stack->removeWidget(placeholder);
    placeholder->deleteLater();
    slot.widget = made;
    if (wasCurrent)
        m_stack->setCurrentIndex(index);
    return made;
}

QWidget* ViewStack::madePage(int index) const
{
    const Page& slot = m_pages.at(std::size_t(index));
    return slot.make ? nullptr : slot.widget;
}

} // namespace portolan::ui
