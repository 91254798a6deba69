#!/usr/bin/env bash
# A whole weekly run against Postfix's smtp-sink on loopback, measured
# beside smtp-source sending the same number of 4 KiB messages over one
# connection to the same sink (the mail server's own ceiling here).
#   bench/weekly_run.sh [CUSTOMERS] [INVOICES]
# Prints the run's summary, its wall time, and the ratio to smtp-source.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh >/dev/null
scripts/build.sh >/dev/null
CUSTOMERS="${1:-100000}"
INVOICES="${2:-1000000}"
WORK="var/bench/weekly"
rm -rf "$WORK" && mkdir -p "$WORK"
SOURCE_DB="var/bench/erp-${CUSTOMERS}-${INVOICES}.sqlite"
[ -f "$SOURCE_DB" ] || build/bin/bench_generate "$SOURCE_DB" "$CUSTOMERS" "$INVOICES"
cp "$SOURCE_DB" "$WORK/erp.sqlite"

PORT=$(scripts/free-port) || exit 1
USER_FLAG=""
[ "$(id -u)" -eq 0 ] && USER_FLAG="-u nobody"
smtp-sink $USER_FLAG "127.0.0.1:$PORT" 100 &
SINK=$!
trap 'kill $SINK 2>/dev/null || true' EXIT
sleep 0.5

cat > "$WORK/host.properties" <<CONF
database.connector = sqlite
database.connection = $(pwd)/$WORK/erp.sqlite
http.port = 0
plugins.directory = $(pwd)/build/plugins
business.timezone = Europe/Athens
reminders.smtp.host = 127.0.0.1
reminders.smtp.port = $PORT
reminders.smtp.tls = none
CONF

start=$(date +%s.%N)
summary=$(build/bin/erp-host --config="$WORK/host.properties" --run-task=reminders.weekly --today=2026-11-30 2>/dev/null | grep -m1 -E "^(ok|failed): ")
run=$(awk -v a="$start" -v b="$(date +%s.%N)" 'BEGIN { print b - a }')
sent=$(sqlite3 "$WORK/erp.sqlite" "SELECT COUNT(*) FROM reminder_messages WHERE state = 'accepted'")

start=$(date +%s.%N)
smtp-source -s 1 -l 4096 -m "$sent" "127.0.0.1:$PORT"
reference=$(awk -v a="$start" -v b="$(date +%s.%N)" 'BEGIN { print b - a }')

echo "run: $summary"
printf 'weekly run: %s reminders accepted in %.1f s; smtp-source, same count: %.1f s; ratio %.1f\n' \
	"$sent" "$run" "$reference" "$(awk -v a="$run" -v b="$reference" 'BEGIN { print a / b }')"
