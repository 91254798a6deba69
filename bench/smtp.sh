#!/usr/bin/env bash
# SmtpTransport against the mail server's own ceiling, in the same script:
# Postfix's smtp-sink on loopback, then alternately (three rounds)
# bench_smtp (real reminders through SmtpTransport, one connection) and
# smtp-source (the same number of messages of the same size, one
# connection). Prints each round, both medians and their ratio.
#   bench/smtp.sh [MESSAGES] [BUILD_DIR]
set -euo pipefail
cd "$(dirname "$0")/.."
MESSAGES="${1:-10000}"
BUILD="${2:-build}"
PORT=$(scripts/free-port) || exit 1
USER_FLAG=""
[ "$(id -u)" -eq 0 ] && USER_FLAG="-u nobody"
smtp-sink $USER_FLAG "127.0.0.1:$PORT" 100 &
SINK=$!
trap 'kill $SINK 2>/dev/null || true' EXIT
sleep 0.5
SIZE=$("$BUILD/bin/bench_smtp" "$PORT" 1 | sed -n 's/.* messages of \([0-9]*\) bytes.*/\1/p')
product=()
reference=()
for round in 1 2 3; do
	start=$(date +%s.%N)
	"$BUILD/bin/bench_smtp" "$PORT" "$MESSAGES" >/dev/null
	product+=("$(awk -v a="$start" -v b="$(date +%s.%N)" 'BEGIN { print b - a }')")
	start=$(date +%s.%N)
	smtp-source -s 1 -l "$SIZE" -m "$MESSAGES" "127.0.0.1:$PORT"
	reference+=("$(awk -v a="$start" -v b="$(date +%s.%N)" 'BEGIN { print b - a }')")
	printf 'round %d: SmtpTransport %.2f s, smtp-source %.2f s\n' "$round" "${product[-1]}" "${reference[-1]}"
done
median() { printf '%s\n' "$@" | sort -g | sed -n 2p; }
p=$(median "${product[@]}")
r=$(median "${reference[@]}")
printf '%d messages of %d bytes, one connection: SmtpTransport median %.2f s (%.0f/s), smtp-source median %.2f s; ratio %.2f\n' \
	"$MESSAGES" "$SIZE" "$p" "$(awk -v n="$MESSAGES" -v t="$p" 'BEGIN { print n / t }')" "$r" \
	"$(awk -v a="$p" -v b="$r" 'BEGIN { print a / b }')"
