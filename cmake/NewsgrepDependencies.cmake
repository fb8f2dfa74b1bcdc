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
