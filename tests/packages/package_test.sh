#!/usr/bin/env bash
# The Debian packages as an administrator meets them (issue 13):
# cpack builds erp-host, erp-plugin-reminders and erp-sdk-dev from the build;
# lintian checks them (errors and warnings fail, unless overridden in the
# package with a reason); their control data says what dpkg will do (the
# configuration a conffile, the ABI dependency, no state shipped); the
# packaged host and plugin carry Debian's hardening (hardening-check); the
# maintainer scripts run against stub commands (first install, upgrade,
# remove, purge); then install_test.sh installs them for real with dpkg into
# a throwaway root (an overlay over / in a mount namespace of its own, as
# root; skipped where that is not possible): first install, the host started
# as its unit starts it, data through the API, the configuration edited, an
# upgrade to a second build of the packages with a later Debian revision,
# remove, install again, purge; then the packages are extracted with dpkg-deb
# into another throwaway root and the extracted host runs with the packaged
# configuration, its paths and port moved into that root: the plugin loads,
# /api/health answers 200, the demo's flow works; and examples/hello-plugin
# is built against the extracted SDK alone and loaded by the extracted host.
#   package_test.sh BUILD_DIR SOURCE_DIR
set -uo pipefail
# shellcheck source=lib.sh
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
BUILD=$(cd "$1" && pwd)
SOURCE=$(cd "$2" && pwd)
# Packages come from the plain build; scripts/test.sh's second pass under
# the sanitizers (build-asan) skips this test.
if grep -q '^ERP_SANITIZE:BOOL=ON$' "$BUILD/CMakeCache.txt" 2>/dev/null; then
	echo "SKIP packages are built from the plain build, not the sanitizer build $BUILD"
	exit 77
fi
WORK=$(mktemp -d)
ROOT="$WORK/root"
PID=
trap '[ -n "$PID" ] && kill -KILL "$PID" 2>/dev/null; rm -rf "$WORK"' EXIT
finish() {
	echo "$passes passed, $failures failed"
	exit $((failures > 0))
}

# 1. Build the packages (what `cmake --build build --target package` does,
# into a folder of the test's own).
if ! (cd "$BUILD" && cpack -G DEB --config "$BUILD/CPackConfig.cmake" -B "$WORK/debs") >"$WORK/cpack.txt" 2>&1; then
	cat "$WORK/cpack.txt"
	check "cpack builds the packages" false
	finish
fi
HOST_DEB=$(ls "$WORK"/debs/erp-host_*.deb 2>/dev/null)
PLUGIN_DEB=$(ls "$WORK"/debs/erp-plugin-reminders_*.deb 2>/dev/null)
SDK_DEB=$(ls "$WORK"/debs/erp-sdk-dev_*_all.deb 2>/dev/null)
check "cpack builds erp-host" test -f "$HOST_DEB"
check "cpack builds erp-plugin-reminders" test -f "$PLUGIN_DEB"
check "cpack builds erp-sdk-dev (architecture all)" test -f "$SDK_DEB"
[ -f "$HOST_DEB" ] && [ -f "$PLUGIN_DEB" ] && [ -f "$SDK_DEB" ] || finish
for deb in "$HOST_DEB" "$PLUGIN_DEB" "$SDK_DEB"; do
	echo "     $(basename "$deb"): $(stat -c %s "$deb") bytes, Installed-Size $(dpkg-deb -f "$deb" Installed-Size) KiB"
done

