// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "platform/linux/linuxbackend.h"

#include <functional>
#include <memory>
#include <string>
#include <string_view>

// Helpers shared by the linux backend's tests: temporary trees that stand in for /proc and
// /etc/sysctl.d, the guard that keeps real-kernel tests inside a private network namespace,
// and a way to run a check without root.
namespace portolan::test {

// A temporary folder (mode 0755, so that an unprivileged child can read it), removed with
// everything in it on destruction.
class TempDir
{
public:
    TempDir();
    ~TempDir();
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;

    const std::string& path() const { return m_path; }
    std::string operator/(std::string_view relative) const;

private:
    std::string m_path;
};

// Writes `text` to root/relative, creating the folders on the way.
void writeTextFile(const std::string& path, std::string_view text);
std::string readTextFile(const std::string& path);
void makeSymlink(const std::string& target, const std::string& path);

// A fake proc tree: the three sysctls, the four socket tables (empty), stat with a btime.
struct FakeProc
{
    TempDir root;
    FakeProc();
    std::string reservedPorts() const; // the kernel list file
    void setReservedPorts(std::string_view list) const;
    // Adds process `pid` named `name` holding the socket `inode` as fd `fd`.
    void addProcess(int pid, std::string_view name, unsigned long long inode, int fd = 3) const;
};

// The kernel's hex form of an address as /proc/net prints it ("0100007F" on little endian).
std::string kernelHex(std::string_view address, bool ipv6);
// One /proc/net/{tcp,udp}[6] row.
std::string procNetRow(int slot, std::string_view address, bool ipv6, unsigned port, unsigned state,
                       unsigned long long inode);
inline constexpr std::string_view kProcNetHeader =
    "  sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  "
    "timeout inode\n";

// Exits the process with 77 (ctest: skipped) after printing why, unless this process runs in
// a private network namespace made by scripts/netns-run: PORTOLAN_NETNS=1 and a network
// namespace other than PID 1's (when PID 1's can be read at all). Every test that writes
// /proc/sys calls it first, so that the machine's own settings are never touched.
void requirePrivateNetworkNamespace();

// Runs `check` in a child process without root (uid/gid 65534) when this process is root,
// else in a child as is. Returns the child's exit code, or -1 if privileges could not be
// dropped (the caller skips then). `check` must not use doctest macros.
int runUnprivileged(const std::function<int()>& check);

} // namespace portolan::test
