# Configures, builds and runs the libFuzzer target with clang in its own build folder.
# Called by the CTest test fuzz_validator_clang (see CMakeLists.txt next to this file).
# Inputs: SOURCE_DIR BUILD_DIR CLANGXX SECONDS [PREFIX_PATH]

# Can this clang link a libFuzzer program at all? (libclang-rt-NN-dev provides it.)
file(MAKE_DIRECTORY ${BUILD_DIR}/probe)
file(WRITE ${BUILD_DIR}/probe/probe.cpp
     "#include <cstdint>\n#include <cstddef>\nextern \"C\" int LLVMFuzzerTestOneInput(const uint8_t *, size_t) { return 0; }\n")
execute_process(COMMAND ${CLANGXX} -fsanitize=fuzzer ${BUILD_DIR}/probe/probe.cpp
                        -o ${BUILD_DIR}/probe/probe
                RESULT_VARIABLE probe_rc OUTPUT_QUIET ERROR_QUIET)
if(NOT probe_rc EQUAL 0)
    message("SEQDROP_FUZZ_SKIP: ${CLANGXX} cannot link -fsanitize=fuzzer (install libclang-rt-dev)")
    return()
endif()

set(extra)
if(PREFIX_PATH)
    list(APPEND extra -DCMAKE_PREFIX_PATH=${PREFIX_PATH})
endif()
execute_process(COMMAND ${CMAKE_COMMAND} -S ${SOURCE_DIR} -B ${BUILD_DIR}
                        -DCMAKE_CXX_COMPILER=${CLANGXX} -DCMAKE_BUILD_TYPE=RelWithDebInfo ${extra}
                RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
    message(FATAL_ERROR "configuring the clang fuzz build failed")
endif()
execute_process(COMMAND ${CMAKE_COMMAND} --build ${BUILD_DIR} -j2 RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
    message(FATAL_ERROR "building the fuzzer failed")
endif()
# A scratch copy of the seed corpus: the fuzzer adds what it finds there, and the source
# tree must stay clean.
file(REMOVE_RECURSE ${BUILD_DIR}/corpus)
file(COPY ${SOURCE_DIR}/corpus/ DESTINATION ${BUILD_DIR}/corpus)
execute_process(COMMAND ${BUILD_DIR}/seqdrop-fuzz-validator -max_total_time=${SECONDS}
                        -max_len=4096 -timeout=10 -print_final_stats=1 ${BUILD_DIR}/corpus
                WORKING_DIRECTORY ${BUILD_DIR}
                RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
    message(FATAL_ERROR "the fuzzer found a problem (exit ${rc}); the crashing input is in ${BUILD_DIR}")
endif()
message("fuzzer ran ${SECONDS} s without findings")
