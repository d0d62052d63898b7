#include "model/reports/reportwriters.h"

#include "model/services/explanations.h"

#include "platform/json.h"

#include <QSaveFile>

#include <algorithm>
#include <cmath>
#include <tuple>

namespace portolan {
namespace {

QString qs(std::string_view text)
{
    return QString::fromUtf8(text.data(), qsizetype(text.size()));
}

QString protocolKey(Protocol p)
{
    return qs(toString(p));
}

// Machine-readable time: UTC ISO 8601 with milliseconds.
QString isoTime(const QDateTime& time)
{
    return time.isValid() ? time.toUTC().toString(Qt::ISODateWithMs) : QString();
}

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

// Hexadecimal text, as the console shows tokens: a spreadsheet would round a 64-bit decimal
// number to 15 digits, but keeps "0x..." as it is.
QString tokenHex(quint64 token)
{
    return token ? QStringLiteral("0x") + QString::number(token, 16) : QString();
}

bool isFormulaTrigger(QChar c)
{
    switch (c.unicode()) {
    case '=':
    case '+':
    case '-':
    case '@':
    case 0xFF1D: // full-width = + - @: some spreadsheets (East Asian input) accept them too
    case 0xFF0B:
    case 0xFF0D:
    case 0xFF20:
        return true;
    default:
        return false;
    }
}

bool isBlank(QChar c)
{
    return c == QLatin1Char(' ') || c == QLatin1Char('\t') || c == QLatin1Char('\r') ||
           c == QLatin1Char('\n') || c == QChar(0x00A0) || c == QChar(0x3000);
}

json::Value jsonString(const QString& text)
{
    return json::Value(text.toStdString());
}

json::Value jsonTime(const QDateTime& time)
{
    return time.isValid() ? jsonString(isoTime(time)) : json::Value();
}

json::Value jsonToken(quint64 token)
{
    return token ? json::Value(std::to_string(token)) : json::Value();
}

json::Value jsonRange(const std::optional<PortRange>& range)
{
    if (!range)
        return {};
    json::Value value{json::Object{}};
    value.set("start", unsigned(range->start));
    value.set("end", unsigned(range->end()));
    value.set("count", unsigned(range->count));
    return value;
}

void setBlock(json::Value& value, Protocol protocol, const PortRange& range)
{
    value.set("protocol", protocolKey(protocol).toStdString());
    value.set("start", unsigned(range.start));
    value.set("end", unsigned(range.count ? range.end()
                                          : range.start)); // an audited bad request may have 0
    value.set("count", unsigned(range.count));
}

QString rangeLabel(const PortRange& range)
{
    return range.count <= 1 ? QString::number(range.start)
                            : QStringLiteral("%1–%2").arg(range.start).arg(range.end());
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

// ---- port map layout -------------------------------------------------------------------

constexpr double kPlotLeft = 56;
constexpr double kPlotRight = kReportMapWidth - 10;
constexpr double kBarHeight = 26;
constexpr double kMinBlockWidth = 3;
constexpr double kLabelGap = 8;

double xOf(double port)
{
    return kPlotLeft + port / 65536.0 * (kPlotRight - kPlotLeft);
}

struct MapItem
{
    PortRange range;
    bool runtime = false;
    QString label;
    QString title;
    double x0 = 0, x1 = 0, cx = 0, lx = 0, w = 0;
    int row = 0;
};

// Rows count upwards from the bar. A label may take row r when it overlaps no label of row r,
// its leader passes through no label of a lower row, and no leader from a higher row passes
// through it. Short labels are placed first, so that they take the rows near the bar and the
// long ones (runtime blocks with their owner) go above, where their leaders pass between the
// short ones. Should no row satisfy all three, the lowest row without an overlap is taken: a
// leader may then cross a label, but no text is ever hidden.
void placeLabels(QList<MapItem>& items)
{
    std::stable_sort(items.begin(), items.end(), [](const MapItem& a, const MapItem& b) {
        return std::tuple(a.w, a.cx) < std::tuple(b.w, b.cx);
    });
    auto overlaps = [](const MapItem& a, const MapItem& b) {
        return a.lx < b.lx + b.w + kLabelGap && b.lx < a.lx + a.w + kLabelGap;
    };
    auto crosses = [](double x, const MapItem& label) {
        return x >= label.lx - 2 && x <= label.lx + label.w + 2;
    };
    constexpr int kMaxRows = 16;
    for (qsizetype i = 0; i < items.size(); ++i) {
        MapItem& item = items[i];
        int chosen = -1;
        int fallback = -1;
        for (int row = 0; row < kMaxRows + qsizetype(items.size()) && chosen < 0; ++row) {
            bool free = true;
            bool clear = true;
            for (qsizetype j = 0; j < i; ++j) {
                const MapItem& other = items[j];
                if (other.row == row && overlaps(item, other))
                    free = false;
                else if (other.row < row && crosses(item.cx, other))
                    clear = false;
                else if (other.row > row && crosses(other.cx, item))
                    clear = false;
            }
            if (free && fallback < 0)
                fallback = row;
            if (free && clear && row < kMaxRows)
                chosen = row;
            if (fallback >= 0 && row >= kMaxRows)
                break;
        }
        item.row = chosen >= 0 ? chosen : fallback;
    }
}

ReportMapShape textShape(const QString& text, QPointF at, ReportMapShape::Anchor anchor,
                         double size = kReportMapFontSize, bool bold = false)
{
    ReportMapShape s;
    s.kind = ReportMapShape::Kind::Text;
    s.text = text;
    s.at = at;
    s.anchor = anchor;
    s.fontSize = size;
    s.bold = bold;
    return s;
}

QString svgNumber(double v)
{
    return QString::number(std::round(v * 10) / 10, 'f', 1);
}

// ---- HTML -------------------------------------------------------------------------------

const char* const kCss = R"(
body { font-family: "DejaVu Sans", "Segoe UI", Arial, Helvetica, sans-serif; font-size: 14px;
       line-height: 1.4; color: #1a1a1a; background: #fff; margin: 24px auto; padding: 0 24px;
       max-width: 1200px; }
h1 { font-size: 22px; margin: 0 0 10px; }
h2 { font-size: 17px; margin: 26px 0 8px; padding-bottom: 3px; border-bottom: 1px solid #c8c8c8; }
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
  h2 { break-after: avoid; }
}
)";

class Html
{
public:
    explicit Html(HtmlFlavor flavor) : m_flavor(flavor) {}

