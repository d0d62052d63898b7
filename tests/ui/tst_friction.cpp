// SPDX-License-Identifier: GPL-3.0-or-later
// What a new administrator trips over, on the simulated developer machine: Tab leaves every
// table, no view's mnemonic shadows a menu's, the Lookup dialog grows to fit a failure and names
// the block holding the port, deleted reservations stay findable, and every view and dialog
// works at 1024x700 (a remote desktop session) in English and in Portuguese.

#include "tst_mainwindow_fixture.h"

#include "ui/formsupport.h"
#include "ui/mainwindow.h"
#include "ui/reservations/blockinput.h"
#include "ui/reservations/lookupdialog.h"
#include "ui/reservations/reservationsview.h"
#include "ui/statusbarinfo.h"

#include "model/itemmodels/filterproxies.h"
#include "model/itemmodels/inventorymodel.h"
#include "model/services/explanations.h"
#include "model/store/database.h"

#include <QAbstractButton>
#include <QAbstractItemView>
#include <QComboBox>
#include <QDialog>
#include <QGroupBox>
#include <QHeaderView>
#include <QHelpEvent>
#include <QLabel>
#include <QLineEdit>
#include <QMenuBar>
#include <QPushButton>
#include <QRadioButton>
#include <QScrollArea>
#include <QScrollBar>
#include <QSettings>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTabBar>
#include <QTableView>
#include <QToolTip>
#include <QTranslator>

using namespace portolan;
using namespace portolan::ui;
using portolan::shelltest::Console;
using portolan::shelltest::typeText;

