// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "platform/error.h"

#include <QString>

#include <optional>
#include <string>

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

} // namespace portolan::ui
