// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "platform/types.h"

#include <QCoreApplication>
#include <QList>
#include <QString>

#include <optional>

namespace portolan {

// The ports the health line checks against the dynamic range: the watch list once the user
// has one, until then the ports development servers usually take.
QList<quint16> commonDevPorts(const QList<quint16>& watched = {});

// Whether the dynamic range leaves the ports people use alone.
struct RangeHealth
{
    Q_DECLARE_TR_FUNCTIONS(RangeHealth)

public:
    std::optional<PortRange> tcp;
    std::optional<PortRange> udp;
    bool windowsRules = true;     // Windows' default applies (not on the linux backend)
    bool isDefault = false;       // both ranges are Windows' default
    QList<quint16> watchedInside; // watched ports inside the TCP (else UDP) range, ascending
    QString problem;              // why the range could not be read, when it could not

    // The console's one line: "Dynamic range: Windows' default (49152–65535)", "The TCP
    // dynamic range starts at 1024: ports 3000, 5173, 8080 … lie inside it".
    QString line() const;
    // Whether "Restore Windows' default" makes sense.
    bool canRestore() const { return windowsRules && tcp && udp && !isDefault; }
};

RangeHealth assessRange(std::optional<PortRange> tcp, std::optional<PortRange> udp,
                        bool windowsRules, const QList<quint16>& watched);

} // namespace portolan