namespace {

constexpr QSize kRemoteDesktop(1024, 700);

// The Portuguese translation embedded in the console, installed for one test row.
class Language
{
public:
    explicit Language(const QString& language)
    {
        if (language == QLatin1String("pt_BR"))
            m_installed = m_translator.load(QStringLiteral(":/i18n/portolan_pt_BR.qm")) &&
                          QCoreApplication::installTranslator(&m_translator);
        else
            m_installed = true;
    }
    ~Language() { QCoreApplication::removeTranslator(&m_translator); }
    bool ok() const { return m_installed; }

private:
    QTranslator m_translator;
    bool m_installed = false;
};

struct Started
{
    std::unique_ptr<Console> console;
    std::unique_ptr<MainWindow> window;
};

Started startWindow(QSize size = kRemoteDesktop)
{
    Started s;
    s.console = Console::make();
    if (!s.console)
        return s;
    s.window = std::make_unique<MainWindow>(*s.console->store, *s.console->reservations,
                                            *s.console->probes);
    s.window->resize(size);
    s.window->show();
    s.window->start();
    if (!QTest::qWaitFor([&s] { return s.window->firstRefreshDone(); }, 15000) ||
        !s.console->settle())
        s.window.reset();
    return s;
}

// A view of the window at 1024x700 in a language, made and shown.
struct ShownView
{
    QString languageName;
    int view = 0;
    std::unique_ptr<Language> language;
    Started started;
    QWidget* page = nullptr;
};

// The row's "language" and "view" (addLanguageViewRows).
std::unique_ptr<ShownView> showFetchedView()
{
    QFETCH(QString, language);
    QFETCH(int, view);
    auto shown = std::make_unique<ShownView>();
    shown->languageName = language;
    shown->view = view;
    shown->language = std::make_unique<Language>(language);
    if (!shown->language->ok())
        return nullptr;
    shown->started = startWindow();
    if (!shown->started.window)
        return nullptr;
    shown->started.window->setCurrentView(MainWindow::View(view));
    shown->page = shown->started.window->viewWidget(MainWindow::View(view));
    QApplication::processEvents();
    return shown;
}

const MainWindow::View kViews[] = {MainWindow::View::Reservations, MainWindow::View::PortMap,
                                   MainWindow::View::Probes, MainWindow::View::Scan,
                                   MainWindow::View::History};

void addLanguageViewRows()
{
    QTest::addColumn<QString>("language");
    QTest::addColumn<int>("view");
    for (const char* language : {"en", "pt_BR"}) {
        for (MainWindow::View view : kViews) {
            const QString name = MainWindow::viewName(view);
            QTest::addRow("%s %s", language, qPrintable(name))
                << QString::fromLatin1(language) << int(view);
        }
    }
}

// Where a failing layout check can be looked at: PORTOLAN_SHOTS_DIR=/tmp/shots.
void maybeShoot(QWidget* widget, const QString& name)
{
    const QString dir = qEnvironmentVariable("PORTOLAN_SHOTS_DIR");
    if (!dir.isEmpty())
        widget->grab().save(dir + QLatin1Char('/') + name + QStringLiteral(".png"));
}

// The visible labels and buttons under `root` that got less room than they need: a plain
// label or a button narrower or lower than its minimum size hint, a word-wrapped label lower
// than its text at its width.
QStringList squeezed(QWidget* root)
{
    QStringList out;
    for (QLabel* label : root->findChildren<QLabel*>()) {
        if (!label->isVisible() || label->text().isEmpty() || qobject_cast<ElidedLabel*>(label))
            continue;
        const QSize hint = label->minimumSizeHint();
        if (label->wordWrap()) {
            if (label->height() + 1 < label->heightForWidth(label->width()))
                out << QStringLiteral("label \"%1\": %2 px high, needs %3")
                           .arg(label->text().left(60))
                           .arg(label->height())
                           .arg(label->heightForWidth(label->width()));
        } else if (label->width() < hint.width() || label->height() < hint.height()) {
            out << QStringLiteral("label \"%1\": %2x%3, needs %4x%5")
                       .arg(label->text().left(60))
                       .arg(label->width())
                       .arg(label->height())
                       .arg(hint.width())
                       .arg(hint.height());
        }
    }
    for (QAbstractButton* button : root->findChildren<QAbstractButton*>()) {
        if (!button->isVisible() || button->text().isEmpty())
            continue;
        const QSize hint = button->minimumSizeHint();
        if (button->width() < hint.width() || button->height() < hint.height())
            out << QStringLiteral("button \"%1\": %2x%3, needs %4x%5")
                       .arg(button->text())
                       .arg(button->width())
                       .arg(button->height())
                       .arg(hint.width())
                       .arg(hint.height());
    }
    for (QWidget* field : root->findChildren<QWidget*>()) {
        if (!field->isVisible() ||
            !(qobject_cast<QLineEdit*>(field) || qobject_cast<QComboBox*>(field)) ||
            qobject_cast<QComboBox*>(field->parentWidget())) // an editable combo's own edit
            continue;
        if (field->height() < field->minimumSizeHint().height())
            out << QStringLiteral("field %1: %2 px high, needs %3")
                       .arg(field->objectName())
                       .arg(field->height())
                       .arg(field->minimumSizeHint().height());
    }
    return out;
}

// The tooltip shown for a point of a view's viewport.
QString toolTipAt(QAbstractItemView* view, const QPoint& pos)
{
    QToolTip::hideText();
    QHelpEvent help(QEvent::ToolTip, pos, view->viewport()->mapToGlobal(pos));
    QCoreApplication::sendEvent(view->viewport(), &help);
    return QToolTip::isVisible() ? QToolTip::text() : QString();
}

// The visible cells and header sections under `root` whose text is elided, and whose tooltip
// does not hold the whole text.
QStringList elidedWithoutTip(QWidget* root)
{
    QStringList out;
    for (QAbstractItemView* view : root->findChildren<QAbstractItemView*>()) {
        if (!view->isVisible() || !view->model())
            continue;
        QAbstractItemModel* model = view->model();
        if (auto* header = qobject_cast<QHeaderView*>(view)) {
            if (header->orientation() != Qt::Horizontal)
                continue;
            for (int section = 0; section < header->count(); ++section) {
                if (header->isSectionHidden(section) || header->sectionSize(section) == 0)
                    continue;
                const QString text = model->headerData(section, Qt::Horizontal).toString();
                const int needed = header->fontMetrics().horizontalAdvance(text) + 8;
                if (needed <= header->sectionSize(section))
                    continue;
                const QPoint at(header->sectionViewportPosition(section) + 2, header->height() / 2);
                if (!toolTipAt(header, at).contains(text))
                    out << QStringLiteral("header \"%1\"").arg(text);
            }
            continue;
        }
        const int rows = qMin(model->rowCount(view->rootIndex()), 12);
        for (int row = 0; row < rows; ++row) {
            for (int column = 0; column < model->columnCount(view->rootIndex()); ++column) {
                const QModelIndex index = model->index(row, column, view->rootIndex());
                const QRect cell = view->visualRect(index);
                if (cell.isEmpty() || !view->viewport()->rect().contains(cell.center()))
                    continue;
                const QString text = index.data().toString();
                if (text.isEmpty())
                    continue;
                const int needed = view->fontMetrics().horizontalAdvance(text) + 12;
                if (needed <= cell.width())
                    continue;
                if (!toolTipAt(view, cell.center()).contains(text))
                    out << QStringLiteral("cell \"%1\" (%2 px)").arg(text).arg(cell.width());
            }
        }
    }
    return out;
}

} // namespace

