-- Rebooking with priority after a closure (decision 010). When staff close an office, a line or a day,
-- each cancelled appointment gets a pass: a link in the cancellation e-mail that lets the person choose
-- a new time without competing for it, and, when one could be found, a place kept for them meanwhile —
-- a hold of kind 'priority' on the soonest free slot of the same procedure and channel (same office,
-- else the same city; for remote channels, the same channel).
ALTER TABLE holds DROP CONSTRAINT holds_kind_check;
ALTER TABLE holds ADD CONSTRAINT holds_kind_check CHECK (kind IN ('citizen', 'offer', 'release', 'priority'));
ALTER TABLE holds ADD CONSTRAINT holds_priority_procedure CHECK (kind <> 'priority' OR procedure_code IS NOT NULL);

CREATE TABLE rebook_passes (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  -- the appointment the closure cancelled; one pass each
  appointment_id bigint NOT NULL UNIQUE REFERENCES appointments (id),
  closure_id bigint NOT NULL REFERENCES agenda_closures (id),
  -- the kept place: its hold row (no foreign key: holds are deleted when they expire or are used) and slot
  hold_id uuid,
  kept_slot_id bigint REFERENCES slots (id),
  -- open: usable; used: a new appointment was made; declined: the person gave the kept place back;
  -- withdrawn: the person's data was erased on request
  status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'used', 'declined', 'withdrawn')),
  rebooked_appointment_id bigint REFERENCES appointments (id),
  created_at timestamptz NOT NULL,
  expires_at timestamptz NOT NULL,
  decided_at timestamptz,
  CHECK (expires_at > created_at),
  CHECK ((hold_id IS NULL) = (kept_slot_id IS NULL)),
  CHECK ((status = 'used') = (rebooked_appointment_id IS NOT NULL)),
  CHECK ((status = 'open') = (decided_at IS NULL))
);
CREATE INDEX rebook_passes_closure ON rebook_passes (closure_id);
