-- Background jobs: a lease token per claim, so only the worker that holds a job can finish it, and a
-- default number of tries that rides out an SMTP outage of about two hours (back-off 1, 2, 4 … 60 min).
ALTER TABLE jobs ADD COLUMN lease_token uuid;
ALTER TABLE jobs ADD COLUMN started_at timestamptz;
ALTER TABLE jobs ALTER COLUMN max_attempts SET DEFAULT 8;
CREATE INDEX jobs_failed ON jobs (finished_at) WHERE status = 'failed';
CREATE INDEX jobs_finished ON jobs (finished_at) WHERE status = 'done';

-- One row per e-mail the product means to send, keyed by what the e-mail is about (for example
-- "appointment-confirmed:42"). It makes sending idempotent: a job run again after a crash sees the
-- message as sent and does not send it twice. No personal data here: no address, no content.
CREATE TABLE mail_deliveries (
  key text PRIMARY KEY CHECK (length(key) BETWEEN 3 AND 200),
  message_id text NOT NULL UNIQUE,
  kind text NOT NULL,
  transport text NOT NULL CHECK (transport IN ('smtp', 'mailbox')),
  status text NOT NULL CHECK (status IN ('sending', 'sent')),
  attempts integer NOT NULL DEFAULT 1 CHECK (attempts > 0),
  created_at timestamptz NOT NULL DEFAULT now(),
  sent_at timestamptz,
  CHECK ((status = 'sent') = (sent_at IS NOT NULL))
);
CREATE INDEX mail_deliveries_created ON mail_deliveries (created_at);

-- The local mailbox: without SMTP_URL, messages are kept here and shown at /dev/mailbox
-- (development only). Stored in the same transaction that records the delivery, so exactly once.
CREATE TABLE mail_messages (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  delivery_key text NOT NULL UNIQUE REFERENCES mail_deliveries (key) ON DELETE CASCADE,
  message_id text NOT NULL,
  kind text NOT NULL,
  locale text NOT NULL CHECK (locale IN ('es', 'en')),
  from_address text NOT NULL,
  to_address text NOT NULL,
  subject text NOT NULL,
  text_body text NOT NULL,
  html_body text NOT NULL,
  headers jsonb NOT NULL DEFAULT '{}',
  -- [{filename, contentType, content}] with the content as text (calendar files)
  attachments jsonb NOT NULL DEFAULT '[]',
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX mail_messages_created ON mail_messages (created_at DESC);

-- The reminder scan looks at booked appointments starting soon.
CREATE INDEX appointments_booked_start ON appointments (starts_at) WHERE status = 'booked';
