-- GET /api/audit?plugin=ID reads the actions starting "ID." as a range of
-- this index (accountants read their plugins' entries this way).

CREATE INDEX audit_action ON audit_log(action, id);
