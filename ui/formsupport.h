// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "platform/error.h"

#include <QString>

#include <optional>
#include <string>

class QAbstractItemView;
class QDialog;
class QLabel;
class QWidget;

// Small helpers for the views' input forms: every field is checked as it is typed, with the
// platform's one validation, and a bad field is marked and explained beside it.
namespace portolan::ui {

// A red, word-wrapped label for a form's field errors; hidden while there is nothing to say.
QLabel* makeErrorLabel(QWidget* parent);
// Marks a field as invalid (tinted background, the message as its tooltip and accessible
// description) or clears the mark.
void setFieldError(QWidget* field, const QString& message);
// Shows the messages (one per line) in an error label, or hides it.
void showErrors(QLabel* label, const QStringList& messages);

// The field an InvalidArgument error of the platform names: its messages begin "start: ...".
QString errorField(const Error& error);
QString errorText(const Error& error); // the message as a QString

// A reservation token as typed: "0x1a2b" (hex) or decimal, 1 to 2^64-1. `field` names it.
Result<std::uint64_t> parseToken(const QString& text, std::string_view field);

// A port or count as pasted: surrounding spaces (a copied " 9300 ") are not part of it.
inline QString fieldText(const QString& text)
{
    return text.trimmed();
}

// What a view's table needs to be usable from the keyboard and at any width: Tab leaves it
// (arrows move within), and a cell or header section whose text is elided shows the whole
// text in its tooltip. Applied to `root` itself when it is a view, and to every view under it.
void polishItemViews(QWidget* root);

// The letters the menu bar's titles use (lower case), in the current language.
QString menuMnemonics(const QWidget* menuBar);
// The mnemonic letter of a text ("S&tate" -> 't'), or a null QChar.
QChar mnemonicOf(const QString& text);
// Moves every label's and button's mnemonic under `root` that uses one of `reserved` to a
// letter of its text that neither `reserved` nor another control under `root` uses: Alt+F
// must open the File menu, whatever the language's words for a view's fields.
void avoidMnemonics(QWidget* root, const QString& reserved);

// After a dialog's messages changed: grows it (never shrinks it) until its layout, word-wrapped
// labels included, fits at its current width, so no field is squeezed below its size hint.
void growToFit(QDialog* dialog);

} // namespace portolan::ui
