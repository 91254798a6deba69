#!/usr/bin/env bash
# erp-host as an operator runs it: --help, a bad configuration, serving with
# the plugin loaded, the demo data through the API, --run-task exit codes,
# a graceful stop on SIGTERM, a plugin switched off that stays off across a
# restart, and --copy-database.
#   cli_test.sh BUILD_DIR SOURCE_DIR
set -uo pipefail
BUILD="$1"
SOURCE="$2"
HOST="$BUILD/bin/erp-host"
WORK=$(mktemp -d)
# Never "kill 0": that would signal this whole process group (ctest too).
trap '[ -n "${PID:-}" ] && kill -KILL "$PID" 2>/dev/null; rm -rf "$WORK"' EXIT
failures=0
passes=0
check() { # check DESCRIPTION CONDITION...
	local what="$1"; shift
	if "$@"; then echo "ok   $what"; passes=$((passes + 1)); else echo "FAIL $what"; failures=$((failures + 1)); fi
}

"$HOST" --help >"$WORK/help.txt" 2>&1
check "--help exits 0" test $? -eq 0
check "--help lists --run-task" grep -q -- "--run-task" "$WORK/help.txt"
check "--help gives a failed task's status, 70" grep -q -- "status 70 if it failed" "$WORK/help.txt"

"$HOST" >"$WORK/noconfig.txt" 2>&1
code=$?
check "no configuration exits non-zero" test $code -ne 0
check "no configuration says so" grep -q "no configuration" "$WORK/noconfig.txt"

PORT=$("$SOURCE/scripts/free-port") || exit 1
cat >"$WORK/host.properties" <<CONF
database.connector = sqlite
database.connection = $WORK/erp.sqlite
http.port = $PORT
plugins.directory = $BUILD/plugins
business.timezone = Europe/Athens
users.admin.role = admin
users.admin.token = cli-admin-token-000000000
users.maria.role = accountant
users.maria.token = cli-maria-token-000000000
users.bob.role = admin
users.bob.token = cli-bob-token-00000000000
reminders.spool.directory = $WORK/spool
CONF
cp "$WORK/host.properties" "$WORK/bad.properties"
echo "business.timezone = Mars/Olympus_Mons" >>"$WORK/bad.properties"
"$HOST" --config="$WORK/bad.properties" >"$WORK/bad.txt" 2>&1
check "unknown time zone exits non-zero" test $? -ne 0
check "unknown time zone is named" grep -q "Mars/Olympus_Mons" "$WORK/bad.txt"

"$HOST" --config="$WORK/host.properties" >"$WORK/host.log" 2>&1 &
PID=$!
BASE="http://127.0.0.1:$PORT"
for _ in $(seq 1 50); do curl -s -o /dev/null "$BASE/api/plugins" && break; sleep 0.2; done
plugins=$(curl -s "$BASE/api/plugins" -H "Authorization: Bearer cli-maria-token-000000000")
check "GET /api/plugins lists reminders running" \
	test "$(jq -r '.items[] | select(.id == "reminders") | .state' <<<"$plugins")" = "running"
check "anonymous request gets 401" \
	test "$(curl -s -o /dev/null -w '%{http_code}' "$BASE/api/customers")" = "401"
"$SOURCE/scripts/seed-demo.sh" "$BASE" cli-admin-token-000000000 cli-maria-token-000000000 >"$WORK/seed.txt" 2>&1
check "demo data goes in through the API" test $? -eq 0
count=$(curl -s "$BASE/api/invoices" -H "Authorization: Bearer cli-maria-token-000000000" | jq '.items | length')
check "8 invoices stored" test "$count" = "8"

# The front door, on the process: a 512 MiB chunked body from an
# authenticated client is read to 1 MiB only (the peak resident size of
# the host grows by a few MiB at most; the bound here is generous), and a
# POST without a body is answered at once.
hwm() { awk '/^VmHWM/ {print $2}' "/proc/$PID/status"; }
before=$(hwm)
code=$(head -c 512M /dev/zero | curl -s -o /dev/null -w '%{http_code}' --max-time 60 -X POST \
	-H "Authorization: Bearer cli-admin-token-000000000" -H 'Transfer-Encoding: chunked' --data-binary @- \
	"$BASE/api/customers")
