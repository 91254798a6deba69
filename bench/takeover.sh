#!/usr/bin/env bash
# Takeover after a crash, with serving hosts: two erp-host instances (each
# with its own scheduler) share this week's run on a throwaway MariaDB
# (scripts/mariadb-test-server); while both send, the first is killed
# (kill -9) holding a batch. Prints when the dead instance's batches were
# taken over, against the kill and against their lease's end
# (reminders.lease.seconds), and checks at the smtp-sink: no customer got
# two messages, none is missing but the ones left "unknown" (they were
# being sent at the kill), and exactly one owner's report.
#   bench/takeover.sh [CUSTOMERS] [LEASE_SECONDS]
set -euo pipefail
cd "$(dirname "$0")/.."
CUSTOMERS="${1:-3000}"
LEASE="${2:-10}"
[ -x build/bin/erp-host ] || scripts/build.sh >/dev/null
WORK="$(pwd)/var/bench/takeover"
DB_DIR="$WORK/mariadb"
PIDS=()
cleanup() {
	for pid in "${PIDS[@]}"; do kill -KILL "$pid" 2>/dev/null || true; done
	scripts/mariadb-test-server stop "$DB_DIR" >/dev/null 2>&1 || true
}
trap cleanup EXIT
rm -rf "$WORK" && mkdir -p "$WORK/sink" && chmod 777 "$WORK" "$WORK/sink"
PORT_DB=$(scripts/mariadb-test-server start "$DB_DIR")
sql() { mariadb --no-defaults --protocol=socket --socket="$DB_DIR/sock" -uroot erp -N -B -e "$1"; }
now() { date +%s.%N; }

SINK_PORT=$(scripts/free-port)
USER_FLAG=""
[ "$(id -u)" -eq 0 ] && USER_FLAG="-u nobody"
smtp-sink $USER_FLAG -d "$WORK/sink/%M." "127.0.0.1:$SINK_PORT" 256 &
PIDS+=($!)
config() {
	cat <<CONF
database.connector = mysql
database.connection = host=127.0.0.1;port=$PORT_DB;user=erp;password=erp-test;db=erp
http.port = $(scripts/free-port)
plugins.directory = $(pwd)/build/plugins
host.schema.directory = $(pwd)/build/share/erp-host/sql
business.timezone = Europe/Athens
reminders.smtp.host = 127.0.0.1
reminders.smtp.port = $SINK_PORT
reminders.smtp.tls = none
reminders.smtp.rate_per_second = 150
reminders.lease.seconds = $LEASE
CONF
}
config >"$WORK/a.properties"
config >"$WORK/b.properties"

# The schema, then the business; the week's moment is today at 00:00 in
# Athens, so that both schedulers find the run due as they start.
build/bin/erp-host --config="$WORK/a.properties" --run-task=reminders.weekly >/dev/null 2>&1
AT="2026-01-01T00:00:00.000Z"
TODAY=$(TZ=Europe/Athens date +%F)
WEEKDAY=$(TZ=Europe/Athens date +%u)
sql "INSERT INTO customers (id, name, email, language, created_at, updated_at)
	SELECT seq, CONCAT('Customer ', seq), CONCAT('customer', seq, '@example.com'), 'en', '$AT', '$AT'
	FROM seq_1_to_$CUSTOMERS;
INSERT INTO invoices (id, number, customer_id, issue_date, due_date, currency, total_minor, paid_minor, status,
	created_by, created_at)
	SELECT seq, CONCAT('INV-', seq), seq, DATE_FORMAT(DATE_SUB('$TODAY', INTERVAL 60 DAY), '%Y-%m-%d'),
	DATE_FORMAT(DATE_SUB('$TODAY', INTERVAL 30 DAY), '%Y-%m-%d'), 'EUR', 10000 + seq, 0, 'issued', 'bench', '$AT'
	FROM seq_1_to_$CUSTOMERS;
INSERT INTO reminder_invoices (invoice_id, with_reminder, updated_at, updated_by)
	SELECT seq, 1, '$AT', 'bench' FROM seq_1_to_$CUSTOMERS;
