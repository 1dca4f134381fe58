-- The product's core schema. Frozen once released: later changes come as new migration files.
-- Every rule that must hold under concurrency is a constraint here, not application code.

CREATE TABLE departments (
  code char(2) PRIMARY KEY CHECK (code ~ '^[0-9]{2}$'),
  name text NOT NULL
);

CREATE TABLE cities (
  code char(5) PRIMARY KEY CHECK (code ~ '^[0-9]{5}$'),
  name text NOT NULL,
  department_code char(2) NOT NULL REFERENCES departments (code),
  CHECK (substr(code, 1, 2) = department_code)
);

CREATE TABLE channels (
  code text PRIMARY KEY CHECK (code IN ('presencial', 'video', 'telefono', 'correo')),
  name_es text NOT NULL,
  name_en text NOT NULL,
  remote boolean NOT NULL,
  description_es text NOT NULL,
  description_en text NOT NULL,
  sort_order integer NOT NULL DEFAULT 0
);

CREATE TABLE procedures (
  code text PRIMARY KEY CHECK (code ~ '^[a-z0-9][a-z0-9-]{1,59}$'),
  name_es text NOT NULL CHECK (length(name_es) BETWEEN 3 AND 200),
  name_en text NOT NULL CHECK (length(name_en) BETWEEN 3 AND 200),
  category text NOT NULL CHECK (category IN ('tributario', 'aduanero', 'cambiario', 'transversal')),
  summary_es text NOT NULL,
  summary_en text NOT NULL,
  audience_es text NOT NULL DEFAULT '',
  audience_en text NOT NULL DEFAULT '',
  requirements_es text[] NOT NULL DEFAULT '{}',
  requirements_en text[] NOT NULL DEFAULT '{}',
  channels text[] NOT NULL DEFAULT '{}'
    CHECK (channels <@ ARRAY['presencial', 'video', 'telefono', 'correo']::text[]),
  requires_appointment boolean NOT NULL,
  self_service_url text,
  self_service_es text,
  self_service_en text,
  duration_minutes integer CHECK (duration_minutes BETWEEN 5 AND 240),
  -- which offices serve it: tax offices ('impuestos'), customs offices ('aduanas'), or both
  served_by text[] NOT NULL DEFAULT '{impuestos,aduanas}',
  active boolean NOT NULL DEFAULT true,
  sort_order integer NOT NULL DEFAULT 0,
  CHECK (NOT requires_appointment OR (cardinality(channels) > 0 AND duration_minutes IS NOT NULL)),
  CHECK (requires_appointment OR self_service_es IS NOT NULL)
);

CREATE TABLE offices (
  code text PRIMARY KEY CHECK (code ~ '^[0-9]{2,4}$'),
  name text NOT NULL CHECK (length(name) BETWEEN 3 AND 200),
  kind text NOT NULL CHECK (kind IN ('impuestos', 'aduanas', 'impuestos_aduanas', 'grandes_contribuyentes')),
  -- the Dirección Seccional an office belongs to: itself for a seccional, another office for a punto de contacto
  seccional_code text NOT NULL REFERENCES offices (code),
  city_code char(5) NOT NULL REFERENCES cities (code),
  address text NOT NULL,
  address_illustrative boolean NOT NULL DEFAULT true,
  hours_es text NOT NULL,
  hours_en text NOT NULL,
  desks integer NOT NULL CHECK (desks BETWEEN 1 AND 500),
  phone text,
  email text,
  active boolean NOT NULL DEFAULT true
);
CREATE INDEX offices_city ON offices (city_code);

