// SPDX-License-Identifier: GPL-3.0-or-later
#include "cli.h"

#include "commandline.h"
#include "output.h"
#include "session.h"

#include "platform/simulated/simulatedfiles.h"

#include <iostream>
#include <iterator>
#include <ostream>

namespace portolan::cli {

int exitCodeFor(ErrorKind kind)
{
    switch (kind) {
    case ErrorKind::AccessDenied:
        return kExitAccessDenied;
    case ErrorKind::NotFound:
        return kExitNotFound;
    case ErrorKind::Unsupported:
        return kExitUnsupported;
    case ErrorKind::Cancelled:
        return kExitCancelled;
    default:
        return kExitFailed;
    }
}

namespace {

bool wantsJson(const std::vector<std::string>& args)
{
    for (const auto& arg : args) {
        if (arg == "--")
            break;
        if (arg == "--json")
            return true;
    }
    return false;
}

int usageFailure(const UsageError& error, bool json, std::ostream& out, std::ostream& err)
{
    if (json) {
        Json detail = errorJson(Error::make(ErrorKind::InvalidArgument, error.message));
        detail["usage"] = usageLine(error.command);
        printJson(out, failureJson(error.command, std::move(detail)));
    } else {
        err << "portolan-cli: " << error.message << '\n' << usageLine(error.command);
        err << "Try 'portolan-cli " << (error.command.empty() ? "" : error.command + " ")
            << "--help' for more information.\n";
    }
    return kExitUsage;
}

Result<DesiredState> readDesiredState(const std::string& file, std::istream* input)
{
    if (file == "-") {
        std::istream& in = input ? *input : std::cin;
        std::string text{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
        return desiredStateFromJson(text, "FILE (standard input)");
    }
    auto text = simulated::readTextFile(file, "FILE: the desired state");
    if (!text)
        return Error::make(ErrorKind::InvalidArgument, text.error().message);
    return desiredStateFromJson(text.value(), "FILE " + file);
}

} // namespace

int runCli(const std::vector<std::string>& args, std::ostream& out, std::ostream& err,
           const Environment& environment)
{
    ParseOutcome parsed = parseCommandLine(args);
    if (parsed.error)
        return usageFailure(*parsed.error, wantsJson(args), out, err);
    const Invocation& inv = *parsed.invocation;

    if (inv.help) {
        out << helpText(inv.commandName);
        return kExitOk;
    }
    if (inv.version) {
        out << versionText();
        return kExitOk;
    }

    // The desired state is read before any backend exists: a bad file changes nothing.
    std::optional<Invocation> withDesired;
    if (inv.command == Command::Apply) {
        auto desired = readDesiredState(inv.inputFile, environment.input);
        if (!desired)
            return usageFailure(UsageError{desired.error().message, inv.commandName}, inv.json, out,
                                err);
        withDesired = inv;
        withDesired->desired = std::move(desired.value());
    }
    const Invocation& run = withDesired ? *withDesired : inv;

    BackendOptions options;
    options.kind = inv.backend;
    options.scenarioFile = inv.scenarioFile;
    options.stateFile = inv.stateFile;
    auto backend =
        environment.makeBackend ? environment.makeBackend(options) : createBackend(options);
    if (!backend.ok()) {
        const Error& error = backend.error();
        // A backend that cannot be set up from the options is a usage error: nothing ran.
        bool optionsProblem = error.kind == ErrorKind::InvalidArgument ||
                              error.kind == ErrorKind::IoError || error.kind == ErrorKind::NotFound;
        int code = optionsProblem ? kExitUsage : exitCodeFor(error.kind);
        if (inv.json) {
            printJson(out, failureJson(inv.commandName, errorJson(error)));
        } else {
            err << "portolan-cli: " << describeError(error) << '\n';
            err << "  "
                << (optionsProblem ? "Check --backend, --scenario and --state."
                                   : remedy(error.kind))
                << '\n';
        }
        return code;
    }

    Session session(run, *backend.value(), out, err, environment);
    int code = session.run();
    if (inv.json && !session.printedDocument())
        printJson(out, session.document());
    out.flush();
    return code;
}

int runCli(const std::vector<std::string>& args, std::ostream& out, std::ostream& err)
{
    return runCli(args, out, err, Environment{});
}

} // namespace portolan::cli
