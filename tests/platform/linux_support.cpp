// SPDX-License-Identifier: GPL-3.0-or-later
#include "linux_support.h"

#include <arpa/inet.h>
#include <cerrno>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fcntl.h>
#include <filesystem>
#include <fstream>
#include <grp.h>
#include <iostream>
#include <netinet/in.h>
#include <sstream>
#include <stdexcept>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

namespace portolan::test {

TempDir::TempDir()
{
    std::string pattern =
        (std::filesystem::temp_directory_path() / "portolan-linux-XXXXXX").string();
    if (!::mkdtemp(pattern.data()))
        throw std::runtime_error("mkdtemp failed: " + std::string(std::strerror(errno)));
    ::chmod(pattern.c_str(), 0755);
    m_path = pattern;
}

TempDir::~TempDir()
{
    std::error_code ignored;
    // A test may have made a folder read-only; make everything writable before removing it.
    for (auto it = std::filesystem::recursive_directory_iterator(m_path, ignored);
         it != std::filesystem::recursive_directory_iterator(); it.increment(ignored))
        if (it->is_directory(ignored) && !it->is_symlink(ignored))
            ::chmod(it->path().c_str(), 0755);
    std::filesystem::remove_all(m_path, ignored);
}

std::string TempDir::operator/(std::string_view relative) const
{
    return m_path + "/" + std::string(relative);
}

void writeTextFile(const std::string& path, std::string_view text)
{
    std::filesystem::create_directories(std::filesystem::path(path).parent_path());
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out << text;
    if (!out)
        throw std::runtime_error("cannot write " + path);
}

std::string readTextFile(const std::string& path)
{
    std::ifstream in(path, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

void makeSymlink(const std::string& target, const std::string& path)
{
    std::filesystem::create_directories(std::filesystem::path(path).parent_path());
    std::filesystem::create_symlink(target, path);
}

FakeProc::FakeProc()
{
    writeTextFile(root / "sys/net/ipv4/ip_local_reserved_ports", "\n");
    writeTextFile(root / "sys/net/ipv4/ip_local_port_range", "32768\t60999\n");
    writeTextFile(root / "sys/net/ipv4/ip_unprivileged_port_start", "1024\n");
    for (const char* table : {"tcp", "tcp6", "udp", "udp6"})
        writeTextFile(root / (std::string("net/") + table), std::string(kProcNetHeader));
    writeTextFile(root / "stat", "cpu  1 2 3 4\nintr 0\nctxt 10\nbtime 1700000000\n"
                                 "processes 100\n");
}

std::string FakeProc::reservedPorts() const
{
    return readTextFile(root / "sys/net/ipv4/ip_local_reserved_ports");
}

void FakeProc::setReservedPorts(std::string_view list) const
{
    writeTextFile(root / "sys/net/ipv4/ip_local_reserved_ports", std::string(list) + "\n");
}

void FakeProc::addProcess(int pid, std::string_view name, unsigned long long inode, int fd) const
{
    const std::string base = root / std::to_string(pid);
    writeTextFile(base + "/comm", std::string(name) + "\n");
    makeSymlink("socket:[" + std::to_string(inode) + "]", base + "/fd/" + std::to_string(fd));
}

std::string kernelHex(std::string_view address, bool ipv6)
{
    // The kernel prints each 32-bit word of the address as it lies in memory, read as a
    // host-order integer: do the same so that the samples are right on any byte order.
    unsigned char bytes[16] = {};
    const std::string text(address);
    if (::inet_pton(ipv6 ? AF_INET6 : AF_INET, text.c_str(), bytes) != 1)
        throw std::runtime_error("bad sample address " + text);
    std::string hex;
    for (int word = 0; word < (ipv6 ? 4 : 1); ++word) {
        std::uint32_t value = 0;
        std::memcpy(&value, bytes + word * 4, 4);
        char chunk[9];
        std::snprintf(chunk, sizeof chunk, "%08X", value);
        hex += chunk;
    }
    return hex;
}

std::string procNetRow(int slot, std::string_view address, bool ipv6, unsigned port, unsigned state,
                       unsigned long long inode)
{
    char row[512];
    const std::string remote = ipv6 ? std::string(32, '0') : std::string(8, '0');
    std::snprintf(row, sizeof row,
                  "%4d: %s:%04X %s:0000 %02X 00000000:00000000 00:00000000 00000000  1000 "
                  "       0 %llu 1 0000000000000000 100 0 0 10 0\n",
                  slot, kernelHex(address, ipv6).c_str(), port, remote.c_str(), state, inode);
    return row;
}

void requirePrivateNetworkNamespace()
{
    const char* flag = std::getenv("PORTOLAN_NETNS");
    if (!flag || std::string_view(flag) != "1") {
        std::cout << "SKIP: this test writes network sysctls and runs only inside a private "
                     "network namespace: run it through scripts/netns-run (ctest does)\n";
        std::exit(77);
    }
    struct stat self
    {
    };
    struct stat init
    {
    };
    if (::stat("/proc/self/ns/net", &self) != 0) {
        std::cout << "SKIP: cannot read /proc/self/ns/net (" << std::strerror(errno)
                  << "), so this cannot be shown to be a private network namespace\n";
        std::exit(77);
    }
    // PID 1's namespace is unreadable without root (or from a user namespace): then the
    // PORTOLAN_NETNS that scripts/netns-run exports is all there is to go on.
    if (::stat("/proc/1/ns/net", &init) == 0 && init.st_ino == self.st_ino &&
        init.st_dev == self.st_dev) {
        std::cout << "SKIP: PORTOLAN_NETNS=1 but this process shares PID 1's network namespace; "
                     "refusing to write the machine's own sysctls\n";
        std::exit(77);
    }
    // Stricter than the flag alone: netns-run names the namespace it made.
    if (const char* inode = std::getenv("PORTOLAN_NETNS_INODE");
        inode && std::string_view(inode) != "unknown" &&
        std::string_view(inode) != std::to_string(self.st_ino)) {
        std::cout << "SKIP: PORTOLAN_NETNS_INODE=" << inode << " but this process's network "
                  << "namespace is " << self.st_ino << "; refusing to write its sysctls\n";
        std::exit(77);
    }
    // A container may mount /proc/sys read-only even inside a private namespace.
    const int fd = ::open("/proc/sys/net/ipv4/ip_local_reserved_ports", O_WRONLY | O_CLOEXEC);
    if (fd < 0) {
        std::cout << "SKIP: cannot write /proc/sys/net/ipv4/ip_local_reserved_ports in this "
                     "namespace: "
                  << std::strerror(errno) << "\n";
        std::exit(77);
    }
    ::close(fd);
}

int runUnprivileged(const std::function<int()>& check)
{
    std::cout.flush();
    const pid_t child = ::fork();
    if (child < 0)
        return -1;
    if (child == 0) {
        if (::geteuid() == 0) {
            if (::setgroups(0, nullptr) != 0 || ::setgid(65534) != 0 || ::setuid(65534) != 0)
                ::_exit(255);
        }
        ::_exit(check());
    }
    int status = 0;
    while (::waitpid(child, &status, 0) < 0 && errno == EINTR) {
    }
    if (!WIFEXITED(status) || WEXITSTATUS(status) == 255)
        return -1;
    return WEXITSTATUS(status);
}

} // namespace portolan::test
