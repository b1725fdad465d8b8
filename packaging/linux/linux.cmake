# Linux: desktop integration files and the .deb/.rpm/.tar.gz settings.
# Included from packaging/CMakeLists.txt.
set(_linux ${CMAKE_CURRENT_LIST_DIR})
set(SEQDROP_DESKTOP_FILE ${CMAKE_CURRENT_BINARY_DIR}/${SEQDROP_APP_ID}.desktop)
set(SEQDROP_METAINFO_FILE ${CMAKE_CURRENT_BINARY_DIR}/${SEQDROP_APP_ID}.metainfo.xml)
set(SEQDROP_MIME_FILE ${_linux}/seqdrop-mime.xml)

if(TARGET seqdrop)
    configure_file(${_linux}/seqdrop.desktop.in ${SEQDROP_DESKTOP_FILE} @ONLY)
    configure_file(${_linux}/seqdrop.metainfo.xml.in ${SEQDROP_METAINFO_FILE} @ONLY)
    install(FILES ${SEQDROP_DESKTOP_FILE} DESTINATION ${CMAKE_INSTALL_DATADIR}/applications)
    install(FILES ${SEQDROP_METAINFO_FILE} DESTINATION ${CMAKE_INSTALL_DATADIR}/metainfo)
    install(FILES ${PROJECT_SOURCE_DIR}/resources/icons/seqdrop.svg
            DESTINATION ${CMAKE_INSTALL_DATADIR}/icons/hicolor/scalable/apps
            RENAME ${SEQDROP_APP_ID}.svg)
    install(FILES ${SEQDROP_MIME_FILE} DESTINATION ${CMAKE_INSTALL_DATADIR}/mime/packages
            RENAME ${SEQDROP_APP_ID}.xml)
endif()

find_program(SEQDROP_RPMBUILD rpmbuild)
set(CPACK_GENERATOR DEB TGZ)
if(SEQDROP_RPMBUILD)
    list(APPEND CPACK_GENERATOR RPM)
endif()

# .deb: Depends from dpkg-shlibdeps (the linked Qt, QtKeychain, ISA-L, httplib libraries),
# plus the packages of the plugins Qt loads at run time, invisible to it: the SQLite driver
# (the upload journal) and the SVG icon engine (the icons). dpkg's triggers refresh the MIME,
# desktop and icon caches, so no maintainer scripts.
set(CPACK_DEBIAN_PACKAGE_NAME "seqdrop")
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_DEPENDS "libqt6sql6-sqlite, libqt6svg6")
# Where the API key is kept (QtKeychain's Secret Service); without one, SeqDrop keeps the key
# for the running session only.
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "gnome-keyring | kwalletmanager | keepassxc")
set(CPACK_DEBIAN_PACKAGE_SECTION "science")
set(CPACK_DEBIAN_PACKAGE_PRIORITY "optional")
set(CPACK_DEBIAN_PACKAGE_DESCRIPTION "${PROJECT_DESCRIPTION}\n${CPACK_PACKAGE_DESCRIPTION}")
set(CPACK_DEBIAN_PACKAGE_CONTROL_STRICT_PERMISSION ON)

# .rpm: rpmbuild's automatic Requires cover the linked libraries.
set(CPACK_RPM_PACKAGE_NAME "seqdrop")
set(CPACK_RPM_FILE_NAME RPM-DEFAULT)
set(CPACK_RPM_PACKAGE_GROUP "Applications/Engineering")
set(CPACK_RPM_PACKAGE_DESCRIPTION "${CPACK_PACKAGE_DESCRIPTION}")
# Folders other packages own (filesystem, hicolor-icon-theme, shared-mime-info).
set(CPACK_RPM_EXCLUDE_FROM_AUTO_FILELIST_ADDITION
    /usr/share/applications /usr/share/metainfo /usr/share/mime /usr/share/mime/packages
    /usr/share/icons /usr/share/icons/hicolor /usr/share/icons/hicolor/scalable
    /usr/share/icons/hicolor/scalable/apps)
