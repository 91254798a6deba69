#!/usr/bin/env bash
# kill -9 at a random point of a weekly run of more than 1,000 customers
# sent over several connections, then a restart, TRIALS times: every due
# customer ends in a final state, no recipient gets two messages (counted
# at the SMTP server, which keeps every message), none is lost silently
# (every accepted one is at the server; the rest "unknown", at most two per
# connection: the one on the wire and the next, whose row was made durable
# while the first was), and the owner gets one report.
#   crash_test.sh BUILD_DIR [TRIALS] [CONNECTIONS]      (10, 4)
set -uo pipefail
BUILD="$1"
TRIALS="${2:-10}"
CONNECTIONS="${3:-4}"
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
	if "$@"; then passes=$((passes + 1)); else echo "FAIL $what"; failures=$((failures + 1)); fi
}
DAY=2026-11-30
SOURCE_DB="$WORK/source.sqlite"
DB="$WORK/erp.sqlite"

"$BUILD/bin/bench_generate" "$SOURCE_DB" 8000 80000 7 >/dev/null
sqlite3 "$SOURCE_DB" "UPDATE reminder_settings SET owner_email = 'owner@example.com'"
preview=$("$BUILD/bin/bench_preview" "$SOURCE_DB" 1 "$DAY")
due=$(sed -E 's/.*: ([0-9]+) customers to remind, ([0-9]+) without.*/\1/' <<<"$preview")
unreachable=$(sed -E 's/.*: ([0-9]+) customers to remind, ([0-9]+) without.*/\2/' <<<"$preview")
check "more than 1,000 customers are due ($due)" test "$due" -gt 1000

SINK_PORT=$("$(dirname "$0")/../../scripts/free-port") || exit 1
USER_FLAG=""
[ "$(id -u)" -eq 0 ] && USER_FLAG="-u nobody"

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
reminders.smtp.connections = $CONNECTIONS
reminders.smtp.rate_per_second = 300
reminders.lease.seconds = 2
reminders.batch.size = 50
CONF

delivered() { grep -l "^Message-ID:" "$WORK/sink"/* 2>/dev/null | wc -l; }
total_unknown=0
for trial in $(seq 1 "$TRIALS"); do
	rm -rf "$WORK/sink" "$DB"* && mkdir -p "$WORK/sink" && chmod 777 "$WORK/sink"
	cp "$SOURCE_DB" "$DB"
	smtp-sink $USER_FLAG -d "$WORK/sink/%M." "127.0.0.1:$SINK_PORT" 100 &
	SINK_PID=$!
	for _ in $(seq 1 50); do (exec 3<>"/dev/tcp/127.0.0.1/$SINK_PORT") 2>/dev/null && break; sleep 0.1; done
	# Somewhere between the first messages and the last ones.
	kill_at=$((50 + RANDOM % (due - 150)))
	"$BUILD/bin/erp-host" --config="$WORK/host.properties" --run-task=reminders.weekly --today=$DAY >"$WORK/first.log" 2>&1 &
	HOST_PID=$!
	for _ in $(seq 1 600); do [ "$(delivered)" -ge "$kill_at" ] && break; kill -0 $HOST_PID 2>/dev/null || break; sleep 0.02; done
	kill -KILL $HOST_PID 2>/dev/null
	wait $HOST_PID 2>/dev/null
	HOST_PID=""
	before=$(delivered)
	left=$(sqlite3 "$DB" "SELECT COUNT(*) FROM reminder_messages WHERE state IN ('pending', 'sending')")
	check "trial $trial: killed in the middle ($before delivered, $left still to send)" test "$before" -ge 50 -a "$left" -gt 0

	sleep 3 # the dead run's batch leases end
	"$BUILD/bin/erp-host" --config="$WORK/host.properties" --run-task=reminders.weekly --today=$DAY >"$WORK/second.log" 2>&1
	check "trial $trial: the restarted run exits 0" test $? -eq 0
	check "trial $trial: the restarted run resumed the same run" grep -q "run 1:" "$WORK/second.log"

	open=$(sqlite3 "$DB" "SELECT COUNT(*) FROM reminder_messages WHERE state NOT IN ('accepted', 'unknown', 'skipped')")
	check "trial $trial: every customer is in a final state ($open open)" test "$open" -eq 0
	rows=$(sqlite3 "$DB" "SELECT COUNT(*) FROM reminder_messages WHERE run_id = 1")
	check "trial $trial: every due customer is in the run ($rows = $due + $unreachable)" test "$rows" -eq $((due + unreachable))
	twice=$(grep -h "^X-Rcpt-Args:" "$WORK/sink"/* | sort | uniq -d | wc -l)
	check "trial $trial: no recipient got two messages ($twice did)" test "$twice" -eq 0
	accepted=$(sqlite3 "$DB" "SELECT COUNT(*) FROM reminder_messages WHERE state = 'accepted'")
	unknown=$(sqlite3 "$DB" "SELECT COUNT(*) FROM reminder_messages WHERE state = 'unknown'")
	total_unknown=$((total_unknown + unknown))
	# Every accepted recipient is at the sink: nothing is lost silently.
	sqlite3 "$DB" "SELECT c.email FROM reminder_messages m JOIN customers c ON c.id = m.customer_id WHERE m.state = 'accepted'" |
		sort -u >"$WORK/accepted.txt"
	grep -h "^X-Rcpt-Args:" "$WORK/sink"/* | sed -E 's/^X-Rcpt-Args: <([^>]*)>.*/\1/' | sort -u >"$WORK/at-sink.txt"
	missing=$(comm -23 "$WORK/accepted.txt" "$WORK/at-sink.txt" | wc -l)
	check "trial $trial: every accepted message is at the sink ($missing missing)" test "$missing" -eq 0
	customers_at_sink=$(grep -vc owner@ "$WORK/at-sink.txt")
	check "trial $trial: the sink holds accepted ones and at most the unknown ones besides ($customers_at_sink, $accepted + $unknown)" \
		test "$customers_at_sink" -ge "$accepted" -a "$customers_at_sink" -le $((accepted + unknown))
	check "trial $trial: at most two messages per connection are unknown ($unknown)" test "$unknown" -le $((2 * CONNECTIONS))
	reports=$(grep -l "^X-Rcpt-Args: <owner@example.com>" "$WORK/sink"/* | wc -l)
	check "trial $trial: the owner got exactly one report ($reports)" test "$reports" -eq 1
	state=$(sqlite3 "$DB" "SELECT r.state || ' ' || COALESCE(p.state, '') FROM reminder_runs r LEFT JOIN reminder_reports p ON p.run_id = r.id AND p.kind = 'final' WHERE r.id = 1")
	check "trial $trial: the run is done and its report accepted ($state)" test "$state" = "done accepted"
	echo "trial $trial: killed after $before of $due delivered over $CONNECTIONS connections; $accepted accepted, $unknown unknown, 0 twice"
	stop "$SINK_PID"
	wait "$SINK_PID" 2>/dev/null
	SINK_PID=""
done

echo "$TRIALS trials, $total_unknown unknown in all: $passes checks passed, $failures failed"
exit $(( failures > 0 ))
