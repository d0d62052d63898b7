// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "platform/types.h"

#include <QString>

class QComboBox;
class QLabel;
class QLineEdit;
class QTableView;
class QWidget;

// The fields and displays the Probes and Scan views build alike: one look for both.
namespace portolan::ui {

QComboBox* protocolCombo(QWidget* parent); // TCP, UDP
QComboBox* familyCombo(QWidget* parent);   // IPv4, IPv6
// Editable, with the usual loopback and any addresses to pick from.
QComboBox* addressCombo(QWidget* parent, int minimumContentsLength);
QLineEdit* numberEdit(const QString& text, QWidget* parent, int width = 7);
QLabel* buddyLabel(const QString& text, QWidget* buddy, QWidget* parent);
// A label in the placeholder colour, for notes and the status line.
QLabel* mutedLabel(const QString& text, QWidget* parent);
// The selectable rich-text line that says what a run meant.
QLabel* summaryLabel(QWidget* parent);
// A table of a run's rows: whole rows selected, fixed row height, no row numbers.
void setUpRunTable(QTableView* table);

Protocol protocolOf(const QComboBox* combo);
AddressFamily familyOf(const QComboBox* combo);
// Any address with a colon is IPv6, as in the CLI; the user may still pick the other family
// on purpose and see the system refuse it.
void syncFamily(const QComboBox* address, QComboBox* family);
// The address typed, trimmed; `error` (translated by the caller, so that each view keeps its
// words) marks the field when it is empty and is returned, else an empty string.
QString checkAddress(QComboBox* address, const QString& error, QString* text);

} // namespace portolan::ui
