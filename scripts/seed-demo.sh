#!/usr/bin/env bash
# Fills a running host with sample data through its API:
#   seed-demo.sh BASE_URL ADMIN_TOKEN ACCOUNTANT_TOKEN
# Greek and English customers, one without an email address, overdue and
# partly paid invoices in euros and one in pounds.
set -euo pipefail
BASE="$1"
ADMIN="$2"
ACCOUNTANT="$3"

post() {
	local token="$1" path="$2" body="$3" answer status
	answer=$(curl -sS -w '\n%{http_code}' -X POST "$BASE$path" -H "Authorization: Bearer $token" \
		-H 'Content-Type: application/json' -d "$body")
	status=$(tail -n1 <<<"$answer")
	if [ "${status:0:1}" != "2" ]; then
		echo "seed-demo: POST $path answered $status: $(head -n -1 <<<"$answer")" >&2
		exit 1
	fi
	head -n -1 <<<"$answer" | jq -r '.id // .payment_id'
}

c1=$(post "$ADMIN" /api/customers '{"name": "Παπαδόπουλος & Υιοί Ο.Ε.", "email": "logistirio@papadopoulos-example.gr", "language": "el"}')
c2=$(post "$ADMIN" /api/customers '{"name": "Κωνσταντίνου Ελένη", "email": "eleni.k@example.gr", "language": "el", "reminders": {"default": false}}')
c3=$(post "$ADMIN" /api/customers '{"name": "Northwind Traders Ltd", "email": "accounts@northwind-example.co.uk", "language": "en"}')
c4=$(post "$ADMIN" /api/customers '{"name": "Καφενείο «Η Πλατεία»", "language": "el"}')
c5=$(post "$ADMIN" /api/customers '{"name": "Acme Hellas", "email": "ap@acme-example.gr", "language": "en", "reminders": {"enabled": false}}')

invoice() {
	post "$ACCOUNTANT" /api/invoices "{\"number\": \"$1\", \"customer_id\": $2, \"issue_date\": \"$3\", $4 \"currency\": \"$5\", \"total\": \"$6\"}"
}

# Dates relative to today, so that the demo shows overdue invoices whenever it runs.
ago() { date -d "$1 days ago" +%F; }

i1=$(invoice "ΤΠΥ-0101" "$c1" "$(ago 120)" "\"due_date\": \"$(ago 90)\"," EUR 1240.00)
i2=$(invoice "ΤΠΥ-0117" "$c1" "$(ago 75)" "\"due_date\": \"$(ago 45)\"," EUR 310.50)
invoice "ΤΠΥ-0142" "$c1" "$(ago 7)" "\"due_date\": \"$(ago -23)\"," EUR 88.00 >/dev/null
i4=$(invoice "ΤΠΥ-0120" "$c2" "$(ago 70)" '' EUR 450.00)
i5=$(invoice "INV-0031" "$c3" "$(ago 90)" "\"due_date\": \"$(ago 60)\"," GBP 2000.00)
invoice "INV-0044" "$c3" "$(ago 50)" "\"due_date\": \"$(ago 35)\"," EUR 75.00 >/dev/null
invoice "ΤΠΥ-0125" "$c4" "$(ago 65)" "\"due_date\": \"$(ago 50)\"," EUR 64.80 >/dev/null
invoice "INV-0050" "$c5" "$(ago 60)" "\"due_date\": \"$(ago 30)\"," EUR 990.00 >/dev/null

post "$ACCOUNTANT" "/api/invoices/$i1/payments" "{\"amount\": \"500.00\", \"paid_on\": \"$(ago 80)\", \"reference\": \"Πίστωση λογαριασμού\"}" >/dev/null
post "$ACCOUNTANT" "/api/invoices/$i2/payments" "{\"amount\": \"310.50\", \"paid_on\": \"$(ago 46)\"}" >/dev/null
post "$ACCOUNTANT" "/api/invoices/$i5/payments" "{\"amount\": \"800.00\", \"paid_on\": \"$(ago 40)\", \"reference\": \"BACS\"}" >/dev/null
# Eleni's customer default is off: the accountant flags her overdue invoice by hand.
curl -sS -X PUT "$BASE/api/plugins/reminders/invoices/$i4" -H "Authorization: Bearer $ACCOUNTANT" \
	-d '{"with_reminder": true}' >/dev/null
# The administrator turns the feature on.
curl -sS -X PUT "$BASE/api/plugins/reminders/settings" -H "Authorization: Bearer $ADMIN" \
	-d '{"enabled": true, "from_address": "logistirio@example.gr", "from_name": "Λογιστήριο Demo Α.Ε.", "owner_email": "owner@example.gr", "days_after_due": 7, "stop_after_months": 6}' >/dev/null
# Invoices issued before the switch-on are not flagged: the accountant ticks
# them on the bulk-enable page (here: those of customers whose default is on).
ids=$(curl -sS "$BASE/api/plugins/reminders/outstanding" -H "Authorization: Bearer $ACCOUNTANT" |
	jq -c '[.customers[] | select(.reminders.enabled and .reminders.default) | .invoices[] | select(.with_reminder | not) | .id]')
[ "$ids" != "[]" ] && post "$ACCOUNTANT" /api/plugins/reminders/bulk-enable "{\"invoice_ids\": $ids}" >/dev/null
echo "seed-demo: 5 customers, 8 invoices, 3 payments; reminders on, outstanding invoices enabled"
