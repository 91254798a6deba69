#!/usr/bin/env bash
# A real install of the Debian packages into a throwaway root (issue 13:
# "upgrades keep the configuration and the database, and a purge removes
# them only when asked"), run by package_test.sh:
#   install_test.sh WORK SOURCE OLD_DEBS NEW_DEBS
# OLD_DEBS and NEW_DEBS hold the three packages of one build, the new ones
# with a later Debian revision. In a mount namespace of its own (unshare -m,
# mounts private: none is seen outside it) an overlay is mounted over the
# root file system (lowerdir=/, its upper and work folders in WORK/overlay)
# and dpkg runs chrooted into it, with the machine's own dpkg database:
# every change it makes (the user in /etc/passwd, /etc/erp-host, /var/lib,
# the dpkg database) lands in the overlay's upper folder, which the caller
# removes. The test then does what the administrator guide says: install,
# configure, start as the unit starts the host (its ExecStart as its User,
# Group, WorkingDirectory, NoNewPrivileges; systemd does not run here), put
# data in through the API, edit the configuration, upgrade, remove, install
# again, purge. Prints "ok ..."/"FAIL ..." lines (package_test.sh counts
# them); exits 77 after a "SKIP ..." line when it cannot run here (not
# root, no mount namespace or overlay), 1 when a check failed.
set -uo pipefail
# shellcheck source=lib.sh
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
WORK="$1"
SOURCE="$2"
OLD_DEBS="$3"
NEW_DEBS="$4"

if [ -z "${ERP_INSTALL_TEST_NAMESPACE:-}" ]; then
	if [ "$(id -u)" -ne 0 ]; then
		echo "SKIP the real install (dpkg -i/-r/-P in a throwaway root) needs root: not run"
		exit 77
	fi
	if ! command -v unshare >/dev/null || ! unshare --mount --propagation private true 2>/dev/null; then
		echo "SKIP the real install needs a mount namespace (unshare -m), which this machine refuses: not run"
		exit 77
	fi
	if dpkg-query -W -f='${db:Status-Abbrev}' erp-host 2>/dev/null | grep -q '^[ihr]'; then
		echo "SKIP erp-host is installed on this machine: the throwaway root would start from it; not run"
		exit 77
	fi
	ERP_INSTALL_TEST_NAMESPACE=1 exec unshare --mount --propagation private "$0" "$@"
fi

OVERLAY="$WORK/overlay"
R="$OVERLAY/root"
mkdir -p "$OVERLAY/upper" "$OVERLAY/work" "$R"
if ! mount -t overlay overlay -o "lowerdir=/,upperdir=$OVERLAY/upper,workdir=$OVERLAY/work" "$R" 2>"$WORK/overlay.txt"; then
	echo "SKIP the real install needs an overlay over / (the kernel refused: $(head -c 200 "$WORK/overlay.txt")): not run"
	exit 77
fi
PID=
cleanup() {
	[ -n "$PID" ] && kill -KILL "$PID" 2>/dev/null && wait "$PID" 2>/dev/null
	# The namespace ends with this script and its mounts with it; unmounted
	# here all the same, innermost first.
	for mounted in run tmp dev proc; do umount "$R/$mounted" 2>/dev/null; done
	umount "$R" 2>/dev/null
}
trap cleanup EXIT
# /proc and /dev for dpkg and the host; an empty /tmp and /run (no
# /run/systemd/system: the maintainer scripts take the no-systemd path).
mount -t proc proc "$R/proc" && mount --bind /dev "$R/dev" && mount -t tmpfs tmpfs "$R/tmp" &&
	mount -t tmpfs tmpfs "$R/run" || {
	echo "SKIP the real install could not mount /proc, /dev, /tmp and /run in the throwaway root: not run"
	exit 77
}

CHECK_PREFIX="install: "
# What the real system looks like now: none of it may change.
real_state() { sha256sum /etc/passwd /etc/group /etc/shadow /var/lib/dpkg/status 2>/dev/null; ls -d /etc/erp-host /var/lib/erp-host 2>/dev/null; }
real_state >"$WORK/real-before.txt"

