// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/fleet/watchlistdialog.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QGridLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QVBoxLayout>

#include <algorithm>

namespace portolan::ui {
namespace {

struct Parsed
{
    QList<WatchedPort> ports;
    QString problem;
};

Parsed parseOther(const QString& text)
{
    Parsed parsed;
    const QStringList entries =
        text.split(QRegularExpression(QStringLiteral("[,;]")), Qt::SkipEmptyParts);
    for (const QString& raw : entries) {
        const QString entry = raw.trimmed().toLower();
        if (entry.isEmpty())
            continue;
        QStringList words = entry.split(QLatin1Char(' '), Qt::SkipEmptyParts);
        Protocol protocol = Protocol::Tcp;
        if (words.size() == 2 &&
            (words[0] == QLatin1String("tcp") || words[0] == QLatin1String("udp"))) {
            protocol = words[0] == QLatin1String("udp") ? Protocol::Udp : Protocol::Tcp;
            words.removeFirst();
        }
        bool ok = false;
        const int port = words.size() == 1 ? words[0].toInt(&ok) : 0;
        if (!ok || port < 1 || port > 65535) {
            parsed.problem = WatchListDialog::tr("Other ports: %1 is not a port; allowed: "
                                                 "1-65535, optionally after tcp or udp, "
                                                 "separated by commas")
                                 .arg(raw.trimmed());
            return parsed;
        }
        parsed.ports.append({protocol, port});
    }
    return parsed;
}

} // namespace

QList<int> WatchListDialog::commonPorts()
{
    return {3000, 3001, 4200, 5000, 5173, 8000, 8080, 8443, 9000};
}

WatchListDialog::WatchListDialog(const QList<WatchedPort>& current, QWidget* parent)
    : QDialog(parent)
{
    setObjectName(QStringLiteral("watchListDialog"));
    setWindowTitle(tr("Watched ports"));
    auto* intro = new QLabel(tr("The console tells you when a block starts covering one of "
                                "these ports, for example after a reboot moved WinNAT's "
                                "blocks. Common development servers' ports (TCP):"),
                             this);
    intro->setWordWrap(true);
    auto* grid = new QGridLayout;
    QStringList others;
    for (const WatchedPort& p : current) {
        if (p.protocol != Protocol::Tcp || !commonPorts().contains(p.port))
            others << (p.protocol == Protocol::Udp ? QStringLiteral("udp %1").arg(p.port)
                                                   : QString::number(p.port));
    }
    int i = 0;
    for (int port : commonPorts()) {
        auto* box = new QCheckBox(QString::number(port), this);
        box->setObjectName(QStringLiteral("watch%1").arg(port));
        box->setChecked(current.contains(WatchedPort{Protocol::Tcp, port}));
        grid->addWidget(box, i / 5, i % 5);
        m_boxes.append(box);
        ++i;
    }
    auto* otherLabel = new QLabel(tr("&Other ports:"), this);
    m_other = new QLineEdit(others.join(QStringLiteral(", ")), this);
    m_other->setPlaceholderText(tr("e.g. 7000, udp 5353"));
    otherLabel->setBuddy(m_other);
    m_problem = new QLabel(this);
    m_problem->setWordWrap(true);
    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addLayout(grid);
    layout->addWidget(otherLabel);
    layout->addWidget(m_other);
    layout->addWidget(m_problem);
    layout->addWidget(m_buttons);
    connect(m_other, &QLineEdit::textChanged, this, &WatchListDialog::check);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    check();
}

QCheckBox* WatchListDialog::box(int port) const
{
    const int at = int(commonPorts().indexOf(port));
    return at < 0 ? nullptr : m_boxes.at(at);
}

QString WatchListDialog::problem() const
{
    return parseOther(m_other->text()).problem;
}

QList<WatchedPort> WatchListDialog::ports() const
{
    Parsed parsed = parseOther(m_other->text());
    if (!parsed.problem.isEmpty())
        return {};
    for (qsizetype i = 0; i < m_boxes.size(); ++i) {
        if (m_boxes[i]->isChecked())
            parsed.ports.append({Protocol::Tcp, commonPorts().at(i)});
    }
    std::sort(parsed.ports.begin(), parsed.ports.end(), [](const auto& a, const auto& b) {
        return std::pair(int(a.protocol), a.port) < std::pair(int(b.protocol), b.port);
    });
    parsed.ports.erase(std::unique(parsed.ports.begin(), parsed.ports.end()), parsed.ports.end());
    return parsed.ports;
}

void WatchListDialog::check()
{
    const QString why = problem();
    m_problem->setText(why);
    m_problem->setVisible(!why.isEmpty());
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(why.isEmpty());
}

} // namespace portolan::ui
