#!/usr/bin/env bash
# The main job: installs what is missing, builds, starts the reference host
# with the reminders plugin on SQLite, fills it with sample data, previews
# and runs next Monday's reminders into the spool folder, and prints the
# owner's report. Keeps serving until Ctrl-C (or exits with --no-serve).
#
#   scripts/demo.sh [--no-serve] [--mariadb]
#
# --mariadb: the same demo on a throwaway MariaDB server instead of SQLite
# (scripts/mariadb-test-server: its own data folder var/demo/mariadb, socket
# and loopback port; stopped, and its folder removed, when the demo ends).
#
# State lives in var/demo/ (configuration with fresh tokens, database, log);
# each run starts from an empty database.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT="$(pwd)"
SERVE=1
MARIADB=0
for arg in "$@"; do
	case "$arg" in
	--no-serve) SERVE=0 ;;
	--mariadb) MARIADB=1 ;;
	*)
		echo "usage: $0 [--no-serve] [--mariadb]" >&2
		exit 2
		;;
	esac
done

scripts/install-deps.sh
scripts/build.sh

DEMO="$ROOT/var/demo"
mkdir -p "$DEMO"
rm -rf "$DEMO"/erp.sqlite* "$DEMO/spool"
HOST_PID=""
cleanup() {
	if [ -n "$HOST_PID" ]; then
		kill -TERM "$HOST_PID" 2>/dev/null || true
		wait "$HOST_PID" 2>/dev/null || true
	fi
	if [ $MARIADB -eq 1 ]; then scripts/mariadb-test-server stop "$DEMO/mariadb"; fi
}
trap cleanup EXIT
if [ $MARIADB -eq 1 ]; then
	# A fresh server with the database "erp" and the user "erp"; its default
	# character set is latin1 on purpose: the host sets utf8mb4 itself.
	MARIADB_PORT=$(scripts/mariadb-test-server start "$DEMO/mariadb")
	CONNECTOR=mysql
	CONNECTION="host=127.0.0.1;port=$MARIADB_PORT;user=erp;password=erp-test;db=erp"
	echo "== MariaDB $(mariadb --no-defaults -h127.0.0.1 -P"$MARIADB_PORT" -uerp -perp-test -N -e 'SELECT VERSION()') on 127.0.0.1:$MARIADB_PORT (data in $DEMO/mariadb)"
else
	CONNECTOR=sqlite
	CONNECTION="$DEMO/erp.sqlite"
fi
PORT="${DEMO_PORT:-8080}"
ADMIN_TOKEN="admin-$(openssl rand -hex 16)"
ACCOUNTANT_TOKEN="maria-$(openssl rand -hex 16)"
# Passwords for the web interface, new on each run; only their Argon2id
# hashes go into the configuration (erp-host --hash-password).
ADMIN_PASSWORD="admin-$(openssl rand -hex 6)"
ACCOUNTANT_PASSWORD="maria-$(openssl rand -hex 6)"
ADMIN_HASH_LINE=$(printf '%s\n' "$ADMIN_PASSWORD" | "$ROOT/build/bin/erp-host" --hash-password=admin)
ACCOUNTANT_HASH_LINE=$(printf '%s\n' "$ACCOUNTANT_PASSWORD" | "$ROOT/build/bin/erp-host" --hash-password=maria)
cat > "$DEMO/host.properties" <<CONF
# Reference host configuration written by scripts/demo.sh
database.connector = $CONNECTOR
database.connection = $CONNECTION
http.address = 127.0.0.1
http.port = $PORT
plugins.directory = $ROOT/build/plugins
business.timezone = Europe/Athens
users.admin.role = admin
users.admin.token = $ADMIN_TOKEN
users.maria.role = accountant
users.maria.token = $ACCOUNTANT_TOKEN
$ADMIN_HASH_LINE
$ACCOUNTANT_HASH_LINE
reminders.spool.directory = $DEMO/spool
logging.loggers.root.channel = file
logging.channels.file.class = FileChannel
logging.channels.file.path = $DEMO/erp-host.log
logging.channels.file.formatter.class = PatternFormatter
logging.channels.file.formatter.pattern = %Y-%m-%d %H:%M:%S %s [%p] %t
CONF

"$ROOT/build/bin/erp-host" --config="$DEMO/host.properties" &
HOST_PID=$!
BASE="http://127.0.0.1:$PORT"
for _ in $(seq 1 50); do
	curl -s -o /dev/null "$BASE/api/plugins" && break
	kill -0 $HOST_PID 2>/dev/null || { echo "demo: erp-host did not start; see $DEMO/erp-host.log" >&2; exit 1; }
	sleep 0.2
done

scripts/seed-demo.sh "$BASE" "$ADMIN_TOKEN" "$ACCOUNTANT_TOKEN"

