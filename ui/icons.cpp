// SPDX-License-Identifier: GPL-3.0-or-later
#include "icons.h"

#include "colorscheme.h"

#include <QApplication>
#include <QFile>
#include <QIconEngine>
#include <QPainter>
#include <QString>

#include <algorithm>
#include <iterator>
#include <utility>

// A .qrc compiled into a static library is registered only when something calls its
// initializer; this sits outside any namespace, as Q_INIT_RESOURCE requires.
static void registerIconResources()
{
    Q_INIT_RESOURCE(icons);
}

namespace portolan::ui {
namespace {

// resources/icons/NAME-SIZE.png
constexpr std::pair<IconKind, const char*> kFiles[] = {
    {IconKind::Reservations, "reservations"},
    {IconKind::PortMap, "portmap"},
    {IconKind::Probes, "probes"},
    {IconKind::Scan, "scan"},
    {IconKind::History, "history"},
    {IconKind::New, "new"},
    {IconKind::Lookup, "lookup"},
    {IconKind::Delete, "delete"},
    {IconKind::Verify, "verify"},
    {IconKind::Note, "note"},
    {IconKind::Discover, "discover"},
    {IconKind::Import, "import"},
    {IconKind::ZoomIn, "zoom-in"},
    {IconKind::ZoomOut, "zoom-out"},
    {IconKind::Refresh, "refresh"},
};

constexpr int kSizes[] = {16, 24, 32, 48};

// Reads an icon's files when it is first drawn. QIcon::addFile decodes every file at once
// (Qt 6.4 reads each image to learn its size), which would put a hundred PNG decodes in the
// window's construction, before it can be shown. The sizes are known from the file names.
class DeferredIconEngine final : public QIconEngine
{
public:
    explicit DeferredIconEngine(QString base) : m_base(std::move(base)) {}

    void paint(QPainter* painter, const QRect& rect, QIcon::Mode mode, QIcon::State state) override
    {
        loaded().paint(painter, rect, Qt::AlignCenter, mode, state);
    }
    QPixmap pixmap(const QSize& size, QIcon::Mode mode, QIcon::State state) override
    {
        return loaded().pixmap(size, mode, state);
    }
    QPixmap scaledPixmap(const QSize& size, QIcon::Mode mode, QIcon::State state,
                         qreal scale) override
    {
        return loaded().pixmap(size, scale, mode, state);
    }
    // The largest size that fits, as the loaded icon would answer (the files are square).
    QSize actualSize(const QSize& size, QIcon::Mode, QIcon::State) override
    {
        int side = kSizes[0];
        for (int s : kSizes) {
            if (s <= size.width() && s <= size.height())
                side = s;
        }
        return QSize(std::min(side, size.width()), std::min(side, size.height()));
    }
    QList<QSize> availableSizes(QIcon::Mode, QIcon::State) override
    {
        QList<QSize> sizes;
        for (int s : kSizes)
            sizes.append(QSize(s, s));
        return sizes;
    }
    QString iconName() override { return m_base; }
    bool isNull() override { return false; }
    QString key() const override { return QStringLiteral("portolan-deferred"); }
    QIconEngine* clone() const override { return new DeferredIconEngine(m_base); }

private:
    QIcon& loaded()
    {
        if (m_icon.isNull()) {
            for (int size : kSizes)
                m_icon.addFile(QStringLiteral("%1-%2.png").arg(m_base).arg(size),
                               QSize(size, size));
        }
        return m_icon;
    }

    QString m_base;
    QIcon m_icon;
};

QIcon fromFiles(const char* name)
{
    static const bool registered = (registerIconResources(), true);
    Q_UNUSED(registered);
    // Icons drawn in dark grey or blue have a variant for a dark palette, in light grey and
    // sky blue.
    QString base = QStringLiteral(":/icons/%1").arg(QLatin1String(name));
    if (isDark(QApplication::palette()) && QFile::exists(base + QStringLiteral("-dark-16.png")))
        base += QStringLiteral("-dark");
    return QIcon(new DeferredIconEngine(std::move(base)));
}

} // namespace

QIcon icon(IconKind kind)
{
    const auto* file = std::find_if(std::begin(kFiles), std::end(kFiles),
                                    [kind](const auto& f) { return f.first == kind; });
    return file == std::end(kFiles) ? QIcon() : fromFiles(file->second);
}

QIcon applicationIcon()
{
    return fromFiles("portolan");
}

} // namespace portolan::ui