class FrictionTest : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void tabLeavesEveryTable_data();
    void tabLeavesEveryTable();
    void noMnemonicShadowsAMenu_data();
    void noMnemonicShadowsAMenu();
    void countShortcutGoesToTheCountField();
    void pastedSpacesAreTrimmed();
    void outOfRangeStartNamesTheFieldAndRange();
    void failedLookupFitsAndNamesTheContainingBlock_data();
    void failedLookupFitsAndNamesTheContainingBlock();
    void deletedReservationsStayFindable();
    void everyViewFitsARemoteDesktop_data();
    void everyViewFitsARemoteDesktop();
    void everyDialogFitsARemoteDesktop_data();
    void everyDialogFitsARemoteDesktop();
    void longStatusMessageElidesWithATooltip();
};

void FrictionTest::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("PortolanTest"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_friction"));
    QSettings().clear();
}

void FrictionTest::tabLeavesEveryTable_data()
{
    QTest::addColumn<int>("view");
    for (MainWindow::View view : kViews)
        QTest::addRow("%s", qPrintable(MainWindow::viewName(view))) << int(view);
}

void FrictionTest::tabLeavesEveryTable()
{
    QFETCH(int, view);
    Started s = startWindow();
    QVERIFY(s.window);
    s.window->setCurrentView(MainWindow::View(view));
    QWidget* page = s.window->viewWidget(MainWindow::View(view));
    QVERIFY(page);
    QApplication::processEvents();
    int tables = 0;
    for (QAbstractItemView* table : page->findChildren<QAbstractItemView*>()) {
        if (qobject_cast<QHeaderView*>(table) || !table->isVisible())
            continue;
        ++tables;
        QVERIFY2(!table->tabKeyNavigation(), qPrintable(table->objectName()));
        table->setFocus(Qt::TabFocusReason);
        if (table->model() && table->model()->rowCount() > 0)
            table->setCurrentIndex(table->model()->index(0, 0));
        QTRY_VERIFY(table->hasFocus());
        QTest::keyClick(table, Qt::Key_Tab);
        QWidget* focus = QApplication::focusWidget();
        QVERIFY2(focus && focus != table && !table->isAncestorOf(focus),
                 qPrintable(QStringLiteral("Tab stayed in %1").arg(table->objectName())));
    }
    if (tables == 0)
        QSKIP("this view shows no table");
}

void FrictionTest::noMnemonicShadowsAMenu_data()
{
    addLanguageViewRows();
}

void FrictionTest::noMnemonicShadowsAMenu()
{
    const std::unique_ptr<ShownView> shown = showFetchedView();
    QVERIFY(shown);
    const QMenuBar* bar = shown->started.window->menuBar();
    const QString menus = menuMnemonics(bar);
    QCOMPARE(menus.size(), bar->actions().size()); // every menu has one
    QWidget* page = shown->page;

    QStringList texts;
    for (QLabel* label : page->findChildren<QLabel*>()) {
        if (label->buddy() && label->isVisible())
            texts << label->text();
    }
    for (QAbstractButton* button : page->findChildren<QAbstractButton*>()) {
        if (button->isVisible())
            texts << button->text();
    }
    for (QGroupBox* box : page->findChildren<QGroupBox*>()) {
        if (box->isVisible())
            texts << box->title();
    }
    for (QTabBar* tabs : page->findChildren<QTabBar*>()) {
        for (int i = 0; tabs->isVisible() && i < tabs->count(); ++i)
            texts << tabs->tabText(i);
    }
    for (const QString& text : std::as_const(texts)) {
        const QChar letter = mnemonicOf(text);
        QVERIFY2(letter.isNull() || !menus.contains(letter),
                 qPrintable(QStringLiteral("\"%1\" shadows the menu bar's Alt+%2 (menus: %3)")
                                .arg(text, letter.toUpper(), menus)));
    }
}

