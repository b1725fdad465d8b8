# The Qt Linguist pipeline, included from ui/CMakeLists.txt (targets and build paths are the
# GUI's). How to add a language or update after string changes: docs/translations.md.
#
#   cmake --build build --target update_translations   # lupdate: code -> translations/*.ts
#   (translate in Qt Linguist or any editor)
#   cmake --build build                                # lrelease: *.ts -> .qm, embedded in seqdrop

# One translations/seqdrop_<lang>.ts per language.
set(SEQDROP_LANGUAGES de)

# lupdate reads the window and the engine: engine messages (network errors, file problems,
# sign-in) reach the window. cli/ is left out: seqdrop-cli never loads a translation, so its
# output, --json included, stays English for scripts and support.
file(GLOB_RECURSE SEQDROP_TR_SOURCES CONFIGURE_DEPENDS
    ${PROJECT_SOURCE_DIR}/ui/*.cpp ${PROJECT_SOURCE_DIR}/ui/*.h
    ${PROJECT_SOURCE_DIR}/app/*.cpp ${PROJECT_SOURCE_DIR}/app/*.h)
set(SEQDROP_TR_INCLUDES ${PROJECT_SOURCE_DIR}/ui ${PROJECT_SOURCE_DIR}/app)
# No source locations: with line numbers every code edit would rewrite the .ts files and merges
# of branches would conflict in them. Messages gone from the code are dropped.
set(SEQDROP_LUPDATE_OPTIONS -locations none -no-obsolete)

set(_seqdrop_ts_files)
foreach(_lang ${SEQDROP_LANGUAGES})
    list(APPEND _seqdrop_ts_files ${CMAKE_CURRENT_LIST_DIR}/seqdrop_${_lang}.ts)
endforeach()
qt_add_translations(seqdrop_ui
    TS_FILES ${_seqdrop_ts_files}
    SOURCES ${SEQDROP_TR_SOURCES}
    INCLUDE_DIRECTORIES ${SEQDROP_TR_INCLUDES}
    RESOURCE_PREFIX /i18n
    LUPDATE_OPTIONS ${SEQDROP_LUPDATE_OPTIONS})

# The source strings are English with "(s)" plurals ("%n file(s)"). seqdrop_en.ts holds only
# those messages (lupdate -pluralonly) with their English singular and plural, so an English
# window says "1 file" and "3 files". It is loaded when no other language matches the locale.
add_custom_target(seqdrop_english_plurals)
qt_add_lupdate(seqdrop_english_plurals
    TS_FILES ${CMAKE_CURRENT_LIST_DIR}/seqdrop_en.ts
    SOURCES ${SEQDROP_TR_SOURCES}
    INCLUDE_DIRECTORIES ${SEQDROP_TR_INCLUDES}
    OPTIONS -pluralonly ${SEQDROP_LUPDATE_OPTIONS})
qt_add_lrelease(seqdrop_english_plurals
    TS_FILES ${CMAKE_CURRENT_LIST_DIR}/seqdrop_en.ts
    QM_FILES_OUTPUT_VARIABLE _seqdrop_en_qm)
qt_add_resources(seqdrop_ui seqdrop_ui_english_plurals
    PREFIX /i18n
    BASE ${CMAKE_CURRENT_BINARY_DIR}
    FILES ${_seqdrop_en_qm})

# For tests/ui/tst_ui_translation: it runs lupdate the same way to prove the .ts files cover
# every message in the code.
set(SEQDROP_TRANSLATIONS_DIR ${CMAKE_CURRENT_LIST_DIR} CACHE INTERNAL "")
