// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "platform/backend.h"

#include <QCoreApplication>
#include <QFrame>
#include <QString>
#include <QStringList>

class QIcon;
class QLabel;
class QStyle;
class QPushButton;

namespace portolan::ui {

// Creating and deleting persistent reservations needs an elevated administrator (Windows) or
// root (Linux). When the process lacks it, the console says so before the system refuses,
// and offers the one fix that works: starting again elevated.
class Elevation
{
    Q_DECLARE_TR_FUNCTIONS(Elevation)

public:
    // Windows can start the program again through the UAC prompt (the simulated machine,
    // which models Windows, records the request); other systems cannot.
    static bool canRestartElevated(const Backend& backend);
    // How to start elevated by hand on this backend's system, one or two sentences.
    static QString howToElevate(const Backend& backend);
    // "Creating and deleting reservations needs ... Portolan is not running elevated."
    static QString notElevatedText(const Backend& backend);
    // The status bar's short word and its tooltip, for an elevation read on a worker
    // (ReservationService::system, MachineSnapshot::elevated).
    static QString statusText(const Backend& backend, bool elevated);
    static QString statusHint(const Backend& backend, bool elevated);
    // The UAC shield where the style has one, else the warning sign.
    static QIcon shieldIcon(const QStyle* style);

    // Starts this program again elevated with the same arguments (Backend::restartElevated),
    // and once the elevated copy runs closes every window so that this one quits. On failure
    // (declined, not supported) says why in a window-modal message box over `parent`
    // (object name "restartRefused") and leaves everything open. Returns true when restarted.
    static bool restart(Backend& backend, QWidget* parent,
                        const QStringList& arguments = QCoreApplication::arguments().mid(1));
};

// A banner for dialogs and views: a shield, the sentence saying elevation is missing, and
// either a "Restart as administrator" button (Windows) or how to start elevated by hand.
// Hidden while the process is elevated.
class ElevationBanner : public QFrame
{
    Q_OBJECT

public:
    explicit ElevationBanner(Backend& backend, QWidget* parent = nullptr);

    // The sentence to show instead of the generic Elevation::notElevatedText.
    void setReason(const QString& reason);
    // Shows the banner when the process is not elevated; returns whether it is shown.
    bool refresh();

    QPushButton* restartButton() const { return m_restart; }
    QLabel* textLabel() const { return m_text; }

signals:
    // The user asked to restart elevated; Elevation::restart is called right after.
    void restartRequested();

protected:
    void changeEvent(QEvent* event) override;

private:
    void updateText();
    void applyColors();

    Backend& m_backend;
    QString m_reason;
    QLabel* m_icon = nullptr;
    QLabel* m_text = nullptr;
    QPushButton* m_restart = nullptr;
};

} // namespace portolan::ui
