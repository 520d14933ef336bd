# cpack -G DEB from the normal build: covet_<version>_<arch>.deb (the binary,
# the driver modules in /usr/lib/covet where /usr/bin/covet finds them, the
# man pages) and covet-dev_<version>_<arch>.deb (headers, static libraries,
# CMake package, pkg-config file). One runtime package rather than
# covet-postgresql/covet-mysql: the two client libraries are small, and one
# package keeps `apt install covet` working against every back end.
set(COVET_DEB_MAINTAINER "covet maintainers <covet@example.org>")

# Man pages are installed gzipped (Debian policy 12.1).
file(GLOB COVET_MAN_PAGES CONFIGURE_DEPENDS ${PROJECT_SOURCE_DIR}/man/*.[1-9])
set(COVET_GZIPPED_MAN_PAGES)
foreach(page ${COVET_MAN_PAGES})
  get_filename_component(name ${page} NAME)
  string(REGEX MATCH "[1-9]$" section ${name})
  set(gz ${CMAKE_BINARY_DIR}/man/${name}.gz)
  add_custom_command(OUTPUT ${gz}
    COMMAND ${CMAKE_COMMAND} -E make_directory ${CMAKE_BINARY_DIR}/man
    COMMAND gzip -9nc ${page} > ${gz}
    DEPENDS ${page} VERBATIM)
  list(APPEND COVET_GZIPPED_MAN_PAGES ${gz})
  install(FILES ${gz} DESTINATION ${CMAKE_INSTALL_MANDIR}/man${section} COMPONENT runtime)
endforeach()
add_custom_target(covet_man_pages ALL DEPENDS ${COVET_GZIPPED_MAN_PAGES})

# Debian's copyright file and changelog in /usr/share/doc/<package> (a
# native package: changelog.gz).
configure_file(${PROJECT_SOURCE_DIR}/packaging/deb/changelog
  ${CMAKE_BINARY_DIR}/packaging/changelog @ONLY)
set(COVET_CHANGELOG_GZ ${CMAKE_BINARY_DIR}/packaging/changelog.gz)
add_custom_command(OUTPUT ${COVET_CHANGELOG_GZ}
  COMMAND gzip -9nc ${CMAKE_BINARY_DIR}/packaging/changelog > ${COVET_CHANGELOG_GZ}
  DEPENDS ${CMAKE_BINARY_DIR}/packaging/changelog VERBATIM)
add_custom_target(covet_deb_changelog ALL DEPENDS ${COVET_CHANGELOG_GZ})
set(COVET_DEB_COMPONENTS runtime dev)
set(COVET_DEB_PACKAGES covet covet-dev)
foreach(component package IN ZIP_LISTS COVET_DEB_COMPONENTS COVET_DEB_PACKAGES)
  install(FILES ${PROJECT_SOURCE_DIR}/packaging/deb/copyright ${COVET_CHANGELOG_GZ}
    DESTINATION ${CMAKE_INSTALL_DATADIR}/doc/${package} COMPONENT ${component})
endforeach()

set(CPACK_PACKAGE_NAME covet)
set(CPACK_PACKAGE_VENDOR "covet")
set(CPACK_PACKAGE_CONTACT "${COVET_DEB_MAINTAINER}")
# No CPACK_PACKAGE_DESCRIPTION_SUMMARY: CPack would put it before each
# component description, whose first line is already its synopsis.
set(CPACK_GENERATOR "TGZ;DEB")
set(CPACK_STRIP_FILES ON)
set(CPACK_COMPONENTS_ALL runtime dev)
set(CPACK_DEB_COMPONENT_INSTALL ON)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_MAINTAINER "${COVET_DEB_MAINTAINER}")
set(CPACK_DEBIAN_PACKAGE_SECTION database)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_RUNTIME_PACKAGE_NAME covet)
set(CPACK_DEBIAN_RUNTIME_PACKAGE_SECTION database)
set(CPACK_COMPONENT_RUNTIME_DESCRIPTION
  "schema migrations for SQLite, PostgreSQL and MariaDB
covet applies versioned schema migrations written in YAML (Django's
migration operations and field types) to SQLite, PostgreSQL and MariaDB:
migrate, rollback, showmigrations, sqlmigrate, a checksum and drift check,
and an interactive shell over a Django-style ORM. The PostgreSQL and MySQL
drivers are modules in /usr/lib/covet, loaded when a URL needs them.")
set(CPACK_DEBIAN_DEV_PACKAGE_NAME covet-dev)
set(CPACK_DEBIAN_DEV_PACKAGE_SECTION libdevel)
set(CPACK_DEBIAN_DEV_PACKAGE_DEPENDS
  "covet (= ${PROJECT_VERSION}), libsqlite3-dev, libssl-dev, libyaml-dev, nlohmann-json3-dev, pkg-config")
set(CPACK_COMPONENT_DEV_DESCRIPTION
  "covet's C++ library: migrations at start-up and a Django-style ORM
Headers, static libraries, the CMake package (find_package(covet) gives
covet::covet) and the pkg-config file (covet) for applications that run
their migrations with covet::migrate and query through covet's ORM.")
# The static libraries of covet-dev lose their debug sections when the
# package strips (CPACK_STRIP_FILES strips only executables and modules).
install(CODE "
  if(CMAKE_INSTALL_DO_STRIP)
    foreach(archive covet_core covet_dialects)
      execute_process(COMMAND ${CMAKE_STRIP} --strip-debug
        \"\$ENV{DESTDIR}\${CMAKE_INSTALL_PREFIX}/${CMAKE_INSTALL_LIBDIR}/lib\${archive}.a\"
        COMMAND_ERROR_IS_FATAL ANY)
    endforeach()
  endif()" COMPONENT dev)
include(CPack)
