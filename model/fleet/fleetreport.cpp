// SPDX-License-Identifier: GPL-3.0-or-later
#include "model/fleet/fleetreport.h"

#include "model/fleet/fleetmodel.h"
#include "model/reports/reportwriters.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace portolan {
namespace {

QString protocolKey(Protocol protocol)
{
    return protocol == Protocol::Tcp ? QStringLiteral("tcp") : QStringLiteral("udp");
}

QString isoTime(const QDateTime& time)
{
    return time.isValid() ? time.toUTC().toString(Qt::ISODate) : QString();
}

QString kindText(const SnapshotBlock& b)
{
    return b.persistent ? FleetReport::tr("persistent") : FleetReport::tr("runtime");
}

} // namespace

Result<FleetReportData> FleetReport::gather(HostSnapshotStore& store, const QString& title,
                                            const QDateTime& generatedAt)
{
    FleetReportData data{title, generatedAt, {}, {}};
    auto hosts = store.hosts();
    if (!hosts)
        return hosts.error();
    for (const FleetHost& h : hosts.value()) {
        auto full = store.snapshot(h.latest.id);
        if (!full)
            return full.error();
        data.hosts.append(full.value());
        data.snapshotCounts.append(h.snapshotCount);
    }
    return data;
}

QByteArray FleetReport::csv(const FleetReportData& data)
{
    QString out;
    auto row = [&out](const QStringList& cells) {
        QStringList escaped;
        for (const QString& c : cells)
            escaped << csvCell(c);
        out += escaped.join(QLatin1Char(',')) + QStringLiteral("\r\n");
    };
    row({QStringLiteral("host"), QStringLiteral("os"), QStringLiteral("gathered_at"),
         QStringLiteral("snapshots"), QStringLiteral("problems"), QStringLiteral("protocol"),
         QStringLiteral("start"), QStringLiteral("end"), QStringLiteral("count"),
         QStringLiteral("persistent"), QStringLiteral("token"), QStringLiteral("owner")});
    for (qsizetype i = 0; i < data.hosts.size(); ++i) {
        const HostSnapshotRecord& h = data.hosts[i];
        const QStringList head{h.host, h.osName, isoTime(h.gatheredAt),
                               QString::number(data.snapshotCounts.value(i)),
                               FleetModel::problems(h).join(QStringLiteral("; "))};
        if (h.blocks.isEmpty())
            row(head + QStringList{QString(), QString(), QString(), QString(), QString(), QString(),
                                   QString()});
        for (const SnapshotBlock& b : h.blocks)
            row(head + QStringList{protocolKey(b.protocol), QString::number(b.range.start),
                                   QString::number(b.range.end()), QString::number(b.range.count),
                                   b.persistent ? QStringLiteral("true") : QStringLiteral("false"),
                                   b.token ? QString::number(b.token) : QString(), b.owner});
    }
    return out.toUtf8();
}

QByteArray FleetReport::json(const FleetReportData& data)
{
    QJsonArray summary, hosts;
    for (qsizetype i = 0; i < data.hosts.size(); ++i) {
        const HostSnapshotRecord& h = data.hosts[i];
        summary.append(QJsonObject{
            {QStringLiteral("host"), h.host},
            {QStringLiteral("os"), h.osName},
            {QStringLiteral("gatheredAt"), isoTime(h.gatheredAt)},
            {QStringLiteral("persistent"), h.persistentCount},
            {QStringLiteral("runtime"), h.runtimeCount},
            {QStringLiteral("snapshots"), data.snapshotCounts.value(i)},
            {QStringLiteral("problems"), QJsonArray::fromStringList(FleetModel::problems(h))}});
        hosts.append(QJsonDocument::fromJson(h.document.toUtf8()).object());
    }
    const QJsonObject root{{QStringLiteral("format"), QLatin1String(kFleetReportFormatName)},
                           {QStringLiteral("version"), 1},
                           {QStringLiteral("title"), data.title},
                           {QStringLiteral("generatedAt"), isoTime(data.generatedAt)},
                           {QStringLiteral("summary"), summary},
                           {QStringLiteral("hosts"), hosts}};
    return QJsonDocument(root).toJson(QJsonDocument::Indented);
}

QByteArray FleetReport::html(const FleetReportData& data)
{
    QString out = QStringLiteral("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>%1"
                                 "</title><style>table{border-collapse:collapse}td,th{border:1px "
                                 "solid #999;padding:2px 6px}</style></head><body>\n")
                      .arg(htmlEscape(data.title));
    out += QStringLiteral("<h1>%1</h1>\n<p>%2</p>\n")
               .arg(htmlEscape(data.title),
                    htmlEscape(tr("Generated %1; %n host(s).", nullptr, int(data.hosts.size()))
                                   .arg(isoTime(data.generatedAt))));
    out += QStringLiteral("<h2>%1</h2>\n<table><tr><th>%2</th><th>%3</th><th>%4</th><th>%5</th>"
                          "<th>%6</th><th>%7</th><th>%8</th></tr>\n")
               .arg(htmlEscape(tr("Summary")), htmlEscape(tr("Host")), htmlEscape(tr("OS")),
                    htmlEscape(tr("Last gathered")), htmlEscape(tr("Persistent")),
                    htmlEscape(tr("Runtime")), htmlEscape(tr("Snapshots")),
                    htmlEscape(tr("Problems")));
    for (qsizetype i = 0; i < data.hosts.size(); ++i) {
        const HostSnapshotRecord& h = data.hosts[i];
        const QStringList problems = FleetModel::problems(h);
        out += QStringLiteral("<tr><td>%1</td><td>%2</td><td>%3</td><td>%4</td><td>%5</td>"
                              "<td>%6</td><td>%7</td></tr>\n")
                   .arg(htmlEscape(h.host), htmlEscape(h.osName), isoTime(h.gatheredAt))
                   .arg(h.persistentCount)
                   .arg(h.runtimeCount)
                   .arg(data.snapshotCounts.value(i))
                   .arg(htmlEscape(problems.isEmpty() ? tr("none")
                                                      : problems.join(QStringLiteral("; "))));
    }
    out += QStringLiteral("</table>\n");
    for (const HostSnapshotRecord& h : data.hosts) {
        out +=
            QStringLiteral("<h2>%1</h2>\n<p>%2</p>\n<table><tr><th>%3</th><th>%4</th>"
                           "<th>%5</th><th>%6</th><th>%7</th></tr>\n")
                .arg(
                    htmlEscape(h.host),
                    htmlEscape(
                        tr("%1 %2, gathered %3").arg(h.osName, h.osVersion, isoTime(h.gatheredAt))),
                    htmlEscape(tr("Protocol")), htmlEscape(tr("Ports")), htmlEscape(tr("Kind")),
                    htmlEscape(tr("Token")), htmlEscape(tr("Owner")));
        for (const SnapshotBlock& b : h.blocks)
            out += QStringLiteral("<tr><td>%1</td><td>%2</td><td>%3</td><td>%4</td><td>%5</td>"
                                  "</tr>\n")
                       .arg(protocolKey(b.protocol).toUpper(), FleetModel::rangeText(b.range),
                            htmlEscape(kindText(b)), b.token ? QString::number(b.token) : QString(),
                            htmlEscape(b.owner));
        out += QStringLiteral("</table>\n");
    }
    out += QStringLiteral("</body></html>\n");
    return out.toUtf8();
}

} // namespace portolan
