-- Plugins an administrator switched off or on (PUT /api/plugins/{id}).
-- A plugin without a row is enabled; a disabled one is not loaded at start.
-- The same logical schema as sql/sqlite/0002_plugin_state.sql.

CREATE TABLE plugin_state (
	plugin_id VARCHAR(64) NOT NULL PRIMARY KEY,
	enabled TINYINT NOT NULL,
	updated_by VARCHAR(64) NOT NULL,
	updated_at VARCHAR(32) NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