-- A capacity line is one stream of agenda: an office attending some procedures through one channel.
CREATE TABLE capacity_lines (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  office_code text NOT NULL REFERENCES offices (code),
  channel text NOT NULL REFERENCES channels (code),
  name text NOT NULL,
  active boolean NOT NULL DEFAULT true,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX capacity_lines_office ON capacity_lines (office_code, channel);

CREATE TABLE capacity_line_procedures (
  capacity_line_id bigint NOT NULL REFERENCES capacity_lines (id) ON DELETE CASCADE,
  procedure_code text NOT NULL REFERENCES procedures (code),
  PRIMARY KEY (capacity_line_id, procedure_code)
);
CREATE INDEX capacity_line_procedures_procedure ON capacity_line_procedures (procedure_code);

-- Weekly template of a capacity line; times are minutes after Bogotá midnight.
CREATE TABLE agenda_templates (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  capacity_line_id bigint NOT NULL REFERENCES capacity_lines (id) ON DELETE CASCADE,
  name text NOT NULL,
  weekdays smallint[] NOT NULL CHECK (cardinality(weekdays) > 0 AND weekdays <@ ARRAY[1, 2, 3, 4, 5, 6, 7]::smallint[]),
  opens_minute integer NOT NULL CHECK (opens_minute BETWEEN 0 AND 1439),
  closes_minute integer NOT NULL CHECK (closes_minute BETWEEN 1 AND 1440),
  slot_minutes integer NOT NULL CHECK (slot_minutes BETWEEN 5 AND 240),
  places integer NOT NULL CHECK (places BETWEEN 1 AND 500),
  breaks jsonb NOT NULL DEFAULT '[]',
  created_at timestamptz NOT NULL DEFAULT now(),
  CHECK (closes_minute > opens_minute)
);

-- One bookable time of a capacity line. `taken` counts the appointments on it plus the holds on it
-- (live or expired but not yet reclaimed); the CHECK makes overselling impossible whatever the code does.
CREATE TABLE slots (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  capacity_line_id bigint NOT NULL REFERENCES capacity_lines (id),
  office_code text NOT NULL REFERENCES offices (code),
  channel text NOT NULL REFERENCES channels (code),
  local_date date NOT NULL,
  starts_at timestamptz NOT NULL,
  ends_at timestamptz NOT NULL,
  capacity integer NOT NULL CHECK (capacity >= 0),
  taken integer NOT NULL DEFAULT 0 CHECK (taken >= 0),
  -- places kept for people whose tax deadline falls on the slot's day, and how many of them are taken
  reserved integer NOT NULL DEFAULT 0 CHECK (reserved >= 0),
  reserved_taken integer NOT NULL DEFAULT 0 CHECK (reserved_taken >= 0),
  status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'closed')),
  CHECK (ends_at > starts_at),
  CHECK (taken <= capacity),
  CHECK (reserved <= capacity),
  CHECK (reserved_taken <= reserved AND reserved_taken <= taken),
  UNIQUE (capacity_line_id, starts_at)
);
CREATE INDEX slots_search ON slots (channel, local_date, office_code) WHERE status = 'open';

-- A place kept for a short time: a citizen choosing a time, an alert offer, or a freed place waiting
-- out the release delay. It stops counting at `expires_at` whether or not a job reclaims it.
CREATE TABLE holds (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  slot_id bigint NOT NULL REFERENCES slots (id),
  kind text NOT NULL CHECK (kind IN ('citizen', 'offer', 'release')),
  session_key text,
  procedure_code text REFERENCES procedures (code),
  channel text REFERENCES channels (code),
  reserved boolean NOT NULL DEFAULT false,
  expires_at timestamptz NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  -- what the person typed so far on the web journey; it goes with the hold
  draft jsonb,
  CHECK (kind <> 'citizen' OR procedure_code IS NOT NULL)
);
CREATE INDEX holds_slot_expiry ON holds (slot_id, expires_at);
CREATE INDEX holds_expiry ON holds (expires_at);
CREATE INDEX holds_session ON holds (session_key) WHERE session_key IS NOT NULL;

CREATE TABLE applicants (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  person_type text NOT NULL CHECK (person_type IN ('natural', 'juridica')),
  document_type text NOT NULL,
  document_number text NOT NULL,
  first_name text NOT NULL,
  last_name text NOT NULL,
  email text NOT NULL,
  phone text NOT NULL,
  nit text,
  nit_check_digit smallint CHECK (nit_check_digit BETWEEN 0 AND 9),
  company_name text,
  locale text NOT NULL DEFAULT 'es' CHECK (locale IN ('es', 'en')),
  created_at timestamptz NOT NULL DEFAULT now(),
  anonymised_at timestamptz,
  CHECK (person_type = 'natural' OR (nit IS NOT NULL AND company_name IS NOT NULL))
);

