# Install rules for the kiosk's system files, and the Debian package (CPack).
# Owner: pi. Included at the end of the top CMakeLists.txt, after the
# program's own install rules (binary, assets).
#
#   cmake -S . -B build-deb -DCMAKE_BUILD_TYPE=Release -DCMAKE_INSTALL_PREFIX=/usr
#   cmake --build build-deb --target stretch-kiosk
#   (cd build-deb && cpack -G DEB)        -> stretch-kiosk_<version>_<arch>.deb

# The unit goes beside the distribution's units (/usr/lib/systemd/system,
# the same folder as /lib/systemd/system on Debian 12's merged /usr).
install(FILES kiosk/stretch-kiosk.service DESTINATION lib/systemd/system)
# The example config: copied to /etc/stretch-kiosk/kiosk.ini by the
# package's postinst or kiosk/setup-pi, only when that file is absent.
install(FILES kiosk/kiosk.ini.example DESTINATION ${CMAKE_INSTALL_DATADIR}/stretch-kiosk)
if(EXISTS ${CMAKE_CURRENT_SOURCE_DIR}/README.md)
  install(FILES README.md DESTINATION ${CMAKE_INSTALL_DOCDIR})
endif()

set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME stretch-kiosk)
set(CPACK_PACKAGE_VENDOR "stretch-kiosk")
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "sciatica stretch kiosk for a waiting-room screen")
set(CPACK_PACKAGE_DESCRIPTION "Teaches three piriformis stretches for sciatica on a clinic or gym
screen: an animated figure, a voice-over with matching captions and
countdown rings. Runs unattended as a systemd service straight onto the
display (SDL2 KMSDRM) on a Raspberry Pi; a touch starts a guided session.")
# Debian packages install under /usr whatever this build was configured with
# (the program also finds its assets beside itself, in ../share/stretch-kiosk).
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_MAINTAINER "stretch-kiosk developers <stretch-kiosk@localhost>")
set(CPACK_DEBIAN_PACKAGE_SECTION misc)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
set(CPACK_DEBIAN_PACKAGE_CONTROL_EXTRA
    ${CMAKE_CURRENT_SOURCE_DIR}/kiosk/deb/postinst
    ${CMAKE_CURRENT_SOURCE_DIR}/kiosk/deb/prerm
    ${CMAKE_CURRENT_SOURCE_DIR}/kiosk/deb/postrm)
set(CPACK_DEBIAN_PACKAGE_CONTROL_STRICT_PERMISSION TRUE)
# The libraries: from dpkg-shlibdeps (exact versions) in a native build;
# named here when it cannot be asked (a cross build, no dpkg-dev). passwd:
# the postinst's useradd; fonts-dejavu-core: assets/fonts links to its fonts;
# procps: the unit's ExecReload=/bin/kill (not in a minimal root).
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "systemd")
# A cross build can ask too when the target's -dev packages are installed
# (multiarch) and cpack runs with DEB_HOST_ARCH set: kiosk/deb/build does.
option(SK_DEB_CROSS_SHLIBDEPS "Cross build: Depends from dpkg-shlibdeps (run cpack with DEB_HOST_ARCH)" OFF)
find_program(SK_DPKG_SHLIBDEPS dpkg-shlibdeps)
if(SK_DPKG_SHLIBDEPS AND (NOT CMAKE_CROSSCOMPILING OR SK_DEB_CROSS_SHLIBDEPS))
  set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
  set(CPACK_DEBIAN_PACKAGE_DEPENDS "fonts-dejavu-core, passwd, procps")
else()
  set(CPACK_DEBIAN_PACKAGE_DEPENDS
      "libc6, libsdl2-2.0-0 (>= 2.0.18), libsdl2-ttf-2.0-0, libsdl2-mixer-2.0-0, libpng16-16, libinih1, libjson-c5")
  if(SYSTEMD_FOUND)
    string(APPEND CPACK_DEBIAN_PACKAGE_DEPENDS ", libsystemd0")
  endif()
  string(APPEND CPACK_DEBIAN_PACKAGE_DEPENDS ", fonts-dejavu-core, passwd, procps")
endif()
if(CMAKE_CROSSCOMPILING)
  if(CMAKE_SYSTEM_PROCESSOR MATCHES "^(aarch64|arm64)$")
    set(CPACK_DEBIAN_PACKAGE_ARCHITECTURE arm64)
  elseif(CMAKE_SYSTEM_PROCESSOR MATCHES "^arm")
    set(CPACK_DEBIAN_PACKAGE_ARCHITECTURE armhf)
  endif()
endif()
include(CPack)
