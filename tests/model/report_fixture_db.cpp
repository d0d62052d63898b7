// SPDX-License-Identifier: GPL-3.0-or-later
// Not a test: writes the report goldens' fixed scenario (tests/model/reportfixture.h) to a
// database file, for scripts/sample-report to export with `portolan --export`.
//
//   report_fixture_db FILE [--hostile]

#include "reportfixture.h"

#include <QCoreApplication>
#include <QFile>

#include <cstdio>

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = QCoreApplication::arguments();
    if (args.size() < 2 || args.size() > 3 ||
        (args.size() == 3 && args[2] != QLatin1String("--hostile"))) {
        std::fprintf(stderr, "usage: report_fixture_db FILE [--hostile]\n");
        return 1;
    }
    if (QFile::exists(args[1])) {
        std::fprintf(stderr, "report_fixture_db: %s exists; give a new file\n",
                     qPrintable(args[1]));
        return 1;
    }
    portolan::testing::ReportFixture fixture;
    fixture.databasePath = args[1];
    const QString problem = fixture.setUp(args.size() == 3);
    if (!problem.isEmpty()) {
        std::fprintf(stderr, "report_fixture_db: %s\n", qPrintable(problem));
        return 1;
    }
    return 0;
}
