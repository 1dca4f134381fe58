-- Back office: what staff sign-in and administration need beyond the core schema.

-- A TOTP secret being enrolled lives on the session until the first code proves the person has it;
-- only then does it move to the staff row.
ALTER TABLE staff_sessions ADD COLUMN pending_totp_secret text;

ALTER TABLE staff ADD COLUMN last_login_at timestamptz;
ALTER TABLE staff ADD COLUMN password_changed_at timestamptz;
ALTER TABLE staff ADD CONSTRAINT staff_email_shape CHECK (email ~ '^[^@\s]+@[^@\s]+$' AND length(email) <= 254);
ALTER TABLE staff ADD CONSTRAINT staff_name_length CHECK (length(name) BETWEEN 1 AND 200);
ALTER TABLE staff ADD CONSTRAINT staff_failed_attempts CHECK (failed_attempts >= 0);

-- Sessions are looked up by the SHA-256 of the cookie's token (the primary key) and purged by expiry.
CREATE INDEX staff_sessions_expiry ON staff_sessions (expires_at);

-- The audit browse page filters by date and action and pages newest first.
CREATE INDEX audit_events_occurred ON audit_events (occurred_at DESC, id DESC);
CREATE INDEX audit_events_action ON audit_events (action);
