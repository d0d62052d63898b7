// SPDX-License-Identifier: GPL-3.0-or-later
#include "model/reports/reportwriters.h"

#include "model/reports/reporttext.h"

#include "platform/text.h"

namespace portolan {
namespace {

// Hexadecimal text, as people read tokens everywhere (platform/text.h): a spreadsheet would
// round a 64-bit decimal number to 15 digits, but keeps "0x..." as it is.
QString tokenHex(quint64 token)
{
    return token ? QString::fromStdString(text::tokenHex(token)) : QString();
}

QString qs(std::string_view text)
{
    return QString::fromUtf8(text.data(), qsizetype(text.size()));
}

// "WSAEACCES 10013", the native result of a scan's run; empty for a free port.
QString codeText(const std::optional<Error>& error)
{
    if (!error)
        return {};
    const QString name = QString::fromStdString(error->name);
    const QString code = QString::number(error->code);
    return name.isEmpty() ? code : name + QLatin1Char(' ') + code;
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

} // namespace

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
            QStringLiteral("owner"), QStringLiteral("note"),       QStringLiteral("address"),
            QStringLiteral("pid"),   QStringLiteral("outcome"),    QStringLiteral("code")};
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
        row({QString::number(r.id), r.host, reporttext::protocolKey(r.protocol),
             QString::number(r.start), QString::number(r.range().end()), QString::number(r.count),
             QStringLiteral("persistent"), tokenHex(r.token), toText(r.source), toText(r.state),
             reporttext::isoTime(r.createdAt), reporttext::isoTime(r.verifiedAt), QString(), r.note,
             QString(), QString(), QString(), QString()});
    }
    for (const ReportRuntimeBlock& b : data.runtimeBlocks) {
        row({QString(), data.host, reporttext::protocolKey(b.protocol),
             QString::number(b.range.start), QString::number(b.range.end()),
             QString::number(b.range.count), QStringLiteral("runtime"), QString(), QString(),
             QString(), QString(), QString(), b.owner, QString(), QString(), QString(), QString(),
             QString()});
    }
    for (const Listener& l : data.listeners) {
        const QString port = QString::number(l.port);
        row({QString(), data.host, reporttext::protocolKey(l.protocol), port, port,
             QStringLiteral("1"), QStringLiteral("listener"), QString(), QString(), QString(),
             QString(), QString(), qs(l.process), QString(), qs(l.address),
             l.pid >= 0 ? QString::number(l.pid) : QString(), QString(), QString()});
    }
    if (data.lastScan) {
        // Each run of equal outcome is a row; verified_at is when the scan probed the ports.
        const ProbeRunRecord& scan = *data.lastScan;
        for (const ProbeStepRecord& step : scan.steps) {
            if (step.kind != StepKind::ScanRun || !step.outcome)
                continue;
            row({QString(), data.host, reporttext::protocolKey(scan.protocol),
                 QString::number(step.firstPort), QString::number(step.lastPort),
                 QString::number(int(step.lastPort) - step.firstPort + 1), QStringLiteral("scan"),
                 QString(), QString(), QString(), QString(), reporttext::isoTime(scan.startedAt),
                 step.holder, QString(), scan.address, QString(), qs(toString(*step.outcome)),
                 codeText(step.error)});
        }
    }
    return QByteArray("\xEF\xBB\xBF") + out.toUtf8();
}

} // namespace portolan
