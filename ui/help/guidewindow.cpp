// SPDX-License-Identifier: GPL-3.0-or-later
#include "guidewindow.h"

#include <QFile>
#include <QImage>
#include <QKeySequence>
#include <QShortcut>
#include <QTextDocument>
#include <QUrl>
#include <QVBoxLayout>

// The guide lives in a static library: its resource needs an explicit initializer, outside
// any namespace as Q_INIT_RESOURCE requires.
static void initGuideResource()
{
    Q_INIT_RESOURCE(guide);
}

namespace portolan::ui {

QString GuideWindow::guidePath()
{
    initGuideResource();
    // The installed translation names its own guide; English has no suffix.
    const QString language =
        tr("en", "The language code of this translation's user guide (docs/guide.<code>.md)");
    const QString translated = QStringLiteral(":/guide/guide.%1.md").arg(language);
    if (language != QLatin1String("en") && QFile::exists(translated))
        return translated;
    return QStringLiteral(":/guide/guide.md");
}

GuideWindow* GuideWindow::showFor(QWidget* owner)
{
    auto* window = owner->findChild<GuideWindow*>(QString(), Qt::FindDirectChildrenOnly);
    if (!window)
        window = new GuideWindow(owner);
    window->show();
    window->raise();
    window->activateWindow();
    window->m_browser->setFocus();
    return window;
}

GuideWindow::GuideWindow(QWidget* owner) : QWidget(owner, Qt::Window)
{
    setObjectName(QStringLiteral("guideWindow"));
    setWindowTitle(tr("Portolan user guide"));
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    m_browser = new GuideBrowser(this);
    m_browser->setObjectName(QStringLiteral("guide"));
    m_browser->setOpenExternalLinks(true); // http(s) and mailto: the system's browser
    m_browser->setSearchPaths({QStringLiteral(":/guide")});
    m_browser->document()->setDocumentMargin(16);
    layout->addWidget(m_browser);
    m_browser->setSource(QUrl(QStringLiteral("qrc") + guidePath()),
                         QTextDocument::MarkdownResource);

    // Escape closes, as in the console's dialogs; the guide stays loaded for the next F1.
    auto* close = new QShortcut(QKeySequence(Qt::Key_Escape), this);
    connect(close, &QShortcut::activated, this, &QWidget::close);
    resize(900, 700);
}

QVariant GuideBrowser::loadResource(int type, const QUrl& name)
{
    QVariant loaded = QTextBrowser::loadResource(type, name);
    if (type != QTextDocument::ImageResource)
        return loaded;
    QImage image;
    if (loaded.canConvert<QImage>())
        image = loaded.value<QImage>();
    else if (loaded.typeId() == QMetaType::QByteArray)
        image.loadFromData(loaded.toByteArray());
    if (image.isNull() || image.width() <= kMaxImageWidth)
        return loaded;
    return image.scaledToWidth(kMaxImageWidth, Qt::SmoothTransformation);
}

} // namespace portolan::ui
