-- Signing in to the web interface. password_hash: an Argon2id hash in
-- libsodium's string form (users.NAME.password_hash; NULL: this user signs
-- in with no password, only its token works). A session is stored only as
-- the SHA-256 of its 256-bit random id: the table alone signs nobody in.
-- A session ends at expires_at (its absolute lifetime) or when unused for
-- the idle timeout (last_seen_at), whichever comes first.
ALTER TABLE users ADD COLUMN password_hash TEXT;

CREATE TABLE sessions (
	id_sha256 TEXT PRIMARY KEY,
	user_name TEXT NOT NULL REFERENCES users(name),
	created_at TEXT NOT NULL,
	last_seen_at TEXT NOT NULL,
	expires_at TEXT NOT NULL
);

CREATE INDEX sessions_user ON sessions(user_name);
CREATE INDEX sessions_expires ON sessions(expires_at);
