# SPDX-License-Identifier: GPL-3.0-or-later
# Runs the real portolan-cli executable and checks its documented exit codes.
# cmake -DCLI=<portolan-cli> -DSCENARIOS=<resources/scenarios> -DWORK=<scratch dir> -P exitcodes.cmake
include("${CMAKE_CURRENT_LIST_DIR}/programrun.cmake")
require_variables(CLI SCENARIOS WORK)
fresh_folder("${WORK}")
set(STATE "${WORK}/state.json")
set(SIM --scenario "${SCENARIOS}/clean.json" --state "${STATE}")

# A non-elevated copy of the clean machine.
file(READ "${SCENARIOS}/clean.json" clean)
string(REPLACE "\"elevated\": true" "\"elevated\": false" user "${clean}")
file(WRITE "${WORK}/user.json" "${user}")
set(USER --scenario "${WORK}/user.json" --state "${WORK}/user-state.json")

set(failures 0)
function(expect code)
    run_program(${code} portolan-cli COMMAND "${CLI}" ARGS ${ARGN})
endfunction()

expect(0 --version)
expect(0 --help)
expect(0 create --help)
expect(1)
expect(1 frobnicate)
expect(1 create tcp 5000 0)
expect(1 ${SIM} create tcp 1e3 10)
expect(1 --scenario "${WORK}/missing.json" --state "${STATE}" list)
expect(0 ${SIM} create tcp 5000 10)
expect(2 ${SIM} create tcp 5005 10)
expect(0 ${SIM} lookup tcp 5000 10 --json)
expect(5 ${SIM} lookup tcp 5000 20)
expect(0 ${SIM} delete tcp 5000 10)
expect(5 ${SIM} delete tcp 5000 10)
expect(4 ${USER} create tcp 5000 10)
expect(0 ${SIM} acquire udp 0 10)
expect(0 ${SIM} probe)
expect(1 ${SIM} probe acquire-release ipv4 stream tcp 70000 10)
expect(1 ${SIM} probe lookup-associate 0 -1)
