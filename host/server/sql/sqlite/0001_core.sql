-- Reference host: customers, invoices, payments, users, audit log.
-- Money is integer minor units plus an ISO 4217 code; dates are YYYY-MM-DD
-- text, instants ISO 8601 UTC text.

CREATE TABLE customers (
	id INTEGER PRIMARY KEY AUTOINCREMENT,
	name TEXT NOT NULL,
	email TEXT,
	language TEXT NOT NULL DEFAULT 'el',
	created_at TEXT NOT NULL,
	updated_at TEXT NOT NULL
);

CREATE TABLE invoices (
	id INTEGER PRIMARY KEY AUTOINCREMENT,
	number TEXT NOT NULL UNIQUE,
	customer_id INTEGER NOT NULL REFERENCES customers(id),
	issue_date TEXT NOT NULL,
	due_date TEXT,
	currency TEXT NOT NULL,
	total_minor INTEGER NOT NULL,
	paid_minor INTEGER NOT NULL DEFAULT 0,
	status TEXT NOT NULL,
	created_by TEXT NOT NULL,
	created_at TEXT NOT NULL
);

CREATE INDEX invoices_customer ON invoices(customer_id, id);
CREATE INDEX invoices_status_due ON invoices(status, due_date);

CREATE TABLE payments (
	id INTEGER PRIMARY KEY AUTOINCREMENT,
	invoice_id INTEGER NOT NULL REFERENCES invoices(id),
	amount_minor INTEGER NOT NULL,
	paid_on TEXT NOT NULL,
	reference TEXT,
	created_by TEXT NOT NULL,
	created_at TEXT NOT NULL
);

CREATE INDEX payments_invoice ON payments(invoice_id);

CREATE TABLE users (
	name TEXT PRIMARY KEY,
	role TEXT NOT NULL,
	token_sha256 TEXT NOT NULL UNIQUE,
	updated_at TEXT NOT NULL
);

CREATE TABLE audit_log (
	id INTEGER PRIMARY KEY AUTOINCREMENT,
	at TEXT NOT NULL,
	actor TEXT NOT NULL,
	action TEXT NOT NULL,
	entity TEXT NOT NULL,
	entity_id TEXT,
	details TEXT
);

CREATE INDEX audit_entity ON audit_log(entity, entity_id);
