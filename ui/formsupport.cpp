// SPDX-License-Identifier: GPL-3.0-or-later
#include "formsupport.h"

#include "colorscheme.h"

#include <QAbstractButton>
#include <QAbstractItemView>
#include <QCoreApplication>
#include <QDialog>
#include <QEvent>
#include <QGroupBox>
#include <QHeaderView>
#include <QHelpEvent>
#include <QLabel>
#include <QLayout>
#include <QMenuBar>
#include <QPalette>
#include <QStringList>
#include <QStyle>
#include <QStyleOption>
#include <QTabBar>
#include <QToolTip>
#include <QWidget>

#include <charconv>
#include <functional>
#include <optional>

namespace portolan::ui {

namespace {

// Red text, in the variant that reads on the window around it, also after a palette change.
class ErrorLabel : public QLabel
{
public:
    explicit ErrorLabel(QWidget* parent) : QLabel(parent) { applyColor(); }

protected:
    void changeEvent(QEvent* event) override
    {
        QLabel::changeEvent(event);
        if (event->type() == QEvent::PaletteChange)
            applyColor();
    }

private:
    void applyColor()
    {
        const QPalette around = parentWidget() ? parentWidget()->palette() : this->palette();
        QPalette palette = this->palette();
        palette.setColor(QPalette::WindowText, schemeColor(SchemeColor::InvalidText, around));
        setPalette(palette); // no PaletteChange when nothing changed, so this does not recurse
    }
};

// Answers a tooltip request over a cell or a header section whose text does not fit with the
// whole text; a model's own tooltip wins.
class ElidedToolTips : public QObject
{
public:
    explicit ElidedToolTips(QAbstractItemView* view) : QObject(view), m_view(view) {}

    bool eventFilter(QObject* watched, QEvent* event) override
    {
        if (event->type() != QEvent::ToolTip || watched != m_view->viewport())
            return false;
        auto* help = static_cast<QHelpEvent*>(event);
        const std::optional<QString> full = elidedText(help->pos());
        if (!full)
            return false;
        QToolTip::showText(help->globalPos(), *full, m_view->viewport());
        return true;
    }

private:
    std::optional<QString> elidedText(const QPoint& pos) const
    {
        const QAbstractItemModel* model = m_view->model();
        if (!model)
            return std::nullopt;
        if (auto* header = qobject_cast<QHeaderView*>(m_view)) {
            const int section = header->logicalIndexAt(pos);
            if (section < 0)
                return std::nullopt;
            const QString text = model->headerData(section, header->orientation()).toString();
            // Text, both margins and room for the sort arrow.
            const int margin =
                header->style()->pixelMetric(QStyle::PM_HeaderMargin, nullptr, header);
            const int needed = header->fontMetrics().horizontalAdvance(text) + 4 * margin + 12;
            if (text.isEmpty() || needed <= header->sectionSize(section))
                return std::nullopt;
            return withOwnTip(
                text,
                model->headerData(section, header->orientation(), Qt::ToolTipRole).toString());
        }
        const QModelIndex index = m_view->indexAt(pos);
        if (!index.isValid())
            return std::nullopt;
        const QString text = index.data(Qt::DisplayRole).toString();
        if (text.isEmpty())
            return std::nullopt;
        QStyleOptionViewItem option;
        option.initFrom(m_view);
        option.font = m_view->font();
        option.fontMetrics = m_view->fontMetrics();
        option.features = QStyleOptionViewItem::HasDisplay;
        const QRect cell = m_view->visualRect(index);
        const QSize hint = m_view->itemDelegateForIndex(index)->sizeHint(option, index);
        const bool multiLine = text.contains(QLatin1Char('\n'));
        if (!multiLine && hint.width() <= cell.width())
            return std::nullopt;
        return withOwnTip(text, index.data(Qt::ToolTipRole).toString());
    }

    // The model's own explanation still follows the whole text, unless it already says it all.
    static QString withOwnTip(const QString& text, const QString& own)
    {
        if (own.contains(text))
            return own;
        return own.isEmpty() ? text : text + QStringLiteral("\n\n") + own;
    }