# 2. lintian: no error, no warning but those overridden; every override
# carries its reason (a comment line above it).
if command -v lintian >/dev/null; then
	# One run that shows everything: E/W fail, I (information) and O
	# (overridden, with its reason on the N lines above) are reported only.
	lintian --allow-root --display-info --show-overrides "$HOST_DEB" "$PLUGIN_DEB" "$SDK_DEB" >"$WORK/lintian.txt" 2>&1
	code=$?
	sed 's/^/     lintian: /' "$WORK/lintian.txt"
	check "lintian ran" test $code -eq 0
	check "lintian finds no error or unoverridden warning" test "$(grep -c '^[EW]: ' "$WORK/lintian.txt")" = 0
	check "lintian finds no hardening-* tag (not even as information)" \
		test "$(grep -c ' hardening-' "$WORK/lintian.txt")" = 0
	for package in erp-host erp-plugin-reminders erp-sdk-dev; do
		# Each has at least its one override, so lintian names each.
		check "lintian checked $package" grep -q "^O: $package: " "$WORK/lintian.txt"
	done
	for overrides in "$SOURCE"/packaging/lintian/*; do
		[ -f "$overrides" ] || continue
		check "every override in $(basename "$overrides") has its reason above it" \
			awk '/^#/ {reason = 1; next} /^[^#[:space:]]/ {if (!reason) exit 1; reason = 0} END {}' "$overrides"
	done
else
	echo "SKIP lintian is not installed (scripts/install-deps.sh installs it): the packages are not linted"
fi

# 3. What dpkg will do: control fields.
field() { dpkg-deb -f "$1" "$2"; }
check "erp-host depends on Poco's libraries (dpkg-shlibdeps)" grep -q "libpocofoundation" <<<"$(field "$HOST_DEB" Depends)"
check "erp-host depends on adduser (its postinst creates the user)" grep -q "adduser" <<<"$(field "$HOST_DEB" Depends)"
abi_major=$(awk '/#define ERP_ABI_MAJOR/ {print $3}' "$SOURCE/host/sdk/include/erp/Abi.h")
abi_minor=$(awk '/#define ERP_ABI_MINOR/ {print $3}' "$SOURCE/host/sdk/include/erp/Abi.h")
check "erp-host provides erp-host-abi-$abi_major (= $abi_major.$abi_minor)" \
	test "$(field "$HOST_DEB" Provides)" = "erp-host-abi-$abi_major (= $abi_major.$abi_minor)"
# The plugin asks for the host ABI of its manifest.
wants_major=$(jq -r .abi.major "$SOURCE/manifest.json")
wants_minor=$(jq -r .abi.minor "$SOURCE/manifest.json")
check "erp-plugin-reminders depends on erp-host-abi-$wants_major (>= $wants_major.$wants_minor), as its manifest asks" \
	grep -qF "erp-host-abi-$wants_major (>= $wants_major.$wants_minor)" <<<"$(field "$PLUGIN_DEB" Depends)"
check "erp-plugin-reminders depends on Poco's libraries (dpkg-shlibdeps)" \
	grep -q "libpocofoundation" <<<"$(field "$PLUGIN_DEB" Depends)"
dpkg-deb -e "$HOST_DEB" "$WORK/control"
check "/etc/erp-host/erp-host.properties is a conffile (an upgrade keeps it)" \
	grep -qx "/etc/erp-host/erp-host.properties" "$WORK/control/conffiles"
dpkg-deb -c "$HOST_DEB" >"$WORK/host-files.txt"
check "erp-host ships nothing under /var/lib (the database is never replaced)" \
	test "$(grep -c '\./var/' "$WORK/host-files.txt")" = 0
check "erp-host ships the systemd unit" grep -q '\./lib/systemd/system/erp-host.service$' "$WORK/host-files.txt"
dpkg-deb -c "$PLUGIN_DEB" >"$WORK/plugin-files.txt"
check "reminders.so is in the host's plugin folder, not executable" \
	grep -q '^-rw-r--r-- .*\./usr/lib/erp-host/plugins/reminders/reminders.so$' "$WORK/plugin-files.txt"

# 3b. Debian's hardening (what dpkg-buildflags gives a package build:
# _FORTIFY_SOURCE=2, -fstack-protector-strong, relro and now, a PIE) in
# the packaged host and plugin (CMakeLists.txt, ERP_HARDENING).
mkdir -p "$WORK/hardening"
dpkg-deb -x "$HOST_DEB" "$WORK/hardening"
dpkg-deb -x "$PLUGIN_DEB" "$WORK/hardening"
# readelf's view, which needs nothing beyond binutils: the dynamic symbols
# of the fortified calls and the stack protector, the GNU_RELRO segment,
# BIND_NOW, and for the executable a position-independent ELF (DYN, PIE).
elf_hardened() { # elf_hardened FILE exe|lib
	local dynamic symbols
	dynamic=$(readelf -dW "$1") && symbols=$(readelf --dyn-syms -W "$1") || return 1
	grep -q ' __stack_chk_fail' <<<"$symbols" || { echo "     $1: no stack protector"; return 1; }
	grep -Eq ' __[a-z0-9_]+_chk(@|$)' <<<"$(grep -v __stack_chk_fail <<<"$symbols")" ||
		{ echo "     $1: no fortified call"; return 1; }
	readelf -lW "$1" | grep -q GNU_RELRO || { echo "     $1: no relro"; return 1; }
	grep -Eq 'BIND_NOW|\(FLAGS(_1)?\).* NOW' <<<"$dynamic" || { echo "     $1: no bindnow"; return 1; }
	if [ "$2" = exe ]; then
		readelf -hW "$1" | grep -q 'Type: *DYN' && grep -Eq '\(FLAGS_1\).* PIE' <<<"$dynamic" ||
			{ echo "     $1: not a PIE"; return 1; }
	fi
}
check "the packaged erp-host has the stack protector, fortified calls, relro, bindnow, PIE (readelf)" \
	elf_hardened "$WORK/hardening/usr/bin/erp-host" exe
check "the packaged reminders.so has the stack protector, fortified calls, relro, bindnow (readelf)" \
	elf_hardened "$WORK/hardening/usr/lib/erp-host/plugins/reminders/reminders.so" lib
if command -v hardening-check >/dev/null; then
	# devscripts' own verdict; control-flow protection (-fcf-protection) is
	# not among Debian 12's default flags, hence not asked for.
	hardening-check --nocfprotection "$WORK/hardening/usr/bin/erp-host" \
		"$WORK/hardening/usr/lib/erp-host/plugins/reminders/reminders.so" >"$WORK/hardening.txt" 2>&1
	code=$?
	sed -e "s#$WORK/hardening##" -e 's/^/     hardening-check: /' "$WORK/hardening.txt"
	check "hardening-check passes erp-host and reminders.so" test $code -eq 0
else
	echo "SKIP hardening-check (devscripts) is not installed: readelf's checks above only"
fi

# 4. The maintainer scripts, with every command they call replaced by a
# stub that logs it (PATH holds the stubs alone: a command without a stub
# fails the script instead of touching this system).
STUBS="$WORK/stubs"
mkdir -p "$STUBS"
for command in adduser getent mkdir chown chmod dpkg-statoverride deb-systemd-helper deb-systemd-invoke \
	systemctl rm; do
	# getent, dpkg-statoverride --list and was-enabled answer "no": no such
	# user yet, no override yet, the unit was never enabled.
	printf '#!/bin/sh\necho "%s $*" >>"%s"\ncase "%s $*" in getent*|*--list*|*was-enabled*) exit 2 ;; esac\nexit 0\n' \
		"$command" "$WORK/calls.txt" "$command" >"$STUBS/$command"
	chmod +x "$STUBS/$command"
done
maint() { # maint SCRIPT ARGS...: the calls it made, one per line
	: >"$WORK/calls.txt"
	env -i PATH="$STUBS" /bin/sh "$WORK/control/$1" "${@:2}" >/dev/null 2>&1 || echo "EXIT $?" >>"$WORK/calls.txt"
	cat "$WORK/calls.txt"
}
calls=$(maint postinst configure "")
check "postinst (first install) creates the system user erp-host" \
	grep -q "^adduser --system --group .*erp-host$" <<<"$calls"
if [ ! -d /var/lib/erp-host ]; then
	check "postinst (first install) creates /var/lib/erp-host for the user" \
		grep -q "^chown erp-host:erp-host /var/lib/erp-host$" <<<"$calls"
fi
check "postinst makes the configuration readable by root and erp-host alone" \
	grep -q "^dpkg-statoverride --update --add root erp-host 0640 /etc/erp-host/erp-host.properties$" <<<"$calls"
check "postinst does not enable the service on a first install" \
	grep -q "^deb-systemd-helper update-state erp-host.service$" <<<"$calls"
check "postinst ends well" test "$(grep -c '^EXIT' <<<"$calls")" = 0
for step in "postrm upgrade 0.1.0-1" "postrm remove" "prerm upgrade 0.1.0-1" "prerm remove"; do
	# shellcheck disable=SC2086
	calls=$(maint $step)
	check "$step removes nothing" test "$(grep -c '^rm ' <<<"$calls")" = 0
done
calls=$(maint postrm purge)
check "postrm purge removes /var/lib/erp-host" grep -q "^rm -rf /var/lib/erp-host$" <<<"$calls"
check "postrm purge removes /etc/erp-host" grep -q "^rm -rf /etc/erp-host$" <<<"$calls"

# 5. A real install, upgrade, remove and purge with dpkg in a throwaway
# root (install_test.sh): the upgrade goes to the same build packed again
# by cpack with the next Debian revision.
next_release=$(($(sed -n 's/^set(CPACK_DEBIAN_PACKAGE_RELEASE "\(.*\)")$/\1/p' "$BUILD/CPackConfig.cmake") + 1))
if (cd "$BUILD" && cpack -G DEB --config "$BUILD/CPackConfig.cmake" -B "$WORK/debs-next" \
	-D CPACK_DEBIAN_PACKAGE_RELEASE="$next_release") >"$WORK/cpack-next.txt" 2>&1; then
	mkdir -p "$WORK/install/old" "$WORK/install/new"
	cp "$HOST_DEB" "$PLUGIN_DEB" "$SDK_DEB" "$WORK/install/old/"
	cp "$WORK"/debs-next/*.deb "$WORK/install/new/"
	"$SOURCE/tests/packages/install_test.sh" "$WORK/install" "$SOURCE" "$WORK/install/old" "$WORK/install/new" \
		>"$WORK/install.txt" 2>&1
	code=$?
	cat "$WORK/install.txt"
	passes=$((passes + $(grep -c '^ok ' "$WORK/install.txt")))
	failures=$((failures + $(grep -c '^FAIL ' "$WORK/install.txt")))
	if [ $code -ne 0 ] && [ $code -ne 77 ] && ! grep -q '^FAIL ' "$WORK/install.txt"; then
		check "install_test.sh ends well (exit $code)" false
	fi
else
	cat "$WORK/cpack-next.txt"
	check "cpack builds the packages again with Debian revision $next_release" false
fi

# 6. Extract into the throwaway root; do what postinst does there.
mkdir -p "$ROOT"
for deb in "$HOST_DEB" "$PLUGIN_DEB" "$SDK_DEB"; do dpkg-deb -x "$deb" "$ROOT"; done
mkdir -p "$ROOT/var/lib/erp-host/spool"
HOST="$ROOT/usr/bin/erp-host"
CONFIG="$ROOT/etc/erp-host/erp-host.properties"
check "the extracted host runs (--help)" "$HOST" --help >/dev/null
UNIT="$ROOT/lib/systemd/system/erp-host.service"
check "the unit runs erp-host with the packaged configuration" \
	grep -qx "ExecStart=/usr/bin/erp-host --config=/etc/erp-host/erp-host.properties" "$UNIT"
check "the unit runs it as the user erp-host" grep -qx "User=erp-host" "$UNIT"
if command -v systemd-analyze >/dev/null; then
	# The unit as systemd reads it, with its binary in the throwaway root;
	# unknown keys and bad values are warnings on stderr, hence both.
	sed "s#=/usr/bin/erp-host#=$HOST#" "$UNIT" >"$WORK/erp-host.service"
	systemd-analyze verify --man=no "$WORK/erp-host.service" >"$WORK/verify.txt" 2>&1
	code=$?
	cat "$WORK/verify.txt"
	check "systemd-analyze verify accepts the unit, without a warning" test $code -eq 0 -a ! -s "$WORK/verify.txt"
else
	echo "SKIP systemd-analyze is not installed: the unit file is not verified"
fi
PORT=$("$SOURCE/scripts/free-port") || finish
# The packaged configuration with its paths moved into the root and a free
# port; then what the admin guide asks of an administrator: users.
sed -i -e "s#= /var/lib/erp-host#= $ROOT/var/lib/erp-host#" -e "s#= /usr/lib/erp-host#= $ROOT/usr/lib/erp-host#" \
	-e "s#^http.port = .*#http.port = $PORT#" "$CONFIG"
check "the packaged configuration names only paths inside the root" \
	test "$(grep -E '^[a-z].*= /' "$CONFIG" | grep -vc "= $ROOT/")" = 0
"$HOST" --check-config="$CONFIG" >"$WORK/check-empty.txt" 2>&1
check "--check-config accepts the packaged configuration" test $? -eq 0
add_users "$CONFIG" pkg
"$HOST" --check-config="$CONFIG" >"$WORK/check.txt" 2>&1
check "--check-config accepts it with the users added" test $? -eq 0

BASE="http://127.0.0.1:$PORT"
serve() { # serve LOG: start the extracted host and wait until it answers
	"$HOST" --config="$CONFIG" >"$1" 2>&1 &
	PID=$!
	wait_for_health "$PID" "$1"
}
halt() {
	kill -TERM "$PID"
	wait "$PID" 2>/dev/null
	PID=
}
if ! serve "$WORK/host.log"; then
	check "the extracted host starts" false
	finish
fi
MARIA=(-H "Authorization: Bearer $MARIA_TOKEN")
check "GET /api/health answers 200" test "$(curl -s -o /dev/null -w '%{http_code}' "$BASE/api/health")" = 200
plugins=$(curl -s "$BASE/api/plugins" "${MARIA[@]}")
check "the packaged reminders plugin is running" \
	test "$(jq -r '.items[] | select(.id == "reminders") | .state' <<<"$plugins")" = "running"
check "the database is in the packaged state folder" test -s "$ROOT/var/lib/erp-host/erp.sqlite"
"$SOURCE/scripts/seed-demo.sh" "$BASE" "$ADMIN_TOKEN" "$MARIA_TOKEN" >"$WORK/seed.txt" 2>&1
check "the demo's customers and invoices go in through the API" test $? -eq 0
check "8 invoices stored" test "$(curl -s "$BASE/api/invoices" "${MARIA[@]}" | jq '.items | length')" = 8
MONDAY=$(date -d "$(($(date +%u) - 1)) days ago" +%F) # this week's: a later day is refused
preview=$(curl -s "$BASE/api/plugins/reminders/preview?date=$MONDAY" "${MARIA[@]}")
check "the preview of this week's Monday has 3 reminders" test "$(jq '.messages | length' <<<"$preview")" = 3
"$HOST" --config="$CONFIG" --run-task=reminders.weekly --today="$MONDAY" >"$WORK/task.txt" 2>&1
check "--run-task=reminders.weekly exits 0" test $? -eq 0
check "--run-task reports 3 spooled" grep -q "3 spooled" "$WORK/task.txt"
check "3 reminders and the report are in the packaged spool folder" \
	test "$(ls "$ROOT"/var/lib/erp-host/spool/*.eml 2>/dev/null | wc -l)" = 4
check "the run is in GET /api/plugins/reminders/runs" \
	test "$(curl -s "$BASE/api/plugins/reminders/runs" "${MARIA[@]}" | jq '.items | length')" = 1
halt

# 7. The example plugin, built against the extracted SDK alone.
cmake -S "$SOURCE/examples/hello-plugin" -B "$WORK/hello" -DCMAKE_PREFIX_PATH="$ROOT/usr" \
	-DCMAKE_BUILD_TYPE=Release >"$WORK/hello-cmake.txt" 2>&1
check "examples/hello-plugin configures with find_package(ErpSdk)" test $? -eq 0
check "it found the SDK in the extracted root" \
	grep -qx "ErpSdk_DIR:PATH=$ROOT/usr/share/cmake/ErpSdk" "$WORK/hello/CMakeCache.txt"
cmake --build "$WORK/hello" >"$WORK/hello-build.txt" 2>&1
check "examples/hello-plugin builds" test $? -eq 0 || cat "$WORK/hello-build.txt"
check "the build compiled against the extracted headers" \
	grep -rqs -- "-isystem $ROOT/usr/include\|-I$ROOT/usr/include" "$WORK/hello/CMakeFiles/hello.dir/flags.make"
# The SDK's version rule (SameMajorVersion): 1.0 up to its own minor, not
# a later minor, not another major.
sdk_accepts() { # sdk_accepts VERSION: find_package(ErpSdk VERSION) succeeds
	mkdir -p "$WORK/want-$1"
	printf 'cmake_minimum_required(VERSION 3.16)\nproject(want LANGUAGES CXX)\nfind_package(ErpSdk %s REQUIRED)\n' "$1" \
		>"$WORK/want-$1/CMakeLists.txt"
	cmake -S "$WORK/want-$1" -B "$WORK/want-$1/build" -DCMAKE_PREFIX_PATH="$ROOT/usr" >/dev/null 2>&1
}
check "find_package(ErpSdk 1.0) accepts the SDK $abi_major.$abi_minor" sdk_accepts 1.0
sdk_refuses() { ! sdk_accepts "$1"; }
check "find_package(ErpSdk $abi_major.$((abi_minor + 1))) refuses it" sdk_refuses "$abi_major.$((abi_minor + 1))"
check "find_package(ErpSdk $((abi_major + 1)).0) refuses it" sdk_refuses "$((abi_major + 1)).0"
cp -r "$WORK/hello/hello" "$ROOT/usr/lib/erp-host/plugins/hello"
if ! serve "$WORK/host2.log"; then
	check "the extracted host starts again with the hello plugin" false
	finish
fi
plugins=$(curl -s "$BASE/api/plugins" "${MARIA[@]}")
check "the hello plugin is running" test "$(jq -r '.items[] | select(.id == "hello") | .state' <<<"$plugins")" = "running"
check "the reminders plugin is still running" \
	test "$(jq -r '.items[] | select(.id == "reminders") | .state' <<<"$plugins")" = "running"
greeting=$(curl -s -w '\n%{http_code}' "$BASE/api/plugins/hello/greeting" "${MARIA[@]}")
check "GET /api/plugins/hello/greeting answers 200" test "$(tail -n1 <<<"$greeting")" = 200
check "the greeting names the caller" test "$(head -n1 <<<"$greeting" | jq -r .greeting)" = "Hello, maria!"
check "the greeting names the host's ABI" test "$(head -n1 <<<"$greeting" | jq -r .host_abi)" = "$abi_major.$abi_minor"
check "anonymous GET /api/plugins/hello/greeting gets 401" \
	test "$(curl -s -o /dev/null -w '%{http_code}' "$BASE/api/plugins/hello/greeting")" = 401
check "the data survived the restart (8 invoices)" \
	test "$(curl -s "$BASE/api/invoices" "${MARIA[@]}" | jq '.items | length')" = 8
"$HOST" --config="$CONFIG" --run-task=hello.greet --today=2026-11-30 >"$WORK/hello-task.txt" 2>&1
check "--run-task=hello.greet exits 0" test $? -eq 0
check "--run-task=hello.greet says hello for the day" grep -q "ok: hello, business day 2026-11-30" "$WORK/hello-task.txt"
halt
check "the host stopped and unloaded the hello plugin" grep -q "plugin hello stopped and unloaded" "$WORK/host2.log"

finish
