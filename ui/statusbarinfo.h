// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "platform/backend.h"

#include <QLabel>
#include <QStatusBar>
#include <QString>
#include <QWidget>

#include <optional>

namespace portolan::ui {

// A label that shows as much of its text as fits, eliding in the middle (paths keep their
// file name), with the whole text in its tooltip.
class ElidedLabel : public QLabel
{
    Q_OBJECT

public:
    explicit ElidedLabel(QWidget* parent = nullptr);
    void setFullText(const QString& text);
    QString fullText() const { return m_full; }
    QSize minimumSizeHint() const override;

protected:
    void resizeEvent(QResizeEvent* event) override;

private:
    void updateElided();
    QString m_full;
};

// A status bar whose temporary message elides at the right when it does not fit beside the
// permanent facts, with the whole message in the tooltip over it.
class ElidingStatusBar : public QStatusBar
{
    Q_OBJECT

public:
    explicit ElidingStatusBar(QWidget* parent = nullptr);

    // Where the message is drawn, and whether it is cut there.
    QRect messageRect() const;
    bool messageElided() const;

protected:
    void paintEvent(QPaintEvent* event) override;
    bool event(QEvent* event) override;
};

// The status bar's permanent facts: which backend, whether the process is elevated (with a
// hint on what that means), the host and the database. The elevation is read on a worker
// thread, so it starts as "Reading the system…" until setElevated tells it.
class StatusBarInfo : public QWidget
{
    Q_OBJECT

public:
    StatusBarInfo(const Backend& backend, const QString& host, const QString& databasePath,
                  QWidget* parent = nullptr);

    QLabel* backendLabel() const { return m_backend; }
    QLabel* elevationLabel() const { return m_elevation; }
    QLabel* hostLabel() const { return m_host; }
    ElidedLabel* databaseLabel() const { return m_database; }

    // As the services read it (a simulated machine's elevation may change in tests).
    void setElevated(bool elevated);
    std::optional<bool> elevated() const { return m_elevated; }

protected:
    void changeEvent(QEvent* event) override;

private:
    void updateElevation();

    const Backend& m_backendRef;
    std::optional<bool> m_elevated;
    QLabel* m_backend = nullptr;
    QLabel* m_elevation = nullptr;
    QLabel* m_host = nullptr;
    ElidedLabel* m_database = nullptr;
};

} // namespace portolan::ui
