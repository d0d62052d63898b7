// SPDX-License-Identifier: GPL-3.0-or-later
// The main window's reservation actions: the dialogs that change or read the inventory, the
// import, the sample probes and About.
#include "mainwindow.h"

#include "elevation.h"
#include "errorpresenter.h"
#include "ui/aboutdialog.h"
#include "ui/probes/probesview.h"
#include "ui/reservations/deletedialog.h"
#include "ui/reservations/lookupdialog.h"
#include "ui/reservations/newreservationdialog.h"
#include "ui/reservations/notedialog.h"
#include "ui/reservations/reservationsview.h"

#include "model/import/importer.h"
#include "model/itemmodels/inventorymodel.h"
#include "model/services/explanations.h"
#include "model/services/probeservice.h"
#include "model/store/store.h"

#include <QDialog>
#include <QFileDialog>
#include <QMessageBox>

namespace portolan::ui {

// ---- the reservation actions --------------------------------------------------------------

void MainWindow::newReservation()
{
    auto* dialog = new NewReservationDialog(m_service, this);
    connect(dialog, &NewReservationDialog::protectRequested, this, &MainWindow::openProtectWizard);
    showDialog(dialog);
}

void MainWindow::lookupReservation()
{
    auto* dialog = new LookupDialog(m_service, this);
    QList<std::pair<Protocol, PortRange>> known;
    if (m_snapshot) {
        for (const ReservedBlock& block : m_snapshot->blocks) {
            if (block.persistent)
                known.append({block.protocol, block.range});
        }
    }
    for (const ReservationRecord& r : m_inventory->records()) {
        if (r.host == m_service.host())
            known.append({r.protocol, r.range()});
    }
    dialog->setKnownBlocks(known);
    if (const auto record = m_reservations->currentRecord();
        record && record->host == m_service.host())
        dialog->setBlock(record->protocol, record->range());
    showDialog(dialog);
}

void MainWindow::deleteReservation()
{
    const auto record = m_reservations->currentRecord();
    if (!record) {
        showStatus(tr("Select the reservation to delete first."));
        return;
    }
    showDialog(new DeleteDialog(m_service, *record, this));
}

void MainWindow::editNote()
{
    const auto record = m_reservations->currentRecord();
    if (!record) {
        showStatus(tr("Select the reservation whose note to edit first."));
        return;
    }
    auto* dialog = new NoteDialog(*record, this);
    const qint64 id = record->id;
    const QString before = record->note;
    connect(dialog, &QDialog::accepted, this, [this, dialog, id, before] {
        if (dialog->note() != before)
            m_service.setNote(id, dialog->note());
    });
    showDialog(dialog);
}

void MainWindow::verifyAll()
{
    showStatus(tr("Looking every reservation of %1 up again…").arg(m_service.host()));
    m_service.verifyAll();
}

void MainWindow::discover()
{
    showStatus(tr("Discovering the reservations of %1…").arg(m_service.host()));
    m_service.discover();
}

void MainWindow::importReport()
{
    const QString path =
        QFileDialog::getOpenFileName(this, tr("Import a reservation report"), QString(),
                                     tr("Reports (*.txt *.json);;All files (*)"));
    if (path.isEmpty())
        return;
    Importer importer(m_store);
    ImportOptions options;
    const Result<ImportSummary> summary = importer.importFile(path, options);
    if (!summary) {
        const ErrorPresentation shown =
            ErrorPresenter::present(summary.error(), tr("Nothing was imported."));
        QMessageBox box(QMessageBox::Warning, tr("Import"), shown.what, QMessageBox::Ok, this);
        box.setInformativeText(shown.whatToDo);
        box.exec();
        return;
    }
    (void)m_inventory->refresh();
    refreshSnapshot();
    showStatus(summary->message);
    QMessageBox::information(this, tr("Import"), summary->message);
}

void MainWindow::runSampleProbe1()
{
    setCurrentView(View::Probes);
    static_cast<ProbesView*>(viewWidget(View::Probes))->runSample1();
}

void MainWindow::runSampleProbe2()
{
    setCurrentView(View::Probes);
    static_cast<ProbesView*>(viewWidget(View::Probes))->runSample2();
}

void MainWindow::showAbout()
{
    showDialog(new AboutDialog(
        tr("Backend: %1, %3\nHost: %2\nDatabase: %4\nQt %5")
            .arg(AboutDialog::backendDescription(m_service.backend()->name()), m_service.host(),
                 m_service.system()
                     ? Elevation::statusText(*m_service.backend(), m_service.system()->elevated)
                     : tr("elevation not known yet"),
                 m_store.database().path(), QString::fromLatin1(qVersion())),
        this));
}

} // namespace portolan::ui
