// SPDX-License-Identifier: GPL-3.0-or-later
// The stored texts of the enumerations never change: they are in every database out there.
#include "storetestsupport.h"

using namespace portolan;

class RecordsTest : public QObject
{
    Q_OBJECT

private slots:
    void storedTextsAreStable_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("parsedBack");
        auto row = [](const QString& text, const QString& back) {
            QTest::newRow(qPrintable(text)) << text << back;
        };
        for (auto v : {ReservationSource::Created, ReservationSource::LookedUp,
                       ReservationSource::Discovered, ReservationSource::Imported})
            row(toText(v), toText(parseReservationSource(toText(v)).value()));
        for (auto v : {ReservationState::Present, ReservationState::Missing, ReservationState::Unverified})
            row(toText(v), toText(parseReservationState(toText(v)).value()));
        for (auto v : {AuditAction::Create, AuditAction::Delete, AuditAction::Lookup, AuditAction::Note,
                       AuditAction::Protect})
            row(toText(v), toText(parseAuditAction(toText(v)).value()));
        for (int i = 0; i <= int(ProbeKind::Scan); ++i)
            row(toText(ProbeKind(i)), toText(parseProbeKind(toText(ProbeKind(i))).value()));
        for (int i = 0; i <= int(StepKind::ScanRun); ++i)
            row(QStringLiteral("step ") + toText(StepKind(i)),
                QStringLiteral("step ") + toText(parseStepKind(toText(StepKind(i))).value()));
    }

    void storedTextsAreStable()
    {
        QFETCH(QString, text);
        QFETCH(QString, parsedBack);
        QCOMPARE(parsedBack, text);
    }

    void exactTexts()
    {
        const QStringList all{
            toText(ReservationSource::Created), toText(ReservationSource::LookedUp),
            toText(ReservationSource::Discovered), toText(ReservationSource::Imported),
            toText(ReservationState::Present), toText(ReservationState::Missing),
            toText(ReservationState::Unverified), toText(AuditAction::Create),
            toText(AuditAction::Delete), toText(AuditAction::Lookup), toText(AuditAction::Note),
            toText(ProbeKind::AcquireRelease), toText(ProbeKind::LookupAssociate),
            toText(ProbeKind::AcquireAssociateBind), toText(ProbeKind::BindProbe),
            toText(ProbeKind::Scan), toText(StepKind::GetSockName), toText(StepKind::ScanRun),
            toText(StepKind::OpenSocket)};
        QCOMPARE(all, (QStringList{QStringLiteral("created"), QStringLiteral("looked-up"),
                                   QStringLiteral("discovered"), QStringLiteral("imported"),
                                   QStringLiteral("present"), QStringLiteral("missing"),
                                   QStringLiteral("unverified"), QStringLiteral("create"),
                                   QStringLiteral("delete"), QStringLiteral("lookup"),
                                   QStringLiteral("note"), QStringLiteral("acquire-release"),
                                   QStringLiteral("lookup-associate"),
                                   QStringLiteral("acquire-associate-bind"),
                                   QStringLiteral("bind-probe"), QStringLiteral("scan"),
                                   QStringLiteral("getsockname"), QStringLiteral("scan-run"),
                                   QStringLiteral("open-socket")}));
    }

    void unknownTextsAreRefused_data()
    {
        QTest::addColumn<QString>("text");
        QTest::newRow("empty") << QString();
        QTest::newRow("upper case") << QStringLiteral("Created");
        QTest::newRow("underscore") << QStringLiteral("looked_up");
        QTest::newRow("padded") << QStringLiteral(" present");
    }

    void unknownTextsAreRefused()
    {
        QFETCH(QString, text);
        QVERIFY(!parseReservationSource(text));
        QVERIFY(!parseReservationState(text));
        QVERIFY(!parseAuditAction(text));
        QVERIFY(!parseProbeKind(text));
        QVERIFY(!parseStepKind(text));
        QVERIFY(!parseBindOutcome(text));
    }

    // Every platform step has its stored name, the same word the CLI prints.
    void platformStepsKeepTheirNames()
    {
        for (ProbeStepKind kind : {ProbeStepKind::OpenSocket, ProbeStepKind::Acquire, ProbeStepKind::Lookup,
                                   ProbeStepKind::Associate, ProbeStepKind::Bind, ProbeStepKind::GetSockName,
                                   ProbeStepKind::Release, ProbeStepKind::Close})
            QCOMPARE(toText(toStepKind(kind)), QString::fromUtf8(toString(kind)));
    }

    void failedPlanSummaryNamesTheStep()
    {
        ProbeReport report;
        report.plan = "acquire-release";
        report.spec = SocketSpec::forProtocol(Protocol::Udp);
        report.requested = PortRange{50000, 10};
        ProbeStep open;
        open.kind = ProbeStepKind::OpenSocket;
        open.ok = true;
        ProbeStep acquire;
        acquire.kind = ProbeStepKind::Acquire;
        acquire.error = Error{ErrorKind::Conflict, 10048, "WSAEADDRINUSE", "in use"};
        report.steps = {open, acquire};
        const ProbeRunRecord run = probeRunFromReport(report, Actor{}, QDateTime());
        QCOMPARE(run.summary, QStringLiteral("acquire-release udp 50000-50009: failed at acquire (WSAEADDRINUSE)"));
        QVERIFY(!run.ok);
        QCOMPARE(testing::shown(run.protocol), testing::shown(Protocol::Udp));
        QCOMPARE(run.steps.size(), 2);
        QCOMPARE(run.steps[1].seq, 1);
    }
};

QTEST_GUILESS_MAIN(RecordsTest)
#include "tst_records.moc"
