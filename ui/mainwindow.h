// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/services/preflight.h"
#include "model/services/reservationservice.h"
#include "model/store/records.h"

#include <QMainWindow>
#include <QPointer>

#include <optional>

class QAction;
class QActionGroup;
class QDialog;
class QLabel;
class QListWidget;

namespace portolan {
class DiagnoseService;
class InventoryModel;
class ProbeService;
class ProtectService;
class Store;
} // namespace portolan

namespace portolan::ui {

class PortMapPage;
class PortMapWidget;
class RangeHealthLine;
class ReservationsView;
class StatusBarInfo;
class ViewStack;

// The console: a sidebar of views (Reservations, Port map, Probes, Scan, History, Fleet), menus and
// a toolbar whose every action has a shortcut or a mnemonic, and a status bar with the backend,
// elevation, host and database. Dialogs are opened window-modal (open(), not exec()), so the
// event loop keeps running and the services' answers arrive while they are shown.
class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    enum class View : int
    {
        Reservations,
        PortMap,
        Probes,
        Scan,
        History,
        Fleet
    };
    static constexpr int kViewCount = 6;
    // "reservations", "portmap", "probes", "scan", "history", "fleet": the names of
    // --screenshot-view.
    static QString viewName(View view);
    static std::optional<View> viewFromName(const QString& name);

    MainWindow(Store& store, ReservationService& reservations, ProbeService& probes,
               QWidget* parent = nullptr);
    ~MainWindow() override;

    // The first refresh: boot check, discovery on a first start, the machine's snapshot.
    // firstRefreshFinished follows once the snapshot (or its failure) has arrived. The
    // system itself (capabilities, elevation) is asked for by the constructor, on the
    // service's worker: until it answers, the window shows "Reading the system…" and the
    // actions that depend on it are disabled, saying why in their tooltips.
    void start();
    bool firstRefreshDone() const { return m_firstRefreshDone; }

    View currentView() const;
    void setCurrentView(View view);
    QWidget* viewWidget(View view); // makes the view if it was not shown yet

    ReservationService& reservationService() const { return m_service; }
    ProtectService& protectService() const { return *m_protect; }
    // Opens "Protect ports…" on this block.
    void openProtectWizard(Protocol protocol, PortRange range);
    // Reads the command line's audit journal into the audit log (on the protect worker).
    void importAuditJournal(const QString& path);
    ProbeService& probeService() const { return m_probes; }
    Store& store() const { return m_store; }
    ReservationsView* reservationsView() const { return m_reservations; }
    PortMapPage* portMapPage() const { return m_portMapPage; }
    PortMapWidget* portMap() const;
    InventoryModel* inventoryModel() const { return m_inventory; }
    StatusBarInfo* statusBarInfo() const { return m_statusInfo; }
    DiagnoseService* diagnoseService() const { return m_diagnose; }
    RangeHealthLine* rangeHealthLine() const { return m_rangeHealth; }
    QListWidget* sidebar() const;
    // The action with this object name ("newReservation", "deleteReservation", ...).
    QAction* action(const QString& name) const;
    // The dialog opened last, while it is open.
    QDialog* activeDialog() const { return m_dialog; }

    // QSettings: geometry, toolbar/dock state, last view, the inventory's column layout.
    void restoreSettings();
    void saveSettings() const;

public slots:
    void newReservation();
    void lookupReservation();
    void deleteReservation();
    void protectPorts();
    void editNote();
    void verifyAll();
    void discover();
    void refreshSnapshot();
    void importReport();
    void runSampleProbe1();
    void runSampleProbe2();
    void showAbout();

signals:
    void firstRefreshFinished();
    // Every time a snapshot reached the port map.
    void snapshotApplied(const portolan::MachineSnapshot& snapshot);

protected:
    void closeEvent(QCloseEvent* event) override;

private:
    void buildViews();
    void buildActions();
    void buildMenus();
    void buildToolBar();
    void buildStatusBar();
    void connectServices();
    void buildProtect(); // mainwindowprotect.cpp
    QWidget* makeLazyView(View view, QWidget* parent);
    QWidget* makeLazyViewOnly(View view, QWidget* parent);
    // Tables that Tab leaves and that explain elided cells; no mnemonic shadowing a menu's.
    void polishView(QWidget* view) const;
    void updateActions();
    // Enables the action, or disables it with `whyNot` added to its tooltip.
    void setActionAvailable(const QString& name, bool available, const QString& whyNot = {});
    void onSystemRead(OperationId id, const SystemFacts& facts);
    void showDialog(QDialog* dialog);
    void showStatus(const QString& message, bool error = false);
    static QString readingSystemText();
    void onSnapshot(OperationId id, const MachineSnapshot& snapshot);
    void onOperationFailed(OperationId id, ReservationOperation operation, const Error& error);
    void onOperationFinished(const ReservationOutcome& outcome);
    void onBlockActivated(const ReservedBlock& block);
    void onRecordSelected(const std::optional<ReservationRecord>& record);
    void finishFirstRefresh();
    QAction* makeAction(const QString& name, const QString& text, const QKeySequence& shortcut,
                        const QIcon& icon = {}, const QString& tip = {});

    // The property holding the tooltip an action was made with, before setActionAvailable
    // added why it is disabled.
    static constexpr char kBaseToolTip[] = "portolanBaseToolTip";

    Store& m_store;
    ReservationService& m_service;
    ProbeService& m_probes;
    ProtectService* m_protect = nullptr;
    InventoryModel* m_inventory = nullptr;

    ViewStack* m_views = nullptr;
    ReservationsView* m_reservations = nullptr;
    PortMapPage* m_portMapPage = nullptr;
    StatusBarInfo* m_statusInfo = nullptr;
    QLabel* m_busy = nullptr;
    // The dynamic range's health line above the views, and the explanations of refused binds
    // (mainwindowdiagnose.cpp).
    DiagnoseService* m_diagnose = nullptr;
    RangeHealthLine* m_rangeHealth = nullptr;
    void buildDiagnose();

    QList<QAction*> m_actions;
    QList<QAction*> m_viewActions;
    QPointer<QDialog> m_dialog;

    std::optional<MachineSnapshot> m_snapshot;
    OperationId m_snapshotId = 0;
    OperationId m_firstSnapshotId = 0;
    bool m_firstRefreshDone = false;
    bool m_syncingSelection = false;
};

} // namespace portolan::ui
