// SPDX-License-Identifier: GPL-3.0-or-later
// Why a bind fails, a free block for the New reservation dialog, and the dynamic range's health
// line with "Restore Windows' default", on the simulated developer and installer machines.

#include "viewsfixture.h"

#include "ui/diagnose/explanationpanel.h"
#include "ui/diagnose/rangehealthline.h"
#include "ui/probes/probesview.h"
#include "ui/reservations/blockinput.h"
#include "ui/reservations/newreservationdialog.h"

#include "model/services/diagnoseservice.h"
#include "model/store/auditlog.h"

#include "platform/simulated/simulatedcontrol.h"

#include <QApplication>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>

using namespace portolan;
using namespace portolan::ui;
using namespace portolan::testing;

namespace {

// A simulated machine in memory, a database and the diagnosis service.
struct Machine
{
    QTemporaryDir dir;
    std::shared_ptr<SimulatedBackend> backend;
    std::unique_ptr<Store> store;
    std::unique_ptr<DiagnoseService> diagnose;

    bool open(const char* scenario)
    {
        auto simulated = SimulatedBackend::open(SimulatedOptions{
            scenarioPath(scenario).toStdString(), std::string(SimulatedBackend::kMemoryState)});
        if (!simulated)
            return false;
        backend = std::move(simulated.value());
        DatabaseOptions options;
        options.path = dir.filePath(QStringLiteral("portolan.sqlite"));
        options.localHost = QString::fromStdString(backend->hostName());
        auto opened = Store::open(options);
        if (!opened)
            return false;
        store = std::move(opened.value());
        diagnose = std::make_unique<DiagnoseService>(backend, store.get());
        return true;
    }
    ~Machine() { diagnose.reset(); }

    qint64 rangeAuditRows(std::optional<bool> ok = {}) const
    {
        AuditFilter filter;
        filter.action = AuditAction::DynamicRange;
        filter.ok = ok;
        auto counted = store->audit().count(filter);
        return counted ? counted.value() : -1;
    }
};

} // namespace

class TestDiagnose : public QObject
{
    Q_OBJECT

private slots:
    void explanationPanel_data();
    void explanationPanel();
    void probesViewExplainsRefusedBind();
    void healthLine_data();
    void healthLine();
    void restoreRange_data();
    void restoreRange();
    void findFreeBlock_data();
    void findFreeBlock();
};

void TestDiagnose::explanationPanel_data()
{
    QTest::addColumn<int>("port");
    QTest::addColumn<QStringList>("causeParts");
    QTest::addColumn<QString>("firstRemedy");

    QTest::newRow("WinNAT's block")
        << 3000
        << QStringList{QStringLiteral("2869–3368"), QStringLiteral("Windows NAT (WinNAT)"),
                       QStringLiteral("evidence: scenario")}
        << QStringLiteral("Use port 2868 instead");
    QTest::newRow("node.exe listens") << 5173 << QStringList{QStringLiteral("node.exe (pid 14236)")}
                                      << QStringLiteral("Use port 5172 instead");
}

void TestDiagnose::explanationPanel()
{
    QFETCH(int, port);
    QFETCH(QStringList, causeParts);
    QFETCH(QString, firstRemedy);
    Machine machine;
    QVERIFY(machine.open("developer.json"));
    ExplanationPanel panel(*machine.diagnose);
    QSignalSpy shown(&panel, &ExplanationPanel::explanationShown);
    panel.explain({Protocol::Tcp, quint16(port)});
    QVERIFY(panel.isVisibleTo(nullptr) || !panel.isHidden());
    QVERIFY(shown.wait(10000));
    QVERIFY(!panel.waiting());
    for (const QString& part : causeParts)
        QVERIFY2(panel.causeLabel()->text().contains(part), qPrintable(panel.causeLabel()->text()));
    const QString remedies = panel.remediesLabel()->text();
    QVERIFY2(remedies.contains(firstRemedy), qPrintable(remedies));
    // The first remedy is listed first, each with its cost.
    QVERIFY(remedies.indexOf(firstRemedy) < remedies.indexOf(QStringLiteral("Stop ")));
    QVERIFY(remedies.contains(QStringLiteral("<i>")));
}

void TestDiagnose::probesViewExplainsRefusedBind()
{
    ViewsFixture fixture;
    QVERIFY(fixture.open());
    DiagnoseService diagnose(fixture.backend, fixture.store.get());
    ProbesView view(*fixture.probes);
    view.setDiagnoseService(&diagnose);
    QVERIFY(view.explanationPanel() != nullptr);
    view.show();
    QSignalSpy shown(view.explanationPanel(), &ExplanationPanel::explanationShown);
    QVERIFY(view.prepareScreenshot(QStringLiteral("bind3000")));
    QVERIFY(shown.wait(10000));
    QVERIFY(view.explanationPanel()->isVisible());
    QVERIFY(view.explanationPanel()->causeLabel()->text().contains(
        QStringLiteral("Windows NAT (WinNAT)")));

    // A bind that succeeds leaves nothing to explain.
    QSignalSpy finished(&view, &ProbesView::runFinished);
    QVERIFY(view.prepareScreenshot(QStringLiteral("bind4000")));
    QVERIFY(finished.wait(10000));
    QVERIFY(!view.explanationPanel()->isVisible());
}