    bool rich() const { return m_flavor == HtmlFlavor::RichText; }
    // QTextDocument puts little room above a heading that follows a table.
    QString h2() const
    {
        return rich() ? QStringLiteral("<h2 style=\"margin-top:12px\">%1</h2>\n")
                      : QStringLiteral("<section>\n<h2>%1</h2>\n");
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

// ---- CSV -------------------------------------------------------------------------------------

QString csvCell(const QString& value)
{
    bool neutralise = false;
    if (!value.isEmpty()) {
        const QChar first = value.front();
        if (isFormulaTrigger(first) || first == QLatin1Char('\t') || first == QLatin1Char('\r') ||
            first == QLatin1Char('\n')) {
            neutralise = true;
        } else {
            for (QChar c : value) {
                if (isBlank(c))
                    continue;
                neutralise = isFormulaTrigger(c);
                break;
            }
        }
    }
    const QString cell = neutralise ? QLatin1Char('\'') + value : value;
    const bool quote = neutralise || cell.contains(QLatin1Char(',')) ||
                       cell.contains(QLatin1Char('"')) || cell.contains(QLatin1Char('\r')) ||
                       cell.contains(QLatin1Char('\n'));
    if (!quote)
        return cell;
    QString quoted = cell;
    quoted.replace(QLatin1Char('"'), QStringLiteral("\"\""));
    return QLatin1Char('"') + quoted + QLatin1Char('"');
}

QStringList reportCsvHeader()
{
    return {QStringLiteral("id"),    QStringLiteral("host"),       QStringLiteral("protocol"),
            QStringLiteral("start"), QStringLiteral("end"),        QStringLiteral("count"),
            QStringLiteral("kind"),  QStringLiteral("token"),      QStringLiteral("source"),
            QStringLiteral("state"), QStringLiteral("created_at"), QStringLiteral("verified_at"),
            QStringLiteral("owner"), QStringLiteral("note")};
}

QByteArray reportCsv(const ReportData& data)
{
    QString out;
    auto row = [&out](const QStringList& cells) {
        QStringList escaped;
        escaped.reserve(cells.size());
        for (const QString& c : cells)
            escaped << csvCell(c);
        out += escaped.join(QLatin1Char(',')) + QStringLiteral("\r\n");
    };
    row(reportCsvHeader());
    for (const ReservationRecord& r : data.reservations) {
        row({QString::number(r.id), r.host, protocolKey(r.protocol), QString::number(r.start),
             QString::number(r.range().end()), QString::number(r.count),
             QStringLiteral("persistent"), tokenHex(r.token), toText(r.source), toText(r.state),
             isoTime(r.createdAt), isoTime(r.verifiedAt), QString(), r.note});
    }
    for (const ReportRuntimeBlock& b : data.runtimeBlocks) {
        row({QString(), data.host, protocolKey(b.protocol), QString::number(b.range.start),
             QString::number(b.range.end()), QString::number(b.range.count),
             QStringLiteral("runtime"), QString(), QString(), QString(), QString(), QString(),
             b.owner, QString()});
    }
    return QByteArray("\xEF\xBB\xBF") + out.toUtf8();
}

// ---- JSON ------------------------------------------------------------------------------------

QByteArray reportJson(const ReportData& data)
{
    json::Value doc{json::Object{}};
    doc.set("format", kReportFormatName);
    doc.set("version", kReportVersion);
    doc.set("title", jsonString(data.title));
    doc.set("host", jsonString(data.host));
    doc.set("generatedAt", jsonTime(data.generatedAt));
    doc.set("backend", data.backend.isEmpty() ? json::Value() : jsonString(data.backend));
    json::Value dynamic{json::Object{}};
    dynamic.set("tcp", jsonRange(data.tcpDynamicRange));
    dynamic.set("udp", jsonRange(data.udpDynamicRange));
    doc.set("dynamicRanges", std::move(dynamic));

    json::Value reservations{json::Array{}};
    for (const ReservationRecord& r : data.reservations) {
        json::Value e{json::Object{}};
        e.set("id", std::int64_t(r.id));
        e.set("host", jsonString(r.host));
        setBlock(e, r.protocol, r.range());
        e.set("persistent", true);
        e.set("token", jsonToken(r.token));
        e.set("source", jsonString(toText(r.source)));
        e.set("state", jsonString(toText(r.state)));
        e.set("createdAt", jsonTime(r.createdAt));
        e.set("verifiedAt", jsonTime(r.verifiedAt));
        e.set("note", jsonString(r.note));
        reservations.push(std::move(e));
    }
    doc.set("reservations", std::move(reservations));

    json::Value runtime{json::Array{}};
    for (const ReportRuntimeBlock& b : data.runtimeBlocks) {
        json::Value e{json::Object{}};
        setBlock(e, b.protocol, b.range);
        e.set("persistent", false);
        e.set("owner", b.owner.isEmpty() ? json::Value() : jsonString(b.owner));
        runtime.push(std::move(e));
    }
    doc.set("runtimeBlocks", std::move(runtime));

    json::Value audit{json::Array{}};
    for (const AuditRecord& a : data.audit) {
        json::Value e{json::Object{}};
        e.set("id", std::int64_t(a.id));
        e.set("at", jsonTime(a.at));
        e.set("host", jsonString(a.actor.host));
        e.set("user", jsonString(a.actor.user));
        e.set("elevated", a.actor.elevated);
        e.set("action", jsonString(toText(a.action)));
        setBlock(e, a.protocol, PortRange{a.start, a.count});
        e.set("request", jsonString(a.request));
        e.set("ok", a.ok);
        e.set("token", jsonToken(a.token));
        e.set("detail", jsonString(a.detail));
        if (a.error) {
            json::Value err{json::Object{}};
            err.set("kind", std::string(toString(a.error->kind)));
            err.set("code", std::int64_t(a.error->code));
            err.set("name", a.error->name);
            err.set("message", a.error->message);
            e.set("error", std::move(err));
        } else {
            e.set("error", json::Value());
        }
        audit.push(std::move(e));
    }
    doc.set("audit", std::move(audit));

    json::Value problems{json::Array{}};
    for (const QString& p : data.problems)
        problems.push(jsonString(p));
    doc.set("problems", std::move(problems));
    return QByteArray::fromStdString(doc.dump(2)) + '\n';
}

// ---- port map --------------------------------------------------------------------------------

double estimatedTextWidth(const QString& text, double fontSize)
{
    // DejaVu Sans advances: digits 0.64 em, most letters 0.55-0.7 em, capitals up to 0.78 em.
    double em = 0;
    for (QChar c : text) {
        if (c.isDigit())
            em += 0.64;
        else if (c.isUpper())
            em += 0.75;
        else if (c == QLatin1Char(' ') || c == QLatin1Char('(') || c == QLatin1Char(')') ||
                 c == QLatin1Char('i') || c == QLatin1Char('l') || c == QLatin1Char('.'))
            em += 0.36;
        else if (c == QChar(0x2013))
            em += 0.5;
        else
            em += 0.64;
    }
    return em * fontSize + 2;
}

ReportMapLayout layoutReportMap(const ReportData& data, double fontSize)
{
    ReportMapLayout layout;
    const double f = fontSize;
    const double rowHeight = f + 4;
    double y = 6;
    for (Protocol protocol : {Protocol::Tcp, Protocol::Udp}) {
        QList<MapItem> items;
        auto add = [&](const PortRange& range, bool runtime, const QString& label,
                       const QString& title) {
            if (range.count == 0)
                return;
            MapItem item;
            item.range = range;
            item.runtime = runtime;
            item.label = label;
            item.title = title;
            item.x0 = xOf(range.start);
            item.x1 = std::max(xOf(double(range.start) + range.count), item.x0 + kMinBlockWidth);
            item.x1 = std::min(item.x1, kPlotRight);
            item.x0 = std::min(item.x0, item.x1 - kMinBlockWidth);
            item.cx = (item.x0 + item.x1) / 2;
            item.w = estimatedTextWidth(label, f);
            item.lx = std::clamp(item.cx - item.w / 2, kPlotLeft, kPlotRight - item.w);
            items.append(item);
        };
        for (const ReservationRecord& r : data.reservations) {
            if (r.protocol == protocol)
                add(r.range(), false, rangeLabel(r.range()),
                    ReportWriter::tr("%1 %2: persistent reservation (%3)")
                        .arg(Explanations::protocolName(protocol), rangeLabel(r.range()),
                             Explanations::stateName(r.state)));
        }
        for (const ReportRuntimeBlock& b : data.runtimeBlocks) {
            if (b.protocol != protocol)
                continue;
            const QString owner = b.owner.isEmpty() ? ReportWriter::tr("unknown process") : b.owner;
            add(b.range, true, QStringLiteral("%1 %2").arg(rangeLabel(b.range), owner),
                ReportWriter::tr("%1 %2: held by %3")
                    .arg(Explanations::protocolName(protocol), rangeLabel(b.range), owner));
        }
        placeLabels(items);
        int rows = 1;
        for (const MapItem& item : items)
            rows = std::max(rows, item.row + 1);
        const double labelsTop = y;
        const double barTop = labelsTop + rows * rowHeight + 6;

        layout.shapes.append(textShape(Explanations::protocolName(protocol),
                                       QPointF(0, barTop + kBarHeight / 2 + 5),
                                       ReportMapShape::Anchor::Start, f + 2, true));
        ReportMapShape track;
        track.kind = ReportMapShape::Kind::Track;
        track.rect = QRectF(kPlotLeft, barTop, kPlotRight - kPlotLeft, kBarHeight);
        track.text = ReportWriter::tr("%1 ports 0–65535").arg(Explanations::protocolName(protocol));
        layout.shapes.append(track);

        const std::optional<PortRange> dynamic = data.dynamicRange(protocol);
        if (dynamic && dynamic->count > 0) {
            ReportMapShape band;
            band.kind = ReportMapShape::Kind::Dynamic;
            const double x0 = xOf(dynamic->start);
            const double x1 = std::min(xOf(double(dynamic->start) + dynamic->count), kPlotRight);
            band.rect = QRectF(x0, barTop, std::max(x1 - x0, kMinBlockWidth), kBarHeight);
            band.text = ReportWriter::tr("dynamic range %1").arg(rangeLabel(*dynamic));
            layout.shapes.append(band);
        }
        for (const MapItem& item : items) {
            ReportMapShape bar;
            bar.kind =
                item.runtime ? ReportMapShape::Kind::Runtime : ReportMapShape::Kind::Persistent;
            bar.rect = QRectF(item.x0, barTop, item.x1 - item.x0, kBarHeight);
            bar.text = item.title;
            layout.shapes.append(bar);
        }
        for (const MapItem& item : items) {
            const double baseline = barTop - 6 - item.row * rowHeight - 3;
            ReportMapShape leader;
            leader.kind = ReportMapShape::Kind::Leader;
            leader.line = QLineF(item.cx, baseline + 3, item.cx, barTop);
            layout.shapes.append(leader);
            layout.shapes.append(textShape(item.label, QPointF(item.lx, baseline),
                                           ReportMapShape::Anchor::Start, f));
        }
        double captionY = barTop + kBarHeight + f + 2;
        if (dynamic && dynamic->count > 0) {
            const QString caption = ReportWriter::tr("dynamic range %1").arg(rangeLabel(*dynamic));
            const double w = estimatedTextWidth(caption, f);
            const double x = std::clamp(xOf(dynamic->start), kPlotLeft, kPlotRight - w);
            layout.shapes.append(
                textShape(caption, QPointF(x, captionY), ReportMapShape::Anchor::Start, f));
        } else {
            layout.shapes.append(textShape(ReportWriter::tr("dynamic range not known"),
                                           QPointF(kPlotRight, captionY),
                                           ReportMapShape::Anchor::End, f));
        }
        y = captionY + f + 1;
    }
    // The port axis under both lanes.
    const double axisY = y + 2;
    for (int port : {0, 10000, 20000, 30000, 40000, 50000, 60000, 65535}) {
        const double x = xOf(port == 65535 ? 65536 : port);
        ReportMapShape tick;
        tick.kind = ReportMapShape::Kind::Tick;
        tick.line = QLineF(x, axisY, x, axisY + 5);
        layout.shapes.append(tick);
        const auto anchor = port == 0       ? ReportMapShape::Anchor::Start
                            : port == 65535 ? ReportMapShape::Anchor::End
                                            : ReportMapShape::Anchor::Middle;
        layout.shapes.append(
            textShape(QString::number(port), QPointF(x, axisY + f + 7), anchor, f));
    }
    ReportMapShape axis;
    axis.kind = ReportMapShape::Kind::Tick;
    axis.line = QLineF(kPlotLeft, axisY, kPlotRight, axisY);
    layout.shapes.append(axis);
    layout.height = axisY + f + 13;
    return layout;
}

QString reportMapSvg(const ReportData& data)
{
    const ReportMapLayout layout = layoutReportMap(data);
    QString svg;
    svg += QStringLiteral(
               "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 %1 %2\" width=\"%1\" "
               "height=\"%2\" role=\"img\" aria-labelledby=\"map-title\" "
               "font-family=\"DejaVu Sans, Segoe UI, Arial, Helvetica, sans-serif\">\n")
               .arg(svgNumber(layout.width), svgNumber(layout.height));
    svg +=
        QStringLiteral("<title id=\"map-title\">%1</title>\n")
            .arg(htmlEscape(ReportWriter::tr("Port map of %1: TCP and UDP ports 0–65535 with the "
                                             "reserved blocks and the dynamic ranges")
                                .arg(data.host)));
    svg += QStringLiteral(
        "<defs>\n"
        "<pattern id=\"hatch-persistent\" patternUnits=\"userSpaceOnUse\" width=\"5\" height=\"5\" "
        "patternTransform=\"rotate(45)\"><rect width=\"5\" height=\"5\" fill=\"#0072b2\"/>"
        "<rect width=\"2\" height=\"5\" fill=\"#5aa0cc\"/></pattern>\n"
        "<pattern id=\"hatch-runtime\" patternUnits=\"userSpaceOnUse\" width=\"5\" height=\"5\" "
        "patternTransform=\"rotate(-45)\"><rect width=\"5\" height=\"5\" fill=\"#e69f00\"/>"
        "<rect width=\"2\" height=\"5\" fill=\"#f3cf80\"/></pattern>\n"
        "</defs>\n");
    for (const ReportMapShape& s : layout.shapes) {
        const QRectF& r = s.rect;
        auto rect = [&](const QString& fill, const QString& stroke, const QString& extra) {
            svg += QStringLiteral("<rect x=\"%1\" y=\"%2\" width=\"%3\" height=\"%4\" fill=\"%5\" "
                                  "stroke=\"%6\"%7><title>%8</title></rect>\n")
                       .arg(svgNumber(r.x()), svgNumber(r.y()), svgNumber(r.width()),
                            svgNumber(r.height()), fill, stroke, extra, htmlEscape(s.text));
        };
        switch (s.kind) {
        case ReportMapShape::Kind::Track:
            rect(QStringLiteral("#f4f4f4"), QStringLiteral("#999999"), {});
            break;
        case ReportMapShape::Kind::Dynamic:
            rect(QStringLiteral("#dde6ee"), QStringLiteral("#6b7f93"),
                 QStringLiteral(" stroke-dasharray=\"4 3\""));
            break;
        case ReportMapShape::Kind::Persistent:
            rect(QStringLiteral("url(#hatch-persistent)"), QStringLiteral("#00466e"),
                 QStringLiteral(" stroke-width=\"1\""));
            break;
        case ReportMapShape::Kind::Runtime:
            rect(QStringLiteral("url(#hatch-runtime)"), QStringLiteral("#8a5f00"),
                 QStringLiteral(" stroke-width=\"1\""));
            break;
        case ReportMapShape::Kind::Leader:
        case ReportMapShape::Kind::Tick:
            svg += QStringLiteral("<line x1=\"%1\" y1=\"%2\" x2=\"%3\" y2=\"%4\" stroke=\"%5\" "
                                  "stroke-width=\"1\"/>\n")
                       .arg(svgNumber(s.line.x1()), svgNumber(s.line.y1()), svgNumber(s.line.x2()),
                            svgNumber(s.line.y2()),
                            s.kind == ReportMapShape::Kind::Leader ? QStringLiteral("#555555")
                                                                   : QStringLiteral("#333333"));
            break;
        case ReportMapShape::Kind::Text: {
            const char* anchor = s.anchor == ReportMapShape::Anchor::Start    ? "start"
                                 : s.anchor == ReportMapShape::Anchor::Middle ? "middle"
                                                                              : "end";
            svg += QStringLiteral("<text x=\"%1\" y=\"%2\" font-size=\"%3\" text-anchor=\"%4\"%5 "
                                  "fill=\"#1a1a1a\">%6</text>\n")
                       .arg(svgNumber(s.at.x()), svgNumber(s.at.y()), svgNumber(s.fontSize),
                            QLatin1String(anchor),
                            s.bold ? QStringLiteral(" font-weight=\"bold\"") : QString(),
                            htmlEscape(s.text));
            break;
        }
        }
    }
    svg += QStringLiteral("</svg>\n");
    return svg;
}

// ---- HTML ------------------------------------------------------------------------------------

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

    o += QStringLiteral("<header>\n<h1>%1</h1>\n").arg(htmlEscape(data.title));
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
        o += html.h2().arg(htmlEscape(ReportWriter::tr("Not read")));
        o += rich ? QStringLiteral("<ul>\n") : QStringLiteral("<ul class=\"problems\">\n");
        for (const QString& p : data.problems)
            o += QStringLiteral("<li>%1</li>\n").arg(htmlEscape(p));
        o += QStringLiteral("</ul>\n") + sectionEnd;
    }

