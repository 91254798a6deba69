-- Plugins an administrator switched off or on (PUT /api/plugins/{id}).
-- A plugin without a row is enabled; a disabled one is not loaded at start.

CREATE TABLE plugin_state (
	plugin_id TEXT PRIMARY KEY,
	enabled INTEGER NOT NULL,
	updated_by TEXT NOT NULL,
	updated_at TEXT NOT NULL
);
