// SPDX-License-Identifier: GPL-3.0-or-later
// The shell's dialogs against the simulated developer machine: New reservation (validation
// as the user types, the pre-flight findings, refusals explained with their native code),
// Lookup (the token), Delete (the exact block), and the error presenter they share.

#include "tst_mainwindow_fixture.h"

#include "ui/reservations/blockinput.h"
#include "ui/reservations/deletedialog.h"
#include "ui/elevation.h"
#include "ui/errorpresenter.h"
#include "ui/reservations/lookupdialog.h"
#include "ui/reservations/newreservationdialog.h"

#include "model/itemmodels/inventorymodel.h"

#include "platform/nativecodes.h"

#include <QApplication>
#include <QClipboard>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QRadioButton>

using namespace portolan;
using namespace portolan::ui;
using portolan::shelltest::Console;
using portolan::shelltest::typeText;

namespace {

enum class Field { Start, Count, End };

QLabel* errorLabel(BlockInput* input, Field field)
{
    switch (field) {
    case Field::Start: return input->startError();
    case Field::Count: return input->countError();
    case Field::End: return input->endError();
    }
    return nullptr;
}

QStringList findingTexts(const NewReservationDialog& dialog)
{
    QStringList texts;
    for (int i = 0; i < dialog.findingsList()->count(); ++i)
        texts << dialog.findingsList()->item(i)->text();
    return texts;
}

// Types a block into the dialog and waits for its pre-flight to be shown.
bool enterBlock(NewReservationDialog& dialog, Protocol protocol, const QString& start,
                const QString& count)
{
    dialog.blockInput()->setProtocol(protocol);
    typeText(dialog.blockInput()->startEdit(), start);
    typeText(dialog.blockInput()->countEdit(), count);
    return QTest::qWaitFor([&dialog] { return dialog.preflight().has_value(); }, 10000);
}

} // namespace

class DialogsTest : public QObject
{
    Q_OBJECT

private slots:
    void createsTheTypedBlock();
    void endModeComputesTheCount();
    void badInputShowsTheFieldsErrorAndCreatesNothing_data();
    void badInputShowsTheFieldsErrorAndCreatesNothing();
    void overlapAndListenerBlockCreate();
    void listenerFindingNamesTheProcess();
    void notElevatedIsSaidBeforeAndExplainedAfter();
    void systemRefusalShowsNativeCodeAndRemedy();
    void listenerAppearingAfterTheCheckIsRefusedByPreflight();
    void lookupShowsTheTokenInHex();
    void lookupOfAnUnknownBlockSaysNotFound();
    void deleteConfirmsTheExactBlock();
    void deleteRefusedWithoutElevation();
    void errorPresenterNamesTheNativeCode();
};

void DialogsTest::createsTheTypedBlock()
{
    auto console = Console::make();
    QVERIFY(console);
    InventoryModel model(*console->store, console->reservations.get());
    const int before = model.rowCount();

    NewReservationDialog dialog(*console->reservations);
    dialog.show();
    QVERIFY(!dialog.createButton()->isEnabled()); // nothing typed yet
    QVERIFY(enterBlock(dialog, Protocol::Tcp, QStringLiteral("5000"), QStringLiteral("20")));
    typeText(dialog.noteEdit(), QStringLiteral("build agents"));
    QVERIFY(dialog.createButton()->isEnabled());
    QVERIFY(!dialog.preflight()->blocked());

    QSignalSpy finished(&dialog, &NewReservationDialog::createFinished);
    QTest::mouseClick(dialog.createButton(), Qt::LeftButton);
    QVERIFY(finished.wait(10000));
    QVERIFY(dialog.outcome()->ok);
    QCOMPARE(dialog.result(), int(QDialog::Accepted));

    QTRY_COMPARE(model.rowCount(), before + 1);
    const int row = [&model] {
        for (int i = 0; i < model.rowCount(); ++i)
            if (model.record(i).start == 5000)
                return i;
        return -1;
    }();
    QVERIFY(row >= 0);
    QCOMPARE(model.record(row).count, quint16(20));
    QCOMPARE(model.record(row).note, QStringLiteral("build agents"));
    QVERIFY(model.record(row).token != 0);
    // And on the (simulated) system.
    QVERIFY(console->backend->lookupPersistent(Protocol::Tcp, PortRange{5000, 20}).ok());
}