void TestDiagnose::healthLine_data()
{
    QTest::addColumn<QString>("scenario");
    QTest::addColumn<QString>("line");
    QTest::addColumn<bool>("canRestore");

    QTest::newRow("developer: Windows' default")
        << QStringLiteral("developer.json")
        << QStringLiteral("Dynamic range: Windows' default (49152–65535)") << false;
    QTest::newRow("installer moved it to 1024")
        << QStringLiteral("installer-range.json")
        << QStringLiteral("The TCP dynamic range starts at 1024: ports 3000, 3306, 4200 … lie "
                          "inside it")
        << true;
}

void TestDiagnose::healthLine()
{
    QFETCH(QString, scenario);
    QFETCH(QString, line);
    QFETCH(bool, canRestore);
    Machine machine;
    QVERIFY(machine.open(qPrintable(scenario)));
    RangeHealthLine health(*machine.diagnose);
    health.show();
    QSignalSpy shown(&health, &RangeHealthLine::healthShown);
    health.refresh();
    QVERIFY(shown.wait(10000));
    QCOMPARE(health.textLabel()->text(), line);
    QCOMPARE(health.restoreButton()->isVisible(), canRestore);
}

void TestDiagnose::restoreRange_data()
{
    QTest::addColumn<bool>("elevated");
    QTest::addColumn<bool>("ok");
    QTest::addColumn<QString>("status");
    QTest::addColumn<int>("tcpStart");

    QTest::newRow("not elevated: refused, nothing changed")
        << false << false << QStringLiteral("ERROR_ACCESS_DENIED") << 1024;
    QTest::newRow("elevated: Windows' default again")
        << true << true << QStringLiteral("Windows' default again") << 49152;
}

void TestDiagnose::restoreRange()
{
    QFETCH(bool, elevated);
    QFETCH(bool, ok);
    QFETCH(QString, status);
    QFETCH(int, tcpStart);
    Machine machine;
    QVERIFY(machine.open("installer-range.json"));
    QVERIFY(machine.backend->setElevated(elevated).ok());
    RangeHealthLine health(*machine.diagnose);
    health.show();
    QSignalSpy shown(&health, &RangeHealthLine::healthShown);
    health.refresh();
    QVERIFY(shown.wait(10000));

    // The warning comes first; nothing is done until the user confirms.
    QVERIFY(!health.warningLabel()->isVisible());
    QTest::mouseClick(health.restoreButton(), Qt::LeftButton);
    QVERIFY(health.warningLabel()->isVisible());
    QVERIFY(health.warningLabel()->text().contains(QStringLiteral("next boot")));
    QCOMPARE(machine.rangeAuditRows(), 0);

    QSignalSpy finished(&health, &RangeHealthLine::restoreFinished);
    QTest::mouseClick(health.confirmButton(), Qt::LeftButton);
    QVERIFY(finished.wait(10000));
    QCOMPARE(finished.first().at(0).toBool(), ok);
    QVERIFY2(health.statusLabel()->text().contains(status),
             qPrintable(health.statusLabel()->text()));
    QCOMPARE(int(machine.backend->dynamicRange(Protocol::Tcp).value().start), tcpStart);
    // One audit row per protocol changed; a refusal stops at the first.
    QCOMPARE(machine.rangeAuditRows(ok), ok ? 2 : 1);
    if (ok) {
        QCOMPARE(health.textLabel()->text(),
                 QStringLiteral("Dynamic range: Windows' default (49152–65535)"));
        QVERIFY(!health.restoreButton()->isVisible());
    }
}

void TestDiagnose::findFreeBlock_data()
{
    QTest::addColumn<QString>("start");
    QTest::addColumn<QString>("count");
    QTest::addColumn<int>("foundStart");
    QTest::addColumn<int>("foundCount");

    QTest::newRow("10 ports near 3000")
        << QStringLiteral("3000") << QStringLiteral("10") << 2859 << 10;
    QTest::newRow("nothing typed: one port from 1024") << QString() << QString() << 1024 << 1;
}

void TestDiagnose::findFreeBlock()
{
    QFETCH(QString, start);
    QFETCH(QString, count);
    QFETCH(int, foundStart);
    QFETCH(int, foundCount);
    ViewsFixture fixture;
    QVERIFY(fixture.open());
    NewReservationDialog dialog(*fixture.reservations);
    dialog.blockInput()->startEdit()->setText(start);
    dialog.blockInput()->countEdit()->setText(count);
    QSignalSpy found(&dialog, &NewReservationDialog::freeBlockFound);
    QTest::mouseClick(dialog.findFreeButton(), Qt::LeftButton);
    QVERIFY(dialog.searching());
    QVERIFY(found.wait(10000));
    const auto block = found.first().at(0).value<std::optional<PortRange>>();
    QVERIFY(block.has_value());
    QCOMPARE(int(block->start), foundStart);
    QCOMPARE(int(block->count), foundCount);
    QCOMPARE(dialog.blockInput()->startEdit()->text(), QString::number(foundStart));
    QCOMPARE(dialog.blockInput()->countEdit()->text(), QString::number(foundCount));
    QVERIFY(dialog.blockInput()->range().has_value());
}

int main(int argc, char** argv)
{
    useOffscreenUnlessSet();
    QApplication app(argc, argv);
    QApplication::setFont(QFont(QStringLiteral("DejaVu Sans"), 9));
    TestDiagnose test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_diagnose.moc"
