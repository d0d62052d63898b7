// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/reports/report.h"
#include "model/reports/reportmap.h"

#include "platform/error.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QList>
#include <QString>

// The text formats of a report (CSV, JSON, HTML), one source file each; the port map they
// share with the PDF is in reportmap.h. Writers return bytes; nothing here touches a file
// except ReportWriter::writeFile.
namespace portolan {

// ---- CSV (RFC 4180) ------------------------------------------------------------------------
// One table: a header row, then one row per inventory reservation, runtime block, listening
// socket and run of the last scan (kind "persistent", "runtime", "listener", "scan"; the
// columns each kind fills are in docs/reports.md). Lines end in CRLF; a cell holding a comma, a
// quote, CR or LF is quoted, with quotes doubled. UTF-8 with a byte-order mark, so that
// spreadsheets do not guess a code page.
//
// Formula neutralisation: a cell whose first character is = + - @, TAB, CR or LF (or one of
// the full-width ＝ ＋ － ＠), or whose first non-blank character is = + - @, would be run
// as a formula by a spreadsheet (Excel, LibreOffice, Google Sheets). Such a cell gets an
// apostrophe in front — spreadsheets show it as text and hide the apostrophe — and is quoted.
// The cells the writer itself fills (numbers, times, enumerations) never start with those
// characters; notes, owners, process names, holders, hosts and requests can. Tokens are as
// people read them everywhere (text::tokenHex, "0x7e51a3c0"): as a decimal number a
// spreadsheet would round them to 15 digits.
QString csvCell(const QString& value);
QStringList reportCsvHeader();
QByteArray reportCsv(const ReportData& data);

// ---- JSON --------------------------------------------------------------------------------
// Keys in a fixed order, two-space indent, "format": "portolan-report", "version": 2. Times are
// UTC ISO 8601 with milliseconds ("2025-03-10T08:15:00.000Z") or null; tokens are decimal
// strings (64 bits survive any reader) or null. Schema: resources/schemas/report.schema.json.
QByteArray reportJson(const ReportData& data);

// ---- HTML --------------------------------------------------------------------------------
enum class HtmlFlavor : quint8
{
    Browser,  // self-contained page: inline SVG port map, CSS for screen and print
    RichText, // the subset QTextDocument renders (for the PDF): the map is the image
              // "portolan:portmap", to be added as a resource of that size
};
// Escapes & < > " ' so that the text can sit in an element or a double-quoted attribute.
QString htmlEscape(const QString& text);
QByteArray reportHtml(const ReportData& data, HtmlFlavor flavor = HtmlFlavor::Browser);

// ---- files -------------------------------------------------------------------------------
class ReportWriter
{
    Q_DECLARE_TR_FUNCTIONS(ReportWriter)

public:
    // CSV, JSON or HTML bytes; PDF is not a text format (ui/reports/reportpdf.h).
    static Result<QByteArray> render(const ReportData& data, ReportFormat format);
    // Writes atomically (QSaveFile): a failed write leaves any earlier file as it was. The
    // error is IoError naming the file, the reason and what to do.
    static Result<void> writeFile(const QString& path, const QByteArray& bytes);
};

} // namespace portolan