DELETE FROM reminder_settings;
INSERT INTO reminder_settings (id, enabled, days_after_due, stop_after_months, send_weekday, send_time, owner_email,
	from_address, fallback_language, first_enabled_at, updated_at, updated_by)
	VALUES (1, 1, 7, 6, $WEEKDAY, '00:00', 'owner@example.com', 'billing@example.com', 'en', '$AT', '$AT', 'bench');"

build/bin/erp-host --config="$WORK/a.properties" >"$WORK/a.log" 2>&1 &
A=$!
PIDS+=($A)
build/bin/erp-host --config="$WORK/b.properties" >"$WORK/b.log" 2>&1 &
B=$!
PIDS+=($B)

# Both send; then the first dies while it holds a batch.
held=""
for _ in $(seq 1 1200); do
	sent=$(sql "SELECT COUNT(*) FROM reminder_messages WHERE state = 'accepted'")
	helpers=$(sql "SELECT COUNT(DISTINCT lease_owner) FROM reminder_batches")
	if [ "${sent:-0}" -ge $((CUSTOMERS / 4)) ] && [ "${helpers:-0}" -ge 2 ]; then
		held=$(sql "SELECT GROUP_CONCAT(id) FROM reminder_batches WHERE state = 'open' AND lease_owner LIKE '%:$A:%'")
		[ -n "$held" ] && [ "$held" != "NULL" ] && break
	fi
	sleep 0.05
done
[ -n "$held" ] && [ "$held" != "NULL" ] || { echo "the first instance never held a batch while both sent" >&2; exit 1; }
kill -KILL "$A"
killed=$(now)
lease_end=$(sql "SELECT MAX(lease_until) FROM reminder_batches WHERE id IN ($held)")
sending=$(sql "SELECT COUNT(*) FROM reminder_messages WHERE batch_id IN ($held) AND state = 'sending'")
echo "killed instance 1 at $(date -u -d "@$killed" +%H:%M:%S.%3N) holding batch(es) $held (lease until $lease_end, $sending message(s) sending)"

taken=""
for _ in $(seq 1 $((LEASE * 20 + 1200))); do
	left=$(sql "SELECT COUNT(*) FROM reminder_batches WHERE id IN ($held) AND lease_owner LIKE '%:$A:%'")
	if [ "$left" = 0 ]; then taken=$(now); break; fi
	sleep 0.05
done
[ -n "$taken" ] || { echo "the dead instance's batches were not taken over" >&2; exit 1; }
lease_end_s=$(date -d "$lease_end" +%s.%N)
printf 'taken over %.1f s after the kill, %.1f s after the lease ended (lease %s s)\n' \
	"$(awk -v a="$killed" -v b="$taken" 'BEGIN { print b - a }')" \
	"$(awk -v a="$lease_end_s" -v b="$taken" 'BEGIN { print b - a }')" "$LEASE"

for _ in $(seq 1 1200); do
	[ "$(sql "SELECT state FROM reminder_runs")" = "done" ] && [ "$(sql "SELECT COUNT(*) FROM reminder_reports WHERE state = 'accepted'")" = 1 ] && break
	sleep 0.1
done
kill -TERM "$B"
wait "$B" 2>/dev/null || true
sleep 0.5
grep -h "^X-Rcpt-Args:" "$WORK/sink"/* | sort >"$WORK/rcpt"
duplicates=$(uniq -d "$WORK/rcpt" | wc -l)
reached=$(uniq "$WORK/rcpt" | grep -vc "owner@example.com" || true)
reports=$(grep -c "owner@example.com" "$WORK/rcpt" || true)
unknown=$(sql "SELECT COUNT(*) FROM reminder_messages WHERE state = 'unknown'")
states=$(sql "SELECT GROUP_CONCAT(CONCAT(state, ' ', n)) FROM (SELECT state, COUNT(*) n FROM reminder_messages GROUP BY state) s")
echo "run: $(sql "SELECT state FROM reminder_runs"); messages: $states; at the sink: $reached customers, $duplicates duplicates, $reports owner's report(s)"
if [ "$duplicates" -ne 0 ] || [ "$reports" -ne 1 ] || [ $((CUSTOMERS - reached)) -gt "$unknown" ]; then
	echo "FAILED" >&2
	exit 1
fi
