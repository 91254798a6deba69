-- A test plugin's table.
CREATE TABLE probe_things (
	id INTEGER PRIMARY KEY,
	label TEXT NOT NULL
);
