// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "platform/error.h"

#include <QChar>
#include <QString>

// What the netsh and the JSON readers of the importer share.
namespace portolan::importsupport {

inline Error invalid(const QString& message)
{
    return Error::make(ErrorKind::InvalidArgument, message.toStdString());
}

// netsh redirected by PowerShell starts with a byte-order mark.
inline QString withoutBom(const QString& text)
{
    return text.startsWith(QChar(0xFEFF)) ? text.mid(1) : text;
}

} // namespace portolan::importsupport
