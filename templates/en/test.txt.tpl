This is a test message of the payment reminders.

The administrator {{ADMINISTRATOR}} asked for it on {{DATE}}, to check that the mail server takes messages from {{SENDER}}. If you received it, sending works; there is nothing to do.
