// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/reports/report.h"

#include "platform/error.h"

#include <QObject>
#include <QPointer>
#include <QString>

#include <memory>

class QThread;
class QWidget;

namespace portolan {
class Backend;
class Store;
} // namespace portolan

namespace portolan::ui {

// File > Export report… (Ctrl+E): asks where (the save dialog offers PDF, HTML, CSV and JSON
// by filter and extension), then gathers and writes the report on a worker thread, so the
// window keeps answering. The outcome arrives as finished(); a failure also shows a message
// box naming the kind of error and what to do.
class ReportExporter : public QObject
{
    Q_OBJECT

public:
    ReportExporter(Store& store, std::shared_ptr<Backend> backend, QWidget* window);
    ~ReportExporter() override; // waits for a running export

    bool busy() const { return m_thread != nullptr; }
    // The file dialog's filters, in the order shown; the first is the default.
    static QStringList fileFilters();
    // The format of a chosen name, else of the chosen filter (whose extension is then added).
    static std::pair<QString, ReportFormat> resolve(const QString& path, const QString& filter);

public slots:
    void exportReport(); // the dialog, then start()
    // No dialog: for tests and scripts. Returns false (and emits nothing) while one runs.
    bool start(const QString& path, portolan::ReportFormat format);

signals:
    void started(const QString& path);
    // message: translated, for the status bar; error set when writing failed.
    void finished(const QString& path, bool ok, const QString& message);

private:
    bool run(const QString& path, ReportFormat format, bool interactive);

    Store& m_store;
    std::shared_ptr<Backend> m_backend;
    QPointer<QWidget> m_window;
    QThread* m_thread = nullptr;
};

} // namespace portolan::ui
