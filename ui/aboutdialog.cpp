// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/aboutdialog.h"

#include "ui/icons.h"

#include <QDialogButtonBox>
#include <QFile>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QRegularExpression>
#include <QVBoxLayout>

#ifndef PORTOLAN_VERSION
#define PORTOLAN_VERSION "0.0.0"
#endif

// The notices are in a static library's resource file (resources/notices/notices.qrc): nothing
// else refers to it, so it is pulled in and registered here. Outside the namespace, as
// Q_INIT_RESOURCE requires.
static void initNoticesResource()
{
    Q_INIT_RESOURCE(notices);
}

namespace portolan::ui {
namespace {

QString resourceText(const QString& path)
{
    initNoticesResource();
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly | QIODevice::Text))
        return {};
    return QString::fromUtf8(file.readAll());
}

} // namespace

QList<AboutDialog::Component> AboutDialog::parseNotices(const QString& text)
{
    static const QRegularExpression header(
        QStringLiteral("^={20,}\\nComponent: (.+)\\nLicense: (.+)\\nShipped-In: (.+)\\n-{20,}\\n"),
        QRegularExpression::MultilineOption);
    QList<Component> components;
    qsizetype noticeStart = -1; // where the previous component's notice begins
    auto matches = header.globalMatch(text);
    while (matches.hasNext()) {
        const QRegularExpressionMatch match = matches.next();
        if (!components.isEmpty())
            components.last().notice =
                text.mid(noticeStart, match.capturedStart() - noticeStart).trimmed();
        components.append({match.captured(1), match.captured(2), match.captured(3), {}});
        noticeStart = match.capturedEnd();
    }
    if (!components.isEmpty())
        components.last().notice = text.mid(noticeStart).trimmed();
    return components;
}

QString AboutDialog::backendDescription(std::string_view id)
{
    const QString name = QString::fromUtf8(id.data(), qsizetype(id.size()));
    QString words;
    if (id == "simulated")
        words = tr("Simulated Windows machine");
    else if (id == "windows")
        words = tr("Windows");
    else if (id == "linux")
        words = tr("Linux");
    return words.isEmpty() ? name : tr("%1 (%2)").arg(words, name);
}

AboutDialog::AboutDialog(const QString& details, QWidget* parent) : QDialog(parent)
{
    setWindowTitle(tr("About Portolan"));
    setObjectName(QStringLiteral("aboutDialog"));

    auto* title =
        new QLabel(tr("<b>Portolan %1</b><br>A console for TCP and UDP port reservations.")
                       .arg(QStringLiteral(PORTOLAN_VERSION)),
                   this);
    title->setObjectName(QStringLiteral("version"));
    auto* icon = new QLabel(this);
    icon->setPixmap(ui::icon(IconKind::PortMap).pixmap(48, 48));
    auto* top = new QHBoxLayout;
    top->addWidget(icon, 0, Qt::AlignTop);
    top->addWidget(title, 1);

    auto* license = new QLabel(
        tr("Portolan is free software: you can redistribute it and/or modify it under the terms "
           "of the GNU General Public License, version 3 or (at your option) any later version "
           "(GPL-3.0-or-later). It comes with ABSOLUTELY NO WARRANTY."),
        this);
    license->setObjectName(QStringLiteral("license"));
    license->setWordWrap(true);

    m_entries.append({QStringLiteral("Portolan %1").arg(QStringLiteral(PORTOLAN_VERSION)),
                      QStringLiteral("GPL-3.0-or-later"),
                      {},
                      resourceText(QStringLiteral(":/notices/LICENSE"))});
    const QString notices = resourceText(QStringLiteral(":/notices/THIRD-PARTY-NOTICES.txt"));
    m_entries.append(parseNotices(notices));

    m_components = new QListWidget(this);
    m_components->setObjectName(QStringLiteral("components"));
    for (const Component& component : std::as_const(m_entries)) {
        auto* item = new QListWidgetItem(tr("%1 — %2").arg(component.name, component.license));
        item->setToolTip(component.shippedIn.isEmpty() ? QString()
                                                       : tr("In: %1").arg(component.shippedIn));
        m_components->addItem(item);
    }
    m_notice = new QPlainTextEdit(this);
    m_notice->setObjectName(QStringLiteral("notice"));
    m_notice->setReadOnly(true);
    m_notice->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_notice->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    auto* componentsLabel = new QLabel(
        notices.isEmpty() ? tr("The third-party notices are missing from this build.")
                          : tr("Portolan is made with these components; select one for its "
                               "notice and license:"),
        this);
    componentsLabel->setWordWrap(true);
    componentsLabel->setBuddy(m_components);
    auto* lists = new QHBoxLayout;
    lists->addWidget(m_components, 3);
    lists->addWidget(m_notice, 5);

    auto* layout = new QVBoxLayout(this);
    layout->addLayout(top);
    if (!details.isEmpty()) {
        auto* run = new QLabel(details, this);
        run->setObjectName(QStringLiteral("details"));
        run->setTextInteractionFlags(Qt::TextSelectableByMouse);
        layout->addWidget(run);
    }
    layout->addWidget(license);
    layout->addWidget(componentsLabel);
    layout->addLayout(lists, 1);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_components, &QListWidget::currentRowChanged, this, &AboutDialog::showComponent);
    m_components->setCurrentRow(0);
    resize(860, 560);
}

void AboutDialog::showComponent(int row)
{
    m_notice->setPlainText(row >= 0 && row < m_entries.size() ? m_entries.at(row).notice
                                                              : QString());
}

} // namespace portolan::ui
