// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/import/importer.h"

#include <QJsonDocument>
#include <QJsonObject>

// The two JSON formats the importer reads. Errors are InvalidArgument naming the field
// ("reservations[2].start: ...") or the place ("line L, column C: ...").
namespace portolan::jsonimport {

Result<QJsonDocument> parseText(const QString& text);
// `portolan-cli --json list` from any machine.
Result<ImportDocument> fromCliJson(const QJsonDocument& parsed, const ImportOptions& options);
// Portolan's own JSON reservation report ("format": "portolan-report").
Result<ImportDocument> fromReport(const QJsonObject& root, const ImportOptions& options);

} // namespace portolan::jsonimport