void DialogsTest::endModeComputesTheCount()
{
    auto console = Console::make();
    QVERIFY(console);
    NewReservationDialog dialog(*console->reservations);
    dialog.show();
    BlockInput* input = dialog.blockInput();
    QTest::mouseClick(input->endRadio(), Qt::LeftButton);
    QVERIFY(input->usesEnd());
    typeText(input->startEdit(), QStringLiteral("6000"));
    typeText(input->endEdit(), QStringLiteral("6009"));
    QVERIFY(input->range().has_value());
    QCOMPARE(int(input->range()->start), 6000);
    QCOMPARE(int(input->range()->count), 10);
    QCOMPARE(input->countEdit()->text(), QStringLiteral("10")); // the linked field follows
    QVERIFY(input->countEdit()->isReadOnly());
}

void DialogsTest::badInputShowsTheFieldsErrorAndCreatesNothing_data()
{
    QTest::addColumn<QString>("start");
    QTest::addColumn<QString>("second"); // count, or end when useEnd
    QTest::addColumn<bool>("useEnd");
    QTest::addColumn<int>("field");

    const int start = int(Field::Start), count = int(Field::Count), end = int(Field::End);
    QTest::newRow("start empty") << "" << "20" << false << start;
    QTest::newRow("start 0") << "0" << "20" << false << start;
    QTest::newRow("start 65536") << "65536" << "1" << false << start;
    QTest::newRow("start 70000") << "70000" << "1" << false << start;
    QTest::newRow("start letters") << "abc" << "20" << false << start;
    QTest::newRow("start 1e3") << "1e3" << "20" << false << start;
    QTest::newRow("start 0x50") << "0x50" << "20" << false << start;
    QTest::newRow("start with a space") << "50 00" << "20" << false << start;
    QTest::newRow("start negative") << "-5000" << "20" << false << start;
    QTest::newRow("start full-width digits") << QString::fromUtf8("５０００") << "20" << false << start;
    QTest::newRow("start Arabic-Indic digits") << QString::fromUtf8("٥٠٠٠") << "20" << false << start;
    QTest::newRow("count empty") << "5000" << "" << false << count;
    QTest::newRow("count 0") << "5000" << "0" << false << count;
    QTest::newRow("count 65536") << "1" << "65536" << false << count;
    QTest::newRow("count 70000") << "5000" << "70000" << false << count;
    QTest::newRow("count letters") << "5000" << "twenty" << false << count;
    QTest::newRow("count 1e3") << "5000" << "1e3" << false << count;
    QTest::newRow("count 0x50") << "5000" << "0x50" << false << count;
    QTest::newRow("block past 65535") << "65530" << "10" << false << count;
    QTest::newRow("end before start") << "5000" << "4999" << true << end;
    QTest::newRow("end 70000") << "65530" << "70000" << true << end;
    QTest::newRow("end empty") << "5000" << "" << true << end;
    QTest::newRow("end letters") << "5000" << "end" << true << end;
}