# Commands inside the root, with a clean environment.
in_root() { chroot "$R" env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin LANG=C.UTF-8 DEBIAN_FRONTEND=noninteractive "$@"; }
status() { in_root dpkg-query -W -f='${db:Status-Abbrev}${Version}' "$1" 2>/dev/null; }
# Names as the root knows them (the user exists only there).
owner_mode() { in_root stat -c '%U:%G %a' "$1" 2>/dev/null; }
# man-db's trigger would rebuild the whole man index: off, in the root only.
rm -f "$R/var/lib/man-db/auto-update"
mkdir -p "$R/tmp/debs/old" "$R/tmp/debs/new"
cp "$OLD_DEBS"/*.deb "$R/tmp/debs/old/"
cp "$NEW_DEBS"/*.deb "$R/tmp/debs/new/"
old_version=$(dpkg-deb -f "$(ls "$OLD_DEBS"/erp-host_*.deb)" Version)
new_version=$(dpkg-deb -f "$(ls "$NEW_DEBS"/erp-host_*.deb)" Version)
check "the upgrade goes from $old_version to a later $new_version" dpkg --compare-versions "$new_version" gt "$old_version"
PACKAGES=(erp-host erp-plugin-reminders erp-sdk-dev)
installed_as() { # installed_as VERSION: all three installed, at that version
	local package
	for package in "${PACKAGES[@]}"; do
		[ "$(status "$package")" = "ii $1" ] || return 1
	done
}

# 1. First install.
in_root sh -c 'dpkg -i /tmp/debs/old/*.deb' >"$WORK/dpkg-install.txt" 2>&1
code=$?
check "dpkg -i installs erp-host, erp-plugin-reminders, erp-sdk-dev $old_version (dependencies met by this system)" \
	test $code -eq 0 || cat "$WORK/dpkg-install.txt"
check "dpkg -s: all three installed ok, $old_version" installed_as "$old_version"
user=$(in_root getent passwd erp-host)
check "postinst created the system user erp-host (uid < 1000, home /var/lib/erp-host, no login shell)" \
	awk -F: '$3 < 1000 && $6 == "/var/lib/erp-host" && $7 ~ /nologin|false/ {found = 1} END {exit !found}' <<<"$user"
check "postinst created its group erp-host" sh -c "chroot '$R' getent group erp-host >/dev/null"
uid=$(cut -d: -f3 <<<"$user")
CONFIG=/etc/erp-host/erp-host.properties
check "$CONFIG is in place, a conffile of erp-host" \
	grep -q "^ $CONFIG " <<<"$(in_root dpkg-query -W -f='${Conffiles}\n' erp-host)"
check "$CONFIG is root:erp-host 640 (dpkg-statoverride)" test "$(owner_mode "$CONFIG")" = "root:erp-host 640"
check "/var/lib/erp-host is erp-host:erp-host 750" test "$(owner_mode /var/lib/erp-host)" = "erp-host:erp-host 750"
check "/var/lib/erp-host/spool is erp-host:erp-host 750" test "$(owner_mode /var/lib/erp-host/spool)" = "erp-host:erp-host 750"
check "nothing in /var/lib/erp-host but the spool folder" test "$(ls -A "$R/var/lib/erp-host")" = spool
UNIT=/lib/systemd/system/erp-host.service
check "the unit $UNIT is in place" test -f "$R$UNIT"
check "deb-systemd-helper knows the unit, and it is not enabled" \
	test -e "$R/var/lib/systemd/deb-systemd-helper-enabled/erp-host.service.dsh-also" \
	-a ! -e "$R/etc/systemd/system/multi-user.target.wants/erp-host.service"
check "the plugin is in /usr/lib/erp-host/plugins/reminders" test -f "$R/usr/lib/erp-host/plugins/reminders/reminders.so"
check "the SDK's headers are in /usr/include/erp" test -f "$R/usr/include/erp/Abi.h"

# 2. Configure, as the guide says: a free port (8080 may be taken on this
# machine), an administrator and an accountant; check it as the host's user.
PORT=$("$SOURCE/scripts/free-port") || exit 1
sed -i "s#^http.port = .*#http.port = $PORT#" "$R$CONFIG"
add_users "$R$CONFIG" inst
check "the edited configuration keeps root:erp-host 640" test "$(owner_mode "$CONFIG")" = "root:erp-host 640"
in_root setpriv --reuid=erp-host --regid=erp-host --init-groups /usr/bin/erp-host --check-config="$CONFIG" \
	>"$WORK/install-check.txt" 2>&1
check "erp-host --check-config, run as erp-host, accepts it" test $? -eq 0 || cat "$WORK/install-check.txt"

# 3. Start it as the unit does.
unit_key() { sed -n "s/^$1=//p" "$R$UNIT"; }
EXEC_START=$(unit_key ExecStart)
UNIT_USER=$(unit_key User)
UNIT_GROUP=$(unit_key Group)
UNIT_DIR=$(unit_key WorkingDirectory)
no_new_privs=()
[ "$(unit_key NoNewPrivileges)" = yes ] && no_new_privs=(--no-new-privs)
BASE="http://127.0.0.1:$PORT"
MARIA=(-H "Authorization: Bearer $MARIA_TOKEN")
start() { # start LOG: the unit's ExecStart as its user; wait for an answer
	# shellcheck disable=SC2086
	chroot "$R" env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin LANG=C.UTF-8 \
		setpriv --reuid="$UNIT_USER" --regid="$UNIT_GROUP" --init-groups "${no_new_privs[@]}" \
		sh -c "cd '$UNIT_DIR' && exec $EXEC_START" >"$1" 2>&1 &
	PID=$!
	wait_for_health "$PID" "$1"
}
stop() { # as systemctl stop: SIGTERM, then wait
	[ -n "$PID" ] || return 0
	kill -TERM "$PID"
	wait "$PID" 2>/dev/null
	PID=
}
running_as() { test "$(stat -c %u "/proc/$PID")" = "$uid"; }
invoices() { curl -s "$BASE/api/invoices" "${MARIA[@]}" | jq '.items | length'; }
runs() { curl -s "$BASE/api/plugins/reminders/runs" "${MARIA[@]}" | jq '.items | length'; }
reminders_state() { curl -s "$BASE/api/plugins" "${MARIA[@]}" | jq -r '.items[] | select(.id == "reminders") | .state'; }
spooled() { ls "$R"/var/lib/erp-host/spool/*.eml 2>/dev/null | wc -l; }
if ! start "$WORK/installed-host.log"; then
	check "the installed host starts as the unit starts it ($EXEC_START, user $UNIT_USER)" false
	exit 1
fi
check "the installed host runs as erp-host ($EXEC_START in $UNIT_DIR)" running_as
check "GET /api/health answers 200" test "$(curl -s -o /dev/null -w '%{http_code}' "$BASE/api/health")" = 200
check "the reminders plugin is running" test "$(reminders_state)" = running
check "the database is /var/lib/erp-host/erp.sqlite, owned by erp-host" \
	test "$(in_root stat -c %U /var/lib/erp-host/erp.sqlite 2>/dev/null)" = erp-host
"$SOURCE/scripts/seed-demo.sh" "$BASE" "$ADMIN_TOKEN" "$MARIA_TOKEN" >"$WORK/install-seed.txt" 2>&1
check "the demo's customers and invoices go in through the API" test $? -eq 0 || cat "$WORK/install-seed.txt"
check "8 invoices stored" test "$(invoices)" = 8
MONDAY=$(date -d "$(($(date +%u) - 1)) days ago" +%F) # this week's: a later day is refused
in_root setpriv --reuid=erp-host --regid=erp-host --init-groups /usr/bin/erp-host --config="$CONFIG" \
	--run-task=reminders.weekly --today="$MONDAY" >"$WORK/install-task.txt" 2>&1
check "erp-host --run-task=reminders.weekly (as erp-host) spools 3 reminders and the report" \
	test "$(spooled)" = 4 || cat "$WORK/install-task.txt"
check "the run is in GET /api/plugins/reminders/runs" test "$(runs)" = 1

# 4. The administrator edits the configuration again; then an upgrade
# while the host runs (as with systemd, which restarts it afterwards).
# A user added: what only the edited file can give.
OLGA_TOKEN="inst-olga-$(openssl rand -hex 12)"
printf '# Added before the upgrade to %s.\nusers.olga.role = accountant\nusers.olga.token = %s\n' \
	"$new_version" "$OLGA_TOKEN" >>"$R$CONFIG"
sha256sum <"$R$CONFIG" >"$WORK/config-edited.sha"
database_inode=$(stat -c %i "$R/var/lib/erp-host/erp.sqlite")
in_root sh -c 'dpkg -i /tmp/debs/new/*.deb' >"$WORK/dpkg-upgrade.txt" 2>&1
code=$?
check "dpkg -i upgrades the three packages to $new_version, the host running" test $code -eq 0 ||
	cat "$WORK/dpkg-upgrade.txt"
check "dpkg -s: all three installed ok, $new_version" installed_as "$new_version"
check "the edited configuration is kept as it was, without a question (the packaged file did not change)" \
	sh -c "sha256sum <'$R$CONFIG' | cmp -s - '$WORK/config-edited.sha'"
check "no .dpkg-new, .dpkg-dist or .dpkg-old beside it" \
	test -z "$(find "$R/etc/erp-host" -name '*.dpkg-*')"
check "the configuration is still root:erp-host 640" test "$(owner_mode "$CONFIG")" = "root:erp-host 640"
check "the user erp-host kept its uid $uid" test "$(in_root id -u erp-host)" = "$uid"
check "the database is the same file (inode $database_inode)" \
	test "$(stat -c %i "$R/var/lib/erp-host/erp.sqlite")" = "$database_inode"
stop
if ! start "$WORK/upgraded-host.log"; then
	check "the upgraded host starts" false
	exit 1
fi
check "the upgraded host starts as erp-host; /api/health 200" \
	test "$(curl -s -o /dev/null -w '%{http_code}' "$BASE/api/health")" = 200
check "it reads the edited configuration: the user added before the upgrade signs in" \
	test "$(curl -s -o /dev/null -w '%{http_code}' "$BASE/api/invoices" -H "Authorization: Bearer $OLGA_TOKEN")" = 200
check "the reminders plugin is running after the upgrade" test "$(reminders_state)" = running
check "the data is there after the upgrade: 8 invoices, 1 run, 4 spooled messages" \
	test "$(invoices) $(runs) $(spooled)" = "8 1 4"
stop

# 5. Remove (dpkg -r, as apt remove): the programs go, configuration and
# state stay.
in_root dpkg -r erp-plugin-reminders erp-sdk-dev erp-host >"$WORK/dpkg-remove.txt" 2>&1
code=$?
check "dpkg -r removes the three packages" test $code -eq 0 || cat "$WORK/dpkg-remove.txt"
check "erp-host is left as rc (removed, configuration files kept)" test "$(status erp-host)" = "rc $new_version"
check "/usr/bin/erp-host, the plugin and the unit are gone" \
	test ! -e "$R/usr/bin/erp-host" -a ! -e "$R/usr/lib/erp-host/plugins/reminders" -a ! -e "$R$UNIT"
check "the configuration is kept, as edited" sh -c "sha256sum <'$R$CONFIG' | cmp -s - '$WORK/config-edited.sha'"
check "the database and the spool are kept" test -s "$R/var/lib/erp-host/erp.sqlite" -a "$(spooled)" = 4
check "the user erp-host stays" sh -c "chroot '$R' getent passwd erp-host >/dev/null"

# 6. Installed again after the remove: it takes up the kept configuration
# and database.
in_root sh -c 'dpkg -i /tmp/debs/new/*.deb' >"$WORK/dpkg-reinstall.txt" 2>&1
code=$?
check "dpkg -i installs $new_version again after the remove" test $code -eq 0 -a "$(status erp-host)" = "ii $new_version" ||
	cat "$WORK/dpkg-reinstall.txt"
check "the configuration is still the edited one" sh -c "sha256sum <'$R$CONFIG' | cmp -s - '$WORK/config-edited.sha'"
if start "$WORK/reinstalled-host.log"; then
	check "the reinstalled host serves the kept data: 8 invoices, 1 run" test "$(invoices) $(runs)" = "8 1"
	stop
else
	check "the reinstalled host starts" false
fi

# 7. Purge (dpkg -P, as apt purge): configuration and state go too, and
# what postrm promises: the statoverride and the unit's state; the user
# stays.
in_root dpkg -P erp-plugin-reminders erp-sdk-dev erp-host >"$WORK/dpkg-purge.txt" 2>&1
code=$?
check "dpkg -P purges the three packages" test $code -eq 0 || cat "$WORK/dpkg-purge.txt"
check "dpkg knows none of them any more (and still knows adduser)" \
	sh -c "chroot '$R' dpkg-query -W adduser >/dev/null && ! chroot '$R' dpkg-query -W ${PACKAGES[*]} >/dev/null 2>&1"
check "/etc/erp-host is gone" test ! -e "$R/etc/erp-host"
check "/var/lib/erp-host (database, spool) is gone" test ! -e "$R/var/lib/erp-host"
check "the statoverride of the configuration is gone" \
	test "$(in_root dpkg-statoverride --list "$CONFIG")" = ""
check "the unit's state is gone (deb-systemd-helper purge; no mask left)" \
	test ! -e "$R/var/lib/systemd/deb-systemd-helper-enabled/erp-host.service.dsh-also" \
	-a ! -L "$R/etc/systemd/system/erp-host.service"
check "the user erp-host stays (files elsewhere may carry its uid)" \
	sh -c "chroot '$R' getent passwd erp-host >/dev/null"

# 8. Nothing of this touched the real system.
real_state >"$WORK/real-after.txt"
check "this system's passwd, group, shadow, dpkg status and /etc/erp-host, /var/lib/erp-host are unchanged" \
	cmp -s "$WORK/real-before.txt" "$WORK/real-after.txt"
exit $((failures > 0))
