// SPDX-License-Identifier: GPL-3.0-or-later
// The History view: runs recorded by the probe service appear at the top with their steps
// below, audit rows of the reservation service appear in the audit log, the filters narrow
// both, and a big history is paged in, never loaded whole.

#include "viewsfixture.h"

#include "ui/history/historyview.h"
#include "ui/history/pagedhistoryproxy.h"

#include "model/itemmodels/auditlogmodel.h"
#include "model/itemmodels/proberunmodel.h"
#include "model/itemmodels/probestepmodel.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QScrollBar>
#include <QSignalSpy>
#include <QTableView>
#include <QTest>

using namespace portolan;
using namespace portolan::ui;
using namespace portolan::testing;

// Enums of namespace portolan are compared as int (see tst_portmapwidget.cpp).

namespace {

template <typename T> T* child(QWidget& view, const char* name)
{
    T* widget = view.findChild<T*>(QString::fromLatin1(name));
    if (!widget)
        qFatal("no child %s", name);
    return widget;
}

// `count` TCP bind probes of 127.0.0.1, one second apart, oldest first.
QList<ProbeRunRecord> manyRuns(int count, const QDateTime& start)
{
    QList<ProbeRunRecord> runs;
    runs.reserve(count);
    for (int i = 0; i < count; ++i) {
        BindTarget target;
        target.port = quint16(1024 + i % 60000);
        BindProbeResult result;
        result.outcome = BindOutcome::Free;
        result.boundPort = target.port;
        runs.append(probeRunFromBindProbe(
            target, result, Actor{QStringLiteral("DEV-WORKSTATION"), QStringLiteral("admin"), true},
            start.addSecs(i), 42));
    }
    return runs;
}

} // namespace

class TestHistoryView : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void recordedRunsAppearWithTheirSteps();
    void auditLogShowsOperationsAndFilters();
    void runFiltersNarrowTheList();
    void bigHistoryIsPagedIn();
    void filterThatHidesEverythingStopsPaging();

private:
    std::unique_ptr<ViewsFixture> m_fixture;
    std::unique_ptr<HistoryView> m_view;
    std::vector<std::unique_ptr<QAbstractItemModelTester>> m_testers;

    // Model testers call fetchMore() after every change, so the paging tests go without them.
    void makeView(bool withModelTesters = true);
    ProbeRunRecord probe(const std::function<OperationId(ProbeService&)>& start);
};

void TestHistoryView::init()
{
    m_fixture = std::make_unique<ViewsFixture>();
    QVERIFY(m_fixture->open());
}

void TestHistoryView::makeView(bool withModelTesters)
{
    m_view = std::make_unique<HistoryView>(*m_fixture->store, *m_fixture->probes,
                                           *m_fixture->reservations);
    m_view->resize(1280, 720);
    m_view->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_view.get()));
    if (!withModelTesters)
        return;
    for (QAbstractItemModel* model : std::initializer_list<QAbstractItemModel*>{
             m_view->runProxy(), m_view->auditProxy(), m_view->stepModel()})
        m_testers.push_back(std::make_unique<QAbstractItemModelTester>(
            model, QAbstractItemModelTester::FailureReportingMode::QtTest));
}

void TestHistoryView::cleanup()
{
    m_testers.clear();
    m_view.reset();
    m_fixture.reset();
}

ProbeRunRecord TestHistoryView::probe(const std::function<OperationId(ProbeService&)>& start)
{
    QSignalSpy finished(m_fixture->probes.get(), &ProbeService::finished);
    start(*m_fixture->probes);
    if (!finished.wait(10000))
        return {};
    return finished.at(0).at(1).value<ProbeRunRecord>();
}

