// SPDX-License-Identifier: GPL-3.0-or-later
#include "icons.h"

#include "colorscheme.h"

#include <QApplication>
#include <QFile>
#include <QIconEngine>
#include <QPainter>
#include <QString>

#include <algorithm>
#include <functional>
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
    {IconKind::Fleet, "fleet"},
};

constexpr int kSizes[] = {16, 24, 32, 48};

// Makes an icon when it is first drawn or measured. QIcon::addFile decodes every file at once
// (Qt 6.4 reads each image to learn its size), which would put a hundred PNG decodes in the
// window's construction, before it can be shown; a style's standard icon is looked up in the
// desktop's icon themes, which costs more than the rest of the window. Where the sizes are
// known (from the file names) they are answered without making the icon.
class DeferredIconEngine final : public QIconEngine
{
public:
    DeferredIconEngine(std::function<QIcon()> make, QString name, QList<QSize> sizes)
        : m_make(std::move(make)), m_name(std::move(name)), m_sizes(std::move(sizes))
    {
    }

    void paint(QPainter* painter, const QRect& rect, QIcon::Mode mode, QIcon::State state) override
    {
        made().paint(painter, rect, Qt::AlignCenter, mode, state);
    }
    QPixmap pixmap(const QSize& size, QIcon::Mode mode, QIcon::State state) override
    {
        return made().pixmap(size, mode, state);
    }
    QPixmap scaledPixmap(const QSize& size, QIcon::Mode mode, QIcon::State state,
                         qreal scale) override
    {
        return made().pixmap(size, scale, mode, state);
    }
    // The largest known size that fits, as the made icon would answer (the files are square).
    QSize actualSize(const QSize& size, QIcon::Mode mode, QIcon::State state) override
    {
        if (m_sizes.isEmpty())
            return made().actualSize(size, mode, state);
        QSize best = m_sizes.first();
        for (const QSize& s : m_sizes) {
            if (s.width() <= size.width() && s.height() <= size.height())
                best = s;
        }
        return best.boundedTo(size);
    }
    QList<QSize> availableSizes(QIcon::Mode mode, QIcon::State state) override
    {
        return m_sizes.isEmpty() ? made().availableSizes(mode, state) : m_sizes;
    }
    QString iconName() override { return m_name; }
    bool isNull() override { return false; }
    QString key() const override { return QStringLiteral("portolan-deferred"); }
    QIconEngine* clone() const override { return new DeferredIconEngine(m_make, m_name, m_sizes); }

private:
    QIcon& made()
    {
        if (!m_made) {
            m_icon = m_make();
            m_made = true;
        }
        return m_icon;
    }

    std::function<QIcon()> m_make;
    QString m_name;
    QList<QSize> m_sizes;
    QIcon m_icon;
    bool m_made = false;
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
    QList<QSize> sizes;
    for (int size : kSizes)
        sizes.append(QSize(size, size));
    auto make = [base] {
        QIcon files;
        for (int size : kSizes)
            files.addFile(QStringLiteral("%1-%2.png").arg(base).arg(size), QSize(size, size));
        return files;
    };
    return QIcon(new DeferredIconEngine(std::move(make), base, std::move(sizes)));
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

QIcon deferredIcon(std::function<QIcon()> make)
{
    return QIcon(new DeferredIconEngine(std::move(make), QString(), {}));
}

} // namespace portolan::ui
