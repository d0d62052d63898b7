// SPDX-License-Identifier: GPL-3.0-or-later
#include "auditjournal.h"

#include "../nativecodes.h"

#include <array>
#include <atomic>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <random>

namespace portolan::protect {

namespace {

constexpr std::array kKinds{
    ErrorKind::AccessDenied, ErrorKind::InvalidArgument, ErrorKind::Conflict,
    ErrorKind::NotFound,     ErrorKind::Unsupported,     ErrorKind::Cancelled,
    ErrorKind::Timeout,      ErrorKind::Interrupted,     ErrorKind::Unavailable,
    ErrorKind::IoError,      ErrorKind::Internal};

Error badLine(std::string field, std::string what)
{
    return Error::make(ErrorKind::InvalidArgument, "journal line: " + field + ": " + what);
}

const std::string* stringField(const Json& line, std::string_view key)
{
    const Json* v = findMember(line, key);
    return v && v->is_string() ? &v->get_ref<const std::string&>() : nullptr;
}

} // namespace

std::string journalPathFor(const char* variable, const char* localAppData, const char* xdgStateHome,
                           const char* home)
{
    namespace fs = std::filesystem;
    const auto set = [](const char* v) { return v != nullptr && *v != '\0'; };
    if (set(variable))
        return variable;
    const fs::path name{std::string(kJournalFileName)};
    if (set(localAppData))
        return (fs::path(localAppData) / "Portolan" / name).string();
    if (set(xdgStateHome))
        return (fs::path(xdgStateHome) / "portolan" / name).string();
    if (set(home))
        return (fs::path(home) / ".local" / "state" / "portolan" / name).string();
    return "portolan-" + std::string(kJournalFileName);
}

std::string defaultJournalPath()
{
    return journalPathFor(std::getenv(kJournalVariable), std::getenv("LOCALAPPDATA"),
                          std::getenv("XDG_STATE_HOME"), std::getenv("HOME"));
}

std::string newJournalId(std::int64_t at)
{
    static const unsigned run = std::random_device{}();
    static std::atomic<unsigned> sequence{0};
    char buffer[64];
    std::snprintf(buffer, sizeof buffer, "%lld-%08x-%u", static_cast<long long>(at), run,
                  ++sequence);
    return buffer;
}

Json journalEntryJson(const JournalEntry& e)
{
    Json line = Json::object();
    line["id"] = e.id;
    line["at"] = e.at;
    line["host"] = e.host;
    line["user"] = e.user;
    line["elevated"] = e.elevated;
    line["action"] = e.action;
    line["protocol"] = std::string(toString(e.protocol));
    line["start"] = e.range.start;
    line["count"] = e.range.count;
    line["request"] = e.request;
    line["ok"] = e.ok;
    line["detail"] = e.detail;
    if (e.error)
        line["error"] = {{"kind", std::string(toString(e.error->kind))},
                         {"code", e.error->code},
                         {"name", e.error->name},
                         {"message", e.error->message}};
    else
        line["error"] = nullptr;
    return line;
}

Result<JournalEntry> journalEntryFromJson(const Json& line)
{
    if (!line.is_object())
        return badLine("(line)", "expected an object");
    JournalEntry e;
    for (auto [key, slot] : {std::pair{"id", &e.id}, std::pair{"host", &e.host},
                             std::pair{"user", &e.user}, std::pair{"action", &e.action},
                             std::pair{"request", &e.request}, std::pair{"detail", &e.detail}}) {
        const std::string* text = stringField(line, key);
        if (!text)
            return badLine(key, "expected a string");
        *slot = *text;
    }
    if (e.id.empty())
        return badLine("id", "must not be empty");
    const auto at = findMember(line, "at") ? jsonInt64(*findMember(line, "at")) : std::nullopt;
    if (!at)
        return badLine("at", "expected seconds since 1970");
    e.at = *at;
    const Json* ok = findMember(line, "ok");
    const Json* elevated = findMember(line, "elevated");
    if (!ok || !ok->is_boolean())
        return badLine("ok", "expected true or false");
    if (!elevated || !elevated->is_boolean())
        return badLine("elevated", "expected true or false");
    e.ok = ok->get<bool>();
    e.elevated = elevated->get<bool>();
    const std::string* protocol = stringField(line, "protocol");
    const auto parsed = protocol ? parseProtocol(*protocol) : std::nullopt;
    if (!parsed)
        return badLine("protocol", "allowed: tcp, udp");
    e.protocol = *parsed;
    const auto number = [&line](std::string_view key) -> std::int64_t {
        const Json* v = findMember(line, key);
        return v ? jsonInt64(*v).value_or(-1) : -1;
    };
    const std::int64_t s = number("start");
    const std::int64_t c = number("count");
    if (s < 0 || s > 65535)
        return badLine("start", "allowed: 0-65535");
    if (c < 0 || c > 65535)
        return badLine("count", "allowed: 0-65535");
    e.range = PortRange{std::uint16_t(s), std::uint16_t(c)};
    if (const Json* error = findMember(line, "error"); error && !error->is_null()) {
        const std::string* kind = stringField(*error, "kind");
        const std::string* name = stringField(*error, "name");
        const std::string* message = stringField(*error, "message");
        const Json* code = findMember(*error, "code");
        const auto number = code ? jsonInt64(*code) : std::nullopt;
        if (!kind || !name || !message || !number)
            return badLine("error", "expected {kind, code, name, message}");
        Error parsedError{ErrorKind::Internal, *number, *name, *message};
        for (ErrorKind k : kKinds)
            if (toString(k) == *kind)
                parsedError.kind = k;
        e.error = std::move(parsedError);
    }
    return e;
}

Result<void> appendJournal(const std::string& path, const std::vector<JournalEntry>& entries)
{
    namespace fs = std::filesystem;
    const fs::path file(path);
    std::error_code ec;
    if (file.has_parent_path())
        fs::create_directories(file.parent_path(), ec);
    std::string text;
    for (const auto& e : entries)
        text += dumpJson(journalEntryJson(e)) + "\n";
    std::ofstream out(file, std::ios::binary | std::ios::app);
    if (!out)
        return Error::make(ErrorKind::IoError, "audit journal " + path +
                                                   ": cannot be opened "
                                                   "for writing");
    // One write per run, so that two runs at once interleave whole lines only.
    out.write(text.data(), std::streamsize(text.size()));
    out.flush();
    if (!out)
        return Error::make(ErrorKind::IoError, "audit journal " + path + ": cannot be written");
    return {};
}

Result<JournalRead> readJournal(const std::string& path, std::uint64_t offset)
{
    namespace fs = std::filesystem;
    JournalRead read;
    read.endOffset = offset;
    std::error_code ec;
    if (!fs::exists(fs::path(path), ec))
        return read;
    std::ifstream in(fs::path(path), std::ios::binary);
    if (!in)
        return Error::make(ErrorKind::IoError, "audit journal " + path + ": cannot be read");
    in.seekg(0, std::ios::end);
    const std::uint64_t size = std::uint64_t(in.tellg());
    if (offset > size) // the journal was replaced by a shorter one: read it from the start
        offset = 0;
    in.seekg(std::streamoff(offset));
    std::string text(size - offset, '\0');
    in.read(text.data(), std::streamsize(text.size()));
    std::size_t at = 0;
    for (;;) {
        const std::size_t end = text.find('\n', at);
        if (end == std::string::npos)
            break;
        const std::string_view lineText(text.data() + at, end - at);
        at = end + 1;
        if (lineText.find_first_not_of(" \t\r") == std::string_view::npos)
            continue;
        auto json = parseJson(lineText);
        auto entry = json ? journalEntryFromJson(json.value()) : Result<JournalEntry>(json.error());
        if (entry)
            read.entries.push_back(std::move(entry.value()));
        else
            ++read.skipped;
    }
    read.endOffset = offset + at;
    return read;
}

} // namespace portolan::protect