echo
echo "== Plugins"
curl -sS "$BASE/api/plugins" -H "Authorization: Bearer $ACCOUNTANT_TOKEN" |
	jq -r '.items[] | "\(.id) \(.version // "") \(.state) \(.reason // "") hooks=\(.hooks // [] | join(",")) tasks=\(.tasks // [] | join(","))"'
echo
echo "== Outstanding invoices (reminder flag per invoice)"
curl -sS "$BASE/api/invoices?limit=100" -H "Authorization: Bearer $ACCOUNTANT_TOKEN" |
	jq -r '.items[] | select(.status != "paid") | "\(.number)\t\(.issue_date)\t due \(.due_date // "-")\t\(.outstanding) \(.currency) of \(.total)\t\(.status)\t with_reminder=\(.reminders.with_reminder)"'
echo
MONDAY=$(date -d "next monday" +%F)
THIS_MONDAY=$(date -d "$(($(date +%u) - 1)) days ago" +%F)
echo "== Preview of Monday $MONDAY: one email per customer"
curl -sS "$BASE/api/plugins/reminders/preview?date=$MONDAY" -H "Authorization: Bearer $ACCOUNTANT_TOKEN" |
	jq -r '(.messages[] | "to \(.recipient) (\(.language)): " + ([.invoices[] | "\(.number) \(.outstanding) \(.currency), \(.days_overdue) days"] | join("; "))),
		(.skipped[] | "NOT SENT to \(.customer.name): \(.reason), owes " + ([.totals | to_entries[] | "\(.value) \(.key)"] | join(", "))),
		"summary: \(.summary.customers_to_remind) to remind, \(.summary.customers_without_valid_email) without a valid address, \(.summary.invoices) invoices"'
echo
echo "== Monday $THIS_MONDAY: the weekly run (into the spool folder)"
# Only a day that has begun is run (a later one is what the preview is
# for): the command line acts for this week's Monday.
"$ROOT/build/bin/erp-host" --config="$DEMO/host.properties" --run-task=reminders.weekly --today="$THIS_MONDAY" 2>&1 |
	tail -n 1
RUN_ID=$(curl -sS "$BASE/api/plugins/reminders/runs?limit=1" -H "Authorization: Bearer $ACCOUNTANT_TOKEN" | jq -r '.items[0].id')
echo
echo "== The owner's report (GET /api/plugins/reminders/runs/$RUN_ID)"
curl -sS "$BASE/api/plugins/reminders/runs/$RUN_ID" -H "Authorization: Bearer $ACCOUNTANT_TOKEN" |
	jq -r '"week \(.iso_week), \(.state); report email: \(.report)",
		(.reminded[] | "  reminded \(.customer) <\(.recipient)>: \(.state), " + ([.invoices[] | "\(.number) \(.outstanding) \(.currency)"] | join(", "))),
		(.not_reminded[] | "  NOT reminded \(.customer): \(.reason)"),
		"  totals: " + ([.totals | to_entries[] | "\(.value) \(.key)"] | join(", "))'
echo
echo "== The spool: $DEMO/spool"
ls -1 "$DEMO/spool"
REPORT=$(grep -l "^To: owner@example.gr" "$DEMO"/spool/*.eml | head -1)
echo
echo "== The report email as the owner reads it ($REPORT)"
/usr/bin/python3 -c 'import email, sys; from email import policy; m = email.message_from_binary_file(open(sys.argv[1], "rb"), policy=policy.default); print("Subject:", m["Subject"]); print(m.get_body(("plain",)).get_content())' "$REPORT"
echo
if [ $SERVE -eq 1 ]; then
	echo "erp-host listens on $BASE/ (pid $HOST_PID)"
else
	echo "erp-host served on $BASE/ and stops now (--no-serve)"
fi
echo "  open in a browser:  $BASE/"
echo "  administrator:  user admin, password $ADMIN_PASSWORD"
echo "  accountant:     user maria, password $ACCOUNTANT_PASSWORD"
echo "  (the API under $BASE/api/ with these tokens:)"
echo "  administrator:  Authorization: Bearer $ADMIN_TOKEN"
echo "  accountant:     Authorization: Bearer $ACCOUNTANT_TOKEN"
echo "  configuration:  $DEMO/host.properties"
if [ $MARIADB -eq 1 ]; then
	echo "  database:       MariaDB on 127.0.0.1:$MARIADB_PORT, database erp, user erp, password erp-test (removed at exit)"
fi
echo "  log:            $DEMO/erp-host.log"
echo "  try: curl -s $BASE/api/customers -H 'Authorization: Bearer $ACCOUNTANT_TOKEN' | jq ."
if [ $SERVE -eq 1 ]; then
	echo "Serving until Ctrl-C."
	wait $HOST_PID
fi