void DialogsTest::badInputShowsTheFieldsErrorAndCreatesNothing()
{
    QFETCH(QString, start);
    QFETCH(QString, second);
    QFETCH(bool, useEnd);
    QFETCH(int, field);

    auto console = Console::make();
    QVERIFY(console);
    QVERIFY(console->settle());
    const qint64 inventoryBefore = console->inventoryCount();
    const qint64 auditBefore = console->auditCount();
    const auto blocksBefore = console->backend->listReservations(std::nullopt).value();

    NewReservationDialog dialog(*console->reservations);
    dialog.show();
    BlockInput* input = dialog.blockInput();
    if (useEnd)
        QTest::mouseClick(input->endRadio(), Qt::LeftButton);
    // The second field first (typed and, for "empty", cleared again), then the start.
    typeText(useEnd ? input->endEdit() : input->countEdit(), second.isEmpty() ? QStringLiteral("9") : second);
    if (second.isEmpty())
        typeText(useEnd ? input->endEdit() : input->countEdit(), QString());
    typeText(input->startEdit(), start.isEmpty() ? QStringLiteral("9") : start);
    if (start.isEmpty())
        typeText(input->startEdit(), QString());

    QLabel* expected = errorLabel(input, Field(field));
    QVERIFY2(expected->isVisible(), "the field's error is not shown");
    QVERIFY(!expected->text().isEmpty());
    // Next to its field, the message says which values are allowed (docs/bad-input.md).
    QVERIFY2(expected->text().contains(QStringLiteral("allowed"))
                 || expected->text().startsWith(QStringLiteral("Required: a whole number from 1 to")),
             qPrintable(expected->text()));
    // The other field's value is fine in every row: only the wrong one is marked.
    for (Field other : {Field::Start, Field::Count, Field::End}) {
        if (int(other) != field)
            QVERIFY2(!errorLabel(input, other)->isVisible(),
                     qPrintable(QStringLiteral("unexpected error: ") + errorLabel(input, other)->text()));
    }
    QVERIFY(!input->range().has_value());
    QVERIFY(!dialog.createButton()->isEnabled());

    // Enter on the dialog and a click on the disabled button do nothing either.
    QTest::keyClick(&dialog, Qt::Key_Return);
    QTest::mouseClick(dialog.createButton(), Qt::LeftButton);
    QTest::qWait(NewReservationDialog::kPreflightDelayMs + 200);
    QVERIFY(console->settle());
    QVERIFY(!dialog.outcome().has_value());
    QCOMPARE(console->inventoryCount(), inventoryBefore);
    QCOMPARE(console->auditCount(), auditBefore);
    QCOMPARE(console->backend->listReservations(std::nullopt).value().size(), blocksBefore.size());
}

void DialogsTest::overlapAndListenerBlockCreate()
{
    auto console = Console::make();
    QVERIFY(console);
    NewReservationDialog dialog(*console->reservations);
    dialog.show();
    // 5030-5049 overlaps the persistent 5037, where adb.exe listens.
    QVERIFY(enterBlock(dialog, Protocol::Tcp, QStringLiteral("5030"), QStringLiteral("20")));
    QVERIFY(dialog.preflight()->blocked());
    QVERIFY(dialog.preflight()->has(FindingKind::OverlapKnownReservation));
    QVERIFY(dialog.preflight()->has(FindingKind::ListenerInBlock));
    const QString findings = findingTexts(dialog).join(QLatin1Char('\n'));
    QVERIFY2(findings.contains(QStringLiteral("5037")), qPrintable(findings));
    QVERIFY2(findings.contains(QStringLiteral("adb.exe")), qPrintable(findings));
    QVERIFY(!dialog.createButton()->isEnabled());
    QVERIFY(dialog.blockedLabel()->isVisible());
    QVERIFY(!dialog.blockedLabel()->text().isEmpty());

    // A runtime block of a service: WinNAT's 2869-3368.
    QVERIFY(enterBlock(dialog, Protocol::Tcp, QStringLiteral("3000"), QStringLiteral("10")));
    QVERIFY(dialog.preflight()->blocked());
    QVERIFY2(findingTexts(dialog).join(QLatin1Char(' ')).contains(QStringLiteral("2869")),
             qPrintable(findingTexts(dialog).join(QLatin1Char('\n'))));
    QVERIFY(!dialog.createButton()->isEnabled());
}

