// SPDX-License-Identifier: GPL-3.0-or-later
#include "model/services/explanations.h"

#include "platform/nativecodes.h"
#include "platform/text.h"

#include <QLocale>

namespace portolan {
namespace {

QString qs(std::string_view text)
{
    return QString::fromUtf8(text.data(), qsizetype(text.size()));
}

// The codes are compared by name as well as by number so that a Linux backend's errno
// (EACCES 13, EADDRINUSE 98) gets the same words as Winsock's.
bool named(const Error& error, std::initializer_list<std::string_view> names)
{
    for (std::string_view name : names) {
        if (error.name == name)
            return true;
    }
    return false;
}

} // namespace

QString Explanations::forError(const Error& error, std::optional<StepKind> step)
{
    using namespace native;
    const std::int64_t code = error.code;
    const bool isBind = step && (*step == StepKind::Bind || *step == StepKind::BindProbe ||
                                 *step == StepKind::ScanRun);

    if (code == kWsaEacces || named(error, {"WSAEACCES", "EACCES"})) {
        if (isBind)
            return tr("The bind was refused: a reservation covers this port (Hyper-V, WinNAT, "
                      "WSL, Docker…), or a socket of another account, or an exclusive one, "
                      "holds it.");
        if (step && *step == StepKind::Associate)
            return tr("Associating a socket with a persistent reservation needs an elevated "
                      "administrator.");
        return tr("The system refused the access: run the console elevated.");
    }
    if (code == kWsaEaddrinuse || named(error, {"WSAEADDRINUSE", "EADDRINUSE"})) {
        if (step && *step == StepKind::Acquire)
            return tr("The block overlaps a persistent reservation or ports in use.");
        return tr("Another socket is already bound to this port.");
    }
    if (code == kErrorSharingViolation || named(error, {"ERROR_SHARING_VIOLATION"}))
        return tr("A port of the block is in use, or the block overlaps an existing "
                  "reservation: Windows does not say which.");
    if (code == kErrorAccessDenied || named(error, {"ERROR_ACCESS_DENIED", "EPERM"}))
        return tr("Only an elevated administrator may change persistent reservations: restart "
                  "the console elevated.");
    if (code == kErrorNotFound || named(error, {"ERROR_NOT_FOUND"}))
        return tr("There is no persistent reservation with exactly this start and count "
                  "(it may have been deleted, or was made with another count).");
    if (code == kErrorInvalidParameter || named(error, {"ERROR_INVALID_PARAMETER"}))
        return tr("The start or count is 0, or the block runs past port 65535.");
    if (code == kWsaEaddrnotavail || named(error, {"WSAEADDRNOTAVAIL", "EADDRNOTAVAIL"}))
        return tr("The address is not one of this machine's.");
    if (code == kWsaEinval || named(error, {"WSAEINVAL", "EINVAL"})) {
        if (step && (*step == StepKind::Associate || *step == StepKind::Release))
            return tr("The token does not name a reservation this socket may use, or the "
                      "socket is already bound.");
        if (isBind)
            return tr("The socket is already bound, or the block it is associated with is "
                      "exhausted.");
        return tr("The system rejected an argument of the call.");
    }
    if (code == kWsaEopnotsupp || named(error, {"WSAEOPNOTSUPP", "EOPNOTSUPP"}))
        return tr("Port reservations apply only to TCP and UDP sockets.");
    if (code == kWsaEnobufs || named(error, {"WSAENOBUFS", "ENOBUFS"}))
        return tr("No free block of that size was left.");
    if (code == kWsaEnotsock || named(error, {"WSAENOTSOCK"}))
        return tr("The socket is gone (closed, or the machine restarted).");
    if (code == kWsaEafnosupport || code == kWsaEprotonosupport || code == kWsaEsocktnosupport ||
        code == kWsaEprototype)
        return tr("This combination of address family, socket type and protocol is not "
                  "supported.");

    switch (error.kind) {
    case ErrorKind::AccessDenied:
        return tr("The operation needs elevation.");
    case ErrorKind::Unsupported:
        return tr("This system or backend cannot do this.");
    case ErrorKind::Cancelled:
        return tr("Cancelled.");
    case ErrorKind::Timeout:
        return tr("The call took too long.");
    default:
        break;
    }
    return {};
}

QString Explanations::forOutcome(BindOutcome outcome, std::int64_t code)
{
    switch (outcome) {
    case BindOutcome::Free:
        return tr("Free: the bind succeeded.");
    case BindOutcome::InUse:
        return tr("In use: another socket is bound to this port.");
    case BindOutcome::Denied:
        return tr("Denied: a socket of another account, or one bound with SO_EXCLUSIVEADDRUSE, "
                  "holds this port. Stop that program or choose another port; no reservation "
                  "is involved.");
    case BindOutcome::Forbidden:
        if (code == native::kWsaEacces || code == 0)
            return tr("Forbidden: a reservation covers this port (Hyper-V, WinNAT…), although "
                      "nothing may be listening there. Choose a port outside the block, or stop "
                      "its owner and pin the port with a persistent reservation.");
        return tr("Forbidden: the system refused the bind (a reservation, or a privileged "
                  "port).");
    case BindOutcome::Other:
        return tr("The bind failed for another reason.");
    }
    return {};
}

QString Explanations::forStep(const ProbeStepRecord& step)
{
    if (step.error) {
        if (step.outcome && (step.kind == StepKind::ScanRun || step.kind == StepKind::BindProbe))
            return forOutcome(*step.outcome, step.error->code);
        // The holder ProbeService found for a plan's failed step: name it rather than guess.
        if (!step.holder.isEmpty() && step.firstPort != 0) {
            const QString ports = rangeText(
                PortRange{step.firstPort, quint16(quint32(step.lastPort) - step.firstPort + 1)});
            if (step.kind == StepKind::Acquire)
                return tr("The block overlaps %1, held by %2: choose ports outside it, or stop "
                          "its owner.")
                    .arg(ports, step.holder);
            if (step.kind == StepKind::Bind || step.kind == StepKind::GetSockName)
                return tr("No port of the reserved block is free: %1 is held by %2. Stop it, or "
                          "reserve a larger block.")
                    .arg(ports, step.holder);
        }
        QString text = forError(*step.error, step.kind);
        if (text.isEmpty())
            text = qs(step.error->message);
        return text;
    }
    if (step.outcome)
        return forOutcome(*step.outcome);
    return {};
}

QString Explanations::errorLine(const Error& error)
{
    QString text = kindName(error.kind);
    if (!error.name.empty())
        text += QStringLiteral(" (%1, %2)").arg(qs(error.name)).arg(error.code);
    else if (error.code != 0)
        text += QStringLiteral(" (%1)").arg(error.code);
    if (!error.message.empty())
        text += QStringLiteral(": ") + qs(error.message);
    return text;
}

QString Explanations::kindName(ErrorKind kind)
{
    switch (kind) {
    case ErrorKind::AccessDenied:
        return tr("Access denied");
    case ErrorKind::InvalidArgument:
        return tr("Invalid argument");
    case ErrorKind::Conflict:
        return tr("Conflict");
    case ErrorKind::NotFound:
        return tr("Not found");
    case ErrorKind::Unsupported:
        return tr("Unsupported");
    case ErrorKind::Cancelled:
        return tr("Cancelled");
    case ErrorKind::Timeout:
        return tr("Timeout");
    case ErrorKind::Interrupted:
        return tr("Interrupted");
    case ErrorKind::Unavailable:
        return tr("Unavailable");
    case ErrorKind::IoError:
        return tr("I/O error");
    case ErrorKind::Internal:
        return tr("Internal error");
    }
    return {};
}

QString Explanations::protocolName(Protocol protocol)
{
    return protocol == Protocol::Tcp ? tr("TCP") : tr("UDP");
}

QString Explanations::sourceName(ReservationSource source)
{
    switch (source) {
    case ReservationSource::Created:
        return tr("created");
    case ReservationSource::LookedUp:
        return tr("looked up");
    case ReservationSource::Discovered:
        return tr("discovered");
    case ReservationSource::Imported:
        return tr("imported");
    }
    return {};
}

QString Explanations::stateName(ReservationState state)
{
    switch (state) {
    case ReservationState::Present:
        return tr("present");
    case ReservationState::Missing:
        return tr("missing");
    case ReservationState::Unverified:
        return tr("unverified");
    }
    return {};
}

QString Explanations::actionName(AuditAction action)
{
    switch (action) {
    case AuditAction::Create:
        return tr("create");
    case AuditAction::Delete:
        return tr("delete");
    case AuditAction::Lookup:
        return tr("lookup");
    case AuditAction::Note:
        return tr("note");
    case AuditAction::DynamicRange:
        return tr("dynamic range");
    case AuditAction::Protect:
        return tr("protect");
    }
    return {};
}

QString Explanations::probeKindName(ProbeKind kind)
{
    switch (kind) {
    case ProbeKind::AcquireRelease:
        return tr("acquire and release");
    case ProbeKind::LookupAssociate:
        return tr("lookup and associate");
    case ProbeKind::AcquireAssociateBind:
        return tr("acquire, associate and bind");
    case ProbeKind::BindProbe:
        return tr("bind probe");
    case ProbeKind::Scan:
        return tr("scan");
    }
    return {};
}

QString Explanations::stepKindName(StepKind kind)
{
    switch (kind) {
    case StepKind::OpenSocket:
        return tr("open socket");
    case StepKind::Acquire:
        return tr("acquire");
    case StepKind::Lookup:
        return tr("lookup");
    case StepKind::Associate:
        return tr("associate");
    case StepKind::Bind:
        return tr("bind");
    case StepKind::GetSockName:
        return tr("getsockname");
    case StepKind::Release:
        return tr("release");
    case StepKind::Close:
        return tr("close");
    case StepKind::BindProbe:
        return tr("bind probe");
    case StepKind::ScanRun:
        return tr("ports");
    }
    return {};
}

QString Explanations::outcomeName(BindOutcome outcome)
{
    switch (outcome) {
    case BindOutcome::Free:
        return tr("free");
    case BindOutcome::InUse:
        return tr("in use");
    case BindOutcome::Denied:
        return tr("denied");
    case BindOutcome::Forbidden:
        return tr("forbidden");
    case BindOutcome::Other:
        return tr("other");
    }
    return {};
}

QString Explanations::rangeText(const PortRange& range)
{
    // A runtime request with start 0 lets the system choose the block.
    if (range.start == 0 && range.count > 0)
        return tr("any %n port(s)", nullptr, range.count);
    if (range.count <= 1)
        return QString::number(range.start);
    return QStringLiteral("%1–%2").arg(range.start).arg(range.end());
}

QString Explanations::tokenText(quint64 token)
{
    if (token == 0)
        return QStringLiteral("—");
    return QString::fromStdString(text::tokenHex(token));
}

} // namespace portolan
