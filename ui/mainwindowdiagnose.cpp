// SPDX-License-Identifier: GPL-3.0-or-later
// The main window's diagnosis: the dynamic range's health line above the views and the
// service that explains refused binds for the Probes view.
#include "ui/mainwindow.h"

#include "ui/diagnose/rangehealthline.h"
#include "ui/viewstack.h"

#include "model/services/diagnoseservice.h"

#include <QDialog>
#include <QVBoxLayout>

namespace portolan::ui {

void MainWindow::buildDiagnose()
{
    m_diagnose = new DiagnoseService(m_service.backend(), &m_store, this);
    m_rangeHealth = new RangeHealthLine(*m_diagnose, this);
    auto* central = new QWidget(this);
    auto* layout = new QVBoxLayout(central);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(m_rangeHealth);
    layout->addWidget(takeCentralWidget(), 1);
    setCentralWidget(central);
    // After the first refresh, so that its netsh runs do not wait behind this one.
    connect(this, &MainWindow::firstRefreshFinished, m_rangeHealth, &RangeHealthLine::refresh);
}

} // namespace portolan::ui
