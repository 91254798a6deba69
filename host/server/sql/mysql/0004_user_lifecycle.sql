-- Users are disabled, never deleted: the audit trail names them.
-- disabled_at: when the user was disabled (NULL: enabled); a disabled
-- user's token is refused. origin: where the user came from ('config':
-- the properties file, read again at every start; a user of the file
-- that is no longer in it is disabled then).
ALTER TABLE users ADD COLUMN disabled_at VARCHAR(32) NULL, ADD COLUMN origin VARCHAR(16) NOT NULL DEFAULT 'config';
