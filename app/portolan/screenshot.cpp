// SPDX-License-Identifier: GPL-3.0-or-later
#include "screenshot.h"

#include "ui/reservations/blockinput.h"
#include "ui/protect/protectwizard.h"
#include "ui/reservations/deletedialog.h"
#include "ui/reservations/lookupdialog.h"
#include "ui/mainwindow.h"
#include "ui/reservations/newreservationdialog.h"
#include "ui/portmap/portmappage.h"
#include "ui/portmap/portmapwidget.h"
#include "ui/reservations/reservationsview.h"

#include "model/itemmodels/inventorymodel.h"
#include "model/services/probeservice.h"
#include "model/services/reservationservice.h"

#include <QApplication>
#include <QCheckBox>
#include <QDialog>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QLabel>
#include <QLineEdit>
#include <QMetaMethod>
#include <QPainter>
#include <QPainterPath>
#include <QPointer>
#include <QPushButton>
#include <QStatusBar>
#include <QThread>

#include <functional>

namespace portolan::console {
namespace {

constexpr int kTimeoutMs = 30000;

bool waitFor(const std::function<bool()>& done, int timeoutMs = kTimeoutMs)
{
    QElapsedTimer timer;
    timer.start();
    while (!done()) {
        if (timer.elapsed() > timeoutMs)
            return false;
        QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
        QThread::msleep(5);
    }
    return true;
}

// Lets pending layouts, paints and queued signals settle.
void settle(int ms = 150)
{
    QElapsedTimer timer;
    timer.start();
    while (timer.elapsed() < ms) {
        QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
        QThread::msleep(5);
    }
}

void typeInto(QLineEdit* edit, const QString& text)
{
    edit->setText(text);
    edit->setModified(true);
    emit edit->textEdited(text); // what typing does; the form validates on it
}

// Offscreen windows have no frame: the dialog is drawn centred over the dimmed window, with a
// title bar and a shadow, the way a desktop shows it.
QImage composeDialog(const QPixmap& windowShot, QWidget* dialog)
{
    QImage out = windowShot.toImage().convertToFormat(QImage::Format_ARGB32_Premultiplied);
    QPainter p(&out);
    p.setRenderHint(QPainter::Antialiasing);
    p.fillRect(out.rect(), QColor(0, 0, 0, 90));

    const QPixmap body = dialog->grab();
    const int titleHeight = 30;
    const QSize frame(body.width() / body.devicePixelRatio() + 2,
                      body.height() / body.devicePixelRatio() + titleHeight + 1);
    const QPoint topLeft((out.width() - frame.width()) / 2,
                         qMax(8, (out.height() - frame.height()) / 2));
    const QRect outer(topLeft, frame);
    for (int i = 8; i > 0; --i) // a soft shadow
        p.fillRect(outer.adjusted(-i + 4, -i + 6, i + 4, i + 6), QColor(0, 0, 0, 10));
    p.fillRect(outer, QColor(0x4a, 0x4a, 0x4a));
    const QRect title(outer.left() + 1, outer.top() + 1, outer.width() - 2, titleHeight - 1);
    p.fillRect(title, QColor(0xf0, 0xf0, 0xf0));
    QFont font = QApplication::font();
    font.setBold(true);
    p.setFont(font);
    p.setPen(QColor(0x20, 0x20, 0x20));
    p.drawText(title.adjusted(12, 0, -40, 0), Qt::AlignVCenter | Qt::AlignLeft,
               dialog->windowTitle());
    // A close cross, so it reads as a window.
    const QPoint c(title.right() - 18, title.center().y());
    p.setPen(QPen(QColor(0x50, 0x50, 0x50), 1.5));
    p.drawLine(c + QPoint(-5, -5), c + QPoint(5, 5));
    p.drawLine(c + QPoint(-5, 5), c + QPoint(5, -5));
    p.drawPixmap(QPoint(outer.left() + 1, outer.top() + titleHeight), body);
    p.end();
    return out;
}

// Selects the first row of a block if that exact block is not in the inventory.
void selectPreferred(ui::MainWindow& window, Protocol protocol, quint16 start, quint16 count)
{
    if (window.reservationsView()->selectBlock(protocol, PortRange{start, count}))
        return;
    InventoryModel* model = window.inventoryModel();
    if (model->rowCount() > 0)
        window.reservationsView()->selectRecord(model->record(0).id);
}

QString prepareShellView(ui::MainWindow& window, ui::MainWindow::View view, const QString& state)
{
    using View = ui::MainWindow::View;
    if (view == View::Reservations) {
        if (state == QLatin1String("selected")) {
            selectPreferred(window, Protocol::Tcp, 8000, 10);
            return {};
        }
        return QStringLiteral("the Reservations view has no screenshot state '%1'; known: selected")
            .arg(state);
    }
    if (state == QLatin1String("3000")) {
        ui::PortMapWidget* map = window.portMap();
        map->showRange(2800, 3400);
        map->setCurrentPort(Protocol::Tcp, 3000);
        window.portMapPage()->probeCurrentPort();
        QLabel* result = window.portMapPage()->bindResultLabel();
        if (!waitFor([result] { return result->text().contains(QLatin1String("<b>")); }))
            return QStringLiteral("the bind probe of port 3000 did not finish");
        return {};
    }
    if (state == QLatin1String("selected")) {
        window.setCurrentView(View::Reservations);
        selectPreferred(window, Protocol::Tcp, 5037, 1);
        window.setCurrentView(View::PortMap);
        window.portMap()->setFocus();
        return {};
    }
    return QStringLiteral("the Port map view has no screenshot state '%1'; known: 3000, selected")
        .arg(state);
}

// The other views take part through their meta-object (docs/screenshots.md).
QString prepareOtherView(QWidget* view, const QString& state)
{
    const QMetaObject* meta = view->metaObject();
    const int prepare = meta->indexOfMethod("prepareScreenshot(QString)");
    if (prepare < 0)
        return QStringLiteral("the view %1 has no screenshot states").arg(view->objectName());
    bool known = false;
    if (!meta->method(prepare).invoke(view, Qt::DirectConnection, Q_RETURN_ARG(bool, known),
                                      Q_ARG(QString, state)))
        return QStringLiteral("could not call prepareScreenshot of %1").arg(view->objectName());
    if (!known)
        return QStringLiteral("the view %1 has no screenshot state '%2'")
            .arg(view->objectName(), state);
    return {};
}

QString prepareDialog(ui::MainWindow& window, const QString& name)
{
    using namespace portolan::ui;
    if (name.startsWith(QLatin1String("new"))) {
        window.newReservation();
        auto* dialog = qobject_cast<NewReservationDialog*>(window.activeDialog());
        if (!dialog)
            return QStringLiteral("the New reservation dialog did not open");
        BlockInput* input = dialog->blockInput();
        if (name == QLatin1String("new-invalid")) {
            typeInto(input->startEdit(), QStringLiteral("70000"));
            typeInto(input->countEdit(), QStringLiteral("1e3"));
            settle();
            return {};
        }
        const bool findings = name == QLatin1String("new-findings");
        input->setProtocol(Protocol::Tcp);
        typeInto(input->startEdit(), findings ? QStringLiteral("5030") : QStringLiteral("7000"));
        typeInto(input->countEdit(), QStringLiteral("20"));
        typeInto(dialog->noteEdit(), findings ? QStringLiteral("test agents")
                                              : QStringLiteral("build agents, owner: CI team"));
        if (!waitFor([dialog] { return dialog->preflight().has_value(); }))
            return QStringLiteral("the pre-flight check did not answer");
        if (name == QLatin1String("new-elevation")) {
            dialog->createButton()->click();
            if (!waitFor([dialog] { return dialog->outcome().has_value(); }))
                return QStringLiteral("the create did not answer");
        }
        settle();
        return {};
    }
    if (name == QLatin1String("lookup")) {
        window.lookupReservation();
        auto* dialog = qobject_cast<LookupDialog*>(window.activeDialog());
        if (!dialog)
            return QStringLiteral("the Lookup dialog did not open");
        dialog->setBlock(Protocol::Tcp, PortRange{5037, 1});
        dialog->lookUp();
        if (!waitFor([dialog] { return dialog->outcome().has_value(); }))
            return QStringLiteral("the lookup did not answer");
        settle();
        return {};
    }
    if (name == QLatin1String("delete") || name == QLatin1String("note")) {
        if (name == QLatin1String("delete"))
            selectPreferred(window, Protocol::Tcp, 8000, 10);
        else
            selectPreferred(window, Protocol::Tcp, 5037, 1);
        if (!window.reservationsView()->currentRecord())
            return QStringLiteral("the inventory is empty: nothing to %1").arg(name);
        if (name == QLatin1String("delete"))
            window.deleteReservation();
        else
            window.editNote();
        settle();
        return window.activeDialog() ? QString() : QStringLiteral("the dialog did not open");
    }
    if (name == QLatin1String("protect-warning") || name == QLatin1String("protect-result")) {
        window.openProtectWizard(Protocol::Tcp, PortRange{3000, 1});
        auto* wizard = qobject_cast<ProtectWizard*>(window.activeDialog());
        if (!wizard)
            return QStringLiteral("the Protect ports wizard did not open");
        if (!waitFor([wizard] { return wizard->currentPlan().has_value(); }))
            return QStringLiteral("the plan did not answer");
        wizard->consentBox()->setChecked(true);
        if (name == QLatin1String("protect-result")) {
            wizard->next();
            if (!waitFor([wizard] { return wizard->outcome().has_value(); }))
                return QStringLiteral("the protect did not finish");
        }
        settle();
        return {};
    }
    if (name == QLatin1String("about")) {
        window.showAbout();
        settle();
        return window.activeDialog() ? QString() : QStringLiteral("the About box did not open");
    }
    return QStringLiteral("unknown dialog '%1'").arg(name);
}

// What a morning of work leaves in the console, done through the real services so that the
// inventory, the audit log and the probe history all show it.
QString seedDemo(ui::MainWindow& window)
{
    ReservationService& service = window.reservationService();
    ProbeService& probes = window.probeService();
    InventoryModel* model = window.inventoryModel();
    auto rowId = [model](Protocol protocol, quint16 start, quint16 count) -> qint64 {
        for (const ReservationRecord& r : model->records()) {
            if (r.protocol == protocol && r.start == start && r.count == count)
                return r.id;
        }
        return 0;
    };
    QList<OperationId> pending;
    auto track = [&pending](OperationId id) { pending.append(id); };
    QObject guard;
    QObject::connect(&service, &ReservationService::operationFinished, &guard,
                     [&pending](const ReservationOutcome& outcome) { pending.removeAll(outcome.id); });
    QObject::connect(&service, &ReservationService::operationFailed, &guard,
                     [&pending](OperationId id, ReservationOperation, const Error&) {
                         pending.removeAll(id);
                     });

    track(service.create(Protocol::Tcp, PortRange{5000, 20}, QStringLiteral("build agents, owner: CI team")));
    if (const qint64 id = rowId(Protocol::Tcp, 5037, 1))
        track(service.setNote(id, QStringLiteral("adb server, pinned while WinNAT was stopped")));
    if (const qint64 id = rowId(Protocol::Tcp, 8000, 10))
        track(service.setNote(id, QStringLiteral("Django and friends")));
    track(service.create(Protocol::Tcp, PortRange{3000, 10}, QStringLiteral("npm start")));
    track(service.create(Protocol::Udp, PortRange{5353, 1}, QStringLiteral("mDNS test")));
    track(service.create(Protocol::Tcp, PortRange{9000, 100}, QStringLiteral("test lab, ask Ana")));
    track(service.lookup(Protocol::Tcp, PortRange{6000, 5}));
    if (!waitFor([&pending] { return pending.isEmpty(); }))
        return QStringLiteral("the demo operations did not finish");

    auto probe = [&probes](const std::function<OperationId()>& start) {
        start();
        return waitFor([&probes] { return !probes.busy(); });
    };
    BindTarget bind;
    bind.port = 3000;
    const bool probed =
        probe([&] { return probes.runBindProbe(bind); })
        && probe([&] { return probes.runAcquireRelease(SocketSpec::forProtocol(Protocol::Tcp), PortRange{0, 10}); })
        && probe([&] { return probes.runLookupAssociate(PortRange{5037, 1}); });
    if (!probed)
        return QStringLiteral("the demo probes did not finish");
    settle(300);
    window.statusBar()->clearMessage(); // the last demo step's message is no news
    return {};
}

} // namespace

QString takeScreenshot(ui::MainWindow& window, const ScreenshotRequest& request)
{
    using View = ui::MainWindow::View;
    if (!waitFor([&window] { return window.firstRefreshDone(); }))
        return QStringLiteral("the first refresh did not finish within %1 s").arg(kTimeoutMs / 1000);
    settle();
    if (request.seed) {
        if (const QString problem = seedDemo(window); !problem.isEmpty())
            return problem;
        window.setCurrentView(ui::MainWindow::View::Reservations);
    }

    if (!request.view.isEmpty()) {
        const std::optional<View> view = ui::MainWindow::viewFromName(request.view);
        if (!view)
            return QStringLiteral("unknown view '%1'").arg(request.view);
        window.setCurrentView(*view);
        settle();
        if (!request.state.isEmpty()) {
            QString problem;
            if (*view == View::Reservations || *view == View::PortMap) {
                problem = prepareShellView(window, *view, request.state);
            } else {
                QWidget* widget = window.viewWidget(*view);
                const QMetaObject* meta = widget->metaObject();
                const int readySignal = meta->indexOfSignal("screenshotReady()");
                bool ready = readySignal < 0;
                QMetaObject::Connection connection;
                if (!ready) {
                    auto* flag = new QObject(widget);
                    connection = QObject::connect(widget, SIGNAL(screenshotReady()), flag,
                                                  SLOT(deleteLater()));
                    QPointer<QObject> watch(flag);
                    problem = prepareOtherView(widget, request.state);
                    if (problem.isEmpty() && !waitFor([&watch] { return watch.isNull(); }))
                        problem = QStringLiteral("the view %1 did not reach the state '%2' within "
                                                 "%3 s")
                                      .arg(request.view, request.state)
                                      .arg(kTimeoutMs / 1000);
                    QObject::disconnect(connection);
                } else {
                    problem = prepareOtherView(widget, request.state);
                }
            }
            if (!problem.isEmpty())
                return problem;
        }
    }
    settle(300);

    QImage image;
    if (!request.dialog.isEmpty()) {
        const QString problem = prepareDialog(window, request.dialog);
        if (!problem.isEmpty())
            return problem;
        settle(300);
        QDialog* dialog = window.activeDialog();
        if (!dialog)
            return QStringLiteral("the dialog closed before it could be rendered");
        image = composeDialog(window.grab(), dialog);
    } else {
        image = window.grab().toImage();
    }
    if (image.size() != QSize(kScreenshotWidth, kScreenshotHeight))
        image = image.scaled(kScreenshotWidth, kScreenshotHeight, Qt::IgnoreAspectRatio,
                             Qt::SmoothTransformation);
    if (!image.save(request.file, "PNG"))
        return QStringLiteral("could not write %1").arg(QFileInfo(request.file).absoluteFilePath());
    return {};
}

} // namespace portolan::console
