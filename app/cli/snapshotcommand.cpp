// SPDX-License-Identifier: GPL-3.0-or-later
// snapshot: this host as one JSON document (platform/snapshot/hostsnapshot.h).
#include "session.h"

#include "output.h"

#include "platform/snapshot/hostsnapshot.h"

#ifndef PORTOLAN_VERSION
#define PORTOLAN_VERSION "0.0.0"
#endif

namespace portolan::cli {

int Session::snapshot()
{
    SnapshotOptions options;
    options.toolVersion = PORTOLAN_VERSION;
    options.scan = m_inv.snapshotScan;
    if (options.scan) {
        options.scan->family = AddressFamily::IPv4;
        options.scan->address = std::string(wildcardAddress(AddressFamily::IPv4));
        options.scan->sharing = probeSharing(AddressFamily::IPv4, options.scan->address);
    }
    options.stop = m_env.stop;
    auto gathered = gatherSnapshot(m_backend, options);
    if (!gathered)
        return fail(gathered.error());
    m_out << snapshotToJson(gathered.value());
    m_printedDocument = true;
    if (m_env.stop.stop_requested())
        m_err << "portolan-cli: interrupted; the scan's runs stop where it was\n";
    return m_env.stop.stop_requested() ? int(kExitCancelled) : int(kExitOk);
}

} // namespace portolan::cli
