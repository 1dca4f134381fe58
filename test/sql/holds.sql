-- Written by test/unit/sql-snapshots.test.ts from test/sql/statements.ts: do not edit. After a change
-- to one of these statements, UPDATE_SQL_SNAPSHOTS=1 npx vitest run test/unit/sql-snapshots.test.ts
-- rewrites this file; the diff is the change, as SQL.

-- takePlaceWithHold
WITH
  taken AS (
    UPDATE slots s
    SET
      taken = s.taken + 1
    WHERE
      s.id = $1
      AND s.channel = $2
      AND s.status = 'open'
      AND s.release_id IS NULL
      AND s.starts_at >= $3
      AND s.local_date <= $4::date
      AND (s.taken - s.reserved_taken) < (s.capacity - s.reserved)
      AND EXISTS (
        SELECT
          1
        FROM
          capacity_line_procedures lp
          JOIN capacity_lines l ON l.id = lp.capacity_line_id
          AND l.active
        WHERE
          lp.capacity_line_id = s.capacity_line_id
          AND lp.procedure_code = $5
      )
      AND EXISTS (
        SELECT
          1
        FROM
          offices o
        WHERE
          o.code = s.office_code
          AND o.active
      )
    RETURNING
      s.id
  )
INSERT INTO
  holds (
    slot_id,
    kind,
    session_key,
    procedure_code,
    channel,
    expires_at
  )
SELECT
  id,
  'citizen',
  $6,
  $7,
  $8,
  $9
FROM
  taken
RETURNING
  id,
  expires_at;
-- params: [42,"presencial","2026-12-01T13:00:00.000Z","2027-01-15","orientacion-tributaria","session-key","orientacion-tributaria","presencial","2026-12-01T12:10:00.000Z"]

-- takePlaceWithHold, with a NIT on its deadline day
WITH
  taken AS (
    UPDATE slots s
    SET
      taken = s.taken + 1
    WHERE
      s.id = $1
      AND s.channel = $2
      AND s.status = 'open'
      AND s.release_id IS NULL
      AND (
        s.starts_at >= $3
        OR (
          s.starts_at > $4
          AND EXISTS (
            SELECT
              1
            FROM
              tax_deadlines d
            WHERE
              d.due_date = s.local_date
              AND right($5, length(d.last_digits)) = d.last_digits
          )
        )
      )
      AND s.local_date <= $6::date
      AND (s.taken - s.reserved_taken) < (s.capacity - s.reserved)
      AND EXISTS (
        SELECT
          1
        FROM
          capacity_line_procedures lp
          JOIN capacity_lines l ON l.id = lp.capacity_line_id
          AND l.active
        WHERE
          lp.capacity_line_id = s.capacity_line_id
          AND lp.procedure_code = $7
      )
      AND EXISTS (
        SELECT
          1
        FROM
          offices o
        WHERE
          o.code = s.office_code
          AND o.active
      )
    RETURNING
      s.id
  )
INSERT INTO
  holds (
    slot_id,
    kind,
    session_key,
    procedure_code,
    channel,
    expires_at
  )
SELECT
  id,
  'citizen',
  $8,
  $9,
  $10,
  $11
FROM
  taken
RETURNING
  id,
  expires_at;
-- params: [42,"presencial","2026-12-01T13:00:00.000Z","2026-12-01T12:00:00.000Z","800200301","2027-01-15","orientacion-tributaria","session-key","orientacion-tributaria","presencial","2026-12-01T12:10:00.000Z"]

-- takeReservedPlaceWithHold
WITH
  taken AS (
    UPDATE slots s
    SET
      taken = s.taken + 1,
      reserved_taken = s.reserved_taken + 1
    WHERE
      s.id = $1
      AND s.channel = $2
      AND s.status = 'open'
      AND s.release_id IS NULL
      AND (
        s.starts_at >= $3
        OR (
          s.starts_at > $4
          AND EXISTS (
            SELECT
              1
            FROM
              tax_deadlines d
            WHERE
              d.due_date = s.local_date
              AND right($5, length(d.last_digits)) = d.last_digits
          )
        )
      )
      AND s.local_date <= $6::date
      AND s.reserved_taken < s.reserved
      AND EXISTS (
        SELECT
          1
        FROM
          tax_deadlines d
        WHERE
          d.due_date = s.local_date
          AND right($7, length(d.last_digits)) = d.last_digits
      )
      AND EXISTS (
        SELECT
          1
        FROM
          capacity_line_procedures lp
          JOIN capacity_lines l ON l.id = lp.capacity_line_id
          AND l.active
        WHERE
          lp.capacity_line_id = s.capacity_line_id
          AND lp.procedure_code = $8
      )
      AND EXISTS (
        SELECT
          1
        FROM
          offices o
        WHERE
          o.code = s.office_code
          AND o.active
      )
    RETURNING
      s.id
  )
INSERT INTO
  holds (
    slot_id,
    kind,
    session_key,
    procedure_code,
    channel,
    expires_at,
    reserved,
    nit
  )
SELECT
  id,
  'citizen',
  $9,
  $10,
  $11,
  $12,
  TRUE,
  $13
FROM
  taken
RETURNING
  id,
  expires_at;
-- params: [42,"presencial","2026-12-01T13:00:00.000Z","2026-12-01T12:00:00.000Z","800200301","2027-01-15","800200301","orientacion-tributaria","session-key","orientacion-tributaria","presencial","2026-12-01T12:10:00.000Z","800200301"]

-- lockAndConsumeHold
WITH
  gone AS (
    DELETE FROM holds
    WHERE
      id = $1
      AND kind = 'citizen'
      AND expires_at > $2
    RETURNING
      slot_id,
      procedure_code,
      channel,
      reserved,
      nit,
      person_key,
      session_key
  )
SELECT
  l.locked,
  g.slot_id,
  g.procedure_code,
  g.channel,
  g.reserved,
  g.nit,
  g.person_key,
  g.session_key,
  s.office_code,
  s.starts_at,
  s.ends_at
FROM
  (
    SELECT
      pg_advisory_xact_lock(hashtextextended ($3, 0)) IS NULL AS locked
  ) AS l
  LEFT JOIN (
    gone g
    JOIN slots s ON s.id = g.slot_id
  ) ON TRUE;
-- params: ["00000000-0000-4000-8000-000000000001","2026-12-01T12:00:00.000Z","CC:1020304050"]
