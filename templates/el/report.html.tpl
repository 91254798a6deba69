{{%AUTOESCAPE context="HTML"}}<!DOCTYPE html>
<html lang="el">
<head><meta charset="utf-8"><title>Αναφορά υπενθυμίσεων</title></head>
<body style="font-family: Arial, sans-serif; color: #222;">
<h2>Αναφορά υπενθυμίσεων της {{DATE}} (εβδομάδα {{WEEK}}){{#FIRST}}: πρώτη αναφορά{{/FIRST}}{{#FINAL}}: τελική αναφορά{{/FINAL}}</h2>
{{#ALERT}}<p style="color: #b00020; font-weight: bold;">{{MESSAGE}}</p>
{{/ALERT}}<p>Πελάτες προς υπενθύμιση: {{SENT_COUNT}}<br>Τιμολόγια στις υπενθυμίσεις: {{INVOICE_COUNT}}<br>Συνολικό υπόλοιπο στις υπενθυμίσεις:{{#TOTALS}}<br>{{AMOUNT}}{{/TOTALS}}</p>
<p>Μηνύματα ανά κατάσταση:</p>
<ul>{{#COUNT}}<li>{{LABEL}}: {{N}}</li>{{/COUNT}}</ul>
<table cellpadding="6" style="border-collapse: collapse;">
<tr style="background: #f0f0f0;"><th align="left">Πελάτης</th><th align="left">Email</th><th align="left">Κατάσταση</th><th align="right">Τιμολόγια</th><th align="right">Υπόλοιπο</th></tr>
{{#SENT}}<tr><td>{{CUSTOMER_NAME}}</td><td>{{RECIPIENT}}</td><td>{{STATE}}{{#REPLY}}<br><small>απάντηση διακομιστή: {{REPLY}}</small>{{/REPLY}}</td><td align="right">{{INVOICES}}</td><td align="right">{{#CUSTOMER_TOTALS}}{{AMOUNT}}{{#CUSTOMER_TOTALS_separator}}<br>{{/CUSTOMER_TOTALS_separator}}{{/CUSTOMER_TOTALS}}</td></tr>
{{/SENT}}</table>
{{#NOT_SENT_ANY}}<h3>Δεν στάλθηκε υπενθύμιση</h3>
<ul>{{#NOT_SENT}}<li>{{CUSTOMER_NAME}}: {{REASON}}· υπόλοιπο: {{#CUSTOMER_TOTALS}}{{AMOUNT}}{{#CUSTOMER_TOTALS_separator}}, {{/CUSTOMER_TOTALS_separator}}{{/CUSTOMER_TOTALS}}</li>{{/NOT_SENT}}</ul>{{/NOT_SENT_ANY}}
{{#STOPPED_ANY}}<h3>Τιμολόγια που έλαβαν την τελευταία υπενθύμιση («Διακοπή μετά από μήνες»)</h3>
<ul>{{#STOPPED}}<li>{{NUMBER}} ({{CUSTOMER_NAME}}): {{OUTSTANDING}}</li>{{/STOPPED}}</ul>{{/STOPPED_ANY}}
{{#AGE_BANDS_ANY}}<h3>Ληξιπρόθεσμα τιμολόγια στις υπενθυμίσεις ανά παλαιότητα</h3>
<table cellpadding="6" style="border-collapse: collapse;">
<tr style="background: #f0f0f0;"><th align="left">Ημέρες καθυστέρησης</th><th align="right">Τιμολόγια</th><th align="right">Υπόλοιπο</th></tr>
{{#AGE_BAND}}<tr><td>{{BAND}}</td><td align="right">{{INVOICES}}</td><td align="right">{{#BAND_TOTALS}}{{AMOUNT}}{{#BAND_TOTALS_separator}}<br>{{/BAND_TOTALS_separator}}{{/BAND_TOTALS}}</td></tr>
{{/AGE_BAND}}</table>{{/AGE_BANDS_ANY}}
{{#BOUNCES_ANY}}<h3>Επιστροφές της εβδομάδας πριν από αυτή την αποστολή</h3>
<ul>{{#BOUNCE}}<li>{{CUSTOMER_NAME}} &lt;{{ADDRESS}}&gt;, {{DATE}}: {{KIND}}, {{STATUS}} {{DIAGNOSTIC}}{{#SUPPRESSED}}· η διεύθυνση πλέον εξαιρείται από τις υπενθυμίσεις{{/SUPPRESSED}}</li>{{/BOUNCE}}</ul>{{/BOUNCES_ANY}}
{{#FIRST}}<p>Όσα μηνύματα ανέβαλε ένας διακομιστής αλληλογραφίας θα σταλούν ξανά. Θα λάβετε τελική αναφορά όταν όλα τα μηνύματα έχουν οριστική κατάσταση (το αργότερο στο τέλος της εβδομάδας).</p>{{/FIRST}}
<p style="color: #666;">«Έγινε δεκτό» σημαίνει ότι το μήνυμα το δέχτηκε ο διακομιστής αλληλογραφίας στον οποίο παραδόθηκε (ο δικός σας ή του παραλήπτη)· κανείς δεν μπορεί να γνωρίζει αν έφτασε τελικά στα εισερχόμενα.</p>
</body>
</html>
