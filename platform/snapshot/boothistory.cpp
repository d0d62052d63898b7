// SPDX-License-Identifier: GPL-3.0-or-later
#include "boothistory.h"

#include "platform/process/processinfo.h"
#include "platform/process/utf8.h"
#include "platform/simulated/simulatedfiles.h"
#include "platform/simulated/simulatedmachine.h"

#include <algorithm>
#include <filesystem>
#include <vector>

namespace portolan {

namespace {

namespace fs = std::filesystem;

// "boot-20250310T080241Z.json": names that sort as the boots do.
std::string fileNameOf(std::int64_t bootTime)
{
    std::string stamp = simulated::formatUtcTime(bootTime);
    stamp.erase(
        std::remove_if(stamp.begin(), stamp.end(), [](char c) { return c == '-' || c == ':'; }),
        stamp.end());
    return "boot-" + stamp + ".json";
}

bool isBootFile(const std::string& name)
{
    return name.size() == 26 && name.starts_with("boot-") && name.ends_with("Z.json");
}

} // namespace

std::string defaultBootHistoryFolder()
{
    const std::string state = userStateFolder();
    return state.empty() ? std::string() : utf8::fromPath(utf8::toPath(state) / "boots");
}

Result<BootRecord> recordBoot(const std::string& folder, const HostSnapshot& current)
{
    if (!current.bootTime)
        return Error::make(ErrorKind::Unsupported,
                           "this system does not tell when it booted, so boots cannot be told "
                           "apart");
    const fs::path dir = utf8::toPath(folder);
    std::error_code ec;
    fs::create_directories(dir, ec);
    if (ec)
        return Error::make(ErrorKind::IoError,
                           "cannot create the boot history folder " + folder + ": " + ec.message());
    std::vector<std::string> names;
    for (const auto& entry : fs::directory_iterator(dir, ec)) {
        const std::string name = utf8::fromPath(entry.path().filename());
        if (isBootFile(name))
            names.push_back(name);
    }
    if (ec)
        return Error::make(ErrorKind::IoError,
                           "cannot list the boot history folder " + folder + ": " + ec.message());
    std::sort(names.begin(), names.end());

    BootRecord record;
    const std::string own = fileNameOf(*current.bootTime);
    const auto path = [&](const std::string& name) { return utf8::fromPath(dir / name); };
    // The newest boot before this one: its file sorts just before this boot's name.
    const auto earlier = std::lower_bound(names.begin(), names.end(), own);
    if (earlier != names.begin()) {
        record.previousFile = path(*(earlier - 1));
        auto text = simulated::readTextFile(record.previousFile, "the boot snapshot");
        if (!text)
            return text.error();
        auto previous = snapshotFromJson(text.value(), record.previousFile);
        if (!previous)
            return previous.error();
        record.previous = std::move(previous.value());
    }
    if (!std::binary_search(names.begin(), names.end(), own)) {
        record.storedFile = path(own);
        if (auto written =
                simulated::writeTextFileAtomically(record.storedFile, snapshotToJson(current));
            !written)
            return written.error();
        record.stored = true;
        names.insert(std::lower_bound(names.begin(), names.end(), own), own);
    }
    for (std::size_t i = 0; i + kKeptBoots < names.size(); ++i)
        fs::remove(dir / utf8::toPath(names[i]), ec);
    return record;
}

} // namespace portolan
