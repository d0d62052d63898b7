# SPDX-License-Identifier: GPL-3.0-or-later
# portolan.com in front of a window program named portolan.exe: the arguments arrive as typed,
# the output and the exit code come back, and a program that becomes a window gives the prompt
# back at once.
# cmake -DTWIN=<portolan.com> -DPROGRAM=<portolan.exe or stub> [-DEMULATOR=<wine-run>]
#       -DWORK=<scratch dir> [-DVERSION=<x.y.z>] -P consoletwin.cmake
# With VERSION, PROGRAM is the real portolan.exe: --version and a bad option are checked.
include("${CMAKE_CURRENT_LIST_DIR}/programrun.cmake")
require_variables(TWIN PROGRAM WORK)
fresh_folder("${WORK}")
file(COPY_FILE "${TWIN}" "${WORK}/portolan.com")
file(COPY_FILE "${PROGRAM}" "${WORK}/portolan.exe")
set(dir "${WORK}")
if(EMULATOR)
    set(dir "Z:${WORK}")
endif()

function(run expected)
    run_program(${expected} portolan.com COMMAND ${EMULATOR} "${WORK}/portolan.com" ARGS ${ARGN})
    set(out "${out}" PARENT_SCOPE)
    set(err "${err}" PARENT_SCOPE)
endfunction()

function(expect_in text what pattern)
    if(NOT "${text}" MATCHES "${pattern}")
        message(SEND_ERROR "${what} does not match '${pattern}': ${text}")
    endif()
endfunction()

if(VERSION)
    string(REPLACE "." "\\." version "${VERSION}")
    run(0 --version)
    expect_in("${out}" "stdout of --version" "^portolan ${version}\r?\n$")
    run(1 --no-such-option)
    expect_in("${err}" "stderr of --no-such-option" "unknown option '--no-such-option'")
    expect_in("${out}" "stdout of --no-such-option" "^$")
    run(0 --help)
    expect_in("${out}" "stdout of --help" "--import")
    return()
endif()

set(name "漢字-жΔ")
run(0 --echo "${name}" "a b")
expect_in("${out}" "stdout of --echo" "^args: \\[${name}\\] \\[a b\\]\r?\n$")
expect_in("${err}" "stderr of --echo" "^stub: echoed\r?\n$")
string(HEX "${name}" nameHex)
string(HEX "${out}" outHex)
string(FIND "${outHex}" "${nameHex}" at)
if(at EQUAL -1)
    message(SEND_ERROR "the relayed output does not hold ${name} as UTF-8: ${outHex}")
endif()

run(7 --exit 7)
expect_in("${err}" "stderr of --exit 7" "stub: exiting 7")

# A window: the twin must return while the program still runs (it waits for the file "go",
# written only after the twin has returned; a twin that waited for it would time out). Files,
# not pipes: under Wine the program's process holds the descriptors it was started with.
execute_process(COMMAND ${EMULATOR} "${WORK}/portolan.com" --window "${dir}/go"
                RESULT_VARIABLE rc OUTPUT_FILE "${WORK}/window.out" ERROR_FILE "${WORK}/window.err"
                TIMEOUT 120)
file(WRITE "${WORK}/go" "")
if(NOT rc STREQUAL "0")
    file(READ "${WORK}/window.err" err)
    message(SEND_ERROR "portolan.com --window: exit ${rc}, expected 0 at once\nstderr: ${err}")
else()
    message(STATUS "ok: exit 0 while the window program runs on: portolan.com --window")
endif()
