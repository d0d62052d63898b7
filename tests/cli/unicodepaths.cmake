# SPDX-License-Identifier: GPL-3.0-or-later
# portolan-cli with a file name that no ANSI code page can hold: the state file is created under
# exactly that name, read back, and an error naming such a file reaches a pipe as UTF-8 bytes.
# cmake -DCLI=<portolan-cli> [-DEMULATOR=<wine-run>] -DWORK=<scratch dir> -P unicodepaths.cmake
include("${CMAKE_CURRENT_LIST_DIR}/programrun.cmake")
require_variables(CLI WORK)
fresh_folder("${WORK}")
# Han, Cyrillic and Greek together: no single ANSI code page has all three.
set(name "漢字-жΔ")
# Under Wine the program sees the build folder on drive Z:.
set(dir "${WORK}")
if(EMULATOR)
    set(dir "Z:${WORK}")
endif()
set(state "${dir}/${name}.json")
set(missing "${dir}/${name}-missing.json")

function(run expected)
    run_program(${expected} portolan-cli COMMAND ${EMULATOR} "${CLI}" ARGS ${ARGN})
    set(out "${out}" PARENT_SCOPE)
    set(err "${err}" PARENT_SCOPE)
endfunction()

run(0 --backend simulated --state "${state}" create tcp 50100 4)
if(NOT EXISTS "${WORK}/${name}.json")
    file(GLOB made RELATIVE "${WORK}" "${WORK}/*")
    message(SEND_ERROR "the state file is not ${WORK}/${name}.json; the folder holds: ${made}")
endif()
run(0 --backend simulated --state "${state}" lookup tcp 50100 4)
run(0 --backend simulated --state "${state}" --json list)
string(FIND "${out}" "50100" at)
if(at EQUAL -1)
    message(SEND_ERROR "the block created before is not listed from ${state}: ${out}")
endif()

# The error names the file as the user typed it, in UTF-8 bytes (the pipe is no console).
run(1 --backend simulated --scenario "${missing}" --state "${state}" list)
string(HEX "${name}" nameHex)
string(HEX "${err}" errHex)
string(FIND "${errHex}" "${nameHex}" at)
if(NOT nameHex STREQUAL "e6bca2e5ad972dd0b6ce94")
    message(SEND_ERROR "this script is not read as UTF-8: the name is ${nameHex}")
elseif(at EQUAL -1)
    message(SEND_ERROR "stderr does not hold the file's name as UTF-8 (${nameHex}): ${errHex}\n${err}")
else()
    message(STATUS "ok: the error names ${name} in UTF-8: ${err}")
endif()