void TestHistoryView::recordedRunsAppearWithTheirSteps()
{
    // One run from before the view existed, two while it is shown.
    BindTarget target;
    target.port = 3000;
    const ProbeRunRecord old = probe([&](ProbeService& s) { return s.runBindProbe(target); });
    QVERIFY(old.id != 0);
    makeView();
    QCOMPARE(m_view->runProxy()->rowCount(), 1);

    const ProbeRunRecord sample1 = probe([](ProbeService& s) {
        return s.runAcquireRelease(SocketSpec{}, PortRange{0, 10});
    });
    ScanRequest request;
    request.first = 2860;
    request.last = 2880;
    const ProbeRunRecord scan = probe([&](ProbeService& s) { return s.runScan(request); });
    QVERIFY(sample1.id != 0 && scan.id != 0);

    // Newest first, without reloading.
    QTRY_COMPARE(m_view->runProxy()->rowCount(), 3);
    auto idAt = [&](int row) {
        return m_view->runProxy()->index(row, 0).data(RecordIdRole).toLongLong();
    };
    QCOMPARE(idAt(0), scan.id);
    QCOMPARE(idAt(1), sample1.id);
    QCOMPARE(idAt(2), old.id);
    QVERIFY(child<QLabel>(*m_view, "runCount")->text().contains(QStringLiteral("3 run")));

    // Selecting a run (keyboard: the table has focus, Down moves) shows its steps.
    QTableView* runs = m_view->runTable();
    runs->setFocus();
    runs->setCurrentIndex(m_view->runProxy()->index(0, 0));
    QTest::keyClick(runs, Qt::Key_Down);
    QCOMPARE(m_view->stepModel()->runId(), sample1.id);
    QCOMPARE(m_view->stepModel()->rowCount(), 4); // open, acquire, release, close
    QVERIFY(child<QLabel>(*m_view, "stepTitle")->text().contains(QString::number(sample1.id)));

    QVERIFY(m_view->selectRun(old.id));
    QCOMPARE(m_view->stepModel()->rowCount(), 1);
    QCOMPARE(m_view->stepModel()->index(0, ProbeStepModel::ResultColumn).data().toString(),
             QStringLiteral("forbidden"));
    QCOMPARE(m_view->stepModel()->index(0, ProbeStepModel::CodeColumn).data().toString(),
             QStringLiteral("WSAEACCES (10013)"));

    QVERIFY(m_view->selectRun(scan.id));
    QCOMPARE(m_view->stepModel()->rowCount(), 2); // 2860-2868 free, 2869-2880 forbidden
}

void TestHistoryView::auditLogShowsOperationsAndFilters()
{
    makeView();
    m_view->showAudit();
    QCOMPARE(m_view->auditProxy()->rowCount(), 0);

    QSignalSpy finished(m_fixture->reservations.get(), &ReservationService::operationFinished);
    m_fixture->reservations->create(Protocol::Tcp, PortRange{40000, 10}, QStringLiteral("test"));
    QVERIFY(finished.wait(10000));
    m_fixture->reservations->create(Protocol::Udp, PortRange{41000, 5});
    QVERIFY(finished.wait(10000));
    // Refused: overlaps WinNAT's runtime block.
    m_fixture->reservations->create(Protocol::Tcp, PortRange{3000, 1});
    QVERIFY(finished.wait(10000));

    QTRY_COMPARE(m_view->auditProxy()->rowCount(), 3);
    QCOMPARE(m_view->auditProxy()->index(0, AuditLogModel::ResultColumn).data().toString(),
             QStringLiteral("failed"));

    auto* protocol = child<QComboBox>(*m_view, "auditFilterProtocol");
    protocol->setCurrentIndex(protocol->findText(QStringLiteral("UDP")));
    QCOMPARE(m_view->auditProxy()->rowCount(), 1);
    protocol->setCurrentIndex(0);
    QCOMPARE(m_view->auditProxy()->rowCount(), 3);

    // The result is asked of the database, on the model's own thread: the old rows stay
    // until the new page arrives.
    auto* result = child<QComboBox>(*m_view, "auditFilterResult");
    result->setCurrentIndex(result->findText(QStringLiteral("failed")));
    QVERIFY(m_view->auditModel()->isSearching());
    QVERIFY2(child<QLabel>(*m_view, "auditCount")->text().contains(QStringLiteral("Searching")),
             qPrintable(child<QLabel>(*m_view, "auditCount")->text()));
    QTRY_VERIFY(!m_view->auditModel()->isSearching());
    QCOMPARE(m_view->auditProxy()->rowCount(), 1);
    result->setCurrentIndex(0);
    QTRY_VERIFY(!m_view->auditModel()->isSearching());

    // Typing filters after a short pause (the database is asked once, not per key).
    QTest::keyClicks(child<QLineEdit>(*m_view, "auditFilterText"), QStringLiteral("41000"));
    QTRY_COMPARE(m_view->auditProxy()->rowCount(), 1);
    QTest::keyClicks(child<QLineEdit>(*m_view, "auditFilterText"), QStringLiteral("nothing"));
    QTRY_COMPARE(m_view->auditProxy()->rowCount(), 0);
}

