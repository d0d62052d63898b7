// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QColor>
#include <QPalette>
#include <QString>

namespace portolan::ui {

// The console's own colours, the ones QPalette has no role for, each in a variant for a light
// and for a dark palette. Text colours keep a WCAG contrast ratio of at least 4.5:1 on the
// palette's Window, Base and AlternateBase in both (tests/ui/tst_palette.cpp checks it).
enum class SchemeColor
{
    OkText,          // done, elevated
    WarningText,     // in use, not elevated
    ErrorText,       // failed, forbidden: the port map's orange-red
    MutedText,       // a row that no longer matters
    InvalidText,     // a form's field errors
    InvalidBase,     // behind an invalid field's text (QPalette::Text)
    AttentionWindow, // behind a banner that needs a decision
    AttentionText,   // on AttentionWindow
};

// True when the palette draws light text on a dark window.
bool isDark(const QPalette& palette);
QColor schemeColor(SchemeColor role, const QPalette& palette);

// Fusion's own palette, and a dark one for it (Qt 6.4 has none off Windows and macOS).
QPalette lightPalette();
QPalette darkPalette();

// PORTOLAN_PALETTE=dark or light: the Fusion style with that palette, whatever the desktop's
// (for screenshots, and to try the dark look on a light desktop). Unset: nothing changes.
// Returns what is wrong with the variable's value, else an empty string; a wrong value
// changes nothing.
QString applyPaletteFromEnvironment();

} // namespace portolan::ui
