// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/fleet/fleetreport.h"
#include "model/reports/report.h"

#include "platform/error.h"

#include <QByteArray>
#include <QString>

namespace portolan::ui {

// The fleet report in any of the four formats; the PDF is the HTML on A4 pages. Needs a
// QGuiApplication for the PDF (fonts); may run on a worker thread.
Result<QByteArray> renderFleetReport(const FleetReportData& data, ReportFormat format);
// Written atomically: a failure leaves an older file as it was.
Result<void> exportFleetReport(const FleetReportData& data, ReportFormat format,
                               const QString& path);

} // namespace portolan::ui
