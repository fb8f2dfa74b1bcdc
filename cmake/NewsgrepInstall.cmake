# SPDX-License-Identifier: GPL-2.0-or-later
# `cmake --install` puts the libraries, their public headers, the newsgrep binary, its
# licences and notices, and a CMake package in place, so that find_package(newsgrep) + newsgrep::searcher works.
include(CMakePackageConfigHelpers)
install(TARGETS newsgrep_schema newsgrep_entities newsgrep_indexer newsgrep_searcher
  EXPORT newsgrepTargets
  ARCHIVE DESTINATION ${CMAKE_INSTALL_LIBDIR}
  LIBRARY DESTINATION ${CMAKE_INSTALL_LIBDIR})
install(TARGETS newsgrep RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
# The licences and the notices that must travel with the binary (NOTICE: the GeoNames
# CC-BY attribution among them).
install(FILES ${PROJECT_SOURCE_DIR}/COPYING ${PROJECT_SOURCE_DIR}/NOTICE
  DESTINATION ${CMAKE_INSTALL_DOCDIR})
install(DIRECTORY ${PROJECT_SOURCE_DIR}/LICENSES DESTINATION ${CMAKE_INSTALL_DOCDIR})
# newsgrep/internal/ holds the libraries' shared private helpers: not part of the API.
foreach(dir schema entities indexer searcher)
  install(DIRECTORY ${PROJECT_SOURCE_DIR}/${dir}/include/newsgrep
    DESTINATION ${CMAKE_INSTALL_INCLUDEDIR}
    PATTERN internal EXCLUDE)
endforeach()
# For embedders without CMake: pkg-config --cflags --libs newsgrep.
# Relocatable: the prefix is found from where the file is (cmake --install --prefix).
file(RELATIVE_PATH NEWSGREP_PC_TO_PREFIX ${CMAKE_INSTALL_FULL_LIBDIR}/pkgconfig
  ${CMAKE_INSTALL_PREFIX})
configure_file(${PROJECT_SOURCE_DIR}/cmake/newsgrep.pc.in ${PROJECT_BINARY_DIR}/newsgrep.pc @ONLY)
install(FILES ${PROJECT_BINARY_DIR}/newsgrep.pc DESTINATION ${CMAKE_INSTALL_LIBDIR}/pkgconfig)
install(EXPORT newsgrepTargets NAMESPACE newsgrep::
  DESTINATION ${CMAKE_INSTALL_LIBDIR}/cmake/newsgrep)
configure_package_config_file(${PROJECT_SOURCE_DIR}/cmake/newsgrepConfig.cmake.in
  ${PROJECT_BINARY_DIR}/newsgrepConfig.cmake
  INSTALL_DESTINATION ${CMAKE_INSTALL_LIBDIR}/cmake/newsgrep)
write_basic_package_version_file(${PROJECT_BINARY_DIR}/newsgrepConfigVersion.cmake
  COMPATIBILITY SameMinorVersion)
install(FILES ${PROJECT_BINARY_DIR}/newsgrepConfig.cmake
  ${PROJECT_BINARY_DIR}/newsgrepConfigVersion.cmake
  ${PROJECT_SOURCE_DIR}/cmake/NewsgrepDependencies.cmake
  DESTINATION ${CMAKE_INSTALL_LIBDIR}/cmake/newsgrep)
