// SPDX-License-Identifier: GPL-3.0-or-later
#include "model/reports/reportwriters.h"

#include "model/reports/reporttext.h"
#include "model/services/explanations.h"

namespace portolan {
namespace {

using reporttext::rangeLabel;

// A table cell's time: UTC (the column header says so), to the second.
QString cellTime(const QDateTime& time)
{
    return time.isValid() ? time.toUTC().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"))
                          : QStringLiteral("—");
}

// Human-readable time in the HTML and PDF: UTC, to the second.
QString shownTime(const QDateTime& time)
{
    return time.isValid() ? time.toUTC().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss 'UTC'"))
                          : QStringLiteral("—");
}

QString dynamicText(const std::optional<PortRange>& range)
{
    if (!range)
        return ReportWriter::tr("not known");
    return range->count == 1
               ? ReportWriter::tr("%1 (1 port)").arg(rangeLabel(*range))
               : ReportWriter::tr("%1 (%2 ports)").arg(rangeLabel(*range)).arg(range->count);
}

QString auditResult(const AuditRecord& r)
{
    if (r.ok)
        return ReportWriter::tr("ok");
    return r.error ? ReportWriter::tr("failed: %1").arg(Explanations::errorLine(*r.error))
                   : ReportWriter::tr("failed");
}

// "adb.exe (PID 11840)"; what is known of a listening socket's process.
QString processText(const Listener& l)
{
    const QString name = QString::fromStdString(l.process);
    if (l.pid < 0)
        return name.isEmpty() ? ReportWriter::tr("unknown process") : name;
    return name.isEmpty() ? ReportWriter::tr("PID %1").arg(l.pid)
                          : ReportWriter::tr("%1 (PID %2)").arg(name).arg(l.pid);
}

// "WSAEACCES (10013)": the native result of a scan's run.
QString codeText(const Error& error)
{
    return error.name.empty()
               ? QString::number(error.code)
               : QStringLiteral("%1 (%2)").arg(QString::fromStdString(error.name)).arg(error.code);
}

// "TCP on 127.0.0.1, ports 2860–3400 (541 ports), 2025-03-10 08:40:00 UTC, by ana."
QString scanLine(const ProbeRunRecord& scan)
{
    const QString user =
        scan.actor.user.isEmpty() ? ReportWriter::tr("an unknown user") : scan.actor.user;
    const QString ports = scan.requested.count == 1
                              ? ReportWriter::tr("1 port")
                              : ReportWriter::tr("%1 ports").arg(scan.requested.count);
    QString line = ReportWriter::tr("%1 on %2, ports %3 (%4), %5, by %6.")
                       .arg(Explanations::protocolName(scan.protocol), scan.address,
                            rangeLabel(scan.requested), ports, shownTime(scan.startedAt), user);
    if (scan.cancelled)
        line += QLatin1Char(' ') +
                ReportWriter::tr("It was cancelled: the runs below cover the ports it probed.");
    return line;
}

const char* const kCss = R"(
body { font-family: "DejaVu Sans", "Segoe UI", Arial, Helvetica, sans-serif; font-size: 14px;
       line-height: 1.4; color: #1a1a1a; background: #fff; margin: 24px auto; padding: 0 24px;
       max-width: 1200px; }
.title { font-size: 22px; font-weight: bold; margin: 0 0 10px; }
.section-title { font-size: 17px; font-weight: bold; margin: 26px 0 8px; padding-bottom: 3px; border-bottom: 1px solid #c8c8c8; }
dl.meta { display: grid; grid-template-columns: max-content 1fr; gap: 2px 16px; margin: 0; }
dl.meta dt { font-weight: bold; }
dl.meta dd { margin: 0; overflow-wrap: anywhere; }
figure.map { margin: 0; }
figure.map svg { display: block; width: 100%; height: auto; }
ul.legend { list-style: none; padding: 0; margin: 8px 0 0; display: flex; flex-wrap: wrap;
            gap: 4px 22px; font-size: 13px; }
.swatch { display: inline-block; width: 24px; height: 13px; margin-right: 6px;
          vertical-align: -2px; border: 1px solid #333; }
.swatch.persistent { background: repeating-linear-gradient(45deg, #0072b2 0 3px, #5aa0cc 3px 5px); }
.swatch.runtime { background: repeating-linear-gradient(45deg, #e69f00 0 3px, #f3cf80 3px 5px); }
.swatch.dynamic { background: #dde6ee; border-style: dashed; }
.swatch.track { background: #f4f4f4; border-color: #999; }
table { border-collapse: collapse; width: 100%; font-size: 13px; table-layout: fixed; }
th, td { border: 1px solid #b9b9b9; padding: 4px 6px; text-align: left; vertical-align: top;
         overflow-wrap: anywhere; }
th { background: #eaeef2; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
td.note { white-space: pre-wrap; }
.missing, .fail { color: #b3261e; font-weight: bold; }
.present { color: #00683a; }
p.empty { color: #555; font-style: italic; }
.problems { border-left: 4px solid #d55e00; background: #fff4ec; padding: 6px 12px; }
footer { margin-top: 28px; font-size: 12px; color: #555; }
@page { size: A4; margin: 14mm; }
@media print {
  body { margin: 0; padding: 0; max-width: none; font-size: 10pt; }
  table { font-size: 8pt; }
  thead { display: table-header-group; }
  tr, figure.map { break-inside: avoid; }
  .section-title { break-after: avoid; }
}
)";

class Html
{
public:
    explicit Html(HtmlFlavor flavor) : m_flavor(flavor) {}

    bool rich() const { return m_flavor == HtmlFlavor::RichText; }
    // Headings are ARIA headings (role and level) rather than numbered heading elements, so
    // that screen readers and the browser's outline see the same structure while the styling
    // stays in one class. QTextDocument puts little room above a paragraph that follows a
    // table, hence the margin in the PDF's flavour.
    QString sectionTitle() const
    {
        return rich() ? QStringLiteral("<p style=\"margin-top:12px; font-size:large; "
                                       "font-weight:bold\">%1</p>\n")
                      : QStringLiteral("<section>\n<div class=\"section-title\" role=\"heading\" "
                                       "aria-level=\"2\">%1</div>\n");
    }
    QString& out() { return m_out; }

    // widths: per column, in percent of the page, for the PDF (QTextDocument gives a column
    // of single words too little room otherwise); the browser sizes columns itself.
    void tableStart(const QStringList& headers, const QList<bool>& numeric,
                    const QList<int>& widths = {})
    {
        m_out += rich()
                     ? QStringLiteral("<table border=\"1\" cellspacing=\"0\" cellpadding=\"3\" "
                                      "width=\"100%\" style=\"border-color:#b9b9b9\">\n<thead><tr>")
                     : QStringLiteral("<table>\n");
        if (!rich()) {
            // Preferred widths; the columns still grow to hold their longest unbreakable word.
            if (!widths.isEmpty()) {
                m_out += QStringLiteral("<colgroup>");
                for (int w : widths)
                    m_out += QStringLiteral("<col style=\"width:%1%\">").arg(w);
                m_out += QStringLiteral("</colgroup>\n");
            }
            m_out += QStringLiteral("<thead><tr>");
        }
        for (qsizetype i = 0; i < headers.size(); ++i) {
            const bool num = i < numeric.size() && numeric[i];
            const QString width =
                i < widths.size() ? QStringLiteral(" width=\"%1%\"").arg(widths[i]) : QString();
            m_out += rich() ? QStringLiteral("<th bgcolor=\"#eaeef2\" align=\"%1\"%2>%3</th>")
                                  .arg(num ? QStringLiteral("right") : QStringLiteral("left"),
                                       width, htmlEscape(headers[i]))
                            : QStringLiteral("<th%1 scope=\"col\">%2</th>")
                                  .arg(num ? QStringLiteral(" class=\"num\"") : QString(),
                                       htmlEscape(headers[i]));
        }
        m_out += QStringLiteral("</tr></thead>\n<tbody>\n");
    }
    void tableEnd()
    {
        m_out += QStringLiteral("</tbody>\n</table>\n");
        // QTextDocument leaves no room between a table and the heading after it.
        if (rich())
            m_out += QStringLiteral("<p style=\"font-size:5pt\">&nbsp;</p>\n");
    }

    // A cell of escaped text; cls: num, nowrap, note, missing, present, fail.
    QString cell(const QString& text, const QString& cls = {}) const
    {
        return cellHtml(htmlEscape(text), cls);
    }
    // A time as two lines in the PDF (date, time), so that narrow columns never break inside
    // a date; one line in the browser.
    QString timeCell(const QDateTime& time, const QString& never = {}) const
    {
        if (!time.isValid() && !never.isEmpty())
            return cell(never);
        if (!time.isValid())
            return cell(cellTime(time));
        const QDateTime utc = time.toUTC();
        return cellHtml(htmlEscape(utc.toString(QStringLiteral("yyyy-MM-dd"))) +
                        (rich() ? QStringLiteral("<br>") : QStringLiteral(" ")) +
                        htmlEscape(utc.toString(QStringLiteral("HH:mm:ss"))));
    }
    // `escaped` must already be escaped HTML.
    QString cellHtml(const QString& escaped, const QString& cls = {}) const
    {
        if (!rich()) {
            const QString& c = cls;
            return c.isEmpty() ? QStringLiteral("<td>%1</td>").arg(escaped)
                               : QStringLiteral("<td class=\"%1\">%2</td>").arg(c, escaped);
        }
        QString attrs;
        QString style;
        if (cls == QLatin1String("num"))
            attrs = QStringLiteral(" align=\"right\"");
        if (cls == QLatin1String("num") || cls == QLatin1String("nowrap"))
            style = QStringLiteral("white-space:nowrap");
        if (cls == QLatin1String("note"))
            style = QStringLiteral("white-space:pre-wrap");
        if (cls == QLatin1String("missing") || cls == QLatin1String("fail"))
            style = QStringLiteral("color:#b3261e;font-weight:bold");
        if (cls == QLatin1String("present"))
            style = QStringLiteral("color:#00683a");
        if (!style.isEmpty())
            attrs += QStringLiteral(" style=\"%1\"").arg(style);
        return QStringLiteral("<td%1>%2</td>").arg(attrs, escaped);
    }

private:
    HtmlFlavor m_flavor;
    QString m_out;
};

} // namespace

QString htmlEscape(const QString& text)
{
    // Qt escapes & < > and "; the apostrophe too, so that a value is safe in either kind of
    // attribute quote.
    return text.toHtmlEscaped().replace(QLatin1Char('\''), QStringLiteral("&#39;"));
}

QByteArray reportHtml(const ReportData& data, HtmlFlavor flavor)
{
    Html html(flavor);
    QString& o = html.out();
    const bool rich = html.rich();
    const QString sectionEnd = rich ? QString() : QStringLiteral("</section>\n");
    if (!rich) {
        o += QStringLiteral(
                 "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
                 "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                 "<meta name=\"generator\" content=\"Portolan report format %1\">\n"
                 "<title>%2</title>\n<style>%3</style>\n</head>\n<body>\n")
                 .arg(kReportVersion)
                 .arg(htmlEscape(data.title), QLatin1String(kCss));
    } else {
        o += QStringLiteral("<html><head><title>%1</title></head><body>\n")
                 .arg(htmlEscape(data.title));
    }

    o += rich
             ? QStringLiteral("<header>\n<p style=\"font-size:x-large; font-weight:bold\">%1</p>\n")
                   .arg(htmlEscape(data.title))
             : QStringLiteral("<header>\n<div class=\"title\" role=\"heading\" aria-level=\"1\">"
                              "%1</div>\n")
                   .arg(htmlEscape(data.title));
    const QList<std::pair<QString, QString>> meta = {
        {ReportWriter::tr("Host"), data.host},
        {ReportWriter::tr("Generated"), shownTime(data.generatedAt)},
        {ReportWriter::tr("Backend"),
         data.backend.isEmpty() ? ReportWriter::tr("not asked (inventory only)") : data.backend},
        {ReportWriter::tr("TCP dynamic range"), dynamicText(data.tcpDynamicRange)},
        {ReportWriter::tr("UDP dynamic range"), dynamicText(data.udpDynamicRange)},
    };
    if (rich) {
        o += QStringLiteral("<table cellspacing=\"0\" cellpadding=\"1\">\n");
        for (const auto& [k, v] : meta)
            o += QStringLiteral("<tr><td><b>%1</b></td><td width=\"14\"></td><td>%2</td></tr>\n")
                     .arg(htmlEscape(k), htmlEscape(v));
        o += QStringLiteral("</table>\n");
    } else {
        o += QStringLiteral("<dl class=\"meta\">\n");
        for (const auto& [k, v] : meta)
            o += QStringLiteral("<dt>%1</dt><dd>%2</dd>\n").arg(htmlEscape(k), htmlEscape(v));
        o += QStringLiteral("</dl>\n");
    }
    o += QStringLiteral("</header>\n");

    if (!data.problems.isEmpty()) {
        o += html.sectionTitle().arg(htmlEscape(ReportWriter::tr("Not read")));
        o += rich ? QStringLiteral("<ul>\n") : QStringLiteral("<ul class=\"problems\">\n");
        for (const QString& p : data.problems)
            o += QStringLiteral("<li>%1</li>\n").arg(htmlEscape(p));
        o += QStringLiteral("</ul>\n") + sectionEnd;
    }

    // Port map
    o += html.sectionTitle().arg(htmlEscape(ReportWriter::tr("Port map")));
    if (rich) {
        o += QStringLiteral("<p><img src=\"portolan:portmap\"></p>\n");
        o += QStringLiteral("<p style=\"font-size:small\">%1</p>\n")
                 .arg(htmlEscape(
                     ReportWriter::tr("Blue, hatched: persistent reservation in the "
                                      "inventory. Orange, hatched: block held by another "
                                      "process at run time. Light blue band: dynamic "
                                      "range. Grey: no reservation.")));
    } else {
        o += QStringLiteral("<figure class=\"map\">\n") + reportMapSvg(data);
        o += QStringLiteral("<figcaption><ul class=\"legend\">\n");
        const QList<std::pair<const char*, QString>> legend = {
            {"persistent", ReportWriter::tr("persistent reservation (inventory)")},
            {"runtime", ReportWriter::tr("held by another process at run time")},
            {"dynamic", ReportWriter::tr("dynamic range")},
            {"track", ReportWriter::tr("no reservation")},
        };
        for (const auto& [cls, text] : legend)
            o += QStringLiteral("<li><span class=\"swatch %1\"></span>%2</li>\n")
                     .arg(QLatin1String(cls), htmlEscape(text));
        o += QStringLiteral("</ul></figcaption>\n</figure>\n");
    }
    o += sectionEnd;

    // Reservations
    o += html.sectionTitle().arg(
        htmlEscape(ReportWriter::tr("Persistent reservations (%1)").arg(data.reservations.size())));
    if (data.reservations.isEmpty()) {
        o += QStringLiteral("<p class=\"empty\">%1</p>\n")
                 .arg(htmlEscape(
                     ReportWriter::tr("The inventory holds no reservation of this host.")));
    } else {
        // Protocol, ports and count share a column, and times wrap between date and time, so
        // that the table fits an A4 page (the PDF, and the HTML printed) without clipping.
        html.tableStart({ReportWriter::tr("Block"), ReportWriter::tr("State"),
                         ReportWriter::tr("Token"), ReportWriter::tr("Source"),
                         ReportWriter::tr("Created (UTC)"), ReportWriter::tr("Verified (UTC)"),
                         ReportWriter::tr("Note")},
                        {}, {16, 11, 17, 11, 12, 12, 21});
        for (const ReservationRecord& r : data.reservations) {
            const QString stateClass =
                r.state == ReservationState::Missing   ? QStringLiteral("missing")
                : r.state == ReservationState::Present ? QStringLiteral("present")
                                                       : QString();
            const QString ports = r.count == 1 ? ReportWriter::tr("1 port")
                                               : ReportWriter::tr("%1 ports").arg(r.count);
            o += QStringLiteral("<tr>") +
                 html.cellHtml(htmlEscape(QStringLiteral("%1 %2").arg(
                                   Explanations::protocolName(r.protocol), rangeLabel(r.range()))) +
                               QStringLiteral("<br>") + htmlEscape(ports));
            o += html.cell(Explanations::stateName(r.state), stateClass) +
                 html.cell(Explanations::tokenText(r.token), QStringLiteral("nowrap")) +
                 html.cell(Explanations::sourceName(r.source)) + html.timeCell(r.createdAt) +
                 html.timeCell(r.verifiedAt, ReportWriter::tr("never")) +
                 html.cell(r.note, QStringLiteral("note")) + QStringLiteral("</tr>\n");
        }
        html.tableEnd();
    }
    o += sectionEnd;

    // Runtime blocks
    o += html.sectionTitle().arg(htmlEscape(
        ReportWriter::tr("Held by other processes (%1)").arg(data.runtimeBlocks.size())));
    if (data.runtimeBlocks.isEmpty()) {
        o += QStringLiteral("<p class=\"empty\">%1</p>\n")
                 .arg(htmlEscape(data.backend.isEmpty()
                                     ? ReportWriter::tr("The machine was not asked.")
                                     : ReportWriter::tr("No other process holds a block.")));
    } else {
        html.tableStart({ReportWriter::tr("Protocol"), ReportWriter::tr("Ports"),
                         ReportWriter::tr("Count"), ReportWriter::tr("Held by")},
                        {false, true, true}, {12, 18, 10, 60});
        for (const ReportRuntimeBlock& b : data.runtimeBlocks) {
            o += QStringLiteral("<tr>") + html.cell(Explanations::protocolName(b.protocol)) +
                 html.cell(rangeLabel(b.range), QStringLiteral("num")) +
                 html.cell(QString::number(b.range.count), QStringLiteral("num")) +
                 html.cell(b.owner.isEmpty() ? ReportWriter::tr("unknown process") : b.owner,
                           QStringLiteral("free")) +
                 QStringLiteral("</tr>\n");
        }
        html.tableEnd();
    }
    o += sectionEnd;

    // Listening sockets
    o += html.sectionTitle().arg(
        htmlEscape(ReportWriter::tr("Listening sockets (%1)").arg(data.listeners.size())));
    if (data.listeners.isEmpty()) {
        o += QStringLiteral("<p class=\"empty\">%1</p>\n")
                 .arg(htmlEscape(data.backend.isEmpty()
                                     ? ReportWriter::tr("The machine was not asked.")
                                     : ReportWriter::tr("No socket is listening.")));
    } else {
        html.tableStart({ReportWriter::tr("Protocol"), ReportWriter::tr("Address"),
                         ReportWriter::tr("Port"), ReportWriter::tr("Process")},
                        {false, false, true}, {12, 28, 10, 50});
        for (const Listener& l : data.listeners) {
            o += QStringLiteral("<tr>") + html.cell(Explanations::protocolName(l.protocol)) +
                 html.cell(QString::fromStdString(l.address), QStringLiteral("nowrap")) +
                 html.cell(QString::number(l.port), QStringLiteral("num")) +
                 html.cell(processText(l)) + QStringLiteral("</tr>\n");
        }
        html.tableEnd();
    }
    o += sectionEnd;

    // Last scan
    o += html.sectionTitle().arg(htmlEscape(ReportWriter::tr("Last scan")));
    if (!data.lastScan) {
        o += QStringLiteral("<p class=\"empty\">%1</p>\n")
                 .arg(htmlEscape(ReportWriter::tr("The console has not scanned this host.")));
    } else {
        const ProbeRunRecord& scan = *data.lastScan;
        o += QStringLiteral("<p>%1</p>\n").arg(htmlEscape(scanLine(scan)));
        html.tableStart({ReportWriter::tr("Ports"), ReportWriter::tr("Count"),
                         ReportWriter::tr("Outcome"), ReportWriter::tr("Code"),
                         ReportWriter::tr("Held by")},
                        {true, true}, {18, 10, 14, 20, 38});
        for (const ProbeStepRecord& step : scan.steps) {
            if (step.kind != StepKind::ScanRun || !step.outcome)
                continue;
            const PortRange ports{step.firstPort, quint16(step.lastPort - step.firstPort + 1)};
            const bool free = *step.outcome == BindOutcome::Free;
            o += QStringLiteral("<tr>") + html.cell(rangeLabel(ports), QStringLiteral("num")) +
                 html.cell(QString::number(ports.count), QStringLiteral("num")) +
                 html.cell(Explanations::outcomeName(*step.outcome),
                           free ? QStringLiteral("present") : QString()) +
                 html.cell(step.error ? codeText(*step.error) : QStringLiteral("—")) +
                 html.cell(step.holder.isEmpty() ? QStringLiteral("—") : step.holder) +
                 QStringLiteral("</tr>\n");
        }
        html.tableEnd();
    }
    o += sectionEnd;

    // Audit
    if (!data.audit.isEmpty()) {
        o += html.sectionTitle().arg(htmlEscape(
            ReportWriter::tr("Recent activity (%1, newest first)").arg(data.audit.size())));
        html.tableStart({ReportWriter::tr("Time (UTC)"), ReportWriter::tr("User"),
                         ReportWriter::tr("Action"), ReportWriter::tr("Ports"),
                         ReportWriter::tr("Request"), ReportWriter::tr("Result"),
                         ReportWriter::tr("Detail")},
                        {}, {12, 12, 8, 13, 20, 21, 14});
        for (const AuditRecord& a : data.audit) {
            QString user = a.actor.user;
            if (a.actor.elevated)
                user += ReportWriter::tr(" (elevated)");
            o += QStringLiteral("<tr>") + html.timeCell(a.at) + html.cell(user) +
                 html.cell(Explanations::actionName(a.action)) +
                 html.cellHtml(htmlEscape(Explanations::protocolName(a.protocol)) +
                               QLatin1Char(' ') +
                               htmlEscape(rangeLabel(PortRange{a.start, a.count}))) +
                 html.cell(a.request, QStringLiteral("free")) +
                 html.cell(auditResult(a), a.ok ? QStringLiteral("free") : QStringLiteral("fail")) +
                 html.cell(a.detail, QStringLiteral("note")) + QStringLiteral("</tr>\n");
        }
        html.tableEnd();
        o += sectionEnd;
    }

    o += (rich ? QStringLiteral("<p>&nbsp;</p>\n<p style=\"color:#555555\">%1</p>\n")
               : QStringLiteral("<footer>%1</footer>\n"))
             .arg(htmlEscape(
                 ReportWriter::tr("Portolan report format %1 · generated %2 · every value "
                                  "above is as the console's database and the machine gave it")
                     .arg(kReportVersion)
                     .arg(shownTime(data.generatedAt))));
    o += QStringLiteral("</body>\n</html>\n");
    return o.toUtf8();
}

} // namespace portolan
