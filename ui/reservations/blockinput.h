// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "platform/types.h"

#include <QCoreApplication>
#include <QString>
#include <QWidget>

#include <optional>

class QButtonGroup;
class QComboBox;
class QGridLayout;
class QLabel;
class QLineEdit;
class QRadioButton;

namespace portolan::ui {

// What the user typed for a persistent block, checked with the platform's one validation
// (parseNumber / makePortRange, RangeKind::Persistent): either a range or the error of each
// field that is wrong, in words that say what is allowed.
struct BlockInputCheck
{
    std::optional<PortRange> range;
    QString startError;
    QString countError; // count mode
    QString endError;   // end mode

    bool ok() const { return range.has_value(); }
};

class BlockInputValidator
{
    Q_DECLARE_TR_FUNCTIONS(BlockInputValidator)

public:
    // `useEnd`: the second text is the last port of the block rather than the port count.
    static BlockInputCheck check(const QString& start, const QString& countOrEnd, bool useEnd);

private:
    // The translated sentence for a field's text that the platform refused.
    static QString numberError(const QString& text, const Error& error, qint64 max);
};

// Protocol, start, and count or end (two linked line edits: the one not chosen shows the
// value computed from the other), each with its error beside it, updated as the user types.
// Line edits rather than spin boxes, so that whatever is typed or pasted (1e3, 0x50, spaces,
// full-width digits) reaches the one validation and gets a precise answer.
class BlockInput : public QWidget
{
    Q_OBJECT

public:
    explicit BlockInput(QWidget* parent = nullptr);

    Protocol protocol() const;
    void setProtocol(Protocol protocol);
    // Fills start and count (count mode).
    void setRange(PortRange range);
    bool usesEnd() const;
    void setUsesEnd(bool useEnd);

    const BlockInputCheck& check() const { return m_check; }
    std::optional<PortRange> range() const { return m_check.range; }

    QComboBox* protocolCombo() const { return m_protocol; }
    QLineEdit* startEdit() const { return m_start; }
    QLineEdit* countEdit() const { return m_count; }
    QLineEdit* endEdit() const { return m_end; }
    QRadioButton* countRadio() const { return m_countRadio; }
    QRadioButton* endRadio() const { return m_endRadio; }
    QLabel* startError() const { return m_startError; }
    QLabel* countError() const { return m_countError; }
    QLabel* endError() const { return m_endError; }
    // The block in words ("TCP 5000–5019, 20 ports"), or what is missing.
    QLabel* summaryLabel() const { return m_summary; }

    // Lets a dialog put its own rows (a note) under the block's.
    QGridLayout* grid() const { return m_grid; }

    void setReadOnly(bool readOnly);

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

signals:
    // After every edit and protocol change, with the new check.
    void changed();

private:
    void revalidate();
    static void showError(QLabel* label, QLineEdit* edit, const QString& text);

    QGridLayout* m_grid = nullptr;
    QComboBox* m_protocol = nullptr;
    QLineEdit* m_start = nullptr;
    QRadioButton* m_countRadio = nullptr;
    QRadioButton* m_endRadio = nullptr;
    QButtonGroup* m_modeGroup = nullptr;
    QLineEdit* m_count = nullptr;
    QLineEdit* m_end = nullptr;
    QLabel* m_startError = nullptr;
    QLabel* m_countError = nullptr;
    QLabel* m_endError = nullptr;
    QLabel* m_summary = nullptr;
    BlockInputCheck m_check;
    bool m_updating = false;
};

} // namespace portolan::ui
