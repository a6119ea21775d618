# Cross-compiling for 64-bit Raspberry Pi OS (arm64) on Debian with
# gcc-aarch64-linux-gnu and multiarch :arm64 -dev packages
# (dpkg --add-architecture arm64). Tests run under qemu-user.
#   cmake -S . -B build-arm64 -DCMAKE_TOOLCHAIN_FILE=cmake/aarch64-linux-gnu.cmake
set(CMAKE_SYSTEM_NAME Linux)
set(CMAKE_SYSTEM_PROCESSOR aarch64)
set(CMAKE_C_COMPILER aarch64-linux-gnu-gcc)
set(CMAKE_CXX_COMPILER aarch64-linux-gnu-g++)
set(CMAKE_LIBRARY_ARCHITECTURE aarch64-linux-gnu)

# Only the arm64 libraries and headers: Debian's multiarch folders. The
# host's /usr/include holds arch-independent headers shared by both.
set(CMAKE_FIND_ROOT_PATH /usr/aarch64-linux-gnu)
set(CMAKE_FIND_ROOT_PATH_MODE_PROGRAM NEVER)
set(CMAKE_FIND_ROOT_PATH_MODE_LIBRARY BOTH)
set(CMAKE_FIND_ROOT_PATH_MODE_INCLUDE BOTH)
set(CMAKE_FIND_ROOT_PATH_MODE_PACKAGE BOTH)

# pkg-config: the arm64 .pc files, never the host's.
set(ENV{PKG_CONFIG_LIBDIR} "/usr/lib/aarch64-linux-gnu/pkgconfig:/usr/share/pkgconfig")
set(ENV{PKG_CONFIG_PATH} "")

# ctest runs each test program through qemu; the arm64 dynamic loader and
# libraries are where multiarch put them (/lib/ld-linux-aarch64.so.1,
# /usr/lib/aarch64-linux-gnu), so qemu needs no -L.
find_program(SK_QEMU_AARCH64 qemu-aarch64-static qemu-aarch64)
if(SK_QEMU_AARCH64)
  set(CMAKE_CROSSCOMPILING_EMULATOR ${SK_QEMU_AARCH64})
endif()
