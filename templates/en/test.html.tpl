{{%AUTOESCAPE context="HTML"}}<!DOCTYPE html>
<html lang="en">
<head><meta charset="utf-8"><title>Test message</title></head>
<body style="font-family: Arial, sans-serif; color: #222;">
<p>This is a test message of the payment reminders.</p>
<p>The administrator {{ADMINISTRATOR}} asked for it on {{DATE}}, to check that the mail server takes messages from {{SENDER}}. If you received it, sending works; there is nothing to do.</p>
</body>
</html>
