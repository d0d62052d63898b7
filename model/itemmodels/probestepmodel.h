// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/itemmodels/modelroles.h"
#include "model/store/records.h"

#include "platform/error.h"

#include <QAbstractTableModel>
#include <QList>

namespace portolan {

class ProbeService;
class Store;

// The steps of one run: a stored run (load) or the one running now (follow the service:
// steps are appended as they finish, then replaced by the recorded run).
class ProbeStepModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column : int {
        SeqColumn,
        StepColumn,
        ResultColumn,   // "ok" / "failed", or the bind outcome
        PortsColumn,    // bind probes and scan runs
        CodeColumn,     // WSAEACCES (10013)
        DurationColumn,
        DetailColumn,      // RunText::stepDetail
        ExplanationColumn, // Explanations::forStep
        ColumnCount
    };
    Q_ENUM(Column)

    explicit ProbeStepModel(Store& store, QObject* parent = nullptr);

    // Shows the live steps of the service's runs: started clears, stepFinished appends,
    // finished replaces them with the recorded run.
    void attach(ProbeService* service);
    // Live steps before their run is recorded: which kind of run they belong to.
    void startRun(ProbeKind kind);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    qint64 runId() const { return m_runId; } // 0: live or empty
    // Loads a stored run's steps (NotFound when there is none; the model is then empty).
    Result<void> load(qint64 runId);
    // Shows a run already in memory with its steps.
    void setRun(const ProbeRunRecord& run);
    void clear();
    void appendStep(const ProbeStepRecord& step);
    const ProbeStepRecord& step(int row) const { return m_steps.at(row); }

private:
    Store& m_store;
    qint64 m_runId = 0;
    ProbeRunRecord m_run; // the run the steps belong to, without them: the details' facts
    QList<ProbeStepRecord> m_steps;
};

} // namespace portolan
