// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The shell's tests (main window, dialogs): the simulated developer machine seeded from
// resources/scenarios with a state file in a temporary folder, a temporary database, and the
// two services — the console exactly as app/portolan composes it.

#include "model/services/probeservice.h"
#include "model/services/reservationservice.h"
#include "model/store/auditlog.h"
#include "model/store/inventorystore.h"
#include "model/store/store.h"

#include "platform/backendfactory.h"
#include "platform/simulated/simulatedcontrol.h"

#include <QApplication>
#include <QKeyEvent>
#include <QLineEdit>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <functional>
#include <memory>

#ifndef PORTOLAN_SOURCE_DIR
#error "PORTOLAN_SOURCE_DIR must name the source tree"
#endif

namespace portolan::shelltest {

inline QString scenarioPath(const char* name)
{
    return QStringLiteral(PORTOLAN_SOURCE_DIR "/resources/scenarios/") + QLatin1String(name);
}

struct Console
{
    QTemporaryDir dir;
    std::shared_ptr<Backend> backend;
    SimulatedControl* control = nullptr; // test-only control of the simulated machine
    std::unique_ptr<Store> store;
    std::unique_ptr<ReservationService> reservations;
    std::unique_ptr<ProbeService> probes;

    // Wraps the simulated backend before the services see it (tests/support/slowbackend.h).
    using Decorate = std::function<std::shared_ptr<Backend>(std::shared_ptr<Backend>)>;

    // Null (with a QTest failure message) when anything cannot be set up.
    static std::unique_ptr<Console> make(const char* scenario = "developer.json",
                                         const Decorate& decorate = {})
    {
        auto console = std::make_unique<Console>();
        if (!console->dir.isValid()) {
            qWarning("no temporary folder");
            return nullptr;
        }
        BackendOptions options;
        options.kind = "simulated";
        options.scenarioFile = scenarioPath(scenario).toStdString();
        options.stateFile = console->dir.filePath(QStringLiteral("state.json")).toStdString();
        Result<std::unique_ptr<Backend>> backend = createBackend(options);
        if (!backend) {
            qWarning("backend: %s", backend.error().describe().c_str());
            return nullptr;
        }
        console->backend = std::move(backend.value());
        console->control = dynamic_cast<SimulatedControl*>(console->backend.get());
        if (decorate)
            console->backend = decorate(console->backend);
        DatabaseOptions db;
        db.path = console->dir.filePath(QStringLiteral("portolan.sqlite"));
        db.localHost = QString::fromStdString(console->backend->hostName());
        Result<std::unique_ptr<Store>> store = Store::open(db);
        if (!store) {
            qWarning("store: %s", store.error().describe().c_str());
            return nullptr;
        }
        console->store = std::move(store.value());
        console->reservations =
            std::make_unique<ReservationService>(console->backend, *console->store);
        console->probes = std::make_unique<ProbeService>(console->backend, *console->store);
        return console;
    }

    ~Console()
    {
        // The services first: they wait for their workers, which use the store.
        probes.reset();
        reservations.reset();
        store.reset();
    }

    qint64 inventoryCount() { return store->inventory().count().value(); }
    qint64 auditCount() { return store->audit().count().value(); }

    // Waits until the service has answered everything asked so far.
    bool settle(int timeoutMs = 10000)
    {
        return QTest::qWaitFor([this] { return !reservations->busy() && !probes->busy(); },
                               timeoutMs);
    }
};

// What typing does: the text changes and textEdited is emitted (the forms validate on it).
inline void typeText(QLineEdit* edit, const QString& text)
{
    edit->setFocus();
    if (text.isEmpty()) {
        if (edit->text().isEmpty()) { // already empty: what deleting its last digit leaves
            edit->setModified(true);
            emit edit->textEdited(QString());
            return;
        }
        edit->selectAll();
        QTest::keyClick(edit, Qt::Key_Delete);
        return;
    }
    edit->selectAll();
    // One key event per character, as a keyboard sends them. QTest's keyClicks takes ASCII
    // only, so full-width and Arabic-Indic digits go as events carrying their text.
    for (QChar c : text) {
        if (c.unicode() < 128) {
            QTest::keyClick(edit, c.toLatin1());
            continue;
        }
        QKeyEvent press(QEvent::KeyPress, Qt::Key_unknown, Qt::NoModifier, QString(c));
        QKeyEvent release(QEvent::KeyRelease, Qt::Key_unknown, Qt::NoModifier, QString(c));
        QApplication::sendEvent(edit, &press);
        QApplication::sendEvent(edit, &release);
    }
}

} // namespace portolan::shelltest
