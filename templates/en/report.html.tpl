{{%AUTOESCAPE context="HTML"}}<!DOCTYPE html>
<html lang="en">
<head><meta charset="utf-8"><title>Reminder report</title></head>
<body style="font-family: Arial, sans-serif; color: #222;">
<h2>Reminder report for {{DATE}} (week {{WEEK}}){{#FIRST}}: first report{{/FIRST}}{{#FINAL}}: final report{{/FINAL}}</h2>
{{#ALERT}}<p style="color: #b00020; font-weight: bold;">{{MESSAGE}}</p>
{{/ALERT}}<p>Customers due a reminder: {{SENT_COUNT}}<br>Invoices listed: {{INVOICE_COUNT}}<br>Total outstanding in the reminders:{{#TOTALS}}<br>{{AMOUNT}}{{/TOTALS}}</p>
<p>Messages by state:</p>
<ul>{{#COUNT}}<li>{{LABEL}}: {{N}}</li>{{/COUNT}}</ul>
<table cellpadding="6" style="border-collapse: collapse;">
<tr style="background: #f0f0f0;"><th align="left">Customer</th><th align="left">Email</th><th align="left">State</th><th align="right">Invoices</th><th align="right">Outstanding</th></tr>
{{#SENT}}<tr><td>{{CUSTOMER_NAME}}</td><td>{{RECIPIENT}}</td><td>{{STATE}}{{#REPLY}}<br><small>server's reply: {{REPLY}}</small>{{/REPLY}}</td><td align="right">{{INVOICES}}</td><td align="right">{{#CUSTOMER_TOTALS}}{{AMOUNT}}{{#CUSTOMER_TOTALS_separator}}<br>{{/CUSTOMER_TOTALS_separator}}{{/CUSTOMER_TOTALS}}</td></tr>
{{/SENT}}</table>
{{#NOT_SENT_ANY}}<h3>Not reminded</h3>
<ul>{{#NOT_SENT}}<li>{{CUSTOMER_NAME}}: {{REASON}}; outstanding: {{#CUSTOMER_TOTALS}}{{AMOUNT}}{{#CUSTOMER_TOTALS_separator}}, {{/CUSTOMER_TOTALS_separator}}{{/CUSTOMER_TOTALS}}</li>{{/NOT_SENT}}</ul>{{/NOT_SENT_ANY}}
{{#STOPPED_ANY}}<h3>Invoices that had their last reminder (stop after months)</h3>
<ul>{{#STOPPED}}<li>{{NUMBER}} ({{CUSTOMER_NAME}}): {{OUTSTANDING}}</li>{{/STOPPED}}</ul>{{/STOPPED_ANY}}
{{#AGE_BANDS_ANY}}<h3>Overdue invoices in the reminders by age</h3>
<table cellpadding="6" style="border-collapse: collapse;">
<tr style="background: #f0f0f0;"><th align="left">Days overdue</th><th align="right">Invoices</th><th align="right">Outstanding</th></tr>
{{#AGE_BAND}}<tr><td>{{BAND}}</td><td align="right">{{INVOICES}}</td><td align="right">{{#BAND_TOTALS}}{{AMOUNT}}{{#BAND_TOTALS_separator}}<br>{{/BAND_TOTALS_separator}}{{/BAND_TOTALS}}</td></tr>
{{/AGE_BAND}}</table>{{/AGE_BANDS_ANY}}
{{#BOUNCES_ANY}}<h3>Bounces read in the week before this run</h3>
<ul>{{#BOUNCE}}<li>{{CUSTOMER_NAME}} &lt;{{ADDRESS}}&gt;, {{DATE}}: {{KIND}}, {{STATUS}} {{DIAGNOSTIC}}{{#SUPPRESSED}}; the address is now left out of the reminders{{/SUPPRESSED}}</li>{{/BOUNCE}}</ul>{{/BOUNCES_ANY}}
{{#FIRST}}<p>Messages a mail server deferred are tried again. A final report follows when every message has its final state (at the latest when the week ends).</p>{{/FIRST}}
<p style="color: #666;">"Accepted" means that the mail server the message was handed to (your relay or the recipient's) took it; nobody can tell whether it then reached the inbox.</p>
</body>
</html>
