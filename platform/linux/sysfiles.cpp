// SPDX-License-Identifier: GPL-3.0-or-later
#include "sysfiles.h"

#include "../nativecodes.h"

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace portolan::linuxos {

namespace {

// A read or write error on `path`, with what the user can do about it.
Error fileError(int code, std::string_view verb, const std::string& path)
{
    std::string message = "cannot " + std::string(verb) + " " + path + ": " + std::strerror(code);
    ErrorKind kind = ErrorKind::IoError;
    switch (code) {
    case EACCES:
    case EPERM:
    case EROFS:
        kind = ErrorKind::AccessDenied;
        message += "; changing port reservations needs root: run Portolan as root (sudo)";
        break;
    case ENOENT:
        message += "; check that the file (and its folder) exists";
        break;
    default:
        message += "; check the file and try again";
        break;
    }
    return errnoError(kind, code, std::move(message));
}

Result<void> writeAll(int fd, std::string_view text, const std::string& path)
{
    std::size_t done = 0;
    while (done < text.size()) {
        const ssize_t n = ::write(fd, text.data() + done, text.size() - done);
        if (n < 0) {
            if (errno == EINTR)
                continue;
            return fileError(errno, "write", path);
        }
        done += std::size_t(n);
    }
    return {};
}

} // namespace

Error errnoError(ErrorKind kind, int code, std::string message)
{
    return Error{kind, code, std::string(native::errnoName(code)), std::move(message)};
}

Result<std::string> readFile(const std::string& path)
{
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return fileError(errno, "read", path);
    std::string text;
    char buffer[8192];
    for (;;) {
        const ssize_t n = ::read(fd, buffer, sizeof buffer);
        if (n < 0) {
            if (errno == EINTR)
                continue;
            const int code = errno;
            ::close(fd);
            return fileError(code, "read", path);
        }
        if (n == 0)
            break;
        text.append(buffer, std::size_t(n));
    }
    ::close(fd);
    return text;
}

Result<std::string> readFileIfPresent(const std::string& path)
{
    auto text = readFile(path);
    if (!text && text.error().code == ENOENT)
        return std::string();
    return text;
}

Result<void> writeFileInPlace(const std::string& path, std::string_view text)
{
    const int fd = ::open(path.c_str(), O_WRONLY | O_TRUNC | O_CLOEXEC);
    if (fd < 0)
        return fileError(errno, "write", path);
    // One write: a sysctl file parses each write() separately.
    auto written = writeAll(fd, text, path);
    if (::close(fd) != 0 && written)
        return fileError(errno, "write", path);
    return written;
}

Result<void> writeFileAtomically(const std::string& path, std::string_view text)
{
    const std::string folder = parentDirectory(path);
    const auto slash = path.find_last_of('/');
    const std::string base = slash == std::string::npos ? path : path.substr(slash + 1);
    // A dot name without the .conf suffix, so that `sysctl --system` never reads a half file.
    std::string temp = folder + "/." + base + ".tmp-XXXXXX";
    const int fd = ::mkostemp(temp.data(), O_CLOEXEC);
    if (fd < 0) {
        Error error = fileError(errno, "create a file in", folder);
        return error;
    }
    auto fail = [&](Error error) -> Result<void> {
        ::close(fd);
        ::unlink(temp.c_str());
        return error;
    };
    if (::fchmod(fd, 0644) != 0)
        return fail(fileError(errno, "set permissions of", temp));
    if (auto written = writeAll(fd, text, temp); !written)
        return fail(written.error());
    if (::fsync(fd) != 0)
        return fail(fileError(errno, "flush", temp));
    if (::close(fd) != 0) {
        const int code = errno;
        ::unlink(temp.c_str());
        return fileError(code, "write", temp);
    }
    if (::rename(temp.c_str(), path.c_str()) != 0) {
        const int code = errno;
        ::unlink(temp.c_str());
        return fileError(code, "replace", path);
    }
    // Make the rename itself durable, so that a crash does not bring the old file back.
    if (const int dir = ::open(folder.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC); dir >= 0) {
        ::fsync(dir);
        ::close(dir);
    }
    return {};
}

std::string parentDirectory(const std::string& path)
{
    const auto slash = path.find_last_of('/');
    if (slash == std::string::npos)
        return ".";
    if (slash == 0)
        return "/";
    return path.substr(0, slash);
}

} // namespace portolan::linuxos