void FrictionTest::countShortcutGoesToTheCountField()
{
    BlockInput input;
    input.show();
    QVERIFY(QTest::qWaitForWindowExposed(&input));
    input.setUsesEnd(true);
    input.startEdit()->setFocus();
    QTest::keyClick(&input, Qt::Key_C, Qt::AltModifier);
    QVERIFY(input.countRadio()->isChecked());
    QTRY_VERIFY(input.countEdit()->hasFocus());
    QTest::keyClick(&input, Qt::Key_E, Qt::AltModifier);
    QVERIFY(input.endRadio()->isChecked());
    QTRY_VERIFY(input.endEdit()->hasFocus());
}

void FrictionTest::pastedSpacesAreTrimmed()
{
    const BlockInputCheck check =
        BlockInputValidator::check(QStringLiteral(" 9300 "), QStringLiteral("\t10 "), false);
    QVERIFY2(check.ok(), qPrintable(check.startError + check.countError));
    QCOMPARE(check.range->start, 9300);
    QCOMPARE(check.range->count, 10);
    // A space inside a number is still a mistake.
    QVERIFY(!BlockInputValidator::check(QStringLiteral("93 00"), QStringLiteral("10"), false).ok());
}

void FrictionTest::outOfRangeStartNamesTheFieldAndRange()
{
    const QString start =
        BlockInputValidator::check(QStringLiteral("70000"), QStringLiteral("1"), false).startError;
    QVERIFY2(start.contains(QStringLiteral("Start port")) &&
                 start.contains(QStringLiteral("1–65535")),
             qPrintable(start));
    QVERIFY2(!start.contains(QStringLiteral("cannot start at 0")), qPrintable(start));
    const QString zero =
        BlockInputValidator::check(QStringLiteral("0"), QStringLiteral("1"), false).startError;
    QVERIFY2(zero.contains(QStringLiteral("cannot start at 0")), qPrintable(zero));
    const QString count =
        BlockInputValidator::check(QStringLiteral("5000"), QStringLiteral("70000"), false)
            .countError;
    QVERIFY2(count.contains(QStringLiteral("Count")) && count.contains(QStringLiteral("1–65535")),
             qPrintable(count));
}

void FrictionTest::failedLookupFitsAndNamesTheContainingBlock_data()
{
    QTest::addColumn<QString>("language");
    QTest::newRow("en") << QStringLiteral("en");
    QTest::newRow("pt_BR") << QStringLiteral("pt_BR");
}

void FrictionTest::failedLookupFitsAndNamesTheContainingBlock()
{
    QFETCH(QString, language);
    Language installed(language);
    QVERIFY(installed.ok());
    Started s = startWindow();
    QVERIFY(s.window);
    s.window->reservationsView()->table()->clearSelection();
    s.window->lookupReservation();
    auto* dialog = qobject_cast<LookupDialog*>(s.window->activeDialog());
    QVERIFY(dialog);
    QVERIFY(QTest::qWaitForWindowExposed(dialog));
    const QSize before = dialog->size();
    typeText(dialog->blockInput()->startEdit(), QStringLiteral("8001"));
    typeText(dialog->blockInput()->countEdit(), QStringLiteral("1"));
    QSignalSpy finished(dialog, &LookupDialog::lookupFinished);
    QTest::mouseClick(dialog->lookupButton(), Qt::LeftButton);
    QTRY_COMPARE(finished.count(), 1);
    QVERIFY(!dialog->outcome()->ok);
    QApplication::processEvents();
    maybeShoot(dialog, QStringLiteral("lookup-failed-") + language);

    // The developer machine holds TCP 8000-8009 (start 8000, count 10).
    const QString text = dialog->resultLabel()->text();
    QVERIFY2(text.contains(Explanations::rangeText(PortRange{8000, 10})) &&
                 text.contains(QStringLiteral("8000")) && text.contains(QStringLiteral("10")),
             qPrintable(text));
    QVERIFY(dialog->height() >= before.height());
    const QStringList tight = squeezed(dialog);
    QVERIFY2(tight.isEmpty(), qPrintable(tight.join(QStringLiteral("; "))));
    for (QLineEdit* field : dialog->findChildren<QLineEdit*>()) {
        if (field->isVisible())
            QVERIFY2(field->height() >= field->sizeHint().height(),
                     qPrintable(field->objectName()));
    }
    // The whole message is inside the dialog.
    const QRect shown = dialog->resultLabel()->geometry();
    QVERIFY(dialog->rect().contains(
        QRect(dialog->resultLabel()->mapTo(dialog, QPoint(0, 0)), shown.size())));
}

