#!/usr/bin/env bash
# Several host instances sharing one week's run on one MariaDB: 1, 2 and 3
# erp-host processes (--run-task=reminders.weekly) on a throwaway MariaDB
# server (scripts/mariadb-test-server), 20,000 due customers (one overdue
# invoice each), one Postfix smtp-sink that keeps every message. For each
# count of instances: the messages at the sink per recipient (0 duplicates,
# 0 missing, exactly 1 owner's report), the batches each instance sent, and
# the wall time from the first instance's start to the last one's exit;
# then the times of 2 and 3 instances against 1 (the figure to compare:
# the machine is shared).
#   bench/multi_instance.sh [CUSTOMERS] [INSTANCE COUNTS...]
# Instances after the first start once the first has written the plan
# (they would otherwise find the run being planned and leave, as a timer's
# call does; a serving host's timer looks again within seconds).
set -euo pipefail
cd "$(dirname "$0")/.."
CUSTOMERS="${1:-20000}"
shift || true
COUNTS=("$@")
[ ${#COUNTS[@]} -gt 0 ] || COUNTS=(1 2 3)
[ -x build/bin/erp-host ] || scripts/build.sh >/dev/null
WORK="$(pwd)/var/bench/multi"
DB_DIR="$WORK/mariadb"
SINK_PID=""
HOSTS=()
cleanup() {
	for pid in "${HOSTS[@]}"; do kill -KILL "$pid" 2>/dev/null || true; done
	[ -n "$SINK_PID" ] && kill "$SINK_PID" 2>/dev/null || true
	scripts/mariadb-test-server stop "$DB_DIR" >/dev/null 2>&1 || true
}
trap cleanup EXIT
rm -rf "$WORK" && mkdir -p "$WORK"
chmod 777 "$WORK"
PORT_DB=$(scripts/mariadb-test-server start "$DB_DIR")
sql() { mariadb --no-defaults --protocol=socket --socket="$DB_DIR/sock" -uroot erp -N -B -e "$1"; }

SINK_PORT=$(scripts/free-port)
cat >"$WORK/host.properties" <<CONF
database.connector = mysql
database.connection = host=127.0.0.1;port=$PORT_DB;user=erp;password=erp-test;db=erp
http.port = 0
plugins.directory = $(pwd)/build/plugins
host.schema.directory = $(pwd)/build/share/erp-host/sql
business.timezone = Europe/Athens
reminders.smtp.host = 127.0.0.1
reminders.smtp.port = $SINK_PORT
reminders.smtp.tls = none
CONF

# The schema (a run with reminders off sends nothing), then the business.
build/bin/erp-host --config="$WORK/host.properties" --run-task=reminders.weekly --today=2026-11-30 >/dev/null 2>&1
AT="2026-11-27T00:00:00.000Z"
sql "INSERT INTO customers (id, name, email, language, created_at, updated_at)
	SELECT seq, CONCAT('Customer ', seq), CONCAT('customer', seq, '@example.com'), IF(seq % 10 < 7, 'el', 'en'),
	'$AT', '$AT' FROM seq_1_to_$CUSTOMERS;
INSERT INTO invoices (id, number, customer_id, issue_date, due_date, currency, total_minor, paid_minor, status,
	created_by, created_at)
	SELECT seq, CONCAT('INV-', seq), seq, '2026-09-01', '2026-10-01', 'EUR', 10000 + seq, 0, 'issued', 'bench', '$AT'
	FROM seq_1_to_$CUSTOMERS;
INSERT INTO reminder_invoices (invoice_id, with_reminder, updated_at, updated_by)
	SELECT seq, 1, '$AT', 'bench' FROM seq_1_to_$CUSTOMERS;
DELETE FROM reminder_settings;
INSERT INTO reminder_settings (id, enabled, days_after_due, stop_after_months, send_weekday, send_time, owner_email,
	from_address, fallback_language, first_enabled_at, updated_at, updated_by)
	VALUES (1, 1, 7, 6, 1, '09:00', 'owner@example.com', 'billing@example.com', 'el', '$AT', '$AT', 'bench');"

declare -A SECONDS_FOR
for n in "${COUNTS[@]}"; do
	sql "DELETE FROM reminder_message_invoices; DELETE FROM reminder_reports; DELETE FROM reminder_messages;
		DELETE FROM reminder_batches; DELETE FROM reminder_runs; DELETE FROM audit_log WHERE action LIKE 'reminders.%';"
	SINK="$WORK/sink-$n"
	rm -rf "$SINK" && mkdir -p "$SINK" && chmod 777 "$SINK"
	USER_FLAG=""
	[ "$(id -u)" -eq 0 ] && USER_FLAG="-u nobody"
	smtp-sink $USER_FLAG -d "$SINK/%M." "127.0.0.1:$SINK_PORT" 256 &
	SINK_PID=$!
	for _ in $(seq 1 50); do (exec 3<>"/dev/tcp/127.0.0.1/$SINK_PORT") 2>/dev/null && break; sleep 0.1; done

	HOSTS=()
	start=$(date +%s.%N)
	build/bin/erp-host --config="$WORK/host.properties" --run-task=reminders.weekly --today=2026-11-30 \
		>"$WORK/host-$n-1.log" 2>&1 &
	HOSTS+=($!)
	if [ "$n" -gt 1 ]; then
		for _ in $(seq 1 6000); do
			[ -n "$(sql "SELECT planned_at FROM reminder_runs WHERE planned_at IS NOT NULL")" ] && break
			sleep 0.05
		done
		for i in $(seq 2 "$n"); do
			build/bin/erp-host --config="$WORK/host.properties" --run-task=reminders.weekly --today=2026-11-30 \
				>"$WORK/host-$n-$i.log" 2>&1 &
			HOSTS+=($!)
		done
	fi
	status=0
	for pid in "${HOSTS[@]}"; do wait "$pid" || status=1; done
	elapsed=$(awk -v a="$start" -v b="$(date +%s.%N)" 'BEGIN { printf "%.1f", b - a }')
	HOSTS=()
	sleep 0.5
	kill "$SINK_PID" 2>/dev/null || true
	wait "$SINK_PID" 2>/dev/null || true
	SINK_PID=""

	grep -h "^X-Rcpt-Args:" "$SINK"/* | sort >"$WORK/rcpt-$n"
	messages=$(wc -l <"$WORK/rcpt-$n")
	recipients=$(uniq "$WORK/rcpt-$n" | grep -vc "owner@example.com" || true)
	duplicates=$(uniq -d "$WORK/rcpt-$n" | grep -vc "owner@example.com" || true)
	reports=$(grep -c "owner@example.com" "$WORK/rcpt-$n" || true)
	missing=$((CUSTOMERS - recipients))
	accepted=$(sql "SELECT COUNT(*) FROM reminder_messages WHERE state = 'accepted'")
	state=$(sql "SELECT state FROM reminder_runs")
	batches=$(sql "SELECT GROUP_CONCAT(n ORDER BY n DESC SEPARATOR '+') FROM (SELECT COUNT(*) n FROM reminder_batches GROUP BY lease_owner) o")
	SECONDS_FOR[$n]=$elapsed
	echo "instances: $n  time: ${elapsed} s  messages at the sink: $messages  customers reached: $recipients" \
		" duplicates: $duplicates  missing: $missing  owner's reports: $reports  accepted rows: $accepted" \
		" run: $state  batches per instance: $batches  exit: $status"
	for i in $(seq 1 "$n"); do echo "  instance $i: $(grep -m1 -E '^(ok|failed): ' "$WORK/host-$n-$i.log" || tail -n1 "$WORK/host-$n-$i.log")"; done
	rm -rf "$SINK"
	if [ "$duplicates" -ne 0 ] || [ "$missing" -ne 0 ] || [ "$reports" -ne 1 ] || [ "$status" -ne 0 ]; then
		sql "SHOW ENGINE INNODB STATUS\G" >"$WORK/innodb-status.txt" 2>&1 || true
		echo "FAILED: duplicates, losses, reports or an instance's exit status (logs and the server's last deadlock in $WORK)" >&2
		exit 1
	fi
done
if [ -n "${SECONDS_FOR[1]:-}" ]; then
	for n in "${COUNTS[@]}"; do
		[ "$n" = 1 ] && continue
		printf 'time of %s instances against 1: %.2f\n' "$n" "$(awk -v a="${SECONDS_FOR[$n]}" -v b="${SECONDS_FOR[1]}" 'BEGIN { print a / b }')"
	done
fi
