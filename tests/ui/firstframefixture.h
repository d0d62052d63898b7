// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The main window on a simulated machine whose capabilities and discovery wait at a gate
// (tests/support/slowbackend.h): tst_firstframe and the "Reading the system…" screenshots.

#include "tst_mainwindow_fixture.h"

#include "ui/mainwindow.h"

#include "../support/slowbackend.h"

#include <QCoreApplication>
#include <QEvent>
#include <QObject>
#include <QWidget>

#include <functional>
#include <memory>

namespace portolan::shelltest {

struct GatedConsole
{
    std::shared_ptr<testsupport::SlowBackend> slow;
    std::unique_ptr<Console> console;

    static std::unique_ptr<GatedConsole> make(const char* scenario = "developer.json")
    {
        auto gated = std::make_unique<GatedConsole>();
        gated->console = Console::make(scenario, [&gated](std::shared_ptr<Backend> inner) {
            gated->slow = std::make_shared<testsupport::SlowBackend>(std::move(inner));
            return std::shared_ptr<Backend>(gated->slow);
        });
        if (!gated->console)
            return nullptr;
        return gated;
    }

    ~GatedConsole()
    {
        // The services wait for their worker when destroyed: it must not stay at the gate.
        if (slow)
            slow->open();
    }
};

// What the first Paint event of a window saw: `observe` is called while that event is
// delivered, before the frame it paints is handed to the platform.
class FirstPaint : public QObject
{
public:
    FirstPaint(QWidget* window, std::function<void()> observe)
        : m_window(window), m_observe(std::move(observe))
    {
        QCoreApplication::instance()->installEventFilter(this);
    }
    ~FirstPaint() override { QCoreApplication::instance()->removeEventFilter(this); }
    bool seen() const { return m_seen; }

protected:
    bool eventFilter(QObject* watched, QEvent* event) override
    {
        if (!m_seen && event->type() == QEvent::Paint && watched->isWidgetType() &&
            static_cast<QWidget*>(watched)->window() == m_window) {
            m_seen = true;
            m_observe();
        }
        return false;
    }

private:
    QWidget* m_window;
    std::function<void()> m_observe;
    bool m_seen = false;
};

} // namespace portolan::shelltest