void DialogsTest::listenerFindingNamesTheProcess()
{
    auto console = Console::make();
    QVERIFY(console);
    NewReservationDialog dialog(*console->reservations);
    dialog.show();
    // node.exe (pid 14236) listens on 5173; no reservation there.
    QVERIFY(enterBlock(dialog, Protocol::Tcp, QStringLiteral("5170"), QStringLiteral("10")));
    QVERIFY(dialog.preflight()->has(FindingKind::ListenerInBlock));
    QVERIFY(!dialog.preflight()->has(FindingKind::OverlapKnownReservation));
    const QString findings = findingTexts(dialog).join(QLatin1Char('\n'));
    QVERIFY2(findings.contains(QStringLiteral("node.exe")), qPrintable(findings));
    QVERIFY2(findings.contains(QStringLiteral("14236")), qPrintable(findings));
    QVERIFY(!dialog.createButton()->isEnabled());
}

void DialogsTest::notElevatedIsSaidBeforeAndExplainedAfter()
{
    auto console = Console::make();
    QVERIFY(console);
    QVERIFY(console->control->setElevated(false).ok());
    const qint64 inventoryBefore = console->inventoryCount();
    const qint64 auditBefore = console->auditCount();

    NewReservationDialog dialog(*console->reservations);
    dialog.show();
    QVERIFY(dialog.elevationBanner()->isVisible());
    QVERIFY(enterBlock(dialog, Protocol::Tcp, QStringLiteral("7000"), QStringLiteral("20")));
    QVERIFY(dialog.preflight()->has(FindingKind::NeedsElevation));
    // A warning, not a refusal: the system decides, and the user sees why it refused.
    QVERIFY(dialog.createButton()->isEnabled());
    QSignalSpy finished(&dialog, &NewReservationDialog::createFinished);
    QTest::mouseClick(dialog.createButton(), Qt::LeftButton);
    QVERIFY(finished.wait(10000));
    QVERIFY(!dialog.outcome()->ok);
    QVERIFY(dialog.isVisible()); // stays open to explain
    QCOMPARE(dialog.nativeCodeLabel()->text(), QStringLiteral("ERROR_ACCESS_DENIED (5)"));
    QVERIFY(dialog.refusalLabel()->isVisible());
    QVERIFY(!dialog.refusalLabel()->text().isEmpty());
    QVERIFY(dialog.elevationBanner()->isVisible());
    // The simulated backend models Windows: the banner offers to restart elevated.
    QVERIFY(dialog.elevationBanner()->restartButton()->isVisible());
    QCOMPARE(console->inventoryCount(), inventoryBefore);
    QCOMPARE(console->auditCount(), auditBefore + 1); // the refused attempt is audited
}

void DialogsTest::systemRefusalShowsNativeCodeAndRemedy()
{
    auto console = Console::make();
    QVERIFY(console);
    const qint64 inventoryBefore = console->inventoryCount();
    NewReservationDialog dialog(*console->reservations);
    dialog.show();
    QVERIFY(enterBlock(dialog, Protocol::Tcp, QStringLiteral("7000"), QStringLiteral("20")));
    QVERIFY(dialog.createButton()->isEnabled());
    // Something the pre-flight could not see: Windows says only "sharing violation".
    console->control->failNextCall(SimulatedCall::CreatePersistent, native::kErrorSharingViolation);
    QSignalSpy finished(&dialog, &NewReservationDialog::createFinished);
    QTest::mouseClick(dialog.createButton(), Qt::LeftButton);
    QVERIFY(finished.wait(10000));
    QVERIFY(!dialog.outcome()->ok);
    QVERIFY(!dialog.outcome()->refusedByPreflight);
    QCOMPARE(dialog.nativeCodeLabel()->text(), QStringLiteral("ERROR_SHARING_VIOLATION (32)"));
    const QString text = dialog.refusalLabel()->text();
    QVERIFY2(text.contains(QStringLiteral("in use")), qPrintable(text));
    QVERIFY2(text.contains(ErrorPresenter::remedyText(ErrorKind::Conflict).toHtmlEscaped()),
             qPrintable(text));
    QCOMPARE(console->inventoryCount(), inventoryBefore);
    // Changing the block clears the old refusal.
    typeText(dialog.blockInput()->countEdit(), QStringLiteral("10"));
    QVERIFY(!dialog.refusalLabel()->isVisible());
}

