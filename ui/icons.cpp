// SPDX-License-Identifier: GPL-3.0-or-later
#include "icons.h"

#include "colorscheme.h"

#include <QApplication>
#include <QFile>
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

QIcon fromFiles(const char* name)
{
    static const bool registered = (registerIconResources(), true);
    Q_UNUSED(registered);
    // Icons drawn in dark grey or blue have a variant for a dark palette, in light grey and
    // sky blue.
    QString base = QStringLiteral(":/icons/%1").arg(QLatin1String(name));
    if (isDark(QApplication::palette()) && QFile::exists(base + QStringLiteral("-dark-16.png")))
        base += QStringLiteral("-dark");
    QIcon result;
    for (int size : {16, 24, 32, 48})
        result.addFile(QStringLiteral("%1-%2.png").arg(base).arg(size));
    return result;
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
