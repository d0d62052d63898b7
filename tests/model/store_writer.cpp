// SPDX-License-Identifier: GPL-3.0-or-later
// A console-like process for the store's multi-process tests.
//
//   store_writer open  DB                 open (create, upgrade) and report the version
//   store_writer write DB [--runs N] [--host H] [--payload BYTES]
//                                          record probe runs in a loop (N = 0: until killed
//                                          or an error); after each commit returns, print
//                                          "committed <id> <steps>" and flush
//
// Errors print "error <kind> <name> <message>" and exit 2. Nothing else is printed on stdout,
// so the tests can trust every line.
#include "model/store/store.h"

#include <QCoreApplication>
#include <QStringList>

#include <cstdio>

using namespace portolan;

namespace {

int fail(const Error& error)
{
    std::printf("error %s %s %s\n", std::string(toString(error.kind)).c_str(),
                error.name.empty() ? "-" : error.name.c_str(), error.message.c_str());
    std::fflush(stdout);
    return 2;
}

// A run whose step count follows from its position, so a reader can tell a complete run.
ProbeRunRecord makeRun(qint64 index, const QString& host, int payload)
{
    ProbeRunRecord run;
    run.actor = Actor{host, QStringLiteral("writer"), false};
    run.kind = ProbeKind::AcquireAssociateBind;
    run.protocol = Protocol::Tcp;
    run.spec = SocketSpec::forProtocol(Protocol::Tcp);
    run.address = QStringLiteral("127.0.0.1");
    run.requested = PortRange{quint16(50000 + index % 1000), 10};
    run.granted = run.requested;
    run.token = 0xF000000000000000ULL + quint64(index);
    run.ok = true;
    run.summary = QStringLiteral("writer run %1").arg(index);
    if (payload > 0)
        run.parameters = QString(payload, QLatin1Char('x'));
    const int steps = 1 + int(index % 5);
    for (int i = 0; i < steps; ++i) {
        ProbeStepRecord step;
        step.kind = StepKind(i % 8);
        step.ok = true;
        step.durationUs = 10 + i;
        step.detail = QStringLiteral("step %1 of run %2").arg(i).arg(index);
        run.steps.append(step);
    }
    return run;
}

} // namespace

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments().mid(1);
    if (args.size() < 2 || (args[0] != QLatin1String("open") && args[0] != QLatin1String("write"))) {
        std::fprintf(stderr, "usage: store_writer open|write DB [--runs N] [--host H] [--payload BYTES]\n");
        return 1;
    }
    qint64 runs = 0;
    int payload = 0;
    QString host = QStringLiteral("writer");
    for (qsizetype i = 2; i + 1 < args.size(); i += 2) {
        if (args[i] == QLatin1String("--runs"))
            runs = args[i + 1].toLongLong();
        else if (args[i] == QLatin1String("--host"))
            host = args[i + 1];
        else if (args[i] == QLatin1String("--payload"))
            payload = args[i + 1].toInt();
    }

    DatabaseOptions options;
    options.path = args[1];
    options.localHost = host;
    Result<std::unique_ptr<Store>> store = Store::open(options);
    if (!store)
        return fail(store.error());
    if (args[0] == QLatin1String("open")) {
        std::printf("opened %d\n", store.value()->database().openedVersion());
        return 0;
    }
    for (qint64 index = 0; runs == 0 || index < runs; ++index) {
        const ProbeRunRecord run = makeRun(index, host, payload);
        Result<qint64> id = store.value()->probeRuns().record(run);
        if (!id)
            return fail(id.error());
        std::printf("committed %lld %d\n", static_cast<long long>(id.value()), int(run.steps.size()));
        std::fflush(stdout);
    }
    return 0;
}
