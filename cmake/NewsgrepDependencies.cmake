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
  add_library(newsgrep_deps::geonames INTERFACE IMPORTED)
  set_target_properties(newsgrep_deps::geonames PROPERTIES
    INTERFACE_LINK_LIBRARIES PkgConfig::GEONAMES)
endif()
