#!/usr/bin/env bash
# erp-host's operations as an administrator uses them: --check-config (good
# and bad files, nothing created), --backup while the host serves (and a
# refused target left alone), the restored copy served by a second host,
# GET /api/health and /metrics on the process, logging.format = json to a
# file, and SIGHUP re-opening that file after it was moved away.
#   ops_cli_test.sh BUILD_DIR SOURCE_DIR
set -uo pipefail
BUILD="$1"
SOURCE="$2"
HOST="$BUILD/bin/erp-host"
WORK=$(mktemp -d)
PIDS=()
# Only the hosts this script started.
trap 'for p in "${PIDS[@]}"; do kill -KILL "$p" 2>/dev/null; done; rm -rf "$WORK"' EXIT
failures=0
passes=0
check() { # check DESCRIPTION CONDITION...
	local what="$1"; shift
	if "$@"; then echo "ok   $what"; passes=$((passes + 1)); else echo "FAIL $what"; failures=$((failures + 1)); fi
}
wait_for() { # wait_for URL: until the host answers (at most 10 s)
	for _ in $(seq 1 100); do curl -s -o /dev/null "$1" && return 0; sleep 0.1; done
	return 1
}
PYTHON=/usr/bin/python3
[ -x "$PYTHON" ] || PYTHON=python3

PORT=$("$SOURCE/scripts/free-port") || exit 1
ADMIN=ops-admin-token-0000000000
cat >"$WORK/host.properties" <<CONF
database.connector = sqlite
database.connection = $WORK/erp.sqlite
http.port = $PORT
plugins.directory = $BUILD/plugins
business.timezone = Europe/Athens
users.admin.role = admin
users.admin.token = $ADMIN
users.maria.role = accountant
users.maria.token = ops-maria-token-0000000000
reminders.spool.directory = $WORK/spool
logging.format = json
logging.loggers.root.channel = file
logging.channels.file.class = FileChannel
logging.channels.file.path = $WORK/erp-host.log
CONF

# --check-config: good, then bad (every problem named, exit 78), nothing created.
out=$("$HOST" --check-config="$WORK/host.properties" 2>&1)
check "--check-config=FILE exits 0 on a good file" test $? -eq 0
check "--check-config says ok and what it found" grep -q "configuration ok; database: SQLite .* (created at the first start); users: 2; plugins: reminders" <<<"$out"
check "--check-config created no database" test ! -e "$WORK/erp.sqlite"
out=$("$HOST" --config="$WORK/host.properties" --check-config 2>&1)
check "--check-config without FILE checks the --config file" test $? -eq 0
cp "$WORK/host.properties" "$WORK/bad.properties"
printf 'business.timezone = Mars/Olympus_Mons\nhttp.threads = 0\nlogging.format = xml\nusers.maria.token = short\n' >>"$WORK/bad.properties"
out=$("$HOST" --check-config="$WORK/bad.properties" 2>&1)
code=$?
check "--check-config exits 78 on a bad file" test $code -eq 78
for key in business.timezone http.threads logging.format users.maria.token; do
	check "--check-config names $key" grep -q "$key" <<<"$out"
done
check "--check-config counts the problems" grep -q "4 problem(s)" <<<"$out"
check "a bad file creates no database either" test ! -e "$WORK/erp.sqlite"

# Serving, with the JSON log in a file.
"$HOST" --config="$WORK/host.properties" >"$WORK/stdout.txt" 2>&1 &
PID=$!
PIDS+=("$PID")
BASE="http://127.0.0.1:$PORT"
wait_for "$BASE/api/health"
check "GET /api/health answers 200 without a token" \
	test "$(curl -s -o /dev/null -w '%{http_code}' "$BASE/api/health")" = "200"
