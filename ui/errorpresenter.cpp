// SPDX-License-Identifier: GPL-3.0-or-later
#include "errorpresenter.h"

#include "model/services/explanations.h"
#include "model/store/records.h"

namespace portolan::ui {

QString ErrorPresentation::toPlainText() const
{
    QString text = kind;
    if (!nativeCode.isEmpty())
        text += QStringLiteral(" — ") + nativeCode;
    if (!what.isEmpty())
        text += QLatin1Char('\n') + what;
    if (!whatToDo.isEmpty())
        text += QLatin1Char('\n') + whatToDo;
    return text;
}

QString ErrorPresentation::toHtml() const
{
    QString html = QStringLiteral("<b>%1</b>").arg(kind.toHtmlEscaped());
    if (!nativeCode.isEmpty())
        html += QStringLiteral(" &nbsp;<code>%1</code>").arg(nativeCode.toHtmlEscaped());
    if (!what.isEmpty())
        html += QStringLiteral("<br>%1").arg(what.toHtmlEscaped());
    if (!whatToDo.isEmpty())
        html += QStringLiteral("<br><i>%1</i>").arg(whatToDo.toHtmlEscaped());
    return html;
}

QString ErrorPresenter::kindText(ErrorKind kind)
{
    switch (kind) {
    case ErrorKind::AccessDenied: return tr("Needs elevation");
    case ErrorKind::InvalidArgument: return tr("Invalid value");
    case ErrorKind::Conflict: return tr("Conflict");
    case ErrorKind::NotFound: return tr("Not found");
    case ErrorKind::Unsupported: return tr("Not supported here");
    case ErrorKind::Cancelled: return tr("Cancelled");
    case ErrorKind::Timeout: return tr("Timed out");
    case ErrorKind::Interrupted: return tr("Interrupted");
    case ErrorKind::Unavailable: return tr("Unavailable");
    case ErrorKind::IoError: return tr("File error");
    case ErrorKind::Internal: return tr("Internal error");
    }
    return tr("Internal error");
}

QString ErrorPresenter::remedyText(ErrorKind kind)
{
    // The same advice as platform remedy(), in words that can be translated.
    switch (kind) {
    case ErrorKind::AccessDenied:
        return tr("Run Portolan as an administrator (Windows: an elevated process; Linux: root) "
                  "and try again.");
    case ErrorKind::InvalidArgument:
        return tr("Correct the value named in the message and try again.");
    case ErrorKind::Conflict:
        return tr("Choose another block, or stop what holds these ports first.");
    case ErrorKind::NotFound:
        return tr("Check the protocol, start and count: they must match the reservation "
                  "exactly.");
    case ErrorKind::Unsupported:
        return tr("This system cannot do it; use a backend or machine that can.");
    case ErrorKind::Cancelled: return tr("Nothing more was done; start it again when ready.");
    case ErrorKind::Timeout: return tr("The system did not answer in time; try again.");
    case ErrorKind::Interrupted: return tr("The call was interrupted; try again.");
    case ErrorKind::Unavailable: return tr("Check that the network stack is up and try again.");
    case ErrorKind::IoError: return tr("Check the file named in the message and its permissions.");
    case ErrorKind::Internal: return tr("This is a bug in Portolan; please report it.");
    }
    return {};
}

QString ErrorPresenter::nativeCodeText(const Error& error)
{
    if (error.name.empty() && error.code == 0)
        return {};
    if (error.name.empty())
        return QStringLiteral("(%1)").arg(error.code);
    return QStringLiteral("%1 (%2)").arg(QString::fromStdString(error.name)).arg(error.code);
}

ErrorPresentation ErrorPresenter::present(const Error& error, const QString& context,
                                          std::optional<StepKind> step)
{
    ErrorPresentation p;
    p.kind = kindText(error.kind);
    p.nativeCode = nativeCodeText(error);
    p.whatToDo = remedyText(error.kind);
    p.needsElevation = error.kind == ErrorKind::AccessDenied;

    QStringList parts;
    if (!context.isEmpty())
        parts << context;
    const QString message = QString::fromStdString(error.message).trimmed();
    if (!message.isEmpty())
        parts << (message.endsWith(QLatin1Char('.')) ? message : message + QLatin1Char('.'));
    const QString explanation = Explanations::forError(error, step).trimmed();
    if (!explanation.isEmpty() && !message.contains(explanation, Qt::CaseInsensitive)) {
        QString line = explanation;
        line[0] = line[0].toUpper();
        parts << (line.endsWith(QLatin1Char('.')) ? line : line + QLatin1Char('.'));
    }
    p.what = parts.join(QLatin1Char(' '));
    return p;
}

} // namespace portolan::ui
