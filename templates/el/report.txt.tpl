Αναφορά υπενθυμίσεων της {{DATE}} (εβδομάδα {{WEEK}})

Υπενθυμίσεις: {{SENT_COUNT}} πελάτες, {{INVOICE_COUNT}} τιμολόγια. Σύνολο:{{#TOTALS}} {{AMOUNT}}{{#TOTALS_separator}} +{{/TOTALS_separator}}{{/TOTALS}}
{{#SENT}}
* {{CUSTOMER_NAME}} <{{RECIPIENT}}>: {{STATE}}{{#REPLY}} ({{REPLY}}){{/REPLY}}; τιμολόγια: {{INVOICES}}, υπόλοιπο{{#CUSTOMER_TOTALS}} {{AMOUNT}}{{#CUSTOMER_TOTALS_separator}} +{{/CUSTOMER_TOTALS_separator}}{{/CUSTOMER_TOTALS}}{{/SENT}}
{{#NOT_SENT_ANY}}
Δεν στάλθηκε υπενθύμιση (λείπει ή είναι άκυρη η διεύθυνση email):
{{#NOT_SENT}}* {{CUSTOMER_NAME}}: {{REASON}},{{#CUSTOMER_TOTALS}} {{AMOUNT}}{{#CUSTOMER_TOTALS_separator}} +{{/CUSTOMER_TOTALS_separator}}{{/CUSTOMER_TOTALS}}
{{/NOT_SENT}}{{/NOT_SENT_ANY}}{{#STOPPED_ANY}}
Τιμολόγια που έλαβαν την τελευταία υπενθύμιση («Διακοπή μετά από μήνες»):
{{#STOPPED}}* {{NUMBER}} ({{CUSTOMER_NAME}}): {{OUTSTANDING}}
{{/STOPPED}}{{/STOPPED_ANY}}
«Παραδόθηκε» σημαίνει ότι ο διακομιστής αλληλογραφίας του παραλήπτη δέχτηκε το μήνυμα.
