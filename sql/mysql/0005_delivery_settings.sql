-- How the reminders leave, as an administrator saved it on the Email tab:
-- each column, when set, wins over the same key of the host's configuration
-- (reminders.smtp.*); NULL keeps the configuration's. delivery is 'smtp' or
-- 'spool'. The password is never answered by the API nor written to the
-- audit log.
ALTER TABLE reminder_settings
	ADD COLUMN delivery VARCHAR(8),
	ADD COLUMN smtp_host VARCHAR(253),
	ADD COLUMN smtp_port INT,
	ADD COLUMN smtp_tls VARCHAR(16),
	ADD COLUMN smtp_username VARCHAR(254),
	ADD COLUMN smtp_password VARCHAR(512),
	ADD COLUMN smtp_auth VARCHAR(16);
