-- The first statement is valid, the second is not: neither may remain.
CREATE TABLE failing_second (id INTEGER PRIMARY KEY);
CREATE TABLE failing_third (id INTEGER PRIMARY KEY,;
