// SPDX-License-Identifier: GPL-3.0-or-later
#include "colorscheme.h"

#include <QApplication>
#include <QStyle>
#include <QStyleFactory>

#include <algorithm>
#include <iterator>
#include <memory>

namespace portolan::ui {

namespace {

// The table: each colour for a light and for a dark palette.
struct Entry
{
    SchemeColor role;
    QColor light;
    QColor dark;
};

const Entry kTable[] = {
    {SchemeColor::OkText, {0x1b, 0x6e, 0x20}, {110, 200, 120}},
    {SchemeColor::WarningText, {0x9a, 0x5b, 0x00}, {235, 180, 70}},
    {SchemeColor::ErrorText, {180, 60, 0}, {255, 130, 90}},
    {SchemeColor::MutedText, {105, 105, 105}, {150, 150, 150}},
    {SchemeColor::InvalidText, {176, 0, 32}, {255, 120, 130}},
    {SchemeColor::InvalidBase, {255, 228, 228}, {90, 30, 35}},
    // A pale or a deep warning yellow.
    {SchemeColor::AttentionWindow, {0xff, 0xf4, 0xce}, {70, 58, 20}},
    {SchemeColor::AttentionText, {0x3b, 0x2f, 0x00}, {245, 230, 180}},
};

} // namespace

bool isDark(const QPalette& palette)
{
    return palette.color(QPalette::Window).lightness() <
           palette.color(QPalette::WindowText).lightness();
}

QColor schemeColor(SchemeColor role, const QPalette& palette)
{
    const auto* entry = std::find_if(std::begin(kTable), std::end(kTable),
                                     [role](const Entry& e) { return e.role == role; });
    if (entry == std::end(kTable))
        return palette.color(QPalette::WindowText);
    return isDark(palette) ? entry->dark : entry->light;
}

QPalette lightPalette()
{
    const std::unique_ptr<QStyle> fusion(QStyleFactory::create(QStringLiteral("Fusion")));
    return fusion ? fusion->standardPalette() : QPalette();
}

QPalette darkPalette()
{
    const QColor window(45, 45, 45);
    const QColor text(230, 230, 230);
    const QColor disabled(130, 130, 130);
    QPalette p(window);
    p.setColor(QPalette::Window, window);
    p.setColor(QPalette::WindowText, text);
    p.setColor(QPalette::Base, QColor(30, 30, 30));
    p.setColor(QPalette::AlternateBase, QColor(40, 40, 40));
    p.setColor(QPalette::Text, text);
    p.setColor(QPalette::PlaceholderText, QColor(150, 150, 150));
    p.setColor(QPalette::BrightText, Qt::white);
    p.setColor(QPalette::Button, QColor(55, 55, 55));
    p.setColor(QPalette::ButtonText, text);
    p.setColor(QPalette::Light, QColor(80, 80, 80));
    p.setColor(QPalette::Midlight, QColor(65, 65, 65));
    p.setColor(QPalette::Mid, QColor(38, 38, 38));
    p.setColor(QPalette::Dark, QColor(25, 25, 25));
    p.setColor(QPalette::Shadow, QColor(10, 10, 10));
    // White on the highlight keeps 5:1, so selected rows stay readable.
    p.setColor(QPalette::Highlight, QColor(30, 110, 200));
    p.setColor(QPalette::HighlightedText, Qt::white);
    p.setColor(QPalette::Link, QColor(110, 170, 255));
    p.setColor(QPalette::LinkVisited, QColor(190, 150, 255));
    p.setColor(QPalette::ToolTipBase, QColor(60, 60, 60));
    p.setColor(QPalette::ToolTipText, text);
    for (QPalette::ColorRole role : {QPalette::WindowText, QPalette::Text, QPalette::ButtonText})
        p.setColor(QPalette::Disabled, role, disabled);
    p.setColor(QPalette::Disabled, QPalette::Highlight, QColor(70, 70, 70));
    return p;
}

QString applyPaletteFromEnvironment()
{
    const QString value = qEnvironmentVariable("PORTOLAN_PALETTE");
    if (value.isEmpty())
        return {};
    const bool dark = value == QLatin1String("dark");
    if (!dark && value != QLatin1String("light"))
        return QStringLiteral("PORTOLAN_PALETTE: '%1' is not a palette; allowed: dark, light")
            .arg(value);
    QApplication::setStyle(QStringLiteral("Fusion"));
    QApplication::setPalette(dark ? darkPalette() : lightPalette());
    return {};
}

} // namespace portolan::ui