void DialogsTest::listenerAppearingAfterTheCheckIsRefusedByPreflight()
{
    auto console = Console::make();
    QVERIFY(console);
    NewReservationDialog dialog(*console->reservations);
    dialog.show();
    QVERIFY(enterBlock(dialog, Protocol::Tcp, QStringLiteral("7000"), QStringLiteral("20")));
    QVERIFY(dialog.createButton()->isEnabled());
    Listener late;
    late.protocol = Protocol::Tcp;
    late.address = "0.0.0.0";
    late.port = 7005;
    late.pid = 4242;
    late.process = "late.exe";
    QVERIFY(console->control->addListener(late).ok());

    QSignalSpy finished(&dialog, &NewReservationDialog::createFinished);
    QTest::mouseClick(dialog.createButton(), Qt::LeftButton);
    QVERIFY(finished.wait(10000));
    QVERIFY(!dialog.outcome()->ok);
    QVERIFY(dialog.outcome()->refusedByPreflight);
    QVERIFY(dialog.refusalLabel()->isVisible());
    QVERIFY2(findingTexts(dialog).join(QLatin1Char(' ')).contains(QStringLiteral("late.exe")),
             qPrintable(findingTexts(dialog).join(QLatin1Char('\n'))));
    QVERIFY(!dialog.createButton()->isEnabled());
    QVERIFY(!console->backend->lookupPersistent(Protocol::Tcp, PortRange{7000, 20}).ok());
}

void DialogsTest::lookupShowsTheTokenInHex()
{
    auto console = Console::make();
    QVERIFY(console);
    const Token token = console->backend->lookupPersistent(Protocol::Tcp, PortRange{5037, 1}).value().token;
    QVERIFY(token != 0);
    LookupDialog dialog(*console->reservations);
    dialog.show();
    typeText(dialog.blockInput()->startEdit(), QStringLiteral("5037"));
    typeText(dialog.blockInput()->countEdit(), QStringLiteral("1"));
    QSignalSpy finished(&dialog, &LookupDialog::lookupFinished);
    QTest::mouseClick(dialog.lookupButton(), Qt::LeftButton);
    QVERIFY(finished.wait(10000));
    // The one form people read tokens in everywhere: 0x and the hexadecimal digits.
    QCOMPARE(dialog.tokenEdit()->text(), QStringLiteral("0x%1").arg(token, 0, 16));
    QVERIFY(dialog.tokenEdit()->isReadOnly());
    QVERIFY(dialog.copyButton()->isEnabled());
    QTest::mouseClick(dialog.copyButton(), Qt::LeftButton);
    QCOMPARE(QApplication::clipboard()->text(), dialog.tokenEdit()->text());
}

void DialogsTest::lookupOfAnUnknownBlockSaysNotFound()
{
    auto console = Console::make();
    QVERIFY(console);
    LookupDialog dialog(*console->reservations);
    dialog.show();
    // 8000-8004 is part of the 8000-8009 reservation: lookups match the exact block only.
    dialog.setBlock(Protocol::Tcp, PortRange{8000, 5});
    QSignalSpy finished(&dialog, &LookupDialog::lookupFinished);
    dialog.lookUp();
    QVERIFY(finished.wait(10000));
    QVERIFY(dialog.tokenEdit()->text().isEmpty());
    QVERIFY(!dialog.copyButton()->isEnabled());
    QCOMPARE(dialog.nativeCodeLabel()->text(), QStringLiteral("ERROR_NOT_FOUND (1168)"));
    QVERIFY(!dialog.resultLabel()->text().isEmpty());
}

