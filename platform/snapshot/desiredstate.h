// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "platform/backend.h"
#include "platform/error.h"
#include "platform/types.h"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

// A desired state of persistent reservations, the way configuration tools describe a machine
// (resources/schemas/apply.schema.json), and the one run that brings the machine there:
// creates first, deletes only when every create succeeded, and on a refusal everything this
// run did is undone, so that a failed run leaves the reservations as it found them.
namespace portolan {

struct DesiredReservation
{
    Protocol protocol = Protocol::Tcp;
    PortRange range;
    bool present = true;
    std::string field; // "reservations[2]", for messages
};

struct DesiredState
{
    std::vector<DesiredReservation> reservations;
};

// Every error is InvalidArgument: "<source>: <field>: what is wrong; allowed: ...".
Result<DesiredState> desiredStateFromJson(std::string_view text, std::string_view source);

struct ApplyAction
{
    enum class Kind : std::uint8_t
    {
        Create,
        Delete
    };
    // planned: --check, or not run because an earlier step failed; done; failed; undone: done,
    // then undone because a later step failed (a deleted block created again has a new token).
    enum class Outcome : std::uint8_t
    {
        Planned,
        Done,
        Failed,
        Undone,
        NotRun
    };

    Kind kind = Kind::Create;
    Protocol protocol = Protocol::Tcp;
    PortRange range;
    std::string field;
    Outcome outcome = Outcome::Planned;
    Token token = kNoToken; // of a block this run created
    std::optional<Error> error;
    std::vector<std::string> explanation; // why the system refused, in words, one per line
};

std::string_view toString(ApplyAction::Kind kind);       // "create", "delete"
std::string_view toString(ApplyAction::Outcome outcome); // "planned", "done", "failed", ...

struct ApplyReport
{
    std::vector<ApplyAction> actions;          // only what differs, creates first
    std::vector<DesiredReservation> unchanged; // already as desired
    std::optional<Error> error;                // the refusal that stopped the run
    bool checkOnly = false;
    // --check: something would change; otherwise: the machine is not as it was found.
    bool changed() const;
};

// Looks up every block, refuses before any change a create that a runtime reservation or
// another persistent block covers (naming its owner), then runs the plan unless checkOnly.
ApplyReport applyDesiredState(Backend& backend, const DesiredState& desired, bool checkOnly);

} // namespace portolan
