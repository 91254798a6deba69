# Debian packages of the build (CPack's DEB generator, `cmake --build build
# --target package` or `cpack` in the build folder):
#   erp-host               the reference host, its systemd unit, /etc/erp-host, /var/lib/erp-host
#   erp-plugin-reminders   the reminders plugin folder under /usr/lib/erp-host/plugins
#   erp-sdk-dev            the contract's headers and find_package(ErpSdk)
# The install rules of the binaries and data sit beside their targets
# (host/, host/server/, plugin/Plugin.cmake, COMPONENT host | reminders | sdk);
# this file adds the packaging's own files and the CPack settings.
# tests/packages/package_test.sh builds, lints, extracts and runs them.

include(CMakePackageConfigHelpers)

set(ERP_PACKAGING_DIR ${CMAKE_SOURCE_DIR}/packaging)
set(ERP_PACKAGING_BINARY_DIR ${CMAKE_BINARY_DIR}/packaging)
set(ERP_DEB_RELEASE 1)
set(ERP_DEB_VERSION ${PROJECT_VERSION}-${ERP_DEB_RELEASE})
set(ERP_MAINTAINER "ERP reminders maintainers <maintainers@erp-reminders.example>")

# The contract's version, read from erp/Abi.h: the SDK's package version,
# and what the host package provides and the plugin package depends on.
file(STRINGS ${CMAKE_SOURCE_DIR}/host/sdk/include/erp/Abi.h ERP_ABI_LINES REGEX "^#define ERP_ABI_(MAJOR|MINOR) ")
string(REGEX MATCH "ERP_ABI_MAJOR ([0-9]+)" _ "${ERP_ABI_LINES}")
set(ERP_ABI_MAJOR ${CMAKE_MATCH_1})
string(REGEX MATCH "ERP_ABI_MINOR ([0-9]+)" _ "${ERP_ABI_LINES}")
set(ERP_ABI_MINOR ${CMAKE_MATCH_1})
if(ERP_ABI_MAJOR STREQUAL "" OR ERP_ABI_MINOR STREQUAL "")
	message(FATAL_ERROR "could not read ERP_ABI_MAJOR/MINOR from host/sdk/include/erp/Abi.h")
endif()
set(ERP_ABI_PROVIDES "erp-host-abi-${ERP_ABI_MAJOR} (= ${ERP_ABI_MAJOR}.${ERP_ABI_MINOR})")

# erp_packaging_gzip(SOURCE TARGET): gzip -9n at configure time (Debian
# wants man pages and changelogs compressed, without a time stamp).
function(erp_packaging_gzip SOURCE TARGET)
	execute_process(COMMAND gzip -9nc ${SOURCE} OUTPUT_FILE ${TARGET} RESULT_VARIABLE failed)
	if(failed)
		message(FATAL_ERROR "gzip ${SOURCE} failed")
	endif()
endfunction()

# Per package: copyright, changelog.Debian.gz, lintian overrides.
foreach(component host reminders sdk)
	if(component STREQUAL "host")
		set(ERP_PACKAGE erp-host)
	elseif(component STREQUAL "reminders")
		set(ERP_PACKAGE erp-plugin-reminders)
	else()
		set(ERP_PACKAGE erp-sdk-dev)
	endif()
	set(out ${ERP_PACKAGING_BINARY_DIR}/${ERP_PACKAGE})
	file(MAKE_DIRECTORY ${out})
	configure_file(${ERP_PACKAGING_DIR}/changelog.in ${out}/changelog.Debian @ONLY)
	erp_packaging_gzip(${out}/changelog.Debian ${out}/changelog.Debian.gz)
	install(FILES ${ERP_PACKAGING_DIR}/copyright ${out}/changelog.Debian.gz
		DESTINATION share/doc/${ERP_PACKAGE} COMPONENT ${component})
	if(EXISTS ${ERP_PACKAGING_DIR}/lintian/${ERP_PACKAGE})
		install(FILES ${ERP_PACKAGING_DIR}/lintian/${ERP_PACKAGE}
			DESTINATION share/lintian/overrides COMPONENT ${component})
	endif()
endforeach()

# erp-host: the configuration (a conffile), the systemd unit, the manual page.
install(FILES ${ERP_PACKAGING_DIR}/erp-host.properties DESTINATION /etc/erp-host COMPONENT host)
install(FILES ${ERP_PACKAGING_DIR}/erp-host.service DESTINATION /lib/systemd/system COMPONENT host)
set(ERP_VERSION ${PROJECT_VERSION})
configure_file(${ERP_PACKAGING_DIR}/erp-host.1 ${ERP_PACKAGING_BINARY_DIR}/erp-host.1 @ONLY)
erp_packaging_gzip(${ERP_PACKAGING_BINARY_DIR}/erp-host.1 ${ERP_PACKAGING_BINARY_DIR}/erp-host.1.gz)
install(FILES ${ERP_PACKAGING_BINARY_DIR}/erp-host.1.gz DESTINATION share/man/man1 COMPONENT host)

