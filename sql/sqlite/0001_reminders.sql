-- Reminders plugin: side tables keyed by the host's ids.

-- The feature's settings: one row (id = 1), written when first saved.
CREATE TABLE reminder_settings (
	id INTEGER PRIMARY KEY CHECK (id = 1),
	enabled INTEGER NOT NULL DEFAULT 0,
	days_after_due INTEGER NOT NULL DEFAULT 0,
	stop_after_months INTEGER NOT NULL DEFAULT 6,
	send_weekday INTEGER NOT NULL DEFAULT 1,
	send_time TEXT NOT NULL DEFAULT '09:00',
	time_zone TEXT,
	owner_email TEXT,
	from_address TEXT,
	reply_to TEXT,
	fallback_language TEXT NOT NULL DEFAULT 'el',
	first_enabled_at TEXT,
	updated_at TEXT NOT NULL,
	updated_by TEXT NOT NULL
);

-- Per-customer fields; a customer without a row has the defaults.
CREATE TABLE reminder_customers (
	customer_id INTEGER PRIMARY KEY REFERENCES customers(id),
	enabled INTEGER NOT NULL,
	default_on INTEGER NOT NULL,
	updated_at TEXT NOT NULL,
	updated_by TEXT NOT NULL
);

-- Per-invoice flag ("with payment reminder").
CREATE TABLE reminder_invoices (
	invoice_id INTEGER PRIMARY KEY REFERENCES invoices(id),
	with_reminder INTEGER NOT NULL,
	updated_at TEXT NOT NULL,
	updated_by TEXT NOT NULL
);

CREATE INDEX reminder_invoices_flag ON reminder_invoices(with_reminder, invoice_id);

-- Weekly runs: one per ISO week (sequence > 1 only for an operator's forced re-send).
CREATE TABLE reminder_runs (
	id INTEGER PRIMARY KEY AUTOINCREMENT,
	iso_week TEXT NOT NULL,
	sequence INTEGER NOT NULL DEFAULT 1,
	business_date TEXT NOT NULL,
	state TEXT NOT NULL,
	lease_owner TEXT,
	lease_until TEXT,
	started_by TEXT NOT NULL,
	started_at TEXT NOT NULL,
	finished_at TEXT,
	summary TEXT,
	UNIQUE (iso_week, sequence)
);

-- The outbox: one row per customer per run, written before delivery.
CREATE TABLE reminder_messages (
	id INTEGER PRIMARY KEY AUTOINCREMENT,
	run_id INTEGER NOT NULL REFERENCES reminder_runs(id),
	customer_id INTEGER NOT NULL REFERENCES customers(id),
	recipient TEXT,
	language TEXT NOT NULL,
	state TEXT NOT NULL,
	skip_reason TEXT,
	attempts INTEGER NOT NULL DEFAULT 0,
	next_attempt_at TEXT,
	reply_code INTEGER,
	reply_text TEXT,
	message_id TEXT,
	created_at TEXT NOT NULL,
	updated_at TEXT NOT NULL,
	UNIQUE (run_id, customer_id)
);

CREATE INDEX reminder_messages_state ON reminder_messages(run_id, state);

-- The invoices each message listed, with the amounts as sent.
CREATE TABLE reminder_message_invoices (
	message_id INTEGER NOT NULL REFERENCES reminder_messages(id),
	invoice_id INTEGER NOT NULL REFERENCES invoices(id),
	currency TEXT NOT NULL,
	total_minor INTEGER NOT NULL,
	paid_minor INTEGER NOT NULL,
	outstanding_minor INTEGER NOT NULL,
	days_overdue INTEGER NOT NULL,
	PRIMARY KEY (message_id, invoice_id)
);

CREATE INDEX reminder_message_invoices_invoice ON reminder_message_invoices(invoice_id);
