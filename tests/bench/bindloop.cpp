// SPDX-License-Identifier: GPL-3.0-or-later
// The baseline of tests/bench/scan-bench: the plainest possible scan, one thread doing
// socket / bind / close over every port of 127.0.0.1 (TCP), as a user would write it.
// Usage: bindloop [FIRST-LAST]   (default 1-65535). Prints the wall time and the outcomes.
#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>

int main(int argc, char** argv)
{
    long first = 1;
    long last = 65535;
    if (argc > 1 && std::sscanf(argv[1], "%ld-%ld", &first, &last) != 2) {
        std::fprintf(stderr, "usage: bindloop [FIRST-LAST]\n");
        return 1;
    }
    if (first < 1 || last > 65535 || first > last) {
        std::fprintf(stderr, "bindloop: FIRST-LAST must lie within 1-65535\n");
        return 1;
    }

    long free = 0, inUse = 0, forbidden = 0, other = 0;
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);

    auto started = std::chrono::steady_clock::now();
    for (long port = first; port <= last; ++port) {
        int fd = socket(AF_INET, SOCK_STREAM, IPPROTO_TCP);
        if (fd < 0) {
            std::fprintf(stderr, "bindloop: socket: %s\n", std::strerror(errno));
            return 2;
        }
        address.sin_port = htons(static_cast<unsigned short>(port));
        if (bind(fd, reinterpret_cast<const sockaddr*>(&address), sizeof address) == 0)
            ++free;
        else if (errno == EADDRINUSE)
            ++inUse;
        else if (errno == EACCES || errno == EPERM)
            ++forbidden;
        else
            ++other;
        close(fd);
    }
    double seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();

    std::printf("bindloop: %ld ports in %.3f s: %ld free, %ld in-use, %ld forbidden, %ld other\n",
                last - first + 1, seconds, free, inUse, forbidden, other);
    return 0;
}
