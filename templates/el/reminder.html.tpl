{{%AUTOESCAPE context="HTML"}}<!DOCTYPE html>
<html lang="el">
<head><meta charset="utf-8"><title>Υπενθύμιση ανεξόφλητων τιμολογίων</title></head>
<body style="font-family: Arial, sans-serif; color: #222;">
<p>Προς: {{CUSTOMER_NAME}}</p>
<p>Αγαπητέ πελάτη,</p>
<p>Σας υπενθυμίζουμε ευγενικά ότι τα παρακάτω τιμολόγια παραμένουν ανεξόφλητα:</p>
<table style="border-collapse: collapse;" cellpadding="6">
<tr style="background: #f0f0f0;"><th align="left">Τιμολόγιο</th><th align="left">Έκδοση</th><th align="left">Πληρωτέο έως</th><th align="right">Ποσό</th><th align="right">Εξοφλημένο</th><th align="right">Υπόλοιπο</th><th align="right">Ημέρες</th><th></th></tr>
{{#INVOICES}}<tr><td>{{NUMBER}}</td><td>{{ISSUE_DATE}}</td><td>{{#BASIS_DUE}}{{DUE_DATE}}{{/BASIS_DUE}}{{#BASIS_ISSUE}}–{{/BASIS_ISSUE}}</td><td align="right">{{TOTAL}}</td><td align="right">{{PAID}}</td><td align="right"><strong>{{OUTSTANDING}}</strong></td><td align="right">{{DAYS_OVERDUE}} {{#BASIS_DUE}}μετά τη λήξη{{/BASIS_DUE}}{{#BASIS_ISSUE}}από την έκδοση{{/BASIS_ISSUE}}{{#FINAL}} (τελευταία υπενθύμιση){{/FINAL}}</td><td>{{#PAY}}<a href="{{PAY_URL}}">Πληρωμή</a>{{/PAY}}</td></tr>
{{/INVOICES}}</table>
<p><strong>Συνολικό υπόλοιπο:</strong>{{#TOTALS}} {{AMOUNT}}{{#TOTALS_separator}} +{{/TOTALS_separator}}{{/TOTALS}}</p>
<p>Αν έχετε ήδη εξοφλήσει, παρακαλούμε αγνοήστε αυτό το μήνυμα. Για κάθε απορία μπορείτε να απαντήσετε σε αυτό το email.</p>
<p>Με εκτίμηση,<br>{{BUSINESS_NAME}}</p>
</body>
</html>
