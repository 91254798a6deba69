-- How the reminders leave, as an administrator saved it on the Email tab:
-- each column, when set, wins over the same key of the host's configuration
-- (reminders.smtp.*); NULL keeps the configuration's. delivery is 'smtp' or
-- 'spool'. The password is never answered by the API nor written to the
-- audit log.
ALTER TABLE reminder_settings ADD COLUMN delivery TEXT;
ALTER TABLE reminder_settings ADD COLUMN smtp_host TEXT;
ALTER TABLE reminder_settings ADD COLUMN smtp_port INTEGER;
ALTER TABLE reminder_settings ADD COLUMN smtp_tls TEXT;
ALTER TABLE reminder_settings ADD COLUMN smtp_username TEXT;
ALTER TABLE reminder_settings ADD COLUMN smtp_password TEXT;
ALTER TABLE reminder_settings ADD COLUMN smtp_auth TEXT;