void DialogsTest::deleteConfirmsTheExactBlock()
{
    auto console = Console::make();
    QVERIFY(console);
    console->reservations->discover();
    QVERIFY(console->settle());
    auto row = console->store->inventory().find(QString::fromStdString(console->backend->hostName()),
                                                Protocol::Tcp, PortRange{8000, 10});
    QVERIFY(row.ok() && row.value().has_value());

    DeleteDialog dialog(*console->reservations, *row.value());
    dialog.show();
    QVERIFY(dialog.deletesOnSystem());
    QCOMPARE(dialog.questionLabel()->text(),
             QString::fromUtf8("Delete the persistent TCP reservation 8000–8009?"));
    QVERIFY(dialog.cancelButton()->isDefault()); // Enter never deletes
    QVERIFY(!dialog.deleteButton()->isDefault());

    QSignalSpy finished(&dialog, &DeleteDialog::deleteFinished);
    QTest::mouseClick(dialog.deleteButton(), Qt::LeftButton);
    QVERIFY(finished.wait(10000));
    QVERIFY(dialog.outcome()->ok);
    QCOMPARE(dialog.result(), int(QDialog::Accepted));
    QVERIFY(!console->backend->lookupPersistent(Protocol::Tcp, PortRange{8000, 10}).ok());
    QVERIFY(!console->store->inventory().get(row.value()->id).ok());
}

void DialogsTest::deleteRefusedWithoutElevation()
{
    auto console = Console::make();
    QVERIFY(console);
    console->reservations->discover();
    QVERIFY(console->settle());
    auto row = console->store->inventory().find(QString::fromStdString(console->backend->hostName()),
                                                Protocol::Tcp, PortRange{5037, 1});
    QVERIFY(row.ok() && row.value().has_value());
    QVERIFY(console->control->setElevated(false).ok());

    DeleteDialog dialog(*console->reservations, *row.value());
    dialog.show();
    QVERIFY(dialog.elevationBanner()->isVisible());
    QSignalSpy finished(&dialog, &DeleteDialog::deleteFinished);
    QTest::mouseClick(dialog.deleteButton(), Qt::LeftButton);
    QVERIFY(finished.wait(10000));
    QVERIFY(!dialog.outcome()->ok);
    QVERIFY(dialog.isVisible());
    QCOMPARE(dialog.nativeCodeLabel()->text(), QStringLiteral("ERROR_ACCESS_DENIED (5)"));
    QVERIFY(dialog.refusalLabel()->isVisible());
    QVERIFY(console->backend->lookupPersistent(Protocol::Tcp, PortRange{5037, 1}).ok());
    QVERIFY(console->store->inventory().get(row.value()->id).ok());
}

void DialogsTest::errorPresenterNamesTheNativeCode()
{
    const Error sharing = native::windowsError(native::kErrorSharingViolation, "CreatePersistentTcpPortReservation");
    const ErrorPresentation shown = ErrorPresenter::present(sharing);
    QCOMPARE(shown.nativeCode, QStringLiteral("ERROR_SHARING_VIOLATION (32)"));
    QCOMPARE(shown.kind, ErrorPresenter::kindText(ErrorKind::Conflict));
    QVERIFY(!shown.whatToDo.isEmpty());
    QVERIFY(!shown.needsElevation);
    QVERIFY(ErrorPresenter::present(native::windowsError(native::kErrorAccessDenied, "x")).needsElevation);
    QCOMPARE(ErrorPresenter::nativeCodeText(Error::make(ErrorKind::Internal, "no code")), QString());
    QCOMPARE(ErrorPresenter::nativeCodeText(Error{ErrorKind::IoError, 2, {}, "m"}), QStringLiteral("(2)"));
}

int main(int argc, char** argv)
{
    if (!qEnvironmentVariableIsSet("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    DialogsTest test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_dialogs.moc"
