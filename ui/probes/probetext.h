// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "platform/backend.h"
#include "platform/error.h"

#include <QColor>
#include <QCoreApplication>
#include <QIcon>
#include <QString>

#include <cstdint>
#include <optional>
#include <string>

// Words and colours the Probes, Scan and History views share, so that one port outcome or
// native code reads the same everywhere in the console.
namespace portolan::ui {

class ProbeText
{
    Q_DECLARE_TR_FUNCTIONS(ProbeText)

public:
    // "WSAEACCES (10013)"; the number alone when the name is unknown; empty for no code.
    static QString codeText(const std::string& name, std::int64_t code);
    static QString codeText(const std::optional<Error>& error);
    // "1.2 ms", "850 µs", "3.04 s".
    static QString durationText(std::int64_t microseconds);
    // "2869–3368" or "3000".
    static QString spanText(std::uint32_t first, std::uint32_t last);
    // A number with thousands separators ("65,535").
    static QString countText(std::uint64_t value);
    // The colours of the port map's scan lane, so a table row and the map agree.
    static QColor outcomeColor(BindOutcome outcome);
    // A call that worked (steps, history rows): a stronger green than a free port's.
    static QColor okColor();
    static QIcon squareIcon(const QColor& fill);
    // A small square of the outcome's colour for item views (models keep the icons they use).
    static QIcon outcomeIcon(BindOutcome outcome);
};

} // namespace portolan::ui
