// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDialog>
#include <QList>
#include <QString>

#include <string_view>

class QListWidget;
class QPlainTextEdit;

namespace portolan::ui {

// Help > About: Portolan's version and license (GPL-3.0-or-later), and the third-party
// components it is made with, each with its notice and license text. The components come from
// resources/notices/THIRD-PARTY-NOTICES.txt, built into the program (:/notices), so that the
// list is the one the packages install.
class AboutDialog : public QDialog
{
    Q_OBJECT

public:
    // `details`: what this run works on (backend, host, database), shown under the version;
    // may be empty.
    explicit AboutDialog(const QString& details = {}, QWidget* parent = nullptr);

    struct Component
    {
        QString name;      // "Qt 6.4.2"
        QString license;   // an SPDX expression: "LGPL-3.0-only"
        QString shippedIn; // "Windows installer, Debian package"
        QString notice;    // the copyright notices and license texts
    };
    // The components of a notices file, in its order: each starts with a line of '=' and its
    // Component, License and Shipped-In lines.
    static QList<Component> parseNotices(const QString& text);
    // The backend in words, its id beside it: "Simulated Windows machine (simulated)",
    // "Windows (windows)". An unknown id is shown alone.
    static QString backendDescription(std::string_view id);

    QListWidget* componentList() const { return m_components; }
    QPlainTextEdit* noticeView() const { return m_notice; }

private:
    void showComponent(int row);

    QList<Component> m_entries; // Portolan itself first, then the notices' components
    QListWidget* m_components = nullptr;
    QPlainTextEdit* m_notice = nullptr;
};

} // namespace portolan::ui