after=$(hwm)
echo "     VmHWM before ${before} kB, after ${after} kB, answer ${code}"
check "a 512 MiB chunked body grows the host's peak memory by less than 64 MiB" test $((after - before)) -lt 65536
check "a 512 MiB chunked body is refused with 413" test "$code" = "413"
check "a POST without a body is answered at once (400: no name)" \
	test "$(curl -s -o /dev/null -w '%{http_code}' --max-time 10 -X POST "$BASE/api/customers" \
		-H "Authorization: Bearer cli-admin-token-000000000")" = "400"
check "bob (admin) reads the audit log" \
	test "$(curl -s -o /dev/null -w '%{http_code}' "$BASE/api/audit" -H "Authorization: Bearer cli-bob-token-00000000000")" = "200"

# A day that has not begun is refused: nothing is sent, no run is written.
runs() { curl -s "$BASE/api/plugins/reminders/runs" -H "Authorization: Bearer cli-maria-token-000000000" | jq '.items | length'; }
"$HOST" --config="$WORK/host.properties" --run-task=reminders.weekly --today="$(date -d "+30 days" +%F)" \
	>"$WORK/future.txt" 2>&1
code=$?
check "--run-task with a later --today exits 70" test $code -eq 70
check "--run-task with a later --today says the day has not begun" grep -q "has not begun" "$WORK/future.txt"
check "--run-task with a later --today writes no run" test "$(runs)" = "0"
check "--run-task with a later --today sends nothing" test "$(find "$WORK/spool" -name "*.eml" 2>/dev/null | wc -l)" = "0"