void FrictionTest::deletedReservationsStayFindable()
{
    Started s = startWindow(QSize(1280, 800));
    QVERIFY(s.window);
    InventoryModel* model = s.window->inventoryModel();
    QTRY_COMPARE(model->rowCount(), 2); // TCP 5037 and 8000-8009
    ReservationsView* view = s.window->reservationsView();
    auto* counts = view->findChild<QLabel*>(QStringLiteral("counts"));
    QVERIFY(counts);

    QSignalSpy finished(s.console->reservations.get(), &ReservationService::operationFinished);
    s.console->reservations->remove(Protocol::Tcp, PortRange{8000, 10});
    QTRY_COMPARE(finished.count(), 1);
    QTRY_COMPARE(model->deletedCount(), 1);
    QCOMPARE(model->records().size(), 1);

    // State = All shows every row and the count agrees.
    QComboBox* state = view->stateFilter();
    QCOMPARE(state->currentIndex(), 0);
    QCOMPARE(view->proxy()->rowCount(), model->rowCount());
    QVERIFY2(!counts->text().contains(QStringLiteral(" of ")), qPrintable(counts->text()));
    QVERIFY2(counts->text().contains(QStringLiteral("1 reservation")) &&
                 counts->text().contains(QStringLiteral("1 deleted")),
             qPrintable(counts->text()));

    // The deleted choice shows the deleted block, greyed, and nothing to act on.
    const int deleted = state->findData(InventoryModel::kDeletedState);
    QVERIFY(deleted > 0);
    state->setCurrentIndex(deleted);
    QCOMPARE(view->proxy()->rowCount(), 1);
    const QModelIndex first = view->proxy()->index(0, InventoryModel::StartColumn);
    QCOMPARE(first.data().toInt(), 8000);
    QCOMPARE(view->proxy()->index(0, InventoryModel::StateColumn).data().toString(),
             QStringLiteral("deleted"));
    view->table()->selectRow(0);
    QVERIFY(!view->currentRecord());
    QVERIFY(!s.window->action(QStringLiteral("deleteReservation"))->isEnabled());
    QVERIFY2(view->detailsLabel()->text().contains(QStringLiteral("deleted")),
             qPrintable(view->detailsLabel()->text()));
    QVERIFY2(counts->text().contains(QStringLiteral("1 of 2")), qPrintable(counts->text()));

    // Made again: a reservation, no longer a deleted row.
    state->setCurrentIndex(0);
    finished.clear();
    s.console->reservations->create(Protocol::Tcp, PortRange{8000, 10});
    QTRY_COMPARE(finished.count(), 1);
    QTRY_COMPARE(model->deletedCount(), 0);
    QCOMPARE(model->rowCount(), 2);
}

void FrictionTest::everyViewFitsARemoteDesktop_data()
{
    addLanguageViewRows();
}

void FrictionTest::everyViewFitsARemoteDesktop()
{
    const std::unique_ptr<ShownView> shown = showFetchedView();
    QVERIFY(shown);
    const QString language = shown->languageName;
    const int view = shown->view;
    MainWindow* window = shown->started.window.get();
    QWidget* page = shown->page;
    maybeShoot(
        window,
        QStringLiteral("view-%1-%2").arg(MainWindow::viewName(MainWindow::View(view)), language));
    QCOMPARE(window->size(), kRemoteDesktop); // its minimum fits the session
    // A view wider than the session scrolls rather than pushing the window off the screen;
    // none should need to.
    if (auto* scroller = qobject_cast<QScrollArea*>(page->parentWidget()->parentWidget())) {
        QVERIFY2(!scroller->horizontalScrollBar()->isVisible(),
                 qPrintable(QStringLiteral("needs %1 px").arg(page->minimumSizeHint().width())));
    }

    const QStringList tight = squeezed(page) + squeezed(window->statusBar());
    QVERIFY2(tight.isEmpty(), qPrintable(tight.join(QStringLiteral("; "))));
    const QStringList untipped = elidedWithoutTip(page);
    QVERIFY2(untipped.isEmpty(), qPrintable(untipped.join(QStringLiteral("; "))));
}

