# CPack pre-build script (macOS): re-signs the staged SeqDrop.app ad hoc after macdeployqt
# and strip changed its binaries. CPACK_TEMPORARY_INSTALL_DIRECTORY is the staging root.
file(GLOB_RECURSE _bundles LIST_DIRECTORIES true "${CPACK_TEMPORARY_INSTALL_DIRECTORY}/*.app")
foreach(_bundle IN LISTS _bundles)
    if(NOT IS_DIRECTORY "${_bundle}" OR NOT _bundle MATCHES "\\.app$")
        continue()
    endif()
    message(STATUS "adhoc-sign: ${_bundle}")
    execute_process(COMMAND codesign --force --deep --sign - "${_bundle}"
                    RESULT_VARIABLE _rc)
    if(NOT _rc EQUAL 0)
        message(FATAL_ERROR "codesign failed on ${_bundle} (${_rc})")
    endif()
endforeach()
