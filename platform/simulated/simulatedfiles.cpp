// SPDX-License-Identifier: GPL-3.0-or-later
#include "simulatedfiles.h"

#include "platform/process/utf8.h"

#include <atomic>
#include <chrono>
#include <filesystem>
#include <fstream>

namespace portolan::simulated {

namespace fs = std::filesystem;

Result<std::string> readTextFile(const std::string& path, std::string_view what)
{
    std::error_code ec;
    const auto status = fs::status(utf8::toPath(path), ec);
    if (ec || !fs::exists(status))
        return Error::make(ErrorKind::IoError, std::string(what) + " " + path + " does not exist");
    if (fs::is_directory(status))
        return Error::make(ErrorKind::IoError,
                           std::string(what) + " " + path + " is a folder, not a file");
    std::ifstream in(utf8::toPath(path), std::ios::binary);
    if (!in)
        return Error::make(ErrorKind::IoError,
                           std::string(what) + " " + path + " cannot be opened for reading");
    // In blocks straight into the string: a stream buffer copied into a string stream and
    // then out of it held a big scenario three times.
    std::string text;
    if (const auto size = fs::file_size(utf8::toPath(path), ec); !ec)
        text.reserve(std::size_t(size));
    char buffer[1 << 14];
    while (in.read(buffer, sizeof buffer) || in.gcount() > 0)
        text.append(buffer, std::size_t(in.gcount()));
    if (in.bad())
        return Error::make(ErrorKind::IoError,
                           std::string(what) + " " + path + " could not be read completely");
    return text;
}

bool fileExists(const std::string& path)
{
    std::error_code ec;
    return fs::exists(utf8::toPath(path), ec);
}

Result<void> writeTextFileAtomically(const std::string& path, std::string_view text)
{
    const fs::path target = utf8::toPath(path);
    std::error_code ec;
    if (target.has_parent_path()) {
        fs::create_directories(target.parent_path(), ec);
        if (ec)
            return Error::make(ErrorKind::IoError, "cannot write the state file " + path +
                                                       ": cannot create the folder " +
                                                       utf8::fromPath(target.parent_path()) + ": " +
                                                       ec.message());
    }
    // Unique per process and call, so two writers never share a temporary file.
    static std::atomic<unsigned> serial{0};
    const auto stamp = std::chrono::steady_clock::now().time_since_epoch().count();
    fs::path temporary = target;
    temporary += ".tmp-" + std::to_string(stamp) + "-" + std::to_string(serial++);
    {
        std::ofstream out(temporary, std::ios::binary | std::ios::trunc);
        if (!out)
            return Error::make(ErrorKind::IoError,
                               "cannot write the state file " + path + ": the temporary file " +
                                   utf8::fromPath(temporary) + " cannot be created");
        out.write(text.data(), std::streamsize(text.size()));
        out.flush();
        if (!out) {
            out.close();
            fs::remove(temporary, ec);
            return Error::make(ErrorKind::IoError, "cannot write the state file " + path +
                                                       ": writing " + utf8::fromPath(temporary) +
                                                       " failed (disk full?)");
        }
    }
    fs::rename(temporary, target, ec);
    if (ec) {
        std::error_code ignored;
        fs::remove(temporary, ignored);
        return Error::make(ErrorKind::IoError,
                           "cannot write the state file " + path + ": " + ec.message());
    }
    return {};
}

} // namespace portolan::simulated
