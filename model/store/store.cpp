// SPDX-License-Identifier: GPL-3.0-or-later
#include "model/store/store.h"

#include <utility>

namespace portolan {

Result<std::unique_ptr<Store>> Store::open(DatabaseOptions options)
{
    Result<std::unique_ptr<Database>> database = Database::open(std::move(options));
    if (!database)
        return database.error();
    return std::unique_ptr<Store>(new Store(std::move(database).value()));
}

Store::Store(std::unique_ptr<Database> database)
    : m_database(std::move(database)), m_inventory(*m_database), m_audit(*m_database),
      m_probeRuns(*m_database), m_boots(*m_database), m_snapshots(*m_database)
{
}

} // namespace portolan
