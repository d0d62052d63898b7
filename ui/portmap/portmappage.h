// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "ui/portmap/portmapdata.h"

#include "model/services/preflight.h"
#include "model/services/reservationservice.h" // OperationId
#include "model/store/records.h"

#include <QWidget>

class QLabel;
class QLineEdit;
class QPushButton;
class QToolButton;

namespace portolan {
class ProbeService;
}

namespace portolan::ui {

class PortMapWidget;

// The Port map view: the map itself, zoom controls, "go to port", and an explanation panel
// for the current port with a one-click bind probe of it, so that "why does 3000 fail?" is
// answered by the map and confirmed by a real bind on the same screen.
class PortMapPage : public QWidget
{
    Q_OBJECT

public:
    explicit PortMapPage(ProbeService& probes, QWidget* parent = nullptr);

    PortMapWidget* map() const { return m_map; }
    QLineEdit* goToEdit() const { return m_goTo; }
    QPushButton* bindButton() const { return m_bind; }
    QLabel* explanationLabel() const { return m_explanation; }
    QLabel* bindResultLabel() const { return m_bindResult; }

    // What the machine looks like: discovered blocks, listeners, dynamic ranges, plus this
    // host's inventory rows the backend cannot list itself. Keeps the last scans.
    void setSnapshot(const MachineSnapshot& snapshot, const QList<ReservationRecord>& inventory,
                     ErrorCodeStyle style);
    void setScan(const ScanResult& result);
    // A scan from the history, shown unless this protocol was scanned since the start.
    void restoreScan(const ScanResult& result);
    const PortMapData& data() const;

public slots:
    // A bind probe of the current port on 127.0.0.1 (::1 is not needed for the question).
    void probeCurrentPort();
    void goToPort();

signals:
    void blockActivated(const portolan::ReservedBlock& block);

private:
    void onProbeFinished(OperationId id, const ProbeRunRecord& run);
    void onProbeFailed(OperationId id, const Error& error);
    void updateExplanation();

    ProbeService& m_probes;
    PortMapWidget* m_map = nullptr;
    QToolButton* m_zoomIn = nullptr;
    QToolButton* m_zoomOut = nullptr;
    QToolButton* m_showAll = nullptr;
    QLineEdit* m_goTo = nullptr;
    QPushButton* m_bind = nullptr;
    QLabel* m_explanation = nullptr;
    QLabel* m_bindResult = nullptr;
    QLabel* m_problems = nullptr;
    OperationId m_probeId = 0;
    Protocol m_probeProtocol = Protocol::Tcp;
    quint16 m_probePort = 0;
    bool m_placedCursor = false;
};

} // namespace portolan::ui
