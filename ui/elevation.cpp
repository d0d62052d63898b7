// SPDX-License-Identifier: GPL-3.0-or-later
#include "elevation.h"

#include "colorscheme.h"
#include "errorpresenter.h"
#include "icons.h"

#include <QApplication>
#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QMessageBox>
#include <QPointer>
#include <QPushButton>
#include <QStyle>

namespace portolan::ui {

bool Elevation::canRestartElevated(const Backend& backend)
{
    // The Windows backend asks for the UAC prompt (ShellExecuteEx "runas"); the simulated one
    // models Windows and records the request. Linux has no such prompt.
    return backend.name() == "windows" || backend.name() == "simulated";
}

QString Elevation::howToElevate(const Backend& backend)
{
    const std::string_view name = backend.name();
    if (name == "windows")
        return tr("Close Portolan, then right-click it and choose \"Run as administrator\".");
    if (name == "linux")
        return tr("Close Portolan and start it again as root, for example with "
                  "\"sudo -E portolan\" (or pkexec).");
    return tr("The simulated machine decides: start Portolan with a scenario that says "
              "\"elevated\": true (or a state file of such a machine).");
}

QString Elevation::notElevatedText(const Backend& backend)
{
    if (backend.name() == "linux")
        return tr("Creating and deleting reservations needs root, and Portolan is not running "
                  "as root: the system will refuse with EACCES/EPERM.");
    return tr("Creating and deleting reservations needs an elevated administrator, and "
              "Portolan is not running elevated: Windows will refuse with "
              "ERROR_ACCESS_DENIED (5).");
}

QString Elevation::statusText(const Backend& backend, bool elevated)
{
    if (backend.name() == "linux")
        return elevated ? tr("root") : tr("not root");
    return elevated ? tr("elevated") : tr("not elevated");
}

QString Elevation::statusHint(const Backend& backend, bool elevated)
{
    if (elevated)
        return tr("This process may create and delete persistent reservations.");
    QString hint = notElevatedText(backend);
    hint += QLatin1Char('\n');
    hint += canRestartElevated(backend)
                ? tr("Use File > Restart as administrator, or: %1").arg(howToElevate(backend))
                : howToElevate(backend);
    return hint;
}

QIcon Elevation::shieldIcon(const QStyle* style)
{
    return deferredIcon([style = QPointer<const QStyle>(style)] {
        const QStyle* current = style ? style.data() : QApplication::style();
        const QIcon shield = current->standardIcon(QStyle::SP_VistaShield);
        return shield.isNull() ? current->standardIcon(QStyle::SP_MessageBoxWarning) : shield;
    });
}

bool Elevation::restart(Backend& backend, QWidget* parent, const QStringList& arguments)
{
    std::vector<std::string> args;
    args.reserve(arguments.size());
    for (const QString& argument : arguments)
        args.push_back(argument.toStdString());
    const Result<void> done =
        backend.restartElevated(QCoreApplication::applicationFilePath().toStdString(), args);
    if (done.ok()) {
        // The elevated copy has started and takes over. Closing the windows saves their
        // layout, and the last one closed ends the application.
        QApplication::closeAllWindows();
        return true;
    }
    // Declined or failed: this copy keeps running, and says why without blocking it.
    const ErrorPresentation shown = ErrorPresenter::present(done.error());
    auto* box = new QMessageBox(
        done.error().kind == ErrorKind::Cancelled ? QMessageBox::Information : QMessageBox::Warning,
        tr("Restart as administrator"), tr("Portolan was not restarted."), QMessageBox::Ok, parent);
    box->setObjectName(QStringLiteral("restartRefused"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    QString detail = shown.what;
    if (done.error().kind != ErrorKind::Cancelled)
        detail += QLatin1Char('\n') + howToElevate(backend);
    box->setInformativeText(detail);
    box->open();
    return false;
}

ElevationBanner::ElevationBanner(Backend& backend, QWidget* parent)
    : QFrame(parent), m_backend(backend)
{
    setObjectName(QStringLiteral("elevationBanner"));
    setFrameShape(QFrame::StyledPanel);
    setAutoFillBackground(true);
    applyColors();

    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(8, 6, 8, 6);
    m_icon = new QLabel(this);
    const int size = style()->pixelMetric(QStyle::PM_SmallIconSize);
    m_icon->setPixmap(Elevation::shieldIcon(style()).pixmap(size, size));
    m_icon->setAlignment(Qt::AlignTop);
    layout->addWidget(m_icon);
    m_text = new QLabel(this);
    m_text->setWordWrap(true);
    m_text->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(m_text, 1);
    m_restart = new QPushButton(tr("&Restart as administrator"), this);
    m_restart->setIcon(Elevation::shieldIcon(style()));
    m_restart->setVisible(Elevation::canRestartElevated(backend));
    layout->addWidget(m_restart, 0, Qt::AlignVCenter);
    connect(m_restart, &QPushButton::clicked, this, [this] {
        emit restartRequested();
        Elevation::restart(m_backend, window());
    });
    updateText();
    refresh();
}

void ElevationBanner::applyColors()
{
    // The window around decides between the light and the dark variant: this banner's own
    // Window is the attention colour.
    const QPalette around = parentWidget() ? parentWidget()->palette() : QApplication::palette();
    QPalette pal = palette();
    pal.setColor(QPalette::Window, schemeColor(SchemeColor::AttentionWindow, around));
    pal.setColor(QPalette::WindowText, schemeColor(SchemeColor::AttentionText, around));
    setPalette(pal); // no PaletteChange when nothing changed, so this does not recurse
}

void ElevationBanner::changeEvent(QEvent* event)
{
    QFrame::changeEvent(event);
    if (event->type() == QEvent::PaletteChange)
        applyColors();
}

void ElevationBanner::setReason(const QString& reason)
{
    m_reason = reason;
    updateText();
}

bool ElevationBanner::refresh()
{
    const bool show = !m_backend.isElevated();
    setVisible(show);
    return show;
}

void ElevationBanner::updateText()
{
    QString text = m_reason.isEmpty() ? Elevation::notElevatedText(m_backend) : m_reason;
    if (!Elevation::canRestartElevated(m_backend))
        text += QLatin1Char(' ') + Elevation::howToElevate(m_backend);
    m_text->setText(text);
}

} // namespace portolan::ui
