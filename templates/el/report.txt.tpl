Αναφορά υπενθυμίσεων της {{DATE}} (εβδομάδα {{WEEK}}){{#FIRST}}: πρώτη αναφορά{{/FIRST}}{{#FINAL}}: τελική αναφορά{{/FINAL}}
{{#ALERT}}
{{MESSAGE}}
{{/ALERT}}
Πελάτες προς υπενθύμιση: {{SENT_COUNT}}
Τιμολόγια στις υπενθυμίσεις: {{INVOICE_COUNT}}
Συνολικό υπόλοιπο στις υπενθυμίσεις:
{{#TOTALS}}  {{AMOUNT}}
{{/TOTALS}}
Μηνύματα ανά κατάσταση:
{{#COUNT}}  {{LABEL}}: {{N}}
{{/COUNT}}{{#SENT}}
* {{CUSTOMER_NAME}} <{{RECIPIENT}}>: {{STATE}}{{#REPLY}} (απάντηση διακομιστή: {{REPLY}}){{/REPLY}}
  τιμολόγια: {{INVOICES}}· υπόλοιπο: {{#CUSTOMER_TOTALS}}{{AMOUNT}}{{#CUSTOMER_TOTALS_separator}}, {{/CUSTOMER_TOTALS_separator}}{{/CUSTOMER_TOTALS}}{{/SENT}}
{{#NOT_SENT_ANY}}
Δεν στάλθηκε υπενθύμιση:
{{#NOT_SENT}}* {{CUSTOMER_NAME}}: {{REASON}}· υπόλοιπο: {{#CUSTOMER_TOTALS}}{{AMOUNT}}{{#CUSTOMER_TOTALS_separator}}, {{/CUSTOMER_TOTALS_separator}}{{/CUSTOMER_TOTALS}}
{{/NOT_SENT}}{{/NOT_SENT_ANY}}{{#STOPPED_ANY}}
Τιμολόγια που έλαβαν την τελευταία υπενθύμιση («Διακοπή μετά από μήνες»):
{{#STOPPED}}* {{NUMBER}} ({{CUSTOMER_NAME}}): {{OUTSTANDING}}
{{/STOPPED}}{{/STOPPED_ANY}}{{#AGE_BANDS_ANY}}
Ληξιπρόθεσμα τιμολόγια στις υπενθυμίσεις ανά παλαιότητα:
{{#AGE_BAND}}* {{BAND}}: {{INVOICES}} {{#INVOICES_ONE}}τιμολόγιο{{/INVOICES_ONE}}{{#INVOICES_OTHER}}τιμολόγια{{/INVOICES_OTHER}}, υπόλοιπο {{#BAND_TOTALS}}{{AMOUNT}}{{#BAND_TOTALS_separator}}, {{/BAND_TOTALS_separator}}{{/BAND_TOTALS}}
{{/AGE_BAND}}{{/AGE_BANDS_ANY}}{{#BOUNCES_ANY}}
Επιστροφές της εβδομάδας πριν από αυτή την αποστολή (ό,τι επέστρεψε αφού ένας διακομιστής αλληλογραφίας είχε δεχτεί το μήνυμα):
{{#BOUNCE}}* {{CUSTOMER_NAME}} <{{ADDRESS}}>, {{DATE}}: {{KIND}}, {{STATUS}} {{DIAGNOSTIC}}{{#SUPPRESSED}}· η διεύθυνση πλέον εξαιρείται από τις υπενθυμίσεις{{/SUPPRESSED}}
{{/BOUNCE}}{{/BOUNCES_ANY}}{{#FIRST}}
Όσα μηνύματα ανέβαλε ένας διακομιστής αλληλογραφίας θα σταλούν ξανά. Θα λάβετε τελική αναφορά όταν όλα τα μηνύματα έχουν οριστική κατάσταση (το αργότερο στο τέλος της εβδομάδας).
{{/FIRST}}
«Έγινε δεκτό» σημαίνει ότι το μήνυμα το δέχτηκε ο διακομιστής αλληλογραφίας στον οποίο παραδόθηκε (ο δικός σας ή του παραλήπτη)· κανείς δεν μπορεί να γνωρίζει αν έφτασε τελικά στα εισερχόμενα.