# erp-sdk-dev: find_package(ErpSdk MAJOR.MINOR) -> ErpSdk::sdk. The config is
# architecture-independent (headers only), hence share/cmake.
set(ERP_SDK_INCLUDE_DIR include)
set(ERP_SDK_CMAKE_DIR share/cmake/ErpSdk)
configure_package_config_file(${CMAKE_SOURCE_DIR}/cmake/ErpSdkConfig.cmake.in
	${ERP_PACKAGING_BINARY_DIR}/ErpSdkConfig.cmake
	INSTALL_DESTINATION ${ERP_SDK_CMAKE_DIR}
	PATH_VARS ERP_SDK_INCLUDE_DIR)
write_basic_package_version_file(${ERP_PACKAGING_BINARY_DIR}/ErpSdkConfigVersion.cmake
	VERSION ${ERP_ABI_MAJOR}.${ERP_ABI_MINOR} COMPATIBILITY SameMajorVersion ARCH_INDEPENDENT)
install(FILES ${ERP_PACKAGING_BINARY_DIR}/ErpSdkConfig.cmake ${ERP_PACKAGING_BINARY_DIR}/ErpSdkConfigVersion.cmake
	DESTINATION ${ERP_SDK_CMAKE_DIR} COMPONENT sdk)

# CPack. `cmake --build build --target package` builds everything first;
# cpack run by hand (and by tests/packages, beside the other tests) packs
# what is built without rebuilding: its "preinstall" step would otherwise
# re-stage the web interface and the plugin folder that running tests read.
# (The same holds for `cmake --install`: build first.)
set(CMAKE_SKIP_INSTALL_ALL_DEPENDENCY ON)
set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME erp)
set(CPACK_PACKAGE_VENDOR "erp-reminders")
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_CONTACT "${ERP_MAINTAINER}")
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_STRIP_FILES ON)
set(CPACK_COMPONENTS_ALL host reminders sdk)
set(CPACK_DEB_COMPONENT_INSTALL ON)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_RELEASE ${ERP_DEB_RELEASE})
set(CPACK_DEBIAN_PACKAGE_MAINTAINER "${ERP_MAINTAINER}")
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
set(CPACK_DEBIAN_PACKAGE_CONTROL_STRICT_PERMISSION ON)
set(CPACK_DEBIAN_COMPRESSION_TYPE xz)

set(CPACK_DEBIAN_HOST_PACKAGE_NAME erp-host)
set(CPACK_DEBIAN_HOST_PACKAGE_SECTION net)
set(CPACK_DEBIAN_HOST_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_HOST_PACKAGE_DEPENDS "adduser, init-system-helpers (>= 1.52)")
set(CPACK_DEBIAN_HOST_PACKAGE_PROVIDES "${ERP_ABI_PROVIDES}")
set(CPACK_DEBIAN_HOST_PACKAGE_CONTROL_EXTRA
	${ERP_PACKAGING_DIR}/host/conffiles ${ERP_PACKAGING_DIR}/host/postinst
	${ERP_PACKAGING_DIR}/host/prerm ${ERP_PACKAGING_DIR}/host/postrm)
set(CPACK_DEBIAN_HOST_DESCRIPTION "reference ERP host with a plugin interface
erp-host serves customers, invoices, payments, users and an audit log over
an HTTP JSON API and web screens, on SQLite or MySQL/MariaDB, and loads
plugins such as the overdue-invoice reminders through Poco's ClassLoader.

The package runs it as a systemd service under its own system user, with
its configuration in /etc/erp-host and its database in /var/lib/erp-host.")

set(CPACK_DEBIAN_REMINDERS_PACKAGE_NAME erp-plugin-reminders)
set(CPACK_DEBIAN_REMINDERS_PACKAGE_SECTION net)
set(CPACK_DEBIAN_REMINDERS_PACKAGE_SHLIBDEPS ON)
# The host ABI the plugin's manifest asks for (plugin/Plugin.cmake read it).
string(JSON REMINDERS_ABI_MAJOR GET ${REMINDERS_MANIFEST} abi major)
string(JSON REMINDERS_ABI_MINOR GET ${REMINDERS_MANIFEST} abi minor)
set(CPACK_DEBIAN_REMINDERS_PACKAGE_DEPENDS
	"erp-host-abi-${REMINDERS_ABI_MAJOR} (>= ${REMINDERS_ABI_MAJOR}.${REMINDERS_ABI_MINOR})")
set(CPACK_DEBIAN_REMINDERS_DESCRIPTION "overdue-invoice reminders plugin for erp-host
Every week, each customer who owes money on overdue invoices gets one email
listing all of them, through SMTP or a spool folder; the business gets one
report. Accountants steer it from the host's screens, and every change is
written to the host's audit log.")

set(CPACK_DEBIAN_SDK_PACKAGE_NAME erp-sdk-dev)
set(CPACK_DEBIAN_SDK_PACKAGE_SECTION libdevel)
set(CPACK_DEBIAN_SDK_PACKAGE_ARCHITECTURE all)
set(CPACK_DEBIAN_SDK_PACKAGE_DEPENDS "libpoco-dev, cmake (>= 3.16)")
set(CPACK_DEBIAN_SDK_DESCRIPTION "contract headers for building erp-host plugins
The host contract of erp-host, ABI ${ERP_ABI_MAJOR}.${ERP_ABI_MINOR}: the header-only C++ interfaces
a plugin compiles against, and a CMake package: find_package(ErpSdk
${ERP_ABI_MAJOR}.${ERP_ABI_MINOR} REQUIRED) gives the imported target ErpSdk::sdk and the
function erp_sdk_add_plugin().")

include(CPack)
