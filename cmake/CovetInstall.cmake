# What `cmake --install` puts in place. Two components:
#   runtime  the covet binary, the driver modules (lib/covet, where the binary
#            finds them: ../lib/covet next to bin/) and the man pages;
#   dev      the headers, the static libraries, the CMake package
#            (find_package(covet) gives covet::covet) and covet.pc.
# The libraries are static: an application links the engine into itself and
# loads only the PostgreSQL/MySQL driver modules at run time.
include(GNUInstallDirs)
include(CMakePackageConfigHelpers)

install(TARGETS covet RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR} COMPONENT runtime)

# covet::covet: the library an application links (the ORM, covet::open,
# covet::migrate), its SQLite support built in.
add_library(covet_library INTERFACE)
target_link_libraries(covet_library INTERFACE covet_dialects)
set_target_properties(covet_library PROPERTIES EXPORT_NAME covet)
add_library(covet::covet ALIAS covet_library)
set_target_properties(covet_core PROPERTIES EXPORT_NAME core)
set_target_properties(covet_dialects PROPERTIES EXPORT_NAME dialects)

set(COVET_CMAKE_DIR ${CMAKE_INSTALL_LIBDIR}/cmake/covet)
install(DIRECTORY core/include/covet DESTINATION ${CMAKE_INSTALL_INCLUDEDIR} COMPONENT dev
  FILES_MATCHING PATTERN "*.h")
install(TARGETS covet_library covet_core covet_dialects EXPORT covetTargets
  ARCHIVE DESTINATION ${CMAKE_INSTALL_LIBDIR} COMPONENT dev)
install(EXPORT covetTargets NAMESPACE covet:: DESTINATION ${COVET_CMAKE_DIR} COMPONENT dev)
configure_package_config_file(cmake/covetConfig.cmake.in
  ${CMAKE_CURRENT_BINARY_DIR}/covetConfig.cmake INSTALL_DESTINATION ${COVET_CMAKE_DIR})
write_basic_package_version_file(${CMAKE_CURRENT_BINARY_DIR}/covetConfigVersion.cmake
  COMPATIBILITY SameMinorVersion)
install(FILES ${CMAKE_CURRENT_BINARY_DIR}/covetConfig.cmake
  ${CMAKE_CURRENT_BINARY_DIR}/covetConfigVersion.cmake
  DESTINATION ${COVET_CMAKE_DIR} COMPONENT dev)

# pkg-config: paths relative to the file itself, so any prefix works.
file(RELATIVE_PATH COVET_PC_TO_PREFIX
  /prefix/${CMAKE_INSTALL_LIBDIR}/pkgconfig /prefix)
string(REGEX REPLACE "/$" "" COVET_PC_TO_PREFIX "${COVET_PC_TO_PREFIX}")
configure_file(cmake/covet.pc.in ${CMAKE_CURRENT_BINARY_DIR}/covet.pc @ONLY)
install(FILES ${CMAKE_CURRENT_BINARY_DIR}/covet.pc
  DESTINATION ${CMAKE_INSTALL_LIBDIR}/pkgconfig COMPONENT dev)