-- Proof of each consent (Ley 1581 de 2012): which policy version, for which purposes, when and how.
CREATE TABLE consents (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  applicant_id bigint NOT NULL REFERENCES applicants (id),
  policy_version text NOT NULL,
  purposes text[] NOT NULL CHECK (cardinality(purposes) > 0),
  channel text NOT NULL CHECK (channel IN ('web', 'api')),
  accepted_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE appointments (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  code text NOT NULL UNIQUE CHECK (code ~ '^[A-HJ-NP-Z2-9]{8,12}$'),
  slot_id bigint NOT NULL REFERENCES slots (id),
  procedure_code text NOT NULL REFERENCES procedures (code),
  channel text NOT NULL REFERENCES channels (code),
  office_code text NOT NULL REFERENCES offices (code),
  starts_at timestamptz NOT NULL,
  ends_at timestamptz NOT NULL,
  applicant_id bigint NOT NULL REFERENCES applicants (id),
  -- "document type:number": the person the per-person limits count
  person_key text NOT NULL,
  status text NOT NULL DEFAULT 'booked'
    CHECK (status IN ('booked', 'checked_in', 'attended', 'no_show', 'cancelled')),
  reserved boolean NOT NULL DEFAULT false,
  video_room text,
  locale text NOT NULL DEFAULT 'es' CHECK (locale IN ('es', 'en')),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  cancelled_at timestamptz,
  cancel_reason text CHECK (cancel_reason IN ('citizen', 'closure', 'reschedule', 'privacy')),
  rescheduled_from_id bigint REFERENCES appointments (id),
  checked_in_at timestamptz,
  attended_at timestamptz,
  desk_note text,
  CHECK ((status = 'cancelled') = (cancelled_at IS NOT NULL))
);
CREATE INDEX appointments_person ON appointments (person_key) WHERE status IN ('booked', 'checked_in');
CREATE INDEX appointments_slot ON appointments (slot_id);
CREATE INDEX appointments_office_day ON appointments (office_code, starts_at);

CREATE TABLE staff (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  email text NOT NULL,
  name text NOT NULL,
  role text NOT NULL CHECK (role IN ('admin_nacional', 'admin_seccional', 'funcionario', 'auditor', 'analista')),
  password_hash text NOT NULL,
  must_change_password boolean NOT NULL DEFAULT true,
  totp_secret text,
  totp_enabled_at timestamptz,
  totp_last_counter bigint,
  failed_attempts integer NOT NULL DEFAULT 0,
  locked_until timestamptz,
  active boolean NOT NULL DEFAULT true,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX staff_email ON staff (lower(email));

-- Offices (and, for desk officers, channels of an office) a staff member may see and act on.
CREATE TABLE staff_scopes (
  staff_id bigint NOT NULL REFERENCES staff (id) ON DELETE CASCADE,
  office_code text NOT NULL REFERENCES offices (code),
  channel text REFERENCES channels (code),
  UNIQUE NULLS NOT DISTINCT (staff_id, office_code, channel)
);

CREATE TABLE staff_sessions (
  id text PRIMARY KEY,
  staff_id bigint NOT NULL REFERENCES staff (id) ON DELETE CASCADE,
  second_factor_done boolean NOT NULL DEFAULT false,
  created_at timestamptz NOT NULL DEFAULT now(),
  last_seen_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL
);
CREATE INDEX staff_sessions_staff ON staff_sessions (staff_id);

-- Append-only trail of staff actions, each event chained to the previous one by hash.
CREATE TABLE audit_events (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  occurred_at timestamptz NOT NULL DEFAULT now(),
  actor_staff_id bigint REFERENCES staff (id),
  actor text NOT NULL,
  action text NOT NULL,
  entity_type text NOT NULL,
  entity_id text NOT NULL,
  office_code text,
  before jsonb,
  after jsonb,
  prev_hash text NOT NULL,
  hash text NOT NULL UNIQUE
);
CREATE INDEX audit_events_entity ON audit_events (entity_type, entity_id);

CREATE FUNCTION audit_events_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_events is append-only';
END
$$;
CREATE TRIGGER audit_events_no_update BEFORE UPDATE OR DELETE ON audit_events
  FOR EACH ROW EXECUTE FUNCTION audit_events_append_only();

-- Durable background jobs (outbox): claimed with FOR UPDATE SKIP LOCKED so each runs once.
CREATE TABLE jobs (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  name text NOT NULL,
  payload jsonb NOT NULL DEFAULT '{}',
  status text NOT NULL DEFAULT 'queued' CHECK (status IN ('queued', 'running', 'done', 'failed')),
  run_at timestamptz NOT NULL DEFAULT now(),
  attempts integer NOT NULL DEFAULT 0,
  max_attempts integer NOT NULL DEFAULT 5 CHECK (max_attempts > 0),
  locked_until timestamptz,
  last_error text,
  dedupe_key text UNIQUE,
  created_at timestamptz NOT NULL DEFAULT now(),
  finished_at timestamptz
);
CREATE INDEX jobs_due ON jobs (run_at) WHERE status IN ('queued', 'running');

-- Dates on which no agenda is offered beyond the official holidays (national closures, new laws),
-- or official holidays a new law removed.
CREATE TABLE holiday_overrides (
  date date PRIMARY KEY,
  kind text NOT NULL CHECK (kind IN ('add', 'remove')),
  name text NOT NULL
);
