// SPDX-License-Identifier: GPL-3.0-or-later
#include "model/services/rangehealth.h"

#include "platform/dynamicrange.h"

#include <algorithm>

namespace portolan {
namespace {

// How many ports the line names before "…".
constexpr int kNamedPorts = 3;

QString span(const PortRange& range)
{
    return QStringLiteral("%1–%2").arg(range.start).arg(range.end());
}

} // namespace

QList<quint16> commonDevPorts(const QList<quint16>& watched)
{
    if (!watched.isEmpty())
        return watched;
    // Node/React, Angular, Flask/ASP.NET, Vite, PostgreSQL, Django, MySQL, Redis, HTTP alt.
    return {3000, 4200, 5000, 5173, 5432, 8000, 3306, 6379, 8080, 8443, 9000};
}

RangeHealth assessRange(std::optional<PortRange> tcp, std::optional<PortRange> udp,
                        bool windowsRules, const QList<quint16>& watched)
{
    RangeHealth health;
    health.tcp = tcp;
    health.udp = udp;
    health.windowsRules = windowsRules;
    health.isDefault = tcp && udp && *tcp == dynamicrange::kWindowsDefault &&
                       *udp == dynamicrange::kWindowsDefault;
    const std::optional<PortRange> checked = tcp ? tcp : udp;
    if (checked) {
        for (quint16 port : commonDevPorts(watched))
            if (checked->contains(port))
                health.watchedInside.append(port);
        std::ranges::sort(health.watchedInside);
    }
    return health;
}

QString RangeHealth::line() const
{
    if (!tcp && !udp)
        return problem.isEmpty() ? tr("Dynamic range: unknown")
                                 : tr("Dynamic range: unknown (%1)").arg(problem);
    if (windowsRules && isDefault)
        return tr("Dynamic range: Windows' default (%1)").arg(span(dynamicrange::kWindowsDefault));
    const bool tcpMoved = tcp.has_value();
    const PortRange range = tcpMoved ? *tcp : *udp;
    if (watchedInside.isEmpty()) {
        if (!windowsRules)
            return tr("Dynamic range: %1, no watched port inside it").arg(span(range));
        return tcpMoved ? tr("Dynamic range: TCP %1 (not Windows' default), no watched port "
                             "inside it")
                              .arg(span(range))
                        : tr("Dynamic range: UDP %1 (not Windows' default), no watched port "
                             "inside it")
                              .arg(span(range));
    }
    QStringList named;
    for (int i = 0; i < watchedInside.size() && i < kNamedPorts; ++i)
        named.append(QString::number(watchedInside[i]));
    QString ports = named.join(QStringLiteral(", "));
    if (watchedInside.size() > kNamedPorts)
        ports += QStringLiteral(" …");
    if (!windowsRules)
        return tr("The dynamic range starts at %1: ports %2 lie inside it")
            .arg(range.start)
            .arg(ports);
    return tcpMoved ? tr("The TCP dynamic range starts at %1: ports %2 lie inside it")
                          .arg(range.start)
                          .arg(ports)
                    : tr("The UDP dynamic range starts at %1: ports %2 lie inside it")
                          .arg(range.start)
                          .arg(ports);
}

} // namespace portolan
