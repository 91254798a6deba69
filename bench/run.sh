#!/usr/bin/env bash
# Builds, generates the benchmark database once (100,000 customers,
# 1,000,000 invoices) and times the preview. Figures go to docs/performance.md.
#   bench/run.sh [CUSTOMERS] [INVOICES]
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
scripts/build.sh >/dev/null
CUSTOMERS="${1:-100000}"
INVOICES="${2:-1000000}"
DB="var/bench/erp-${CUSTOMERS}-${INVOICES}.sqlite"
mkdir -p var/bench
# Generated again when a migration is newer than it.
if [ ! -f "$DB" ] || [ -n "$(find host/server/sql sql -name '*.sql' -newer "$DB")" ]; then
	rm -f "$DB"*
	build/bin/bench_generate "$DB" "$CUSTOMERS" "$INVOICES"
fi
build/bin/bench_preview "$DB" 5

# SMTP delivery over one connection to Postfix's smtp-sink on loopback.
PORT=$(scripts/free-port) || exit 1
USER_FLAG=""
[ "$(id -u)" -eq 0 ] && USER_FLAG="-u nobody"
smtp-sink $USER_FLAG "127.0.0.1:$PORT" 100 &
SINK=$!
sleep 0.5
build/bin/bench_smtp "$PORT" 20000
kill "$SINK"