check "GET /metrics wants a token" test "$(curl -s -o /dev/null -w '%{http_code}' "$BASE/metrics")" = "401"
"$SOURCE/scripts/seed-demo.sh" "$BASE" "$ADMIN" ops-maria-token-0000000000 >"$WORK/seed.txt" 2>&1
check "demo data goes in" test $? -eq 0
curl -s "$BASE/metrics" -H "Authorization: Bearer $ADMIN" >"$WORK/metrics.txt"
check "/metrics parses with prometheus_client" "$PYTHON" -c '
import sys
from prometheus_client.parser import text_string_to_metric_families
names = [f.name for f in text_string_to_metric_families(open(sys.argv[1]).read())]
sys.exit(0 if "erp_http_requests" in names and "reminders_messages" in names else 1)' "$WORK/metrics.txt"
check "the log file is one JSON object per line (time, level, source, message)" "$PYTHON" -c '
import json, sys
lines = open(sys.argv[1]).read().splitlines()
assert lines, "empty log"
for line in lines:
    entry = json.loads(line)
    assert set(entry) == {"time", "level", "source", "message"}, entry
assert any(e for e in map(json.loads, lines) if e["source"] == "erp.host" and "listening on" in e["message"])' \
	"$WORK/erp-host.log"

# SIGHUP: the log moved away, a new file at the path.
mv "$WORK/erp-host.log" "$WORK/erp-host.log.1"
kill -HUP "$PID"
for _ in $(seq 1 100); do grep -q "re-opened" "$WORK/erp-host.log" 2>/dev/null && break; sleep 0.1; done
check "after SIGHUP the host still runs" kill -0 "$PID"
check "after SIGHUP a new log file says so" grep -q '"message":"SIGHUP: 1 log file(s) re-opened"' "$WORK/erp-host.log"
check "the moved file keeps what was written before" grep -q "listening on" "$WORK/erp-host.log.1"

# --backup while the host serves; a target that exists is refused and kept.
echo "keep me" >"$WORK/taken.sqlite"
"$HOST" --config="$WORK/host.properties" --backup="$WORK/taken.sqlite" >"$WORK/backup-refused.txt" 2>&1
check "--backup onto an existing file exits non-zero" test $? -ne 0
check "--backup says why" grep -q "exists" "$WORK/backup-refused.txt"
check "--backup left the existing file alone" test "$(cat "$WORK/taken.sqlite")" = "keep me"
out=$("$HOST" --config="$WORK/host.properties" --backup="$WORK/backup.sqlite" 2>&1)
check "--backup exits 0 while the host serves" test $? -eq 0
check "--backup reports pages and integrity" grep -q "integrity ok" <<<"$out"
check "the backup passes sqlite3's integrity check" test "$(sqlite3 "$WORK/backup.sqlite" 'PRAGMA integrity_check')" = "ok"

# The restored copy: a second host on it answers the same invoices.
mkdir -p "$WORK/restored"
cp "$WORK/backup.sqlite" "$WORK/restored/erp.sqlite"
PORT2=$("$SOURCE/scripts/free-port") || exit 1
sed -e "s|^database.connection = .*|database.connection = $WORK/restored/erp.sqlite|" -e "s|^http.port = .*|http.port = $PORT2|" \
	-e "s|^logging.channels.file.path = .*|logging.channels.file.path = $WORK/restored.log|" \
	"$WORK/host.properties" >"$WORK/restored.properties"
"$HOST" --config="$WORK/restored.properties" >"$WORK/restored-stdout.txt" 2>&1 &
PID2=$!
PIDS+=("$PID2")
wait_for "http://127.0.0.1:$PORT2/api/health"
original=$(curl -s "$BASE/api/invoices" -H "Authorization: Bearer $ADMIN")
restored=$(curl -s "http://127.0.0.1:$PORT2/api/invoices" -H "Authorization: Bearer $ADMIN")
check "the restored host answers the same invoices" test "$original" = "$restored"
check "... and they are the demo's 8" test "$(jq '.items | length' <<<"$restored")" = "8"

kill -TERM "$PID" "$PID2"
wait "$PID"
check "SIGTERM stops the host cleanly" test $? -eq 0
wait "$PID2"

echo "$passes passed, $failures failed"
test "$failures" -eq 0
