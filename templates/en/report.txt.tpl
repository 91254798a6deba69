Reminder report for {{DATE}} (week {{WEEK}})

Reminded: {{SENT_COUNT}} customers, {{INVOICE_COUNT}} invoices. Total:{{#TOTALS}} {{AMOUNT}}{{#TOTALS_separator}} +{{/TOTALS_separator}}{{/TOTALS}}
{{#SENT}}
* {{CUSTOMER_NAME}} <{{RECIPIENT}}>: {{STATE}}{{#REPLY}} ({{REPLY}}){{/REPLY}}; invoices: {{INVOICES}}, outstanding{{#CUSTOMER_TOTALS}} {{AMOUNT}}{{#CUSTOMER_TOTALS_separator}} +{{/CUSTOMER_TOTALS_separator}}{{/CUSTOMER_TOTALS}}{{/SENT}}
{{#NOT_SENT_ANY}}
Not reminded (no or invalid email address):
{{#NOT_SENT}}* {{CUSTOMER_NAME}}: {{REASON}},{{#CUSTOMER_TOTALS}} {{AMOUNT}}{{#CUSTOMER_TOTALS_separator}} +{{/CUSTOMER_TOTALS_separator}}{{/CUSTOMER_TOTALS}}
{{/NOT_SENT}}{{/NOT_SENT_ANY}}{{#STOPPED_ANY}}
Invoices that had their last reminder (stop after months):
{{#STOPPED}}* {{NUMBER}} ({{CUSTOMER_NAME}}): {{OUTSTANDING}}
{{/STOPPED}}{{/STOPPED_ANY}}
"Accepted" means the recipient's mail server took the message; nobody can tell whether it then reached the inbox.
