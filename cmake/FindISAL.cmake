# FindISAL: Intel's ISA-L (igzip), as packaged by Debian/Ubuntu (libisal-dev, pkg-config
# libisal), Homebrew (isa-l) and vcpkg (isal). Defines the imported target ISAL::ISAL.
#
# The headers are <isa-l/igzip_lib.h> everywhere except vcpkg on Windows (<isal/igzip_lib.h>);
# app/validation/inflatereader.cpp picks whichever exists.
#
# ISAL_PREFER_STATIC=ON looks for the static library first, so that an app bundle or an
# installer carries no extra shared library (its DLL/dylib would otherwise need deploying
# next to every executable).

find_package(PkgConfig QUIET)
if(PKG_CONFIG_FOUND)
    pkg_check_modules(PC_ISAL QUIET libisal)
endif()

find_path(ISAL_INCLUDE_DIR
    NAMES isa-l/igzip_lib.h isal/igzip_lib.h
    HINTS ${PC_ISAL_INCLUDE_DIRS} ${PC_ISAL_INCLUDEDIR})

set(_isal_names isal isa-l)
set(_isal_static_names libisal.a isa-l_static isa-l_static.lib)
if(ISAL_PREFER_STATIC)
    set(_isal_names ${_isal_static_names} ${_isal_names})
else()
    list(APPEND _isal_names ${_isal_static_names})
endif()
find_library(ISAL_LIBRARY
    NAMES ${_isal_names}
    NAMES_PER_DIR
    HINTS ${PC_ISAL_LIBRARY_DIRS} ${PC_ISAL_LIBDIR})
unset(_isal_names)
unset(_isal_static_names)

set(ISAL_VERSION ${PC_ISAL_VERSION})

include(FindPackageHandleStandardArgs)
find_package_handle_standard_args(ISAL
    REQUIRED_VARS ISAL_LIBRARY ISAL_INCLUDE_DIR
    VERSION_VAR ISAL_VERSION)

if(ISAL_FOUND AND NOT TARGET ISAL::ISAL)
    add_library(ISAL::ISAL UNKNOWN IMPORTED)
    set_target_properties(ISAL::ISAL PROPERTIES
        IMPORTED_LOCATION "${ISAL_LIBRARY}"
        INTERFACE_INCLUDE_DIRECTORIES "${ISAL_INCLUDE_DIR}")
endif()

mark_as_advanced(ISAL_INCLUDE_DIR ISAL_LIBRARY)
