#!/usr/bin/env bash
# What the reminders plugin's hooks cost invoice creation: bench_hooks
# creates INVOICES invoices through the host's router (POST /api/invoices,
# in process: the host's transaction, the plugins' record fields and
# invoice.created hooks, the answer) on a fresh SQLite database, with the
# reminders plugin loaded (reminders switched on, so that the hook flags
# each invoice from its customer's default) and without it (an empty
# plugin folder), alternating, three rounds. Prints each round, both
# medians (invoices/s) and their ratio (with / without; the goal is >= 0.95).
#   bench/hooks.sh [INVOICES] [BUILD_DIR]
set -euo pipefail
cd "$(dirname "$0")/.."
INVOICES="${1:-2000}"
BUILD="${2:-build}"
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
mkdir "$WORK/none"
rate() { # rate PLUGINS_DIRECTORY ROUND: "RATE CPU_MS"
	"$BUILD/bin/bench_hooks" "$WORK/$2.sqlite" "$1" "$INVOICES" |
		sed -n 's/^invoices\/s: \([0-9.]*\) .*CPU \([0-9.]*\) ms.*/\1 \2/p'
}
with=()
without=()
withCpu=()
withoutCpu=()
for round in 1 2 3; do
	read -r r c <<<"$(rate "$BUILD/plugins" "with$round")"
	with+=("$r")
	withCpu+=("$c")
	read -r r c <<<"$(rate "$WORK/none" "without$round")"
	without+=("$r")
	withoutCpu+=("$c")
	printf 'round %d: with the plugin %.0f invoices/s (CPU %.3f ms each), without %.0f invoices/s (CPU %.3f ms each)\n' \
		"$round" "${with[-1]}" "${withCpu[-1]}" "${without[-1]}" "${withoutCpu[-1]}"
done
median() { printf '%s\n' "$@" | sort -g | sed -n 2p; }
w=$(median "${with[@]}")
o=$(median "${without[@]}")
wc=$(median "${withCpu[@]}")
oc=$(median "${withoutCpu[@]}")
printf '%d invoices: with the plugin median %.0f/s, without %.0f/s; ratio %.3f (CPU per invoice: %.3f ms with, %.3f ms without)\n' \
	"$INVOICES" "$w" "$o" "$(awk -v a="$w" -v b="$o" 'BEGIN { print a / b }')" "$wc" "$oc"
