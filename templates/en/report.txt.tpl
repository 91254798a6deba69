Reminder report for {{DATE}} (week {{WEEK}}){{#FIRST}}: first report{{/FIRST}}{{#FINAL}}: final report{{/FINAL}}
{{#ALERT}}
{{MESSAGE}}
{{/ALERT}}
Customers due a reminder: {{SENT_COUNT}}
Invoices listed: {{INVOICE_COUNT}}
Total outstanding in the reminders:
{{#TOTALS}}  {{AMOUNT}}
{{/TOTALS}}
Messages by state:
{{#COUNT}}  {{LABEL}}: {{N}}
{{/COUNT}}{{#SENT}}
* {{CUSTOMER_NAME}} <{{RECIPIENT}}>: {{STATE}}{{#REPLY}} (server's reply: {{REPLY}}){{/REPLY}}
  invoices listed: {{INVOICES}}; outstanding: {{#CUSTOMER_TOTALS}}{{AMOUNT}}{{#CUSTOMER_TOTALS_separator}}, {{/CUSTOMER_TOTALS_separator}}{{/CUSTOMER_TOTALS}}{{/SENT}}
{{#NOT_SENT_ANY}}
Not reminded:
{{#NOT_SENT}}* {{CUSTOMER_NAME}}: {{REASON}}; outstanding: {{#CUSTOMER_TOTALS}}{{AMOUNT}}{{#CUSTOMER_TOTALS_separator}}, {{/CUSTOMER_TOTALS_separator}}{{/CUSTOMER_TOTALS}}
{{/NOT_SENT}}{{/NOT_SENT_ANY}}{{#STOPPED_ANY}}
Invoices that had their last reminder (stop after months):
{{#STOPPED}}* {{NUMBER}} ({{CUSTOMER_NAME}}): {{OUTSTANDING}}
{{/STOPPED}}{{/STOPPED_ANY}}{{#AGE_BANDS_ANY}}
Overdue invoices in the reminders by age:
{{#AGE_BAND}}* {{BAND}}: {{INVOICES}} {{#INVOICES_ONE}}invoice{{/INVOICES_ONE}}{{#INVOICES_OTHER}}invoices{{/INVOICES_OTHER}}, outstanding {{#BAND_TOTALS}}{{AMOUNT}}{{#BAND_TOTALS_separator}}, {{/BAND_TOTALS_separator}}{{/BAND_TOTALS}}
{{/AGE_BAND}}{{/AGE_BANDS_ANY}}{{#BOUNCES_ANY}}
Bounces read in the week before this run (what came back after a mail server had accepted a message):
{{#BOUNCE}}* {{CUSTOMER_NAME}} <{{ADDRESS}}>, {{DATE}}: {{KIND}}, {{STATUS}} {{DIAGNOSTIC}}{{#SUPPRESSED}}; the address is now left out of the reminders{{/SUPPRESSED}}
{{/BOUNCE}}{{/BOUNCES_ANY}}{{#FIRST}}
Messages a mail server deferred are tried again. A final report follows when every message has its final state (at the latest when the week ends).
{{/FIRST}}
"Accepted" means that the mail server the message was handed to (your relay or the recipient's) took it; nobody can tell whether it then reached the inbox.
