#!/usr/bin/env bash
# The web interface in a real browser: starts its own erp-host on a free
# port with an administrator and an accountant whose password hashes are
# made by `erp-host --hash-password`, then drives Debian's chromium with
# playwright-core: every *.test.js in this folder in turn, against the same
# host (shared helpers in lib.js); fails if any of them fails. Screenshots
# go to docs/screenshots/. The host loads the plugins of
# BUILD/screen-plugins: the reminders plugin and the test plugin shelf
# (whose screens stay hidden until its switch is on). The reminders go to a
# local SMTP peer (Debian's python3-aiosmtpd, which prints what it
# receives into the host's work folder) when it is installed, otherwise
# into a spool folder (also with REMINDERS_DELIVERY=spool).
#   run.sh BUILD_DIR SOURCE_DIR   (BROWSER_TESTS=reminders: only that file)
# Exit 77 (skipped) when chromium or node_modules are missing and CI is
# not set; under CI that is a failure.
set -uo pipefail
BUILD="$1"
SOURCE="$2"
HERE="$SOURCE/tests/browser"
HOST="$BUILD/bin/erp-host"

missing=""
[ -x /usr/bin/chromium ] || missing="$missing /usr/bin/chromium (apt-get install -y chromium)"
[ -d "$HERE/node_modules/playwright-core" ] && [ -d "$HERE/node_modules/axe-core" ] ||
	missing="$missing tests/browser/node_modules (cd tests/browser && npm ci)"
command -v node >/dev/null || missing="$missing node (apt-get install -y nodejs)"
if [ -n "$missing" ]; then
	if [ -n "${CI:-}" ]; then
		echo "FAIL browser tests cannot run under CI, missing:$missing"
		exit 1
	fi
	echo "SKIP browser tests, missing:$missing"
	exit 77
fi

WORK=$(mktemp -d)
# Never "kill 0": that would signal this whole process group (ctest too).
trap '[ -n "${PID:-}" ] && kill -TERM "$PID" 2>/dev/null; [ -n "${SMTP_PID:-}" ] && kill -TERM "$SMTP_PID" 2>/dev/null; wait 2>/dev/null; rm -rf "$WORK"' EXIT

ADMIN_PASSWORD="admin-Κ0δικός-$(head -c 6 /dev/urandom | od -An -tx1 | tr -d ' \n')"
MARIA_PASSWORD="maria-Κ0δικός-$(head -c 6 /dev/urandom | od -An -tx1 | tr -d ' \n')"
admin_line=$(printf '%s\n' "$ADMIN_PASSWORD" | "$HOST" --hash-password=admin) || { echo "FAIL --hash-password"; exit 1; }
maria_line=$(printf '%s\n' "$MARIA_PASSWORD" | "$HOST" --hash-password=maria) || { echo "FAIL --hash-password"; exit 1; }

PORT=$("$SOURCE/scripts/free-port") || exit 1
cat >"$WORK/host.properties" <<CONF
database.connector = sqlite
database.connection = $WORK/erp.sqlite
http.port = $PORT
plugins.directory = $BUILD/screen-plugins
business.timezone = Europe/Athens
users.admin.role = admin
users.admin.token = browser-admin-token-0000000
$admin_line
users.maria.role = accountant
users.maria.token = browser-maria-token-0000000
$maria_line
CONF
SMTP_PID=""
if [ "${REMINDERS_DELIVERY:-smtp}" = smtp ] && /usr/bin/python3 -c 'import aiosmtpd' 2>/dev/null; then
	SMTP_PORT=$("$SOURCE/scripts/free-port") || exit 1
	/usr/bin/python3 -u -m aiosmtpd -n -l "127.0.0.1:$SMTP_PORT" >"$WORK/smtp.log" 2>&1 &
	SMTP_PID=$!
	for _ in $(seq 1 100); do (exec 3<>"/dev/tcp/127.0.0.1/$SMTP_PORT") 2>/dev/null && break; sleep 0.1; done
	# Not in the configuration: the administrator's test chooses it on the
	# Email tab, as an administrator would.
	DELIVERY=smtp
else
	DELIVERY=spool
fi
echo "reminders.spool.directory = $WORK/spool" >>"$WORK/host.properties"

"$HOST" --config="$WORK/host.properties" >"$WORK/host.log" 2>&1 &
PID=$!
BASE="http://127.0.0.1:$PORT"
for _ in $(seq 1 100); do curl -s -o /dev/null "$BASE/sign-in" && break; sleep 0.1; done

status=0
for test in "$HERE"/${BROWSER_TESTS:-*}.test.js; do
	echo "===== $(basename "$test") ====="
	BASE_URL="$BASE" ADMIN_PASSWORD="$ADMIN_PASSWORD" MARIA_PASSWORD="$MARIA_PASSWORD" \
		ADMIN_TOKEN=browser-admin-token-0000000 MARIA_TOKEN=browser-maria-token-0000000 \
		DELIVERY="$DELIVERY" DELIVERY_LOG="$WORK/smtp.log" SPOOL="$WORK/spool" SMTP_PORT="${SMTP_PORT:-}" \
		SCREENSHOTS="$SOURCE/docs/screenshots" node "$test"
	result=$?
	if [ $result -ne 0 ]; then
		echo "FAIL $(basename "$test") (exit $result)"
		status=1
	fi
done
if [ $status -ne 0 ]; then
	echo "----- erp-host log -----"
	cat "$WORK/host.log"
	[ -f "$WORK/smtp.log" ] && { echo "----- SMTP peer log -----"; tail -n 100 "$WORK/smtp.log"; }
fi
exit $status
