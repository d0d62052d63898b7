#pragma once

#include <QString>

#include <optional>

namespace portolan {

// One argument of a command line, with the value of a long option given as "--name=value"
// split off, so that "--db=x" and "--db x" are read the same way.
struct CommandLineArgument
{
    QString name;
    std::optional<QString> inlineValue;
};

inline CommandLineArgument splitInlineValue(const QString& argument)
{
    const qsizetype eq = argument.indexOf(QLatin1Char('='));
    if (!argument.startsWith(QLatin1String("--")) || eq < 0)
        return {argument, std::nullopt};
    return {argument.left(eq), argument.mid(eq + 1)};
}

} // namespace portolan
