-- The From display name of reminders (e.g. the business's name).
ALTER TABLE reminder_settings ADD COLUMN from_name TEXT;