    // Port map
    o += html.h2().arg(htmlEscape(ReportWriter::tr("Port map")));
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
    o += html.h2().arg(
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
    o += html.h2().arg(htmlEscape(
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

    // Audit
    if (!data.audit.isEmpty()) {
        o += html.h2().arg(htmlEscape(
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

// ---- files -----------------------------------------------------------------------------------

Result<QByteArray> ReportWriter::render(const ReportData& data, ReportFormat format)
{
    switch (format) {
    case ReportFormat::Csv:
        return reportCsv(data);
    case ReportFormat::Json:
        return reportJson(data);
    case ReportFormat::Html:
        return reportHtml(data, HtmlFlavor::Browser);
    case ReportFormat::Pdf:
        break;
    }
    return Error::make(
        ErrorKind::InvalidArgument,
        tr("format: pdf is drawn by the console (ui/reportpdf.h); allowed here: csv, "
           "json, html")
            .toStdString());
}

Result<void> ReportWriter::writeFile(const QString& path, const QByteArray& bytes)
{
    QSaveFile file(path);
    auto failed = [&](const QString& reason) -> Result<void> {
        return Error{ErrorKind::IoError,
                     0,
                     {},
                     tr("The report could not be written to %1: %2. Choose a folder you can write "
                        "to, or free some disk space, and export again.")
                         .arg(path, reason)
                         .toStdString()};
    };
    if (!file.open(QIODevice::WriteOnly))
        return failed(file.errorString());
    if (file.write(bytes) != bytes.size())
        return failed(file.errorString());
    if (!file.commit())
        return failed(file.errorString());
    return {};
}

} // namespace portolan
