-- Users are disabled, never deleted: the audit trail names them.
-- disabled_at: when the user was disabled (NULL: enabled); a disabled
-- user's token is refused. origin: where the user came from ('config':
-- the properties file, read again at every start; a user of the file
-- that is no longer in it is disabled then).
ALTER TABLE users ADD COLUMN disabled_at TEXT;
ALTER TABLE users ADD COLUMN origin TEXT NOT NULL DEFAULT 'config';
