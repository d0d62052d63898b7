// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QGroupBox>
#include <QString>
#include <QStringList>

class QComboBox;
class QGridLayout;
class QLabel;
class QLineEdit;
class QPushButton;

namespace portolan::ui {

// One of the Probes view's forms: a group box with an optional note, rows of labelled fields,
// a run button in the fifth column and the form's error line under them. Typing into any
// field asks the view to check the form again (changed); Enter in a field or the button asks
// it to run (runRequested).
// The texts come from the view, translated there.
class ProbeForm : public QGroupBox
{
    Q_OBJECT

public:
    // name: the run button is `name`Run and the error line `name`Errors (the tests and the
    // screenshot tool find them so); columns: of the field grid, the run button's included.
    ProbeForm(const QString& title, const QString& name, int columns, QWidget* parent);

    // A row of its own across the form.
    void addNote(const QString& text);
    // At the next columns of the current row: the label (a buddy label for a string), then
    // the field over `span` columns; the field's first column stretches by `stretch`.
    void addField(QWidget* label, QWidget* field, int span = 1, int stretch = 1);
    void addField(const QString& label, QWidget* field, int span = 1, int stretch = 1);
    // The run button, closing the current row and the fields. Made after the fields, so that
    // Tab reaches it last.
    QPushButton* addRunButton(const QString& text);
    void nextRow();
    // An editable address field's family: set from the address as it is typed.
    void followAddress(QComboBox* family) { m_family = family; }

    QPushButton* runButton() const { return m_run; }
    void showErrors(const QStringList& errors);

signals:
    void changed();
    void runRequested();

private:
    void watch(QWidget* field);

    QString m_name;
    QGridLayout* m_grid = nullptr;
    int m_columns = 0;
    int m_row = 0;
    int m_column = 0;
    QComboBox* m_family = nullptr;
    QPushButton* m_run = nullptr;
    QLabel* m_errors = nullptr;
};

} // namespace portolan::ui
