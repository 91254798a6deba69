{{%AUTOESCAPE context="HTML"}}<!DOCTYPE html>
<html lang="el">
<head><meta charset="utf-8"><title>{{#INVOICE_COUNT_ONE}}Υπενθύμιση ανεξόφλητου τιμολογίου{{/INVOICE_COUNT_ONE}}{{#INVOICE_COUNT_OTHER}}Υπενθύμιση ανεξόφλητων τιμολογίων{{/INVOICE_COUNT_OTHER}}</title></head>
<body style="font-family: Arial, sans-serif; color: #222;">
<p>Προς: {{CUSTOMER_NAME}}</p>
<p>Χαίρετε,</p>
<p>{{#INVOICE_COUNT_ONE}}Σας υπενθυμίζουμε ευγενικά ότι το παρακάτω τιμολόγιο παραμένει ανεξόφλητο:{{/INVOICE_COUNT_ONE}}{{#INVOICE_COUNT_OTHER}}Σας υπενθυμίζουμε ευγενικά ότι τα παρακάτω τιμολόγια παραμένουν ανεξόφλητα:{{/INVOICE_COUNT_OTHER}}</p>
<table style="border-collapse: collapse;" cellpadding="6">
<tr style="background: #f0f0f0;"><th align="left">Τιμολόγιο</th><th align="left">Έκδοση</th><th align="left">Πληρωτέο έως</th><th align="right">Ποσό</th><th align="right">Εξοφλημένο</th><th align="right">Υπόλοιπο</th><th align="right">Καθυστέρηση</th><th></th></tr>
{{#INVOICES}}<tr><td>{{NUMBER}}<br><small>Υπενθύμιση αρ. {{REMINDER_NUMBER}}</small></td><td>{{ISSUE_DATE}}</td><td>{{#BASIS_DUE}}{{DUE_DATE}}{{/BASIS_DUE}}{{#BASIS_ISSUE}}–{{/BASIS_ISSUE}}</td><td align="right">{{TOTAL}}</td><td align="right">{{PAID}}</td><td align="right"><strong>{{OUTSTANDING}}</strong></td><td align="right">{{DAYS_OVERDUE}} {{#DAYS_OVERDUE_ONE}}ημέρα{{/DAYS_OVERDUE_ONE}}{{#DAYS_OVERDUE_OTHER}}ημέρες{{/DAYS_OVERDUE_OTHER}} {{#BASIS_DUE}}μετά τη λήξη{{/BASIS_DUE}}{{#BASIS_ISSUE}}από την έκδοση{{/BASIS_ISSUE}}</td><td>{{#PAY}}<a href="{{PAY_URL}}">Πληρωμή</a>{{/PAY}}</td></tr>
{{/INVOICES}}</table>
<table style="border-collapse: collapse; margin-top: 1em;" cellpadding="6">
<tr><td><strong>Συνολικό υπόλοιπο:</strong></td><td align="right">{{#TOTALS}}{{AMOUNT}}</td></tr>{{#TOTALS_separator}}
<tr><td></td><td align="right">{{/TOTALS_separator}}{{/TOTALS}}
</table>
<p>Αν έχετε ήδη εξοφλήσει, παρακαλούμε αγνοήστε αυτό το μήνυμα. Για κάθε απορία μπορείτε να απαντήσετε σε αυτό το email.</p>
<p>Με εκτίμηση,<br>{{BUSINESS_NAME}}</p>
</body>
</html>
