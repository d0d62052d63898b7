// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/store/records.h"

#include <QAbstractTableModel>
#include <QIcon>
#include <QList>

#include <array>

namespace portolan::ui {

// The steps of the probe running now, appended as the service reports them, so the user sees
// each call's result the moment it returns.
class LiveStepModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column : int
    {
        StepColumn,   // "1. acquire"
        ResultColumn, // "ok", "error", or a bind outcome
        CodeColumn,   // "WSAEACCES (10013)"
        DurationColumn,
        DetailColumn,      // RunText::stepDetail: "granted 50100–50109, token 0x1a2b"
        ExplanationColumn, // Explanations::forStep, or what the call does when it worked
        ColumnCount
    };
    Q_ENUM(Column)

    enum Role : int
    {
        OkRole = Qt::UserRole + 1, // bool
        StepKindRole,              // int(StepKind)
        CodeRole,                  // qint64 native code, 0 when none
    };

    explicit LiveStepModel(QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    void clear();
    void append(const ProbeStepRecord& step);
    // The recorded run: its steps (in case a live one was missed, or a holder was found
    // after the run) and the facts their details are worded from.
    void setRun(const ProbeRunRecord& run);
    const ProbeStepRecord& step(int row) const { return m_steps.at(row); }

private:
    QList<ProbeStepRecord> m_steps;
    ProbeRunRecord m_run;         // without its steps; empty while a run is live
    std::array<QIcon, 5> m_icons; // one per BindOutcome
    QIcon m_okIcon;
};

} // namespace portolan::ui
