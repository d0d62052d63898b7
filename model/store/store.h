// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/store/auditlog.h"
#include "model/store/bootlog.h"
#include "model/store/database.h"
#include "model/store/hostsnapshotstore.h"
#include "model/store/inventorystore.h"
#include "model/store/proberunstore.h"
#include "model/store/records.h"

#include "platform/error.h"

#include <memory>

namespace portolan {

// The console's database and its parts. Each part is a small class over the same
// Database; they may be used from any thread (each thread gets its own connection).
class Store
{
public:
    static Result<std::unique_ptr<Store>> open(DatabaseOptions options);

    Database& database() { return *m_database; }
    InventoryStore& inventory() { return m_inventory; }
    AuditLog& audit() { return m_audit; }
    ProbeRunStore& probeRuns() { return m_probeRuns; }
    BootLog& boots() { return m_boots; }
    HostSnapshotStore& snapshots() { return m_snapshots; }

private:
    explicit Store(std::unique_ptr<Database> database);

    std::unique_ptr<Database> m_database;
    InventoryStore m_inventory;
    AuditLog m_audit;
    ProbeRunStore m_probeRuns;
    BootLog m_boots;
    HostSnapshotStore m_snapshots;
};

} // namespace portolan
