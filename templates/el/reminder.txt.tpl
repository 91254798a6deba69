Προς: {{CUSTOMER_NAME}}

Χαίρετε,

{{#INVOICE_COUNT_ONE}}Σας υπενθυμίζουμε ευγενικά ότι το παρακάτω τιμολόγιο παραμένει ανεξόφλητο:{{/INVOICE_COUNT_ONE}}{{#INVOICE_COUNT_OTHER}}Σας υπενθυμίζουμε ευγενικά ότι τα παρακάτω τιμολόγια παραμένουν ανεξόφλητα:{{/INVOICE_COUNT_OTHER}}
{{#INVOICES}}
* Τιμολόγιο {{NUMBER}} (υπενθύμιση αρ. {{REMINDER_NUMBER}}), έκδοση {{ISSUE_DATE}}{{#BASIS_DUE}}, πληρωτέο έως {{DUE_DATE}}{{/BASIS_DUE}}
  Ποσό {{TOTAL}}, εξοφλημένο {{PAID}}, υπόλοιπο {{OUTSTANDING}}
  {{DAYS_OVERDUE}} {{#DAYS_OVERDUE_ONE}}ημέρα{{/DAYS_OVERDUE_ONE}}{{#DAYS_OVERDUE_OTHER}}ημέρες{{/DAYS_OVERDUE_OTHER}} {{#BASIS_DUE}}μετά τη λήξη{{/BASIS_DUE}}{{#BASIS_ISSUE}}από την έκδοση{{/BASIS_ISSUE}}
{{#PAY}}  Πληρωμή: {{PAY_URL}}
{{/PAY}}{{/INVOICES}}
Συνολικό υπόλοιπο: {{#TOTALS}}{{AMOUNT}}{{#TOTALS_separator}}
                   {{/TOTALS_separator}}{{/TOTALS}}

Αν έχετε ήδη εξοφλήσει, παρακαλούμε αγνοήστε αυτό το μήνυμα. Για κάθε
απορία μπορείτε να απαντήσετε σε αυτό το email.

Με εκτίμηση,
{{BUSINESS_NAME}}
