// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/probes/probesview.h"

#include "ui/probes/probetext.h"

#include "model/services/explanations.h"
#include "model/services/runtext.h"

// What a finished probe run meant, in one line: the ProbesView's summary.
namespace portolan::ui {
namespace {

QString html(const QString& text)
{
    return text.toHtmlEscaped();
}

QString qs(const std::string& text)
{
    return QString::fromStdString(text);
}

// The runtime block (else persistent) of `protocol` that covers `port`.
const ReservedBlock* blockAt(const std::vector<ReservedBlock>& blocks, Protocol protocol,
                             quint16 port)
{
    const ReservedBlock* found = nullptr;
    for (const ReservedBlock& b : blocks) {
        if (b.protocol != protocol || !b.range.contains(port))
            continue;
        if (!b.persistent)
            return &b;
        if (!found)
            found = &b;
    }
    return found;
}

} // namespace

QString ProbesView::summaryFor(const ProbeRunRecord& run, const std::vector<ReservedBlock>& blocks)
{
    const QString protocol = Explanations::protocolName(run.protocol);
    if (run.kind == ProbeKind::BindProbe && !run.steps.isEmpty()) {
        const ProbeStepRecord& step = run.steps.front();
        const quint16 port = run.requested.start;
        const BindOutcome outcome =
            step.outcome.value_or(step.ok ? BindOutcome::Free : BindOutcome::Other);
        const QString code = html(ProbeText::codeText(step.error));
        switch (outcome) {
        case BindOutcome::Free:
            if (port == 0)
                return tr("<b>Free:</b> the system chose %1 port %2 on %3; the bind succeeded.")
                    .arg(protocol)
                    .arg(step.firstPort)
                    .arg(html(run.address));
            return tr("<b>Free:</b> %1 %2 on %3 can be bound; the bind succeeded.")
                .arg(protocol)
                .arg(port)
                .arg(html(run.address));
        case BindOutcome::InUse:
            return tr("<b>In use:</b> %1 %2 on %3 is taken%4 — %5.")
                .arg(protocol)
                .arg(port)
                .arg(html(run.address),
                     step.holder.isEmpty() ? QString() : tr(" by %1").arg(html(step.holder)), code);
        case BindOutcome::Denied:
            return tr("<b>Denied:</b> %1 %2 on %3 is refused%4 — %5. No reservation covers the "
                      "port: a socket of another account, or one bound with SO_EXCLUSIVEADDRUSE, "
                      "holds it. Stop that program or choose another port.")
                .arg(protocol)
                .arg(port)
                .arg(html(run.address),
                     step.holder.isEmpty() ? QString() : tr(" by %1").arg(html(step.holder)), code);
        case BindOutcome::Forbidden:
            if (const ReservedBlock* block = blockAt(blocks, run.protocol, port)) {
                const QString owner = !block->owner.empty()    ? qs(block->owner)
                                      : !step.holder.isEmpty() ? step.holder
                                                               : tr("an unknown process");
                const QString kind =
                    block->persistent ? tr("persistent reservation") : tr("runtime reservation");
                const QString advice =
                    block->persistent
                        ? tr("The system refused a bind inside a persistent reservation.")
                        : tr("Nothing may listen there, yet every bind fails until the service "
                             "gives the block back (it may move at the next boot): use a port "
                             "outside %1, or pin this one with a persistent reservation while "
                             "the service is stopped.")
                              .arg(Explanations::rangeText(block->range));
                return tr("<b>Forbidden:</b> %1 %2 is inside the %3 %4 held by %5 — %6. %7")
                    .arg(protocol)
                    .arg(port)
                    .arg(kind, Explanations::rangeText(block->range), html(owner), code,
                         html(advice));
            }
            return tr("<b>Forbidden:</b> %1 %2 is refused%3 — %4. %5")
                .arg(protocol)
                .arg(port)
                .arg(step.holder.isEmpty() ? QString() : tr(", held by %1").arg(html(step.holder)),
                     code,
                     html(step.error ? Explanations::forError(*step.error, StepKind::BindProbe)
                                     : QString()));
        case BindOutcome::Other:
            break;
        }
        return tr("<b>Failed:</b> %1 %2 on %3 — %4")
            .arg(protocol)
            .arg(port)
            .arg(html(run.address),
                 html(step.error ? Explanations::errorLine(*step.error) : QString()));
    }

    if (run.ok) {
        const QString granted = Explanations::rangeText(run.granted);
        switch (run.kind) {
        case ProbeKind::AcquireRelease:
            return tr("<b>OK:</b> acquired %1 %2 (token %3) and released it.")
                .arg(protocol, granted, Explanations::tokenText(run.token));
        case ProbeKind::LookupAssociate:
        case ProbeKind::AcquireAssociateBind:
            if (run.allocatedPort) {
                const bool inside = run.granted.contains(*run.allocatedPort);
                return (inside ? tr("<b>OK:</b> allocated port %1 inside %2 (token %3).")
                               : tr("<b>Wrong:</b> allocated port %1 lies OUTSIDE %2 (token %3)."))
                    .arg(*run.allocatedPort)
                    .arg(granted, Explanations::tokenText(run.token));
            }
            return tr("<b>OK:</b> %1 %2 (token %3).")
                .arg(protocol, granted, Explanations::tokenText(run.token));
        default:
            return tr("<b>OK:</b> %1").arg(html(RunText::summary(run)));
        }
    }
    for (const ProbeStepRecord& step : run.steps) {
        if (step.ok)
            continue;
        QString explanation = Explanations::forStep(step);
        return tr("<b>Failed at %1:</b> %2%3")
            .arg(html(Explanations::stepKindName(step.kind)),
                 html(step.error ? Explanations::errorLine(*step.error)
                                 : RunText::stepDetail(step, run)),
                 explanation.isEmpty() ? QString() : QStringLiteral(" — ") + html(explanation));
    }
    return tr("<b>Failed:</b> %1").arg(html(RunText::summary(run)));
}

} // namespace portolan::ui
