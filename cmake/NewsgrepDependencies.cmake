# SPDX-License-Identifier: GPL-2.0-or-later
# Imported targets for the Debian-packaged dependencies. Xapian 1.4's CMake config sets only
# variables, so it is wrapped here; everything else ships usable config files.
find_package(xapian REQUIRED CONFIG)
if(NOT TARGET newsgrep_deps::xapian)
  add_library(newsgrep_deps::xapian INTERFACE IMPORTED)
  set_target_properties(newsgrep_deps::xapian PROPERTIES
    INTERFACE_INCLUDE_DIRECTORIES "${XAPIAN_INCLUDE_DIR}"
    INTERFACE_LINK_LIBRARIES "${XAPIAN_LIBRARIES}")
endif()
find_package(absl REQUIRED CONFIG)
# Abseil linked statically where Debian's libabsl-dev ships the archive beside the shared
# library: a `newsgrep` process then loads 14 shared libraries, not 44, which is most of
# what starting one costs (an empty program linking the 44: 4.7 ms, the 14: 3.2 ms;
# bench/process.sh). Only the targets' files change, not their names, so the installed
# CMake package and newsgrep.pc still name absl:: targets and -labsl_* for embedders (this
# file, installed with the package, changes nothing in their projects).
option(NEWSGREP_STATIC_ABSEIL "Link Abseil's static archives into newsgrep's binaries" ON)
if(NEWSGREP_STATIC_ABSEIL AND PROJECT_NAME STREQUAL "newsgrep")
  get_property(newsgrep_imported DIRECTORY PROPERTY IMPORTED_TARGETS)
  foreach(target IN LISTS newsgrep_imported)
    if(NOT target MATCHES "^absl::")
      continue()
    endif()
    get_target_property(location ${target} IMPORTED_LOCATION_NONE)
    if(location MATCHES "\\.so\\.")
      string(REGEX REPLACE "\\.so\\..*$" ".a" archive "${location}")
      if(EXISTS "${archive}")
        set_target_properties(${target} PROPERTIES IMPORTED_LOCATION_NONE "${archive}"
          IMPORTED_NO_SONAME TRUE)
      endif()
    endif()
  endforeach()
endif()
find_package(nlohmann_json 3.10 REQUIRED CONFIG)
find_package(ZLIB REQUIRED)
# Web pages: libxml2's HTML parser, which reads broken markup as browsers do.
find_package(LibXml2 REQUIRED)
# The indexer analyses articles on several threads.
find_package(Threads REQUIRED)
# Entity extraction: ICU (name folding, transliteration) and libgeonames (the city
# gazetteer compiled into the library; its data comes from geonames.org). The other
# gazetteer data are plain files read at run time: iso-codes JSON, tzdata zone.tab.
find_package(ICU REQUIRED COMPONENTS uc i18n)
find_package(PkgConfig REQUIRED)
pkg_check_modules(GEONAMES REQUIRED IMPORTED_TARGET geonames)
if(NOT TARGET newsgrep_deps::geonames)
  # Its header only: the library is opened with dlopen when the gazetteer is loaded
  # (entities/resources.cc), so a process that does not index never loads it and GLib.
  add_library(newsgrep_deps::geonames INTERFACE IMPORTED)
  set_target_properties(newsgrep_deps::geonames PROPERTIES
    INTERFACE_INCLUDE_DIRECTORIES "${GEONAMES_INCLUDE_DIRS}"
    INTERFACE_LINK_LIBRARIES "${CMAKE_DL_LIBS}")
endif()
