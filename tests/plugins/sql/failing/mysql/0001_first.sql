-- Applies cleanly.
CREATE TABLE failing_first (id INTEGER PRIMARY KEY);
