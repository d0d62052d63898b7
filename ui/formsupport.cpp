// SPDX-License-Identifier: GPL-3.0-or-later
#include "formsupport.h"

#include "colorscheme.h"

#include <QCoreApplication>
#include <QEvent>
#include <QLabel>
#include <QPalette>
#include <QStringList>
#include <QWidget>

#include <charconv>

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

} // namespace

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