# This week's Monday: a day that has begun (today, or up to 6 days ago).
MONDAY=$(date -d "$(($(date +%u) - 1)) days ago" +%F)
"$HOST" --config="$WORK/host.properties" --run-task=reminders.weekly --today="$MONDAY" >"$WORK/task.txt" 2>&1
check "--run-task of the weekly run exits 0" test $? -eq 0
check "--run-task reports what it sent" grep -q "3 spooled" "$WORK/task.txt"
check "3 reminders and the report are in the spool" test "$(ls "$WORK/spool"/*.eml | wc -l)" = "4"
/usr/bin/python3 "$SOURCE/tests/mail/check_message.py" --structure "$WORK/spool"/*.eml >"$WORK/strict.txt" 2>&1
check "every spooled message passes Python's strict email parser" test $? -eq 0
"$HOST" --config="$WORK/host.properties" --run-task=reminders.weekly --today="$MONDAY" >"$WORK/again.txt" 2>&1
check "a second run in the same week exits 0" test $? -eq 0
check "a second run in the same week sends nothing" grep -q "already has its run" "$WORK/again.txt"
check "the spool still holds 4 messages" test "$(ls "$WORK/spool"/*.eml | wc -l)" = "4"
# The run's progress (TaskRun::progress) in a log: plain lines, the first
# report and then one per tenth of the planned messages at most, never a
# carriage return; the summary line as before.
check "--run-task prints the run's progress in a log" grep -q "^run [0-9]*: planning$" "$WORK/task.txt"
check "--run-task prints how many planned messages are decided" \
	grep -Eq "^run [0-9]+: [0-9]+ of [0-9]+ messages" "$WORK/task.txt"
check "no carriage return in a log" test "$(grep -c $'\r' "$WORK/task.txt")" = "0"
check "at most 11 progress lines in a log" test "$(grep -c '^run [0-9]*: ' "$WORK/task.txt")" -le 11
check "the summary still stands on a line of its own" grep -q "^ok: " "$WORK/task.txt"
# On a terminal (a pseudo-terminal from script(1)): one line rewritten in
# place with \r, then the summary on a line of its own.
script -qec "'$HOST' --config='$WORK/host.properties' --run-task=reminders.weekly --today=$MONDAY --force" \
	/dev/null >"$WORK/tty.txt" 2>&1
check "a forced run on a terminal exits 0" test $? -eq 0
check "on a terminal the progress line is rewritten with \\r" grep -Eq $'\rrun [0-9]+: [0-9]+ of [0-9]+ messages' "$WORK/tty.txt"
check "on a terminal the summary starts a line" grep -q "^ok: " <(tr -d '\r' <"$WORK/tty.txt")
# --copy-database: the running host's database, the plugin's tables
# included, into a new one (SQLite here; tests/host/DatabaseCopyTest.cpp
# copies into MariaDB in the host_mariadb suite).
"$HOST" --config="$WORK/host.properties" --copy-database="$WORK/copy.sqlite" --copy-database-connector=sqlite \
	>"$WORK/copy.txt" 2>&1
check "--copy-database exits 0" test $? -eq 0
check "--copy-database says the row counts match" grep -q "the row counts match" "$WORK/copy.txt"
for table in customers invoices payments audit_log reminder_messages reminder_settings; do
	check "--copy-database: $table has as many rows in the copy" \
		test "$(sqlite3 "$WORK/copy.sqlite" "SELECT COUNT(*) FROM $table")" = \
		"$(sqlite3 "$WORK/erp.sqlite" "SELECT COUNT(*) FROM $table")"
done
"$HOST" --config="$WORK/host.properties" --copy-database="$WORK/copy.sqlite" --copy-database-connector=sqlite \
	>"$WORK/copy-again.txt" 2>&1
check "--copy-database into a database that is not empty exits non-zero" test $? -ne 0
check "--copy-database into a database that is not empty says so" grep -q "not empty" "$WORK/copy-again.txt"
"$HOST" --config="$WORK/host.properties" --copy-database="$WORK/other.db" --copy-database-connector=oracle \
	>"$WORK/copy-bad.txt" 2>&1
check "--copy-database with an unknown connector exits non-zero" test $? -ne 0
check "--copy-database with an unknown connector names it" grep -q "oracle" "$WORK/copy-bad.txt"
check "--copy-database with an unknown connector creates nothing" test ! -e "$WORK/other.db"
"$HOST" --config="$WORK/host.properties" --run-task=no.such.task >"$WORK/unknown.txt" 2>&1
code=$?
check "--run-task of an unknown task exits non-zero" test $code -ne 0
check "--run-task of an unknown task exits 70" test $code -eq 70
check "--run-task of an unknown task names it" grep -q "no.such.task" "$WORK/unknown.txt"
check "--run-task of an unknown task says so once" test "$(grep -c "no.such.task" "$WORK/unknown.txt")" = "1"

kill -TERM $PID
stopped=1
for _ in $(seq 1 50); do kill -0 $PID 2>/dev/null || { stopped=0; break; }; sleep 0.2; done
wait $PID 2>/dev/null
code=$?
check "SIGTERM stops the host" test $stopped -eq 0
check "SIGTERM exit status is 0" test $code -eq 0
check "the plugin was stopped and unloaded" grep -q "plugin reminders stopped and unloaded" "$WORK/host.log"

# An administrator switches the plugin off; it stays off after a restart.
serve() { # serve LOG: start erp-host and wait until it answers
	"$HOST" --config="$WORK/host.properties" >"$1" 2>&1 &
	PID=$!
	for _ in $(seq 1 50); do curl -s -o /dev/null "$BASE/api/plugins" && break; sleep 0.2; done
}
halt() {
	kill -TERM $PID
	wait $PID 2>/dev/null
	PID=
}
ADMIN=(-H "Authorization: Bearer cli-admin-token-000000000")
# bob leaves the configuration: after the restart his token is refused.
sed -i '/^users\.bob\./d' "$WORK/host.properties"
serve "$WORK/host2.log"
for path in /api/audit /api/customers /api/plugins/reminders/settings; do
	check "removed user bob gets 401 on $path" \
		test "$(curl -s -o /dev/null -w '%{http_code}' "$BASE$path" -H "Authorization: Bearer cli-bob-token-00000000000")" = "401"
done
check "bob is kept in the users table, disabled" \
	test "$(sqlite3 "$WORK/erp.sqlite" "SELECT COUNT(*) FROM users WHERE name = 'bob' AND disabled_at IS NOT NULL")" = "1"
check "an error status carries its own reason phrase" \
	test "$(curl -si "$BASE/api/nothing" "${ADMIN[@]}" | head -1 | tr -d '\r')" = "HTTP/1.1 404 Not Found"
check "accountants may not switch a plugin off" \
	test "$(curl -s -o /dev/null -w '%{http_code}' -X PUT "$BASE/api/plugins/reminders" \
		-H "Authorization: Bearer cli-maria-token-000000000" -d '{"enabled": false}')" = "403"
state=$(curl -s -X PUT "$BASE/api/plugins/reminders" "${ADMIN[@]}" -d '{"enabled": false}' | jq -r .state)
check "PUT /api/plugins/reminders switches it off at once" test "$state" = "disabled"
check "its routes are gone" \
	test "$(curl -s -o /dev/null -w '%{http_code}' "$BASE/api/plugins/reminders/settings" "${ADMIN[@]}")" = "404"
halt
serve "$WORK/host3.log"
plugins=$(curl -s "$BASE/api/plugins" "${ADMIN[@]}")
check "after a restart it is listed as disabled" \
	test "$(jq -r '.items[] | select(.id == "reminders") | .state' <<<"$plugins")" = "disabled"
check "and was not loaded" grep -q "plugin reminders is disabled; not loaded" "$WORK/host3.log"
"$HOST" --config="$WORK/host.properties" --run-task=reminders.weekly --today="$MONDAY" >"$WORK/off.txt" 2>&1
check "--run-task of a disabled plugin's task exits non-zero" test $? -ne 0
check "--run-task of a disabled plugin's task says it is disabled" grep -q "plugin reminders is disabled" "$WORK/off.txt"
state=$(curl -s -X PUT "$BASE/api/plugins/reminders" "${ADMIN[@]}" -d '{"enabled": true}' | jq -r .state)
check "switched on again without a restart" test "$state" = "running"
check "its routes are back" \
	test "$(curl -s -o /dev/null -w '%{http_code}' "$BASE/api/plugins/reminders/settings" "${ADMIN[@]}")" = "200"
# The everyday form of a run by hand: POST without a body or Content-Length.
code=$(curl -s -o /dev/null -w '%{http_code}' --max-time 10 -X POST "$BASE/api/plugins/reminders/runs" "${ADMIN[@]}")
check "POST .../runs without a body is answered within 10 s (got $code)" test "${code:0:1}" = "2"
halt

# HTTPS from the host itself: the same API, a certificate curl verifies.
openssl req -x509 -newkey rsa:2048 -nodes -keyout "$WORK/key.pem" -out "$WORK/cert.pem" -days 2 \
	-subj /CN=localhost -addext subjectAltName=DNS:localhost,IP:127.0.0.1 >/dev/null 2>&1
TLS_PORT=$("$SOURCE/scripts/free-port") || exit 1
sed "s/^http.port = .*/http.port = $TLS_PORT/" "$WORK/host.properties" >"$WORK/https.properties"
printf 'http.tls.certificate = %s\nhttp.tls.key = %s\n' "$WORK/cert.pem" "$WORK/key.pem" >>"$WORK/https.properties"
"$HOST" --config="$WORK/https.properties" >"$WORK/host-https.log" 2>&1 &
PID=$!
for _ in $(seq 1 50); do curl -s -o /dev/null --cacert "$WORK/cert.pem" "https://localhost:$TLS_PORT/api/plugins" && break; sleep 0.2; done
check "HTTPS: the API answers over TLS with a certificate curl verifies" \
	test "$(curl -s -o /dev/null -w '%{http_code}' --cacert "$WORK/cert.pem" "https://localhost:$TLS_PORT/api/customers" "${ADMIN[@]}")" = "200"
check "HTTPS: plain HTTP on that port gets no answer" \
	test "$(curl -s -o /dev/null -w '%{http_code}' --max-time 10 "http://127.0.0.1:$TLS_PORT/api/customers" "${ADMIN[@]}")" = "000"
check "HTTPS: the log says https" grep -q "listening on https://" "$WORK/host-https.log"
halt
cp "$WORK/https.properties" "$WORK/mismatch.properties"
openssl req -x509 -newkey rsa:2048 -nodes -keyout "$WORK/other-key.pem" -out "$WORK/other.pem" -days 2 \
	-subj /CN=other >/dev/null 2>&1
echo "http.tls.key = $WORK/other-key.pem" >>"$WORK/mismatch.properties"
"$HOST" --config="$WORK/mismatch.properties" >"$WORK/mismatch.txt" 2>&1
check "HTTPS: a key that is not the certificate's stops the start" test $? -ne 0
check "HTTPS: ... naming http.tls.key" grep -q "http.tls.key" "$WORK/mismatch.txt"

if [ "$failures" -gt 0 ]; then
	for log in "$WORK"/host*.log; do echo "--- $(basename "$log")"; tail -20 "$log"; done
fi
echo "$passes passed, $failures failed"
exit $(( failures > 0 ))
