# Windows: seqdrop.exe as a GUI program with its icon and version resource, and the NSIS
# installer (Start menu entry, "Open with" for FASTA/FASTQ, optional PATH entry for
# seqdrop-cli). Included from packaging/CMakeLists.txt. Qt's DLLs and plugins are deployed
# next to the programs by windeployqt through qt_generate_deploy_app_script.
set(_windows ${CMAKE_CURRENT_LIST_DIR})

if(TARGET seqdrop)
    set(SEQDROP_ICO ${_windows}/seqdrop.ico)
    configure_file(${_windows}/seqdrop.rc.in ${CMAKE_CURRENT_BINARY_DIR}/seqdrop.rc @ONLY)
    target_sources(seqdrop PRIVATE ${CMAKE_CURRENT_BINARY_DIR}/seqdrop.rc)
    set_target_properties(seqdrop PROPERTIES WIN32_EXECUTABLE TRUE)
endif()

set(CPACK_GENERATOR NSIS)
set(CPACK_PACKAGE_EXECUTABLES "seqdrop" "SeqDrop") # the Start menu entry
set(CPACK_NSIS_DISPLAY_NAME "SeqDrop")
set(CPACK_NSIS_PACKAGE_NAME "SeqDrop ${PROJECT_VERSION}")
set(CPACK_NSIS_MUI_ICON ${_windows}/seqdrop.ico)
set(CPACK_NSIS_MUI_UNIICON ${_windows}/seqdrop.ico)
set(CPACK_NSIS_INSTALLED_ICON_NAME "bin\\seqdrop.exe")
set(CPACK_NSIS_MUI_FINISHPAGE_RUN "seqdrop.exe")
set(CPACK_NSIS_ENABLE_UNINSTALL_BEFORE_INSTALL ON)
# Offers to put bin\ on PATH, for seqdrop-cli in scripts.
set(CPACK_NSIS_MODIFY_PATH ON)
# File types: registry entries written and removed by the two include files (NSIS syntax).
file(TO_NATIVE_PATH "${_windows}/register-types.nsh" _register)
file(TO_NATIVE_PATH "${_windows}/unregister-types.nsh" _unregister)
set(CPACK_NSIS_EXTRA_INSTALL_COMMANDS "!include \"${_register}\"")
set(CPACK_NSIS_EXTRA_UNINSTALL_COMMANDS "!include \"${_unregister}\"")