    QAbstractItemView* m_view;
};

// The controls under `root` that carry a mnemonic in their text, with a way to change it.
struct MnemonicControl
{
    std::function<QString()> text;
    std::function<void(const QString&)> setText;
};

QList<MnemonicControl> mnemonicControls(QWidget* root)
{
    QList<MnemonicControl> out;
    for (QLabel* label : root->findChildren<QLabel*>()) {
        if (label->buddy())
            out.append({[label] { return label->text(); },
                        [label](const QString& t) { label->setText(t); }});
    }
    for (QAbstractButton* button : root->findChildren<QAbstractButton*>()) {
        out.append({[button] { return button->text(); },
                    [button](const QString& t) { button->setText(t); }});
    }
    for (QGroupBox* box : root->findChildren<QGroupBox*>()) {
        out.append({[box] { return box->title(); }, [box](const QString& t) { box->setTitle(t); }});
    }
    for (QTabBar* tabs : root->findChildren<QTabBar*>()) {
        for (int i = 0; i < tabs->count(); ++i) {
            out.append({[tabs, i] { return tabs->tabText(i); },
                        [tabs, i](const QString& t) { tabs->setTabText(i, t); }});
        }
    }
    return out;
}

int mnemonicPosition(const QString& text)
{
    for (int i = 0; i + 1 < text.size(); ++i) {
        if (text.at(i) != QLatin1Char('&'))
            continue;
        if (text.at(i + 1) != QLatin1Char('&'))
            return i;
        ++i; // "&&" is a literal ampersand
    }
    return -1;
}

} // namespace

void polishItemViews(QWidget* root)
{
    QList<QAbstractItemView*> views = root->findChildren<QAbstractItemView*>();
    if (auto* self = qobject_cast<QAbstractItemView*>(root))
        views.prepend(self);
    for (QAbstractItemView* view : views) {
        view->setTabKeyNavigation(false);
        if (view->property("portolanElidedTips").toBool())
            continue;
        view->setProperty("portolanElidedTips", true);
        view->viewport()->installEventFilter(new ElidedToolTips(view));
    }
}

QChar mnemonicOf(const QString& text)
{
    const int at = mnemonicPosition(text);
    return at < 0 ? QChar() : text.at(at + 1).toLower();
}

QString menuMnemonics(const QWidget* menuBar)
{
    QString letters;
    if (const auto* bar = qobject_cast<const QMenuBar*>(menuBar)) {
        for (const QAction* action : bar->actions()) {
            if (const QChar c = mnemonicOf(action->text()); !c.isNull())
                letters += c;
        }
    }
    return letters;
}

void avoidMnemonics(QWidget* root, const QString& reserved)
{
    const QList<MnemonicControl> controls = mnemonicControls(root);
    QString used = reserved;
    QList<MnemonicControl> clashing;
    for (const MnemonicControl& control : controls) {
        const QChar c = mnemonicOf(control.text());
        if (c.isNull())
            continue;
        if (reserved.contains(c))
            clashing.append(control);
        else
            used += c;
    }
    for (const MnemonicControl& control : clashing) {
        QString text = control.text();
        const int at = mnemonicPosition(text);
        text.remove(at, 1);
        int chosen = -1;
        int fallback = -1;
        for (int i = 0; i < text.size(); ++i) {
            const QChar c = text.at(i).toLower();
            if (!c.isLetterOrNumber() || reserved.contains(c))
                continue;
            if (fallback < 0)
                fallback = i;
            if (!used.contains(c)) {
                chosen = i;
                break;
            }
        }
        if (chosen < 0)
            chosen = fallback;
        if (chosen >= 0) {
            used += text.at(chosen).toLower();
            text.insert(chosen, QLatin1Char('&'));
        }
        control.setText(text);
    }
}

void growToFit(QDialog* dialog)
{
    QLayout* layout = dialog->layout();
    if (!layout)
        return;
    layout->activate();
    const int width = dialog->width();
    int needed = layout->hasHeightForWidth() ? layout->totalHeightForWidth(width)
                                             : layout->totalSizeHint().height();
    needed = qMax(needed, layout->totalMinimumSize().height());
    dialog->setMinimumHeight(needed);
    if (needed > dialog->height())
        dialog->resize(width, needed);
}

QLabel* makeErrorLabel(QWidget* parent)
{
    auto* label = new ErrorLabel(parent);
    label->setWordWrap(true);
    label->setTextFormat(Qt::PlainText);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    label->setVisible(false);
    return label;
}

void setFieldError(QWidget* field, const QString& message)
{
    const bool invalid = !message.isEmpty();
    if (field->property("portolanInvalid").toBool() == invalid && field->toolTip() == message)
        return;
    field->setProperty("portolanInvalid", invalid);
    // The palette rather than a style sheet: the field keeps the platform style's look. Only
    // Base is set, so everything else still follows the parent (an empty palette resets it).
    QPalette palette;
    if (invalid)
        palette.setColor(QPalette::Base, schemeColor(SchemeColor::InvalidBase, field->palette()));
    field->setPalette(palette);
    field->setToolTip(message);
    field->setAccessibleDescription(message);
}

void showErrors(QLabel* label, const QStringList& messages)
{
    label->setText(messages.join(QLatin1Char('\n')));
    label->setVisible(!messages.isEmpty());
}

QString errorField(const Error& error)
{
    const auto colon = error.message.find(':');
    if (colon == std::string::npos)
        return {};
    return QString::fromStdString(error.message.substr(0, colon));
}

QString errorText(const Error& error)
{
    return QString::fromStdString(error.message);
}

Result<std::uint64_t> parseToken(const QString& text, std::string_view field)
{
    const std::string name(field);
    const std::string raw = text.trimmed().toStdString();
    auto invalid = [&](const QString& why) {
        return Error::make(ErrorKind::InvalidArgument, name + ": " + why.toStdString());
    };
    if (raw.empty())
        return invalid(QCoreApplication::translate(
            "portolan::ui::Form", "a token is required; allowed: 0x followed by hex digits, or a "
                                  "decimal number"));
    const bool hex = raw.size() > 2 && raw[0] == '0' && (raw[1] == 'x' || raw[1] == 'X');
    const char* first = raw.data() + (hex ? 2 : 0);
    const char* last = raw.data() + raw.size();
    std::uint64_t value = 0;
    const auto [end, ec] = std::from_chars(first, last, value, hex ? 16 : 10);
    if (ec == std::errc::result_out_of_range)
        return invalid(QCoreApplication::translate("portolan::ui::Form",
                                                   "'%1' is too large for a 64-bit token")
                           .arg(text.trimmed()));
    // from_chars accepts a leading '-' for decimal: refuse anything but digits.
    if (ec != std::errc() || end != last || *first == '-' || *first == '+')
        return invalid(QCoreApplication::translate(
                           "portolan::ui::Form",
                           "'%1' is not a token; allowed: 0x followed by hex digits, or a "
                           "decimal number")
                           .arg(text.trimmed()));
    if (value == 0)
        return invalid(QCoreApplication::translate(
            "portolan::ui::Form", "0 means \"no reservation\"; a token is never 0"));
    return value;
}

} // namespace portolan::ui
