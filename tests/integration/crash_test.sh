#!/usr/bin/env bash
# kill -9 in the middle of a weekly run of more than 1,000 customers, then
# a restart: every due customer ends in a final state, no recipient gets two
# messages (counted at the SMTP server), and none is missing from the report.
#   crash_test.sh BUILD_DIR
set -uo pipefail
BUILD="$1"
WORK=$(mktemp -d)
chmod 777 "$WORK"
# Never "kill 0": that would signal this whole process group (ctest too).
stop() { [ -n "${1:-}" ] && [ "$1" -gt 0 ] && kill -KILL "$1" 2>/dev/null; }
cleanup() {
	stop "${HOST_PID:-}"
	stop "${SINK_PID:-}"
	rm -rf "$WORK"
}
trap cleanup EXIT
failures=0
passes=0
check() {
	local what="$1"; shift
	if "$@"; then echo "ok   $what"; passes=$((passes + 1)); else echo "FAIL $what"; failures=$((failures + 1)); fi
}
DAY=2026-11-30
DB="$WORK/erp.sqlite"

"$BUILD/bin/bench_generate" "$DB" 8000 80000 7 >/dev/null
sqlite3 "$DB" "UPDATE reminder_settings SET owner_email = 'owner@example.com'"
preview=$("$BUILD/bin/bench_preview" "$DB" 1 "$DAY")
due=$(sed -E 's/.*: ([0-9]+) customers to remind, ([0-9]+) without.*/\1/' <<<"$preview")
unreachable=$(sed -E 's/.*: ([0-9]+) customers to remind, ([0-9]+) without.*/\2/' <<<"$preview")
check "more than 1,000 customers are due ($due)" test "$due" -gt 1000

SINK_PORT=$("$(dirname "$0")/../../scripts/free-port") || exit 1
mkdir -p "$WORK/sink" && chmod 777 "$WORK/sink"
USER_FLAG=""
[ "$(id -u)" -eq 0 ] && USER_FLAG="-u nobody"
smtp-sink $USER_FLAG -d "$WORK/sink/%M." "127.0.0.1:$SINK_PORT" 100 &
SINK_PID=$!
for _ in $(seq 1 50); do (exec 3<>"/dev/tcp/127.0.0.1/$SINK_PORT") 2>/dev/null && break; sleep 0.1; done

cat >"$WORK/host.properties" <<CONF
database.connector = sqlite
database.connection = $DB
plugins.directory = $BUILD/plugins
host.schema.directory = $BUILD/share/erp-host/sql
business.timezone = Europe/Athens
users.admin.role = admin
users.admin.token = crash-admin-token-0000000
reminders.smtp.host = 127.0.0.1
reminders.smtp.port = $SINK_PORT
reminders.smtp.tls = none
reminders.smtp.rate_per_second = 400
reminders.lease.seconds = 2
CONF

delivered() { grep -l "^Message-ID:" "$WORK/sink"/* 2>/dev/null | wc -l; }

"$BUILD/bin/erp-host" --config="$WORK/host.properties" --run-task=reminders.weekly --today=$DAY >"$WORK/first.log" 2>&1 &
HOST_PID=$!
for _ in $(seq 1 200); do [ "$(delivered)" -ge 300 ] && break; sleep 0.05; done
kill -KILL $HOST_PID
wait $HOST_PID 2>/dev/null
HOST_PID=""
before=$(delivered)
left=$(sqlite3 "$DB" "SELECT COUNT(*) FROM reminder_messages WHERE state IN ('pending', 'sending')")
check "killed in the middle: $before delivered, $left still to send" test "$before" -ge 300 -a "$left" -gt 0

sleep 3 # the dead run's lease expires
"$BUILD/bin/erp-host" --config="$WORK/host.properties" --run-task=reminders.weekly --today=$DAY >"$WORK/second.log" 2>&1
check "the restarted run exits 0" test $? -eq 0
check "the restarted run resumed the same run" grep -q "run 1:" "$WORK/second.log"

open=$(sqlite3 "$DB" "SELECT COUNT(*) FROM reminder_messages WHERE state NOT IN ('accepted', 'unknown', 'skipped')")
check "every customer is in a final state" test "$open" -eq 0
rows=$(sqlite3 "$DB" "SELECT COUNT(*) FROM reminder_messages WHERE run_id = 1")
check "every due customer is in the run ($rows = $due + $unreachable)" test "$rows" -eq $((due + unreachable))
twice=$(grep -h "^X-Rcpt-Args:" "$WORK/sink"/* | sort | uniq -d | wc -l)
check "no recipient got two messages" test "$twice" -eq 0
accepted=$(sqlite3 "$DB" "SELECT COUNT(*) FROM reminder_messages WHERE state = 'accepted'")
unknown=$(sqlite3 "$DB" "SELECT COUNT(*) FROM reminder_messages WHERE state = 'unknown'")
customers_at_sink=$(grep -h "^X-Rcpt-Args:" "$WORK/sink"/* | grep -v owner@ | sort -u | wc -l)
check "the sink holds every accepted message ($customers_at_sink of $accepted accepted + $unknown unknown)" \
	test "$customers_at_sink" -ge "$accepted" -a "$customers_at_sink" -le $((accepted + unknown))
check "at most the one interrupted message is unknown ($unknown)" test "$unknown" -le 1
reports=$(grep -l "^X-Rcpt-Args: <owner@example.com>" "$WORK/sink"/* | wc -l)
check "the owner got exactly one report" test "$reports" -eq 1
state=$(sqlite3 "$DB" "SELECT r.state || ' ' || COALESCE(p.state, '') FROM reminder_runs r LEFT JOIN reminder_reports p ON p.run_id = r.id AND p.kind = 'final' WHERE r.id = 1")
check "the run is done and its report accepted ($state)" test "$state" = "done accepted"

echo "$passes passed, $failures failed"
exit $(( failures > 0 ))
