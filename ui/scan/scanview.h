// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/services/reservationservice.h" // OperationId
#include "model/store/records.h"

#include "platform/backend.h"
#include "platform/error.h"

#include <QElapsedTimer>
#include <QString>
#include <QWidget>

#include <optional>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;
class QTableView;

namespace portolan {
class ProbeService;
}

namespace portolan::ui {

class ScanRunModel;

// The Scan view: bind-probes a range of ports on one address (on the service's worker
// threads) and shows the result as runs of free / in use / forbidden ports, with the native
// code and whoever holds them. Enter starts, Esc cancels; a cancelled scan keeps the runs it
// had finished. Every scan is recorded in the history by the service.
class ScanView : public QWidget
{
    Q_OBJECT

public:
    explicit ScanView(ProbeService& probes, QWidget* parent = nullptr);
    ~ScanView() override;

    bool isScanning() const { return m_current != 0; }
    ScanRunModel* runModel() const { return m_model; }
    // The last finished scan (empty before the first).
    const std::optional<ScanResult>& lastResult() const { return m_last; }
    QString summaryText() const;

    // Prefills the form (e.g. "scan this block" from another view); does not start.
    void setRequest(const ScanRequest& request);

    // The documentation's screenshots (docs/screenshots.md): "2800-3400" (around WinNAT's
    // block on the developer machine) or "full" (1-65535). Starts the scan; screenshotReady
    // follows when it has finished.
    Q_INVOKABLE bool prepareScreenshot(const QString& state);

public slots:
    void startScan();
    void cancelScan();

signals:
    // A scan started here finished, complete or cancelled: for the port map.
    void scanFinished(const portolan::ScanResult& result);
    // A state asked for by prepareScreenshot is shown.
    void screenshotReady();

private:
    std::optional<ScanRequest> checkInput();
    void updateEnabled();
    void onStarted();
    void onProgress(OperationId id, quint32 done, quint32 total);
    void onFinished(OperationId id, const ProbeRunRecord& run);
    void onFailed(OperationId id, const Error& error);
    void onRecordFailed(OperationId id, const Error& error);
    void finishScan();
    void notifyScreenshot();
    QString summaryFor(const ScanResult& result, qint64 elapsedUs) const;

    ProbeService& m_probes;
    OperationId m_current = 0;
    std::optional<ScanResult> m_last;
    QElapsedTimer m_elapsed;
    bool m_cancelRequested = false;
    bool m_screenshotPending = false;
    bool m_focusStart = false; // give Start the keyboard once the service is idle

    QComboBox* m_protocol = nullptr;
    QComboBox* m_family = nullptr;
    QComboBox* m_address = nullptr;
    QLineEdit* m_range = nullptr;
    QLabel* m_errors = nullptr;
    QPushButton* m_start = nullptr;
    QPushButton* m_cancel = nullptr;
    QProgressBar* m_progress = nullptr;
    QLabel* m_progressText = nullptr;
    QCheckBox* m_hideFree = nullptr;
    ScanRunModel* m_model = nullptr;
    QTableView* m_table = nullptr;
    QLabel* m_summary = nullptr;
    QLabel* m_status = nullptr;
};

} // namespace portolan::ui
