// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/fleet/sinceboot.h"
#include "model/store/hostsnapshotstore.h"

#include <QElapsedTimer>
#include <QList>
#include <QString>
#include <QWidget>

#include <functional>

class QComboBox;
class QLabel;
class QListWidget;
class QPushButton;
class QSortFilterProxyModel;
class QSpinBox;
class QTableView;
class QTableWidget;
class QThreadPool;

namespace portolan {
class FleetModel;
class Store;
} // namespace portolan

namespace portolan::ui {

// The Fleet view: every host whose snapshots the database holds (imported with
// `portolan --import`, or this host's own, recorded at each boot), with its problems; "find a
// port" across the fleet; and, for this host, what changed since the last boot. Everything is
// read on a worker thread of the view's own; the table keeps what it shows until the new
// answer arrives.
class FleetView : public QWidget
{
    Q_OBJECT

public:
    FleetView(Store& store, const QString& localHost, QWidget* parent = nullptr);
    ~FleetView() override;

    FleetModel* model() const { return m_model; }
    QTableView* table() const { return m_table; }
    const QList<PortHolder>& foundHolders() const { return m_found; }
    const SinceBoot& sinceBoot() const { return m_sinceBoot; }
    QListWidget* sinceBootList() const { return m_sinceList; }
    QTableWidget* findResults() const { return m_results; }
    QString findSummary() const;
    qint64 lastFindMicroseconds() const { return m_findUs; }

    // The host under the cursor, empty when none.
    QString currentHost() const;

    // The documentation's screenshots: "find-8080" runs that search first.
    Q_INVOKABLE bool prepareScreenshot(const QString& state);

    // Which hosts forbid the port: findFinished.
    void find(Protocol protocol, int port);

public slots:
    void refresh();
    void findFromForm();
    void editWatchList();
    void openCurrentHost();
    // Asks where, then writes the fleet report (format from the file's extension): reportWritten.
    void exportReport();
    void exportReportTo(const QString& path);

signals:
    void hostsLoaded();
    void findFinished();
    void sinceBootLoaded();
    void screenshotReady();
    // The fleet report was written (error empty) or not.
    void reportWritten(const QString& path, const QString& error);
    // The user asked to see a host's snapshot: its newest, read with its blocks and document.
    void hostOpened(const portolan::HostSnapshotRecord& record);

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslate();
    void showSinceBoot();
    void showFound();
    // Runs `work` on the view's worker and `done` on the GUI thread, if the view still exists.
    void inBackground(std::function<std::function<void()>()> work);

    Store& m_store;
    QString m_localHost;
    QThreadPool* m_pool = nullptr;
    FleetModel* m_model = nullptr;
    QSortFilterProxyModel* m_proxy = nullptr;

    QLabel* m_heading = nullptr;
    QLabel* m_status = nullptr;
    QPushButton* m_refresh = nullptr;
    QPushButton* m_watch = nullptr;
    QPushButton* m_open = nullptr;
    QPushButton* m_export = nullptr;
    QTableView* m_table = nullptr;

    QLabel* m_findTitle = nullptr;
    QComboBox* m_protocol = nullptr;
    QSpinBox* m_port = nullptr;
    QPushButton* m_findButton = nullptr;
    QTableWidget* m_results = nullptr;
    QLabel* m_findStatus = nullptr;
    QList<PortHolder> m_found;
    Protocol m_foundProtocol = Protocol::Tcp;
    int m_foundPort = 0;
    qint64 m_findUs = -1;
    bool m_searched = false;

    QLabel* m_sinceTitle = nullptr;
    QLabel* m_sinceNote = nullptr;
    QListWidget* m_sinceList = nullptr;
    SinceBoot m_sinceBoot;
    bool m_sinceLoaded = false;
    QString m_error;
};

} // namespace portolan::ui
