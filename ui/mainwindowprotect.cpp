// SPDX-License-Identifier: GPL-3.0-or-later
// The main window's "Protect ports…": the service that runs it, the wizard, and the command
// line's audit journal read at start.
#include "mainwindow.h"

#include "ui/protect/protectwizard.h"

#include "model/services/protectservice.h"

namespace portolan::ui {

void MainWindow::buildProtect()
{
    m_protect = new ProtectService(m_service.backend(), m_store, this);
    // Its audit rows reach the history as the reservation service's do.
    connect(m_protect, &ProtectService::auditRecorded, &m_service,
            &ReservationService::auditRecorded);
    connect(m_protect, &ProtectService::finished, this, [this] {
        m_service.discover(DiscoverWhen::IfSupported);
        refreshSnapshot();
    });
}

void MainWindow::protectPorts()
{
    openProtectWizard(Protocol::Tcp, PortRange{3000, 1});
}

void MainWindow::openProtectWizard(Protocol protocol, PortRange range)
{
    auto* wizard = new ProtectWizard(*m_protect, this);
    wizard->setBlock(protocol, range);
    showDialog(wizard);
}

void MainWindow::importAuditJournal(const QString& path)
{
    connect(
        m_protect, &ProtectService::journalImported, this,
        [this](int imported, int, const QString& problem) {
            if (!problem.isEmpty())
                showStatus(
                    tr("The command line's audit journal could not be read: %1").arg(problem),
                    true);
            else if (imported > 0)
                showStatus(
                    tr("%n step(s) of the command line added to the history.", "", imported));
        },
        Qt::SingleShotConnection);
    m_protect->importJournal(path);
}

} // namespace portolan::ui
