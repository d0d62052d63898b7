// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/store/hostsnapshotstore.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QDateTime>
#include <QList>
#include <QString>

// The fleet report: a summary table (one row per host, from its newest snapshot) and one
// section per host with its reservations, as CSV, JSON and HTML (the PDF is the HTML laid out
// on A4 pages, ui/fleet/fleetreportexport.h). The JSON embeds each host's snapshot document.
namespace portolan {

inline constexpr char kFleetReportFormatName[] = "portolan-fleet-report";

struct FleetReportData
{
    QString title;
    QDateTime generatedAt;
    QList<HostSnapshotRecord> hosts; // newest snapshot of each host, with blocks and document
    QList<int> snapshotCounts;       // per host, in the same order
};

class FleetReport
{
    Q_DECLARE_TR_FUNCTIONS(FleetReport)

public:
    // Reads every host's newest snapshot (with its blocks): for a worker thread.
    static Result<FleetReportData> gather(HostSnapshotStore& store, const QString& title,
                                          const QDateTime& generatedAt);
    // One row per block, each with its host's columns; a host without blocks has one row.
    static QByteArray csv(const FleetReportData& data);
    static QByteArray json(const FleetReportData& data);
    static QByteArray html(const FleetReportData& data);
};

} // namespace portolan
