// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/services/preflight.h"
#include "model/services/reservationservice.h" // OperationId
#include "model/store/records.h"

#include "platform/backend.h"
#include "platform/error.h"

#include <QPointer>
#include <QString>
#include <QWidget>

#include <functional>
#include <optional>
#include <vector>

class QComboBox;
class QLabel;
class QLineEdit;
class QRadioButton;
class QTableView;

namespace portolan {
class DiagnoseService;
class ProbeService;
}

namespace portolan::ui {

class ExplanationPanel;
class LiveStepModel;
class ProbeForm;

// The Probes view: one-click runs of Microsoft's two sample programs (docs/windows-semantics.md#microsoft-samples), a custom probe
// (a runtime block, or a known reservation by its token, associated and bound) and a plain
// bind probe of one port. Each step shows up the moment the service reports it, with its
// result, native code and a one-line explanation; a summary line says what it all means.
// Every run is recorded in the history by the service.
class ProbesView : public QWidget
{
    Q_OBJECT

public:
    explicit ProbesView(ProbeService& probes, QWidget* parent = nullptr);
    ~ProbesView() override;

    // The reservations the console knows of (e.g. ReservationService::snapshotReady's blocks).
    // With them a refused bind names the block that holds the port ("inside the runtime
    // reservation 2869–3368 held by WinNAT"), a token typed into the custom probe finds its
    // block, and sample 2 is prefilled with a persistent TCP block until the user edits it.
    void setReservations(std::vector<ReservedBlock> blocks);

    // With it, a refused bind probe is explained under the summary: the cause and the
    // remedies, cheapest first.
    void setDiagnoseService(DiagnoseService* service);
    ExplanationPanel* explanationPanel() const { return m_explanation; }

    bool isRunning() const { return m_current != 0; }
    LiveStepModel* stepModel() const { return m_steps; }
    QString summaryText() const; // the summary as plain text

    // The documentation's screenshots (docs/screenshots.md): "sample1", "sample2" (TCP
    // 8000-8009 of the developer machine), "bind<PORT>" (TCP, 127.0.0.1, e.g. "bind3000"). Runs
    // the probe; screenshotReady follows.
    Q_INVOKABLE bool prepareScreenshot(const QString& state);

    // The summary line of a finished run, as rich text. `blocks` explain a refused bind.
    static QString summaryFor(const ProbeRunRecord& run, const std::vector<ReservedBlock>& blocks);

public slots:
    // The snapshot's blocks (connect MainWindow::snapshotApplied here).
    void setSnapshot(const portolan::MachineSnapshot& snapshot)
    {
        setReservations(snapshot.blocks);
    }
    void runSample1();
    void runSample2();
    void runCustom();
    void runBindProbe();

signals:
    // A probe started here finished (run.id is 0 when the history could not record it).
    void runFinished(const portolan::ProbeRunRecord& run);
    // A state asked for by prepareScreenshot is shown.
    void screenshotReady();

private:
    struct Sample1Input
    {
        SocketSpec spec;
        PortRange range;
    };
    struct CustomInput
    {
        SocketSpec spec;
        QString address;
        PortRange range;
        std::optional<ReservedBlock> tokenBlock; // token mode: the known block with that token
    };

    ProbeForm* buildSample1();
    ProbeForm* buildSample2();
    ProbeForm* buildCustom();
    ProbeForm* buildBind();

    std::optional<Sample1Input> checkSample1();
    std::optional<PortRange> checkSample2();
    std::optional<CustomInput> checkCustom();
    std::optional<BindTarget> checkBind();
    void validateAll();
    void updateEnabled();

    void launch(const QString& what, const std::function<OperationId()>& start);
    void onStep(OperationId id, const ProbeStepRecord& step);
    void onFinished(OperationId id, const ProbeRunRecord& run);
    void onFailed(OperationId id, const Error& error);
    void onRecordFailed(OperationId id, const Error& error);
    void finishRun();
    void explainRun(const ProbeRunRecord& run);
    void notifyScreenshot();

    ProbeService& m_probes;
    std::vector<ReservedBlock> m_blocks;
    OperationId m_current = 0;
    bool m_launching = false;
    bool m_screenshotPending = false;
    QPointer<QWidget> m_focusBefore; // where the keyboard was when a run started

    // The forms, and the fields their checks read.
    ProbeForm* m_sample1 = nullptr;
    QComboBox* m_s1Family = nullptr;
    QComboBox* m_s1Type = nullptr;
    QComboBox* m_s1Protocol = nullptr;
    QLineEdit* m_s1Start = nullptr;
    QLineEdit* m_s1Count = nullptr;
    ProbeForm* m_sample2 = nullptr;
    QLineEdit* m_s2Start = nullptr;
    QLineEdit* m_s2Count = nullptr;
    bool m_s2Edited = false;
    ProbeForm* m_custom = nullptr;
    QComboBox* m_cProtocol = nullptr;
    QComboBox* m_cFamily = nullptr;
    QComboBox* m_cAddress = nullptr;
    QRadioButton* m_cUseToken = nullptr;
    QLineEdit* m_cStart = nullptr;
    QLineEdit* m_cCount = nullptr;
    QLineEdit* m_cToken = nullptr;
    ProbeForm* m_bind = nullptr;
    QComboBox* m_bProtocol = nullptr;
    QComboBox* m_bFamily = nullptr;
    QComboBox* m_bAddress = nullptr;
    QLineEdit* m_bPort = nullptr;

    LiveStepModel* m_steps = nullptr;
    QTableView* m_table = nullptr;
    QLabel* m_title = nullptr;
    QLabel* m_summary = nullptr;
    QLabel* m_status = nullptr;
    ExplanationPanel* m_explanation = nullptr;
};

} // namespace portolan::ui
