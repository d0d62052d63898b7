// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "platform/types.h"

#include <QDateTime>
#include <QString>

// Text that more than one report writer puts in the same form (for the model's writers only).
namespace portolan::reporttext {

// "tcp" / "udp": the machine-readable protocol of the CSV and JSON.
inline QString protocolKey(Protocol p)
{
    const std::string_view text = toString(p);
    return QString::fromUtf8(text.data(), qsizetype(text.size()));
}

// Machine-readable time: UTC ISO 8601 with milliseconds; empty when there is none.
inline QString isoTime(const QDateTime& time)
{
    return time.isValid() ? time.toUTC().toString(Qt::ISODateWithMs) : QString();
}

// "8000" or "8000–8009", as the HTML, the PDF and the port map's labels show a block.
inline QString rangeLabel(const PortRange& range)
{
    return range.count <= 1 ? QString::number(range.start)
                            : QStringLiteral("%1–%2").arg(range.start).arg(range.end());
}

} // namespace portolan::reporttext
