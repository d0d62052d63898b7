// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QWidget>

#include <functional>

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSplitter;
class QTabWidget;
class QTableView;
class QTimer;

namespace portolan {
class AuditLogModel;
class ProbeRunModel;
class ProbeService;
class ProbeStepModel;
class ReservationService;
class Store;
} // namespace portolan

namespace portolan::ui {

class PagedHistoryProxy;

// The History view: probe runs (with the selected run's steps below) and the audit log of
// every create, delete, lookup and note change. Both are newest first and paged in from the
// database as the user scrolls, so a history of a million runs opens as fast as an empty one.
// New runs and audit rows appear at the top as the services record them.
class HistoryView : public QWidget
{
    Q_OBJECT

public:
    HistoryView(Store& store, ProbeService& probes, ReservationService& reservations,
                QWidget* parent = nullptr);
    ~HistoryView() override;

    ProbeRunModel* runModel() const { return m_runs; }
    ProbeStepModel* stepModel() const { return m_steps; }
    AuditLogModel* auditModel() const { return m_audit; }
    PagedHistoryProxy* runProxy() const { return m_runProxy; }
    PagedHistoryProxy* auditProxy() const { return m_auditProxy; }
    QTableView* runTable() const { return m_runTable; }
    QTableView* auditTable() const { return m_auditTable; }

    void showRuns();
    void showAudit();
    // Selects the run (when loaded) and shows its steps.
    bool selectRun(qint64 runId);

    // The documentation's screenshots (docs/screenshots.md) on a fresh database: "runs" (a
    // bind probe of TCP 3000, sample 1 and a scan of 2800-3400 are run; the bind probe is
    // selected) and "audit" (a lookup of TCP 5037, a create refused by its pre-flight and one
    // that succeeds). screenshotReady follows when they are recorded.
    Q_INVOKABLE bool prepareScreenshot(const QString& state);

signals:
    void screenshotReady();

public slots:
    // Reads both lists again from the database (F5).
    void reload();

protected:
    // A new language: the steps' title names the selected run in it.
    void changeEvent(QEvent* event) override;

private:
    QWidget* buildRunsPage();
    QWidget* buildAuditPage();
    void applyRunFilter();
    void applyAuditFilter();
    void showSelectedRun();
    void updateCounts();

    void runScreenshotStep();

    Store& m_store;
    ProbeService& m_probes;
    ReservationService& m_reservations;
    QList<std::function<bool()>> m_shotSteps; // each starts one operation; false: failed
    std::function<void()> m_shotDone;
    QMetaObject::Connection m_shotConnection;
    ProbeRunModel* m_runs = nullptr;
    ProbeStepModel* m_steps = nullptr;
    AuditLogModel* m_audit = nullptr;
    PagedHistoryProxy* m_runProxy = nullptr;
    PagedHistoryProxy* m_auditProxy = nullptr;

    QTabWidget* m_tabs = nullptr;
    // Probe runs
    QLineEdit* m_runText = nullptr;
    QComboBox* m_runKind = nullptr;
    QComboBox* m_runProtocol = nullptr;
    QComboBox* m_runResult = nullptr;
    QTableView* m_runTable = nullptr;
    QLabel* m_runCount = nullptr;
    QPushButton* m_runMore = nullptr;
    QLabel* m_stepTitle = nullptr;
    QTableView* m_stepTable = nullptr;
    QSplitter* m_runSplitter = nullptr;
    QTimer* m_runTextTimer = nullptr;
    // Audit log
    QLineEdit* m_auditText = nullptr;
    QComboBox* m_auditAction = nullptr;
    QComboBox* m_auditProtocol = nullptr;
    QComboBox* m_auditResult = nullptr;
    QTableView* m_auditTable = nullptr;
    QLabel* m_auditCount = nullptr;
    QPushButton* m_auditMore = nullptr;
    QTimer* m_auditTextTimer = nullptr;
};

} // namespace portolan::ui