void FrictionTest::everyDialogFitsARemoteDesktop_data()
{
    QTest::addColumn<QString>("language");
    QTest::addColumn<QString>("dialog");
    for (const char* language : {"en", "pt_BR"}) {
        for (const char* dialog : {"new", "lookup", "delete", "note", "about"})
            QTest::addRow("%s %s", language, dialog)
                << QString::fromLatin1(language) << QString::fromLatin1(dialog);
    }
}

void FrictionTest::everyDialogFitsARemoteDesktop()
{
    QFETCH(QString, language);
    QFETCH(QString, dialog);
    Language installed(language);
    QVERIFY(installed.ok());
    Started s = startWindow();
    QVERIFY(s.window);
    QVERIFY(s.window->reservationsView()->selectBlock(Protocol::Tcp, PortRange{8000, 10}));
    if (dialog == QLatin1String("new"))
        s.window->newReservation();
    else if (dialog == QLatin1String("lookup"))
        s.window->lookupReservation();
    else if (dialog == QLatin1String("delete"))
        s.window->deleteReservation();
    else if (dialog == QLatin1String("note"))
        s.window->editNote();
    else
        s.window->showAbout();
    QDialog* shown = s.window->activeDialog();
    QVERIFY(shown);
    QVERIFY(QTest::qWaitForWindowExposed(shown));
    QVERIFY(s.console->settle());
    if (auto* input = shown->findChild<BlockInput*>()) {
        // With every field's error shown, the longest texts the form has.
        QTest::mouseClick(input->endRadio(), Qt::LeftButton);
        typeText(input->startEdit(), QStringLiteral("0"));
        typeText(input->endEdit(), QStringLiteral("70000"));
        QVERIFY(input->startError()->isVisible() && input->endError()->isVisible());
    }
    QApplication::processEvents();
    maybeShoot(shown, QStringLiteral("dialog-%1-%2").arg(dialog, language));
    QVERIFY2(shown->width() <= kRemoteDesktop.width() && shown->height() <= kRemoteDesktop.height(),
             qPrintable(QStringLiteral("%1x%2").arg(shown->width()).arg(shown->height())));
    const QStringList tight = squeezed(shown);
    QVERIFY2(tight.isEmpty(), qPrintable(tight.join(QStringLiteral("; "))));
    const QStringList untipped = elidedWithoutTip(shown);
    QVERIFY2(untipped.isEmpty(), qPrintable(untipped.join(QStringLiteral("; "))));
    shown->close();
}

void FrictionTest::longStatusMessageElidesWithATooltip()
{
    Started s = startWindow();
    QVERIFY(s.window);
    auto* bar = qobject_cast<ElidingStatusBar*>(s.window->statusBar());
    QVERIFY(bar);
    const QString message =
        QStringLiteral("Could not create TCP 3000–3004: ") +
        QString(QStringLiteral("WinNAT holds the block 2869–3368. ")).repeated(8);
    bar->showMessage(message);
    QApplication::processEvents();
    QVERIFY(bar->messageElided());
    QCOMPARE(bar->currentMessage(), message);
    const QPoint inside = bar->messageRect().center();
    QHelpEvent help(QEvent::ToolTip, inside, bar->mapToGlobal(inside));
    QCoreApplication::sendEvent(bar, &help);
    QTRY_VERIFY(QToolTip::isVisible());
    QCOMPARE(QToolTip::text(), message);
    bar->showMessage(QStringLiteral("Short."));
    QVERIFY(!bar->messageElided());
}

int main(int argc, char** argv)
{
    if (!qEnvironmentVariableIsSet("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    FrictionTest test;
    return QTest::qExec(&test, argc, argv);
}
#include "tst_friction.moc"