void TestHistoryView::runFiltersNarrowTheList()
{
    BindTarget target;
    target.port = 3000;
    probe([&](ProbeService& s) { return s.runBindProbe(target); });
    target.port = 4000;
    target.protocol = Protocol::Udp;
    probe([&](ProbeService& s) { return s.runBindProbe(target); });
    probe([](ProbeService& s) { return s.runAcquireRelease(SocketSpec{}, PortRange{0, 10}); });
    makeView();
    QCOMPARE(m_view->runProxy()->rowCount(), 3);

    auto* kind = child<QComboBox>(*m_view, "runFilterKind");
    kind->setCurrentIndex(kind->findData(int(ProbeKind::BindProbe)));
    QTRY_VERIFY(!m_view->runModel()->isSearching());
    QCOMPARE(m_view->runProxy()->rowCount(), 2);
    auto* protocol = child<QComboBox>(*m_view, "runFilterProtocol");
    protocol->setCurrentIndex(protocol->findText(QStringLiteral("UDP")));
    QCOMPARE(m_view->runProxy()->rowCount(), 1);
    kind->setCurrentIndex(0);
    protocol->setCurrentIndex(0);
    auto* result = child<QComboBox>(*m_view, "runFilterResult");
    result->setCurrentIndex(result->findData(int(HistoryOutcome::Failed)));
    QTRY_VERIFY(!m_view->runModel()->isSearching());
    QCOMPARE(m_view->runProxy()->rowCount(), 1); // the forbidden bind of 3000
    result->setCurrentIndex(0);
    QTRY_VERIFY(!m_view->runModel()->isSearching());

    // The summary names the protocol ("bind UDP 127.0.0.1:4000: free"); LIKE ignores case.
    QTest::keyClicks(child<QLineEdit>(*m_view, "runFilterText"), QStringLiteral("udp"));
    QTRY_COMPARE(m_view->runProxy()->rowCount(), 1);
}

void TestHistoryView::bigHistoryIsPagedIn()
{
    const int total = 5000;
    auto recorded = m_fixture->store->probeRuns().recordMany(
        manyRuns(total, QDateTime::currentDateTimeUtc().addDays(-1)));
    QVERIFY(recorded.ok());
    makeView(false);
    QTest::qWait(100); // let the view ask for what it shows

    const int page = m_view->runModel()->pageSize();
    const int loaded = m_view->runModel()->rowCount();
    QVERIFY2(loaded >= 1 && loaded <= 2 * page, qPrintable(QString::number(loaded)));
    QVERIFY(m_view->runModel()->canFetchMore({}));
    QVERIFY(child<QLabel>(*m_view, "runCount")->text().contains(QStringLiteral("older ones load")));
    // The newest run is on top.
    QCOMPARE(m_view->runProxy()->index(0, 0).data(RecordIdRole).toLongLong(), recorded->last());

    // Scrolling to the end brings one more page, not the rest.
    QTableView* table = m_view->runTable();
    table->scrollToBottom();
    QTRY_VERIFY(m_view->runModel()->rowCount() > loaded);
    QTest::qWait(100);
    QVERIFY2(m_view->runModel()->rowCount() <= loaded + 2 * page,
             qPrintable(QString::number(m_view->runModel()->rowCount())));
}

void TestHistoryView::filterThatHidesEverythingStopsPaging()
{
    const int total = 3000; // all TCP
    QVERIFY(m_fixture->store->probeRuns()
                .recordMany(manyRuns(total, QDateTime::currentDateTimeUtc().addDays(-1)))
                .ok());
    makeView(false);
    const int page = m_view->runModel()->pageSize();
    auto* protocol = child<QComboBox>(*m_view, "runFilterProtocol");
    protocol->setCurrentIndex(protocol->findText(QStringLiteral("UDP")));
    QTest::qWait(200); // whatever the view fetches by itself
    const int loaded = m_view->runModel()->rowCount();
    QVERIFY2(loaded <= (PagedHistoryProxy::kMaxBarrenFetches + 1) * page,
             qPrintable(QString::number(loaded)));
    QCOMPARE(m_view->runProxy()->rowCount(), 0);
    QVERIFY(
        child<QLabel>(*m_view, "runCount")->text().contains(QStringLiteral("searched on request")));

    // Anyone asking again and again (a view, a tester) gets a few pages, not the table.
    for (int i = 0; i < 50; ++i)
        if (m_view->runProxy()->canFetchMore({}))
            m_view->runProxy()->fetchMore({});
    QVERIFY(m_view->runProxy()->isPaused());
    const int guarded = m_view->runModel()->rowCount();
    QVERIFY2(guarded <= loaded + PagedHistoryProxy::kMaxBarrenFetches * page,
             qPrintable(QString::number(guarded)));

    // The user's explicit search reads a bounded number of older pages.
    auto* more = child<QPushButton>(*m_view, "runMore");
    QVERIFY(more->isVisible());
    QTest::mouseClick(more, Qt::LeftButton);
    const int searched = m_view->runModel()->rowCount();
    QVERIFY(searched > guarded);
    QVERIFY2(searched <= guarded + PagedHistoryProxy::kMaxBarrenFetches * page,
             qPrintable(QString::number(searched)));
    QCOMPARE(m_view->runProxy()->rowCount(), 0);

    // Clearing the filter shows the rows and hides the button.
    protocol->setCurrentIndex(0);
    QVERIFY(!m_view->runProxy()->isPaused());
    QVERIFY(m_view->runProxy()->rowCount() > 0);
    QVERIFY(!more->isVisible());
}

int main(int argc, char** argv)
{
    useOffscreenUnlessSet();
    QApplication app(argc, argv);
    QApplication::setFont(QFont(QStringLiteral("DejaVu Sans"), 9));
    TestHistoryView test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_historyview.moc"
