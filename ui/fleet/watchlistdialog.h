// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/store/hostsnapshotstore.h"

#include <QDialog>
#include <QList>

class QCheckBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;

namespace portolan::ui {

// The ports the user cares about: the common development servers' ports to tick, and any
// others typed as "7000, udp 5353". Empty by default; a bad entry is named and keeps OK off.
class WatchListDialog : public QDialog
{
    Q_OBJECT

public:
    // TCP ports of common development servers: React and Node (3000, 3001), Angular (4200),
    // Flask (5000), Vite (5173), Django (8000), the usual HTTP alternates (8080, 8443, 9000).
    static QList<int> commonPorts();

    explicit WatchListDialog(const QList<WatchedPort>& current, QWidget* parent = nullptr);

    // What is ticked and typed, sorted, each once; empty while the text has a bad entry.
    QList<WatchedPort> ports() const;
    // Why the typed text is refused, empty when it is not.
    QString problem() const;
    QLineEdit* otherPorts() const { return m_other; }
    QCheckBox* box(int port) const;

private:
    void check();

    QList<QCheckBox*> m_boxes;
    QLineEdit* m_other = nullptr;
    QLabel* m_problem = nullptr;
    QDialogButtonBox* m_buttons = nullptr;
};

} // namespace portolan::ui
