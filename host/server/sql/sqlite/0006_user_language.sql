-- The language a user chose for the web interface (el or en); NULL: the
-- browser's (Accept-Language) decides.
ALTER TABLE users ADD COLUMN language TEXT;
