// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QIcon>
#include <QString>
#include <QWidget>

#include <functional>
#include <vector>

class QListWidget;
class QStackedWidget;

namespace portolan::ui {

// The console's views behind a sidebar: one sidebar row per page, the page shown beside it.
// A page may be made when first shown, so the window's first frame does not wait for widgets
// nobody has looked at yet (tests/bench/startup-bench).
class ViewStack : public QWidget
{
    Q_OBJECT

public:
    using Factory = std::function<QWidget*(QWidget* parent)>;

    explicit ViewStack(QWidget* parent = nullptr);

    void addPage(const QIcon& icon, const QString& text, const QString& tip, QWidget* page);
    void addLazyPage(const QIcon& icon, const QString& text, const QString& tip, Factory make);

    int count() const { return int(m_pages.size()); }
    int currentIndex() const;
    void setCurrentIndex(int index);
    QWidget* page(int index);           // makes the page if it was not shown yet
    QWidget* madePage(int index) const; // nullptr while a lazy page is not made yet
    QListWidget* sidebar() const { return m_sidebar; }

signals:
    // The user picked another row, or setCurrentIndex moved to another page.
    void currentChanged(int index);

protected:
    void changeEvent(QEvent* event) override;

private:
    void tintSidebar();
    void addRow(const QIcon& icon, const QString& text, const QString& tip);

    struct Page
    {
        QWidget* widget = nullptr; // a placeholder until a lazy page is made
        Factory make;              // empty once made (or never lazy)
    };

    QListWidget* m_sidebar = nullptr;
    QStackedWidget* m_stack = nullptr;
    std::vector<Page> m_pages;
    int m_widestText = 0;
};

} // namespace portolan::ui
