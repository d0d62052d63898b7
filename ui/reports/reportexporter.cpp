// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/reports/reportexporter.h"

#include "ui/errorpresenter.h"
#include "ui/reports/reportpdf.h"

#include "model/store/store.h"

#include "platform/backend.h"

#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QMessageBox>
#include <QThread>

namespace portolan::ui {

namespace {

struct Outcome
{
    std::optional<Error> error;
    int reservations = 0;
    QString host;
};

} // namespace

ReportExporter::ReportExporter(Store& store, std::shared_ptr<Backend> backend, QWidget* window)
    : QObject(window), m_store(store), m_backend(std::move(backend)), m_window(window)
{
}

ReportExporter::~ReportExporter()
{
    if (m_thread)
        m_thread->wait(); // it uses the store, which the caller is about to close
}

QStringList ReportExporter::fileFilters()
{
    return {tr("PDF document (*.pdf)"), tr("HTML page (*.html *.htm)"), tr("CSV table (*.csv)"),
            tr("JSON data (*.json)")};
}

std::pair<QString, ReportFormat> ReportExporter::resolve(const QString& path, const QString& filter)
{
    if (const auto format = reportFormatForPath(path))
        return {path, *format};
    const QStringList filters = fileFilters();
    const ReportFormat byFilter[] = {ReportFormat::Pdf, ReportFormat::Html, ReportFormat::Csv,
                                     ReportFormat::Json};
    const qsizetype index = std::max<qsizetype>(0, filters.indexOf(filter));
    const ReportFormat format = byFilter[index];
    return {path + QLatin1Char('.') + toText(format), format};
}

void ReportExporter::exportReport()
{
    if (busy()) {
        emit finished({}, false, tr("A report is still being written; wait for it to finish."));
        return;
    }
    const QString host = m_backend ? QString::fromStdString(m_backend->hostName()) : QString();
    const QString suggested =
        QDir::home().filePath(QStringLiteral("portolan-report-%1-%2.pdf")
                                  .arg(host.isEmpty() ? QStringLiteral("host") : host,
                                       QDate::currentDate().toString(QStringLiteral("yyyyMMdd"))));
    QString filter = fileFilters().constFirst();
    const QString chosen =
        QFileDialog::getSaveFileName(m_window, tr("Export report"), suggested,
                                     fileFilters().join(QStringLiteral(";;")), &filter);
    if (chosen.isEmpty())
        return;
    const auto [path, format] = resolve(chosen, filter);
    run(path, format, true);
}

bool ReportExporter::start(const QString& path, ReportFormat format)
{
    return run(path, format, false);
}

bool ReportExporter::run(const QString& path, ReportFormat format, bool interactive)
{
    if (busy())
        return false;
    auto outcome = std::make_shared<Outcome>();
    Store& store = m_store;
    std::shared_ptr<Backend> backend = m_backend;
    m_thread = QThread::create([outcome, &store, backend, path, format] {
        ReportOptions options;
        auto data = Report::gather(store, backend.get(), options);
        if (!data) {
            outcome->error = data.error();
            return;
        }
        outcome->reservations = int(data.value().reservations.size());
        outcome->host = data.value().host;
        if (auto written = portolan::ui::exportReport(data.value(), format, path); !written)
            outcome->error = written.error();
    });
    m_thread->setObjectName(QStringLiteral("report export"));
    connect(m_thread, &QThread::finished, this, [this, outcome, path, format, interactive] {
        m_thread->deleteLater();
        m_thread = nullptr;
        if (outcome->error) {
            const ErrorPresentation shown =
                ErrorPresenter::present(*outcome->error, tr("The report was not exported."));
            emit finished(
                path, false,
                tr("Export failed (%1): %2 %3").arg(shown.kind, shown.what, shown.whatToDo));
            if (interactive && m_window) {
                QMessageBox box(QMessageBox::Warning, tr("Export report"),
                                QStringLiteral("%1: %2").arg(shown.kind, shown.what),
                                QMessageBox::Ok, m_window);
                box.setInformativeText(shown.whatToDo);
                box.exec();
            }
            return;
        }
        emit finished(path, true,
                      tr("Exported the %1 report of %2 (%3 reservations) to %4.")
                          .arg(toText(format).toUpper(), outcome->host)
                          .arg(outcome->reservations)
                          .arg(QDir::toNativeSeparators(path)));
    });
    emit started(path);
    m_thread->start();
    return true;
}

} // namespace portolan::ui
