// SPDX-License-Identifier: GPL-3.0-or-later
#include "exportcommand.h"

#include "consoleoptions.h"
#include "translations.h"

#include "ui/reports/reportpdf.h"

#include "model/reports/report.h"
#include "model/services/explanations.h"
#include "model/store/store.h"

#include "platform/backendfactory.h"

#include <QCoreApplication>
#include <QFont>
#include <QGuiApplication>
#include <QTextStream>

#include <memory>

namespace portolan::console {
namespace {

class ExportCommand
{
    Q_DECLARE_TR_FUNCTIONS(ExportCommand)
};

} // namespace

int runExportCommand(int argc, char** argv, const ConsoleOptions& args)
{
    // No window is ever shown: fonts are all the PDF needs, and the offscreen platform gives
    // them without a display.
    // (Windows and macOS always have their platform plugin; a deployed console may lack the
    // offscreen one there.)
#if !defined(Q_OS_WIN) && !defined(Q_OS_MACOS)
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
#endif
    QGuiApplication app(argc, argv);
    QCoreApplication::setOrganizationName(QStringLiteral("Portolan"));
    QCoreApplication::setApplicationName(QStringLiteral("portolan"));
    installTranslations(app, consoleLocale(args.language), !args.language.isEmpty());
    QTextStream out(stdout);
    QTextStream err(stderr);

    std::unique_ptr<Backend> backend;
    QString backendProblem;
    if (!args.noBackend) {
        BackendOptions options;
        options.kind = args.backend.toStdString(); // "simulated" with --scenario or --state
        options.scenarioFile = args.scenarioFile.toStdString();
        options.stateFile = args.stateFile.toStdString();
        auto created = createBackend(options);
        if (created) {
            backend = std::move(created.value());
        } else if (!args.backend.isEmpty()) {
            err << "portolan: "
                << ExportCommand::tr("could not open the backend: %1")
                       .arg(Explanations::errorLine(created.error()))
                << '\n';
            return kExportExitDatabase;
        } else {
            backendProblem = ExportCommand::tr("The machine could not be asked: %1")
                                 .arg(Explanations::errorLine(created.error()));
        }
    }

    DatabaseOptions dbOptions;
    dbOptions.path = args.databaseFile;
    dbOptions.createDirectory = args.databaseFile.isEmpty();
    if (backend)
        dbOptions.localHost = QString::fromStdString(backend->hostName());
    auto store = Store::open(dbOptions);
    if (!store) {
        err << "portolan: " << Explanations::errorLine(store.error()) << '\n';
        return kExportExitDatabase;
    }

    ReportOptions options;
    options.title = args.title;
    options.host = args.host;
    options.auditLimit = args.auditLimit;
    options.generatedAt = args.generatedAt;
    auto data = Report::gather(*store.value(), backend.get(), options);
    if (!data) {
        err << "portolan: " << Explanations::errorLine(data.error()) << '\n';
        return kExportExitDatabase;
    }
    if (!backendProblem.isEmpty())
        data.value().problems.prepend(backendProblem);

    if (auto written = ui::exportReport(data.value(), args.format, args.file); !written) {
        err << "portolan: " << Explanations::errorLine(written.error()) << '\n';
        return kExportExitWrite;
    }
    out << ExportCommand::tr("Wrote the %1 report of %2 (%3 reservations) to %4")
               .arg(toText(args.format).toUpper(), data.value().host)
               .arg(data.value().reservations.size())
               .arg(args.file)
        << '\n';
    return kExportExitOk;
}

} // namespace portolan::console
