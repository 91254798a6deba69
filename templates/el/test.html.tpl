{{%AUTOESCAPE context="HTML"}}<!DOCTYPE html>
<html lang="el">
<head><meta charset="utf-8"><title>Δοκιμαστικό μήνυμα</title></head>
<body style="font-family: Arial, sans-serif; color: #222;">
<p>Αυτό είναι ένα δοκιμαστικό μήνυμα των υπενθυμίσεων οφειλών.</p>
<p>Το ζήτησε ο διαχειριστής {{ADMINISTRATOR}} στις {{DATE}}, για να ελέγξει ότι ο διακομιστής αλληλογραφίας δέχεται μηνύματα από τη διεύθυνση {{SENDER}}. Αν το λάβατε, η αποστολή λειτουργεί· δεν χρειάζεται να κάνετε τίποτα.</p>
</body>
</html>
