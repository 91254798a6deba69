{{%AUTOESCAPE context="HTML"}}<!DOCTYPE html>
<html lang="el">
<head><meta charset="utf-8"><title>Αναφορά υπενθυμίσεων</title></head>
<body style="font-family: Arial, sans-serif; color: #222;">
<h2>Αναφορά υπενθυμίσεων {{DATE}} ({{WEEK}})</h2>
<p>{{SENT_COUNT}} / {{INVOICE_COUNT}}:{{#TOTALS}} {{AMOUNT}}{{#TOTALS_separator}} +{{/TOTALS_separator}}{{/TOTALS}}</p>
<table cellpadding="6" style="border-collapse: collapse;">
<tr style="background: #f0f0f0;"><th align="left">Πελάτης</th><th align="left">Email</th><th align="left">Κατάσταση</th><th align="right">Τιμολόγια</th><th align="right">Υπόλοιπο</th></tr>
{{#SENT}}<tr><td>{{CUSTOMER_NAME}}</td><td>{{RECIPIENT}}</td><td>{{STATE}}{{#REPLY}} ({{REPLY}}){{/REPLY}}</td><td align="right">{{INVOICES}}</td><td align="right">{{#CUSTOMER_TOTALS}}{{AMOUNT}}{{#CUSTOMER_TOTALS_separator}} + {{/CUSTOMER_TOTALS_separator}}{{/CUSTOMER_TOTALS}}</td></tr>
{{/SENT}}</table>
{{#NOT_SENT_ANY}}<h3>Δεν στάλθηκε υπενθύμιση</h3>
<ul>{{#NOT_SENT}}<li>{{CUSTOMER_NAME}}: {{REASON}},{{#CUSTOMER_TOTALS}} {{AMOUNT}}{{#CUSTOMER_TOTALS_separator}} +{{/CUSTOMER_TOTALS_separator}}{{/CUSTOMER_TOTALS}}</li>{{/NOT_SENT}}</ul>{{/NOT_SENT_ANY}}
{{#STOPPED_ANY}}<h3>Τελευταία υπενθύμιση</h3>
<ul>{{#STOPPED}}<li>{{NUMBER}} ({{CUSTOMER_NAME}}): {{OUTSTANDING}}</li>{{/STOPPED}}</ul>{{/STOPPED_ANY}}
<p style="color: #666;">«Παραδόθηκε» σημαίνει ότι ο διακομιστής αλληλογραφίας του παραλήπτη δέχτηκε το μήνυμα.</p>
</body>
</html>
