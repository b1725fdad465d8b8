# macOS: SeqDrop.app (Info.plist with the FASTA/FASTQ document types, icon) and the DragNDrop
# (.dmg) settings. Included from packaging/CMakeLists.txt. Qt is deployed into the bundle by
# macdeployqt through qt_generate_deploy_app_script (packaging/CMakeLists.txt).
set(_macos ${CMAKE_CURRENT_LIST_DIR})

if(TARGET seqdrop)
    set(_icns ${_macos}/seqdrop.icns)
    target_sources(seqdrop PRIVATE ${_icns})
    set_source_files_properties(${_icns} TARGET_DIRECTORY seqdrop
                                PROPERTIES MACOSX_PACKAGE_LOCATION Resources)
    set_target_properties(seqdrop PROPERTIES
        OUTPUT_NAME SeqDrop
        MACOSX_BUNDLE TRUE
        MACOSX_BUNDLE_INFO_PLIST ${_macos}/Info.plist.in
        MACOSX_BUNDLE_BUNDLE_NAME SeqDrop
        MACOSX_BUNDLE_GUI_IDENTIFIER ${SEQDROP_APP_ID}
        MACOSX_BUNDLE_BUNDLE_VERSION ${PROJECT_VERSION}
        MACOSX_BUNDLE_SHORT_VERSION_STRING ${PROJECT_VERSION}
        MACOSX_BUNDLE_ICON_FILE seqdrop.icns)
endif()

# seqdrop-cli and seqdrop-sandbox sit in SeqDrop.app/Contents/MacOS and use the Qt frameworks
# macdeployqt copies into Contents/Frameworks (their qt.conf lookup finds the bundle's too).
set_target_properties(seqdrop-cli seqdrop-sandbox PROPERTIES
    INSTALL_RPATH "@executable_path/../Frameworks")

set(CPACK_GENERATOR DragNDrop)
set(CPACK_DMG_VOLUME_NAME "SeqDrop ${PROJECT_VERSION}")
set(CPACK_DMG_FORMAT UDZO)
# macdeployqt and the install-time strip change the binaries after the linker signed them;
# Apple silicon refuses to run a binary whose signature no longer matches. Sign ad hoc again
# (a Developer ID signature and notarization are a release step, docs/packaging.md).
set(CPACK_PRE_BUILD_SCRIPTS ${_macos}/adhoc-sign.cmake)
