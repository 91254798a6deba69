Προς: {{CUSTOMER_NAME}}

Αγαπητέ πελάτη,

Σας υπενθυμίζουμε ευγενικά ότι τα παρακάτω τιμολόγια παραμένουν ανεξόφλητα:
{{#INVOICES}}
* Τιμολόγιο {{NUMBER}}, έκδοση {{ISSUE_DATE}}{{#BASIS_DUE}}, πληρωτέο έως {{DUE_DATE}}{{/BASIS_DUE}}
  Ποσό {{TOTAL}}, εξοφλημένο {{PAID}}, υπόλοιπο {{OUTSTANDING}}
  {{#BASIS_DUE}}{{DAYS_OVERDUE}} ημέρες μετά τη λήξη{{/BASIS_DUE}}{{#BASIS_ISSUE}}{{DAYS_OVERDUE}} ημέρες από την έκδοση{{/BASIS_ISSUE}}{{#FINAL}} (τελευταία υπενθύμιση για αυτό το τιμολόγιο){{/FINAL}}
{{#PAY}}  Πληρωμή: {{PAY_URL}}
{{/PAY}}{{/INVOICES}}
Συνολικό υπόλοιπο:{{#TOTALS}} {{AMOUNT}}{{#TOTALS_separator}} +{{/TOTALS_separator}}{{/TOTALS}}

Αν έχετε ήδη εξοφλήσει, παρακαλούμε αγνοήστε αυτό το μήνυμα. Για κάθε
απορία μπορείτε να απαντήσετε σε αυτό το email.

Με εκτίμηση,
{{BUSINESS_NAME}}
