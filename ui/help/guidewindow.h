// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QPointer>
#include <QString>
#include <QTextBrowser>
#include <QWidget>

namespace portolan::ui {

// The user guide (docs/guide.md and its translations, built into the program with their
// pictures) in a window of its own beside the console: not modal, one per console window,
// scrolled with the keyboard. Links between the guide's pages stay in the window; links to
// the web open in the browser.
class GuideWindow : public QWidget
{
    Q_OBJECT

public:
    // The guide window of `owner`, made on first use, shown and brought to the front.
    static GuideWindow* showFor(QWidget* owner);

    // The resource of the guide in the language of the installed translation
    // (":/guide/guide.pt_BR.md"), or the English one (":/guide/guide.md").
    static QString guidePath();

    QTextBrowser* browser() const { return m_browser; }

private:
    explicit GuideWindow(QWidget* owner);

    QTextBrowser* m_browser = nullptr;
};

// A text browser that shrinks the guide's screenshots to a readable width instead of making
// the reader scroll sideways.
class GuideBrowser : public QTextBrowser
{
    Q_OBJECT

public:
    using QTextBrowser::QTextBrowser;

    static constexpr int kMaxImageWidth = 760;

    QVariant loadResource(int type, const QUrl& name) override;
};

} // namespace portolan::ui
