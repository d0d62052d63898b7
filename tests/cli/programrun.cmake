# SPDX-License-Identifier: GPL-3.0-or-later
# Shared by the cmake -P scripts that run a real executable (exitcodes, unicodepaths,
# consoletwin): the variables they need, a fresh scratch folder, and one checked run.

# require_variables(VAR...): stops with the name of the first one not given with -D.
function(require_variables)
    foreach(var ${ARGN})
        if(NOT DEFINED ${var})
            message(FATAL_ERROR "${var} is not set")
        endif()
    endforeach()
endfunction()

# fresh_folder(DIR): DIR exists and is empty.
function(fresh_folder dir)
    file(REMOVE_RECURSE "${dir}")
    file(MAKE_DIRECTORY "${dir}")
endfunction()

# run_program(<expected exit code> <name shown> COMMAND <program...> [ARGS <arguments...>]):
# runs the program (COMMAND may start with the emulator), reports a different exit code as an
# error with both streams, and leaves the output in `out` and `err`.
function(run_program expected name)
    cmake_parse_arguments(PARSE_ARGV 2 RUN "" "" "COMMAND;ARGS")
    execute_process(COMMAND ${RUN_COMMAND} ${RUN_ARGS} RESULT_VARIABLE rc OUTPUT_VARIABLE out
                    ERROR_VARIABLE err TIMEOUT 120)
    string(REPLACE ";" " " shown "${RUN_ARGS}")
    if(NOT rc STREQUAL "${expected}")
        message(SEND_ERROR "${name} ${shown}: exit ${rc}, expected ${expected}\n"
                           "stdout: ${out}\nstderr: ${err}")
    else()
        message(STATUS "ok: exit ${rc}: ${name} ${shown}")
    endif()
    set(out "${out}" PARENT_SCOPE)
    set(err "${err}" PARENT_SCOPE)
endfunction()
