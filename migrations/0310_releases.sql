-- Fair release (DESIGN.md §7, decision 011): the scarce places of a line's days are drawn among everyone
-- who applies within a window, instead of going to whoever is fastest.
CREATE TABLE releases (
  id uuid PRIMARY KEY,
  capacity_line_id bigint NOT NULL REFERENCES capacity_lines (id),
  procedure_code text NOT NULL REFERENCES procedures (code),
  channel text NOT NULL REFERENCES channels (code),
  office_code text NOT NULL REFERENCES offices (code),
  date_from date NOT NULL,
  date_to date NOT NULL,
  opens_at timestamptz NOT NULL,
  closes_at timestamptz NOT NULL,
  -- 32 random bytes fixed at creation; only their SHA-256 is shown until the draw, then the seed itself
  seed bytea NOT NULL CHECK (length(seed) = 32),
  seed_hash text NOT NULL CHECK (seed_hash ~ '^[0-9a-f]{64}$'),
  -- set by the one draw, with the free places it had to give and how many entries took part
  drawn_at timestamptz,
  drawn_places integer CHECK (drawn_places >= 0),
  drawn_entries integer CHECK (drawn_entries >= 0),
  created_by_staff_id bigint REFERENCES staff (id),
  created_at timestamptz NOT NULL,
  CHECK (date_to >= date_from),
  CHECK (closes_at > opens_at),
  CHECK ((drawn_at IS NULL) = (drawn_places IS NULL) AND (drawn_at IS NULL) = (drawn_entries IS NULL))
);
CREATE INDEX releases_line ON releases (capacity_line_id, date_from);
CREATE INDEX releases_to_draw ON releases (closes_at) WHERE drawn_at IS NULL;

-- A slot whose free places belong to a release: nobody can hold them while this is set. The draw's list
-- clears it for a slot when no entry still waiting wants that slot, and its free places go to alerts and
-- public search as any freed place.
ALTER TABLE slots ADD COLUMN release_id uuid REFERENCES releases (id);
CREATE INDEX slots_release ON slots (release_id) WHERE release_id IS NOT NULL;

-- One entry per document and release counts: the confirmed one. Asking again makes a pending entry that
-- replaces the confirmed one only when its own e-mail link is followed, so nobody who knows another's
-- document number can undo their entry.
CREATE TABLE release_entries (
  id uuid PRIMARY KEY,
  release_id uuid NOT NULL REFERENCES releases (id),
  person_key text NOT NULL,
  email text NOT NULL CHECK (length(email) BETWEEN 3 AND 254),
  locale text NOT NULL DEFAULT 'es' CHECK (locale IN ('es', 'en')),
  -- which of the release's days and which part of the day suit the person; null: any
  dates date[],
  part_of_day text CHECK (part_of_day IN ('manana', 'tarde')),
  status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'confirmed', 'replaced', 'withdrawn')),
  created_at timestamptz NOT NULL,
  confirmed_at timestamptz,
  -- 1 for the first in draw order; set by the draw for the confirmed entries
  draw_position integer CHECK (draw_position >= 1),
  CHECK (status IN ('pending', 'withdrawn') OR confirmed_at IS NOT NULL)
);
CREATE UNIQUE INDEX release_entries_one_per_person ON release_entries (release_id, person_key)
  WHERE status = 'confirmed';
CREATE UNIQUE INDEX release_entries_one_pending ON release_entries (release_id, person_key, lower(email))
  WHERE status = 'pending';
CREATE UNIQUE INDEX release_entries_position ON release_entries (release_id, draw_position)
  WHERE draw_position IS NOT NULL;

-- A place of the release offered to one entry: a hold of kind 'offer' keeps it until the claim window
-- ends. Each entry is offered one place at most, ever: an unclaimed or declined offer passes on.
CREATE TABLE release_offers (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  entry_id uuid NOT NULL UNIQUE REFERENCES release_entries (id),
  release_id uuid NOT NULL REFERENCES releases (id),
  slot_id bigint NOT NULL REFERENCES slots (id),
  hold_id uuid NOT NULL,
  -- draw: given by the draw itself; passed_on: an earlier offer of the place was not taken;
  -- refill: a place of the release freed later (a cancellation)
  reason text NOT NULL CHECK (reason IN ('draw', 'passed_on', 'refill')),
  status text NOT NULL DEFAULT 'offered'
    CHECK (status IN ('offered', 'claimed', 'booked', 'expired', 'declined', 'withdrawn')),
  offered_at timestamptz NOT NULL,
  expires_at timestamptz NOT NULL,
  decided_at timestamptz,
  appointment_id bigint REFERENCES appointments (id),
  CHECK (expires_at > offered_at)
);
CREATE INDEX release_offers_release ON release_offers (release_id, status);
CREATE INDEX release_offers_hold ON release_offers (hold_id);

-- A hold that only one person may confirm: a claimed draw offer is bound to the entry's document.
ALTER TABLE holds ADD COLUMN person_key text;
