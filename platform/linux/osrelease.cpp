// SPDX-License-Identifier: GPL-3.0-or-later
#include "osrelease.h"

#include "../text.h"
#include "sysfiles.h"

#include <map>
#include <sys/utsname.h>

namespace portolan::linuxos {

namespace {

std::string unquoted(std::string_view value)
{
    if (value.size() < 2 || (value.front() != '"' && value.front() != '\'') ||
        value.back() != value.front())
        return std::string(value);
    const char quote = value.front();
    value = value.substr(1, value.size() - 2);
    std::string out;
    for (std::size_t i = 0; i < value.size(); ++i) {
        // Inside double quotes a backslash escapes the next character, as in a shell.
        if (quote == '"' && value[i] == '\\' && i + 1 < value.size())
            ++i;
        out += value[i];
    }
    return out;
}

} // namespace

std::string osReleaseName(std::string_view text)
{
    std::map<std::string, std::string, std::less<>> values;
    for (std::string_view line : text::split(text, '\n')) {
        line = text::trim(line);
        const auto equals = line.find('=');
        if (line.empty() || line.front() == '#' || equals == std::string_view::npos)
            continue;
        values.emplace(std::string(line.substr(0, equals)), unquoted(line.substr(equals + 1)));
    }
    const auto value = [&](std::string_view key) {
        const auto it = values.find(key);
        return it == values.end() ? std::string() : it->second;
    };
    if (const auto pretty = value("PRETTY_NAME"); !pretty.empty())
        return pretty;
    const auto name = value("NAME");
    const auto version = value("VERSION");
    if (name.empty())
        return "Linux";
    return version.empty() ? name : name + " " + version;
}

OsInfo linuxOsInfo(const std::vector<std::string>& osReleasePaths)
{
    OsInfo info{"linux", "Linux", ""};
    for (const std::string& path : osReleasePaths)
        if (auto text = readFile(path)) {
            info.name = osReleaseName(text.value());
            break;
        }
    struct utsname names
    {
    };
    if (::uname(&names) == 0)
        info.version = names.release;
    return info;
}

} // namespace portolan::linuxos
