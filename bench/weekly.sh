#!/usr/bin/env bash
# The weekly run against the mail server's own ceiling, in the same script:
# Postfix's smtp-sink on loopback receives, in alternating rounds, first
# smtp-source sending as many messages of the run's average size over the
# same number of connections, then the whole weekly run (plan, outbox,
# re-check, send, audit) on a fresh copy of the database. Three rounds at
# each number of connections; prints both medians, their ratio, and the
# run's peak RSS.
#   bench/weekly.sh [CUSTOMERS] [CONNECTIONS...]     (100000; 1 4)
# The database (CUSTOMERS customers, ten times as many invoices) is
# generated once into var/bench/. Monday 2026-11-30 is the day sent.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh >/dev/null
scripts/build.sh >/dev/null
CUSTOMERS="${1:-100000}"
shift || true
CONNECTIONS=("${@:-1 4}")
read -r -a CONNECTIONS <<<"${CONNECTIONS[*]}"
INVOICES=$((CUSTOMERS * 10))
ROUNDS="${ROUNDS:-3}"
DAY=2026-11-30
WORK="var/bench/weekly"
rm -rf "$WORK" && mkdir -p "$WORK/dump" && chmod 777 "$WORK/dump"
SOURCE_DB="var/bench/erp-${CUSTOMERS}-${INVOICES}.sqlite"
# Generated again when a migration is newer than it (the run must not spend
# its timed seconds bringing the schema up to date).
if [ ! -f "$SOURCE_DB" ] || [ -n "$(find host/server/sql sql -name '*.sql' -newer "$SOURCE_DB")" ]; then
	rm -f "$SOURCE_DB"*
	build/bin/bench_generate "$SOURCE_DB" "$CUSTOMERS" "$INVOICES" >/dev/null
fi

USER_FLAG=""
[ "$(id -u)" -eq 0 ] && USER_FLAG="-u nobody"
SINKS=()
trap 'for pid in "${SINKS[@]}"; do kill "$pid" 2>/dev/null || true; done' EXIT
start_sink() { # start_sink PORT [smtp-sink options...]: waits until it listens
	local port="$1"
	shift
	smtp-sink $USER_FLAG "$@" "127.0.0.1:$port" 256 &
	SINKS+=($!)
	for _ in $(seq 1 50); do (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null && return 0; sleep 0.1; done
	echo "smtp-sink did not start on $port" >&2
	exit 1
}

configure() { # configure PORT CONNECTIONS
	cat >"$WORK/host.properties" <<CONF
database.connector = sqlite
database.connection = $(pwd)/$WORK/erp.sqlite
http.port = 0
plugins.directory = $(pwd)/build/plugins
business.timezone = Europe/Athens
reminders.smtp.host = 127.0.0.1
reminders.smtp.port = $1
reminders.smtp.tls = none
reminders.smtp.connections = $2
CONF
}

fresh() {
	rm -f "$WORK"/erp.sqlite*
	cp "$SOURCE_DB" "$WORK/erp.sqlite"
}

seconds() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", b - a }'; }
median() { printf '%s\n' "$@" | sort -g | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }

# One untimed run into a sink that keeps every message: how many the day
# holds and their average size, for smtp-source to send the same.
DUMP_PORT=$(scripts/free-port)
start_sink "$DUMP_PORT" -d "$(pwd)/$WORK/dump/%M."
configure "$DUMP_PORT" 4
fresh
build/bin/erp-host --config="$WORK/host.properties" --run-task=reminders.weekly --today=$DAY >/dev/null 2>&1
MESSAGES=$(find "$WORK/dump" -type f | wc -l)
BYTES=$(find "$WORK/dump" -type f -printf '%s\n' | awk '{ s += $1 } END { printf "%d", s / NR }')
rm -rf "$WORK/dump"
echo "the day: $MESSAGES reminders of $BYTES bytes on average ($CUSTOMERS customers, $INVOICES invoices)"

PORT=$(scripts/free-port)
start_sink "$PORT"
for connections in "${CONNECTIONS[@]}"; do
	configure "$PORT" "$connections"
	sources=()
	runs=()
	peak=()
	for round in $(seq 1 "$ROUNDS"); do
		start=$(date +%s.%N)
		smtp-source -s "$connections" -l "$BYTES" -m "$MESSAGES" "127.0.0.1:$PORT"
		sources+=("$(seconds "$start" "$(date +%s.%N)")")
		fresh
		start=$(date +%s.%N)
		/usr/bin/time -f "%M" -o "$WORK/rss" build/bin/erp-host --config="$WORK/host.properties" \
			--run-task=reminders.weekly --today=$DAY >"$WORK/run.log" 2>&1
		runs+=("$(seconds "$start" "$(date +%s.%N)")")
		peak+=("$(cat "$WORK/rss")")
		accepted=$(sqlite3 "$WORK/erp.sqlite" "SELECT COUNT(*) FROM reminder_messages WHERE state = 'accepted'")
		[ "$accepted" -eq "$MESSAGES" ] || { echo "round $round: $accepted accepted of $MESSAGES" >&2; tail -3 "$WORK/run.log" >&2; exit 1; }
		echo "  $connections connection(s), round $round: smtp-source ${sources[-1]} s, weekly run ${runs[-1]} s, peak RSS ${peak[-1]} KiB"
	done
	s=$(median "${sources[@]}")
	r=$(median "${runs[@]}")
	printf '%d connection(s): smtp-source median %s s, weekly run median %s s, ratio %.2f, peak RSS %d MiB (largest of %d rounds)\n' \
		"$connections" "$s" "$r" "$(awk -v a="$r" -v b="$s" 'BEGIN { print a / b }')" \
		"$(($(printf '%s\n' "${peak[@]}" | sort -n | tail -1) / 1024))" "$ROUNDS"
done
