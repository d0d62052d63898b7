// SPDX-License-Identifier: GPL-3.0-or-later
// The Fleet view on the database that the playbook test (fleet_playbook.py) gathered and
// imported: every host of the inventory is listed with the blocks it has after the desired
// state was applied, both of its snapshots, and the persistent reservation the desired state
// removed shown as missing; "find a port" finds the block the playbook created on every host.
// The playbook test runs this program with PORTOLAN_FLEET_DB (the database) and
// PORTOLAN_FLEET_EXPECT (what it put there, as JSON); run alone it skips.
#include "model/fleet/fleetmodel.h"
#include "model/store/store.h"
#include "ui/fleet/fleetview.h"

#include <QAbstractItemModelTester>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <QSignalSpy>
#include <QTableView>
#include <QTableWidget>
#include <QTest>

#include <memory>

using namespace portolan;

class TestFleetPlaybook : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void everyHostListed();
    void host_data();
    void host();
    void findCreatedBlock();
    void cleanupTestCase();

private:
    QJsonObject m_expect;
    std::unique_ptr<Store> m_store;
    std::unique_ptr<ui::FleetView> m_view;
};

void TestFleetPlaybook::initTestCase()
{
    const QString db = qEnvironmentVariable("PORTOLAN_FLEET_DB");
    const QString expect = qEnvironmentVariable("PORTOLAN_FLEET_EXPECT");
    if (db.isEmpty() || expect.isEmpty())
        QSKIP("PORTOLAN_FLEET_DB and PORTOLAN_FLEET_EXPECT are not set: the ansible.fleet test "
              "(tests/ansible/fleet_playbook.py) runs this program on the database it made");
    QFile file(expect);
    QVERIFY2(file.open(QIODevice::ReadOnly), qPrintable(expect));
    m_expect = QJsonDocument::fromJson(file.readAll()).object();
    QVERIFY(!m_expect.value(QStringLiteral("hosts")).toArray().isEmpty());

    auto store = Store::open({.path = db});
    QVERIFY2(store, store ? "" : qPrintable(QString::fromStdString(store.error().message)));
    m_store = std::move(store.value());
    m_view = std::make_unique<ui::FleetView>(*m_store, QStringLiteral("the-controller"));
    new QAbstractItemModelTester(
        m_view->model(), QAbstractItemModelTester::FailureReportingMode::QtTest, m_view.get());
    QSignalSpy loaded(m_view.get(), &ui::FleetView::hostsLoaded);
    m_view->resize(1280, 800);
    m_view->show();
    QVERIFY(loaded.count() > 0 || loaded.wait(30000));
}

void TestFleetPlaybook::everyHostListed()
{
    QSet<QString> listed;
    const FleetModel* model = m_view->model();
    for (int row = 0; row < model->rowCount(); ++row)
        listed << model->index(row, FleetModel::Host).data().toString();
    QSet<QString> wanted;
    for (const QJsonValue& h : m_expect.value(QStringLiteral("hosts")).toArray())
        wanted << h.toObject().value(QStringLiteral("host")).toString();
    QCOMPARE(listed, wanted);
    QCOMPARE(m_view->table()->model()->rowCount(), wanted.size());
}

void TestFleetPlaybook::host_data()
{
    QTest::addColumn<QString>("host");
    QTest::addColumn<int>("persistent");
    QTest::addColumn<int>("runtime");
    QTest::addColumn<int>("snapshots");
    QTest::addColumn<QString>("missing");
    for (const QJsonValue& value : m_expect.value(QStringLiteral("hosts")).toArray()) {
        const QJsonObject h = value.toObject();
        const QString name = h.value(QStringLiteral("host")).toString();
        QTest::newRow(qPrintable(name)) << name << h.value(QStringLiteral("persistent")).toInt()
                                        << h.value(QStringLiteral("runtime")).toInt()
                                        << h.value(QStringLiteral("snapshots")).toInt()
                                        << h.value(QStringLiteral("missing")).toString();
    }
}

// The row a user reads: the counts after the apply, two snapshots, and on the host that gave
// up a block, that block named as missing (and on no other host).
void TestFleetPlaybook::host()
{
    QFETCH(QString, host);
    QFETCH(int, persistent);
    QFETCH(int, runtime);
    QFETCH(int, snapshots);
    QFETCH(QString, missing);
    const FleetModel* model = m_view->model();
    const int row = model->rowOf(host);
    QVERIFY2(row >= 0, qPrintable(host + QStringLiteral(" is not listed")));
    QCOMPARE(model->index(row, FleetModel::Persistent).data().toInt(), persistent);
    QCOMPARE(model->index(row, FleetModel::Runtime).data().toInt(), runtime);
    QCOMPARE(model->index(row, FleetModel::Snapshots).data().toInt(), snapshots);
    const QString problems = model->index(row, FleetModel::Problems).data().toString();
    if (missing.isEmpty()) {
        QVERIFY2(!problems.contains(QStringLiteral("missing")), qPrintable(problems));
    } else {
        QVERIFY2(problems.contains(missing), qPrintable(problems));
        QVERIFY2(problems.contains(QStringLiteral("missing")), qPrintable(problems));
    }
}

void TestFleetPlaybook::findCreatedBlock()
{
    const QJsonObject find = m_expect.value(QStringLiteral("find")).toObject();
    const int port = find.value(QStringLiteral("port")).toInt();
    QSignalSpy finished(m_view.get(), &ui::FleetView::findFinished);
    m_view->find(Protocol::Tcp, port);
    QVERIFY(finished.wait(30000));
    QSet<QString> holders;
    for (const PortHolder& holder : m_view->foundHolders()) {
        QVERIFY(holder.block.persistent);
        holders << holder.host;
    }
    QSet<QString> wanted;
    for (const QJsonValue& h : m_expect.value(QStringLiteral("hosts")).toArray())
        wanted << h.toObject().value(QStringLiteral("host")).toString();
    QCOMPARE(holders, wanted);
    QCOMPARE(m_view->findResults()->rowCount(), wanted.size());
}

void TestFleetPlaybook::cleanupTestCase()
{
    m_view.reset();
    m_store.reset();
}

QTEST_MAIN(TestFleetPlaybook)
#include "tst_fleetplaybook.moc"
