// SPDX-License-Identifier: GPL-3.0-or-later
// Services on Linux: nothing to stop for a port. systemd units take ports by binding them;
// no service holds blocks of reserved ports the way WinNAT and HNS do on Windows, and
// ip_local_reserved_ports belongs to the administrator alone.
#include "linuxbackend.h"

namespace portolan {

Result<std::vector<ServiceInfo>> LinuxBackend::services()
{
    return Error::make(ErrorKind::Unsupported,
                       "on Linux no service holds blocks of reserved ports (there is nothing like "
                       "WinNAT's runtime blocks): reserve the ports with 'create', and stop a "
                       "program that listens on one yourself");
}

} // namespace portolan
